import { brandOfDomain } from '../../analysis/brands.js';
import { defineRule } from '../../rule.js';
import { isFreeMail } from './org.js';

/** "Amazon <amazon.support2024@gmail.com>": companies do not write to customers from free mail accounts. */
export default defineRule({
  meta: {
    id: 'sender/free-mail-brand',
    family: 'sender',
    category: 'phishing',
    weight: 25,
    description: {
      ja: '企業を名乗っているのに、無料メール（Gmail、Outlook.jp など）から送られている',
      en: 'The message speaks as a company but is sent from a free mail account (Gmail, Outlook …)',
    },
  },
  check({ message, claims, brands, sender, data }) {
    const claim = claims[0];
    if (message.kind !== 'email' || !claim || !isFreeMail(sender.fromRegistrable, data.hosts)) return null;
    const brand = claim.brand;
    // The mail provider itself (an Outlook notice from outlook.com) is not impersonating anyone.
    if (brandOfDomain(brands, sender.fromRegistrable)?.id === brand.id) return null;
    const ownDomains = [...brand.officialDomains, ...brand.senderDomains];
    if (ownDomains.some((d) => isFreeMail(d, data.hosts))) return null;
    const asSender = claim.evidence.some((e) => e.where === 'from');
    // Ambiguous words ("meta", "line") in a subject are not enough on their own.
    const inSubject = claim.evidence.some(
      (e) => e.where === 'subject' && brands.aliases.get(e.value)?.context === false,
    );
    // A person's free mail that merely mentions a company is ordinary; speaking as it is not.
    if (!asSender && !(inSubject && claim.score >= 4)) return null;
    const address = message.from?.address ?? '';
    return {
      weight: asSender ? 25 : 10,
      evidence: [
        {
          kind: 'address',
          value: `${message.from?.name ? `${message.from.name} ` : ''}<${address}>`,
          where: 'from',
        },
        ...claim.evidence.filter((e) => e.where !== 'from').slice(0, 2),
      ],
      message: {
        ja: `${brand.name.ja}を名乗っていますが、差出人 ${address} は誰でも作れる無料メールのアドレスです。${brand.name.ja}が無料メールから連絡することはありません`,
        en: `It speaks as ${brand.name.en}, but the sender ${address} is a free mail account anyone can open; ${brand.name.en} does not write from free mail`,
      },
    };
  },
});
