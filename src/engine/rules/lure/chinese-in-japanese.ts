import { excerpt } from '../../analysis/text.js';
import type { LureSet } from '../../data/types.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';
import { SCAN_LIMIT } from './phrases.js';

const cache = new WeakMap<LureSet, Set<string>>();

function simplifiedSet(set: LureSet): Set<string> {
  let s = cache.get(set);
  if (!s) {
    s = new Set([...(set.simplifiedOnly?.chars ?? '')]);
    cache.set(set, s);
  }
  return s;
}

/** Kana must make up this share of the Japanese-script letters: below it the text is Chinese, not Japanese. */
const MIN_KANA_SHARE = 0.2;
const MIN_KANA = 10;

/**
 * Japanese text with simplified-Chinese characters in it (账户, 验证, 请): phishing kits written by Chinese-speaking
 * groups often leave them behind; a Japanese company never writes them.
 */
export default defineRule({
  meta: {
    id: 'lure/chinese-in-japanese',
    family: 'lure',
    category: 'phishing',
    weight: 12,
    description: {
      ja: '日本語の文中に日本語では使わない簡体字が混じっている',
      en: 'Japanese text with simplified-Chinese characters that Japanese does not use',
    },
  },
  check({ folded, text, data }) {
    const simplified = simplifiedSet(data.lures);
    if (simplified.size === 0) return null;
    const scan = folded.length > SCAN_LIMIT ? folded.slice(0, SCAN_LIMIT) : folded;
    let kana = 0;
    let han = 0;
    const found = new Map<string, number>();
    for (let i = 0; i < scan.length; i++) {
      const c = scan.charCodeAt(i);
      if (c >= 0x3041 && c <= 0x30fa) kana++;
      else if (c >= 0x4e00 && c <= 0x9fff) {
        han++;
        const ch = scan[i] as string;
        if (simplified.has(ch) && !found.has(ch)) found.set(ch, i);
      }
    }
    if (found.size < 2 || kana < MIN_KANA || kana / (kana + han) < MIN_KANA_SHARE) return null;
    const chars = [...found.keys()];
    const source = text.length === folded.length ? text : scan;
    const evidence: Evidence[] = [{ kind: 'phrase', value: chars.slice(0, 12).join(' '), where: 'text' }];
    for (const [ch, at] of [...found].slice(0, 2)) {
      evidence.push({ kind: 'phrase', value: `${ch}: ${excerpt(source, at, 1, 12)}`, where: 'text' });
    }
    const shown = chars.slice(0, 8).join('');
    return {
      weight: Math.min(25, 12 + 4 * (Math.min(found.size, 5) - 2)),
      evidence,
      message: {
        ja: `日本語の文中に、日本語では使わない簡体字が${found.size}種類あります（${shown}）。海外の詐欺グループが作った文面によく見られます`,
        en: `The Japanese text contains ${found.size} simplified-Chinese characters that Japanese does not use (${shown}), a common trace of phishing kits`,
      },
    };
  },
});
