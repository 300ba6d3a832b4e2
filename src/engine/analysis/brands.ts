import type { Brand, EngineData } from '../data/types.js';
import type { Message } from '../parse/message.js';
import type { Evidence } from '../report.js';
import type { Link } from './links.js';
import { escapeRegExp, fold } from './text.js';
import { editDistance, type HostInfo, skeleton } from './url.js';

/** Look-ups built once per data set, not per message. */
export interface BrandIndex {
  byId: Map<string, Brand>;
  /** Registrable domain → brand, for official and sender domains. */
  byDomain: Map<string, Brand>;
  aliasPattern: RegExp | null;
  /** Folded alias → brand and whether it needs context. */
  aliases: Map<string, { brand: Brand; context: boolean }>;
  keywords: { keyword: string; brand: Brand }[];
  /** Memo of imitation() per host: the same hosts recur across a message's links and across a batch. */
  imitations: Map<string, Imitation | null>;
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
  const parts = [...aliases.keys()]
    .sort((a, b) => b.length - a.length)
    .map((a) => (/^[\x00-\x7f]+$/.test(a) ? `(?<![a-z0-9])${escapeRegExp(a)}(?![a-z0-9])` : escapeRegExp(a)));
  const index: BrandIndex = {
    byId,
    byDomain,
    aliasPattern: parts.length ? new RegExp(parts.join('|'), 'g') : null,
    aliases,
    keywords,
    imitations: new Map(),
  };
  cache.set(data, index);
  return index;
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
  const tld = lower.split('.').pop() ?? '';
  const sameName =
    host.isIcann &&
    !lists.riskyTlds?.includes(tld) &&
    index.keywords.some((k) => k.keyword === host.domainLabel);
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
  const unicodeLabels = host.unicodeHost.split('.');
  // 1. Exact keyword, as a whole label or between hyphens: amazon-prime-update.com, smbc.xyz.com, eki-net.abc.com.
  for (const label of unicodeLabels) {
    const tokens = label.split('-');
    for (const { keyword, brand } of index.keywords) {
      if (sameName && label === host.domainLabel) continue;
      if (label === keyword || tokens.includes(keyword)) return { brand, how: 'keyword', fragment: label };
      if (keyword.includes('-') && `-${label}-`.includes(`-${keyword}-`))
        return { brand, how: 'keyword', fragment: label };
    }
  }
  // 2. Characters from other scripts or styled letters that read as the brand: аmazon (Cyrillic а), ａｍａｚｏｎ.
  for (const label of unicodeLabels) {
    const skel = skeleton(label);
    if (skel === label) continue;
    const tokens = skel.split('-');
    for (const { keyword, brand } of index.keywords) {
      if (keyword.length < 3) continue;
      if (tokens.some((t) => t === keyword || (keyword.length >= 4 && t.includes(keyword))))
        return { brand, how: 'confusable', fragment: label };
    }
  }
  // 3. A keyword with filler glued on: amazonjp, rakuten2024, aeoncard-secure.
  for (const label of unicodeLabels) {
    for (const token of label.split('-')) {
      for (const { keyword, brand } of index.keywords) {
        if (keyword.length < 4 || token === keyword || !/^[a-z0-9]+$/.test(keyword)) continue;
        const rest = token.startsWith(keyword)
          ? token.slice(keyword.length)
          : token.endsWith(keyword)
            ? token.slice(0, -keyword.length)
            : null;
        if (rest && FILLER.test(rest)) return { brand, how: 'keyword', fragment: label };
      }
    }
  }
  // 4. Look-alike letters or a one-letter slip in a longer keyword: arnazon, amaz0n, rnercari, amazom.
  for (const label of unicodeLabels) {
    for (const token of label.split('-')) {
      if (token.length < 4 || !/^[a-z0-9]+$/.test(token)) continue;
      const seen = visual(token);
      for (const { keyword, brand } of index.keywords) {
        if (keyword.length < 5 || !/^[a-z]+$/.test(keyword)) continue;
        const kv = visual(keyword);
        if (seen !== token && (seen === kv || (seen.startsWith(kv) && FILLER.test(seen.slice(kv.length)))))
          return { brand, how: 'lookalike', fragment: label };
        // A compound keyword (appleid) is skipped: a slip in it is often a word (applied).
        const compound = index.keywords.some(
          (k) => k.brand === brand && k.keyword !== keyword && keyword.includes(k.keyword),
        );
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
  return null;
}

export interface BrandClaim {
  brand: Brand;
  score: number;
  evidence: Evidence[];
}

const WEIGHTS = { from: 5, subject: 4, alt: 3, linkText: 2, host: 2, localPart: 3, body: 1 } as const;

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
    for (const m of folded.matchAll(index.aliasPattern)) {
      const entry = index.aliases.get(m[0]);
      if (!entry || (entry.context && !allowContext) || seen.has(entry.brand.id)) continue;
      seen.add(entry.brand.id);
      add(entry.brand, WEIGHTS[where], { kind: 'phrase', value: m[0], where });
      if (++hits >= maxHits * 4) break;
    }
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
  const body = message.text.trim() ? message.text : (message.htmlDigest?.text ?? '');
  scanText(body.slice(0, 20000), 'body', 3, message.kind !== 'email');
  for (const alt of message.htmlDigest?.imageAlts.slice(0, 20) ?? []) scanText(alt, 'alt');
  for (const l of links.slice(0, 50)) {
    if (l.text) scanText(l.text, 'linkText');
    if (l.host) {
      const im = imitation(index, l.host);
      if (im) add(im.brand, WEIGHTS.host, { kind: 'link', value: l.destination, where: 'host' });
    }
  }
  return [...claims.values()].sort((a, b) => b.score - a.score);
}
