import type { HostLists } from '../../../data/types.js';
import { findHost } from '../common.js';
import type { Tally, UrlParts } from './url-parts.js';

// Lists with their citations live in data/hosts.json: extremeTlds (Interisle phishing domain score >= 450),
// notForProduction (workers.dev, r2.dev: not for production by Cloudflare's own documentation).

/** The kind of domain: a TLD common in phishing (`tld`), or a name on a service anyone can use (`hosting`). */
export function domainSigns({ h, tld, hosting }: UrlParts, t: Tally, hosts: HostLists): void {
  const { found } = t;
  if (!h.isIp && hosts.riskyTlds.includes(tld)) {
    found.set('tld', `.${tld}`);
    if (hosts.extremeTlds.includes(tld)) t.extra++;
  }
  if (hosting && h.host !== hosting && h.host !== `www.${hosting}`) {
    found.set('hosting', hosting);
    // Anyone can point a dynamic DNS name at a home server in a minute; no company serves its site from one.
    // Nor from a platform's testing address that the platform itself says is not for production.
    if (findHost(h.host, hosts.dynamicDns) || findHost(h.host, hosts.notForProduction)) t.extra++;
  }
}
