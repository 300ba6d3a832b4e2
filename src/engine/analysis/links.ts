import type { HostLists } from '../data/types.js';
import { digestHtml } from '../parse/html.js';
import type { Message } from '../parse/message.js';
import type { LinkSource } from '../report.js';
import { type HostInfo, hostInfo, URL_LOOKALIKES } from './url.js';

export interface Link {
  text: string | null;
  href: string;
  /** Where it really leads, after unwrapping redirectors (same as href when there is nothing to unwrap). */
  destination: string;
  /** Redirector hosts unwrapped on the way, outermost first. */
  via: string[];
  source: LinkSource;
  /** Host of the destination; null for mailto:, tel:, relative and unparsable links. */
  host: HostInfo | null;
  scheme: string | null;
  /** `user@` part of an http(s) URL: `https://amazon.co.jp@evil.top/` */
  userinfo: string | null;
  /** The href uses characters that imitate `/`, `.` or `@`. */
  lookalikeChars: boolean;
}

// Also full-width URLs (ｈｔｔｐｓ：／／…), which SMS lures use to slip past filters; browsers and phones open them.
const URL_IN_TEXT =
  /\bhttps?:\/\/[^\s<>"'`「」『』（）【】、。]+|\bwww\.[^\s<>"'`「」『』（）【】、。]+|[ｈＨ][ｔＴ][ｔＴ][ｐＰ][ｓＳ]?[:：][/／]{2}[^\s<>"'`「」『』（）【】、。]+/gi;
const FULL_WIDTH_SCHEME = /^[ｈＨ][ｔＴ][ｔＴ][ｐＰ][ｓＳ]?[:：][/／]{2}/;
// Bare host names (`amazon.co.jp-prime-update.com/login`): only where the text is the whole input (SMS, URL).
const BARE_HOST =
  /(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d{2,5})?(?:\/[^\s<>"'`「」『』（）【】、。]*)?/gi;
const PDF_URI = /\/URI\s*\(([^)]{4,2000})\)/g;
const MAX_LINKS = 500;
const MAX_UNWRAP = 4;

export function extractLinks(message: Message, hosts: HostLists): Link[] {
  const out: Link[] = [];
  const seen = new Set<string>();
  const add = (href: string, text: string | null, source: LinkSource) => {
    const key = `${source}\u0000${href}\u0000${text ?? ''}`;
    if (out.length >= MAX_LINKS || seen.has(key) || !href.trim()) return;
    seen.add(key);
    out.push(describeLink(href.trim(), text, source, hosts));
  };
  for (const l of message.htmlDigest?.links ?? []) add(l.href, l.text || null, l.source);
  const bare = message.kind !== 'email';
  for (const href of urlsInText(message.text, bare))
    add(href, null, message.kind === 'url' ? 'input' : 'text');
  for (const a of message.attachments) {
    const name = a.filename?.toLowerCase() ?? '';
    if (
      a.mimeType === 'text/html' ||
      name.endsWith('.html') ||
      name.endsWith('.htm') ||
      name.endsWith('.shtml')
    ) {
      const digest = digestHtml(new TextDecoder().decode(a.content));
      for (const l of digest.links) add(l.href, l.text || null, 'attachment');
    } else if (a.mimeType === 'application/pdf' || name.endsWith('.pdf')) {
      const latin = new TextDecoder('latin1').decode(a.content.subarray(0, 5 * 1024 * 1024));
      for (const m of latin.matchAll(PDF_URI))
        if (/^https?:/i.test(m[1] ?? '')) add(m[1] ?? '', null, 'attachment');
    }
  }
  return out;
}

export function urlsInText(text: string, bareHosts: boolean): string[] {
  const found = [...text.matchAll(URL_IN_TEXT)].map((m) => trimTrailing(m[0]));
  if (bareHosts) {
    const rest = text.replace(URL_IN_TEXT, ' ');
    for (const m of rest.matchAll(BARE_HOST)) {
      const candidate = trimTrailing(m[0]);
      const h = hostInfo(candidate.split(/[/:]/)[0] ?? '');
      if (h.isIcann && h.registrableDomain) found.push(candidate);
    }
  }
  return found;
}

function trimTrailing(s: string): string {
  return s.replace(/[.,;:!?)\]}>'"．，；：！？）]+$/, '');
}

export function describeLink(href: string, text: string | null, source: LinkSource, hosts: HostLists): Link {
  const lookalikeChars = URL_LOOKALIKES.test(href.split(/[?#]/)[0] ?? '');
  const via: string[] = [];
  let destination = normaliseHref(href);
  let url = safeUrl(destination);
  for (let i = 0; i < MAX_UNWRAP && url; i++) {
    const inner = unwrapOnce(url, hosts);
    if (!inner) break;
    via.push(url.hostname);
    destination = inner;
    url = safeUrl(inner);
  }
  const web = url && (url.protocol === 'http:' || url.protocol === 'https:');
  return {
    text,
    href,
    destination,
    via,
    source,
    host: web && url ? hostInfo(url.hostname) : null,
    scheme: url ? url.protocol.replace(/:$/, '') : null,
    userinfo: web && url && (url.username || url.password) ? decodeSafe(url.username) : null,
    lookalikeChars,
  };
}

/** Adds the scheme a browser would assume; leaves mailto:, tel: and others alone. */
function normaliseHref(href: string): string {
  const raw = href.replace(/[\u0000-\u001f\u007f]/g, '');
  // A full-width URL is read as its plain form (NFKC), as a phone's browser does.
  const h = FULL_WIDTH_SCHEME.test(raw) ? raw.normalize('NFKC') : raw;
  if (/^[a-z][a-z0-9+.-]*:/i.test(h)) return h;
  if (h.startsWith('//')) return `http:${h}`;
  if (/^[^\s/]+\.[^\s/]+/.test(h)) return `http://${h}`;
  return h;
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const redirectorEntries = new WeakMap<HostLists, [string, string[]][]>();
function redirectorsOf(hosts: HostLists): [string, string[]][] {
  let entries = redirectorEntries.get(hosts);
  if (!entries) {
    entries = Object.entries(hosts.redirectors);
    redirectorEntries.set(hosts, entries);
  }
  return entries;
}

/** The target a redirector or tracking wrapper carries in its own URL, if any. */
function unwrapOnce(url: URL, hosts: HostLists): string | null {
  const host = url.hostname.toLowerCase();
  // Proofpoint URL Defense v3 keeps the target between "__" markers.
  const v3 = /^\/v3\/__(.+?)__;/.exec(url.pathname + url.search);
  if (host.endsWith('urldefense.com') && v3?.[1]) return v3[1];
  // Nothing below can unwrap a URL without a query string.
  if (!url.search) return null;
  const named = redirectorsOf(hosts).find(([h]) => host === h || host.endsWith(`.${h}`))?.[1];
  for (const [key, value] of url.searchParams) {
    if (named && !named.includes(key)) continue;
    if (/^https?:\/\/[^/]/i.test(value)) return value;
    if (named && /^[\w-]+\.[\w.-]+(\/|$)/.test(value)) return `http://${value}`;
  }
  return null;
}
