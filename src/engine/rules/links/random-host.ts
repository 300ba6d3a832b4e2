import { randomness } from '../../analysis/url.js';
import { defineRule } from '../../rule.js';

export { randomness };

import { findHost, firstDistinct, linkEvidence, shown, type WebLink, webLinks } from './common.js';

/** Host names that look machine-made (`www.qpkwucj.cn`, `1g2st61go.duckdns.org`): phishing kits register them by the hundred. */
export default defineRule({
  meta: {
    id: 'links/random-host',
    family: 'links',
    category: 'phishing',
    weight: 8,
    description: {
      ja: 'リンク先のドメイン名が、機械的に作られたような無意味な文字列',
      en: "A link's host name looks like a random, machine-made string",
    },
  },
  check({ message, links, data, senderBrand }) {
    if (senderBrand) return null;
    // An e-mail links to many third-party sites, some with odd names; a URL or SMS link is the whole story.
    const cap = message.kind === 'email' ? 5 : 20;
    const found: { link: WebLink; label: string; score: number }[] = [];
    for (const link of webLinks(links)) {
      const h = link.host;
      if (h.isIp || !h.domainLabel) continue;
      // Mail providers and CDNs name hosts with hashes; that says nothing about the sender.
      if (findHost(h.host, data.hosts.sharedEsp)) continue;
      // Under a private suffix (cloudfront.net, s3.amazonaws.com) the provider often names the host with a hash;
      // under free hosting or dynamic DNS the user picks the name, so it counts like a registered domain.
      const userNamed =
        h.isIcann ||
        findHost(h.host, data.hosts.freeHosting) !== null ||
        findHost(h.host, data.hosts.dynamicDns) !== null;
      const label = h.domainLabel.split('.').pop() ?? '';
      const own = userNamed ? randomness(label) : 0;
      // Subdomain labels count less: CDNs and trackers use hashes there.
      const subLabels = userNamed ? h.subdomain.split('.') : [...h.subdomain.split('.'), label];
      const sub = Math.max(0, ...subLabels.map((l) => randomness(l)));
      // Phishing kits append a random word as a bare query (`/?jdbzv`) to tell their targets apart.
      const query = /\?([a-z]{5,12})$/i.exec(link.destination)?.[1] ?? '';
      const tagged = randomness(query) >= 1 ? 1 : 0;
      const score = own * 2 + (userNamed ? sub : Math.min(sub, 1)) + tagged;
      if (score >= 2) found.push({ link, label: own ? h.domainLabel : h.subdomain, score });
    }
    if (!found.length) return null;
    found.sort((a, b) => b.score - a.score);
    const first = found[0] as (typeof found)[number];
    const weight = first.score >= 5 ? 20 : first.score >= 4 ? 16 : first.score >= 3 ? 12 : 8;
    return {
      weight: Math.min(weight, cap),
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: {
        ja: `リンク先 ${shown(first.link)} の「${first.label}」は意味のない文字列で、使い捨てのドメインによく見られます`,
        en: `The link goes to ${shown(first.link)}; "${first.label}" is a meaningless string, typical of throw-away domains`,
      },
      links: found.map((f) => f.link),
    };
  },
});
