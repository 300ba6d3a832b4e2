import { defineRule } from '../../rule.js';
import { findHost, firstDistinct, linkEvidence, shown, webLinks } from './common.js';

/** bit.ly and friends hide where a link goes; weak alone, stronger when the message speaks as a brand. */
export default defineRule({
  meta: {
    id: 'links/shortener',
    family: 'links',
    category: 'phishing',
    weight: 8,
    description: {
      ja: 'リンクが短縮URLで、本当の行き先が見えない',
      en: 'A link uses a URL shortener, hiding where it really goes',
    },
  },
  check({ message, links, data, brand, senderBrand }) {
    if (senderBrand) return null;
    const found = webLinks(links)
      .filter((l) => findHost(l.host.host, data.hosts.shorteners))
      .map((link) => ({ link }));
    const first = found[0];
    if (!first) return null;
    const claimed = brand && !brand.officialDomains.includes(first.link.host.registrableDomain ?? '');
    // A bare shortened URL is all there is to judge, and what it leads to cannot be seen without opening it:
    // the honest answer is "be careful", not "no threat found".
    const bare = message.kind === 'url' && first.link.source === 'input';
    if (bare)
      return {
        weight: 30,
        evidence: [linkEvidence(first.link)],
        message: {
          ja: `短縮URL（${shown(first.link)}）のため、本当の行き先をこのURLからは確かめられません。送り主が確かでなければ開かないでください`,
          en: `This is a shortened URL (${shown(first.link)}): where it really leads cannot be checked from the URL itself. Do not open it unless you trust whoever sent it`,
        },
        links: [first.link],
      };
    return {
      weight: claimed ? 15 : 8,
      evidence: firstDistinct(found).map((f) => linkEvidence(f.link)),
      message: claimed
        ? {
            ja: `${brand.name.ja}を名乗りながら、短縮URL（${shown(first.link)}）で本当の行き先を隠しています`,
            en: `It speaks as ${brand.name.en} but hides where its link goes behind a URL shortener (${shown(first.link)})`,
          }
        : {
            ja: `短縮URL（${shown(first.link)}）のため、本当の行き先が分かりません`,
            en: `The link uses a URL shortener (${shown(first.link)}), so you cannot see where it really goes`,
          },
      links: found.map((f) => f.link),
    };
  },
});
