/**
 * `sagicheck case …`: the saved recovery plans (`sagicheck recover --save`): list them, show one with its progress,
 * tick steps off, add notes and evidence (kept with its SHA-256), delete one with everything in it, and export its
 * deadlines as an iCalendar file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA } from '../../engine/data/default.js';
import { caseIcs, caseMail, caseReminders, caseSummaryInput, mediaTypeOf } from '../../report/case-input.js';
import {
  abuseRecipients,
  buildAbuseMail,
  loadSmtpSettings,
  reportSubject,
  summaryHtml,
  summaryPdf,
} from '../../report/index.js';
import type { PlanStep } from '../../respond/types.js';
import {
  addEvidence,
  addNote,
  type CaseRecord,
  deleteCase,
  evidenceContent,
  getCase,
  listCases,
  NotFound,
  setStepStatus,
} from '../../store/cases.js';
import type { Db } from '../../store/db.js';
import type { Lang } from '../format.js';
import { dataDir, loadIndicators } from '../store.js';
import { EXIT, UsageError } from '../usage.js';
import { formatPlan, LOCAL_USER, langOf, openCaseStore } from './recover.js';

export const usage = `  sagicheck case list [--json]                 the saved recovery plans, newest first, with progress
  sagicheck case show ID [--json] [--lang ja|en]
                                              a case: its steps ticked off, deadlines, notes and evidence
  sagicheck case done ID STEP [--undo|--skip]  tick a step off (STEP: its id or number)
  sagicheck case note ID TEXT                  add a note (a call made, a reference number)
  sagicheck case evidence ID FILE [--link] [--note TEXT]
                                              keep a file with its SHA-256 (--link: keep only its path)
  sagicheck case delete ID                     delete a case with its notes and evidence
  sagicheck case export ID --ics [-o FILE]     the deadlines as an iCalendar file (an alarm for each)
  sagicheck case export ID --pdf|--html [-o FILE] [--lang ja|en]
                                              the incident summary for the card issuer or the police: timeline,
                                              steps taken, evidence with SHA-256, contacts (PDF made without a
                                              browser, Japanese font embedded)
  sagicheck case export ID --eml [-o DIR] [--from ADDRESS]
                                              abuse reports of the case's phishing mail (its .eml evidence) to
                                              the brand and フィッシング対策協議会, as .eml files to send yourself
`;

const T = {
  none: {
    ja: 'ケースはまだありません（sagicheck recover --save で作成）',
    en: 'No cases yet (sagicheck recover --save makes one)',
  },
  notes: { ja: 'メモ', en: 'Notes' },
  evidence: { ja: '証拠', en: 'Evidence' },
  progress: { ja: '進み具合', en: 'Progress' },
  reminders: { ja: '期限とリマインダー', en: 'Deadlines and reminders' },
  next: { ja: '次の期限', en: 'Next deadline' },
  done: { ja: '完了', en: 'done' },
  deleted: { ja: '削除しました', en: 'Deleted' },
  stored: { ja: 'データベースに保存', en: 'stored in the database' },
  linked: { ja: 'パスのみ', en: 'path only' },
};

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      undo: { type: 'boolean' },
      skip: { type: 'boolean' },
      link: { type: 'boolean' },
      note: { type: 'string' },
      ics: { type: 'boolean' },
      eml: { type: 'boolean' },
      pdf: { type: 'boolean' },
      html: { type: 'boolean' },
      from: { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const [sub, id, ...rest] = positionals;
  if (values.help || !sub) {
    process.stdout.write(usage);
    return values.help ? EXIT.clean : EXIT.usage;
  }
  const lang: Lang | undefined = values.lang === undefined ? undefined : langOf(values.lang);
  const need = (what: string) => {
    if (!id) throw new UsageError(`case ${sub} needs ${what}`);
    return id;
  };
  if (!['list', 'show', 'done', 'note', 'evidence', 'delete', 'export'].includes(sub))
    throw new UsageError(`unknown case command: ${sub}`);
  if (sub !== 'list') need('a case id');
  if (sub === 'export' && [values.ics, values.eml, values.pdf, values.html].filter(Boolean).length !== 1)
    throw new UsageError('case export takes one of --ics, --pdf, --html, --eml');

  const db = await openCaseStore();
  try {
    return await dispatch(db, sub, id as string, rest, values, lang);
  } catch (err) {
    if (err instanceof NotFound) {
      process.stderr.write(`sagicheck: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  } finally {
    await db.close();
  }
}

async function dispatch(
  db: Db,
  sub: string,
  id: string,
  rest: string[],
  values: {
    json?: boolean;
    undo?: boolean;
    skip?: boolean;
    link?: boolean;
    note?: string;
    output?: string;
    eml?: boolean;
    pdf?: boolean;
    html?: boolean;
    from?: string;
  },
  langOption: Lang | undefined,
): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  switch (sub) {
    case 'list': {
      const cases = await listCases(db, LOCAL_USER);
      const lang = langOption ?? 'ja';
      if (values.json) out(`${JSON.stringify(cases)}\n`);
      else if (cases.length === 0) out(`${T.none[lang]}\n`);
      else
        for (const c of cases)
          out(
            `${c.id}  ${c.createdAt.slice(0, 10)}  ${c.done}/${c.steps}  ${c.nextDue ? `${T.next[lang]} ${c.nextDue.at} (${c.nextDue.stepId})  ` : ''}${c.title}\n`,
          );
      return EXIT.clean;
    }
    case 'show': {
      const c = await load(db, id);
      if (values.json) out(`${JSON.stringify(c)}\n`);
      else out(formatCase(c, langOption ?? c.lang));
      return EXIT.clean;
    }
    case 'done': {
      const step = rest[0];
      if (!step) throw new UsageError('case done needs the step (its id or number)');
      const status = values.undo ? 'todo' : values.skip ? 'skipped' : 'done';
      const s = await setStepStatus(db, LOCAL_USER, id, step, status);
      out(`${s.position}. ${s.stepId}: ${s.status}${s.doneAt ? ` ${s.doneAt}` : ''}\n`);
      return EXIT.clean;
    }
    case 'note': {
      const text = rest.join(' ').trim();
      if (!text) throw new UsageError('case note needs the text');
      const n = await addNote(db, LOCAL_USER, id, text);
      out(`${n.id} ${n.createdAt}\n`);
      return EXIT.clean;
    }
    case 'evidence': {
      const file = rest[0];
      if (!file) throw new UsageError('case evidence needs a file');
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        process.stderr.write(`sagicheck: cannot read ${file}: ${(err as Error).message}\n`);
        return EXIT.unreadable;
      }
      const e = await addEvidence(db, LOCAL_USER, id, {
        filename: basename(file),
        mediaType: mediaTypeOf(file),
        ...(values.link ? { path: resolve(file), bytes } : { content: bytes }),
        note: values.note ?? null,
      });
      out(`${e.id} sha256:${e.sha256} ${e.size} ${e.filename}\n`);
      return EXIT.clean;
    }
    case 'delete': {
      if (!(await deleteCase(db, LOCAL_USER, id))) throw new NotFound(`no case ${id}`);
      out(`${T.deleted[langOption ?? 'ja']}: ${id}\n`);
      return EXIT.clean;
    }
    default: {
      const c = await load(db, id);
      if (values.eml) return await exportEml(db, c, values.output ?? '.', values.from);
      if (values.pdf || values.html) {
        const lang = langOption ?? c.lang;
        const input = caseSummaryInput(c);
        if (values.html) {
          const html = summaryHtml(input, { lang });
          if (values.output) writeFileSync(values.output, html);
          else out(html);
        } else {
          const pdf = await summaryPdf(input, { lang });
          if (!values.output && process.stdout.isTTY)
            throw new UsageError('a PDF goes to a file: pass -o FILE');
          if (values.output) writeFileSync(values.output, pdf);
          else process.stdout.write(pdf);
        }
        return EXIT.clean;
      }
      const ics = caseIcs(c, langOption ?? c.lang);
      if (values.output) writeFileSync(values.output, ics);
      else out(ics);
      return EXIT.clean;
    }
  }
}

const PLACEHOLDER_FROM = 'reporter@example.invalid';

/** The reporter's address: --from, else the SMTP settings' From, else SAGICHECK_FROM, else a placeholder. */
function reporter(from: string | undefined): string {
  if (from) return from;
  try {
    return loadSmtpSettings(dataDir())?.from ?? process.env.SAGICHECK_FROM ?? PLACEHOLDER_FROM;
  } catch {
    return process.env.SAGICHECK_FROM ?? PLACEHOLDER_FROM;
  }
}

/**
 * One abuse-report .eml per recipient (the imitated brand's report address when the catalogue has one, and
 * フィッシング対策協議会) for the case's first stored mail, written to `dir`; nothing is sent.
 */
async function exportEml(db: Db, c: CaseRecord, dir: string, from: string | undefined): Promise<number> {
  const ev = caseMail(c);
  if (!ev) {
    process.stderr.write(
      `sagicheck: case ${c.id} has no stored mail to report; add it with: sagicheck case evidence ${c.id} FILE.eml\n`,
    );
    return EXIT.usage;
  }
  const raw = await evidenceContent(db, LOCAL_USER, c.id, ev.id);
  if (!raw) return EXIT.unreadable;
  const data = { ...DEFAULT_DATA, indicators: loadIndicators() };
  const subject = await reportSubject(raw, data);
  const { report } = subject;
  const sender = reporter(from);
  if (sender === PLACEHOLDER_FROM)
    process.stderr.write(`sagicheck: From is ${PLACEHOLDER_FROM}; pass --from or set SAGICHECK_FROM\n`);
  mkdirSync(dir, { recursive: true });
  const { recipients } = abuseRecipients(report, data);
  for (const to of recipients) {
    const path = join(dir, `${c.id}-${to.id}.eml`);
    writeFileSync(path, await buildAbuseMail(subject, { from: sender, to, data }));
    process.stdout.write(`${path}\t${to.email}\n`);
  }
  return EXIT.clean;
}

async function load(db: Db, id: string): Promise<CaseRecord> {
  const c = await getCase(db, LOCAL_USER, id);
  if (!c) throw new NotFound(`no case ${id}`);
  return c;
}

export function formatCase(c: CaseRecord, lang: Lang, now: Date = new Date()): string {
  const status = new Map(c.stepStatus.map((s) => [s.stepId, s]));
  const mark = (s: PlanStep) => {
    const st = status.get(s.id);
    if (st?.status === 'done') return `[x ${st.doneAt?.slice(0, 16).replace('T', ' ')}Z]`;
    if (st?.status === 'skipped') return '[-]';
    return '[ ]';
  };
  const lines = [
    `${c.id}  ${c.title}`,
    `${T.progress[lang]}: ${c.done}/${c.steps} ${T.done[lang]}${c.nextDue ? `  ${T.next[lang]}: ${c.nextDue.at} (${c.nextDue.stepId})` : ''}`,
    '',
  ];
  const due = caseReminders(c, now);
  if (due.length) {
    lines.push(`${T.reminders[lang]}:`);
    for (const r of due)
      lines.push(
        `  ${String(r.n).padStart(2)}. ${r.text[lang]} (${r.at.replace('T', ' ')}): ${r.title[lang]}`,
      );
    lines.push('');
  }
  lines.push(formatPlan(c.plan, lang, mark));
  if (c.notes.length) {
    lines.push(`${T.notes[lang]}:`);
    for (const n of c.notes) lines.push(`  ${n.createdAt.slice(0, 16).replace('T', ' ')}Z  ${n.body}`);
    lines.push('');
  }
  if (c.evidence.length) {
    lines.push(`${T.evidence[lang]}:`);
    for (const e of c.evidence)
      lines.push(
        `  ${e.id}. ${e.filename} (${e.size} bytes, sha256:${e.sha256}, ${e.stored ? T.stored[lang] : `${T.linked[lang]}: ${e.path}`})${e.note ? ` — ${e.note}` : ''}`,
      );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
