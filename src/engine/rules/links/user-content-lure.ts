import { brandOfDomain } from '../../analysis/brands.js';
import type { UserContentHost } from '../../data/types.js';
import { defineRule } from '../../rule.js';
import { firstBait, matchEvidence } from '../lure/phrases.js';
import { findHost, hostMatches, linkEvidence, manySites, type WebLink, webLinks } from './common.js';

/** The user-content service a link's page is on, if any: the host (or a user's subdomain of it) and a path under it. */
export function userContentOf(link: WebLink, list: UserContentHost[]): UserContentHost | null {
  const host = link.host.host;
  // Parsed only for a host on the list: most links are not, and a mail may hold hundreds.
  let path: string | null | undefined;
  for (const e of list) {
    if (e.subdomains) {
      if (!hostMatches(host, e.host) || host === e.host || host === `www.${e.host}`) continue;
    } else if (host !== e.host) continue;
    path ??= pathOf(link.destination);
    const page = path;
    if (page === null) return null;
    if (e.paths) {
      // A page under the prefix, not the prefix itself (docs.google.com/forms/ is the service's own start page).
      if (!e.paths.some((p) => page.startsWith(p) && page.length > p.length + 1)) continue;
    } else if (!e.subdomains && page.replace(/\/+$/, '') === '') continue;
    return e;
  }
  return null;
}

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * A form or page on a service anyone can publish on (Google Forms, Microsoft Forms, IPFS, Weebly): the host's good
 * name is the service's, not the page's. It counts when that page is what the message asks the reader to open and the
 * message baits or speaks as a brand other than the service's owner. A URL alone counts only when it is a form.
 */
export default defineRule({
  meta: {
    id: 'links/user-content-lure',
    family: 'links',
    category: 'phishing',
    weight: 15,
    description: {
      ja: '誘い文句や企業名とともに、誰でもページやフォームを公開できるサービス（Google フォームなど）へ誘導している',
      en: 'It baits or speaks as a brand and sends the reader to a page or form on a service anyone can publish on (Google Forms and the like)',
    },
  },
  check(ctx) {
    const { message, links, data, brand, senderBrand, brands } = ctx;
    const list = data.hosts.userContent;
    if (!list?.length || senderBrand) return null;
    const web = webLinks(links);
    const found: { link: WebLink; entry: UserContentHost }[] = [];
    const rest: WebLink[] = [];
    for (const link of web) {
      const entry = userContentOf(link, list);
      if (entry && (message.kind !== 'url' || entry.form)) found.push({ link, entry });
      else if (!entry) rest.push(link);
    }
    const first = found[0];
    if (!first) return null;
    const service = first.entry.service;
    const evidence = [linkEvidence(first.link)];
    const marked = found.map((f) => f.link);

    if (message.kind === 'url') {
      return {
        weight: 8,
        evidence,
        message: {
          ja: `${service} のフォームです。誰でも作れるフォームなので、入力を求める相手が本当に誰なのかは分かりません`,
          en: `It is a form on ${service}, which anyone can make; who is asking for the answers is not shown`,
        },
        links: marked,
      };
    }

    // The user-content page must be the call to action: its sites at least as many as all other sites. Links to
    // known brands' sites and to the service's own other pages are decoration around it (logos, footers).
    const ucHosts = new Set(found.map((f) => f.link.host.host));
    const ucSites = new Set(found.map((f) => f.link.host.registrableDomain));
    const others = new Set(
      rest
        .filter(
          (l) => !ucSites.has(l.host.registrableDomain) && !brandOfDomain(brands, l.host.registrableDomain),
        )
        .map((l) => l.host.host),
    );
    if (ucHosts.size < others.size) return null;
    if (
      message.kind === 'email' &&
      manySites(web.filter((l) => !brandOfDomain(brands, l.host.registrableDomain)))
    )
      return null;

    const bait = firstBait(ctx);
    const claimed = brand && brand.id !== first.entry.owner ? brand : null;
    if (!bait && !claimed) return null;
    if (bait) evidence.push(matchEvidence(ctx, bait));

    let weight = bait && claimed ? 20 : 15;
    // free-hosting already weighs the same link when the service is also on that list (sites.google.com).
    if (findHost(first.link.host.host, data.hosts.freeHosting)) weight -= 5;
    const what = first.entry.form ? { ja: 'フォーム', en: 'form' } : { ja: 'ページ', en: 'page' };
    return {
      weight,
      evidence,
      message: claimed
        ? {
            ja: `${what.ja}は誰でも公開できるサービス（${service}）上にあります。${claimed.name.ja}がそこでパスワードや個人情報を集めることはありません`,
            en: `The ${what.en} is hosted on ${service}, a service anyone can publish on; ${claimed.name.en} would not collect your password or details there`,
          }
        : {
            ja: `誘い文句のあとのリンク先の${what.ja}は、誰でも公開できるサービス（${service}）上にあります。アドレスが有名なサービスでも、作ったのは送り主です`,
            en: `The ${what.en} the message sends you to is hosted on ${service}, a service anyone can publish on; the well-known address says nothing about who made it`,
          },
      links: marked,
    };
  },
});
