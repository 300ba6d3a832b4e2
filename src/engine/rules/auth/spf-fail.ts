import { defineRule } from '../../rule.js';

/** The envelope sender's own SPF record says the connecting server may not send for it. */
export default defineRule({
  meta: {
    id: 'auth/spf-fail',
    family: 'auth',
    category: 'phishing',
    weight: 10,
    description: {
      ja: '送信サーバーが、送信元ドメインのSPFで許可されていない',
      en: "The sending server is not allowed by the envelope domain's SPF record",
    },
    references: ['https://www.rfc-editor.org/rfc/rfc7208'],
  },
  check({ sender }) {
    const clause = sender.trusted?.results.clauses.find((c) => c.method === 'spf');
    if (!sender.trusted || !clause || (clause.result !== 'fail' && clause.result !== 'softfail')) return null;
    const domain = clause.props['smtp.mailfrom'] ?? clause.props['smtp.helo'] ?? '';
    return {
      weight: clause.result === 'fail' ? 10 : 5,
      evidence: [{ kind: 'header', value: sender.trusted.header, where: sender.trusted.receiver.id }],
      message: {
        ja: `送信元 ${domain} のSPFは、このメールを送ったサーバーを許可していません（spf=${clause.result}）`,
        en: `${domain}'s SPF record does not allow the server that sent this (spf=${clause.result})`,
      },
    };
  },
});
