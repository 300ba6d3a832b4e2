import { defineRule } from '../../rule.js';
import {
  firstDistinct,
  isLocalIp,
  linkEvidence,
  manySites,
  unbranded,
  type WebLink,
  webLinks,
} from './common.js';

/** How the host was written: a browser also accepts 3232235777 and 0xC0A80101 for 192.168.1.1. */
function obfuscated(href: string): boolean {
  const authority = href.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? '';
  const host = authority.replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  return (
    /^(?:\d{8,10}|0x[0-9a-f]+|(?:0x[0-9a-f]+|0\d+|\d+)(?:\.(?:0x[0-9a-f]+|0\d+|\d+)){1,3})$/i.test(host) &&
    !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)
  );
}

/** A link to a bare IP address: real companies link to their domain names. */
export default defineRule({
  meta: {
    id: 'links/ip-host',
    family: 'links',
    category: 'phishing',
    weight: 20,
    description: {
      ja: 'リンク先がドメイン名ではなく IP アドレスになっている',
      en: 'A link goes to a bare IP address instead of a domain name',
    },
  },
  check({ message, brands, links }) {
    const found = webLinks(links)
      .filter((l) => l.host.isIp && !isLocalIp(l.host.host))
      .map((link) => ({ link, hidden: obfuscated(link.href) }));
    if (!found.length) return null;
    found.sort((a, b) => Number(b.hidden) - Number(a.hidden));
    const first = found[0] as { link: WebLink; hidden: boolean };
    const ip = first.link.host.host;
    return {
      // One plain IP link among many sites (a digest of weblogs, a shop's newsletter) is an old habit, not a lure.
      weight: first.hidden ? 30 : message.kind === 'email' && manySites(unbranded(links, brands)) ? 8 : 20,
      evidence: firstDistinct(found).map((f) => ({ ...linkEvidence(f.link), value: f.link.href })),
      message: first.hidden
        ? {
            ja: `リンク先は数字に偽装された IP アドレス（${ip}）です。正規の企業はこのようなリンクを使いません`,
            en: `The link goes to an IP address written in disguise (${ip}); real companies do not link like this`,
          }
        : {
            ja: `リンク先はドメイン名ではなく IP アドレス（${ip}）です。正規の企業はこのようなリンクを使いません`,
            en: `The link goes to a bare IP address (${ip}) instead of a domain name; real companies do not link like this`,
          },
      links: found.map((f) => f.link),
    };
  },
});
