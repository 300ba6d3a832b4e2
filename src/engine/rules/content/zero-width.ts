import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';

/** Zero-width and invisible marks (the soft hyphen only where hyphenation makes no sense: subject, name). */
const INVISIBLE = '\\u200b-\\u200d\\u2060-\\u2064\\ufeff\\u034f\\u180e\\u17b4\\u17b5';
const WORD = '[\\p{Script=Latin}\\p{N}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}]';
const INSIDE = new RegExp(`${WORD}+(?:[${INVISIBLE}]+${WORD}+)+`, 'gu');
const INSIDE_SOFT = new RegExp(`${WORD}+(?:[${INVISIBLE}\\u00ad]+${WORD}+)+`, 'gu');

/** A cheap test first: almost no mail has any of these, and the Unicode-property scan is costly. */
const ANY_INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u180e\u17b4\u17b5]|\u034f/;
const ANY_INVISIBLE_SOFT = /[\u200b-\u200d\u2060-\u2064\ufeff\u180e\u17b4\u17b5\u00ad]|\u034f/;

const show = (s: string) =>
  s.replace(
    /[\u200b-\u200d\u2060-\u2064\ufeff\u180e\u17b4\u17b5\u00ad]|\u034f/g,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );

/** Invisible characters inside words ("Am\u200bazon"): they break up words so filters do not recognise them. */
export default defineRule({
  meta: {
    id: 'content/zero-width',
    family: 'content',
    category: 'phishing',
    weight: 12,
    description: {
      ja: '単語の中に目に見えない文字が挟み込まれている（フィルターをすり抜ける手口）',
      en: 'Invisible characters inside words (a trick to slip past filters)',
    },
  },
  check({ message }) {
    const evidence: Evidence[] = [];
    const head: [string, string | null | undefined][] = [
      ['subject', message.subject],
      ['from', message.from?.name],
    ];
    for (const [where, s] of head) {
      if (!s || !ANY_INVISIBLE_SOFT.test(s)) continue;
      for (const m of s.matchAll(INSIDE_SOFT)) evidence.push({ kind: 'phrase', value: show(m[0]), where });
    }
    const bodyWords = new Set<string>();
    for (const [where, s] of [
      ['text', message.text],
      ['html', message.htmlDigest?.text],
    ] as const) {
      if (!s || !ANY_INVISIBLE.test(s)) continue;
      for (const m of s.matchAll(INSIDE)) {
        if (bodyWords.has(m[0])) continue;
        bodyWords.add(m[0]);
        if (evidence.length < 5) evidence.push({ kind: 'phrase', value: show(m[0]), where });
      }
    }
    // One stray mark in a long body happens (copy and paste); several, or any in the subject, is deliberate.
    const inHeader = evidence.some((e) => e.where === 'subject' || e.where === 'from');
    if (!inHeader && bodyWords.size < 3) return null;
    return {
      evidence: evidence.slice(0, 5),
      weight: inHeader || bodyWords.size >= 10 ? 15 : 12,
      message: {
        ja: `${inHeader ? '件名や差出人名' : '本文'}の単語の中に目に見えない文字が挟み込まれています。迷惑メールフィルターをすり抜けるための手口です`,
        en: `Invisible characters are hidden inside words of the ${inHeader ? 'subject or sender name' : 'body'}, a trick to slip past spam filters`,
      },
    };
  },
});
