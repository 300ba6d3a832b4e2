import { defineRule } from '../../rule.js';

/** How much of the HTML is read: style blocks and inline styles sit near the top of any real mail. */
const HTML_LIMIT = 300_000;
/** A vertical length in CSS: the property and its value (positive; negative indents are a common image trick). */
const TALL =
  /(?<![\w-])(margin-top|padding-top|top|height|min-height|line-height)\s*:\s*(\d{3,})(?:\.\d+)?\s*(px|vh)/gi;

/** Beyond these a box is no layout: 5,000 pixels is several screens, 500vh five full windows. */
function isSpacer(value: number, unit: string): boolean {
  return unit.toLowerCase() === 'vh' ? value >= 500 : value >= 5000;
}

/** Any length of 3+ digits in px or vh: the tail of every TALL match, and no other match runs into that tail. */
const LENGTH = /(\d{3,})(?:\.\d+)?\s*(px|vh)/gi;

/**
 * Whether the text holds a spacer-sized length at all. Most HTML has none, and this scan (on digits) costs about a
 * third of TALL's (on five common letters, each then tested by the look-behind), so TALL runs only when it can fire.
 */
function hasSpacerLength(text: string): boolean {
  LENGTH.lastIndex = 0;
  for (let m = LENGTH.exec(text); m !== null; m = LENGTH.exec(text)) {
    if (isSpacer(Number(m[1]), m[2] ?? 'px')) return true;
  }
  return false;
}

/**
 * A box many screens tall (height: 10000vh, margin-top: 470500px) pushes part of the mail out of anyone's sight:
 * the reader sees the offer on top while the text for spam filters, or the real sender's footer, sits far below.
 * Page layouts never need a spacer that size.
 */
export default defineRule({
  meta: {
    id: 'content/pushed-out-of-view',
    family: 'content',
    category: 'spam',
    weight: 15,
    description: {
      ja: '何画面分もの巨大な余白で、本文の一部を読む人の目に入らない位置へ押し出している',
      en: 'A spacer many screens tall pushes part of the mail out of the reader’s sight',
    },
  },
  check({ message }) {
    const html = message.html;
    if (!html) return null;
    const scan = html.length > HTML_LIMIT ? html.slice(0, HTML_LIMIT) : html;
    if (!hasSpacerLength(scan)) return null;
    TALL.lastIndex = 0;
    for (let m = TALL.exec(scan); m !== null; m = TALL.exec(scan)) {
      const value = Number(m[2]);
      const unit = m[3] ?? 'px';
      if (!isSpacer(value, unit)) continue;
      return {
        evidence: [{ kind: 'phrase', value: m[0], where: 'html' }],
        message: {
          ja: `HTML に「${m[0]}」という何画面分もの余白があり、その下の内容は読む人の目に入りません。フィルターだけに読ませる文言や、本当の送信者の情報を隠す手口です`,
          en: `The HTML sets "${m[0]}", a spacer many screens tall: whatever follows is out of the reader’s sight, a way to show filters text people never see`,
        },
      };
    }
    return null;
  },
});
