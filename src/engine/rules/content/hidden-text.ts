import { defineRule } from '../../rule.js';

/** Below this, hidden text is a preheader (the preview line newsletters hide at the top). */
export const MIN_HIDDEN = 300;

const measured = new WeakMap<object, { hidden: string; letters: number; visible: number }>();

/**
 * The digest's hidden text with blanks and invisible marks collapsed, its letters and digits, and the visible text's:
 * measured once per message for content/hidden-text and content/text-for-filters-only.
 */
export function hiddenLetters(d: { hiddenText: string; text: string }): {
  hidden: string;
  letters: number;
  visible: number;
} {
  const hit = measured.get(d);
  if (hit) return hit;
  const hidden = d.hiddenText.replace(/(?:[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]|\u034f)+/g, ' ').trim();
  const letters = hidden.replace(/[^\p{L}\p{N}]/gu, '').length;
  const out = {
    hidden,
    letters,
    visible: letters < MIN_HIDDEN ? 0 : d.text.replace(/[^\p{L}\p{N}]/gu, '').length,
  };
  measured.set(d, out);
  return out;
}

/** Text styled invisible: words for spam filters to read and people not to. */
export default defineRule({
  meta: {
    id: 'content/hidden-text',
    family: 'content',
    category: 'spam',
    weight: 8,
    description: {
      ja: '画面に表示されない隠し文字が大量に含まれている（迷惑メールフィルターを欺く手口）',
      en: 'A lot of invisible text (a trick to fool spam filters)',
    },
  },
  check({ message }) {
    const d = message.htmlDigest;
    if (!d) return null;
    const { hidden, letters, visible } = hiddenLetters(d);
    if (letters < MIN_HIDDEN) return null;
    const dominant = letters > visible;
    // Pictures for the reader and every word hidden: content/text-for-filters-only says that (as deception).
    if (visible <= 25 && d.images > 0) return null;
    return {
      weight: dominant ? 12 : 8,
      evidence: [
        { kind: 'phrase', value: `${hidden.slice(0, 80)}${hidden.length > 80 ? '…' : ''}`, where: 'html' },
      ],
      message: {
        ja: `メールには画面に表示されない隠し文字が${letters}文字あります${dominant ? '（表示される文字より多い）' : ''}。迷惑メールフィルターを欺くための手口です`,
        en: `The mail hides ${letters} characters of invisible text${dominant ? ' (more than it shows)' : ''}, a trick to fool spam filters`,
      },
    };
  },
});
