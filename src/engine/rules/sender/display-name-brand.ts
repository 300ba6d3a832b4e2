import { brandOfDomain, firstAlias, sameNameBrand, speaksAs } from '../../analysis/brands.js';
import { fold } from '../../analysis/text.js';
import { hostInfo } from '../../analysis/url.js';
import type { Brand } from '../../data/types.js';
import { defineRule } from '../../rule.js';

/**
 * Letters written one by one with blanks, dots or dashes between them ("N.E.T.F.L.I.X", "U P S"): joined back,
 * they are the name a filter would have recognised. Three letters at least, each standing alone.
 */
const SPELLED_OUT = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}](?:[ .·_*-]{1,2}|\s)){2,}[\p{L}\p{N}](?![\p{L}\p{N}])/gu;

/** "Amazon.co.jp <info@azeb.net>": the display name is a brand, the address belongs to someone else. */
export default defineRule({
  meta: {
    id: 'sender/display-name-brand',
    family: 'sender',
    category: 'phishing',
    weight: 30,
    description: {
      ja: '差出人名はブランド名だが、アドレスはそのブランドのものではない',
      en: "The display name is a brand's, the address is not",
    },
  },
  check({ message, brands, sender, data }) {
    const name = message.from?.name;
    if (!name || !sender.fromRegistrable) return null;
    const owner =
      brandOfDomain(brands, sender.fromRegistrable) ??
      sameNameBrand(brands, hostInfo(sender.fromRegistrable), data.hosts.riskyTlds);
    const plain = fold(name);
    const joined = plain.replace(SPELLED_OUT, (run) => run.replace(/[^\p{L}\p{N}]/gu, ''));
    for (const folded of joined === plain ? [plain] : [plain, joined]) {
      const spelled = folded !== plain;
      const other = (a: string) => {
        const brand = brands.aliases.get(a)?.brand;
        return brand !== undefined && brand.id !== owner?.id;
      };
      const alias = firstAlias(brands, folded, other);
      if (alias) {
        const brand = brands.aliases.get(alias)?.brand as Brand;
        // "Fruitgeek Apple Core" is a newsletter about Apple; "Apple Support" speaks as Apple.
        return {
          weight: speaksAs(folded, alias) ? 30 : 12,
          evidence: [{ kind: 'address', value: `${name} <${message.from?.address}>`, where: 'from' }],
          message: {
            ja: `差出人名は「${name}」${spelled ? `（${brand.name.ja}の名前を一文字ずつ区切って書いたもの）` : ''}ですが、アドレスのドメイン ${sender.fromDomain} は${brand.name.ja}のものではありません`,
            en: `The sender calls itself "${name}"${spelled ? ` (${brand.name.en}'s name spelled out letter by letter, which filters do not recognise)` : ''}, but ${sender.fromDomain} is not ${brand.name.en}'s domain`,
          },
        };
      }
    }
    return null;
  },
});
