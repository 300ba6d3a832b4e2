import { defineRule } from '../../rule.js';
import { isFreeMail, registrable } from '../sender/org.js';

/** A message a trusted receiver proved to come from a brand's own domain is that brand's, whatever its topic. */
export default defineRule({
  meta: {
    id: 'auth/genuine-sender',
    family: 'auth',
    category: 'trust',
    weight: -90,
    description: {
      ja: '信頼できる受信サーバーが、ブランドの正規ドメインからの送信であることを認証した',
      en: "A trusted receiver authenticated the From domain as the brand's own",
    },
    references: ['https://www.rfc-editor.org/rfc/rfc8601', 'https://www.rfc-editor.org/rfc/rfc7489'],
  },
  check({ sender, senderBrand, data }) {
    if (!senderBrand || !sender.trusted || !sender.authenticatedDomain) return null;
    // A brand's free mail service (icloud.com, outlook.com, gmail.com): the proof shows one of its users wrote, not
    // the brand, and anyone can be such a user.
    if (isFreeMail(registrable(sender.authenticatedDomain), data.hosts)) return null;
    return {
      evidence: [{ kind: 'header', value: sender.trusted.header, where: sender.trusted.receiver.id }],
      message: {
        ja: `${sender.trusted.receiver.id} が ${sender.authenticatedDomain}（${senderBrand.name.ja}の正規ドメイン）からの送信を認証しました（${sender.proof}）`,
        en: `${sender.trusted.receiver.id} authenticated ${sender.authenticatedDomain}, ${senderBrand.name.en}'s own domain (${sender.proof})`,
      },
    };
  },
});
