/** History (cursor pagination) and the dashboard. */
import * as api from './api.js';
import { barChart, byDayChart } from './charts.js';
import { h } from './dom.js';
import { formatDate, kindName, pick, t, verdictShort } from './i18n.js';

function summaryRow(c: api.CheckSummary): HTMLElement {
  return h(
    'tr',
    { 'data-id': c.id },
    h('td', { 'data-label': t('when') }, formatDate(c.createdAt)),
    h(
      'td',
      { 'data-label': t('verdict') },
      h('span', { class: `pill pill-${c.verdict}` }, verdictShort(c.verdict)),
      ` ${c.score}`,
    ),
    h(
      'td',
      { 'data-label': t('subject') },
      h('a', { href: `#/check/${encodeURIComponent(c.id)}` }, c.subject || c.sender || kindName(c.kind)),
      c.subject && c.sender ? h('div', { class: 'hint' }, c.sender) : null,
    ),
    h('td', { 'data-label': t('brand') }, c.brand ?? '—'),
    h('td', { 'data-label': t('kind') }, kindName(c.kind)),
  );
}

/**
 * Genuine order, sign-in and change notices, asked about on top of the history: only the owner can tell whether
 * they did it, and a "no" is the second seed's account takeover. Nothing is shown when there are none.
 */
async function questions(features: readonly string[]): Promise<HTMLElement | null> {
  const found = await api.listQuestions();
  if (!found.length) return null;
  return h(
    'section',
    { class: 'questions', id: 'questions', 'aria-labelledby': 'questions-title' },
    h('h2', { id: 'questions-title' }, t('questionsHeading')),
    h('p', { class: 'hint' }, t('questionsIntro')),
    h(
      'ul',
      {},
      found.map((q) => {
        const recover = `#/recover?check=${encodeURIComponent(q.id)}${q.genuine.notice?.kind === 'order' ? '&happened=unknown-orders' : ''}`;
        return h(
          'li',
          { 'data-id': q.id },
          `${formatDate(q.createdAt)} `,
          h('strong', {}, q.genuine.notice ? pick(q.genuine.notice.label) : q.genuine.domain),
          ` (${q.genuine.domain}) `,
          h('a', { href: `#/check/${encodeURIComponent(q.id)}` }, q.subject || q.genuine.domain),
          features.includes('recover')
            ? h('a', { class: 'button secondary', href: recover }, t('questionsNotMe'))
            : null,
        );
      }),
    ),
  );
}

export async function renderHistory(features: readonly string[] = []): Promise<HTMLElement> {
  const tbody = h('tbody', {});
  const more = h('button', { type: 'button', class: 'secondary', id: 'more' }, t('more'));
  const empty = h('p', { hidden: true }, t('historyEmpty'));
  let cursor: string | null = null;
  const load = async (): Promise<void> => {
    more.disabled = true;
    const page = await api.listChecks(cursor);
    for (const c of page.items) tbody.append(summaryRow(c));
    cursor = page.nextCursor;
    more.hidden = !cursor;
    more.disabled = false;
    empty.hidden = tbody.childElementCount > 0;
  };
  more.addEventListener('click', () => {
    load().catch((e: unknown) => more.replaceWith(h('p', { role: 'alert' }, `${t('error')}: ${String(e)}`)));
  });
  const [asked] = await Promise.all([questions(features), load()]);
  return h(
    'section',
    { class: 'page', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('historyHeading')),
    asked,
    empty,
    h(
      'table',
      { class: 'history stack', id: 'history' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('when'), t('verdict'), t('subject'), t('brand'), t('kind')].map((l) =>
            h('th', { scope: 'col' }, l),
          ),
        ),
      ),
      tbody,
    ),
    h('p', { class: 'actions' }, more),
  );
}

export async function renderDashboard(): Promise<HTMLElement> {
  const days = 30;
  const st = await api.stats(days);
  return h(
    'section',
    { class: 'page dashboard', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('dashboardHeading')),
    h(
      'div',
      { class: 'charts' },
      byDayChart(st.byDay, days),
      barChart(
        'chart-brands',
        t('chartBrands'),
        st.brands.map((b) => ({ label: b.brand, count: b.count })),
      ),
      barChart(
        'chart-lures',
        t('chartLures'),
        st.lures.map((l) => ({ label: l.rule.replace(/^lure\//, ''), count: l.count })),
      ),
    ),
  );
}
