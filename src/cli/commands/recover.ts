/**
 * `sagicheck recover`: a recovery plan for what happened, from flags or by asking (node:readline/promises; prompts go
 * to stderr so stdout stays the plan, and piped answers work, so scripts and tests can drive it). `--save` keeps the
 * plan as a case in the same store as the web app (`sagicheck case …`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CHANNEL_LABEL, HAPPENED_LABEL } from '../../respond/labels.js';
import { DEFAULT_LIBRARY } from '../../respond/library.js';
import { AnswerError, buildPlan, normaliseBrand } from '../../respond/plan.js';
import { formatInstant, parseInstant } from '../../respond/time.js';
import {
  type Answers,
  CHANNELS,
  type Channel,
  HAPPENED,
  type Happened,
  type Plan,
  type PlanStep,
  type Text,
} from '../../respond/types.js';
import { createCase } from '../../store/cases.js';
import { getCheck } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { openStore } from '../../store/schema.js';
import type { Lang } from '../format.js';
import { dataDir } from '../store.js';
import { EXIT, UsageError } from '../usage.js';

export const usage = `  sagicheck recover [--brand ID] [--channel mail|sms|phone|web-ad] [--happened LIST] [--when TIME]
                    [--cards LIST] [--from-check ID] [--save] [--title TEXT] [--json] [--lang ja|en]
                                              a recovery plan, one step at a time, for what happened (asks for
                                              what the flags leave out); --happened takes received, clicked,
                                              password-entered, card-entered, personal-data-entered,
                                              unknown-orders, unknown-charges; --save keeps it as a case
`;

/** The local user of the CLI and of the web app run without accounts. */
export const LOCAL_USER = 'local';

const BRAND_CHOICES: { id: string; label: Text }[] = [
  { id: 'amazon', label: { ja: 'Amazon', en: 'Amazon' } },
  { id: 'rakuten', label: { ja: '楽天市場', en: 'Rakuten Ichiba' } },
  { id: 'rakuten-card', label: { ja: '楽天カード', en: 'Rakuten Card' } },
  { id: 'smbc-card', label: { ja: '三井住友カード', en: 'SMBC Card' } },
  { id: 'apple', label: { ja: 'Apple', en: 'Apple' } },
  { id: 'yamato', label: { ja: '宅配業者（不在通知）', en: 'a parcel carrier (missed delivery)' } },
  { id: 'other', label: { ja: 'その他（名前を入力）', en: 'other (type its name)' } },
];

const CARD_CHOICES: { id: string; label: Text }[] = [
  { id: 'rakuten-card', label: { ja: '楽天カード', en: 'Rakuten Card' } },
  { id: 'smbc-card', label: { ja: '三井住友カード', en: 'SMBC Card' } },
];

const L = {
  brand: {
    ja: 'どの会社・サービスを名乗っていましたか？（番号か名前）',
    en: 'Which company or service did it claim to be? (number or name)',
  },
  otherBrand: { ja: '会社・サービスの名前', en: 'Name of the company or service' },
  channel: { ja: 'どうやって来ましたか？', en: 'How did it come?' },
  happened: {
    ja: '何が起きましたか？（複数可：番号をカンマ区切りで）',
    en: 'What happened? (several allowed: numbers separated by commas)',
  },
  when: {
    ja: 'いつですか？（例 2026-05-08 10:00。空なら今）',
    en: 'When? (e.g. 2026-05-08 10:00; empty for now)',
  },
  cards: {
    ja: '関係するカードは？（番号か名前をカンマ区切りで。空ならなし・わからない）',
    en: 'Which card(s) are involved? (numbers or names, comma-separated; empty if none or unknown)',
  },
  save: { ja: 'このプランをケースとして保存しますか？ [y/N]', en: 'Save this plan as a case? [y/N]' },
  again: { ja: 'もう一度入力してください。', en: 'Please try again.' },
  title: { ja: '回復プラン', en: 'Recovery plan' },
  unverifiedNote: {
    ja: '※ が付いた手順・連絡先は公式ページで確認できていない内容です（体験記などによる）。',
    en: '* marks steps and contacts not confirmed on an official page (from a victim’s account or similar).',
  },
  fallback: {
    ja: 'この会社専用の手順はまだないため、一般的な手順を示します。',
    en: 'No playbook for this company yet: these are the general steps.',
  },
  why: { ja: 'なぜ', en: 'Why' },
  how: { ja: 'どうする', en: 'How' },
  expect: { ja: 'この後', en: 'What to expect' },
  contacts: { ja: '連絡先', en: 'Contacts' },
  forCards: { ja: '対象のカード', en: 'For' },
  sources: { ja: '出典', en: 'Sources' },
  saved: { ja: 'ケースとして保存しました', en: 'Saved as case' },
  by: { ja: '期限', en: 'by' },
  notBefore: { ja: 'ここから', en: 'from' },
} satisfies Record<string, Text>;

export function langOf(v: unknown): Lang {
  if (v !== 'ja' && v !== 'en') throw new UsageError(`--lang takes ja or en, not ${String(v)}`);
  return v;
}

/**
 * The user's store, shared with the web app: PostgreSQL at $DATABASE_URL, else the embedded database in the data
 * folder, with every part's migrations applied.
 */
export async function openCaseStore(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) mkdirSync(dataDir(), { recursive: true });
  return await openStore(url ? { url } : { dir: join(dataDir(), 'db') });
}

const list = (v: unknown): string[] =>
  typeof v === 'string'
    ? v
        .split(/[,\s、，]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** Reads answers one line at a time, whether typed or piped: the async iterator buffers lines read ahead. */
class Asker {
  private rl = createInterface({ input: process.stdin, terminal: false });
  private lines = this.rl[Symbol.asyncIterator]();
  constructor(private lang: Lang) {}

  async line(prompt: string): Promise<string | null> {
    process.stderr.write(`${prompt}\n> `);
    const r = await this.lines.next();
    // A piped answer is not echoed: end the prompt's line so the next prompt starts on its own.
    if (!process.stdin.isTTY) process.stderr.write('\n');
    if (r.done) {
      process.stderr.write('\n');
      return null;
    }
    return String(r.value).trim();
  }

  /** Asks until `accept` returns a value (three tries); null at end of input. */
  async until<T>(prompt: string, accept: (answer: string) => T | undefined): Promise<T | null> {
    for (let i = 0; i < 3; i++) {
      const answer = await this.line(prompt);
      if (answer === null) return null;
      const v = accept(answer);
      if (v !== undefined) return v;
      process.stderr.write(`${L.again[this.lang]}\n`);
    }
    throw new UsageError('no usable answer after three tries');
  }

  close(): void {
    this.rl.close();
  }
}

const menu = (items: Text[], lang: Lang) => items.map((t, i) => `  ${i + 1}) ${t[lang]}`).join('\n');

function pickOne<T extends string>(answer: string, options: readonly T[]): T | undefined {
  const n = Number(answer);
  if (Number.isInteger(n) && n >= 1 && n <= options.length) return options[n - 1];
  return options.find((o) => o === answer.toLowerCase());
}

function pickMany<T extends string>(answer: string, options: readonly T[]): T[] | undefined {
  const picked = list(answer).map((a) => pickOne(a, options));
  if (picked.length === 0 || picked.some((p) => p === undefined)) return undefined;
  return [...new Set(picked as T[])];
}

function nowText(): string {
  return formatInstant({ ms: Date.now(), offset: -new Date().getTimezoneOffset() });
}

interface Partial {
  brand?: string;
  channel?: Channel;
  happened?: Happened[];
  when?: string;
  cards?: string[];
}

async function askMissing(given: Partial, lang: Lang, asker: Asker): Promise<Answers> {
  const eof = () =>
    new UsageError('input ended before every answer was given (use --brand, --channel, --happened)');
  let brand = given.brand;
  if (!brand) {
    const choice = await asker.until(
      `${L.brand[lang]}\n${menu(
        BRAND_CHOICES.map((b) => b.label),
        lang,
      )}`,
      (a) => {
        if (!a) return undefined;
        const n = Number(a);
        if (Number.isInteger(n)) return BRAND_CHOICES[n - 1]?.id;
        return normaliseBrand(a);
      },
    );
    if (choice === null) throw eof();
    brand = choice;
    if (brand === 'other') {
      const name = await asker.until(L.otherBrand[lang], (a) => (a ? normaliseBrand(a) : undefined));
      if (name === null) throw eof();
      brand = name;
    }
  }
  let channel = given.channel;
  if (!channel) {
    const c = await asker.until(
      `${L.channel[lang]}\n${menu(
        CHANNELS.map((x) => CHANNEL_LABEL[x]),
        lang,
      )}`,
      (a) => pickOne(a, CHANNELS),
    );
    if (c === null) throw eof();
    channel = c;
  }
  let happened = given.happened;
  if (!happened || happened.length === 0) {
    const h = await asker.until(
      `${L.happened[lang]}\n${menu(
        HAPPENED.map((x) => HAPPENED_LABEL[x]),
        lang,
      )}`,
      (a) => pickMany(a, HAPPENED),
    );
    if (h === null) throw eof();
    happened = h;
  }
  let when = given.when;
  if (!when) {
    const w = await asker.until(L.when[lang], (a) => (!a ? nowText() : parseInstant(a) ? a : undefined));
    when = w ?? nowText();
  }
  let cards = given.cards;
  if (!cards && happened.some((h) => h === 'card-entered' || h === 'unknown-charges')) {
    const c = await asker.until(
      `${L.cards[lang]}\n${menu(
        CARD_CHOICES.map((x) => x.label),
        lang,
      )}`,
      (a) =>
        list(a).map((x) => {
          const n = Number(x);
          return Number.isInteger(n) && CARD_CHOICES[n - 1] ? (CARD_CHOICES[n - 1]?.id as string) : x;
        }),
    );
    cards = c ?? [];
  }
  return { brand, channel, happened, when, cards: cards ?? [] };
}

/** Brand and channel from a check stored by the web app (same database, same local user). */
async function answersFromCheck(db: Db, id: string): Promise<Partial> {
  const check = await getCheck(db, LOCAL_USER, id);
  if (!check) throw new UsageError(`no stored check ${id}`);
  const channel: Channel | undefined =
    check.kind === 'email' ? 'mail' : check.kind === 'text' ? 'sms' : undefined;
  return { ...(check.brand ? { brand: check.brand } : {}), ...(channel ? { channel } : {}) };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      brand: { type: 'string' },
      channel: { type: 'string' },
      happened: { type: 'string' },
      when: { type: 'string' },
      cards: { type: 'string' },
      'from-check': { type: 'string' },
      save: { type: 'boolean' },
      title: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string', default: 'ja' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(usage);
    return EXIT.clean;
  }
  const lang = langOf(values.lang);
  const given: Partial = {};
  if (values.brand) given.brand = normaliseBrand(values.brand);
  if (values.channel) {
    if (!(CHANNELS as readonly string[]).includes(values.channel))
      throw new UsageError(`--channel takes ${CHANNELS.join(', ')}, not ${values.channel}`);
    given.channel = values.channel as Channel;
  }
  if (values.happened !== undefined) {
    const h = list(values.happened);
    const bad = h.filter((x) => !(HAPPENED as readonly string[]).includes(x));
    if (bad.length || h.length === 0)
      throw new UsageError(
        `--happened takes ${HAPPENED.join(', ')} (comma-separated), not ${values.happened}`,
      );
    given.happened = h as Happened[];
  }
  if (values.when !== undefined) {
    if (!parseInstant(values.when))
      throw new UsageError(`--when takes a date and time like 2026-05-08T10:00+09:00, not ${values.when}`);
    given.when = values.when;
  }
  if (values.cards !== undefined) given.cards = list(values.cards);

  let db: Db | null = null;
  try {
    if (values['from-check']) {
      db = await openCaseStore();
      const fromCheck = await answersFromCheck(db, values['from-check']);
      given.brand ??= fromCheck.brand;
      given.channel ??= fromCheck.channel;
    }
    const complete = given.brand && given.channel && given.happened;
    let asker: Asker | null = null;
    let answers: Answers;
    if (complete) {
      answers = {
        brand: given.brand as string,
        channel: given.channel as Channel,
        happened: given.happened as Happened[],
        when: given.when ?? nowText(),
        cards: given.cards ?? [],
      };
    } else {
      asker = new Asker(lang);
      answers = await askMissing(given, lang, asker);
    }
    let plan: Plan;
    try {
      plan = buildPlan(answers);
    } catch (err) {
      if (err instanceof AnswerError) throw new UsageError(err.message);
      throw err;
    }
    let save = values.save === true;
    if (!save && asker && !values.json) {
      process.stdout.write(formatPlan(plan, lang));
      const yes = await asker.line(L.save[lang]);
      save = /^(y|yes|はい)$/i.test(yes ?? '');
      asker.close();
      if (!save) return EXIT.clean;
      db ??= await openCaseStore();
      const id = await createCase(db, { user: LOCAL_USER, plan, lang, title: values.title });
      process.stdout.write(`${L.saved[lang]}: ${id}\n`);
      return EXIT.clean;
    }
    asker?.close();
    let caseId: string | undefined;
    if (save) {
      db ??= await openCaseStore();
      caseId = await createCase(db, { user: LOCAL_USER, plan, lang, title: values.title });
    }
    if (values.json) process.stdout.write(`${JSON.stringify(caseId ? { ...plan, caseId } : plan)}\n`);
    else {
      process.stdout.write(formatPlan(plan, lang));
      if (caseId) process.stdout.write(`${L.saved[lang]}: ${caseId}\n`);
    }
    return EXIT.clean;
  } finally {
    await db?.close();
  }
}

function deadlineText(s: PlanStep, lang: Lang): string {
  const d = s.deadline;
  if (!d) return '';
  if (d.kind === 'asap') return `[${d.label[lang]}] `;
  const kind = d.kind === 'by' ? L.by[lang] : L.notBefore[lang];
  return `[${kind} ${d.at.replace('T', ' ')} — ${d.label[lang]}] `;
}

/** One step as text: the number, deadline, title, then why / how / expect / contacts, indented. */
export function formatStep(s: PlanStep, lang: Lang, status?: string): string {
  const mark = s.unverified ? '※ ' : '';
  const lines = [
    `${String(s.n).padStart(2)}. ${status ? `${status} ` : ''}${deadlineText(s, lang)}${mark}${s.title[lang]}`,
  ];
  if (s.for?.length) {
    const names = s.for.map((c) => DEFAULT_LIBRARY.byBrand.get(c)?.name[lang] ?? c);
    lines.push(`    ${L.forCards[lang]}: ${names.join(', ')}`);
  }
  lines.push(`    ${L.why[lang]}: ${s.why[lang]}`, `    ${L.how[lang]}:`);
  for (const h of s.how) lines.push(`      - ${h[lang]}`);
  if (s.expect) lines.push(`    ${L.expect[lang]}: ${s.expect[lang]}`);
  for (const c of s.contacts) {
    const value = c.value ? `: ${c.value}` : '';
    lines.push(`    ${L.contacts[lang]}: ${c.unverified ? '※ ' : ''}${c.name[lang]}${value}`);
  }
  lines.push(`    id: ${s.id}`);
  return `${lines.join('\n')}\n`;
}

export function formatPlan(plan: Plan, lang: Lang, status?: (s: PlanStep) => string): string {
  const a = plan.answers;
  const brand = DEFAULT_LIBRARY.byBrand.get(a.brand)?.name[lang] ?? a.brand;
  const happened = a.happened.map((h) => HAPPENED_LABEL[h][lang]).join(lang === 'ja' ? '、' : ', ');
  const head = [
    `${L.title[lang]}: ${brand} / ${CHANNEL_LABEL[a.channel][lang]} / ${happened} (${a.when.replace('T', ' ')})`,
  ];
  if (plan.fallback) head.push(L.fallback[lang]);
  if (plan.steps.some((s) => s.unverified || s.contacts.some((c) => c.unverified)))
    head.push(L.unverifiedNote[lang]);
  const body = plan.steps.map((s) => formatStep(s, lang, status?.(s))).join('\n');
  const sources = plan.sources
    .filter((s) => s.kind !== 'editorial')
    .map((s) => `  [${s.id}] ${s.title ?? ''} ${s.url} (${s.checked})`);
  return `${head.join('\n')}\n\n${body}\n${L.sources[lang]}:\n${sources.join('\n')}\n`;
}
