import { defineRule } from '../../rule.js';
import { findHost, firstDistinct, linkEvidence, shown, type WebLink, webLinks } from './common.js';

// Consonant pairs that are common in English and romanised Japanese or Chinese; others are rare in real names.
const COMMON_PAIRS = new Set(
  (
    'bl br ch ck cl cr ct dr fl fr gh gl gr kn ld lf lk ll lm lp ls lt mb mp nc nd ng nk ns nt ph pl pr ps pt ' +
    'rb rc rd rg rk rl rm rn rp rs rt sc sh sk sl sm sn sp st sw th tr ts tw wh wr nn ss tt mm pp ff rr dd gg ' +
    'bb cc zz ft xt lv nf ng nj nz rv sq tch zh dg gn mn lc rf rh tl ws wn wl'
  ).split(' '),
);
const VOWEL = /[aeiouy]/;

/** How random a host label looks, 0 (word-like) to 2 (machine-made): `qpkwucj`, `1g2st61go`. */
export function randomness(label: string): number {
  const s = label.toLowerCase();
  if (s.length < 5 || s.startsWith('xn--') || !/^[a-z0-9]+$/.test(s)) return 0;
  // Letters and digits interleaved (not a trailing number like shop24 or a leading one like 7eleven).
  const switches = (s.match(/[a-z](?=\d)|\d(?=[a-z])/g) ?? []).length;
  if (switches >= 3 && s.length >= 6) return 2;
  const letters = s.replace(/\d/g, '');
  if (letters.length < 5) return switches >= 2 && s.length >= 7 ? 1 : 0;
  let rare = 0;
  for (let i = 0; i + 1 < letters.length; i++) {
    const a = letters[i] as string;
    const b = letters[i + 1] as string;
    if (!VOWEL.test(a) && !VOWEL.test(b) && !COMMON_PAIRS.has(a + b)) rare++;
  }
  const vowels = (letters.match(/[aeiou]/g) ?? []).length / letters.length;
  const ratio = rare / (letters.length - 1);
  if ((rare >= 3 && ratio >= 0.3) || (rare >= 2 && vowels <= 0.15)) return 2;
  if (rare >= 2 && ratio >= 0.25) return switches >= 1 ? 2 : 1;
  if (switches >= 2 && s.length >= 7) return 1;
  return 0;
}

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
