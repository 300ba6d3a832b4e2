import { defineRule } from '../../rule.js';
import { registrable, sameOrganisation } from './org.js';

/** A weak hint: the bounce address (envelope sender) of a brand-speaking mail belongs to someone else. */
export default defineRule({
  meta: {
    id: 'sender/return-path-mismatch',
    family: 'sender',
    category: 'phishing',
    weight: 5,
    description: {
      ja: 'ブランドを名乗るメールの送信元（Return-Path）が差出人とは無関係なドメイン',
      en: "A brand-speaking mail's envelope sender (Return-Path) is an unrelated domain",
    },
  },
  check({ message, brands, claims, sender, senderBrand, data }) {
    const claim = claims[0];
    if (message.kind !== 'email' || senderBrand || !claim || claim.score < 4) return null;
    const rp = registrable(message.returnPath);
    const from = sender.fromRegistrable;
    if (!rp || !from || sameOrganisation(rp, from, brands)) return null;
    // Bulk mail services bounce to their own domain for every customer: that says nothing.
    if (data.hosts.sharedEsp.some((d) => rp === d || rp.endsWith(`.${d}`))) return null;
    if ([...claim.brand.officialDomains, ...claim.brand.senderDomains].includes(rp)) return null;
    return {
      evidence: [
        { kind: 'header', value: `Return-Path: <${message.returnPath}>`, where: 'return-path' },
        { kind: 'header', value: `From: ${message.from?.address ?? '(none)'}`, where: 'from' },
      ],
      message: {
        ja: `${claim.brand.name.ja}を名乗るメールですが、実際の送信元（Return-Path）${rp} は差出人 ${sender.fromDomain} と無関係なドメインです`,
        en: `It speaks as ${claim.brand.name.en}, but the envelope sender (Return-Path) ${rp} is unrelated to the From domain ${sender.fromDomain}`,
      },
    };
  },
});
