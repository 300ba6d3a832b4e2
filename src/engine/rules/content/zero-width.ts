import type { BrandIndex } from '../../analysis/brands.js';
import { fold, INVISIBLE_CLASS as INVISIBLE } from '../../analysis/text.js';
import type { Brand } from '../../data/types.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';

// The soft hyphen counts only where hyphenation makes no sense: subject, name.
const WORD = '[\\p{Script=Latin}\\p{N}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}]';
const INSIDE = new RegExp(`${WORD}+(?:[${INVISIBLE}]+${WORD}+)+`, 'gu');
const INSIDE_SOFT = new RegExp(`${WORD}+(?:[${INVISIBLE}\\u00ad]+${WORD}+)+`, 'gu');

/** A cheap test first: almost no mail has any of these, and the Unicode-property scan is costly. */
const ANY_INVISIBLE = new RegExp(`[${INVISIBLE}]`, 'u');
const ANY_INVISIBLE_SOFT = new RegExp(`[${INVISIBLE}\\u00ad]`, 'u');
const MARK = new RegExp(`[${INVISIBLE}\\u00ad]`, 'gu');

/** A kanji with its variation selector (葛󠄀, an IVS): how Japanese text picks a glyph, not a trick. */
const KANJI_VARIANT = /\p{Script=Han}[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
const ONE_MARK = new RegExp(`[${INVISIBLE}\\u00ad]`, 'u');

/** Whether a word still holds a mark once kanji variation sequences are set aside. */
const broken = (word: string) => ONE_MARK.test(word.replace(KANJI_VARIANT, '\u4e00'));

const show = (s: string) =>
  s.replace(MARK, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);

/** The catalogued brand whose name (4+ letters) a broken-up word spells once the marks are taken out. */
function brandInside(word: string, brands: BrandIndex): Brand | null {
  const clean = fold(word.replace(MARK, ''));
  if (clean.length < 4) return null;
  for (const [alias, { brand, context }] of brands.aliases) {
    if (!context && alias.length >= 4 && /^[a-z0-9]+$/.test(alias) && clean.includes(alias)) return brand;
  }
  return null;
}

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
  check({ message, brands }) {
    const evidence: Evidence[] = [];
    const head: [string, string | null | undefined][] = [
      ['subject', message.subject],
      ['from', message.from?.name],
    ];
    let hidden: Brand | null = null;
    for (const [where, s] of head) {
      if (!s || !ANY_INVISIBLE_SOFT.test(s)) continue;
      for (const m of s.matchAll(INSIDE_SOFT)) {
        if (!broken(m[0])) continue;
        evidence.push({ kind: 'phrase', value: show(m[0]), where });
        hidden ??= brandInside(m[0], brands);
      }
    }
    const bodyWords = new Set<string>();
    for (const [where, s] of [
      ['text', message.text],
      ['html', message.htmlDigest?.text],
    ] as const) {
      if (!s || !ANY_INVISIBLE.test(s)) continue;
      for (const m of s.matchAll(INSIDE)) {
        if (bodyWords.has(m[0]) || !broken(m[0])) continue;
        bodyWords.add(m[0]);
        if (evidence.length < 5) evidence.push({ kind: 'phrase', value: show(m[0]), where });
      }
    }
    // One stray mark in a long body happens (copy and paste); several, or any in the subject, is deliberate.
    const inSubject = evidence.some((e) => e.where === 'subject');
    const inName = evidence.some((e) => e.where === 'from');
    const inHeader = inSubject || inName;
    if (!inHeader && bodyWords.size < 3) return null;
    // Both the subject and the sender's name broken up, or the header and the body: a whole mail written to dodge filters.
    const throughout = (inSubject && inName) || (inHeader && bodyWords.size >= 3);
    if (hidden) {
      return {
        evidence: evidence.slice(0, 5),
        weight: 30,
        message: {
          ja: `件名や差出人名の「${hidden.name.ja}」の名前に目に見えない文字が挟み込まれています。本物の企業は自社の名前をこう書きません。名前を使いながらフィルターをすり抜ける手口です`,
          en: `The name ${hidden.name.en} in the subject or sender name is broken up with invisible characters; a company does not write its own name this way. It borrows the name while slipping past filters`,
        },
      };
    }
    return {
      evidence: evidence.slice(0, 5),
      weight: throughout ? 20 : inHeader || bodyWords.size >= 10 ? 15 : 12,
      message: {
        ja: `${inHeader ? '件名や差出人名' : '本文'}の単語の中に目に見えない文字が挟み込まれています。迷惑メールフィルターをすり抜けるための手口です`,
        en: `Invisible characters are hidden inside words of the ${inHeader ? 'subject or sender name' : 'body'}, a trick to slip past spam filters`,
      },
    };
  },
});
