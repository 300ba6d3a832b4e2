import { type Imitation, imitation } from '../../analysis/brands.js';
import { defineRule } from '../../rule.js';
import { firstDistinct, linkEvidence, shown, type WebLink, webLinks } from './common.js';

const WEIGHT: Record<Imitation['how'], number> = {
  'brand-domain-in-host': 45,
  confusable: 45,
  lookalike: 40,
  keyword: 35,
};

/** A link's host names or imitates a brand but is not the brand's: amazon.co.jp.sign-in.top, arnazon.co.jp, аmazon.com. */
export default defineRule({
  meta: {
    id: 'links/brand-imitation-host',
    family: 'links',
    category: 'phishing',
    weight: 40,
    description: {
      ja: 'リンク先のドメインがブランドを装っているが、そのブランドのものではない',
      en: "A link's host imitates a brand but does not belong to it",
    },
  },
  check({ message, links, brands, data }) {
    const found: { link: WebLink; im: Imitation }[] = [];
    for (const link of webLinks(links)) {
      const im = imitation(brands, link.host, data.hosts);
      if (im) found.push({ link, im });
    }
    if (!found.length) return null;
    found.sort((a, b) => WEIGHT[b.im.how] - WEIGHT[a.im.how]);
    const top = firstDistinct(found);
    const first = top[0];
    if (!first) return null;
    const { im, link } = first;
    const host = shown(link);
    const puny = link.host.host !== link.host.unicodeHost ? `（${link.host.host}）` : '';
    const punyEn = link.host.host !== link.host.unicodeHost ? ` (${link.host.host})` : '';
    const how: Record<Imitation['how'], { ja: string; en: string }> = {
      'brand-domain-in-host': {
        ja: `「${im.fragment}」をアドレスの一部に含めていますが、実際のリンク先は ${link.host.registrableDomain} です`,
        en: `it contains "${im.fragment}", but the link really goes to ${link.host.registrableDomain}`,
      },
      keyword: {
        ja: `「${im.brand.name.ja}」の名前を含みますが、${im.brand.name.ja}のドメインではありません（${link.host.registrableDomain}）`,
        en: `it contains the name ${im.brand.name.en}, but ${link.host.registrableDomain} is not ${im.brand.name.en}'s domain`,
      },
      lookalike: {
        ja: `「${im.fragment}」は${im.brand.name.ja}に似せた綴りで、${im.brand.name.ja}のドメインではありません`,
        en: `"${im.fragment}" is spelled to look like ${im.brand.name.en}, and is not ${im.brand.name.en}'s domain`,
      },
      confusable: {
        ja: `「${im.fragment}」${puny}は別の文字（他の言語の文字など）で${im.brand.name.ja}に見せかけています`,
        en: `"${im.fragment}"${punyEn} uses look-alike characters from other scripts to read as ${im.brand.name.en}`,
      },
    };
    // In an e-mail, a brand word as a mere subdomain or with a common word glued on (outlook.example.biz,
    // outlooksecure.com) is weaker: many brand keywords are ordinary words, and e-mails link to many sites.
    const weakForm =
      im.how === 'keyword' &&
      message.kind === 'email' &&
      top.length === 1 &&
      (link.host.subdomain.split('.').includes(im.fragment) || link.host.domainLabel === im.fragment);
    return {
      weight: weakForm ? 22 : WEIGHT[im.how],
      evidence: top.map((t) => linkEvidence(t.link)),
      message: {
        ja: `リンク先 ${host} は${im.brand.name.ja}を装った偽のアドレスです: ${how[im.how].ja}`,
        en: `The link to ${host} imitates ${im.brand.name.en}: ${how[im.how].en}`,
      },
      links: found.map((f) => f.link),
    };
  },
});
