import { defineRule } from '../../rule.js';
import {
  findHost,
  firstDistinct,
  linkEvidence,
  manySites,
  shown,
  unbranded,
  type WebLink,
  webLinks,
} from './common.js';

/** Pages on free hosting, dynamic DNS or tunnels: anyone can put up a sign-in page there in a minute. */
export default defineRule({
  meta: {
    id: 'links/free-hosting',
    family: 'links',
    category: 'phishing',
    weight: 15,
    description: {
      ja: 'リンク先が誰でも無料で作れるサイト（無料ホスティング・ダイナミックDNS・トンネル）',
      en: 'A link goes to free hosting, dynamic DNS or a tunnel that anyone can set up',
    },
  },
  check({ message, brands, links, data, senderBrand }) {
    const found: { link: WebLink; service: string; dynamic: boolean }[] = [];
    for (const link of webLinks(links)) {
      const dyn = findHost(link.host.host, data.hosts.dynamicDns);
      const free = dyn ? null : findHost(link.host.host, data.hosts.freeHosting);
      // The service's own pages (www.github.io, duckdns.org itself) are not someone's site.
      const service = dyn ?? free;
      if (!service || link.host.host === service || link.host.host === `www.${service}`) continue;
      found.push({ link, service, dynamic: dyn !== null });
    }
    if (!found.length) return null;
    found.sort((a, b) => Number(b.dynamic) - Number(a.dynamic));
    const first = found[0] as (typeof found)[number];
    const digest = message.kind === 'email' && manySites(unbranded(links, brands));
    const weight = first.dynamic ? (digest ? 10 : 25) : senderBrand || digest ? 5 : 15;
    return {
      weight,
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: first.dynamic
        ? {
            ja: `リンク先 ${shown(first.link)} は、誰でも無料で取得できる一時的なアドレス（${first.service}）です。企業の正式なサイトではありません`,
            en: `The link goes to ${shown(first.link)}, a free throw-away address (${first.service}) anyone can get; it is not a company's real site`,
          }
        : {
            ja: `リンク先 ${shown(first.link)} は、誰でも無料でページを作れるサービス（${first.service}）上にあります`,
            en: `The link goes to ${shown(first.link)}, on a free hosting service (${first.service}) where anyone can put up a page`,
          },
      links: found.map((f) => f.link),
    };
  },
});
