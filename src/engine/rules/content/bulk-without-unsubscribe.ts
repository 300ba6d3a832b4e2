import { headerValues, isListMail } from '../../parse/message.js';
import { defineRule } from '../../rule.js';
import { firstBait, matchEvidence } from '../lure/phrases.js';

/** Beyond a list's own headers, bulk mail that offers a way out or declares itself (RFC 2369, RFC 3834). */
const BULK_HEADERS = ['list-unsubscribe', 'precedence'];

/**
 * Advertising (a link or a picture, and bait in the text) with no List-Unsubscribe header. Since February
 * 2024 Gmail and Yahoo require bulk senders to offer one-click unsubscribe in the header (RFC 2369 / RFC 8058), so
 * real marketing mail carries it; a throwaway sending run does not bother. Weak: a person may forward an offer.
 */
export default defineRule({
  meta: {
    id: 'content/bulk-without-unsubscribe',
    family: 'content',
    category: 'scam',
    weight: 6,
    description: {
      ja: '広告のようなメール（リンクや画像と誘い文句）なのに、配信停止用のヘッダー（List-Unsubscribe）がない',
      en: 'An advertisement (a link or image, and bait) without the List-Unsubscribe header bulk senders must send',
    },
    references: [
      'https://support.google.com/mail/answer/81126',
      'https://www.rfc-editor.org/rfc/rfc8058',
      'https://www.rfc-editor.org/rfc/rfc2369',
    ],
  },
  check(ctx) {
    const { message, links } = ctx;
    if (message.kind !== 'email' || ctx.senderBrand) return null;
    const images = message.htmlDigest?.images ?? 0;
    if (links.length < 1 && images === 0) return null;
    if (isListMail(message) || BULK_HEADERS.some((h) => headerValues(message, h).length > 0)) return null;
    const bait = firstBait(ctx);
    if (!bait) return null;
    const what = [
      links.length ? `${links.length} link${links.length > 1 ? 's' : ''}` : '',
      images ? `${images} image${images > 1 ? 's' : ''}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return {
      evidence: [
        { kind: 'header', value: `List-Unsubscribe: (none); ${what}`, where: 'header' },
        matchEvidence(ctx, bait),
      ],
      message: {
        ja: `${bait.lure.label.ja}の文言（「${bait.phrase}」）がある広告のようなメールですが、大量送信者に義務づけられている配信停止用のヘッダー（List-Unsubscribe）がありません。使い捨ての送信元からの一斉送信によく見られます`,
        en: `An advertisement with ${bait.lure.label.en} wording ("${bait.phrase}") but no List-Unsubscribe header, which the large mailbox providers require of bulk senders: typical of a throwaway sending run`,
      },
    };
  },
});
