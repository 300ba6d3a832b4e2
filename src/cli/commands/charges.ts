/**
 * `sagicheck charges …`: import card statements and card-usage notice mails, flag what looks like fraud, remember
 * each card's history and known merchants, and tell the user (webhook or their own SMTP) when a new charge is flagged.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA } from '../../engine/data/default.js';
import type { ScanOptions } from '../../engine/scan.js';
import { buildPlan } from '../../respond/plan.js';
import { addEvidence, createCase, NotFound } from '../../store/cases.js';
import {
  getCard,
  getNotifySettings,
  knownMerchants,
  LOCAL_USER,
  listCards,
  listCharges,
  markKnown,
  recordCharges,
  saveCard,
  saveNotifySettings,
} from '../../store/charges.js';
import type { Db } from '../../store/db.js';
import { detectFormat, parseMapping, parseStatement } from '../../watch/charges/formats.js';
import { chargesFromEmail, type NoticeIssuer } from '../../watch/charges/mail.js';
import { webhookPayload } from '../../watch/charges/notify.js';
import { decodeBytes, merchantKey, parseDate, yen } from '../../watch/charges/text.js';
import type { ColumnMapping, FlaggedCharge, StatementFormat } from '../../watch/charges/types.js';
import { notify } from '../../watch/notify.js';
import { isMbox, readMbox } from '../mbox.js';
import { loadIndicators, openUserStore } from '../store.js';
import { EXIT, UsageError } from '../usage.js';
import { dnsVerifier } from '../verify-dns.js';

export const usage = `  sagicheck charges import FILE ... [--format rakuten|smbc|generic|mail] [--card NAME]
                            [--map date=0,merchant=1,amount=2 | date=日付,merchant=内容,amount=金額] [--json]
                            [--case ID | --open-case] [--trust-receiver HOST] [--verify-dns]
                                              import card statements (CSV, Shift_JIS or UTF-8) or card-usage
                                              notice mails (.eml or an mbox; only genuine, authenticated ones) and flag
                                              charges with reasons; exit 1 when any charge is flagged. With
                                              flagged charges, --case adds the file as evidence to that recovery
                                              case, --open-case opens one (unknown charges on the card)
  sagicheck charges list [--card NAME] [--flagged] [--since YYYY-MM-DD] [--json]
  sagicheck charges known MERCHANT --card NAME   mark a merchant as yours on that card (no NAME: list them)
  sagicheck charges notify [--webhook URL] [--smtp-host H --smtp-port N [--smtp-secure] [--smtp-user U]
                            --mail-from A --mail-to B] [--off]
                                              where to be told about flagged charges (SMTP password from
                                              $SAGICHECK_SMTP_PASSWORD, never stored); no option shows them
`;

const ISSUER_CARD: Record<NoticeIssuer, string> = {
  'rakuten-card': 'rakuten',
  'smbc-card': 'smbc',
  jcb: 'jcb',
};

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '-h' || sub === '--help') {
    process.stdout.write(usage);
    return sub ? EXIT.clean : EXIT.usage;
  }
  switch (sub) {
    case 'import':
      return importCommand(rest);
    case 'list':
      return listCommand(rest);
    case 'known':
      return knownCommand(rest);
    case 'notify':
      return notifyCommand(rest);
    default:
      throw new UsageError(`unknown charges command: ${sub}`);
  }
}

export interface ImportOptions {
  format: StatementFormat | 'mail' | null;
  card: string | null;
  mapping: ColumnMapping | null;
  /** How a notice mail's sender is proven (--trust-receiver, --verify-dns), as for `sagicheck scan`. */
  scan?: ScanOptions;
}

/** One file: a notice mail (.eml or --format mail) or a statement CSV; flagged against the card's history, stored. */
export async function importFile(
  db: Db,
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<FileResult> {
  const isMail = options.format === 'mail' || (!options.format && /\.(eml|msg)$/i.test(file));
  if (isMail) return importMail(db, file, bytes, options.card, options.scan ?? {});
  return importStatement(
    db,
    file,
    bytes,
    options.format as StatementFormat | null,
    options.card,
    options.mapping,
  );
}

export interface FileResult {
  file: string;
  card: string | null;
  format: string | null;
  layout: string | null;
  encoding: string | null;
  problems: { line: number; text: string }[];
  refused: { ja: string; en: string } | null;
  added: number;
  charges: (FlaggedCharge & { stored: 'new' | 'already' })[];
  /** The recovery case the file was added to as evidence (--case / --open-case), when charges were flagged. */
  case?: { id: string; opened: boolean; evidence: string };
}

const CARD_ISSUER: Record<string, string> = { rakuten: 'rakuten-card', smbc: 'smbc-card', jcb: 'jcb' };

/**
 * A file with flagged charges joins a recovery case as evidence (its bytes and SHA-256, a note listing the flagged
 * charges and why), or opens one: "unknown charges" on the card's issuer, from the first flagged day.
 */
export async function caseEvidence(
  db: Db,
  r: FileResult,
  bytes: Uint8Array,
  caseId: string | null,
  lang: 'ja' | 'en',
): Promise<FileResult['case']> {
  const flagged = r.charges.filter((c) => c.flagged);
  if (flagged.length === 0 || !r.card) return undefined;
  let id = caseId;
  const opened = !id;
  if (!id) {
    const first = flagged.map((c) => c.date).sort()[0] as string;
    const issuer = CARD_ISSUER[r.card] ?? r.card;
    const plan = buildPlan({
      brand: issuer,
      channel: 'mail',
      happened: ['unknown-charges'],
      when: `${first}T00:00+09:00`,
      cards: [issuer],
    });
    id = await createCase(db, {
      user: LOCAL_USER,
      plan,
      lang,
      title: lang === 'ja' ? `${r.card} の身に覚えのない請求` : `unknown charges on ${r.card}`,
    });
  }
  const note = flagged
    .map(
      (c) =>
        `${c.date} ${c.merchant ?? '-'} ${yen(c.amount)}: ${c.reasons.map((x) => x.message[lang]).join(' / ')}`,
    )
    .join('\n');
  let evidence: Awaited<ReturnType<typeof addEvidence>>;
  try {
    evidence = await addEvidence(db, LOCAL_USER, id, {
      filename: basename(r.file),
      mediaType: r.format === 'mail' ? 'message/rfc822' : 'text/csv',
      content: bytes,
      note,
    });
  } catch (err) {
    if (err instanceof NotFound) throw new UsageError(`no recovery case ${id}`);
    throw err;
  }
  return { id, opened, evidence: evidence.sha256 };
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      card: { type: 'string' },
      map: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string', default: 'ja' },
      case: { type: 'string' },
      'open-case': { type: 'boolean' },
      'trust-receiver': { type: 'string', multiple: true },
      'verify-dns': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return EXIT.clean;
  }
  if (positionals.length === 0) throw new UsageError('charges import needs a FILE');
  const format = values.format;
  if (format && !['rakuten', 'smbc', 'generic', 'mail'].includes(format))
    throw new UsageError(`--format takes rakuten, smbc, generic or mail, not ${format}`);
  const lang = values.lang === 'en' ? 'en' : 'ja';
  let mapping: ColumnMapping | null = null;
  if (values.map) {
    try {
      mapping = parseMapping(values.map);
    } catch (err) {
      throw new UsageError(`--map: ${(err as Error).message}`);
    }
  }
  if (values.case && values['open-case']) throw new UsageError('give --case ID or --open-case, not both');
  const db = await openUserStore();
  let anyFlagged = false;
  let unreadable = 0;
  try {
    const settings = await getNotifySettings(db, LOCAL_USER);
    // --open-case opens one case per card in a run; further flagged files of that card join it.
    const openedFor = new Map<string, string>();
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        process.stderr.write(`sagicheck: ${file}: ${(err as Error).message}\n`);
        unreadable++;
        continue;
      }
      // An mbox (a mailbox export) holds many notice mails: each is one import of its own.
      const parts: { name: string; raw: Uint8Array; format: ImportOptions['format'] }[] = [];
      if (isMbox(bytes.subarray(0, 5))) {
        let i = 0;
        for await (const raw of readMbox(file)) parts.push({ name: `${file}#${i++}`, raw, format: 'mail' });
      } else parts.push({ name: file, raw: bytes, format: (format as ImportOptions['format']) ?? null });
      for (const part of parts) {
        const result = await importFile(db, part.name, part.raw, {
          format: part.format,
          card: values.card ?? null,
          mapping,
          scan: {
            trustReceivers: values['trust-receiver'] ?? [],
            ...(values['verify-dns'] ? { verifyAuth: dnsVerifier() } : {}),
          },
        });
        if (result.charges.some((c) => c.flagged)) anyFlagged = true;
        if ((values.case || values['open-case']) && result.card) {
          const join = values.case ?? openedFor.get(result.card) ?? null;
          result.case = await caseEvidence(db, result, part.raw, join, lang);
          if (result.case?.opened) openedFor.set(result.card, result.case.id);
        }
        if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else process.stdout.write(human(result, lang));
        const fresh = result.charges.filter((c) => c.flagged && c.stored === 'new');
        if (fresh.length > 0 && result.card) {
          for (const line of await notify(settings, webhookPayload(result.card, basename(part.name), fresh)))
            process.stderr.write(`sagicheck: ${line}\n`);
        }
      }
    }
  } finally {
    await db.close();
  }
  if (unreadable > 0 && unreadable === positionals.length) return EXIT.unreadable;
  return anyFlagged ? EXIT.suspicious : EXIT.clean;
}

async function importStatement(
  db: Db,
  file: string,
  bytes: Uint8Array,
  format: StatementFormat | null,
  cardOption: string | null,
  mapping: ColumnMapping | null,
): Promise<FileResult> {
  const { text, encoding } = decodeBytes(bytes);
  const stored = cardOption ? await getCard(db, LOCAL_USER, cardOption) : null;
  const fmt: StatementFormat | null =
    format ?? (mapping ? 'generic' : null) ?? detectFormat(text) ?? stored?.format ?? null;
  if (!fmt) {
    throw new UsageError(
      `${file}: not a 楽天カード or 三井住友カード statement; give --format generic --map date=N,merchant=N,amount=N --card NAME`,
    );
  }
  const card = cardOption ?? (fmt === 'generic' ? null : fmt);
  if (!card)
    throw new UsageError('a generic CSV needs --card NAME (its mapping is remembered for that card)');
  const map = fmt === 'generic' ? (mapping ?? stored?.mapping ?? null) : null;
  if (fmt === 'generic' && !map)
    throw new UsageError(
      `no column mapping known for card ${card}: give --map date=N,merchant=N,amount=N once`,
    );
  const parsed = parseStatement(text, fmt, map ?? undefined);
  await saveCard(db, LOCAL_USER, card, fmt, map);
  const result = await recordCharges(db, LOCAL_USER, card, 'csv', parsed.charges);
  return {
    file,
    card,
    format: fmt,
    layout: parsed.layout,
    encoding,
    problems: parsed.problems,
    refused: null,
    ...result,
  };
}

async function importMail(
  db: Db,
  file: string,
  bytes: Uint8Array,
  cardOption: string | null,
  scan: ScanOptions,
): Promise<FileResult> {
  const data = { ...DEFAULT_DATA, indicators: loadIndicators() };
  const notice = await chargesFromEmail(bytes, data, { ...scan, source: { path: file } });
  const base = { file, format: 'mail', encoding: null, problems: [], refused: notice.refused };
  if (!notice.issuer) return { ...base, card: null, layout: null, added: 0, charges: [] };
  const card = cardOption ?? ISSUER_CARD[notice.issuer];
  const origin = `mail:${notice.issuer}:${notice.messageId ?? notice.charges.map((c) => `${c.date}/${c.amount}`).join(',')}`;
  const result = await recordCharges(db, LOCAL_USER, card, origin, notice.charges);
  return { ...base, card, layout: `mail:${notice.issuer}`, ...result };
}

function human(r: FileResult, lang: 'ja' | 'en'): string {
  const out: string[] = [];
  const flagged = r.charges.filter((c) => c.flagged).length;
  if (r.refused) out.push(`${r.file}: ${r.refused[lang]}`);
  if (r.card) {
    out.push(
      lang === 'ja'
        ? `${r.file}: カード ${r.card}（${r.layout ?? r.format}${r.encoding ? `, ${r.encoding}` : ''}）${r.charges.length}件、新規 ${r.added}件、要確認 ${flagged}件`
        : `${r.file}: card ${r.card} (${r.layout ?? r.format}${r.encoding ? `, ${r.encoding}` : ''}) ${r.charges.length} charges, ${r.added} new, ${flagged} flagged`,
    );
  }
  for (const c of r.charges) {
    const mark = c.flagged ? '⚠' : ' ';
    out.push(
      `${mark} ${c.date}  ${(c.merchant ?? '-').padEnd(24)} ${yen(c.amount).padStart(10)}  ${c.score}`,
    );
    for (const reason of c.reasons) out.push(`      ${reason.message[lang]}`);
  }
  for (const p of r.problems) out.push(`  ! line ${p.line}: ${p.text}`);
  if (r.case)
    out.push(
      lang === 'ja'
        ? `  → ケース ${r.case.id} に証拠として追加しました${r.case.opened ? '（新しく開いたケース）' : ''}`
        : `  → added as evidence to case ${r.case.id}${r.case.opened ? ' (opened now)' : ''}`,
    );
  return `${out.join('\n')}\n`;
}

async function listCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      card: { type: 'string' },
      flagged: { type: 'boolean' },
      since: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string', default: 'ja' },
    },
  });
  if (values.since && !parseDate(values.since))
    throw new UsageError(`--since takes YYYY-MM-DD, not ${values.since}`);
  const lang = values.lang === 'en' ? 'en' : 'ja';
  const db = await openUserStore();
  try {
    const rows = await listCharges(db, LOCAL_USER, {
      card: values.card,
      flaggedOnly: values.flagged === true,
      since: values.since ? (parseDate(values.since) as string) : undefined,
    });
    if (values.json) {
      for (const c of rows) process.stdout.write(`${JSON.stringify(c)}\n`);
    } else {
      if (rows.length === 0) {
        const cards = await listCards(db, LOCAL_USER);
        process.stdout.write(
          lang === 'ja'
            ? `利用明細はありません（カード: ${cards.join(', ') || 'なし'}）\n`
            : `no charges (cards: ${cards.join(', ') || 'none'})\n`,
        );
      }
      for (const c of rows) {
        process.stdout.write(
          `${c.flagged ? '⚠' : ' '} ${c.card.padEnd(10)} ${c.date}  ${(c.merchant ?? '-').padEnd(24)} ${yen(c.amount).padStart(10)}  ${c.reasons.map((r) => r.id.replace('charges/', '')).join(', ')}\n`,
        );
      }
    }
  } finally {
    await db.close();
  }
  return EXIT.clean;
}

async function knownCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { card: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.card) throw new UsageError('charges known needs --card NAME');
  const merchant = positionals.join(' ').trim();
  const db = await openUserStore();
  try {
    if (merchant) {
      const added = await markKnown(db, LOCAL_USER, values.card, merchant, merchantKey(merchant));
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ card: values.card, merchant, added })}\n`
          : `${added ? '登録しました / marked as known' : 'すでに登録済みです / already known'}: ${merchant} (${values.card})\n`,
      );
    } else {
      const list = await knownMerchants(db, LOCAL_USER, values.card);
      process.stdout.write(
        values.json ? `${JSON.stringify({ card: values.card, known: list })}\n` : `${list.join('\n')}\n`,
      );
    }
  } finally {
    await db.close();
  }
  return EXIT.clean;
}

async function notifyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      webhook: { type: 'string' },
      'smtp-host': { type: 'string' },
      'smtp-port': { type: 'string' },
      'smtp-secure': { type: 'boolean' },
      'smtp-user': { type: 'string' },
      'mail-from': { type: 'string' },
      'mail-to': { type: 'string' },
      off: { type: 'boolean' },
    },
  });
  const db = await openUserStore();
  try {
    let settings = await getNotifySettings(db, LOCAL_USER);
    if (values.off) settings = {};
    if (values.webhook !== undefined) {
      let url: URL;
      try {
        url = new URL(values.webhook);
      } catch {
        throw new UsageError(`--webhook is not a URL: ${values.webhook}`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new UsageError('--webhook takes an http(s) URL');
      settings.webhook = url.toString();
    }
    if (values['smtp-host'] !== undefined) {
      const port = Number(values['smtp-port'] ?? (values['smtp-secure'] ? 465 : 587));
      if (!Number.isInteger(port) || port <= 0 || port > 65535)
        throw new UsageError('--smtp-port takes a port number');
      if (!values['mail-from'] || !values['mail-to'])
        throw new UsageError('mail notifications need --mail-from and --mail-to (your own address)');
      settings.smtp = {
        host: values['smtp-host'],
        port,
        secure: values['smtp-secure'] === true,
        ...(values['smtp-user'] ? { user: values['smtp-user'] } : {}),
        from: values['mail-from'],
        to: values['mail-to'],
      };
    }
    await saveNotifySettings(db, LOCAL_USER, settings);
    process.stdout.write(`${JSON.stringify(settings)}\n`);
  } finally {
    await db.close();
  }
  return EXIT.clean;
}
