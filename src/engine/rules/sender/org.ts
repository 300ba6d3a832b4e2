import { type BrandIndex, brandOfDomain } from '../../analysis/brands.js';
import { hostInfo } from '../../analysis/url.js';
import type { HostLists } from '../../data/types.js';

/** The registrable domain of a host or of an address's domain (`mail.example.co.jp` → `example.co.jp`). */
export function registrable(domainOrAddress: string | null | undefined): string | null {
  const d = domainOrAddress
    ?.toLowerCase()
    .split('@')
    .pop()
    ?.replace(/[<>\s]/g, '')
    .replace(/\.$/, '');
  if (!d?.includes('.')) return null;
  return hostInfo(d).registrableDomain ?? d;
}

/**
 * Whether two domains plausibly belong to one organisation: the same registrable domain, the same name
 * under another suffix (`example.co.jp` / `example.com`), or two domains of one catalogued brand.
 */
export function sameOrganisation(a: string | null, b: string | null, brands: BrandIndex): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const la = hostInfo(a).domainLabel;
  if (la && la.length >= 3 && la === hostInfo(b).domainLabel) return true;
  const ba = brandOfDomain(brands, a);
  return ba !== null && ba.id === brandOfDomain(brands, b)?.id;
}

export function isFreeMail(registrableDomain: string | null, hosts: HostLists): boolean {
  return registrableDomain !== null && hosts.freeMail.includes(registrableDomain);
}
