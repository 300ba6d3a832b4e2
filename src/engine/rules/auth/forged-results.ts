import { defineRule } from '../../rule.js';

/** Authentication-Results that name a trusted receiver but were not written at its hop: the sender wrote them. */
export default defineRule({
  meta: {
    id: 'auth/forged-results',
    family: 'auth',
    category: 'phishing',
    weight: 35,
    description: {
      ja: '送信者が受信サーバーの認証結果を偽装したヘッダーを入れている',
      en: "The sender inserted Authentication-Results that pretend to be a trusted receiver's",
    },
    references: ['https://www.rfc-editor.org/rfc/rfc8601#section-5'],
  },
  check({ sender }) {
    const forged = (sender.trusted?.ignored ?? []).filter((h) => /=\s*pass/i.test(h));
    if (forged.length === 0) return null;
    return {
      evidence: forged.slice(0, 3).map((value) => ({ kind: 'header' as const, value })),
      message: {
        ja: `${sender.trusted?.receiver.id} が書いたように見せかけた「pass」の認証結果があります。受信サーバー自身の結果ではないため無視しました`,
        en: `A "pass" result posing as ${sender.trusted?.receiver.id}'s was not written at its hop; it was ignored`,
      },
    };
  },
});
