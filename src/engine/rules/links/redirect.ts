import { hostInfo } from '../../analysis/url.js';
import { defineRule } from '../../rule.js';
import { firstDistinct, hostMatches, linkEvidence, shown, type WebLink, webLinks } from './common.js';

/** A redirector (google.com/url?q=…, an open redirect) that sends the reader on to a different site. */
export default defineRule({
  meta: {
    id: 'links/redirect',
    family: 'links',
    category: 'phishing',
    weight: 10,
    description: {
      ja: 'リンクが別サイトを経由して、表示とは違うサイトへ転送される',
      en: 'A link passes through a redirector to a different site',
    },
  },
  check({ links, data, senderBrand }) {
    if (senderBrand) return null;
    const named = Object.keys(data.hosts.redirectors);
    const found: { link: WebLink; via: string }[] = [];
    for (const link of webLinks(links)) {
      // Wrappers the reader's own mail security adds (data.hosts.securityWrappers) say nothing about the sender.
      const via = link.via.filter((h) => !data.hosts.securityWrappers.some((w) => hostMatches(h, w)));
      const outer = via[0];
      if (!outer || !link.host.registrableDomain) continue;
      if (hostInfo(outer).registrableDomain === link.host.registrableDomain) continue;
      // Named redirectors are abused on purpose; a tracker passing a URL on is common in newsletters.
      if (
        !named.some((n) => hostMatches(outer, n)) &&
        !/^https?:\/\/[^/]+\/+(?:url|redirect|redir|out|away|link|r)\b/i.test(link.href)
      )
        continue;
      found.push({ link, via: outer });
    }
    const first = found[0];
    if (!first) return null;
    return {
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: {
        ja: `リンクは ${first.via} を経由して、別のサイト ${shown(first.link)} へ転送されます`,
        en: `The link passes through ${first.via} and sends you on to a different site, ${shown(first.link)}`,
      },
      links: found.map((f) => f.link),
    };
  },
});
