import { brandOfDomain } from '../../analysis/brands.js';
import { defineRule } from '../../rule.js';
import {
  CREDENTIAL_PATH,
  findHost,
  firstDistinct,
  linkEvidence,
  shown,
  type WebLink,
  webLinks,
} from './common.js';

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname);
  } catch {
    return '';
  }
}

/** A sign-in, verification or payment page (`/ap/signin`, `/login.php`) on a site that belongs to no known brand. */
export default defineRule({
  meta: {
    id: 'links/credential-path',
    family: 'links',
    category: 'phishing',
    weight: 10,
    description: {
      ja: 'リンク先がログイン・本人確認・支払いのページに見えるが、企業の正式なサイトではない',
      en: 'A link goes to a sign-in, verification or payment page on a site that is not a known company’s',
    },
  },
  check({ message, links, brands, data, senderBrand }) {
    // In an e-mail, newsletters link to many sites' account pages; brand-link-unofficial judges e-mail links.
    if (senderBrand || message.kind === 'email') return null;
    const found: { link: WebLink; what: string }[] = [];
    for (const link of webLinks(links)) {
      if (brandOfDomain(brands, link.host.registrableDomain)) continue;
      if (findHost(link.host.host, data.hosts.sharedEsp)) continue;
      const path = pathOf(link.destination);
      const m = CREDENTIAL_PATH.exec(path);
      // A PHP page at the site root is how most phishing kits are served (signin.php, index.php?id=…).
      const kit =
        /\/(?:wp-(?:content|includes|admin)\/|[^/]*\.(?:php|aspx?)$)/i.test(path) &&
        /[?]|\.php$/i.test(link.destination);
      // A brand's name as a page of someone else's site: /aeon, /myjcb/inf, /rakuten/login.
      const brandPage = path
        .toLowerCase()
        .split(/[/._-]+/)
        .find((t) => t.length >= 4 && brands.keywords.some((k) => k.keyword === t));
      if (m || brandPage || (kit && link.source === 'input'))
        found.push({ link, what: m?.[0].replace(/^[/._-]/, '') ?? brandPage ?? path });
    }
    const first = found[0];
    if (!first) return null;
    return {
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: {
        ja: `リンク先 ${shown(first.link)} はログインや本人確認のページ（${first.what}）に見えますが、企業の正式なサイトではありません。ID やパスワードを入力しないでください`,
        en: `The link goes to what looks like a sign-in or verification page (${first.what}) on ${shown(first.link)}, which is not a known company's site; do not enter your ID or password there`,
      },
      links: found.map((f) => f.link),
    };
  },
});
