import { randomness, wordLike } from '../../../analysis/url.js';
import type { HostLists } from '../../../data/types.js';
import { isLocalIp } from '../common.js';
import {
  HASH_LABEL,
  mashed,
  noiseName,
  rarePairs,
  readableRun,
  readsAsWords,
  serviceLabel,
} from './labels.js';
import type { Tally, UrlParts } from './url-parts.js';

// Letters and digits mixed in a short name (nck292, sr891, a19br): registrars' cheapest bulk names.
const DIGIT_MIX = /^(?=(?:[a-z]*\d){2})(?=(?:\d*[a-z]){2})[a-z0-9]{4,9}$/;
// One to four letters and three or four digits, either way round: a registrar's bulk name (hq582, 2071kz). Two
// digits are often a name's own (tc39, wg21, ss64), five or more a standard's number (iso17799).
const BULK_NAME = /^(?:[a-z]{1,4}\d{3,4}|\d{3,4}[a-z]{1,4})$/;
// Loopback, private and link-local addresses (a router's setup page), as links/ip-host reads them.
// Four numbers of one to three digits joined by hyphens: an IPv4 address as a host label.
const IP_LABEL = /(?:^|[a-z-])(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?:$|-)/;
function ipOctets(label: string): boolean {
  const m = IP_LABEL.exec(label);
  return m ? m.slice(1, 5).every((o) => Number(o) <= 255) : false;
}

/**
 * An IPv4 address written into a host name: one label (35-72-13-210.example.com), or split over two labels as
 * reverse-DNS names write it (52.74-188-199.rdns.example.com).
 */
function ipInHost(host: string): string | null {
  for (const l of host.split('.')) if (IP_LABEL.test(l) && ipOctets(l)) return l;
  const split = /(?:^|\.)(\d{1,3})\.(\d{1,3}-\d{1,3}-\d{1,3})(?=\.)/.exec(host);
  const joined = split ? `${split[1]}-${split[2]}` : '';
  return joined && ipOctets(joined) ? joined : null;
}

/**
 * The host name: a bare IP address, a machine-made, bulk or numbered name, or an IP address written into it
 * (`host`); a noise name given bare, with no page to name (`bare`).
 */
export function hostSigns({ h, userNamed, own, subs, bare }: UrlParts, t: Tally, hosts: HostLists): void {
  const { found } = t;
  // A bare IP address: no name at all, so nothing a company could be held to; a strong sign for a pasted URL.
  if (h.isIp && !isLocalIp(h.host)) {
    found.set('host', h.host);
    t.extra++;
  }
  if (!h.isIp && userNamed) {
    const candidates = own ? [own, ...subs] : subs;
    const random = candidates.find(
      (l) =>
        randomness(l) >= 1 ||
        HASH_LABEL.test(l) ||
        (DIGIT_MIX.test(l) && !wordLike(l.replace(/\d/g, ''))) ||
        // A short meaningless name straight under a risky TLD: rhmyg.cn, ihqd.cn.
        (l === own &&
          found.has('tld') &&
          l.length >= 4 &&
          l.length <= 7 &&
          /^[a-z]+$/.test(l) &&
          !wordLike(l) &&
          !/[aeiou].*[aeiou]/.test(l)),
    );
    // Under a TLD common in phishing, a name with a letter pair no English word has (vexqua.xyz, kj3dq.shop) is
    // typed or generated rather than a name someone would say; on an ordinary TLD that alone says too little.
    const pseudo =
      found.has('tld') && !random
        ? candidates.find(
            (l) =>
              (l.length >= 5 && rarePairs(l, hosts) >= 1 && !wordLike(l)) ||
              // A number of five or more digits as the name (70812.xyz): nothing to read.
              /^\d{5,}$/.test(l) ||
              // Letters and digits mixed in a short name whose letters say nothing (rk4t, q7xm, 52hb).
              (/^(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{3,8}$/.test(l) &&
                /[a-z]\d|\d[a-z]/.test(l) &&
                !wordLike(l.replace(/\d/g, '')) &&
                // www1, mx2, ns1 and the like are numbered servers, not names.
                !/^www\d*$/.test(l) &&
                !serviceLabel(l, hosts)),
          )
        : undefined;
    // A registrar's bulk name: one to four letters and a number (hq582.com, 2071kz.com), registered by the thousand.
    const bulk = own && BULK_NAME.test(own) && !wordLike(own.replace(/\d/g, '')) ? own : undefined;
    const named = random ?? pseudo ?? (bare ? bulk : undefined);
    if (named) found.set('host', named);
    if (candidates.some((l) => mashed(l, hosts))) t.extra++;
    // A bulk name given bare: the address is all there is (what an SMS lure links to). Only the bulk shape: other
    // odd-looking names given bare are as often a project's abbreviation (nghttp2.org, jsdelivr.com, vmware.com).
    else if (bare && bulk && named === bulk) t.extra++;
    // A long name typed at random (asdfghjklzxcvbnm.com, djaihgiajowsfdjakjfw.com), or a long run of letters and
    // digits as a host in front of the name (prcdajdeeeeos…118283.example.com): one per campaign or per target.
    // Readable names that long are joined words (careerendeavourpublications), which read as ordinary.
    else if (
      (own.length >= 12 && randomness(own) >= 2) ||
      subs.some((l) => /^[a-z0-9]{16,}$/.test(l) && randomness(l) >= 1)
    )
      t.extra++;
    // The bare address of a site whose registered name is noise from end to end (xutfjykx.com, 0.nhmcy.com,
    // ovqga.com with a made-up host in front): no page to name, nothing to read. A project's abbreviation mostly
    // carries a readable word (jsdelivr, nghttp2, vmware), so a name with one is left alone.
    if (bare && own && !/^www\d*$/.test(own) && noiseName(own, subs.length > 0)) found.set('bare', h.host);
    // A made-up host name in front of the domain, given bare (aqfwom.example.com/): a wildcard DNS record answers
    // every name under the domain and the kit varies it per message. A project's host reads in part (perlqt).
    else if (
      bare &&
      named !== undefined &&
      subs.includes(named) &&
      randomness(named) >= 1 &&
      !readableRun(named, 4)
    )
      found.set('bare', h.host);
  }
  // A bare address under a TLD common in phishing, whose name no one would say: what an SMS lure links to, the
  // throw-away name being the whole lure. A shop's, a person's or a compound name (tokyo-bento.shop, maylove.shop,
  // hokkaidoshop.shop) reads at least in part.
  if (bare && found.has('tld') && own.length >= 4 && !readsAsWords(own) && !readableRun(own, 5))
    found.set('bare', h.host);
  // A server's address written into its host name (it-35-72-13-210.example.com, 103-6-168-202.plesk.page): the
  // temporary name a hosting panel gives a new server before it has a domain; no company's site is read from it.
  const ipLabel = h.isIp ? null : ipInHost(h.host);
  if (ipLabel) {
    found.set('host', ipLabel);
    t.extra++;
  }
  // A number of six or more digits as the registered name (688171.com): nothing to read, registered in bulk.
  if (own && /^\d{6,}$/.test(own)) {
    found.set('host', own);
    t.extra++;
  }
}
