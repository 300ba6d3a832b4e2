import { defineRule } from '../../rule.js';
import {
  firstDistinct,
  linkEvidence,
  manySites,
  shown,
  unbranded,
  type WebLink,
  webLinks,
} from './common.js';

/** A top-level domain where reports show a high share of phishing domains (data/hosts.json cites them). */
export default defineRule({
  meta: {
    id: 'links/risky-tld',
    family: 'links',
    category: 'phishing',
    weight: 8,
    description: {
      ja: 'リンク先が、詐欺サイトに多く使われているトップレベルドメイン（.top など）',
      en: 'A link uses a top-level domain with a high share of phishing sites (.top and others)',
    },
    references: ['https://www.cybercrimeinfocenter.org/phishing-activity-in-tlds-may-april-2025'],
  },
  check({ message, brands, links, data, senderBrand }) {
    if (senderBrand) return null;
    const risky = new Set(data.hosts.riskyTlds.map((t) => t.toLowerCase().replace(/^\./, '')));
    const found: { link: WebLink; tld: string }[] = [];
    for (const link of webLinks(links)) {
      if (link.host.isIp) continue;
      const tld = link.host.host.split('.').pop() ?? '';
      if (risky.has(tld)) found.push({ link, tld });
    }
    const first = found[0];
    if (!first) return null;
    return {
      weight: message.kind === 'email' && manySites(unbranded(links, brands)) ? 3 : 8,
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: {
        ja: `リンク先 ${shown(first.link)} のドメイン（.${first.tld}）は、詐欺サイトによく使われるものです（これだけで詐欺とは言えません）`,
        en: `The link goes to ${shown(first.link)}; .${first.tld} domains are often used for phishing (not proof on its own)`,
      },
      links: found.map((f) => f.link),
    };
  },
});
