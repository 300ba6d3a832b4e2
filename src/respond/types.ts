/**
 * Recovery playbooks (data/playbooks/*.json) and the plans built from them. A playbook is data, not code: what to do
 * after a phishing mail, SMS, call or ad, per brand, keyed by what happened. Every contact and brand-specific
 * instruction names the sources it came from; what could not be checked on an official page says so (`unverified`).
 */

/** What the person did or saw. */
export const HAPPENED = [
  'received',
  'clicked',
  'password-entered',
  'card-entered',
  'personal-data-entered',
  'unknown-orders',
  'unknown-charges',
] as const;
export type Happened = (typeof HAPPENED)[number];

/** How the lure came. */
export const CHANNELS = ['mail', 'sms', 'phone', 'web-ad'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The order in which kinds of step are done, whatever playbook they come from: stop the money first, then contain a
 * device, check what is real, take the account back, report, watch, prevent.
 */
export const PHASES = [
  'stop-money',
  'contain',
  'verify',
  'secure-account',
  'report',
  'watch',
  'prevent',
] as const;
export type Phase = (typeof PHASES)[number];

export interface Text {
  ja: string;
  en: string;
}

/**
 * Where a fact came from. `official`: the brand's own site or app; `authority`: a public body (police, 消費者庁,
 * 国民生活センター, a prefecture, フィッシング対策協議会); `seed`: a victim's own account (the seed posts); `editorial`:
 * general advice written for this project. Seed and editorial sources never make a contact or brand instruction
 * verified.
 */
export interface Source {
  id: string;
  kind: 'official' | 'authority' | 'seed' | 'editorial';
  /** The page as seen (https://…), `seed:<file>` for a seed post, or `editorial`. */
  url: string;
  title?: string;
  /** When the page was read: YYYY-MM-DD. */
  checked: string;
  /** The copy the page was actually read from, when it was not the address itself (an archive or mirror). */
  via?: string;
  /** What on the page this source supports, in a few words. */
  supports?: string;
}

export interface Contact {
  id: string;
  kind: 'phone' | 'email' | 'web' | 'chat' | 'app';
  name: Text;
  /** The number, address or URL; absent when nothing could be evidenced (then `unverified` is true). */
  value?: string;
  hours?: Text;
  note?: Text;
  sources: string[];
  /** No official or authority page confirmed it. */
  unverified?: boolean;
}

/** Which answers make a step apply; every given field must match (each list: any of). */
export interface Condition {
  happened?: Happened[];
  channel?: Channel[];
  /** Only when the person named at least one card (true) or none (false). */
  cards?: boolean;
}

/**
 * A deadline relative to the `when` answer. `asap`: do it now (at = when); `by`: before at; `not-before`: it cannot
 * be done before at (Amazon's wait until a new password can be set).
 */
export interface DeadlineDef {
  kind: 'asap' | 'by' | 'not-before';
  /** ISO 8601 duration after `when`: PT0M, PT5H, P60D. */
  after: string;
  label: Text;
  /** How long before `at` a calendar reminder fires (ISO 8601 duration); default PT0M. */
  remind?: string;
}

export interface StepDef {
  /** Unique across all playbooks: `<playbook>.<name>`. */
  id: string;
  phase: Phase;
  /** Position within its phase (lower first); steps from different playbooks interleave by it. */
  order: number;
  /** More specific versions of general steps: when this step is in a plan, those are left out. */
  replaces?: string[];
  title: Text;
  why: Text;
  /** What to do, one instruction per item. */
  how: Text[];
  /** What happens next, what the person will see. */
  expect?: Text;
  /** Extra conditions besides being listed by a matching scenario. */
  when?: Condition;
  deadline?: DeadlineDef;
  contacts?: string[];
  sources: string[];
  /** General advice anyone would give (use a bookmark, keep records), not a brand's or authority's instruction. */
  editorial?: boolean;
  unverified?: boolean;
}

/** For a given thing that happened (and optionally a channel), the steps that apply. */
export interface Scenario {
  happened: Happened;
  channel?: Channel[];
  /** Only when the playbook is the brand asked about, or only when it stands for a card the person named. */
  as?: 'brand' | 'card';
  steps: string[];
}

export interface Playbook {
  schemaVersion: 1;
  id: string;
  /**
   * brand: a shop or service; card-issuer: a card company (also used for the cards the person names);
   * generic-card / generic-service: the fallbacks; sms-lure: delivery-notice SMS; common: always included.
   */
  kind: 'brand' | 'card-issuer' | 'generic-card' | 'generic-service' | 'sms-lure' | 'common';
  name: Text;
  /** Brand ids (data/brands.json) this playbook answers for. */
  brands: string[];
  summary: Text;
  scenarios: Scenario[];
  steps: StepDef[];
  contacts: Contact[];
  sources: Source[];
  checked: string;
}

/** The answers a plan is built from. */
export interface Answers {
  /** A brand id (amazon, rakuten, rakuten-card, smbc-card, apple, yamato…) or anything else (the generic fallback). */
  brand: string;
  channel: Channel;
  happened: Happened[];
  /** When it happened: ISO 8601 date-time; without an offset Japan time (+09:00) is assumed. */
  when: string;
  /** The cards involved: card-issuer brand ids (rakuten-card, smbc-card) or free names (other issuers). */
  cards: string[];
}

export interface PlanDeadline {
  kind: DeadlineDef['kind'];
  /** when + after, written with the offset of `when`. */
  at: string;
  after: string;
  label: Text;
  remind: string;
}

export interface PlanStep {
  id: string;
  /** 1-based position in the plan. */
  n: number;
  playbook: string;
  phase: Phase;
  title: Text;
  why: Text;
  how: Text[];
  expect?: Text;
  deadline?: PlanDeadline;
  /** The card(s) a card step is for, when the person named them. */
  for?: string[];
  contacts: Contact[];
  sources: string[];
  unverified: boolean;
}

export interface Plan {
  schemaVersion: 1;
  answers: Answers;
  /** The playbooks used, brand first; `fallback` when the brand had none of its own. */
  playbooks: string[];
  fallback: boolean;
  steps: PlanStep[];
  /** Every source cited by a step or contact of the plan, by id. */
  sources: Source[];
}
