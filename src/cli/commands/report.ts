/**
 * `sagicheck report arf|abuse|contacts`: reports of a phishing mail (ARF, abuse mails with the original attached)
 * and the police/consumer-centre contact sheet. Nothing is sent unless `--send` is given.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA } from '../../engine/data/default.js';
import { DEFAULT_LIMITS, UnreadableInput } from '../../engine/parse/email.js';
import { inspectEmail } from '../../engine/scan.js';
import {
  type AbuseRecipient,
  type AbuseTarget,
  abuseRecipients,
  buildAbuseMail,
} from '../../report/abuse.js';
import { buildArf, type ReportSubject } from '../../report/arf.js';
import { CONTACTS, contactSheetText } from '../../report/contacts.js';
import { loadSmtpSettings, SMTP_HELP, sendRaw } from '../../report/smtp.js';
import { contactSheetHtml, contactSheetPdf } from '../../report/summary.js';
import { expandInputs } from '../inputs.js';
import { dataDir, loadIndicators } from '../store.js';
import { EXIT, UsageError } from '../usage.js';

export const usage = `  sagicheck report arf FILE [--to ADDRESS|brand|antiphishing] [--from ADDRESS] [--headers-only]
                                              write an ARF abuse report (RFC 5965) of the mail to stdout
  sagicheck report abuse FILE [--to brand|antiphishing] [--from ADDRESS] [-o PATH] [--send]
                                              abuse report mails to the brand and フィッシング対策協議会 with the
                                              original attached, as .eml files (sent only with --send, via
                                              smtp.json in the data folder or SAGICHECK_SMTP_*)
  sagicheck report contacts [--lang ja|en] [--json] [--html FILE] [--pdf FILE]
                                              police and consumer-centre contacts (#9110, 188, cybercrime desks),
                                              also as a printable page or PDF
`;

/** The From of a report nobody configured: a reserved name (RFC 2606) the user replaces before sending. */
const PLACEHOLDER_FROM = 'reporter@example.invalid';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'arf':
      return await arf(rest);
    case 'abuse':
      return await abuse(rest);
    case 'contacts':
      return await contacts(rest);
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(`Usage:\n${usage}`);
      return sub ? EXIT.clean : EXIT.usage;
    default:
      throw new UsageError(`report takes arf, abuse or contacts, not ${sub}`);
  }
}

const help = { help: { type: 'boolean', short: 'h' } } as const;

async function arf(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...help,
      to: { type: 'string' },
      from: { type: 'string' },
      'headers-only': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.help) return printUsage();
  const subject = await readSubject(positionals);
  if (typeof subject === 'number') return subject;
  const data = engineData();
  let to = values.to ?? 'antiphishing';
  if (to === 'brand' || to === 'antiphishing') {
    const { recipients } = abuseRecipients(subject.report, data, [to]);
    const r = recipients[0];
    if (!r) {
      process.stderr.write('sagicheck: no report address is known for this brand; pass --to ADDRESS\n');
      return EXIT.usage;
    }
    to = r.email;
  }
  const from = values.from ?? configuredFrom();
  if (from === PLACEHOLDER_FROM) warnPlaceholder();
  const mail = await buildArf(subject, { from, to, data, headersOnly: values['headers-only'] === true });
  process.stdout.write(mail);
  return EXIT.clean;
}

async function abuse(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...help,
      to: { type: 'string', multiple: true },
      from: { type: 'string' },
      out: { type: 'string', short: 'o' },
      send: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.help) return printUsage();
  const targets = (values.to ?? ['brand,antiphishing']).flatMap((t) => t.split(',')).map((t) => t.trim());
  for (const t of targets) {
    if (t !== 'brand' && t !== 'antiphishing')
      throw new UsageError(`--to takes brand or antiphishing, not ${t}`);
  }
  const smtp = values.send ? loadSmtpSettings(dataDir()) : null;
  if (values.send && !smtp) {
    process.stderr.write(`sagicheck: --send needs your SMTP settings.\n${SMTP_HELP}`);
    return EXIT.usage;
  }
  const subject = await readSubject(positionals);
  if (typeof subject === 'number') return subject;
  const data = engineData();
  const { recipients, missing } = abuseRecipients(subject.report, data, targets as AbuseTarget[]);
  if (missing.includes('brand')) {
    process.stderr.write(
      subject.report.brand
        ? `sagicheck: no report address for ${subject.report.brand} in the brand catalogue; use its official site\n`
        : 'sagicheck: the mail names no known brand; no brand report address\n',
    );
  }
  if (recipients.length === 0) return EXIT.unreadable;
  const from = values.from ?? smtp?.from ?? configuredFrom();
  if (from === PLACEHOLDER_FROM && !values.send) warnPlaceholder();
  const mails: { to: AbuseRecipient; mail: Buffer }[] = [];
  for (const to of recipients) mails.push({ to, mail: await buildAbuseMail(subject, { from, to, data }) });
  if (smtp) {
    let failed = 0;
    for (const { to, mail } of mails) {
      try {
        const info = await sendRaw(smtp, { from: smtp.from, to: [to.email] }, mail);
        process.stdout.write(`sent to ${to.email} (${to.name.ja}): ${info.response}\n`);
      } catch (err) {
        failed++;
        process.stderr.write(`sagicheck: sending to ${to.email} failed: ${(err as Error).message}\n`);
      }
    }
    return failed ? EXIT.unreadable : EXIT.clean;
  }
  if (values.out === '-') {
    if (mails.length !== 1) throw new UsageError('-o - writes one mail: choose one --to');
    process.stdout.write(mails[0]?.mail ?? '');
    return EXIT.clean;
  }
  for (const { to, mail } of mails) {
    const path =
      values.out && mails.length === 1
        ? values.out
        : `${values.out ? `${values.out}/` : ''}abuse-${to.id}.eml`;
    writeFileSync(path, mail);
    process.stdout.write(`${path}\tto ${to.email} (${to.name.ja}; ${to.source?.url ?? 'no source'})\n`);
  }
  return EXIT.clean;
}

async function contacts(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...help,
      lang: { type: 'string', default: 'ja' },
      json: { type: 'boolean' },
      html: { type: 'string' },
      pdf: { type: 'string' },
    },
  });
  if (values.help) return printUsage();
  const lang = values.lang;
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang takes ja or en, not ${lang}`);
  if (values.html || values.pdf) {
    if (values.html) writeOut(values.html, contactSheetHtml(lang));
    if (values.pdf) writeOut(values.pdf, await contactSheetPdf(lang));
    return EXIT.clean;
  }
  process.stdout.write(values.json ? `${JSON.stringify(CONTACTS, null, 2)}\n` : contactSheetText(lang));
  return EXIT.clean;
}

/** A file, or stdout for `-`. */
function writeOut(path: string, content: string | Uint8Array): void {
  if (path === '-') process.stdout.write(content);
  else writeFileSync(path, content);
}

function printUsage(): number {
  process.stdout.write(`Usage:\n${usage}`);
  return EXIT.clean;
}

function engineData() {
  return { ...DEFAULT_DATA, indicators: loadIndicators() };
}

function configuredFrom(): string {
  try {
    return loadSmtpSettings(dataDir())?.from ?? process.env.SAGICHECK_FROM ?? PLACEHOLDER_FROM;
  } catch {
    return process.env.SAGICHECK_FROM ?? PLACEHOLDER_FROM;
  }
}

function warnPlaceholder(): void {
  process.stderr.write(
    `sagicheck: From is ${PLACEHOLDER_FROM}; pass --from, set SAGICHECK_FROM or smtp.json, or change it in your mail program\n`,
  );
}

/** The one message in FILE (or stdin for -), checked; an exit code when it cannot be read. */
async function readSubject(positionals: string[]): Promise<ReportSubject | number> {
  if (positionals.length !== 1) throw new UsageError('report needs exactly one mail file (or - for stdin)');
  const inputs = [];
  for await (const input of expandInputs(positionals, DEFAULT_LIMITS.maxBytes)) {
    inputs.push(input);
    if (inputs.length > 1)
      throw new UsageError('report takes one message, not a folder or an mbox of several');
  }
  const input = inputs[0];
  if (!input) throw new UsageError(`no message in ${positionals[0]}`);
  if ('error' in input) {
    process.stderr.write(`sagicheck: ${input.source.path}: ${input.error}\n`);
    return EXIT.unreadable;
  }
  try {
    const { report, message } = await inspectEmail(input.raw, engineData(), { source: input.source });
    return { report, message, raw: message.raw ?? input.raw };
  } catch (err) {
    if (err instanceof UnreadableInput) {
      process.stderr.write(`sagicheck: ${input.source.path}: ${err.message}\n`);
      return EXIT.unreadable;
    }
    throw err;
  }
}
