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

const ASCII_HOMOGLYPHS: [RegExp, string][] = [
  [/0/g, 'o'],
  [/1/g, 'l'],
  [/rn/g, 'm'],
  [/vv/g, 'w'],
];

/** Whether a non-official host names or imitates a brand: `amazon.co.jp.xyz.top`, `amaz0n-jp.com`, `аmazon.com`. */
export function imitation(index: BrandIndex, host: HostInfo): Imitation | null {
  if (!host.registrableDomain || brandOfDomain(index, host.registrableDomain)) return null;
  const lower = host.host;
  // An official domain written into the host: amazon.co.jp.sign-in.top, smbc-card.com-xx.cn
  for (const [domain, brand] of index.byDomain) {
    const at = lower.indexOf(domain);
    if (at >= 0 && (at === 0 || /[.-]/.test(lower[at - 1] ?? ''))) {
      return { brand, how: 'brand-domain-in-host', fragment: domain };
    }
  }
  const labels = host.unicodeHost.split(/[.-]/).filter((l) => l.length >= 3);
  for (const label of labels) {
    const skel = skeleton(label);
    let ascii = skel;
    for (const [re, to] of ASCII_HOMOGLYPHS) ascii = ascii.replace(re, to);
    for (const { keyword, brand } of index.keywords) {
      if (label === keyword || (label.includes(keyword) && keyword.length >= 4)) {
        return { brand, how: 'keyword', fragment: label };
      }
      if (skel === keyword || skel.includes(keyword)) return { brand, how: 'confusable', fragment: label };
      if (keyword.length >= 5 && (ascii === keyword || editDistance(ascii, keyword, 1) <= 1)) {
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
