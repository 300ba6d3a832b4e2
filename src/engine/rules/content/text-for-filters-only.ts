import { defineRule } from '../../rule.js';
import { hiddenLetters, MIN_HIDDEN } from './hidden-text.js';

/**
 * The reader sees only pictures; every word of the mail is styled invisible. The text exists for the filters alone,
 * so what a filter reads and what a person sees are two different messages: cloaking, not just bulk mail. Counted as
 * deception (content/hidden-text keeps the cases where some text is shown).
 */
export default defineRule({
  meta: {
    id: 'content/text-for-filters-only',
    family: 'content',
    category: 'phishing',
    weight: 18,
    description: {
      ja: '読む人には画像しか見えず、文字はすべて隠されている（フィルターに見せる文面と人に見せる内容が別物）',
      en: 'The reader sees only pictures and every word is hidden: what filters read and what people see differ',
    },
  },
  check({ message }) {
    const d = message.htmlDigest;
    if (!d || d.images === 0) return null;
    const { hidden, letters, visible } = hiddenLetters(d);
    if (letters < MIN_HIDDEN || visible > 25) return null;
    return {
      evidence: [
        { kind: 'phrase', value: `${hidden.slice(0, 80)}${hidden.length > 80 ? '…' : ''}`, where: 'html' },
      ],
      message: {
        ja: `読む人には画像しか見えませんが、メールには画面に表示されない文字が${letters}文字あります。フィルターには別の文面を読ませ、人には画像を見せる偽装です`,
        en: `The reader sees only pictures, yet the mail hides ${letters} characters of text: filters are shown one message and people another`,
      },
    };
  },
});
