import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';
import { isFreeMail, registrable, sameOrganisation } from './org.js';

/** Replies go somewhere other than the sender: to a free mail box, or to a stranger's domain. */
export default defineRule({
  meta: {
    id: 'sender/reply-to-mismatch',
    family: 'sender',
    category: 'phishing',
    weight: 10,
    description: {
      ja: '返信先（Reply-To）が差出人とは別の無料メールや無関係なドメインになっている',
      en: 'Replies go to a free mail account or an unrelated domain, not to the sender',
    },
  },
  check({ message, brands, claims, sender, senderBrand, data }) {
    if (message.kind !== 'email' || !message.replyTo.length || senderBrand) return null;
    const from = sender.fromRegistrable;
    const claim = claims[0];
    // Speaking as the brand in the From line itself, not just mentioning it.
    const speaksAsBrand = claim?.evidence.some((e) => e.where === 'from') === true;
    const strongClaim = speaksAsBrand || (claim?.score ?? 0) >= 4;
    for (const r of message.replyTo) {
      const to = registrable(r.address);
      if (!to || to === from || sameOrganisation(from, to, brands)) continue;
      // The claimed brand's own reply address is not a stranger.
      if (claim && [...claim.brand.officialDomains, ...claim.brand.senderDomains].includes(to)) continue;
      const free = isFreeMail(to, data.hosts);
      // Mailing lists set Reply-To to the list: an unrelated domain alone is everyday mail.
      if (!free && !speaksAsBrand) continue;
      const evidence: Evidence[] = [
        { kind: 'header', value: `Reply-To: ${r.address}`, where: 'reply-to' },
        { kind: 'header', value: `From: ${message.from?.address ?? '(none)'}`, where: 'from' },
      ];
      const weight = strongClaim ? 20 : 10;
      const brandNote = claim && strongClaim ? `${claim.brand.name.ja}を名乗る` : '';
      return {
        weight,
        evidence,
        message: free
          ? {
              ja: `${brandNote}メールの返信先が、差出人 ${message.from?.address ?? ''} とは別の無料メール ${r.address} になっています。返信すると第三者に届きます`,
              en: `Replies ${claim && strongClaim ? `to this ${claim.brand.name.en} message ` : ''}go to a free mail account, ${r.address}, not to the sender ${message.from?.address ?? ''}`,
            }
          : {
              ja: `${brandNote}メールの返信先 ${r.address} は、差出人のドメイン ${sender.fromDomain ?? ''} と関係のないドメインです`,
              en: `Replies ${claim && strongClaim ? `to this ${claim.brand.name.en} message ` : ''}go to ${r.address}, a domain unrelated to the sender ${sender.fromDomain ?? ''}`,
            },
      };
    }
    return null;
  },
});
