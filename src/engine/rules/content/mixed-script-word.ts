import { brandIndex } from '../../analysis/brands.js';
import { skeleton } from '../../analysis/url.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';

const TOKEN = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/gu;

/** Any Greek, Cyrillic, Armenian or Cherokee letter at all: without one there is nothing to find (cheap pre-test). */
const ANY_LOOKALIKE =
  /[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f\u0530-\u058f\u13a0-\u13ff\uab70-\uabbf\ufb13-\ufb17\u{1d6a8}-\u{1d7cb}]/u;

const brandWordCache = new WeakMap<object, Set<string>>();

/** Brand names and keywords written in plain Latin letters, built once per data set. */
function brandWordsOf(data: Parameters<typeof brandIndex>[0]): Set<string> {
  const hit = brandWordCache.get(data.brands);
  if (hit) return hit;
  const index = brandIndex(data);
  const words = new Set<string>();
  for (const a of index.aliases.keys()) if (/^[a-z]+$/.test(a)) words.add(a);
  for (const k of index.keywords) words.add(k.keyword);
  brandWordCache.set(data.brands, words);
  return words;
}

/** Where a word written in two alphabets reads as a plain Latin word: "Аpple" with a Cyrillic А. */
function disguised(word: string, brandWords: Set<string>): boolean {
  const nfkc = word.normalize('NFKC');
  if (nfkc.length < 3) return false;
  const foreign = nfkc.match(LOOKALIKE) ?? [];
  if (foreign.length === 0) return false;
  const skel = skeleton(nfkc);
  if (!/^[a-z]+$/.test(skel)) return false;
  const latin = [...nfkc].filter((c) => LATIN.test(c)).length;
  // Mixed: Latin letters with look-alikes among them. Whole-foreign words only when they spell a brand.
  if (latin >= 2) return true;
  return latin + foreign.length === nfkc.length && brandWords.has(skel);
}

/** "е: Cyrillic" for each look-alike letter, so a reader can see what differs. */
function foreignLetters(word: string): string {
  const out = new Map<string, string>();
  for (const ch of word.normalize('NFKC')) {
    if (/\p{Script=Cyrillic}/u.test(ch)) out.set(ch, 'Cyrillic');
    else if (/\p{Script=Greek}/u.test(ch)) out.set(ch, 'Greek');
    else if (/\p{Script=Armenian}/u.test(ch)) out.set(ch, 'Armenian');
    else if (/\p{Script=Cherokee}/u.test(ch)) out.set(ch, 'Cherokee');
  }
  return [...out].map(([ch, script]) => `${ch}: ${script}`).join(', ');
}

/** Latin words with Cyrillic or Greek look-alike letters: the word reads "PayPal" but no filter matches it. */
export default defineRule({
  meta: {
    id: 'content/mixed-script-word',
    family: 'content',
    category: 'phishing',
    weight: 20,
    description: {
      ja: 'ラテン文字の単語にキリル文字などのそっくりな文字が混ざっている（例: Аpple の А がキリル文字）',
      en: 'Words that mix Latin letters with Cyrillic or Greek look-alikes (e.g. "Аpple" with a Cyrillic А)',
    },
  },
  check({ message, data }) {
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    const sources: [string, string | null | undefined][] = [
      ['subject', message.subject],
      ['from', message.from?.name],
      ['text', message.text.slice(0, 50000)],
      ['html', message.htmlDigest?.text.slice(0, 50000)],
    ];
    let brandWords: Set<string> | null = null;
    for (const [where, s] of sources) {
      if (!s || !ANY_LOOKALIKE.test(s)) continue;
      brandWords ??= brandWordsOf(data);
      for (const m of s.matchAll(TOKEN)) {
        if (seen.has(m[0]) || !disguised(m[0], brandWords)) continue;
        seen.add(m[0]);
        evidence.push({ kind: 'phrase', value: `${m[0]} (${foreignLetters(m[0])})`, where });
      }
    }
    if (!evidence.length) return null;
    const inSubject = evidence.some((e) => e.where === 'subject');
    const inName = evidence.some((e) => e.where === 'from');
    const prominent = inSubject || inName;
    // Look-alikes in the subject and the sender's name, or in several words of them: the whole header is disguised.
    const throughout =
      (inSubject && inName) ||
      evidence.filter((e) => e.where === 'subject' || e.where === 'from').length >= 3;
    const words = evidence
      .slice(0, 3)
      .map((e) => e.value.split(' ')[0])
      .join('」「');
    return {
      evidence: evidence.slice(0, 5),
      weight: throughout ? 30 : prominent || evidence.length >= 3 ? 25 : 20,
      message: {
        ja: `「${words}」はラテン文字に見えますが、キリル文字などのそっくりな文字が混ざっています。本物の表記を装ってフィルターをすり抜ける手口です`,
        en: `"${words.replaceAll('」「', '", "')}" looks like plain Latin text but mixes in look-alike Cyrillic or Greek letters, a trick to pass as the real name and slip past filters`,
      },
    };
  },
});
