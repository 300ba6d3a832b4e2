/**
 * An abuse report of a phishing mail to the brand it imitates (data/brands.json `report` contacts) and to
 * フィッシング対策協議会 (data/contacts.json), with the original attached as message/rfc822: a ready .eml.
 */
import MimeNode from 'nodemailer/lib/mime-node';
import type { EngineData } from '../engine/data/types.js';
import type { Report, Text } from '../engine/report.js';
import { defang, type ReportSubject } from './arf.js';
import { CONTACTS, type ContactList, contact } from './contacts.js';
import { mailFacts } from './facts.js';

export type AbuseTarget = 'brand' | 'antiphishing';

export interface AbuseRecipient {
  /** `antiphishing-jp` or the brand's catalogue id. */
  id: string;
  target: AbuseTarget;
  name: Text;
  email: string;
  /** Where the address was seen, and when. */
  source: { url: string; checked: string } | null;
}

/** The brand's report address, when the catalogue has one for the brand the mail claims. */
export function brandRecipient(report: Report, data: EngineData): AbuseRecipient | null {
  const brand = report.brand ? data.brands.brands.find((b) => b.id === report.brand) : undefined;
  const email = brand?.report?.email;
  if (!brand || !email) return null;
  const source = brand.sources[brand.report?.source ?? -1];
  return {
    id: brand.id,
    target: 'brand',
    name: brand.name,
    email,
    source: source ? { url: source.url, checked: source.checked } : null,
  };
}

export function antiphishingRecipient(list: ContactList = CONTACTS): AbuseRecipient {
  const c = contact('antiphishing-jp', list);
  const s = c.sources[0];
  return {
    id: c.id,
    target: 'antiphishing',
    name: c.name,
    email: c.email ?? '',
    source: s ? { url: s.url, checked: s.checked } : null,
  };
}

/**
 * Who to send the report to, in the order asked (default: the brand when it has an address, then the council).
 * Asking for `brand` when the catalogue has no address for it gives nothing for that target (see `missing`).
 */
export function abuseRecipients(
  report: Report,
  data: EngineData,
  targets: AbuseTarget[] = ['brand', 'antiphishing'],
): { recipients: AbuseRecipient[]; missing: AbuseTarget[] } {
  const recipients: AbuseRecipient[] = [];
  const missing: AbuseTarget[] = [];
  for (const t of targets) {
    const r = t === 'brand' ? brandRecipient(report, data) : antiphishingRecipient();
    if (r) recipients.push(r);
    else missing.push(t);
  }
  return { recipients, missing };
}

export interface AbuseMailOptions {
  from: string;
  to: AbuseRecipient;
  data: EngineData;
  date?: Date;
}

/** The body: ja first, then en; what was received, why it is phishing, the risky links defanged. */
export function abuseBody(subject: ReportSubject, to: AbuseRecipient, data: EngineData): string {
  const { report, message } = subject;
  const facts = mailFacts(message, report, data);
  const brand = report.brand ? data.brands.brands.find((b) => b.id === report.brand) : undefined;
  const claimed = report.sender.claimed;
  const from =
    [claimed.name, claimed.address ? `<${claimed.address}>` : null].filter(Boolean).join(' ') || '-';
  const received = facts.arrivalDate ?? message.date ?? '-';
  const ja = [
    `${to.name.ja} ご担当者様`,
    '',
    brand
      ? `${brand.name.ja}をかたるフィッシングと思われるメールを受信しましたので報告します。`
      : 'フィッシングまたは詐欺と思われるメールを受信しましたので報告します。',
    '元のメールを message/rfc822 形式で添付しています（リンクは開いていません）。',
    '',
    `件名: ${report.subject ?? '(なし)'}`,
    `差出人: ${from}`,
    `受信日時: ${received}`,
  ];
  const en = [
    `To ${to.name.en},`,
    '',
    brand
      ? `I received the following e-mail, which appears to be phishing impersonating ${brand.name.en}.`
      : 'I received the following e-mail, which appears to be phishing or a scam.',
    'The original is attached as message/rfc822 (its links were not opened).',
    '',
    `Subject: ${report.subject ?? '(none)'}`,
    `From: ${from}`,
    `Received: ${received}`,
  ];
  if (facts.sourceIp) {
    ja.push(`送信元IP: ${facts.sourceIp}`);
    en.push(`Sending IP: ${facts.sourceIp}`);
  }
  const risky = report.links.filter((l) => l.risks.length > 0).slice(0, 20);
  if (risky.length) {
    ja.push('', '誘導先のURL（無効化して記載）:', ...risky.map((l) => `- ${defang(l.destination)}`));
    en.push('', 'Links it leads to (defanged):', ...risky.map((l) => `- ${defang(l.destination)}`));
  }
  const findings = report.findings.filter((f) => f.weight > 0).slice(0, 8);
  if (findings.length) {
    ja.push('', `sagicheck による自動判定: ${report.verdict}（スコア ${report.score}/100）`);
    ja.push(...findings.map((f) => `- ${f.message.ja}`));
    en.push('', `Automatic check by sagicheck: ${report.verdict} (score ${report.score}/100)`);
    en.push(...findings.map((f) => `- ${f.message.en}`));
  }
  return `${[...ja, '', '----', '', ...en, ''].join('\r\n')}`;
}

/** A complete message (CRLF) to one recipient: the body and the original as a message/rfc822 attachment. */
export async function buildAbuseMail(subject: ReportSubject, options: AbuseMailOptions): Promise<Buffer> {
  const raw = subject.raw ?? subject.message.raw;
  if (raw === null || raw === undefined) throw new Error('an abuse report needs the original message');
  const root = new MimeNode('multipart/mixed', { newline: 'windows' });
  root.setHeader({
    From: options.from,
    To: { name: options.to.name.ja, address: options.to.email },
    Subject: `フィッシングメールの報告 / Phishing report: ${subject.report.subject ?? '(no subject)'}`,
  });
  if (options.date) root.date = options.date;
  root
    .createChild('text/plain; charset=utf-8')
    .setHeader('Content-Transfer-Encoding', 'base64')
    .setContent(abuseBody(subject, options.to, options.data));
  const original = Buffer.from(raw);
  const part = root.createChild('message/rfc822', { filename: 'phishing-original.eml' });
  part.setHeader('Content-Transfer-Encoding', original.some((b) => b > 127) ? '8bit' : '7bit');
  part.setContent(original);
  return await root.build();
}
