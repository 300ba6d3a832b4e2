import { brandOfDomain } from '../../analysis/brands.js';
import { type HostInfo, hostInfo } from '../../analysis/url.js';
import { defineRule } from '../../rule.js';
import { findHost, linkEvidence, shown, type WebLink, webLinks } from './common.js';

// A URL or a domain written as the link's text: https://www.amazon.co.jp/…, www.amazon.co.jp, amazon.co.jp
const SHOWN_URL = /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?=[:/?#]|$|\s)/i;

/** The host the link text shows, if the text is (or starts with) a URL or domain. */
function shownHost(text: string | null): HostInfo | null {
  if (!text) return null;
  const t = text.normalize('NFKC').trim();
  if (t.length > 300 || /^[^\s@]+@/.test(t)) return null;
  const m = SHOWN_URL.exec(t);
  // The URL must start the text: "詳しくは example.com へ" is prose, not a shown address.
  if (!m?.[1] || m.index > 0) return null;
  // A bare name followed by words is a headline that names a company ("McAfee.com sour on bid"), not an address.
  if (!/^(?:https?:\/\/|www\.)/i.test(t) && /^\s+\S/.test(t.slice(m[0].length))) return null;
  const h = hostInfo(m[1]);
  return h.isIcann && h.registrableDomain ? h : null;
}

/** The link text shows one site (`https://www.amazon.co.jp/`) but the link goes to another. */
export default defineRule({
  meta: {
    id: 'links/text-domain-mismatch',
    family: 'links',
    category: 'phishing',
    weight: 25,
    description: {
      ja: 'リンクの文字として表示されているアドレスと、実際のリンク先が違う',
      en: 'The address shown as the link text is not where the link goes',
    },
  },
  check({ links, brands, data, senderBrand }) {
    const found: { link: WebLink; shownAs: HostInfo; brandShown: boolean }[] = [];
    for (const link of webLinks(links)) {
      const shownAs = shownHost(link.text);
      const dest = link.host.registrableDomain ?? link.host.host;
      if (!shownAs || !dest || shownAs.registrableDomain === dest) continue;
      const shownBrand = brandOfDomain(brands, shownAs.registrableDomain);
      const destBrand = brandOfDomain(brands, dest);
      // The same company under another of its domains (amazon.co.jp → amazon.com).
      if (shownBrand && destBrand?.id === shownBrand.id) continue;
      // A genuine brand mail's own click tracking: its sender domains or a shared mail provider.
      if (senderBrand && (destBrand?.id === senderBrand.id || findHost(link.host.host, data.hosts.sharedEsp)))
        continue;
      // Newsletters route shown URLs through their mail provider's click tracking.
      if (!shownBrand && findHost(link.host.host, data.hosts.sharedEsp)) continue;
      found.push({ link, shownAs, brandShown: shownBrand !== null });
    }
    if (!found.length) return null;
    found.sort((a, b) => Number(b.brandShown) - Number(a.brandShown));
    const first = found[0] as (typeof found)[number];
    return {
      weight: first.brandShown ? 30 : 5,
      evidence: found
        .slice(0, 3)
        .map((f) => ({ ...linkEvidence(f.link), value: `${f.link.text} → ${f.link.destination}` })),
      message: {
        ja: `リンクには ${first.shownAs.unicodeHost} と表示されていますが、実際には別のサイト ${shown(first.link)} に移動します`,
        en: `The link shows ${first.shownAs.unicodeHost}, but really goes to a different site, ${shown(first.link)}`,
      },
      links: found.map((f) => f.link),
    };
  },
});
