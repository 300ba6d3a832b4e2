import type { TrustedReceiver } from '../data/types.js';
import type { Header } from '../parse/message.js';

/** One `method=result` clause of an Authentication-Results header (RFC 8601). */
export interface AuthClause {
  method: string;
  result: string;
  props: Record<string, string>;
}

export interface AuthResults {
  /** null when the header has none (Exchange Online writes results without one). */
  authservId: string | null;
  clauses: AuthClause[];
}

const METHODS = new Set([
  'spf',
  'dkim',
  'dmarc',
  'arc',
  'bimi',
  'iprev',
  'auth',
  'dkim-atps',
  'compauth',
  'sender-id',
]);

/** Parses an Authentication-Results value; comments and quoted strings are handled, garbage is dropped. */
export function parseAuthResults(value: string): AuthResults {
  const tokens = stripComments(value)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  let authservId: string | null = null;
  const first = tokens[0] ?? '';
  if (first && !/^[a-z-]+\s*=/i.test(first)) {
    authservId = first.split(/\s+/)[0]?.toLowerCase() ?? null;
    tokens.shift();
  }
  const clauses: AuthClause[] = [];
  for (const t of tokens) {
    const pairs = [...t.matchAll(/([a-z][a-z0-9._-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s]+)/gi)];
    const head = pairs[0];
    if (!head?.[1] || !head[2]) continue;
    const method = head[1].toLowerCase();
    if (!METHODS.has(method)) continue;
    const props: Record<string, string> = {};
    for (const p of pairs.slice(1)) {
      if (p[1] && p[2]) props[p[1].toLowerCase()] = p[2].replace(/^"|"$/g, '');
    }
    clauses.push({ method, result: head[2].toLowerCase().replace(/^"|"$/g, ''), props });
  }
  return { authservId, clauses };
}

function stripComments(s: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      if (depth === 0) out += c + s[i + 1];
      i++;
    } else if (quoted) {
      out += c;
      if (c === '"') quoted = false;
    } else if (c === '"' && depth === 0) {
      quoted = true;
      out += c;
    } else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

export interface TrustedResult {
  receiver: TrustedReceiver;
  results: AuthResults;
  /** The header line the result was read from, as evidence. */
  header: string;
  /** Later Authentication-Results naming a trusted authserv-id that we ignored: the sender's word. */
  ignored: string[];
}

/** `by` host of a Received value, lower case. */
export function receivedBy(value: string): string | null {
  return /\bby\s+([^\s;()]+)/i.exec(value)?.[1]?.toLowerCase() ?? null;
}

function receivedFrom(value: string): string | null {
  return /^\s*from\s+([^\s;()]+)/i.exec(value)?.[1]?.toLowerCase() ?? null;
}

export function hostMatches(host: string | null, patterns: string[]): boolean {
  if (!host) return false;
  return patterns.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p));
}

/**
 * Finds the result a trusted receiver wrote at its own hop. Walking down from the top, Received lines may only be
 * the receiver's own internal hops until its inbound hop (`from` an outside host `by` one of its hosts); its result is
 * the first Authentication-Results in the block it wrote there (above or below that line, per receiver). Anything
 * else claiming a trusted authserv-id was written by someone else and is ignored.
 */
export function findTrustedResult(headers: Header[], receivers: TrustedReceiver[]): TrustedResult | null {
  const received = headers.flatMap((h, i) => (h.key === 'received' ? [i] : []));
  // Each Received line's hosts and each Authentication-Results header are read once, not once per receiver.
  const hops = received.map((i) => {
    const value = headers[i]?.value ?? '';
    return { i, by: receivedBy(value), from: receivedFrom(value) };
  });
  const parsed = new Map<number, AuthResults>();
  const parseAt = (i: number): AuthResults => {
    let r = parsed.get(i);
    if (!r) {
      r = parseAuthResults(headers[i]?.value ?? '');
      parsed.set(i, r);
    }
    return r;
  };
  for (const receiver of receivers) {
    const inbound = inboundHop(hops, receiver);
    if (inbound === null) continue;
    const pos = received.indexOf(inbound);
    const next = received[pos + 1] ?? headers.length;
    const prev = pos > 0 ? (received[pos - 1] ?? -1) : -1;
    const block =
      receiver.placement === 'below' ? range(inbound + 1, next) : range(prev + 1, inbound).reverse(); // nearest to the hop first
    const ids = receiver.authservIds;
    const candidates = block.filter((i) => headers[i]?.key === 'authentication-results');
    let chosen: number | null = null;
    for (const i of candidates) {
      const r = parseAt(i);
      const ok =
        ids.length === 0
          ? r.authservId === null || !isHostLike(r.authservId)
          : ids.includes(r.authservId ?? '');
      if (ok) {
        chosen = i;
        break;
      }
    }
    const header = chosen === null ? undefined : headers[chosen];
    if (!header) continue;
    const allIds = new Set(receivers.flatMap((r) => r.authservIds));
    const ignored = headers
      .map((h, i) => ({ h, i }))
      .filter(({ h, i }) => i !== chosen && h.key === 'authentication-results')
      .filter(({ i }) => allIds.has(parseAt(i).authservId ?? ''))
      .map(({ h }) => `Authentication-Results: ${h.value}`);
    return {
      receiver,
      results: parseAt(chosen as number),
      header: `Authentication-Results: ${header.value}`,
      ignored,
    };
  }
  return null;
}

/** Index of the receiver's inbound Received line, if every Received above it is the receiver's own. */
function inboundHop(
  hops: { i: number; by: string | null; from: string | null }[],
  receiver: TrustedReceiver,
): number | null {
  for (const { i, by, from } of hops) {
    // Bare-IP internal hops count only without a `from`: an outside server's line always has one.
    const byOurs = hostMatches(by, receiver.byHosts) || (!from && by !== null && isInternalAddress(by));
    if (!byOurs) return null;
    const outside = !hostMatches(from, receiver.byHosts) || hostMatches(from, receiver.outboundHosts ?? []);
    if (from && outside && hostMatches(by, receiver.byHosts)) return i;
  }
  return null;
}

/** Receivers name internal hops by bare IPs (`by 2002:a05:…`, `by 10.1.2.3`). */
function isInternalAddress(host: string): boolean {
  return /^[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}$/i.test(host) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

function isHostLike(s: string): boolean {
  return s.includes('.');
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** Tags of an ARC-Seal or ARC-Authentication-Results value (`i=1; d=google.com; …`). */
function arcTag(value: string, tag: string): string | null {
  return new RegExp(`(?:^|;)\\s*${tag}\\s*=\\s*([^;\\s]+)`, 'i').exec(value)?.[1]?.toLowerCase() ?? null;
}

/**
 * What the first trusted hop of a forwarded message found, carried by ARC (RFC 8617). It counts only when the final
 * trusted receiver verified the chain (`arc=pass`) and the last seal is a trusted receiver's own signing domain:
 * then that receiver's ARC-Authentication-Results of the same instance is its word, signed, not the sender's.
 */
export function arcOrigin(
  headers: Header[],
  final: TrustedResult,
  receivers: TrustedReceiver[],
): TrustedResult | null {
  if (!final.results.clauses.some((c) => c.method === 'arc' && c.result === 'pass')) return null;
  const seals = headers.filter((h) => h.key === 'arc-seal');
  const last = seals
    .map((h) => ({ i: Number(arcTag(h.value, 'i')), d: arcTag(h.value, 'd') }))
    .filter((s) => Number.isInteger(s.i) && s.i > 0)
    .sort((a, b) => b.i - a.i)[0];
  if (!last?.d) return null;
  const sealer = receivers.find((r) => r.arcSealDomains?.includes(last.d ?? ''));
  if (!sealer) return null;
  const aar = headers.find(
    (h) => h.key === 'arc-authentication-results' && Number(arcTag(h.value, 'i')) === last.i,
  );
  if (!aar) return null;
  const results = parseAuthResults(aar.value.replace(/^\s*i\s*=\s*\d+\s*;/i, ''));
  if (!sealer.authservIds.includes(results.authservId ?? '')) return null;
  return {
    receiver: { ...sealer, id: `${sealer.id} (ARC, verified by ${final.receiver.id})` },
    results,
    header: `ARC-Authentication-Results: ${aar.value}`,
    ignored: [],
  };
}
