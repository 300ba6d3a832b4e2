/** The check page (one input that tells a mail source, an SMS text and a URL apart, plus a file drop) and the result. */
import type { Finding, LinkReport, Report, Verdict } from '../src/engine/report.js';
import * as api from './api.js';
import { detectKind } from './detect.js';
import { announce, h } from './dom.js';
import { formatDate, kindName, pick, t, VERDICTS, verdictShort, verdictSub, verdictTitle } from './i18n.js';
import { recoverLinks } from './recover.js';

export interface PageContext {
  session: api.Session;
  go(hash: string): void;
}

function kindLabel(kind: ReturnType<typeof detectKind>): string {
  return kind === 'empty' ? t('kindEmpty') : kindName(kind);
}

/** What was typed or chosen, kept across a language switch (the form is drawn again). */
const draft: { text: string; file: File | null } = { text: '', file: null };

export function renderCheckForm(ctx: PageContext): HTMLElement {
  let file: File | null = null;
  const status = h('p', { class: 'form-status', role: 'alert' });
  const detected = h('output', { id: 'detected', for: 'input', class: 'detected' }, kindLabel('empty'));
  const textarea = h('textarea', {
    id: 'input',
    name: 'input',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    placeholder: t('inputPlaceholder'),
    'aria-describedby': 'detected-line',
  });
  const updateDetected = (): void => {
    detected.textContent = file ? `${t('fileChosen')}: ${file.name}` : kindLabel(detectKind(textarea.value));
  };
  textarea.value = draft.text;
  textarea.addEventListener('input', () => {
    draft.text = textarea.value;
    updateDetected();
  });

  const fileInput = h('input', {
    id: 'file',
    name: 'file',
    type: 'file',
    accept: '.eml,.msg,message/rfc822,application/vnd.ms-outlook',
    class: 'visually-hidden',
  });
  const fileName = h('span', { class: 'file-name' });
  const clearButton = h('button', { type: 'button', class: 'link-button', hidden: true }, t('clearFile'));
  const setFile = (f: File | null): void => {
    file = f;
    draft.file = f;
    fileName.textContent = f ? `${t('fileChosen')}: ${f.name} (${Math.ceil(f.size / 1024)} KB)` : '';
    clearButton.hidden = !f;
    if (!f) fileInput.value = '';
    updateDetected();
  };
  fileInput.addEventListener('change', () => setFile(fileInput.files?.[0] ?? null));
  clearButton.addEventListener('click', () => setFile(null));

  const drop = h(
    'label',
    { for: 'file', class: 'drop', id: 'drop' },
    h('span', { class: 'drop-label' }, t('dropLabel')),
    h('span', { class: 'hint' }, t('dropHint')),
  );
  for (const ev of ['dragenter', 'dragover']) {
    drop.addEventListener(ev, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  for (const ev of ['dragleave', 'drop']) drop.addEventListener(ev, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = (e as DragEvent).dataTransfer?.files?.[0];
    if (f) setFile(f);
  });

  const submit = h('button', { type: 'submit', class: 'primary' }, t('checkButton'));
  const form = h(
    'form',
    { class: 'check-form', novalidate: true },
    h('label', { for: 'input', class: 'field-label' }, t('inputLabel')),
    textarea,
    h('p', { id: 'detected-line', class: 'hint' }, `${t('detected')}: `, detected),
    fileInput,
    drop,
    h('p', { class: 'file-line' }, fileName, ' ', clearButton),
    h('div', { class: 'actions' }, submit),
    status,
  );
  if (draft.file) setFile(draft.file);
  else updateDetected();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = textarea.value;
    const kind = detectKind(value);
    if (!file && kind === 'empty') {
      status.textContent = t('nothingToCheck');
      textarea.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t('checking');
    status.textContent = '';
    announce(t('checking'));
    try {
      const record = file
        ? await api.checkFile(file)
        : kind === 'email'
          ? await api.checkRaw(value)
          : kind === 'url'
            ? await api.checkJson({ url: value.trim() })
            : await api.checkJson({ text: value });
      draft.text = '';
      draft.file = null;
      ctx.go(`#/check/${record.id}`);
    } catch (err) {
      status.textContent = `${t('error')}: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      submit.disabled = false;
      submit.textContent = t('checkButton');
    }
  });

  return h(
    'section',
    { class: 'page check-page', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('checkHeading')),
    h('p', { class: 'intro' }, t('checkIntro')),
    form,
  );
}

function tone(v: Verdict, report: Report): string {
  if (report.genuine) return 'ok';
  if (v === 'phishing' || v === 'scam') return 'danger';
  if (v === 'suspicious' || v === 'spam') return 'warn';
  return 'ok';
}

function banner(report: Report): HTMLElement {
  const cls = tone(report.verdict, report);
  const icon = cls === 'ok' ? '✓' : '!';
  const title = report.genuine ? `${t('genuine')}: ${report.genuine.domain}` : verdictTitle(report.verdict);
  return h(
    'div',
    { class: `banner banner-${cls}`, id: 'verdict', 'data-verdict': report.verdict, role: 'alert' },
    h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, icon),
    h(
      'div',
      { class: 'banner-text' },
      h('p', { class: 'banner-title' }, title),
      h(
        'p',
        { class: 'banner-sub' },
        report.genuine ? pick(report.genuine.evidence) : verdictSub(report.verdict),
      ),
      h(
        'p',
        { class: 'banner-score' },
        `${t('score')}: `,
        h('strong', {}, `${report.score}`),
        ' / 100',
        ' · ',
        verdictShort(report.verdict),
      ),
    ),
  );
}

function senderDomain(report: Report): string | null {
  const address = report.sender.claimed.address;
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? address.slice(at + 1).toLowerCase() : null;
}

function row(label: string, value: string | Node | null, id?: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', id ? { id } : {}, value ?? t('none'))];
}

function whoPanel(record: api.CheckRecord, ctx: PageContext, refresh: () => void): HTMLElement | null {
  const report = record.report;
  if (report.kind !== 'email') return null;
  const claimed = report.sender.claimed;
  const real = report.sender.authenticatedDomain;
  const claims = h(
    'div',
    { class: 'who-card who-claims' },
    h('h3', {}, t('claimsToBe')),
    h(
      'dl',
      {},
      row(t('name'), claimed.name),
      row(t('address'), claimed.address, 'claimed-address'),
      row(t('brand'), claimed.brand ?? report.brand, 'claimed-brand'),
    ),
  );
  const really = h(
    'div',
    {
      class: `who-card who-real ${report.genuine ? 'genuine' : real ? (tone(report.verdict, report) === 'danger' ? 'other' : 'proven') : 'unproven'}`,
    },
    h('h3', {}, t('reallySent')),
    h(
      'dl',
      {},
      row(t('address'), real ?? t('notProven'), 'real-domain'),
      row(t('provenBy'), report.sender.authenticatedBy),
      report.genuine ? row(t('brand'), report.genuine.brand) : [],
    ),
  );
  const marksBox = h('div', { class: 'marks', id: 'marks' });
  const domain = senderDomain(report);
  for (const m of record.marks) {
    const del = h('button', { type: 'button', class: 'link-button' }, t('unmark'));
    del.addEventListener('click', async () => {
      del.disabled = true;
      try {
        await api.removeMark(m.id);
        refresh();
      } catch (err) {
        announce(`${t('error')}: ${err instanceof Error ? err.message : String(err)}`);
        del.disabled = false;
      }
    });
    marksBox.append(
      h(
        'p',
        { class: `mark-badge mark-${m.list}`, 'data-mark': m.list },
        m.list === 'trusted' ? '✓ ' : '✕ ',
        m.list === 'trusted' ? t('markedTrusted') : t('markedBlocked'),
        ` (${m.value}) `,
        del,
      ),
    );
  }
  if (domain && record.marks.length === 0) {
    const note = h('span', { class: 'hint', role: 'status' });
    const button = (list: 'trusted' | 'blocked'): HTMLButtonElement => {
      const b = h(
        'button',
        {
          type: 'button',
          class: list === 'trusted' ? 'secondary' : 'secondary danger-outline',
          'data-list': list,
        },
        `${t(list === 'trusted' ? 'trust' : 'block')}: ${domain}`,
      );
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          await api.addMark({ value: domain, kind: 'domain', list });
          note.textContent = t('markSaved');
          refresh();
        } catch (err) {
          note.textContent = `${t('error')}: ${err instanceof Error ? err.message : String(err)}`;
          b.disabled = false;
        }
      });
      return b;
    };
    marksBox.append(
      h(
        'p',
        { class: 'mark-actions' },
        `${t('marks')}: `,
        button('trusted'),
        ' ',
        button('blocked'),
        ' ',
        note,
      ),
    );
  }
  void ctx;
  return h(
    'section',
    { class: 'card who', 'aria-labelledby': 'who-title' },
    h('h2', { id: 'who-title', class: 'visually-hidden' }, `${t('claimsToBe')} / ${t('reallySent')}`),
    h('p', { class: 'who-summary', id: 'sender-summary' }, pick(report.sender.summary)),
    h('div', { class: 'who-grid' }, claims, really),
    marksBox,
  );
}

function advicePanel(record: api.CheckRecord, ctx: PageContext): HTMLElement {
  const features = ctx.session.features ?? [];
  return h(
    'section',
    { class: 'card advice', 'aria-labelledby': 'advice-title' },
    h('h2', { id: 'advice-title' }, t('advice')),
    h(
      'ol',
      { id: 'advice' },
      record.report.advice.map((a) => h('li', {}, pick(a))),
    ),
    features.includes('recover') ? recoverLinks(record.id) : null,
  );
}

function linksPanel(report: Report): HTMLElement {
  const body =
    report.links.length === 0
      ? h('p', {}, t('linksNone'))
      : h(
          'table',
          { class: 'links-table stack', id: 'links' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('linkText')),
              h('th', { scope: 'col' }, t('linkDest')),
              h('th', { scope: 'col' }, t('linkWhy')),
            ),
          ),
          h(
            'tbody',
            {},
            report.links.map((l) => linkRow(l)),
          ),
        );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'links-title' },
    h('h2', { id: 'links-title' }, `${t('links')} (${report.links.length})`),
    body,
  );
}

function linkRow(l: LinkReport): HTMLElement {
  const risky = l.risks.length > 0;
  return h(
    'tr',
    { class: risky ? 'risky' : '' },
    h('td', { 'data-label': t('linkText') }, l.text ?? '—'),
    h(
      'td',
      { 'data-label': t('linkDest') },
      h('code', { class: 'url' }, l.destination),
      l.destination !== l.href
        ? h('div', { class: 'hint' }, `${t('linkRedirect')}: `, h('code', { class: 'url' }, l.href))
        : null,
    ),
    h(
      'td',
      { 'data-label': t('linkWhy') },
      risky
        ? h(
            'ul',
            { class: 'reasons' },
            l.risks.map((r) => h('li', {}, pick(r.message))),
          )
        : h('span', { class: 'hint' }, t('linkOk')),
    ),
  );
}

function findingsPanel(report: Report): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, t('findings')),
    report.findings.length === 0
      ? h('p', {}, t('findingsNone'))
      : h(
          'ul',
          { class: 'findings', id: 'findings' },
          report.findings.map((f) => findingItem(f)),
        ),
  );
}

function findingItem(f: Finding): HTMLElement {
  const sign = f.weight > 0 ? `+${f.weight}` : String(f.weight);
  return h(
    'li',
    { class: `finding cat-${f.category}`, 'data-rule': f.rule },
    h(
      'p',
      { class: 'finding-head' },
      h('span', { class: 'weight', title: t('weight') }, sign),
      ' ',
      h('span', { class: 'finding-text' }, pick(f.message)),
    ),
    h('p', { class: 'rule-id' }, f.rule),
    f.evidence.length
      ? h(
          'details',
          { class: 'evidence' },
          h('summary', {}, `${t('evidence')} (${f.evidence.length})`),
          h(
            'ul',
            {},
            f.evidence.map((e) =>
              h(
                'li',
                {},
                h('span', { class: 'ev-kind' }, e.where ? `${e.kind} · ${e.where}` : e.kind),
                ' ',
                h('code', {}, e.value),
              ),
            ),
          ),
        )
      : null,
  );
}

function previewPanel(record: api.CheckRecord): HTMLElement {
  return h(
    'section',
    { class: 'card preview', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, t('preview')),
    h(
      'p',
      { class: 'hint' },
      h('mark', { class: 'legend-phrase' }, '　'),
      ' ',
      h('mark', { class: 'legend-risk' }, '　'),
      ' ',
      t('previewNote'),
    ),
    h('iframe', {
      id: 'preview',
      sandbox: '',
      src: api.previewUrl(record),
      title: t('previewTitle'),
      referrerpolicy: 'no-referrer',
      loading: 'lazy',
    }),
  );
}

function feedbackPanel(record: api.CheckRecord, refresh: () => void): HTMLElement {
  if (record.feedback?.wrong) {
    const fb = record.feedback;
    return h(
      'section',
      { class: 'card feedback', id: 'feedback' },
      h(
        'p',
        { class: 'feedback-done' },
        t('feedbackDone'),
        fb.expected ? ` → ${verdictShort(fb.expected)}` : '',
        fb.comment ? `: ${fb.comment}` : '',
      ),
    );
  }
  const select = h(
    'select',
    { id: 'fb-expected', name: 'expected' },
    VERDICTS.filter((v) => v !== record.report.verdict).map((v) =>
      h('option', { value: v }, verdictShort(v)),
    ),
  );
  const comment = h('textarea', { id: 'fb-comment', name: 'comment', rows: 2, maxlength: 2000 });
  const note = h('p', { class: 'hint', role: 'status' });
  const form = h(
    'form',
    { class: 'feedback-form' },
    h('label', { for: 'fb-expected' }, t('feedbackExpected')),
    select,
    h('label', { for: 'fb-comment' }, t('feedbackComment')),
    comment,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('feedbackSend'))),
    note,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.sendFeedback(record.id, {
        wrong: true,
        expected: select.value as Verdict,
        ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
      });
      announce(t('feedbackThanks'));
      refresh();
    } catch (err) {
      note.textContent = `${t('error')}: ${err instanceof Error ? err.message : String(err)}`;
    }
  });
  return h(
    'section',
    { class: 'card feedback', id: 'feedback' },
    h('details', {}, h('summary', {}, t('feedback')), form),
  );
}

export async function renderResult(ctx: PageContext, id: string, refresh: () => void): Promise<HTMLElement> {
  const record = await api.getCheck(id);
  const report = record.report;
  const heading =
    report.subject ?? (report.kind === 'url' ? (report.links[0]?.href ?? '') : t('resultHeading'));
  announce(verdictTitle(report.verdict));
  return h(
    'section',
    { class: 'page result-page', 'aria-labelledby': 'page-title' },
    h(
      'p',
      { class: 'crumbs' },
      `${t('resultHeading')} · ${kindName(record.kind)} · ${formatDate(record.createdAt)}`,
    ),
    h('h1', { id: 'page-title', tabindex: -1, class: 'subject' }, heading),
    banner(report),
    h('div', { class: 'result-grid' }, whoPanel(record, ctx, refresh), advicePanel(record, ctx)),
    linksPanel(report),
    findingsPanel(report),
    previewPanel(record),
    report.problems.length
      ? h(
          'section',
          { class: 'card' },
          h('h2', {}, t('problems')),
          h(
            'ul',
            {},
            report.problems.map((p) => h('li', {}, pick(p))),
          ),
        )
      : null,
    feedbackPanel(record, refresh),
  );
}
