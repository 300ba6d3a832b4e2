/**
 * Recovery in the web app (issue 5): #/recover asks what happened (pre-filled from a check with ?check=<id>) and shows
 * the plan src/respond builds (through POST /api/v1/plans) one step at a time; saved as a case, #/cases lists them and
 * #/cases/<id> ticks steps off, keeps notes and evidence, and offers the downloads.
 */
import type { Text } from '../src/engine/report.js';
import type { Channel, Happened, PlanStep } from '../src/respond/types.js';
import * as api from './api.js';
import type { PageContext } from './check.js';
import { announce, h } from './dom.js';
import { formatDate, lang, pick, texts } from './i18n.js';
import * as rapi from './recover-api.js';

const L = {
  heading: { ja: '復旧プラン：被害を止めて取り戻す', en: 'Recovery plan: stop the damage, take it back' },
  intro: {
    ja: 'いくつかの質問に答えると、今すぐやることを順番に示します。落ち着いて、一つずつ進めましょう。',
    en: 'Answer a few questions and you get the steps to take now, in order. Take them one at a time.',
  },
  fromCheck: { ja: 'チェック結果から入力しました', en: 'Filled in from your check' },
  brand: {
    ja: 'どの会社・サービスを名乗っていましたか？',
    en: 'Which company or service did it claim to be?',
  },
  otherBrand: { ja: 'その他の会社・サービス名', en: 'Other company or service' },
  channel: { ja: 'どうやって来ましたか？', en: 'How did it come?' },
  happened: { ja: '何が起きましたか？（当てはまるものすべて）', en: 'What happened? (all that apply)' },
  when: { ja: 'いつですか？', en: 'When?' },
  whenHint: { ja: '日本時間。わからなければそのままで（今）', en: 'Japan time. Leave it if unsure (now)' },
  cards: { ja: '関係するカード', en: 'Cards involved' },
  otherCard: { ja: 'その他のカード（カード会社名）', en: 'Other card (issuer name)' },
  make: { ja: 'プランを作る', en: 'Make my plan' },
  needHappened: { ja: '何が起きたかを一つ以上選んでください', en: 'Choose at least one thing that happened' },
  planHeading: { ja: 'あなたの復旧プラン', en: 'Your recovery plan' },
  stepOf: { ja: '手順 {n} / {total}', en: 'Step {n} of {total}' },
  why: { ja: 'なぜ', en: 'Why' },
  how: { ja: 'どうする', en: 'How' },
  expect: { ja: 'この後どうなるか', en: 'What to expect' },
  contacts: { ja: '連絡先', en: 'Contacts' },
  forCards: { ja: '対象のカード', en: 'For' },
  prev: { ja: '前の手順', en: 'Previous step' },
  next: { ja: '次の手順', en: 'Next step' },
  save: { ja: 'ケースとして保存して始める', en: 'Save as a case and start' },
  edit: { ja: '答えを直す', en: 'Change the answers' },
  allSteps: { ja: 'すべての手順', en: 'All steps' },
  fallback: {
    ja: 'この会社専用の手順はまだないため、一般的な手順を示します。',
    en: 'No playbook for this company yet: these are the general steps.',
  },
  unverified: {
    ja: '公式ページで確認できていない内容を含みます（体験記などによる）',
    en: 'Not confirmed on an official page (from a victim’s account or similar)',
  },
  asap: { ja: '今すぐ', en: 'Now' },
  by: { ja: '期限', en: 'By' },
  notBefore: { ja: 'この時刻から', en: 'Not before' },
  casesHeading: { ja: '復旧ケース', en: 'Recovery cases' },
  casesEmpty: { ja: 'まだケースはありません。', en: 'No cases yet.' },
  newPlan: { ja: '新しい復旧プラン', en: 'New recovery plan' },
  progress: { ja: '進み具合', en: 'Progress' },
  nextDue: { ja: '次の期限', en: 'Next deadline' },
  created: { ja: '作成', en: 'Created' },
  title: { ja: 'ケース', en: 'Case' },
  current: { ja: '今やること', en: 'Do this now' },
  allDone: { ja: 'すべての手順が終わりました。おつかれさまでした。', en: 'Every step is done. Well done.' },
  markDone: { ja: '済んだ', en: 'Done' },
  undo: { ja: '未完了に戻す', en: 'Not done yet' },
  doneAt: { ja: '完了', en: 'Done' },
  reminders: { ja: '期限とリマインダー', en: 'Deadlines and reminders' },
  notes: { ja: 'メモ', en: 'Notes' },
  noteLabel: {
    ja: 'メモを追加（電話した時刻、受付番号など）',
    en: 'Add a note (when you called, a reference number)',
  },
  addNote: { ja: 'メモを追加', en: 'Add note' },
  evidence: { ja: '証拠', en: 'Evidence' },
  evidenceFile: {
    ja: 'ファイル（メール、明細、スクリーンショット）',
    en: 'File (mail, statement, screenshot)',
  },
  evidenceNote: { ja: '説明（任意）', en: 'Description (optional)' },
  upload: { ja: '証拠を保存', en: 'Keep as evidence' },
  evidenceNone: { ja: 'まだありません。', en: 'None yet.' },
  downloads: { ja: 'ダウンロード', en: 'Downloads' },
  ics: { ja: 'カレンダー（.ics）', en: 'Calendar (.ics)' },
  html: { ja: '印刷用の経緯書（HTML）', en: 'Printable incident summary (HTML)' },
  pdf: { ja: '経緯書（PDF）', en: 'Incident summary (PDF)' },
  eml: { ja: '通報メール（.eml）', en: 'Abuse report (.eml)' },
  arf: { ja: 'ARF 形式の通報（.eml）', en: 'ARF report (.eml)' },
  reportsNeedMail: {
    ja: '通報メールを作るには、フィッシングメール（.eml）を証拠として保存してください。',
    en: 'To make the abuse reports, keep the phishing mail (.eml) as evidence.',
  },
  delete: { ja: 'このケースを削除', en: 'Delete this case' },
  deleteConfirm: {
    ja: 'このケースをメモと証拠ごと削除します。よろしいですか？',
    en: 'Delete this case with its notes and evidence?',
  },
  saved: { ja: '保存しました', en: 'Saved' },
  sha: { ja: 'SHA-256', en: 'SHA-256' },
  navCases: { ja: '復旧ケース', en: 'Cases' },
  enteredCard: { ja: 'カード情報を入力してしまった', en: 'I already entered my card' },
  openPlan: { ja: '被害を防ぐ手順（復旧プラン）へ', en: 'Open the recovery plan' },
} satisfies Record<string, Text>;

const t = texts(L);

export const recoverText = (k: 'navCases' | 'heading'): string => t(k);

const BRANDS: { id: string; label: Text }[] = [
  { id: 'amazon', label: { ja: 'Amazon', en: 'Amazon' } },
  { id: 'rakuten', label: { ja: '楽天市場', en: 'Rakuten Ichiba' } },
  { id: 'rakuten-card', label: { ja: '楽天カード', en: 'Rakuten Card' } },
  { id: 'smbc-card', label: { ja: '三井住友カード', en: 'SMBC Card' } },
  { id: 'apple', label: { ja: 'Apple', en: 'Apple' } },
  { id: 'yamato', label: { ja: '宅配業者（不在通知）', en: 'A parcel carrier (missed delivery)' } },
  { id: 'other', label: { ja: 'その他', en: 'Other' } },
];

const CHANNELS: { id: Channel; label: Text }[] = [
  { id: 'mail', label: { ja: 'メール', en: 'E-mail' } },
  { id: 'sms', label: { ja: 'SMS', en: 'SMS' } },
  { id: 'phone', label: { ja: '電話', en: 'Phone call' } },
  { id: 'web-ad', label: { ja: 'ネット広告・検索結果', en: 'Web ad or search result' } },
];

const HAPPENED: { id: Happened; label: Text }[] = [
  { id: 'received', label: { ja: '受け取っただけ（開いていない）', en: 'Only received it' } },
  { id: 'clicked', label: { ja: 'リンクを開いた', en: 'Opened the link' } },
  { id: 'password-entered', label: { ja: 'IDとパスワードを入力した', en: 'Entered the account password' } },
  { id: 'card-entered', label: { ja: 'カード情報を入力した', en: 'Entered my card details' } },
  {
    id: 'personal-data-entered',
    label: { ja: 'その他の個人情報を入力した', en: 'Entered other personal data' },
  },
  {
    id: 'unknown-orders',
    label: {
      ja: '本物の会社から、覚えのない注文・ログインの通知が来た',
      en: 'Genuine notices of orders or sign-ins I did not make',
    },
  },
  { id: 'unknown-charges', label: { ja: 'カードに覚えのない請求がある', en: 'Unknown charges on my card' } },
];

const CARDS: { id: string; label: Text }[] = [
  { id: 'rakuten-card', label: { ja: '楽天カード', en: 'Rakuten Card' } },
  { id: 'smbc-card', label: { ja: '三井住友カード', en: 'SMBC Card' } },
];

/** Now in Japan time as a datetime-local value. */
function nowJapan(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 16);
}

function brandLabel(id: string): string {
  const b = BRANDS.find((x) => x.id === id) ?? CARDS.find((x) => x.id === id);
  return b ? pick(b.label) : id;
}

function fieldset(legend: string, ...children: (Node | null)[]): HTMLFieldSetElement {
  return h('fieldset', { class: 'choices' }, h('legend', {}, legend), ...children);
}

function choice(type: 'radio' | 'checkbox', name: string, value: string, label: string, checked = false) {
  const id = `${name}-${value}`;
  return h(
    'label',
    { class: 'choice', for: id },
    h('input', { type, name, value, id, checked }),
    h('span', {}, label),
  );
}

/** The result page's ways into a plan started from its check: "I already entered my card", and the general one. */
export function recoverLinks(checkId: string): HTMLElement {
  const base = `#/recover?check=${encodeURIComponent(checkId)}`;
  return h(
    'p',
    { class: 'actions recover-links' },
    h(
      'a',
      { class: 'button primary', href: `${base}&happened=card-entered`, id: 'recover-card' },
      t('enteredCard'),
    ),
    h('a', { class: 'button secondary', href: base, id: 'recover' }, t('openPlan')),
  );
}

/** A title a person reads: 「Amazonを名乗るメール：カード情報を入力した」. */
function caseTitle(a: rapi.Answers): string {
  const channel = pick(CHANNELS.find((c) => c.id === a.channel)?.label ?? { ja: a.channel, en: a.channel });
  const happened = a.happened.map((x) => pick(HAPPENED.find((y) => y.id === x)?.label ?? { ja: x, en: x }));
  const title =
    lang() === 'ja'
      ? `${brandLabel(a.brand)}を名乗る${channel}：${happened.join('、')}`
      : `${channel} claiming to be ${brandLabel(a.brand)}: ${happened.join(', ').toLowerCase()}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

/** #/recover and #/recover?check=<id>. */
export async function renderRecover(ctx: PageContext, query: string): Promise<HTMLElement> {
  const params = new URLSearchParams(query);
  const checkId = params.get('check');
  const preset = new Set(params.getAll('happened').flatMap((x) => x.split(',')));
  let brand = '';
  let channel: Channel | '' = '';
  let fromCheck: HTMLElement | null = null;
  if (checkId) {
    const record = await api.getCheck(checkId);
    brand = record.report.brand ?? '';
    channel = record.kind === 'email' ? 'mail' : record.kind === 'text' ? 'sms' : '';
    const subject = record.report.subject ?? record.report.sender.claimed.name;
    fromCheck = h(
      'p',
      { class: 'hint', id: 'from-check' },
      `${t('fromCheck')}: `,
      h('a', { href: `#/check/${encodeURIComponent(checkId)}` }, subject || checkId),
    );
  }
  const known = BRANDS.some((b) => b.id === brand);
  const otherBrand = h('input', {
    type: 'text',
    id: 'other-brand',
    name: 'other-brand',
    value: !known && brand ? brand : '',
    autocomplete: 'off',
  });
  const whenInput = h('input', { type: 'datetime-local', id: 'when', name: 'when', value: nowJapan() });
  const otherCard = h('input', { type: 'text', id: 'other-card', name: 'other-card', autocomplete: 'off' });
  const status = h('p', { class: 'form-status error', role: 'alert', id: 'recover-status' });
  const form = h(
    'form',
    { class: 'card recover-form', id: 'recover-form' },
    fieldset(
      t('brand'),
      ...BRANDS.map((b) =>
        choice(
          'radio',
          'brand',
          b.id,
          pick(b.label),
          b.id === brand || (b.id === 'other' && !known && !!brand),
        ),
      ),
      h('label', { for: 'other-brand', class: 'sub-label' }, t('otherBrand')),
      otherBrand,
    ),
    fieldset(
      t('channel'),
      ...CHANNELS.map((c) => choice('radio', 'channel', c.id, pick(c.label), c.id === channel)),
    ),
    fieldset(
      t('happened'),
      ...HAPPENED.map((x) => choice('checkbox', 'happened', x.id, pick(x.label), preset.has(x.id))),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'when' }, t('when')),
      whenInput,
      h('p', { class: 'hint' }, t('whenHint')),
    ),
    fieldset(
      t('cards'),
      ...CARDS.map((c) => choice('checkbox', 'cards', c.id, pick(c.label))),
      h('label', { for: 'other-card', class: 'sub-label' }, t('otherCard')),
      otherCard,
    ),
    status,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'make-plan' }, t('make')),
    ),
  );
  const planBox = h('div', { id: 'plan-box' });
  const page = h(
    'section',
    { class: 'page recover', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('heading')),
    h('p', { class: 'intro' }, t('intro')),
    fromCheck,
    form,
    planBox,
  );
  const answers = (): rapi.Answers | null => {
    const data = new FormData(form);
    let b = String(data.get('brand') ?? '');
    if (b === 'other' || (!b && otherBrand.value.trim())) b = otherBrand.value.trim();
    const ch = String(data.get('channel') ?? '') as Channel;
    const happened = data.getAll('happened').map(String) as Happened[];
    const cards = data.getAll('cards').map(String);
    if (otherCard.value.trim()) cards.push(otherCard.value.trim());
    if (!b) {
      status.textContent = t('brand');
      return null;
    }
    if (!ch) {
      status.textContent = t('channel');
      return null;
    }
    if (happened.length === 0) {
      status.textContent = t('needHappened');
      return null;
    }
    status.textContent = '';
    const when = whenInput.value ? `${whenInput.value}+09:00` : '';
    return { brand: b, channel: ch, happened, when, cards };
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const a = answers();
    if (!a) return;
    const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
    button.disabled = true;
    rapi
      .plan(ctx.session, a)
      .then((plan) => {
        form.hidden = true;
        planBox.replaceChildren(
          planWizard(plan, {
            onEdit: () => {
              form.hidden = false;
              planBox.replaceChildren();
              button.disabled = false;
            },
            onSave: async () => {
              const c = await rapi.createCase(ctx.session, a, checkId, caseTitle(a));
              announce(t('saved'));
              ctx.go(`#/cases/${encodeURIComponent(c.id)}`);
            },
          }),
        );
        (planBox.querySelector('h2') as HTMLElement | null)?.focus();
      })
      .catch((err: unknown) => {
        status.textContent = err instanceof Error ? err.message : String(err);
        button.disabled = false;
      });
  });
  return page;
}

function deadlineBadge(s: PlanStep): HTMLElement | null {
  const d = s.deadline;
  if (!d) return null;
  if (d.kind === 'asap') return h('p', { class: 'deadline deadline-asap' }, h('strong', {}, pick(d.label)));
  return h(
    'p',
    { class: `deadline deadline-${d.kind}` },
    h('strong', {}, d.kind === 'by' ? t('by') : t('notBefore')),
    ` ${formatDate(d.at)} — ${pick(d.label)}`,
  );
}

/** One step in full: deadline, title, why, how, what to expect, contacts. */
function stepDetail(s: PlanStep, total: number, extra: (Node | null)[] = []): HTMLElement {
  return h(
    'article',
    { class: 'card step-card', id: 'step-card', 'data-step': s.id },
    h('p', { class: 'step-count' }, t('stepOf', { n: s.n, total })),
    h('h2', { tabindex: -1, id: 'step-title' }, s.unverified ? '※ ' : '', pick(s.title)),
    deadlineBadge(s),
    s.for?.length ? h('p', { class: 'hint' }, `${t('forCards')}: ${s.for.map(brandLabel).join(', ')}`) : null,
    h('h3', {}, t('why')),
    h('p', { class: 'step-why' }, pick(s.why)),
    h('h3', {}, t('how')),
    h(
      'ol',
      { class: 'step-how' },
      s.how.map((x) => h('li', {}, pick(x))),
    ),
    s.expect ? h('h3', {}, t('expect')) : null,
    s.expect ? h('p', { class: 'step-expect' }, pick(s.expect)) : null,
    s.contacts.some((c) => c.value)
      ? h(
          'div',
          { class: 'step-contacts' },
          h('h3', {}, t('contacts')),
          h(
            'ul',
            {},
            s.contacts
              .filter((c) => c.value)
              .map((c) =>
                h(
                  'li',
                  {},
                  `${c.unverified ? '※ ' : ''}${pick(c.name)}: `,
                  c.kind === 'phone'
                    ? h('a', { href: `tel:${c.value}` }, c.value)
                    : c.kind === 'web'
                      ? h('span', { class: 'url' }, c.value)
                      : c.value,
                  c.hours ? h('span', { class: 'hint' }, ` (${pick(c.hours)})`) : null,
                ),
              ),
          ),
        )
      : null,
    s.unverified ? h('p', { class: 'unverified' }, `※ ${t('unverified')}`) : null,
    ...extra,
  );
}

/** The plan before it is saved: one step at a time, then "save as a case". */
function planWizard(plan: rapi.Plan, on: { onEdit(): void; onSave(): Promise<void> }): HTMLElement {
  let at = 0;
  const holder = h('div', {});
  const status = h('p', { class: 'form-status error', role: 'alert' });
  const save = h('button', { type: 'button', class: 'primary', id: 'save-case' }, t('save'));
  save.addEventListener('click', () => {
    save.disabled = true;
    on.onSave().catch((e: unknown) => {
      status.textContent = e instanceof Error ? e.message : String(e);
      save.disabled = false;
    });
  });
  const edit = h('button', { type: 'button', class: 'secondary', id: 'edit-answers' }, t('edit'));
  edit.addEventListener('click', on.onEdit);
  const draw = () => {
    const s = plan.steps[at] as PlanStep;
    const prev = h(
      'button',
      { type: 'button', class: 'secondary', id: 'prev-step', disabled: at === 0 },
      t('prev'),
    );
    const next = h(
      'button',
      { type: 'button', class: 'secondary', id: 'next-step', disabled: at >= plan.steps.length - 1 },
      t('next'),
    );
    prev.addEventListener('click', () => {
      at = Math.max(0, at - 1);
      draw();
    });
    next.addEventListener('click', () => {
      at = Math.min(plan.steps.length - 1, at + 1);
      draw();
    });
    holder.replaceChildren(stepDetail(s, plan.steps.length, [h('div', { class: 'actions' }, prev, next)]));
  };
  if (plan.steps.length) draw();
  return h(
    'section',
    { class: 'plan', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title', tabindex: -1 }, t('planHeading')),
    plan.fallback ? h('p', { class: 'hint' }, t('fallback')) : null,
    h('div', { class: 'actions' }, save, edit),
    status,
    holder,
    h(
      'details',
      { class: 'all-steps' },
      h('summary', {}, t('allSteps')),
      h(
        'ol',
        {},
        plan.steps.map((s) => h('li', {}, pick(s.title))),
      ),
    ),
  );
}

/** #/cases */
export async function renderCases(ctx: PageContext): Promise<HTMLElement> {
  const { items } = await rapi.listCases(ctx.session);
  return h(
    'section',
    { class: 'page', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('casesHeading')),
    h(
      'p',
      { class: 'actions' },
      h('a', { class: 'button primary', href: '#/recover', id: 'new-plan' }, t('newPlan')),
    ),
    items.length === 0
      ? h('p', {}, t('casesEmpty'))
      : h(
          'table',
          { class: 'history stack', id: 'cases' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [t('title'), t('created'), t('progress'), t('nextDue')].map((x) =>
                h('th', { scope: 'col' }, x),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            items.map((c) =>
              h(
                'tr',
                { 'data-id': c.id },
                h(
                  'td',
                  { 'data-label': t('title') },
                  h('a', { href: `#/cases/${encodeURIComponent(c.id)}` }, c.title),
                ),
                h('td', { 'data-label': t('created') }, formatDate(c.createdAt)),
                h(
                  'td',
                  { 'data-label': t('progress') },
                  h('progress', { max: c.steps, value: c.done }),
                  ` ${c.done}/${c.steps}`,
                ),
                h('td', { 'data-label': t('nextDue') }, c.nextDue ? formatDate(c.nextDue.at) : '—'),
              ),
            ),
          ),
        ),
  );
}

/** #/cases/<id>: the current step first, every step with its tick box, reminders, notes, evidence, downloads. */
export async function renderCase(ctx: PageContext, id: string, reload: () => void): Promise<HTMLElement> {
  const c = await rapi.getCase(ctx.session, id);
  const status = new Map(c.stepStatus.map((s) => [s.stepId, s]));
  const steps = c.plan.steps;
  const isDone = (s: PlanStep) => status.get(s.id)?.status === 'done';
  const current = steps.find((s) => status.get(s.id)?.status === 'todo');
  const failure = h('p', { class: 'form-status error', role: 'alert', id: 'case-status' });
  const act = (p: Promise<unknown>, message: string) =>
    p
      .then(() => {
        announce(message);
        reload();
      })
      .catch((e: unknown) => {
        failure.textContent = e instanceof Error ? e.message : String(e);
      });
  const tick = (s: PlanStep, done: boolean) => act(rapi.setStep(ctx.session, c.id, s.id, done), t('saved'));

  const currentCard = current
    ? stepDetail(current, steps.length, [
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', class: 'primary', id: 'step-done', onclick: () => void tick(current, true) },
            t('markDone'),
          ),
        ),
      ])
    : h('p', { class: 'card banner-ok', id: 'all-done' }, t('allDone'));

  const list = h(
    'ol',
    { class: 'step-list', id: 'step-list' },
    steps.map((s) => {
      const st = status.get(s.id);
      const box = h('input', {
        type: 'checkbox',
        id: `tick-${s.n}`,
        'data-step': s.id,
        checked: isDone(s),
      });
      box.addEventListener('change', () => void tick(s, box.checked));
      return h(
        'li',
        { class: isDone(s) ? 'done' : s === current ? 'current' : '' },
        h('label', { for: `tick-${s.n}` }, box, ' ', pick(s.title)),
        s.deadline && s.deadline.kind !== 'asap'
          ? h(
              'span',
              { class: 'hint' },
              ` — ${s.deadline.kind === 'by' ? t('by') : t('notBefore')} ${formatDate(s.deadline.at)}`,
            )
          : null,
        st?.doneAt ? h('span', { class: 'hint' }, ` — ${t('doneAt')} ${formatDate(st.doneAt)}`) : null,
      );
    }),
  );

  const reminders = c.reminders.length
    ? h(
        'section',
        { class: 'card reminders', 'aria-labelledby': 'rem-title' },
        h('h2', { id: 'rem-title' }, t('reminders')),
        h(
          'ul',
          { id: 'reminders' },
          c.reminders.map((r) =>
            h(
              'li',
              { class: `rem-${r.state}` },
              h('strong', {}, pick(r.text)),
              ` ${pick(r.title)} (${formatDate(r.at)})`,
            ),
          ),
        ),
      )
    : null;

  const noteInput = h('textarea', { id: 'note', name: 'note', rows: 2, maxlength: 4000 });
  const noteForm = h(
    'form',
    { id: 'note-form', class: 'note-form' },
    h('label', { for: 'note' }, t('noteLabel')),
    noteInput,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('addNote'))),
  );
  noteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (noteInput.value.trim()) void act(rapi.addNote(ctx.session, c.id, noteInput.value.trim()), t('saved'));
  });

  const fileInput = h('input', { type: 'file', id: 'evidence-file', name: 'file', required: true });
  const evNote = h('input', { type: 'text', id: 'evidence-note', name: 'note' });
  const evForm = h(
    'form',
    { id: 'evidence-form', class: 'evidence-form' },
    h('label', { for: 'evidence-file' }, t('evidenceFile')),
    fileInput,
    h('label', { for: 'evidence-note' }, t('evidenceNote')),
    evNote,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('upload'))),
  );
  evForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = fileInput.files?.[0];
    if (f) void act(rapi.addEvidence(ctx.session, c.id, f, evNote.value.trim()), t('saved'));
  });

  const hasMail = c.evidence.some(
    (e) => e.stored && (e.mediaType === 'message/rfc822' || /\.eml$/i.test(e.filename)),
  );
  const link = (f: rapi.ExportFormat) =>
    h(
      'li',
      {},
      h(
        'a',
        f === 'html'
          ? { href: `${c.downloads[f]}&lang=${lang()}`, id: `dl-${f}`, target: '_blank', rel: 'noopener' }
          : { href: `${c.downloads[f]}&lang=${lang()}`, id: `dl-${f}`, download: '' },
        t(f),
      ),
    );
  const del = h(
    'button',
    { type: 'button', class: 'secondary danger-outline', id: 'delete-case' },
    t('delete'),
  );
  del.addEventListener('click', () => {
    if (!window.confirm(t('deleteConfirm'))) return;
    rapi
      .deleteCase(ctx.session, c.id)
      .then(() => ctx.go('#/cases'))
      .catch((e: unknown) => {
        failure.textContent = e instanceof Error ? e.message : String(e);
      });
  });

  return h(
    'section',
    { class: 'page case', 'aria-labelledby': 'page-title', 'data-case': c.id },
    h('p', { class: 'crumbs' }, h('a', { href: '#/cases' }, t('casesHeading'))),
    h('h1', { id: 'page-title', tabindex: -1 }, c.title),
    h(
      'p',
      { class: 'case-progress' },
      `${t('progress')}: `,
      h('progress', { max: c.steps, value: c.done, id: 'case-progress' }),
      h('span', { id: 'case-done' }, ` ${c.done}/${c.steps}`),
    ),
    failure,
    h(
      'section',
      { class: 'current-step', 'aria-label': t('current') },
      h('h2', { class: 'section-label' }, t('current')),
      currentCard,
    ),
    reminders,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'steps-title' },
      h('h2', { id: 'steps-title' }, t('allSteps')),
      list,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'notes-title' },
      h('h2', { id: 'notes-title' }, t('notes')),
      h(
        'ul',
        { id: 'notes' },
        c.notes.map((n) => h('li', {}, h('span', { class: 'hint' }, `${formatDate(n.createdAt)} `), n.body)),
      ),
      noteForm,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'ev-title' },
      h('h2', { id: 'ev-title' }, t('evidence')),
      c.evidence.length === 0
        ? h('p', {}, t('evidenceNone'))
        : h(
            'ul',
            { id: 'evidence', class: 'evidence-list' },
            c.evidence.map((e) =>
              h(
                'li',
                {},
                h('strong', {}, e.filename),
                ` (${e.size.toLocaleString()} bytes)`,
                e.note ? h('div', {}, e.note) : null,
                h('div', { class: 'hint sha' }, `${t('sha')}: `, h('code', {}, e.sha256)),
              ),
            ),
          ),
      evForm,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'dl-title' },
      h('h2', { id: 'dl-title' }, t('downloads')),
      h(
        'ul',
        { class: 'downloads', id: 'downloads' },
        link('ics'),
        link('html'),
        link('pdf'),
        hasMail ? link('eml') : null,
        hasMail ? link('arf') : null,
      ),
      hasMail ? null : h('p', { class: 'hint' }, t('reportsNeedMail')),
    ),
    h('p', { class: 'actions' }, del),
  );
}
