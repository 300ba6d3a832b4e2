import type { TrustedReceiver } from '../data/types.js';
import type { Message } from '../parse/message.js';
import { type AuthClause, arcOrigin, findTrustedResult, type TrustedResult } from './authentication.js';
import { hostInfo } from './url.js';

export interface SenderFacts {
  fromAddress: string | null;
  fromDomain: string | null;
  fromRegistrable: string | null;
  trusted: TrustedResult | null;
  /** The From domain as proven by the trusted result (DMARC pass, or aligned DKIM/SPF pass). */
  authenticatedDomain: string | null;
  /** How it was proven, e.g. `dmarc=pass header.from=amazon.co.jp`. */
  proof: string | null;
  /** Domains that did authenticate (passing DKIM d=, SPF mail-from), aligned or not: who really sent it. */
  actualDomains: string[];
  dmarc: string | null;
}

/**
 * `live` is a result computed on this machine (DKIM/DMARC over DNS, `--verify-dns`); a trusted receiver's own result
 * wins over it, since the receiver saw the connecting IP.
 */
export function senderFacts(
  message: Message,
  receivers: TrustedReceiver[],
  live: TrustedResult | null = null,
): SenderFacts {
  const fromAddress = message.from?.address?.toLowerCase() || null;
  const fromDomain = fromAddress?.split('@').pop()?.replace(/[>\s]/g, '') || null;
  const fromRegistrable = fromDomain ? (hostInfo(fromDomain).registrableDomain ?? fromDomain) : null;
  const facts: SenderFacts = {
    fromAddress,
    fromDomain,
    fromRegistrable,
    trusted: null,
    authenticatedDomain: null,
    proof: null,
    actualDomains: [],
    dmarc: null,
  };
  // An inline forward has no transport headers of the original: nothing to trust.
  if (message.forwarded?.how === 'inline') return facts;
  const trusted = findTrustedResult(message.headers, receivers) ?? live;
  if (!trusted) return facts;
  let proven = prove(trusted, fromDomain, fromRegistrable);
  // Forwarding breaks SPF and often DKIM; a trusted first hop's sealed result (ARC) may still prove the sender.
  if (!proven.authenticatedDomain) {
    const origin = arcOrigin(message.headers, trusted, receivers);
    const viaArc = origin ? prove(origin, fromDomain, fromRegistrable) : null;
    if (viaArc?.authenticatedDomain) proven = viaArc;
  }
  return { ...facts, ...proven };
}

/** What one trusted result proves about the From domain. */
function prove(
  trusted: TrustedResult,
  fromDomain: string | null,
  fromRegistrable: string | null,
): Pick<SenderFacts, 'trusted' | 'authenticatedDomain' | 'proof' | 'actualDomains' | 'dmarc'> {
  const clauses = trusted.results.clauses;
  const dmarc = clauses.find((c) => c.method === 'dmarc');
  const passing = clauses.filter((c) => c.result === 'pass');
  const out = {
    trusted,
    authenticatedDomain: null as string | null,
    proof: null as string | null,
    actualDomains: unique(passing.map(clauseDomain).filter((d): d is string => d !== null)),
    dmarc: dmarc?.result ?? null,
  };
  if (!fromDomain || !fromRegistrable) return out;
  const aligned = (d: string | null) =>
    d !== null && (hostInfo(d).registrableDomain ?? d) === fromRegistrable;
  if (dmarc?.result === 'pass' && aligned(dmarc.props['header.from'] ?? fromDomain)) {
    out.authenticatedDomain = fromDomain;
    out.proof = `dmarc=pass header.from=${dmarc.props['header.from'] ?? fromDomain}`;
  } else if (dmarc?.result !== 'fail') {
    const alignedPass = passing.find(
      (c) => (c.method === 'dkim' || c.method === 'spf') && aligned(clauseDomain(c)),
    );
    if (alignedPass) {
      out.authenticatedDomain = fromDomain;
      out.proof = `${alignedPass.method}=pass ${alignedPass.method === 'dkim' ? 'header.d' : 'smtp.mailfrom'}=${clauseDomain(alignedPass)}`;
    }
  }
  return out;
}

function clauseDomain(c: AuthClause): string | null {
  const p = c.props;
  const v =
    c.method === 'dkim'
      ? (p['header.d'] ?? p['header.i'])
      : c.method === 'spf'
        ? (p['smtp.mailfrom'] ?? p['smtp.helo'])
        : c.method === 'dmarc'
          ? p['header.from']
          : undefined;
  if (!v) return null;
  return (v.includes('@') ? v.split('@').pop() : v)?.toLowerCase().replace(/^@/, '') ?? null;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
