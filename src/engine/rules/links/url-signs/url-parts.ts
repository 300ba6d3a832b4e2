import type { HostInfo } from '../../../analysis/url.js';
import type { HostLists } from '../../../data/types.js';
import { findHost, type WebLink } from '../common.js';

/** Independent kinds of evidence in one URL; each counts once however many of its signs appear. */
export type Sign = 'tld' | 'host' | 'hosting' | 'path' | 'structure' | 'bare';

export interface Signs {
  found: Map<Sign, string>;
  /** Signs weighed: a strong sign (dynamic DNS, a keyboard-mash or hash host name) counts twice. */
  points: number;
}

/** The signs found so far in one link, as each detector adds its own: `extra` counts the strong ones again. */
export interface Tally {
  found: Map<Sign, string>;
  extra: number;
}

/** What the sign detectors read of one link: its host, the names its owner chose, its path and query. */
export interface UrlParts {
  link: WebLink;
  h: HostInfo;
  /** The last label of the host (`top` for x.example.top). */
  tld: string;
  /** The dynamic DNS, free hosting or shortener suffix the host is under, or a private Public Suffix List suffix. */
  hosting: string | null;
  /** Whether the owner chose the labels: under an ordinary or a platform's suffix, or on free hosting. */
  userNamed: boolean;
  /** The registered label the owner chose ('' when the service chose it); see readUrl. */
  own: string;
  /** The labels in front of the registrable domain, without www and www2. */
  subs: string[];
  path: string;
  query: string;
  /** The path percent-decoded (as written when it does not decode). */
  decoded: string;
  /** The site's bare address, no page and no query: all it says is its name. */
  bare: boolean;
}

/** Decoded percent escapes, or the text as it is when they are broken. */
export function decodedUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function pathAndQuery(url: string): { path: string; query: string } {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)(\?[^#]*)?/i.exec(url);
  return { path: m?.[1] ?? '', query: m?.[2] ?? '' };
}

export function readUrl(link: WebLink, hosts: HostLists): UrlParts {
  const h = link.host;
  const tld = h.host.split('.').pop() ?? '';
  // A suffix in the Public Suffix List's private section (github.io, workers.dev, sakura.ne.jp) is a platform's:
  // each name under it is one of its users' sites, so it counts like listed free hosting.
  const platform = !h.isIp && !h.isIcann && h.publicSuffix ? h.publicSuffix : null;
  const hosting =
    findHost(h.host, hosts.dynamicDns) ??
    findHost(h.host, hosts.freeHosting) ??
    findHost(h.host, hosts.shorteners) ??
    platform;
  // Labels the owner chose: the registrable label under an ordinary or a platform's suffix (not a listed
  // service's own name, as xsrv in x.xsrv.jp); every label under free hosting.
  const userNamed = h.isIcann || hosting !== null;
  const serviceOwn = hosting !== null && h.registrableDomain === hosting;
  const own = userNamed && !serviceOwn ? (h.domainLabel?.split('.').pop() ?? '') : '';
  const subs = h.subdomain ? h.subdomain.split('.').filter((l) => l !== 'www' && l !== 'www2') : [];
  const { path, query } = pathAndQuery(link.destination);
  return {
    link,
    h,
    tld,
    hosting,
    userNamed,
    own,
    subs,
    path,
    query,
    decoded: decodedUri(path),
    bare: (path === '' || path === '/') && query === '',
  };
}
