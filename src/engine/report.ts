/**
 * The report a scan returns: one versioned schema shared by the CLI's --json, the HTTP API and the web app.
 * Bump SCHEMA_VERSION on any change that is not a pure addition of optional fields.
 */
export const SCHEMA_VERSION = 1;

/** A sentence in both languages; the JSON always carries both, `--lang` picks one for humans. */
export interface Text {
  ja: string;
  en: string;
}

export type Verdict = 'phishing' | 'scam' | 'suspicious' | 'spam' | 'no-threat-found';

/** What a finding's weight counts towards; `trust` findings carry negative weights. */
export type Category = 'phishing' | 'scam' | 'spam' | 'trust';

export type RuleFamily = 'brand' | 'auth' | 'sender' | 'links' | 'lure' | 'content' | 'indicator';

export interface Evidence {
  /** What the value is: a header line, a link, a phrase from the text, an attachment name … */
  kind: 'header' | 'link' | 'phrase' | 'attachment' | 'indicator' | 'address' | 'domain';
  value: string;
  /** Where it was found (e.g. `subject`, `from`, `html`, `text`, `attachment:invoice.html`). */
  where?: string;
}

export interface Finding {
  rule: string;
  family: RuleFamily;
  category: Category;
  weight: number;
  evidence: Evidence[];
  message: Text;
}

export type LinkSource = 'html' | 'text' | 'form' | 'area' | 'meta-refresh' | 'attachment' | 'input';

export interface LinkReport {
  /** The text a reader sees for the link (null for bare URLs in text). */
  text: string | null;
  /** The href as written in the message. */
  href: string;
  /** Where the link really leads, after unwrapping redirectors that carry their target in the URL. */
  destination: string;
  host: string | null;
  registrableDomain: string | null;
  source: LinkSource;
  /** Ids of the rules that found this link risky, with a reason each. */
  risks: { rule: string; message: Text }[];
}

export interface Genuine {
  brand: string;
  domain: string;
  /** What kind of account notice it is, when it is one (an unexpected one suggests a takeover). */
  notice: { kind: 'order' | 'sign-in' | 'password-change' | 'account-change'; label: Text } | null;
  /** e.g. "DMARC pass for amazon.co.jp at mx.google.com" */
  evidence: Text;
}

export interface SenderSummary {
  /** The From address as written (display name and address). */
  claimed: { name: string | null; address: string | null; brand: string | null };
  /** The From domain proven by a trusted receiver's result or a live check; null when it cannot be told. */
  authenticatedDomain: string | null;
  /** Where the proof came from, e.g. `mx.google.com` or `dns` for a live check. */
  authenticatedBy: string | null;
  summary: Text;
}

export interface Source {
  path: string;
  /** 0-based position within an mbox; absent for single messages. */
  index?: number;
}

export interface Forwarded {
  how: 'attachment' | 'inline';
  /** Who forwarded it, when known. */
  by: string | null;
}

export type InputKind = 'email' | 'text' | 'url';

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: InputKind;
  verdict: Verdict;
  /** 0–100; see VERDICT_THRESHOLDS. */
  score: number;
  /** Catalogue id of the claimed brand (the strongest claim), or null. */
  brand: string | null;
  genuine: Genuine | null;
  sender: SenderSummary;
  subject: string | null;
  findings: Finding[];
  links: LinkReport[];
  advice: Text[];
  /** Parts of the input that could not be read, said plainly (the rest was still analysed). */
  problems: Text[];
  forwarded: Forwarded | null;
  source: Source;
}

/** The line printed for an input that could not be read at all in a batch. */
export interface ErrorLine {
  source: Source;
  error: string;
}
