import { brandOfDomain } from '../../analysis/brands.js';
import { defineRule } from '../../rule.js';
import { findHost, firstDistinct, linkEvidence, shown, type WebLink, webLinks } from './common.js';

// A domain ending written inside the subdomain: `xxx.co.jp.evil.cn`, `eki-co-jp-login.evil.cn`, `shop.com.evil.top`,
// `amazon-com-jp.evil.top`. A lone country or generic tag joined by a hyphen (`rakuten-jp`, `eki-net`) does not
// read as a domain — it is a brand name dressed up, which brand-imitation-host judges — and a subdomain that is
// only `jp` or `www.jp` is a site's Japanese section (jp.example.com).
const FAKE_SUFFIX =
  /(?:^|[.-])(?:co|ne|or|go|ac|ed|gr|lg)[.-]jp(?:$|[.-]|login|signin|member)|(?:^|\.)(?!www\.)[a-z0-9-]+\.(?:com|net|org|jp)(?:[.-](?:jp|cn))?$|-(?:com|net|org)-(?:jp|cn)$/;

/** The host starts with what looks like a complete address (`aeon.co.jp.`) but the real domain comes after it. */
export default defineRule({
  meta: {
    id: 'links/domain-in-subdomain',
    family: 'links',
    category: 'phishing',
    weight: 25,
    description: {
      ja: 'リンク先のアドレスの前半に別のドメイン（.co.jp など）を書き、本当のドメインを後ろに隠している',
      en: 'The host starts with what looks like another address (.co.jp …) and hides the real domain after it',
    },
  },
  check({ message, links, brands, data }) {
    const found: { link: WebLink; fake: string }[] = [];
    for (const link of webLinks(links)) {
      const h = link.host;
      if (h.isIp || !h.subdomain || !h.registrableDomain) continue;
      if (brandOfDomain(brands, h.registrableDomain) || findHost(h.host, data.hosts.sharedEsp)) continue;
      // Mirrors and CDNs under a private suffix name hosts after the site they serve.
      if (!h.isIcann) continue;
      if (FAKE_SUFFIX.test(h.subdomain)) found.push({ link, fake: h.subdomain });
    }
    const first = found[0];
    if (!first) return null;
    return {
      // A deliberate deception on its own; for a bare URL, with nothing else to weigh, it alone says "be careful".
      weight: message.kind === 'url' ? 30 : 25,
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: {
        ja: `リンク先 ${shown(first.link)} は「${first.fake}」で始まり正規のアドレスに見せかけていますが、本当のドメインは ${first.link.host.registrableDomain} です`,
        en: `The link to ${shown(first.link)} starts with "${first.fake}" to look like a real address, but the actual domain is ${first.link.host.registrableDomain}`,
      },
      links: found.map((f) => f.link),
    };
  },
});
