/**
 * #/charges (issue 6): card charges over time per card as inline SVG (the charts module's frame and sizes), flagged
 * charges marked and numbered, their reasons listed; a statement import form; "this merchant is mine"; a flagged
 * charge opening or joining a recovery case as its evidence.
 */
import type { Text } from '../src/engine/report.js';
import { chartWidth, dayLabel, dayRange, figureOf, valueAxis } from './charts.js';
import type { PageContext } from './check.js';
import { announce, h, s } from './dom.js';
import { lang, pick, texts } from './i18n.js';
import * as rapi from './recover-api.js';

const L = {
  heading: { ja: 'カードの利用明細をチェック', en: 'Check your card charges' },
  intro: {
    ja: 'カード会社の明細（CSV）を読み込むと、覚えのない店、同じ金額の繰り返し、デジタルコンテンツなど不正利用によくある請求に印を付けます。ファイルはこのサーバーの中だけで処理します。',
    en: 'Import your card statement (CSV) and sagicheck marks the charges fraud usually looks like: a new merchant, the same amount again and again, digital content. The file stays on this server.',
  },
  importHeading: { ja: '明細を読み込む', en: 'Import a statement' },
  file: {
    ja: '明細ファイル（CSV、Shift_JIS のままで可）',
    en: 'Statement file (CSV, Shift_JIS as downloaded is fine)',
  },
  format: { ja: '形式', en: 'Format' },
  auto: { ja: '自動判定', en: 'Detect' },
  rakuten: { ja: '楽天カード（e-NAVI）', en: 'Rakuten Card (e-NAVI)' },
  smbc: { ja: '三井住友カード（Vpass）', en: 'SMBC Card (Vpass)' },
  generic: { ja: 'その他（列を指定）', en: 'Other (give the columns)' },
  card: { ja: 'カード名（その他の形式では必須）', en: 'Card name (needed for other formats)' },
  map: { ja: '列の対応（その他の形式）', en: 'Columns (other formats)' },
  mapHint: {
    ja: '例: date=0,merchant=1,amount=2 または date=日付,merchant=内容,amount=金額。カードごとに覚えます。',
    en: 'e.g. date=0,merchant=1,amount=2 or date=Date,merchant=Description,amount=Amount; remembered per card.',
  },
  importButton: { ja: '読み込む', en: 'Import' },
  imported: {
    ja: '{card}: {n}件を読み込み（新規 {added}件）、要確認 {flagged}件',
    en: '{card}: {n} charges read ({added} new), {flagged} flagged',
  },
  empty: {
    ja: 'まだ明細がありません。上から読み込んでください。',
    en: 'No charges yet: import a statement above.',
  },
  chartTitle: { ja: '{card} の利用（日ごと）', en: 'Charges on {card} by day' },
  flagged: { ja: '要確認', en: 'Flagged' },
  normal: { ja: 'その他の利用', en: 'Other charges' },
  flaggedHeading: { ja: '確認が必要な請求', en: 'Charges to look at' },
  noneFlagged: { ja: '確認が必要な請求はありません。', en: 'Nothing flagged.' },
  known: { ja: '自分の利用（この店を登録）', en: 'This is mine (mark merchant as known)' },
  knownBadge: { ja: '登録済みの店', en: 'known merchant' },
  openCase: { ja: '復旧ケースを開く', en: 'Open a recovery case' },
  joinCase: { ja: 'ケースに追加', en: 'Add to case' },
  caseLabel: { ja: '既存のケース', en: 'Existing case' },
  marked: {
    ja: '登録しました。次の読み込みから印が付きません。',
    en: 'Marked as known: later imports will not flag it.',
  },
  day: { ja: '日付', en: 'Date' },
  merchant: { ja: '利用先', en: 'Merchant' },
  amount: { ja: '金額', en: 'Amount' },
  reasons: { ja: '理由', en: 'Reasons' },
  table: { ja: '数値で見る', en: 'Show as a table' },
  navCharges: { ja: 'カード明細', en: 'Card charges' },
} satisfies Record<string, Text>;

const t = texts(L);

export const chargesText = (): string => t('navCharges');

const CARD_NAMES: Record<string, Text> = {
  rakuten: { ja: '楽天カード', en: 'Rakuten Card' },
  smbc: { ja: '三井住友カード', en: 'SMBC Card' },
  jcb: { ja: 'JCBカード', en: 'JCB card' },
};

/** A card as people call it; the name it is stored under when it is not an issuer's short name. */
const cardName = (card: string): string => (CARD_NAMES[card] ? pick(CARD_NAMES[card]) : card);

const yen = (n: number): string =>
  lang() === 'ja' ? `${n.toLocaleString('ja-JP')}円` : `¥${n.toLocaleString('en-GB')}`;

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/** One card: a stacked bar per day (one segment per charge), flagged segments red and numbered above their day. */
function cardChart(card: string, items: rapi.ChargeItem[], numberOf: Map<string, number>): HTMLElement {
  const charges = items.filter((c) => c.amount > 0);
  const dates = charges.map((c) => c.date).sort();
  const first = dates[0] ?? new Date().toISOString().slice(0, 10);
  const last = dates[dates.length - 1] ?? first;
  const span = Math.max(7, daysBetween(first, last) + 3);
  const days = dayRange(new Date(Date.parse(`${last}T00:00:00Z`) + 86400000), span);
  const byDay = new Map<string, rapi.ChargeItem[]>(days.map((d) => [d, []]));
  for (const c of charges) byDay.get(c.date)?.push(c);
  const max = Math.max(1, ...[...byDay.values()].map((l) => l.reduce((a, c) => a + c.amount, 0)));
  const W = chartWidth();
  const H = 240;
  const left = 64;
  const top = 22;
  const bottom = 24;
  const plotH = H - top - bottom;
  const bw = (W - left - 8) / days.length;
  const id = `charges-chart-${card.replace(/[^\w-]/g, '_')}`;
  const title = t('chartTitle', { card: cardName(card) });
  const svg = s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t`, class: 'chart-svg charges-svg' },
    s('title', { id: `${id}-t` }, title),
  );
  valueAxis(svg, max, yen, { left, top, plotH, W });
  days.forEach((d, i) => {
    let y = top + plotH;
    const marks: number[] = [];
    for (const c of byDay.get(d) ?? []) {
      const hgt = Math.max(2, (c.amount / max) * plotH);
      y -= hgt;
      const reasons = c.reasons.map((r) => pick(r.message)).join(' / ');
      svg.append(
        s(
          'rect',
          {
            x: left + i * bw + 1,
            y,
            width: Math.max(2, bw - 2),
            height: hgt,
            class: c.flagged ? 'seg flagged' : 'seg',
            'data-id': c.id,
            'data-merchant': c.merchant ?? '',
            'data-amount': c.amount,
          },
          s('title', {}, `${c.date} ${c.merchant ?? '-'} ${yen(c.amount)}${reasons ? ` — ${reasons}` : ''}`),
        ),
      );
      const n = numberOf.get(c.id);
      if (n !== undefined) marks.push(n);
    }
    if (marks.length)
      svg.append(
        s(
          'text',
          { x: left + i * bw + bw / 2, y: Math.max(12, y - 5), 'text-anchor': 'middle', class: 'flag-mark' },
          marks.join(','),
        ),
      );
    const every = Math.max(1, Math.ceil(days.length / (W < 500 ? 4 : 8)));
    if (i === 0 || i === days.length - 1 || (i % every === 0 && i >= every && days.length - 1 - i >= every))
      svg.append(dayLabel(d, i, days.length, { left, bw, H }));
  });
  const table = h(
    'table',
    { class: 'data' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t('day'), t('merchant'), t('amount'), t('flagged')].map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      {},
      items.map((c) =>
        h(
          'tr',
          { class: c.flagged ? 'risky' : '' },
          h('th', { scope: 'row' }, c.date),
          h('td', {}, c.merchant ?? '—'),
          h('td', {}, yen(c.amount)),
          h('td', {}, c.flagged ? String(numberOf.get(c.id) ?? '✓') : ''),
        ),
      ),
    ),
  );
  const fig = figureOf(title, svg, table, id);
  fig.insertBefore(
    h(
      'ul',
      { class: 'legend' },
      h('li', {}, h('span', { class: 'swatch sw-flagged', 'aria-hidden': 'true' }), t('flagged')),
      h('li', {}, h('span', { class: 'swatch sw-charge', 'aria-hidden': 'true' }), t('normal')),
    ),
    fig.querySelector('details'),
  );
  return fig;
}

export async function renderCharges(ctx: PageContext, reload: () => void): Promise<HTMLElement> {
  const [{ cards, items }, cases] = await Promise.all([
    rapi.charges(ctx.session),
    rapi.listCases(ctx.session).then((r) => r.items),
  ]);
  const status = h('p', { class: 'import-status', role: 'status', id: 'import-status' });
  const failure = h('p', { class: 'form-status error', role: 'alert', id: 'charges-error' });
  const fail = (e: unknown) => {
    failure.textContent = e instanceof Error ? e.message : String(e);
  };

  const file = h('input', {
    type: 'file',
    id: 'statement',
    name: 'file',
    accept: '.csv,text/csv',
    required: true,
  });
  const format = h(
    'select',
    { id: 'format', name: 'format' },
    h('option', { value: '' }, t('auto')),
    h('option', { value: 'rakuten' }, t('rakuten')),
    h('option', { value: 'smbc' }, t('smbc')),
    h('option', { value: 'generic' }, t('generic')),
  );
  const card = h('input', { type: 'text', id: 'card', name: 'card', autocomplete: 'off' });
  const map = h('input', {
    type: 'text',
    id: 'map',
    name: 'map',
    autocomplete: 'off',
    placeholder: 'date=0,merchant=1,amount=2',
  });
  const form = h(
    'form',
    { class: 'card import-form', id: 'import-form' },
    h('h2', {}, t('importHeading')),
    h('label', { for: 'statement' }, t('file')),
    file,
    h('label', { for: 'format' }, t('format')),
    format,
    h('label', { for: 'card' }, t('card')),
    card,
    h('label', { for: 'map' }, t('map')),
    map,
    h('p', { class: 'hint' }, t('mapHint')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'import' }, t('importButton')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = file.files?.[0];
    if (!f) return;
    failure.textContent = '';
    rapi
      .importStatement(ctx.session, f, {
        format: format.value,
        card: card.value.trim(),
        map: map.value.trim(),
      })
      .then((r) => {
        const msg = t('imported', {
          card: cardName(r.card),
          n: r.charges.length,
          added: r.added,
          flagged: r.flagged,
        });
        sessionStorage.setItem('sagicheck.import', msg);
        announce(msg);
        reload();
      })
      .catch(fail);
  });
  const last = sessionStorage.getItem('sagicheck.import');
  if (last) {
    status.textContent = last;
    sessionStorage.removeItem('sagicheck.import');
  }

  const flagged = items.filter((c) => c.flagged);
  const numberOf = new Map(flagged.map((c, i) => [c.id, i + 1]));
  const charts = cards
    .map((cd) => ({ cd, list: items.filter((c) => c.card === cd) }))
    .filter((x) => x.list.length > 0)
    .map((x) => cardChart(x.cd, x.list, numberOf));

  const flaggedList = h(
    'ol',
    { class: 'flagged-list', id: 'flagged-list' },
    flagged.map((c) => {
      const caseSelect =
        cases.length > 0
          ? h(
              'select',
              { id: `case-for-${c.id}`, 'aria-label': t('caseLabel') },
              cases.map((k) => h('option', { value: k.id }, k.title)),
            )
          : null;
      const knownButton = h('button', { type: 'button', class: 'secondary known-button' }, t('known'));
      knownButton.addEventListener('click', () => {
        if (!c.merchant) return;
        rapi
          .markKnown(ctx.session, c.card, c.merchant)
          .then(() => {
            announce(t('marked'));
            reload();
          })
          .catch(fail);
      });
      const open = h('button', { type: 'button', class: 'primary open-case' }, t('openCase'));
      open.addEventListener('click', () => {
        rapi
          .chargeToCase(ctx.session, c.id, null)
          .then((r) => ctx.go(`#/cases/${encodeURIComponent(r.caseId)}`))
          .catch(fail);
      });
      const join = caseSelect
        ? h('button', { type: 'button', class: 'secondary join-case' }, t('joinCase'))
        : null;
      join?.addEventListener('click', () => {
        rapi
          .chargeToCase(ctx.session, c.id, caseSelect?.value ?? null)
          .then((r) => ctx.go(`#/cases/${encodeURIComponent(r.caseId)}`))
          .catch(fail);
      });
      return h(
        'li',
        { class: 'card flagged-charge', 'data-id': c.id, value: numberOf.get(c.id) ?? 0 },
        h(
          'p',
          { class: 'flagged-head' },
          h('strong', {}, `${c.date}  ${c.merchant ?? '—'}  ${yen(c.amount)}`),
          ` · ${cardName(c.card)}`,
          c.known ? h('span', { class: 'pill pill-no-threat-found' }, t('knownBadge')) : null,
        ),
        h(
          'ul',
          { class: 'reasons' },
          c.reasons.map((r) => h('li', { 'data-rule': r.id }, pick(r.message))),
        ),
        h('div', { class: 'actions' }, c.merchant && !c.known ? knownButton : null, open, caseSelect, join),
      );
    }),
  );

  return h(
    'section',
    { class: 'page charges', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('heading')),
    h('p', { class: 'intro' }, t('intro')),
    // With charges stored, the chart and what to look at come first; the import form follows.
    status,
    items.length === 0 ? form : null,
    failure,
    items.length === 0
      ? h('p', { id: 'charges-empty' }, t('empty'))
      : h('div', { class: 'charts', id: 'charges-charts' }, charts),
    items.length === 0
      ? null
      : h(
          'section',
          { 'aria-labelledby': 'flagged-title' },
          h('h2', { id: 'flagged-title' }, t('flaggedHeading')),
          flagged.length === 0 ? h('p', {}, t('noneFlagged')) : flaggedList,
        ),
    items.length === 0 ? null : form,
  );
}
