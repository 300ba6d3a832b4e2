import { defineRule } from '../../rule.js';

/** The receiver checked the From domain's DMARC policy and the message failed it: the From address is forged. */
export default defineRule({
  meta: {
    id: 'auth/dmarc-fail',
    family: 'auth',
    category: 'phishing',
    weight: 40,
    description: {
      ja: '差出人ドメインのDMARC認証に失敗した（差出人アドレスの偽装）',
      en: "The message failed the From domain's DMARC check (forged From address)",
    },
    references: ['https://www.rfc-editor.org/rfc/rfc7489'],
  },
  check({ sender }) {
    if (sender.dmarc !== 'fail' || !sender.trusted) return null;
    return {
      evidence: [{ kind: 'header', value: sender.trusted.header, where: sender.trusted.receiver.id }],
      message: {
        ja: `${sender.trusted.receiver.id} の検査で、差出人ドメイン ${sender.fromDomain} のDMARC認証が失敗しています。差出人は偽装されています`,
        en: `${sender.trusted.receiver.id} found that the message fails DMARC for ${sender.fromDomain}: the From address is forged`,
      },
    };
  },
});
