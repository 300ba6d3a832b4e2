import { brandOfDomain, sameNameBrand } from '../../analysis/brands.js';
import { hostInfo } from '../../analysis/url.js';
import { defineRule } from '../../rule.js';

/** The message speaks as a brand (subject, body, logos) but does not come from it. */
export default defineRule({
  meta: {
    id: 'brand/impersonation',
    family: 'brand',
    category: 'phishing',
    weight: 15,
    description: {
      ja: 'ブランドを名乗っているが、そのブランドのドメインから送信されていない',
      en: 'The message speaks as a brand but is not sent from its domain',
    },
  },
  check({ message, claims, brands, sender, data }) {
    const claim = claims[0];
    if (message.kind !== 'email' || !claim || claim.score < 4) return null;
    const owner =
      brandOfDomain(brands, sender.fromRegistrable) ??
      (sender.fromRegistrable
        ? sameNameBrand(brands, hostInfo(sender.fromRegistrable), data.hosts.riskyTlds)
        : null);
    // In an inline forward the brand's address is only text the forwarded body shows: nothing proves it.
    const unproven = owner?.id === claim.brand.id && message.forwarded?.how === 'inline';
    if (owner?.id === claim.brand.id && !unproven) return null;
    if (unproven)
      return {
        evidence: [
          ...claim.evidence.slice(0, 3),
          { kind: 'address', value: message.from?.address ?? '(none)', where: 'from' },
        ],
        message: {
          ja: `${claim.brand.name.ja}を名乗っています。差出人 ${message.from?.address ?? '（なし）'} は本文に転送された文字にすぎず、本当に${claim.brand.name.ja}から届いたかは確かめられません`,
          en: `It speaks as ${claim.brand.name.en}; the sender ${message.from?.address ?? '(none)'} is only text in an inline forward, so nothing shows it really came from ${claim.brand.name.en}`,
        },
      };
    return {
      evidence: [
        ...claim.evidence.slice(0, 3),
        { kind: 'address', value: message.from?.address ?? '(none)', where: 'from' },
      ],
      message: {
        ja: `${claim.brand.name.ja}を名乗っていますが、差出人 ${message.from?.address ?? '（なし）'} は${claim.brand.name.ja}のドメインではありません`,
        en: `It speaks as ${claim.brand.name.en}, but the sender ${message.from?.address ?? '(none)'} is not on ${claim.brand.name.en}'s domains`,
      },
    };
  },
});
