import type { Text } from '../report.js';

/** A citation: where an entry was checked and when. */
export interface DataSource {
  url: string;
  checked: string;
  supports?: string[];
}

export interface Brand {
  id: string;
  name: Text;
  category: string;
  country: string;
  aliases: string[];
  contextAliases?: string[];
  domainKeywords: string[];
  officialDomains: string[];
  senderDomains: string[];
  officialUrl: string;
  phones?: { number: string; label: Text; source: number }[];
  report?: { url?: string; email?: string; source: number };
  timezones?: string[];
  sources: DataSource[];
  unverified?: string[];
}

export interface BrandCatalogue {
  version: number;
  brands: Brand[];
}

/** A receiver whose Authentication-Results we believe, and how to find the block it wrote. */
export interface TrustedReceiver {
  id: string;
  /** authserv-ids it writes; empty when it writes none (Exchange Online). */
  authservIds: string[];
  /** Host names its own Received lines name after `by`; `*.` matches any subdomain. */
  byHosts: string[];
  /** The same provider's outbound relays: a hop from them is mail arriving from outside (another tenant). */
  outboundHosts?: string[];
  /** Domains it signs ARC seals with (`ARC-Seal: … d=google.com`): its sealed results survive forwarding. */
  arcSealDomains?: string[];
  /** Where it puts its result relative to the Received line of the hop that accepted the mail. */
  placement: 'above' | 'below';
  sources: DataSource[];
}

export type LureKind =
  | 'account-suspended'
  | 'sign-in-detected'
  | 'payment-problem'
  | 'membership'
  | 'delivery'
  | 'customs-fee'
  | 'tax-refund'
  | 'points-expiring'
  | 'prize'
  | 'advance-fee'
  | 'invoice'
  | 'sextortion'
  | 'crypto'
  | 'gift-card'
  | 'urgency'
  | 'credential-request'
  | 'card-request'
  | 'otp-request'
  | 'generic-greeting'
  | 'verify-account'
  | 'document-share'
  | 'device-threat'
  | 'romance'
  | 'health-product'
  | 'casino'
  | 'survey-reward'
  | 'get-rich'
  | 'loan-offer'
  | 'insurance-quote'
  | 'clearance-offer'
  | 'promo-pressure'
  | 'celebrity-endorsement';

export interface Lure {
  kind: LureKind;
  category: 'phishing' | 'scam' | 'spam';
  label: Text;
  /**
   * Phrases per language, matched after NFKC folding and lower-casing. Outside `ja`, a phrase only matches as whole
   * words. `re:` prefixes a regular expression (written in lower case, gaps bounded like `[^\n]{0,12}`).
   */
  phrases: Record<string, string[]>;
  /** Where the phrasing was seen; `{ url: "editorial" }` marks a hand-written list. */
  sources?: DataSource[];
}

export interface LureSet {
  version: number;
  lures: Lure[];
  /** Simplified-Chinese characters that do not occur in ordinary Japanese text (lure/chinese-in-japanese). */
  simplifiedOnly?: { chars: string; sources: DataSource[] };
  /**
   * Whole link texts that make a link a button asking the reader to act ("Claim your reward", 「こちら」), per language
   * (lure/call-to-action-elsewhere). Written like `phrases`; a `re:` expression must match the whole folded text.
   */
  callToAction?: { phrases: Record<string, string[]>; sources: DataSource[] };
  /** Words that open a letter ("Dear", "Hallo", "Prezado"), per language (sender/recipient-address-greeting). */
  greetings?: { phrases: Record<string, string[]>; sources: DataSource[] };
  /**
   * Words that negate a bait phrase ("we will never ask for your password"), per language, matched literally: `before`
   * within the same sentence before the phrase, `after` within the same sentence after it (Japanese verb endings).
   */
  negations?: { before: Record<string, string[]>; after: Record<string, string[]>; sources: DataSource[] };
  /** Words that ask the reader to phone, before a number (lure/unofficial-phone); `re:` as in `phrases`. */
  callWords?: { phrases: Record<string, string[]>; sources: DataSource[] };
  /** Words naming a password next to an archive (content/protected-archive), matched ignoring case; `re:` as above. */
  passwordWords?: { phrases: Record<string, string[]>; sources: DataSource[] };
}

/** Lists of hosts with a meaning: URL shorteners, free hosting, dynamic DNS, shared mail providers. */
export interface HostLists {
  version: number;
  shorteners: string[];
  freeHosting: string[];
  dynamicDns: string[];
  freeMail: string[];
  /** Mail service providers shared by many senders: their DKIM or bounce domain proves nothing about a brand. */
  sharedEsp: string[];
  /** Redirectors that carry their target in a query parameter: host → parameter names. */
  redirectors: Record<string, string[]>;
  riskyTlds: string[];
  /** TLDs where a year's phishing domains reached 4.5%+ of all their domains: a bare URL there is suspicious alone. */
  extremeTlds: string[];
  /** Platform addresses their own documentation says are not for production sites (workers.dev, r2.dev). */
  notForProduction: string[];
  /** Control-panel and mail/name-server host labels (cpanel, webmail, mx); a trailing number or leading _ is ignored. */
  serviceLabels: string[];
  /** Link wrappers the reader's own mail security adds (Safe Links, URL Defense); they say nothing about the sender. */
  securityWrappers: string[];
  /** Letter pairs (ab) that English words almost never contain: a host label built of them is no spoken word. */
  rareLetterPairs: string[];
  /** Host labels that serve mail programs, not people (mta-sts, autodiscover, autoconfig, webdisk). */
  noPageLabels: string[];
  /** Services where anyone publishes a form or page under the service's own well-reputed host (Google Forms, IPFS). */
  userContent?: UserContentHost[];
  sources: DataSource[];
}

/** A user-content service: its pages are whoever made them, not the service's owner. */
export interface UserContentHost {
  /** The host; with `subdomains`, users' pages are on its subdomains (name.weebly.com), not the host itself or www. */
  host: string;
  subdomains?: boolean;
  /** Path prefixes under which the pages are users' (none: every path). */
  paths?: string[];
  /** The service's name as a reader knows it ("Google Forms"). */
  service: string;
  /** The brand id (brands.json) that runs the service: a mail from that brand linking there is its own. */
  owner?: string;
  /** The pages are forms that collect answers: a bare link there is already a small sign. */
  form?: boolean;
  sources: DataSource[];
}

export interface Indicator {
  /** A full URL (matched without scheme and trailing slash) or a host. */
  value: string;
  type: 'url' | 'host';
  source: string;
  date?: string;
  brand?: string;
}

export type NoticeKind = 'order' | 'sign-in' | 'password-change' | 'account-change';

/** Genuine account notices that suggest a takeover when the reader did not cause them. */
export interface NoticeSet {
  version: number;
  notices: { kind: NoticeKind; label: Text; phrases: string[] }[];
}

export interface EngineData {
  brands: BrandCatalogue;
  receivers: TrustedReceiver[];
  lures: LureSet;
  hosts: HostLists;
  notices: NoticeSet;
  /** Indicator lists given by the adapter (empty by default; never derived from evaluation sets). */
  indicators?: Indicator[];
}
