import { escapeRegExp, excerpt, fold } from '../../analysis/text.js';
import type { Lure, LureKind, LureSet } from '../../data/types.js';
import type { Category, Evidence, Text } from '../../report.js';
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import { LiteralIndex, requiredLiterals } from './prefilter.js';

/** Only the start of a long message is searched: lures sit in the subject and the first screens of text. */
export const SCAN_LIMIT = 20_000;

interface CompiledLure {
  lure: Lure;
  re: RegExp;
  /** Strings one of which any match contains (see prefilter.ts); null when some phrase cannot tell. */
  literals: string[] | null;
  /** This kind's group in the data set's `LiteralIndex`. */
  group: number;
}

/** A Latin letter or digit: phrases outside `ja` must not start or end inside a word. */
const WORD = 'a-z0-9\\u00c0-\\u024f';

/** A phrase of the lists as a regular-expression source: `re:` as written, else the folded words with any spacing. */
export function phraseSource(phrase: string): string {
  return phrase.startsWith('re:') ? phrase.slice(3) : escapeRegExp(fold(phrase)).replace(/ +/g, '\\s+');
}

// Not inside a word, an address or a host name (thomas@urgent.example.org). The look-ahead is written once after all
// of a kind's phrases; the look-behind is checked in code on each match (`boundedStart`), which lets the regular
// expression engine skip ahead on the phrases' first letters instead of testing a look-behind at every position.
const AFTER = `(?![${WORD}]|[.@-][${WORD}])`;
const WORD_CHAR = new RegExp(`[${WORD}]`);
const WORD_OR_AT = new RegExp(`[${WORD}@]`);

/** Whether a bounded phrase may start at `index`: the same test as `(?<![WORD@]|[WORD][.-])`. */
function boundedStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const prev = text[index - 1] as string;
  if (WORD_OR_AT.test(prev)) return false;
  return !(index >= 2 && (prev === '.' || prev === '-') && WORD_CHAR.test(text[index - 2] as string));
}

const cache = new WeakMap<LureSet, Map<string, CompiledLure>>();
const indexes = new WeakMap<LureSet, LiteralIndex>();

/** All kinds' literals in one automaton: which kinds may match a text is found in one pass over it. */
function literalIndex(set: LureSet): LiteralIndex {
  let index = indexes.get(set);
  if (!index) {
    index = new LiteralIndex([...compiledLures(set).values()].map((c) => c.literals));
    indexes.set(set, index);
  }
  return index;
}

/**
 * Builds the data set's expressions and literal automaton now (some 0.2-0.3 s once), so that the first message's
 * time limit is not spent on them: scan.ts calls it before starting the clock.
 */
export function prepareLures(set: LureSet): void {
  literalIndex(set);
}

/** One regular expression per lure kind, built once per data set. */
export function compiledLures(set: LureSet): Map<string, CompiledLure> {
  const hit = cache.get(set);
  if (hit) return hit;
  const parts = new Map<
    string,
    { lure: Lure; free: string[]; bounded: string[]; literals: string[] | null }
  >();
  for (const lure of set.lures) {
    const p = parts.get(lure.kind) ?? { lure, free: [], bounded: [], literals: [] };
    parts.set(lure.kind, p);
    for (const [lang, phrases] of Object.entries(lure.phrases)) {
      for (const phrase of phrases) {
        const source = phraseSource(phrase);
        (lang === 'ja' ? p.free : p.bounded).push(`(?:${source})`);
        const required = requiredLiterals(source);
        if (required && p.literals) p.literals.push(...required);
        else p.literals = null;
      }
    }
  }
  const map = new Map<string, CompiledLure>();
  for (const [kind, p] of parts) {
    const alternatives = [...p.free];
    if (p.bounded.length) alternatives.push(`(?<bounded>(?:${p.bounded.join('|')})${AFTER})`);
    const literals = p.literals ? [...new Set(p.literals)] : null;
    if (alternatives.length)
      map.set(kind, {
        lure: p.lure,
        re: new RegExp(alternatives.join('|'), 'g'),
        literals,
        group: map.size,
      });
  }
  cache.set(set, map);
  return map;
}

interface Scope {
  text: string;
  /** Per kind group, whether one of its literals occurs (built on first use; most kinds are then skipped). */
  present: Uint8Array | null;
  subjectLength: number;
  /** The text as written, when it lines up with the folded text (for readable excerpts). */
  original: string | null;
}

const scopes = new WeakMap<RuleContext, Scope>();

function scope(ctx: RuleContext): Scope {
  const hit = scopes.get(ctx);
  if (hit) return hit;
  const text = ctx.folded.length > SCAN_LIMIT ? ctx.folded.slice(0, SCAN_LIMIT) : ctx.folded;
  const s: Scope = {
    text,
    present: null,
    subjectLength: ctx.message.subject ? fold(ctx.message.subject).length : 0,
    original: ctx.text.length === ctx.folded.length ? ctx.text : null,
  };
  scopes.set(ctx, s);
  return s;
}

export interface LureMatch {
  kind: LureKind;
  lure: Lure;
  /** The phrase as it stands in the folded text. */
  phrase: string;
  index: number;
  where: 'subject' | 'body';
}

const negations = new WeakMap<LureSet, { before: RegExp | null; after: RegExp | null }>();

/** The data's negation words as two expressions: ending the text before a phrase, and starting the text after it. */
function negationPatterns(set: LureSet): { before: RegExp | null; after: RegExp | null } {
  const hit = negations.get(set);
  if (hit) return hit;
  const words = (list: Record<string, string[]> | undefined) =>
    Object.values(list ?? {})
      .flat()
      .map((w) => escapeRegExp(w));
  const before = words(set.negations?.before);
  const after = words(set.negations?.after);
  const p = {
    before: before.length
      ? new RegExp(`(?<![a-z])(${before.join('|')})(?![a-z])[^.。!?！？\\n]{0,40}$`)
      : null,
    after: after.length ? new RegExp(`^[^。.!?！？\\n]{0,30}(${after.join('|')})`) : null,
  };
  negations.set(set, p);
  return p;
}

/** Where a phrase is negated around it ("we will never ask for your password", 「お尋ねすることはありません」). */
export function negated(set: LureSet, text: string, index: number, length: number): boolean {
  const { before, after } = negationPatterns(set);
  return (
    (before?.test(text.slice(Math.max(0, index - 60), index)) ?? false) ||
    (after?.test(text.slice(index + length, index + length + 40)) ?? false)
  );
}

/** False when none of the kind's required literals is in the text: its expression would find nothing. */
function mayMatch(ctx: RuleContext, c: CompiledLure): boolean {
  if (!c.literals) return true;
  const s = scope(ctx);
  s.present ??= literalIndex(ctx.data.lures).present(s.text);
  return s.present[c.group] === 1;
}

const kindMatches = new WeakMap<RuleContext, Map<string, LureMatch[]>>();

/** The matches of one kind, found once per message and option set (several rules ask for the same kinds). */
function matchesOf(ctx: RuleContext, kind: LureKind, perKind: number, skipNegated: boolean): LureMatch[] {
  let cached = kindMatches.get(ctx);
  if (!cached) {
    cached = new Map();
    kindMatches.set(ctx, cached);
  }
  const key = `${kind}|${perKind}|${skipNegated}`;
  const hit = cached.get(key);
  if (hit) return hit;
  const out: LureMatch[] = [];
  const c = compiledLures(ctx.data.lures).get(kind);
  if (c && mayMatch(ctx, c)) {
    const { text, subjectLength } = scope(ctx);
    const re = c.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // A bounded phrase inside a word: no phrase can match here, so look again from the next character.
      if (m.groups?.bounded !== undefined && !boundedStart(text, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (skipNegated && negated(ctx.data.lures, text, m.index, m[0].length)) continue;
      out.push({
        kind,
        lure: c.lure,
        phrase: m[0].replace(/\s+/g, ' ').trim(),
        index: m.index,
        where: m.index < subjectLength ? 'subject' : 'body',
      });
      if (out.length >= perKind) break;
    }
  }
  cached.set(key, out);
  return out;
}

/** Every lure kind that means something on its own (urgency and greetings only add to others). */
export const BAIT_KINDS: readonly LureKind[] = [
  'account-suspended',
  'sign-in-detected',
  'verify-account',
  'payment-problem',
  'membership',
  'delivery',
  'customs-fee',
  'tax-refund',
  'points-expiring',
  'prize',
  'advance-fee',
  'invoice',
  'sextortion',
  'crypto',
  'gift-card',
  'credential-request',
  'card-request',
  'otp-request',
  'document-share',
  'device-threat',
  'romance',
  'health-product',
  'casino',
  'survey-reward',
  'get-rich',
  'loan-offer',
  'insurance-quote',
  'clearance-offer',
  'promo-pressure',
  'celebrity-endorsement',
];

/** All matches of the given kinds, at most `perKind` each, in text order. */
export function findLures(
  ctx: RuleContext,
  kinds: readonly LureKind[],
  opts: { perKind?: number; skipNegated?: boolean } = {},
): LureMatch[] {
  const out: LureMatch[] = [];
  for (const kind of kinds) out.push(...matchesOf(ctx, kind, opts.perKind ?? 3, opts.skipNegated === true));
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The first bait phrase that stands on its own: a BAIT_KINDS match, not negated ("we never ask for your password"),
 * and not a lone sextortion word ("camera": lure/sextortion itself needs several). Reuses lure/combined's matches.
 */
export function firstBait(ctx: RuleContext): LureMatch | undefined {
  const text = scope(ctx).text;
  return findLures(ctx, BAIT_KINDS).find(
    (m) => m.kind !== 'sextortion' && !negated(ctx.data.lures, text, m.index, m.phrase.length),
  );
}

/** A readable piece of the message around a match. */
export function matchEvidence(ctx: RuleContext, m: LureMatch): Evidence {
  const { text, original } = scope(ctx);
  return { kind: 'phrase', value: excerpt(original ?? text, m.index, m.phrase.length), where: m.where };
}

export interface PhraseRuleOptions {
  id: string;
  category: Category;
  kinds: readonly LureKind[];
  /** Weight for one phrase; each further distinct phrase adds `step`, up to `cap` (kept below 30). */
  base: number;
  step: number;
  cap: number;
  /** Distinct phrases needed before the rule fires (sextortion needs several). */
  minDistinct?: number;
  skipNegated?: boolean;
  /** Only matches in the subject or within this many characters of the body's start count (greetings). */
  nearStart?: number;
  description: Text;
  references?: string[];
}

/** A rule that fires on the phrase lists of some lure kinds, weighted by how many distinct phrases it finds. */
export function phraseRule(o: PhraseRuleOptions): Rule {
  return defineRule({
    meta: {
      id: o.id,
      family: 'lure',
      category: o.category,
      weight: o.base,
      description: o.description,
      ...(o.references ? { references: o.references } : {}),
    },
    check(ctx) {
      let matches = findLures(ctx, o.kinds, { skipNegated: o.skipNegated });
      if (o.nearStart !== undefined) {
        const start = scope(ctx).subjectLength;
        const limit = start + (o.nearStart ?? 0);
        matches = matches.filter((m) => m.where === 'subject' || m.index <= limit);
      }
      if (matches.length === 0) return null;
      const firstOf = new Map<string, LureMatch>();
      for (const m of matches) if (!firstOf.has(m.phrase)) firstOf.set(m.phrase, m);
      const distinct = [...firstOf.values()];
      if (distinct.length < (o.minDistinct ?? 1)) return null;
      const kinds = [...new Set(distinct.map((m) => m.lure))];
      const shown = distinct.slice(0, 3);
      const weight = Math.min(o.cap, o.base + o.step * (Math.min(distinct.length, 4) - 1));
      const quoted = shown.map((m) => m.phrase);
      return {
        weight,
        evidence: shown.map((m) => matchEvidence(ctx, m)),
        message: {
          ja: `${kinds.map((l) => l.label.ja).join('・')}の文言があります（「${quoted.join('」「')}」）`,
          en: `Wording typical of ${kinds.map((l) => l.label.en).join(', ')}: "${quoted.join('", "')}"`,
        },
      };
    },
  });
}
