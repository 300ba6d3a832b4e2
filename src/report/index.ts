/**
 * The reports of a phishing case, for the case store and its `case export --pdf|--eml` (and the web app's server):
 *
 *   const subject = await reportSubject(rawEml);                  // the engine's verdict + parsed message
 *   await buildArf(subject, { from, to, data: DEFAULT_DATA });     // ARF (RFC 5965) .eml
 *   abuseRecipients(subject.report, DEFAULT_DATA)                  // brand + フィッシング対策協議会, cited
 *   await buildAbuseMail(subject, { from, to: recipient, data });  // .eml with the original as message/rfc822
 *   summaryHtml(input, { lang }) / await summaryPdf(input, { lang })  // IncidentSummaryInput → print view / PDF
 *   sendRaw(loadSmtpSettings(dataDir()), envelope, mail)           // only when the user asks
 */
import { DEFAULT_DATA } from '../engine/data/default.js';
import type { EngineData } from '../engine/data/types.js';
import { inspectEmail } from '../engine/scan.js';
import type { ReportSubject } from './arf.js';

export {
  type AbuseMailOptions,
  type AbuseRecipient,
  type AbuseTarget,
  abuseBody,
  abuseRecipients,
  antiphishingRecipient,
  brandRecipient,
  buildAbuseMail,
} from './abuse.js';
export { type ArfOptions, buildArf, feedbackType, type ReportSubject } from './arf.js';
export { CONTACTS, type Contact, type ContactList, contactSheetText, helpContacts } from './contacts.js';
export { type MailFacts, mailFacts } from './facts.js';
export type { PdfOptions } from './pdf.js';
export { loadSmtpSettings, SMTP_FILE, SMTP_HELP, type SmtpSettings, sendRaw } from './smtp.js';
export {
  contactSheetHtml,
  contactSheetPdf,
  type IncidentSummaryInput,
  type SummaryOptions,
  summaryDocument,
  summaryHtml,
  summaryPdf,
} from './summary.js';

/** Checks a raw mail and keeps what the reports need (for a stored original: the case's evidence file). */
export async function reportSubject(
  raw: Uint8Array | string,
  data: EngineData = DEFAULT_DATA,
): Promise<ReportSubject> {
  const { report, message } = await inspectEmail(raw, data);
  return { report, message, raw: message.raw ?? raw };
}
