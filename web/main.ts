/** The single page app: hash routes #/, #/check/<id>, #/history, #/dashboard, #/help; session and token first. */
import * as api from './api.js';
import { chargesText, renderCharges } from './charges.js';
import { type PageContext, renderCheckForm, renderResult } from './check.js';
import { clear, h } from './dom.js';
import { renderHelp } from './help.js';
import { lang, setLang, t } from './i18n.js';
import { renderDashboard, renderHistory } from './lists.js';
import { recoverText, renderCase, renderCases, renderRecover } from './recover.js';

let session: api.Session | null = null;
let generation = 0;

const main = (): HTMLElement => document.getElementById('main') as HTMLElement;

function go(hash: string): void {
  if (location.hash === hash) void route();
  else location.hash = hash;
}

function renderNav(current: string): void {
  const nav = document.getElementById('nav');
  if (!nav) return;
  clear(nav);
  const items: [string, string][] = [
    ['#/', t('navCheck')],
    ['#/history', t('navHistory')],
    ['#/dashboard', t('navDashboard')],
    ...((session?.features ?? []).includes('recover')
      ? ([['#/cases', recoverText('navCases')]] as [string, string][])
      : []),
    ...((session?.features ?? []).includes('charges')
      ? ([['#/charges', chargesText()]] as [string, string][])
      : []),
    ['#/help', t('navHelp')],
  ];
  nav.append(
    h(
      'ul',
      {},
      items.map(([href, label]) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href,
              'aria-current':
                (href === '#/' && (current === '' || current.startsWith('check'))) ||
                (href !== '#/' && current.startsWith(href.slice(2)))
                  ? 'page'
                  : null,
            },
            label,
          ),
        ),
      ),
    ),
  );
  const button = document.getElementById('lang');
  if (button) {
    button.textContent = t('switchLang');
    button.setAttribute('aria-label', t('switchLangLabel'));
    button.setAttribute('lang', lang() === 'ja' ? 'en' : 'ja');
  }
  document.title = t('title');
  const foot = document.getElementById('foot');
  if (foot) {
    clear(foot);
    foot.append(
      h('p', {}, t('footer'), session ? ` ${t('retention')}: ${session.retentionDays} ${t('days')}.` : ''),
    );
  }
}

function tokenForm(wrong: boolean): HTMLElement {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const form = h(
    'form',
    { class: 'card token-form' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('tokenHeading')),
    h('p', {}, t('tokenIntro')),
    wrong ? h('p', { class: 'error', role: 'alert' }, t('tokenWrong')) : null,
    h('label', { for: 'token' }, t('tokenLabel')),
    input,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('tokenSave'))),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    api.setToken(input.value.trim());
    session = null;
    void route();
  });
  return form;
}

async function ensureSession(): Promise<api.Session | 'token' | 'wrong-token'> {
  if (session) return session;
  try {
    session = await api.session();
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) return api.token() ? 'wrong-token' : 'token';
    throw e;
  }
  if (session.authRequired && !api.token()) {
    session = null;
    return 'token';
  }
  return session;
}

function show(el: HTMLElement, focus: boolean): void {
  const m = main();
  clear(m);
  m.append(el);
  if (focus) (m.querySelector('h1') as HTMLElement | null)?.focus({ preventScroll: false });
}

async function route(focus = true): Promise<void> {
  const mine = ++generation;
  const hash = location.hash.replace(/^#\/?/, '');
  renderNav(hash);
  const m = main();
  m.setAttribute('aria-busy', 'true');
  try {
    const s = await ensureSession();
    if (mine !== generation) return;
    if (s === 'token' || s === 'wrong-token') {
      show(tokenForm(s === 'wrong-token'), focus);
      return;
    }
    renderNav(hash);
    const ctx: PageContext = { session: s, go };
    const [path = '', query = ''] = hash.split('?');
    const parts = path.split('/').filter(Boolean);
    let el: HTMLElement;
    if (parts.length === 0) el = renderCheckForm(ctx);
    else if (parts[0] === 'check' && parts[1])
      el = await renderResult(ctx, decodeURIComponent(parts[1]), () => void route(false));
    else if (parts[0] === 'history') el = await renderHistory(s.features);
    else if (parts[0] === 'dashboard') el = await renderDashboard();
    else if (parts[0] === 'help') el = await renderHelp();
    else if (parts[0] === 'recover') el = await renderRecover(ctx, query);
    else if (parts[0] === 'cases' && parts[1])
      el = await renderCase(ctx, decodeURIComponent(parts[1]), () => void route(false));
    else if (parts[0] === 'cases') el = await renderCases(ctx);
    else if (parts[0] === 'charges') el = await renderCharges(ctx, () => void route(false));
    else el = h('section', { class: 'page' }, h('h1', { tabindex: -1 }, t('notFound')));
    if (mine !== generation) return;
    show(el, focus);
    if (parts[0] === 'help' && parts[1]) document.getElementById(`help-${parts[1]}`)?.scrollIntoView();
  } catch (e) {
    if (mine !== generation) return;
    if (e instanceof api.ApiError && e.status === 401) {
      session = null;
      show(tokenForm(true), focus);
      return;
    }
    show(
      h(
        'section',
        { class: 'page' },
        h('h1', { tabindex: -1 }, t('error')),
        h('p', { role: 'alert', class: 'error' }, e instanceof Error ? e.message : String(e)),
      ),
      focus,
    );
  } finally {
    if (mine === generation) m.removeAttribute('aria-busy');
  }
}

function start(): void {
  setLang(lang());
  document.getElementById('lang')?.addEventListener('click', () => {
    setLang(lang() === 'ja' ? 'en' : 'ja');
    void route(false);
  });
  window.addEventListener('hashchange', () => void route());
  void route(false);
}

start();
