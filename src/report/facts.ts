import { findTrustedResult, hostMatches, receivedBy } from '../engine/analysis/authentication.js';
import type { EngineData } from '../engine/data/types.js';
import type { Message } from '../engine/parse/message.js';
import type { Report } from '../engine/report.js';
import { receiversFor } from '../engine/scan.js';

/** What a report about a mail can say about where it came from, read from its own headers. */
export interface MailFacts {
  /** Envelope sender (Return-Path), without angle brackets; null when absent or `<>`. */
  mailFrom: string | null;
  /** When the mail arrived: the date of the newest Received line, else its Date header; RFC 5322 form. */
  arrivalDate: string | null;
  /**
   * The IP address of the server that handed the mail to the reader's provider: the `from` of the trusted
   * receiver's inbound hop, else of the newest Received line naming a public address. Null when unknown.
   */
  sourceIp: string | null;
  /** How sourceIp was found: at a trusted receiver's inbound hop, or only from the newest public hop. */
  sourceIpBy: 'trusted-hop' | 'newest-hop' | null;
  /** The Authentication-Results written by a trusted receiver at its own hop (value only), when there is one. */
  authenticationResults: string | null;
  /** Hosts of the links our checks found risky, first seen first. */
  reportedDomains: string[];
  /** The risky links' destinations (and their href when it differs), first seen first. */
  reportedUris: string[];
}

export function mailFacts(message: Message, report: Report, data: EngineData): MailFacts {
  const received = message.headers.filter((h) => h.key === 'received').map((h) => h.value);
  const receivers = receiversFor(data);
  const trusted = message.forwarded?.how === 'inline' ? null : findTrustedResult(message.headers, receivers);
  let sourceIp: string | null = null;
  let sourceIpBy: MailFacts['sourceIpBy'] = null;
  if (trusted) {
    // The receiver's inbound hop: the first line from the top written by one of its hosts about an outside one.
    for (const value of received) {
      const by = receivedBy(value);
      if (!hostMatches(by, trusted.receiver.byHosts)) continue;
      const from = /^\s*from\s+([^\s;()]+)/i.exec(value)?.[1]?.toLowerCase() ?? null;
      if (from && hostMatches(from, trusted.receiver.byHosts)) continue;
      sourceIp = connectingIp(value);
      if (sourceIp) sourceIpBy = 'trusted-hop';
      break;
    }
  }
  if (!sourceIp) {
    for (const value of received) {
      const ip = connectingIp(value);
      if (ip && isPublicIp(ip)) {
        sourceIp = ip;
        sourceIpBy = 'newest-hop';
        break;
      }
    }
  }
  const risky = report.links.filter((l) => l.risks.length > 0);
  const domains = unique(risky.map((l) => hostOf(l.destination) ?? l.host).filter((h): h is string => !!h));
  const uris = unique(
    risky.flatMap((l) => (l.href !== l.destination ? [l.destination, l.href] : [l.destination])),
  ).filter((u) => /^[a-z][a-z0-9+.-]*:/i.test(u));
  const returnPath = message.returnPath?.replace(/[<>\s]/g, '') || null;
  return {
    mailFrom: returnPath?.includes('@') ? returnPath : null,
    arrivalDate: rfc5322Date(received[0]?.split(';').pop() ?? null) ?? rfc5322Date(message.date),
    sourceIp,
    sourceIpBy,
    authenticationResults: trusted ? trusted.header.replace(/^[^:]+:\s*/, '') : null,
    reportedDomains: domains,
    reportedUris: uris,
  };
}

/** The connecting client's address in a Received line: `from host (… [192.0.2.1])` or `from [192.0.2.1]`. */
export function connectingIp(received: string): string | null {
  const fromPart = received.split(/\bby\s/i)[0] ?? '';
  const m =
    /\[(?:IPv6:)?([0-9a-f:.]+)\]/i.exec(fromPart) ?? /\(([0-9]{1,3}(?:\.[0-9]{1,3}){3})\)/.exec(fromPart);
  const ip = m?.[1] ?? null;
  if (!ip) return null;
  return isIpv4(ip) || (ip.includes(':') && /^[0-9a-f:.]+$/i.test(ip)) ? ip.toLowerCase() : null;
}

function isIpv4(ip: string): boolean {
  const parts = ip.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** Not loopback, private (RFC 1918, RFC 4193), link-local or CGNAT space. */
export function isPublicIp(ip: string): boolean {
  if (isIpv4(ip)) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    if (a === 10 || a === 127 || a === 0 || a >= 224) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 169 && b === 254) return false;
    if (a === 100 && b >= 64 && b <= 127) return false;
    return true;
  }
  const v = ip.toLowerCase();
  return !(v === '::1' || v.startsWith('fe80') || v.startsWith('fc') || v.startsWith('fd') || v === '::');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** `Mon, 08 Jun 2026 10:00:00 +0000`, or null when the text is no date. */
export function rfc5322Date(text: string | null): string | null {
  if (!text) return null;
  const d = new Date(text.trim().replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(d.getTime()) ? null : d.toUTCString().replace('GMT', '+0000');
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
