import { excerpt } from '../../analysis/text.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';

/**
 * Letters from Unicode's Mathematical Alphanumeric Symbols (𝗢𝗽𝗲𝗻 𝗡𝗼𝘄, 𝐒𝐔𝐂𝐂𝐄𝐒𝐒) and the circled, parenthesised and
 * squared Latin letters (Ⓐ, 🅰): meant for formulas and symbols, they look like bold or styled text to a reader but
 * are other characters to a filter that reads words. Three in a row make a styled word.
 */
const STYLED_RUN = /(?:[\u{1d400}-\u{1d7ff}\u24b6-\u24e9\u{1f130}-\u{1f189}][\s\p{P}\p{N}]*){3,}/u;

/** Where ordinary text has no business using them: the subject, the sender's name, the start of the body. */
const BODY_HEAD = 2000;

/**
 * The subject, sender name or body written in mathematical or enclosed letters: a way to write "Free gift" that a
 * keyword filter does not read as those words. Mail clients show it as bold; screen readers spell it out letter by
 * letter, so ordinary senders avoid it.
 */
export default defineRule({
  meta: {
    id: 'content/styled-letters',
    family: 'content',
    category: 'scam',
    weight: 10,
    description: {
      ja: '件名・差出人名・本文が数学用の太字などの特殊な文字（𝗢𝗽𝗲𝗻 のような字）で書かれている（フィルター回避）',
      en: 'The subject, sender name or text is written in mathematical or enclosed letters (𝗢𝗽𝗲𝗻), which keyword filters do not read',
    },
  },
  check({ message }) {
    if (message.kind !== 'email') return null;
    const places: [string, string][] = [
      ['subject', message.subject ?? ''],
      ['from', message.from?.name ?? ''],
      ['body', (message.text.trim() ? message.text : (message.htmlDigest?.text ?? '')).slice(0, BODY_HEAD)],
    ];
    const evidence: Evidence[] = [];
    for (const [where, s] of places) {
      const m = s ? STYLED_RUN.exec(s) : null;
      if (m) evidence.push({ kind: 'phrase', value: excerpt(s, m.index, m[0].length), where });
    }
    if (evidence.length === 0) return null;
    const first = evidence[0]?.value ?? '';
    return {
      evidence,
      message: {
        ja: `「${first}」は普通の文字ではなく、数学記号用などの特殊な文字で書かれています。太字のように見せながら、迷惑メールフィルターに言葉として読ませない手口です`,
        en: `"${first}" is not written in ordinary letters but in mathematical or enclosed symbols: it looks bold, yet keyword filters cannot read it as words`,
      },
    };
  },
});
