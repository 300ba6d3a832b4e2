import type { BrandClaim, BrandIndex } from './analysis/brands.js';
import type { Link } from './analysis/links.js';
import type { SenderFacts } from './analysis/sender.js';
import type { Brand, EngineData } from './data/types.js';
import type { Message } from './parse/message.js';
import type { Category, Evidence, RuleFamily, Text } from './report.js';

/** What a rule is, beside what it does (the shape of ESLint's `meta`, the weight of an Rspamd symbol). */
export interface RuleMeta {
  /** `family/name`, stable: reports, tests and user overrides refer to it. */
  id: string;
  family: RuleFamily;
  category: Category;
  /** Default weight; a hit may scale it. Negative for trust. */
  weight: number;
  description: Text;
  references?: string[];
}

/** Facts derived once per message and shared by all rules. */
export interface RuleContext {
  message: Message;
  data: EngineData;
  brands: BrandIndex;
  sender: SenderFacts;
  links: Link[];
  /** Brands the message claims to be, strongest first. */
  claims: BrandClaim[];
  /** The strongest claim's brand, or null. */
  brand: Brand | null;
  /** The brand the authenticated From domain belongs to, or null. */
  senderBrand: Brand | null;
  /** Subject and visible body, as written. */
  text: string;
  /** The same, folded for matching (NFKC, lower case, no invisible characters). */
  folded: string;
  /** Options the caller set (time of the scan, for example). */
  now: Date;
}

export interface Hit {
  evidence: Evidence[];
  message: Text;
  /** Overrides meta.weight for this hit (for graded rules). */
  weight?: number;
  /** Links this hit finds risky; the report lists the reason beside each. */
  links?: Link[];
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Hit | Hit[] | null;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
