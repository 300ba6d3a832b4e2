import { type BrandIndex, brandOfDomain } from '../../analysis/brands.js';
import type { Link } from '../../analysis/links.js';
import type { HostInfo } from '../../analysis/url.js';
import type { Evidence } from '../../report.js';

/** A link a browser would open over the web, with a parsed host. */
export type WebLink = Link & { host: HostInfo };

export function webLinks(links: Link[]): WebLink[] {
  return links.filter((l): l is WebLink => l.host !== null && (l.scheme === 'http' || l.scheme === 'https'));
}

/** Evidence a person can see: the link as written (and where it really goes, when that differs). */
export function linkEvidence(link: Link): Evidence {
  return {
    kind: 'link',
    value: link.destination !== link.href ? link.destination : link.href,
    where: link.source,
  };
}

/** Whether `host` is `domain` or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  const d = domain.toLowerCase();
  return host === d || host.endsWith(`.${d}`);
}

const LIST_SETS = new WeakMap<string[], Set<string>>();

/** The entry of `list` that `host` is or is under (the longest one), walking the host's own suffixes. */
export function findHost(host: string, list: string[]): string | null {
  let set = LIST_SETS.get(list);
  if (!set) {
    set = new Set(list.map((d) => d.toLowerCase()));
    LIST_SETS.set(list, set);
  }
  const h = host.toLowerCase();
  let dot = -1;
  do {
    const suffix = h.slice(dot + 1);
    if (set.has(suffix)) return suffix;
    dot = h.indexOf('.', dot + 1);
  } while (dot >= 0);
  return null;
}

/** The host as a reader sees it. */
export function shown(link: WebLink): string {
  return link.host.unicodeHost;
}

/** One hit per rule: the strongest links first, at most `max` of them as evidence. */
export function firstDistinct<T extends { link: WebLink }>(items: T[], max = 3): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const it of items) {
    const key = it.link.host.host;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(it);
    if (out.length >= max) break;
  }
  return out;
}

/** A list of hosts for a sentence: `a.top`, `b.cn` and 1 more. */
export function hostList(hosts: string[], lang: 'ja' | 'en'): string {
  const uniq = [...new Set(hosts)];
  const head = uniq.slice(0, 3).join(lang === 'ja' ? '、' : ', ');
  const rest = uniq.length - 3;
  if (rest <= 0) return head;
  return lang === 'ja' ? `${head} ほか${rest}件` : `${head} and ${rest} more`;
}

/** Sign-in, verification and payment paths: what a credential-harvesting page is usually called. */
export const CREDENTIAL_PATH =
  /(?:^|[/._-])(?:sign[-_]?in|signon|log[-_]?in|logon|auth|verify|verification|confirm|validate|update|unlock|suspend(?:ed)?|secure|security|account|myaccount|billing|payment|pay|card|wallet|password|passwd|reset|recover|webscr|ap\/signin)(?=$|[/._?#=&-]|\d)/i;

/**
 * Whether an e-mail links to many sites or pages (a newsletter, a digest, a list of weblogs): then one odd link
 * among them says little about the sender, and weak link signals are weighed down. Callers pass the links that
 * belong to no known brand, so a copied brand newsletter with one swapped link does not count as a digest.
 */
export function manySites(links: Link[], min = 8, minLinks = 20): boolean {
  const sites = new Set<string>();
  const urls = new Set<string>();
  for (const l of links) {
    const d = l.host?.registrableDomain ?? l.host?.host;
    if (!d || (l.scheme !== 'http' && l.scheme !== 'https')) continue;
    sites.add(d);
    urls.add(l.destination);
    if (sites.size >= min || urls.size >= minLinks) return true;
  }
  return false;
}

/** The links that go to no known brand's domain. */
export function unbranded(links: Link[], brands: BrandIndex): Link[] {
  return links.filter((l) => !brandOfDomain(brands, l.host?.registrableDomain ?? null));
}

/** A loopback, private or link-local address: a link to one is a test page or a device, not a phishing site. */
export function isLocalIp(ip: string): boolean {
  return (
    /^(?:127\.|10\.|192\.168\.|169\.254\.|0\.)/.test(ip) ||
    /^172\.(?:1[6-9]|2\d|3[01])\./.test(ip) ||
    /^\[(?:::1|f[cd]|fe80)/i.test(ip)
  );
}
