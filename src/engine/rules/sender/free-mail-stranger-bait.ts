import type { LureKind } from '../../data/types.js';
import { isListMail } from '../../parse/message.js';
import { defineRule } from '../../rule.js';
import { findLures, matchEvidence } from '../lure/phrases.js';
import { isFreeMail } from './org.js';

/** Bait that only works on a reader who answers a stranger: money stories, winnings, romance, investments. */
const STRANGER_BAIT: readonly LureKind[] = ['advance-fee', 'prize', 'romance', 'get-rich', 'crypto'];

/**
 * A personal mail from a free mail account carrying a stranger's money or romance story: an inheritance to share, a
 * donation, winnings, a lonely heart, an investment. Organisations that really pay out or match people write from
 * their own domain; the free account costs the fraudster nothing and is dropped when reported.
 */
export default defineRule({
  meta: {
    id: 'sender/free-mail-stranger-bait',
    family: 'sender',
    category: 'scam',
    weight: 14,
    description: {
      ja: '無料メールのアカウントから、相続・寄付・当選・出会い・投資など見知らぬ相手の金銭や恋愛の話が届いている',
      en: 'A free mail account brings a stranger’s money or romance story (inheritance, donation, winnings, dating, investment)',
    },
  },
  check(ctx) {
    const { message, sender, data } = ctx;
    if (message.kind !== 'email' || ctx.senderBrand || isListMail(message)) return null;
    if (!isFreeMail(sender.fromRegistrable, data.hosts)) return null;
    const bait = findLures(ctx, STRANGER_BAIT, { perKind: 1, skipNegated: true })[0];
    if (!bait) return null;
    return {
      evidence: [
        { kind: 'address', value: message.from?.address ?? '', where: 'from' },
        matchEvidence(ctx, bait),
      ],
      message: {
        ja: `無料メールのアドレス ${message.from?.address ?? ''} から、${bait.lure.label.ja}の話（「${bait.phrase}」）が届いています。実際に支払いや紹介をする組織は自分のドメインから送ります`,
        en: `The free mail account ${message.from?.address ?? ''} brings ${bait.lure.label.en} ("${bait.phrase}"); organisations that really pay out or introduce people write from their own domain`,
      },
    };
  },
});
