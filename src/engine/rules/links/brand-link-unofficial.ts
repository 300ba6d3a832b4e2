import { brandOfDomain } from '../../analysis/brands.js';
import { defineRule } from '../../rule.js';
import {
  CREDENTIAL_PATH,
  findHost,
  firstDistinct,
  hostList,
  linkEvidence,
  manySites,
  type WebLink,
  webLinks,
} from './common.js';

const ACTION_TEXT =
  /ログイン|サインイン|確認|認証|更新|変更|お支払|支払|決済|カード|アカウント|解除|再開|手続|入力|ご登録|sign\s?in|log\s?in|verify|confirm|update|account|payment|billing|unlock|restore/i;

/** The message speaks as brand X, is not a genuine X mail, and its links go somewhere that is not X's. */
export default defineRule({
  meta: {
    id: 'links/brand-link-unofficial',
    family: 'links',
    category: 'phishing',
    weight: 12,
    description: {
      ja: 'ブランドを名乗るメッセージなのに、リンク先がそのブランドのサイトではない',
      en: "The message speaks as a brand, but its links do not go to the brand's sites",
    },
  },
  check({ message, links, brand, claims, senderBrand, brands, data }) {
    // A URL on its own claims a brand only through its host name, which brand-imitation-host judges.
    if (!brand || senderBrand || message.kind === 'url') return null;
    const claim = claims[0];
    const web = webLinks(links);
    const foreign: { link: WebLink; action: boolean }[] = [];
    let own = 0;
    for (const link of web) {
      const owner = brandOfDomain(brands, link.host.registrableDomain);
      // The brand's own name under another ordinary suffix is the same company or a sister company abroad
      // (news.yahoo.com for Yahoo! JAPAN), as imitation() holds: not a lure.
      const sister =
        link.host.isIcann &&
        brand.domainKeywords.includes(link.host.domainLabel ?? '') &&
        !data.hosts.riskyTlds.includes(link.host.publicSuffix?.split('.').pop() ?? '');
      if (
        owner?.id === brand.id ||
        sister ||
        brand.officialDomains.includes(link.host.registrableDomain ?? '')
      ) {
        own++;
        continue;
      }
      // Links to other companies (a social network button, an app store) are not the lure.
      if (owner || findHost(link.host.host, data.hosts.sharedEsp)) continue;
      const action =
        ACTION_TEXT.test(link.text ?? '') ||
        CREDENTIAL_PATH.test(link.destination.replace(/^[a-z]+:\/\/[^/]+/i, ''));
      foreign.push({ link, action });
    }
    if (!foreign.length) return null;
    const actions = foreign.filter((f) => f.action);
    // The claim must be made where a reader looks first (sender name, subject, SMS text), not in passing
    // (a newsletter that mentions Microsoft), and a sign-in or payment link must lead elsewhere.
    const strong = message.kind !== 'email' || (claim?.score ?? 0) >= 4;
    // A newsletter or digest that writes about a brand links to many unrelated sites; a lure leads to one or two.
    if (
      message.kind === 'email' &&
      manySites(
        foreign.map((f) => f.link),
        5,
        12,
      )
    )
      return null;
    if (!actions.length || !strong || own > actions.length) return null;
    const shownLinks = firstDistinct(actions);
    const hosts = shownLinks.map((f) => f.link.host.unicodeHost);
    return {
      weight: 12,
      evidence: shownLinks.map((f) => linkEvidence(f.link)),
      message: {
        ja: `${brand.name.ja}を名乗っていますが、リンク先（${hostList(hosts, 'ja')}）は${brand.name.ja}のサイトではありません`,
        en: `It speaks as ${brand.name.en}, but its links go to ${hostList(hosts, 'en')}, which ${hosts.length > 1 ? 'are' : 'is'} not ${brand.name.en}'s`,
      },
      links: actions.map((f) => f.link),
    };
  },
});
