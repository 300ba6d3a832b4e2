import { authenticate } from 'mailauth';
import { parseAuthResults, type TrustedResult } from '../engine/analysis/authentication.js';
import type { TrustedReceiver } from '../engine/data/types.js';

export type Resolver = (name: string, rrtype: string) => Promise<unknown>;

const LIVE: TrustedReceiver = {
  id: 'live DNS check',
  authservIds: ['sagicheck.local'],
  byHosts: [],
  placement: 'above',
  sources: [],
};

/**
 * DKIM and DMARC computed here with mailauth (`--verify-dns`): the only step that uses the network, and only when
 * the user asks. SPF needs the connecting IP, which only the receiver saw, so it is left to the receiver's result.
 */
export function dnsVerifier(
  resolver?: Resolver,
): (raw: Uint8Array | string) => Promise<TrustedResult | null> {
  return async (raw) => {
    try {
      const res = await authenticate(typeof raw === 'string' ? raw : Buffer.from(raw), {
        mta: 'sagicheck.local',
        disableArc: true,
        disableBimi: true,
        ...(resolver ? { resolver: resolver as never } : {}),
      });
      const line = /Authentication-Results:\s*([\s\S]*?)(?:\r?\n(?![ \t])|$)/i.exec(res.headers)?.[1];
      if (!line) return null;
      const value = line.replace(/\r?\n[ \t]+/g, ' ').trim();
      return {
        receiver: LIVE,
        results: parseAuthResults(value),
        header: `Authentication-Results: ${value}`,
        ignored: [],
      };
    } catch {
      return null;
    }
  };
}
