/**
 * An abuse report in the Abuse Reporting Format (RFC 5965): multipart/report; report-type=feedback-report with
 * (1) a human-readable part, (2) the machine-readable message/feedback-report part and (3) the original as
 * message/rfc822 (or only its header as text/rfc822-headers).
 */
import MimeNode from 'nodemailer/lib/mime-node';
import type { EngineData } from '../engine/data/types.js';
import type { Message } from '../engine/parse/message.js';
import type { Report } from '../engine/report.js';
import { type MailFacts, mailFacts } from './facts.js';
import { sagicheckVersion } from './version.js';

/** What a report is built from: the engine's verdict and the parsed message it came from (inspectEmail). */
export interface ReportSubject {
  report: Report;
  message: Message;
  /** The original as received; defaults to message.raw (the inner original of a forward as attachment). */
  raw?: Uint8Array | string;
}

export interface ArfOptions {
  /** The reporter's address (From of the report). */
  from: string;
  /** Where the report goes. */
  to: string;
  /** Attach only the original's header block as text/rfc822-headers instead of the whole message. */
  headersOnly?: boolean;
  /** The report's Date (tests). */
  date?: Date;
  data: EngineData;
}

/** RFC 5965 §3.1 / RFC 6650: fraud for phishing and scams, abuse for the rest. */
export function feedbackType(report: Report): 'fraud' | 'abuse' {
  return report.verdict === 'phishing' || report.verdict === 'scam' ? 'fraud' : 'abuse';
}

/** The message/feedback-report body: one field per line, US-ASCII, CRLF. */
export function feedbackReportFields(report: Report, facts: MailFacts): string {
  const lines = [
    `Feedback-Type: ${feedbackType(report)}`,
    `User-Agent: sagicheck/${sagicheckVersion()}`,
    'Version: 1',
  ];
  if (facts.mailFrom && isAscii(facts.mailFrom)) lines.push(`Original-Mail-From: <${facts.mailFrom}>`);
  if (facts.arrivalDate) lines.push(`Arrival-Date: ${facts.arrivalDate}`);
  if (facts.sourceIp) lines.push(`Source-IP: ${facts.sourceIp}`);
  if (facts.authenticationResults)
    lines.push(`Authentication-Results: ${oneLine(facts.authenticationResults)}`);
  for (const d of facts.reportedDomains) lines.push(`Reported-Domain: ${asciiDomain(d)}`);
  for (const u of facts.reportedUris) lines.push(`Reported-URI: ${asciiUri(u)}`);
  return `${lines.join('\r\n')}\r\n`;
}

/** The human-readable part, Japanese then English: what was found and why it is reported. */
export function humanReadable(report: Report, facts: MailFacts): string {
  const ja: string[] = [
    'これはフィッシング等の不正なメールの報告です（ARF / RFC 5965 形式）。',
    '元のメールを添付しています。添付メール内のリンクは開かないでください。',
    '',
    `判定: ${VERDICT.ja[report.verdict]}（スコア ${report.score}/100、sagicheck による自動判定）`,
    `件名: ${report.subject ?? '(なし)'}`,
    `差出人: ${sender(report)}`,
    `送信元: ${report.sender.summary.ja}`,
  ];
  const en: string[] = [
    'This is a report of a phishing or otherwise fraudulent e-mail (ARF, RFC 5965).',
    'The original message is attached. Do not open the links in it.',
    '',
    `Verdict: ${report.verdict} (score ${report.score}/100, automatic check by sagicheck)`,
    `Subject: ${report.subject ?? '(none)'}`,
    `From: ${sender(report)}`,
    `Sender: ${report.sender.summary.en}`,
  ];
  if (facts.sourceIp) {
    ja.push(`接続元IP: ${facts.sourceIp}`);
    en.push(`Source IP: ${facts.sourceIp}`);
  }
  const findings = report.findings.filter((f) => f.weight > 0).slice(0, 12);
  if (findings.length) {
    ja.push('', '根拠:');
    en.push('', 'Findings:');
    for (const f of findings) {
      ja.push(`- ${f.message.ja} [${f.rule}]`);
      en.push(`- ${f.message.en} [${f.rule}]`);
    }
  }
  const risky = report.links.filter((l) => l.risks.length > 0);
  if (risky.length) {
    ja.push('', '危険なリンク（無効化して記載）:');
    en.push('', 'Risky links (defanged):');
    for (const l of risky.slice(0, 20)) {
      ja.push(`- ${defang(l.destination)}`);
      en.push(`- ${defang(l.destination)}`);
    }
  }
  return `${[...ja, '', '----', '', ...en].join('\r\n')}\r\n`;
}

const VERDICT: Record<'ja', Record<Report['verdict'], string>> = {
  ja: {
    phishing: 'フィッシング',
    scam: '詐欺',
    suspicious: '要注意',
    spam: '迷惑メール',
    'no-threat-found': '脅威は見つからず',
  },
};

function sender(report: Report): string {
  const c = report.sender.claimed;
  return [c.name, c.address ? `<${c.address}>` : null].filter(Boolean).join(' ') || '-';
}

/** `hxxps://example[.]com/…`: a link in a report must not be clickable. */
export function defang(url: string): string {
  return url.replace(/^http/i, 'hxxp').replace(/\./g, '[.]');
}

/** The original's header block (up to the first empty line). */
export function headerBlock(raw: Uint8Array | string): Buffer {
  const buf = Buffer.from(raw instanceof Uint8Array ? raw : Buffer.from(raw, 'utf8'));
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : buf.length;
  return buf.subarray(0, end);
}

/** Builds the ARF report as a complete RFC 5322 message (CRLF line ends), ready to save as .eml or send. */
export async function buildArf(subject: ReportSubject, options: ArfOptions): Promise<Buffer> {
  const { report, message } = subject;
  const raw = subject.raw ?? message.raw;
  if (raw === null || raw === undefined) throw new Error('an ARF report needs the original message');
  const facts = mailFacts(message, report, options.data);
  const root = new MimeNode('multipart/report; report-type=feedback-report', { newline: 'windows' });
  root.setHeader({
    From: options.from,
    To: options.to,
    Subject: `${feedbackType(report) === 'fraud' ? 'Phishing report' : 'Abuse report'} / 報告: ${report.subject ?? '(no subject)'}`,
  });
  if (options.date) root.date = options.date;
  root
    .createChild('text/plain; charset=utf-8')
    .setHeader('Content-Transfer-Encoding', 'base64')
    .setContent(humanReadable(report, facts));
  root.createChild('message/feedback-report').setContent(feedbackReportFields(report, facts));
  const original = options.headersOnly ? headerBlock(raw) : Buffer.from(raw);
  const part = root.createChild(options.headersOnly ? 'text/rfc822-headers' : 'message/rfc822');
  part.setHeader('Content-Disposition', 'inline');
  if (!options.headersOnly) part.setHeader('Content-Transfer-Encoding', has8bit(original) ? '8bit' : '7bit');
  else part.setHeader('Content-Transfer-Encoding', has8bit(original) ? '8bit' : '7bit');
  part.setContent(original);
  return await root.build();
}

function has8bit(buf: Buffer): boolean {
  for (const b of buf) if (b > 127) return true;
  return false;
}

function isAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function asciiDomain(host: string): string {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host.replace(/[^\x21-\x7e]/g, '');
  }
}

/** A URI as ASCII (RFC 3986): IDN hosts in punycode, other characters percent-encoded. */
function asciiUri(u: string): string {
  try {
    return new URL(u).href;
  } catch {
    return encodeURI(u);
  }
}
