import { brandOfDomain } from '../../analysis/brands.js';
import { escapeRegExp } from '../../analysis/text.js';
import { hostInfo } from '../../analysis/url.js';
import { defineRule } from '../../rule.js';

/** Suffixes a company's address plausibly ends in; a local part like `taro.name` is a name, not a domain. */
// Country codes that double as words (`contact.us`, `answer.me`) are left out on purpose.
const DOMAIN_SUFFIXES = new Set([
  'com',
  'net',
  'org',
  'jp',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'lg.jp',
  'ed.jp',
  'gr.jp',
  'co.uk',
  'com.au',
  'com.cn',
  'co.kr',
  'com.tw',
]);

/** `amazon.co.jp@xyz.top`: the address begins with a famous domain so that a glance reads it as the sender. */
export default defineRule({
  meta: {
    id: 'sender/brand-domain-in-local-part',
    family: 'sender',
    category: 'phishing',
    weight: 35,
    description: {
      ja: '差出人アドレスの「@」の前に別の会社のドメイン名が書かれている（例: amazon.co.jp@xyz.top）',
      en: "The part before the @ of the sender's address is another company's domain (e.g. amazon.co.jp@xyz.top)",
    },
  },
  check({ message, brands, sender }) {
    const address = message.from?.address;
    const local = address?.split('@')[0]?.toLowerCase();
    if (!address || !local || !sender.fromRegistrable || !local.includes('.')) return null;
    const owner = brandOfDomain(brands, sender.fromRegistrable);
    const evidence = [{ kind: 'address' as const, value: address, where: 'from' }];
    // A catalogued brand's domain anywhere in the local part, as a whole token.
    for (const [domain, brand] of brands.byDomain) {
      if (brand.id === owner?.id) continue;
      if (!new RegExp(`(?:^|[._+=-])${escapeRegExp(domain)}(?:$|[._+=-])`).test(local)) continue;
      return {
        evidence,
        message: {
          ja: `差出人アドレス ${address} は「${domain}」で始まるように見えますが、実際の送信ドメインは「@」の後ろの ${sender.fromDomain} で、${brand.name.ja}のものではありません`,
          en: `The sender ${address} seems to start with "${domain}", but the real domain is the part after the @, ${sender.fromDomain}, which is not ${brand.name.en}'s`,
        },
      };
    }
    // Any other domain written as the whole local part: `yodobashi.com@…`, `info.example.co.jp@…`.
    if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(local)) return null;
    const h = hostInfo(local);
    if (!h.registrableDomain || !h.isIcann || !DOMAIN_SUFFIXES.has(h.publicSuffix ?? '')) return null;
    if ((h.domainLabel ?? '').length < 3 || h.subdomain.split('.').filter(Boolean).length > 1) return null;
    if (h.registrableDomain === sender.fromRegistrable) return null;
    return {
      weight: 20,
      evidence,
      message: {
        ja: `差出人アドレス ${address} の「@」の前はドメイン名「${local}」の形をしていますが、実際の送信ドメインは「@」の後ろの ${sender.fromDomain} です`,
        en: `The part before the @ of ${address} is written as the domain "${local}", but the real sending domain is the part after the @, ${sender.fromDomain}`,
      },
    };
  },
});
