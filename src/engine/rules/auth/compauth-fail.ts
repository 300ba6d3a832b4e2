import { defineRule } from '../../rule.js';

/** Microsoft's composite authentication failed: Exchange Online itself judged the From address unproven. */
export default defineRule({
  meta: {
    id: 'auth/compauth-fail',
    family: 'auth',
    category: 'phishing',
    weight: 20,
    description: {
      ja: 'Microsoftの総合認証（compauth）で差出人が確認できなかった',
      en: "Microsoft's composite authentication (compauth) could not confirm the sender",
    },
    references: ['https://learn.microsoft.com/en-us/defender-office-365/message-headers-eop-mdo'],
  },
  check({ sender }) {
    const clause = sender.trusted?.results.clauses.find((c) => c.method === 'compauth');
    if (!sender.trusted || clause?.result !== 'fail') return null;
    // DMARC fail already says the same, more strongly.
    if (sender.dmarc === 'fail') return null;
    return {
      evidence: [{ kind: 'header', value: sender.trusted.header, where: sender.trusted.receiver.id }],
      message: {
        ja: `受信したMicrosoftのサーバーが、差出人 ${sender.fromDomain ?? ''} を本物と確認できませんでした（compauth=fail）`,
        en: `Microsoft's receiving server could not confirm the sender ${sender.fromDomain ?? ''} (compauth=fail)`,
      },
    };
  },
});
