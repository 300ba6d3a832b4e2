import { defineRule } from '../../rule.js';

/**
 * The receiver checked, and nothing proved the From domain: no DMARC pass and no aligned DKIM or SPF pass.
 * Since 2024 the large mailbox providers require every sender to authenticate, so legitimate mail rarely lacks it.
 */
export default defineRule({
  meta: {
    id: 'auth/unauthenticated',
    family: 'auth',
    category: 'phishing',
    weight: 15,
    description: {
      ja: '受信サーバーの検査で、差出人ドメインが認証されなかった（なりすましの可能性）',
      en: 'The receiving server could not authenticate the From domain (it may be forged)',
    },
    references: ['https://support.google.com/a/answer/81126', 'https://www.rfc-editor.org/rfc/rfc7489'],
  },
  check({ sender }) {
    const t = sender.trusted;
    // dmarc=fail has its own, stronger rule; a live DNS check without the connecting IP cannot judge SPF.
    if (!t || sender.authenticatedDomain || sender.dmarc === 'fail' || !sender.fromDomain) return null;
    const dmarc = sender.dmarc ?? 'none';
    return {
      evidence: [{ kind: 'header', value: t.header, where: t.receiver.id }],
      message: {
        ja: `${t.receiver.id} の検査では、差出人ドメイン ${sender.fromDomain} を証明する認証（DMARC・署名）がありませんでした（dmarc=${dmarc}）`,
        en: `${t.receiver.id} found nothing that proves the From domain ${sender.fromDomain} (dmarc=${dmarc}, no aligned DKIM or SPF)`,
      },
    };
  },
});
