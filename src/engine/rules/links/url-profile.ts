import { type BrandIndex, brandOfDomain } from '../../analysis/brands.js';
import type { HostLists } from '../../data/types.js';
import { defineRule } from '../../rule.js';
import { findHost, linkEvidence, shown, type WebLink, webLinks } from './common.js';
import { domainSigns } from './url-signs/domain-kind.js';
import { hostSigns } from './url-signs/host-name.js';
import { structureSigns } from './url-signs/host-structure.js';
import { payloadSigns } from './url-signs/path-payload.js';
import { pathSigns } from './url-signs/path-shape.js';
import { readUrl, type Sign, type Signs, type Tally } from './url-signs/url-parts.js';

/** The signs of a throw-away phishing URL in one link, by kind (the detectors in ./url-signs/, in this order). */
export function urlSigns(link: WebLink, hosts: HostLists, brands: BrandIndex): Signs {
  const u = readUrl(link, hosts);
  const t: Tally = { found: new Map(), extra: 0 };
  domainSigns(u, t, hosts);
  hostSigns(u, t, hosts);
  structureSigns(u, t, hosts);
  pathSigns(u, t, brands);
  payloadSigns(u, t);
  return { found: t.found, points: t.extra + t.found.size };
}

const LABEL: Record<Sign, { ja: string; en: string }> = {
  tld: { ja: '詐欺に多いトップレベルドメイン', en: 'a top-level domain common in phishing' },
  host: { ja: '無意味な文字列のホスト名', en: 'a meaningless host name' },
  hosting: { ja: '誰でも作れる無料サービス上のアドレス', en: 'an address on a free service anyone can use' },
  path: {
    ja: 'ログインページや詐欺キットに典型的なパス',
    en: 'a path typical of sign-in pages or phishing kits',
  },
  structure: { ja: '不自然に深い、または不自然なサブドメイン', en: 'unusually deep or odd subdomains' },
  bare: {
    ja: 'ページの指定がなく、使い捨てに見えるアドレスだけのリンク',
    en: 'a bare address with no page, the whole lure being a throw-away name',
  },
};

/**
 * A bare URL (what a user pastes into `sagicheck url`) carries no sender and no text: its shape is all the evidence.
 * Several independent signs together (a TLD common in phishing, a machine-made host name, a kit's page) are what a
 * throw-away phishing URL looks like; each alone is common on ordinary sites, and the other link rules weigh them.
 */
export default defineRule({
  meta: {
    id: 'links/url-profile',
    family: 'links',
    category: 'phishing',
    weight: 30,
    description: {
      ja: 'URL の形（ドメインの種類・ホスト名・パス）に、使い捨ての詐欺サイトの特徴が複数重なっている',
      en: 'The URL combines several traits of throw-away phishing sites (its domain, host name and path)',
    },
  },
  check({ message, links, data, brands }) {
    if (message.kind !== 'url') return null;
    let best: { link: WebLink; signs: Signs } | null = null;
    for (const link of webLinks(links)) {
      if (link.source !== 'input' || brandOfDomain(brands, link.host.registrableDomain)) continue;
      if (findHost(link.host.host, data.hosts.sharedEsp)) continue;
      const signs = urlSigns(link, data.hosts, brands);
      if (!best || signs.points > best.signs.points) best = { link, signs };
    }
    if (!best || best.signs.points < 2) return null;
    const n = best.signs.found.size;
    const parts = [...best.signs.found.entries()];
    return {
      // Two independent kinds of evidence, or one strong kind (a machine-made name, a planted page, a disguised
      // address), are enough to warn about a URL on its own; each weak kind alone is common on ordinary sites.
      weight: 30,
      evidence: [linkEvidence(best.link)],
      message: {
        ja: `URL ${shown(best.link)} には使い捨ての詐欺サイトの特徴が${n > 1 ? `${n}つ重なって` : '強く表れて'}います: ${parts.map(([k, v]) => `${LABEL[k].ja}（${v}）`).join('、')}`,
        en: `The URL ${shown(best.link)} combines ${n > 1 ? n : 'strong'} traits of throw-away phishing sites: ${parts.map(([k, v]) => `${LABEL[k].en} (${v})`).join(', ')}`,
      },
      links: [best.link],
    };
  },
});
