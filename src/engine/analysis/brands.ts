import type { Brand, EngineData } from '../data/types.js';
import type { Message } from '../parse/message.js';
import type { Evidence } from '../report.js';
import type { Link } from './links.js';
import { fold, trieSource } from './text.js';
import { editDistance, type HostInfo, skeleton, wordLike } from './url.js';

/** Look-ups built once per data set, not per message. */
export interface BrandIndex {
  byId: Map<string, Brand>;
  /** Registrable domain → brand, for official and sender domains. */
  byDomain: Map<string, Brand>;
  /** Catalogued names in folded text; read it through forEachAlias, which keeps Latin names to whole words. */
  aliasPattern: RegExp | null;
  /** The names in Japanese script alone, anchored where it is set to start. */
  otherAliasAt: RegExp | null;
  /** Folded alias → brand and whether it needs context. */
  aliases: Map<string, { brand: Brand; context: boolean }>;
  keywords: { keyword: string; brand: Brand }[];
  /** Memo of imitation() per host: the same hosts recur across a message's links and across a batch. */
  imitations: Map<string, Imitation | null>;
  /** Memo of the list-independent part of imitation(), shared by calls with and without lists. */
  imitationCores?: Map<string, Imitation | null>;
}

const cache = new WeakMap<EngineData, BrandIndex>();

export function brandIndex(data: EngineData): BrandIndex {
  const hit = cache.get(data);
  if (hit) return hit;
  const byId = new Map<string, Brand>();
  const byDomain = new Map<string, Brand>();
  const aliases = new Map<string, { brand: Brand; context: boolean }>();
  const keywords: { keyword: string; brand: Brand }[] = [];
  for (const b of data.brands.brands) {
    byId.set(b.id, b);
    for (const d of [...b.officialDomains, ...b.senderDomains]) {
      if (!data.hosts.sharedEsp.includes(d)) byDomain.set(d.toLowerCase(), b);
    }
    for (const a of b.aliases) aliases.set(fold(a), { brand: b, context: false });
    for (const a of b.contextAliases ?? [])
      if (!aliases.has(fold(a))) aliases.set(fold(a), { brand: b, context: true });
    for (const k of b.domainKeywords) keywords.push({ keyword: k.toLowerCase(), brand: b });
  }
  // Latin names match as whole words; names in Japanese script have no word boundaries to respect.
  const latin = [...aliases.keys()].filter((a) => /^[\x00-\x7f]+$/.test(a));
  const other = [...aliases.keys()].filter((a) => !/^[\x00-\x7f]+$/.test(a));
  // No look-behind in front of the Latin names: one there keeps the regular-expression engine from skipping ahead on
  // the names' first letters, and the body of every mail is searched. forEachAlias checks the letter before in code.
  const parts = [
    ...(latin.length ? [`${trieSource(latin)}(?![a-z0-9])`] : []),
    ...(other.length ? [trieSource(other)] : []),
  ];
  const index: BrandIndex = {
    byId,
    byDomain,
    aliasPattern: parts.length ? new RegExp(parts.join('|'), 'g') : null,
    otherAliasAt: other.length ? new RegExp(trieSource(other), 'y') : null,
    aliases,
    keywords,
    imitations: new Map(),
  };
  cache.set(data, index);
  return index;
}

const ALNUM = /[a-z0-9]/;

/**
 * Calls `found` with each catalogued name in folded text, in order, until it returns true: Latin names only as whole
 * words (not "au" in "august"), names in Japanese script anywhere. The same matches as a look-behind would give.
 */
export function forEachAlias(
  index: BrandIndex,
  folded: string,
  found: (alias: string, at: number) => boolean | undefined,
): void {
  const re = index.aliasPattern;
  if (!re) return;
  re.lastIndex = 0;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    let alias = m[0];
    if (m.index > 0 && ALNUM.test(folded[m.index - 1] as string) && /^[\x00-\x7f]+$/.test(alias)) {
      // A Latin name inside a word; a name in Japanese script may still start here (paypay株式会社).
      const other = index.otherAliasAt;
      if (other) other.lastIndex = m.index;
      const o = other?.exec(folded);
      if (!o) {
        re.lastIndex = m.index + 1;
        continue;
      }
      alias = o[0];
      re.lastIndex = m.index + alias.length;
    }
    if (found(alias, m.index)) return;
  }
}

/** The first catalogued name in folded text that `accept` takes (any, by default), as forEachAlias finds them. */
export function firstAlias(
  index: BrandIndex,
  folded: string,
  accept: (alias: string) => boolean = () => true,
): string | null {
  let first: string | null = null;
  forEachAlias(index, folded, (alias) => {
    if (accept(alias)) first = alias;
    return first !== null;
  });
  return first;
}

/**
 * The brand whose own name a domain carries under another ordinary suffix (yahoo.com for Yahoo! JAPAN, amazon.de):
 * the same company or a sister company abroad, which big names hold. Under a TLD known for abuse (amazon.top) no.
 */
export function sameNameBrand(index: BrandIndex, host: HostInfo, riskyTlds: string[]): Brand | null {
  const tld = host.host.split('.').pop() ?? '';
  if (!host.isIcann || riskyTlds.includes(tld)) return null;
  return index.keywords.find((k) => k.keyword === host.domainLabel)?.brand ?? null;
}

/** The brand a registrable domain officially belongs to, if any. */
export function brandOfDomain(index: BrandIndex, registrable: string | null): Brand | null {
  return registrable ? (index.byDomain.get(registrable) ?? null) : null;
}

export interface Imitation {
  brand: Brand;
  how: 'brand-domain-in-host' | 'keyword' | 'lookalike' | 'confusable';
  /** The label or fragment that imitates the brand. */
  fragment: string;
}

// Letter shapes a reader takes for others in a host name: amaz0n, arnazon, paypa1, micros0ft.
const VISUAL: [RegExp, string][] = [
  [/0/g, 'o'],
  [/[1i|]/g, 'l'],
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
];

function visual(s: string): string {
  let out = s;
  for (const [re, to] of VISUAL) out = out.replace(re, to);
  return out;
}

/** Filler an imitation host adds to a brand keyword: amazonjp, rakuten-secure, aeon123. */
const FILLER =
  /^(?:\d+|jp|japan|co|com|net|www|secure|login|signin|account|update|support|service|info|member|my|app|web|online|card|pay|id|help|center|official|ssl|auth|verify|user|mail)+$/;

/** English endings that make a brand word into another word (apples, applet, steamer, nicosia). */
const WORD_ENDING = /^(?:s|es|er|ers|ed|ing|ings|et|ets|ia|ian|ic|y|ly|ness|ment|ist|al|ture)$/;

/** An abbreviation with no vowel (jcb, smbc, mufg) cannot be part of an ordinary word. */
const NO_VOWEL = /^[^aeiou]+$/;

/** Domain endings written into a subdomain (`aeno.co.jp.x.cn`, `kotayamato.co-jp.x.cn`, `eposcards.co.jplogin`). */
const FAKE_ENDING = /^(?:co|ne|or|go|ac|com|net|jp|co-jp|jplogin|jp-login|jp-[a-z0-9]+)$/;

/**
 * A keyword glued to something else inside one token: the rest must be filler or noise, not another word
 * (rakutenmkt, jrrekinet, aifulkp, jcbb — but not pineapple, repository, googleusercontent, nicosia).
 */
function gluedKeyword(token: string, keyword: string): boolean {
  if (token === keyword || !/^[a-z0-9]+$/.test(keyword)) return false;
  const at = token.indexOf(keyword);
  if (at < 0) return false;
  const before = token.slice(0, at);
  const after = token.slice(at + keyword.length);
  const noise = (rest: string) => !rest || FILLER.test(rest) || (!wordLike(rest) && !WORD_ENDING.test(rest));
  if (NO_VOWEL.test(keyword)) {
    // jcbb, jcbhelp, mycajcbqs: three letters only at the start, four or more anywhere.
    if (keyword.length === 3) return at === 0 && after.length > 0 && noise(after);
    return noise(before) && noise(after);
  }
  // A three-letter name only with plain filler after it: ekicomjp, ekiaccount.
  if (keyword.length < 4) return at === 0 && FILLER.test(after);
  // A longer keyword inside noise (wwwinforakuten, bbbiglobeer); a short one at the edge (aifulkp, webaeon).
  if (keyword.length >= 6) return noise(before) && noise(after);
  if (before && !FILLER.test(before)) return false;
  return before ? !after || noise(after) : after.length >= 2 && noise(after);
}

/** What step 6 lets a slipped keyword be glued to: nothing or filler (wwwinfo, secure, jp). */
function fillerOrNothing(rest: string): boolean {
  return !rest || FILLER.test(rest);
}

/** Letters repeated in a row written once: typosquats double a letter (ekii, jcbb, aeeon). */
function collapse(s: string): string {
  return s.replace(/([a-z])\1+/g, '$1');
}

/** Labels of a brand's official domains (aeon for aeon.co.jp), for slips in a fake domain written as a subdomain. */
const officialLabels = new WeakMap<BrandIndex, { label: string; brand: Brand }[]>();
function labelsOf(index: BrandIndex): { label: string; brand: Brand }[] {
  const hit = officialLabels.get(index);
  if (hit) return hit;
  const out: { label: string; brand: Brand }[] = [];
  for (const [domain, brand] of index.byDomain) {
    const label = domain.split('.')[0] ?? '';
    if (label.length >= 4 && !out.some((o) => o.label === label)) out.push({ label, brand });
  }
  officialLabels.set(index, out);
  return out;
}

/** Whether two labels are the same word misspelled: one slip (aeno/aeon), two in long ones, or shuffled letters. */
function slipOf(a: string, b: string): boolean {
  if (a === b || a.length < 4 || Math.abs(a.length - b.length) > 2) return false;
  const d = editDistance(a, b, 2);
  if (d <= 1 || (d === 2 && b.length >= 7)) return true;
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/** The keyword a token names, preferring the longest (cr-mufg over mufg); exact tokens before glued ones. */
function keywordIn(
  index: BrandIndex,
  label: string,
  glued: boolean,
): { keyword: string; brand: Brand } | null {
  const tokens = label.split('-');
  const joined = tokens.length > 1 ? tokens.join('') : null;
  let best: { keyword: string; brand: Brand } | null = null;
  for (const k of index.keywords) {
    if (best && k.keyword.length <= best.keyword.length) continue;
    const long = joined !== null && k.keyword.length >= JOINED_MIN;
    const hit = glued
      ? tokens.some((t) => gluedKeyword(t, k.keyword)) || (long && gluedKeyword(joined, k.keyword))
      : label === k.keyword ||
        tokens.includes(k.keyword) ||
        (long && joined === k.keyword) ||
        (k.keyword.includes('-') && `-${label}-`.includes(`-${k.keyword}-`));
    if (hit) best = k;
  }
  return best;
}

/**
 * A brand's name split by a hyphen it does not have (pay-pal, pay-pay, japan-ponst) shows in no single token, so
 * the steps below also read a hyphenated label joined up, for keywords this long: a shorter one turns up inside
 * joined words by chance (japane-post holds "epos").
 */
const JOINED_MIN = 6;

/** A label's hyphen-separated tokens, each with whether it is the label joined up. */
function tokensOf(label: string): { token: string; joined: boolean }[] {
  const tokens = label.split('-').map((token) => ({ token, joined: false }));
  return tokens.length > 1 ? [...tokens, { token: label.replaceAll('-', ''), joined: true }] : tokens;
}

/** What step 5 of findImitation needs of each keyword, worked out once per index rather than per host and token. */
interface KeywordShape {
  keyword: string;
  brand: Brand;
  collapsed: string;
  /** Letters only, five or more: a candidate for look-alike letters and one-letter slips. */
  spellable: boolean;
  visual: string;
  /** A short compound keyword (appleid) whose brand has a keyword inside it: a slip in it is often a word. */
  compound: boolean;
}
const keywordShapes = new WeakMap<BrandIndex, KeywordShape[]>();
function shapesOf(index: BrandIndex): KeywordShape[] {
  const hit = keywordShapes.get(index);
  if (hit) return hit;
  const out = index.keywords.map(({ keyword, brand }) => ({
    keyword,
    brand,
    collapsed: collapse(keyword),
    spellable: keyword.length >= 5 && /^[a-z]+$/.test(keyword),
    visual: visual(keyword),
    compound:
      keyword.length < 9 &&
      index.keywords.some((k) => k.brand === brand && k.keyword !== keyword && keyword.includes(k.keyword)),
  }));
  keywordShapes.set(index, out);
  return out;
}

// Cloudflare Workers name a new worker <word>-<word>-<4 characters> under the account: the words are the
// platform's random choice (apple-brie-9bvd), not the author's.
const WORKER_DEFAULT = /^[a-z]+-[a-z]+-[a-z0-9]{4}$/;

/** Whether a non-official host names or imitates a brand: `amazon.co.jp.xyz.top`, `amaz0n-jp.com`, `аmazon.com`. */
export function imitation(
  index: BrandIndex,
  host: HostInfo,
  lists: { sharedEsp?: string[]; riskyTlds?: string[] } = {},
): Imitation | null {
  const key = `${lists.sharedEsp ? 's' : ''}${lists.riskyTlds ? 'r' : ''}:${host.unicodeHost}`;
  const memo = index.imitations.get(key);
  if (memo !== undefined) return memo;
  // Bounded, so a long batch of distinct hosts cannot grow it without end.
  if (index.imitations.size >= 20000) index.imitations.clear();
  const found = findImitation(index, host, lists);
  index.imitations.set(key, found);
  return found;
}

function findImitation(
  index: BrandIndex,
  host: HostInfo,
  lists: { sharedEsp?: string[]; riskyTlds?: string[] },
): Imitation | null {
  if (!host.registrableDomain || host.isIp || brandOfDomain(index, host.registrableDomain)) return null;
  const lower = host.host;
  // A shared provider's own host (amazonses.com, sendgrid.net) names no brand of its own.
  if (lists.sharedEsp?.some((d) => lower === d || lower.endsWith(`.${d}`))) return null;
  // The brand's own name under another ordinary suffix (yahoo.com, amazon.de) is the same company or a sister
  // company abroad: big names hold them. Under a TLD known for abuse (amazon.top) it is not.
  const sameName = sameNameBrand(index, host, lists.riskyTlds ?? []) !== null;
  // The rest depends only on the host and sameName: calls with and without lists share it.
  index.imitationCores ??= new Map();
  const key = `${sameName ? 1 : 0}:${host.unicodeHost}`;
  const memo = index.imitationCores.get(key);
  if (memo !== undefined) return memo;
  if (index.imitationCores.size >= 20000) index.imitationCores.clear();
  const found = imitationCore(index, host, sameName);
  index.imitationCores.set(key, found);
  return found;
}

function imitationCore(index: BrandIndex, host: HostInfo, sameName: boolean): Imitation | null {
  const lower = host.host;
  // An official domain written into the host: amazon.co.jp.sign-in.top, smbc-card.com-xx.cn
  for (const [domain, brand] of index.byDomain) {
    const at = lower.indexOf(domain);
    const after = lower[at + domain.length];
    if (
      at >= 0 &&
      (at === 0 || /[.-]/.test(lower[at - 1] ?? '')) &&
      (after === undefined || /[.\-\d]/.test(after))
    ) {
      return { brand, how: 'brand-domain-in-host', fragment: domain };
    }
  }
  // Labels the host's owner chose: not the platform's suffix (s3.amazonaws.com, github.io), nor a platform's
  // default worker name.
  const suffixLabels = host.publicSuffix ? host.publicSuffix.split('.').length : 0;
  const all = host.unicodeHost.split('.');
  const unicodeLabels = all.slice(0, Math.max(1, all.length - suffixLabels));
  const chosen = unicodeLabels.filter(
    (l, i) => !(i === 0 && lower.endsWith('.workers.dev') && WORKER_DEFAULT.test(l)),
  );
  // 1. Exact keyword, as a whole label or between hyphens: amazon-prime-update.com, smbc.xyz.com, eki-net.abc.com.
  let best: { keyword: string; brand: Brand; label: string } | null = null;
  for (const label of chosen) {
    if (sameName && label === host.domainLabel) continue;
    const k = keywordIn(index, label, false);
    if (k && (!best || k.keyword.length > best.keyword.length)) best = { ...k, label };
  }
  if (best) return { brand: best.brand, how: 'keyword', fragment: best.label };
  // 2. Characters from other scripts or styled letters that read as the brand: аmazon (Cyrillic а), ａｍａｚｏｎ.
  for (const label of chosen) {
    const skel = skeleton(label);
    if (skel === label) continue;
    const tokens = skel.split('-');
    for (const { keyword, brand } of index.keywords) {
      if (keyword.length < 3) continue;
      if (tokens.some((t) => t === keyword || (keyword.length >= 4 && t.includes(keyword))))
        return { brand, how: 'confusable', fragment: label };
    }
  }
  // 3. A misspelled official domain written as a subdomain: aeno.co.jp.x.cn, saisoncacrd.co.jp.x.cn.
  const sub = host.subdomain ? host.subdomain.split('.') : [];
  for (let i = 0; i + 1 < sub.length; i++) {
    if (!FAKE_ENDING.test(sub[i + 1] ?? '')) continue;
    const tokens = (sub[i] ?? '').split('-');
    const last = tokens[tokens.length - 1] ?? '';
    for (const { label, brand } of labelsOf(index)) {
      if (slipOf(last, label)) return { brand, how: 'lookalike', fragment: sub[i] ?? last };
    }
  }
  // 4. A keyword with filler or noise glued on: amazonjp, rakuten2024, aifulkp, wwwinforakuten.
  for (const label of chosen) {
    if (sameName && label === host.domainLabel) continue;
    const k = keywordIn(index, label, true);
    if (k && (!best || k.keyword.length > best.keyword.length)) best = { ...k, label };
  }
  if (best) return { brand: best.brand, how: 'keyword', fragment: best.label };
  // 5. Look-alike letters or a one-letter slip in a longer keyword: arnazon, amaz0n, rnercari, amazom.
  const shapes = shapesOf(index);
  for (const label of chosen) {
    for (const { token, joined } of tokensOf(label)) {
      if (token.length < 4 || !/^[a-z0-9]+$/.test(token)) continue;
      const seen = visual(token);
      const single = collapse(token);
      for (const { keyword, brand, collapsed, spellable, visual: kv, compound } of shapes) {
        if (joined && keyword.length < JOINED_MIN) continue;
        // A doubled letter (dnstwist's "repetition" typosquat): ekii-co-jp, jcbb.
        if (single !== token && keyword.length >= 3 && single === collapsed && token !== keyword)
          return { brand, how: 'lookalike', fragment: label };
        if (!spellable) continue;
        if (seen !== token && (seen === kv || (seen.startsWith(kv) && FILLER.test(seen.slice(kv.length)))))
          return { brand, how: 'lookalike', fragment: label };
        // A short compound keyword (appleid) is skipped: a slip in it is often a word (applied).
        if (
          keyword.length >= 6 &&
          !compound &&
          token.length >= keyword.length &&
          token[0] === keyword[0] &&
          editDistance(token, keyword, 1) === 1
        )
          return { brand, how: 'lookalike', fragment: label };
      }
    }
  }
  // 6. A slipped long keyword glued to filler: wwwinfomercri, secureamazno, saisnnoinfo, or cut short (mercar).
  // Six letters or more, same first letter, one slip once doubled letters are written once.
  for (const label of chosen) {
    if (sameName && label === host.domainLabel) continue;
    for (const { token } of tokensOf(label)) {
      if (token.length < 5 || !/^[a-z0-9]+$/.test(token)) continue;
      const single = collapse(token);
      // Glued filler may itself double letters (www), so the token is read both as written and collapsed.
      for (const form of single === token ? [token] : [token, single]) {
        for (const { brand, collapsed, spellable, compound } of shapes) {
          // The keyword itself written in a word (amazonia) is for steps 1 and 4 to judge, not a slip.
          if (!spellable || compound || collapsed.length < 6 || (form === token && form.includes(collapsed)))
            continue;
          const k = collapsed.length;
          for (let at = 0; at + k - 1 <= form.length; at++) {
            if (form[at] !== collapsed[0]) continue;
            for (let len = k - 1; len <= k + 1 && at + len <= form.length; len++) {
              const w = form.slice(at, at + len);
              const d = w === collapsed ? 0 : editDistance(w, collapsed, 1);
              // An exact keyword counts here only when the token doubled a letter of it (merrcari-info).
              if (d > 1 || (d === 0 && form === token)) continue;
              // Only beside filler (wwwinfo, secure, jp): beside other letters a slip is too often another word
              // (fitness holds itnes, snailcloud ilcloud, openbeatbox openbea).
              const ok = fillerOrNothing(form.slice(0, at)) && fillerOrNothing(form.slice(at + len));
              if (ok) return { brand, how: 'lookalike', fragment: label };
            }
          }
        }
      }
    }
  }
  return null;
}

/**
 * A brand named in a URL's path rather than its host: `/aeon`, `/aeon.co.jp/`, `/mufg/login`, `/jp/rakuten`.
 * Used for which brand a bare URL is about, not as proof of imitation: paths name things for many reasons.
 */
export function pathBrand(index: BrandIndex, url: string): { brand: Brand; fragment: string } | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  const path = m?.[1]?.toLowerCase() ?? '';
  if (path.length < 4) return null;
  let best: { keyword: string; brand: Brand } | null = null;
  // The page's own name (etc.php, eki.html) may be a short keyword; elsewhere short tokens are too common (/etc/).
  const page = /\/([a-z0-9]+)\.(?:php|html?|aspx?)$/.exec(path)?.[1];
  for (const token of path.split(/[/._=-]+/)) {
    if (token.length < 3 || token.length > 60) continue;
    for (const k of index.keywords) {
      if (best && k.keyword.length <= best.keyword.length) continue;
      if (k.keyword.length < 4 && !NO_VOWEL.test(k.keyword) && token !== page) continue;
      if (token === k.keyword || (token.startsWith(k.keyword) && gluedKeyword(token, k.keyword))) best = k;
    }
  }
  return best ? { brand: best.brand, fragment: best.keyword } : null;
}

// Words that only say which part of a company writes: "Amazon.co.jp カスタマーサービス", "Microsoft account team".
const ROLE =
  /\b(?:account|accounts|team|support|service|services|security|customer|care|billing|notification|notifications|info|help|center|centre|no-?reply|official|online|japan|jp|co|com|inc)\b|[\s.,:;!'"()（）「」・\-_|]+|カスタマー|サービス|サポート|センター|セキュリティ|事務局|運営|公式|お客様|窓口|係|通知/g;

/**
 * Whether a (folded) sender name speaks as the brand rather than about it: it starts with the brand's name
 * ("DHL Paket", "PayPal 93978"), or is the name plus at most a role ("Amazon.co.jp カスタマーサービス").
 * "Fruitgeek Apple Core" names a newsletter about Apple.
 */
export function speaksAs(foldedName: string, alias: string): boolean {
  if (foldedName.replace(/^[^\p{L}\p{N}]+/u, '').startsWith(alias)) return true;
  return foldedName.replaceAll(alias, ' ').replace(ROLE, '').length <= 3;
}

export interface BrandClaim {
  brand: Brand;
  score: number;
  evidence: Evidence[];
}

const WEIGHTS = {
  from: 5,
  subject: 4,
  alt: 3,
  linkText: 2,
  host: 2,
  localPart: 3,
  body: 1,
  path: 1,
} as const;

/** Which brands the message pretends to be, strongest first. */
export function brandClaims(message: Message, links: Link[], index: BrandIndex): BrandClaim[] {
  const claims = new Map<string, BrandClaim>();
  const add = (brand: Brand, score: number, ev: Evidence) => {
    const c = claims.get(brand.id) ?? { brand, score: 0, evidence: [] };
    c.score += score;
    if (c.evidence.length < 5) c.evidence.push(ev);
    claims.set(brand.id, c);
  };
  const scanText = (
    s: string | null | undefined,
    where: keyof typeof WEIGHTS,
    maxHits = 1,
    allowContext = false,
  ) => {
    if (!s || !index.aliasPattern) return;
    const folded = fold(s);
    let hits = 0;
    const seen = new Set<string>();
    forEachAlias(index, folded, (alias) => {
      const entry = index.aliases.get(alias);
      if (!entry || (entry.context && !allowContext) || seen.has(entry.brand.id)) return false;
      seen.add(entry.brand.id);
      // A sender name that only mentions a brand ("Fruitgeek Apple Core") claims less than one that speaks as it.
      const weight = where === 'from' && !speaksAs(folded, alias) ? WEIGHTS.body : WEIGHTS[where];
      add(entry.brand, weight, { kind: 'phrase', value: alias, where });
      return ++hits >= maxHits * 4;
    });
  };
  scanText(message.from?.name, 'from', 1, true);
  scanText(message.subject, 'subject', 1, true);
  const local = message.from?.address?.split('@')[0]?.toLowerCase();
  if (local) {
    for (const [domain, brand] of index.byDomain) {
      if (local.includes(domain))
        add(brand, WEIGHTS.localPart, { kind: 'address', value: message.from?.address ?? '', where: 'from' });
    }
  }
  // A bare URL's text is the URL itself: its host (au in .com.au) and path are judged below, not as prose.
  if (message.kind !== 'url') {
    const body = message.text.trim() ? message.text : (message.htmlDigest?.text ?? '');
    scanText(body.slice(0, 20000), 'body', 3, message.kind !== 'email');
  }
  for (const alt of message.htmlDigest?.imageAlts.slice(0, 20) ?? []) scanText(alt, 'alt');
  for (const l of links.slice(0, 50)) {
    if (l.text) scanText(l.text, 'linkText');
    if (l.host) {
      const im = imitation(index, l.host);
      if (im) add(im.brand, WEIGHTS.host, { kind: 'link', value: l.destination, where: 'host' });
      // In an SMS or a bare URL the link is the whole story; a brand named only in its path says which one.
      else if (message.kind !== 'email' && !brandOfDomain(index, l.host.registrableDomain)) {
        const p = pathBrand(index, l.destination);
        if (p) add(p.brand, WEIGHTS.path, { kind: 'link', value: l.destination, where: 'path' });
      }
    }
  }
  return [...claims.values()].sort((a, b) => b.score - a.score);
}
