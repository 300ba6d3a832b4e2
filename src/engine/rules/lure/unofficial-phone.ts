import { escapeRegExp, excerpt } from '../../analysis/text.js';
import type { LureSet } from '../../data/types.js';
import { defineRule } from '../../rule.js';
import { SCAN_LIMIT } from './phrases.js';

const phonePatterns = new WeakMap<LureSet, RegExp | null>();

/** A phone number after a word that asks you to call (the data's `callWords`); bounded, no nested quantifiers. */
export function phonePattern(set: LureSet): RegExp | null {
  let re = phonePatterns.get(set);
  if (re !== undefined) return re;
  const words = Object.values(set.callWords?.phrases ?? {})
    .flat()
    .map((w) => (w.startsWith('re:') ? w.slice(3) : escapeRegExp(w)));
  re = words.length
    ? new RegExp(`(?:${words.join('|')})[^\\n\\d+]{0,25}(\\+?\\(?\\d[\\d ().-]{7,17}\\d)`, 'g')
    : null;
  phonePatterns.set(set, re);
  return re;
}

const MIN_CLAIM = 3;

/** Digits a number is compared by: national form (+81 → 0, leading US 1 dropped). */
export function phoneKey(raw: string): string | null {
  let d = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+81') || (d.startsWith('81') && d.length >= 11 && raw.includes('+')))
    d = `0${d.slice(2)}`;
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  return d.length >= 9 && d.length <= 12 ? d : null;
}

/**
 * A message that claims a brand but gives a phone number the catalogue does not list for it: callback phishing
 * ("call us to cancel the charge") reaches the caller, not the brand.
 */
export default defineRule({
  meta: {
    id: 'lure/unofficial-phone',
    family: 'lure',
    category: 'phishing',
    weight: 15,
    description: {
      ja: 'ブランドを名乗るが、そのブランドの公式ではない電話番号に電話させようとする',
      en: "Claims a brand but gives a phone number that is not the brand's",
    },
  },
  check({ brand, claims, senderBrand, folded, text, data }) {
    // A brand named only once in passing is no claim: it must stand in the sender's name, the subject or several places.
    if (!brand || senderBrand || (claims[0]?.score ?? 0) < MIN_CLAIM) return null;
    const scan = folded.length > SCAN_LIMIT ? folded.slice(0, SCAN_LIMIT) : folded;
    const official = new Set((brand.phones ?? []).map((p) => phoneKey(p.number)).filter((k) => k !== null));
    const phone = phonePattern(data.lures);
    if (!phone) return null;
    phone.lastIndex = 0;
    for (let m = phone.exec(scan); m !== null; m = phone.exec(scan)) {
      const number = (m[1] ?? '').trim();
      const key = phoneKey(number);
      if (!key || official.has(key)) continue;
      const at = m.index + m[0].length - number.length;
      const source = text.length === folded.length ? text : scan;
      const known = official.size > 0;
      return {
        weight: known ? 15 : 8,
        evidence: [{ kind: 'phrase', value: excerpt(source, at, number.length), where: 'text' }],
        message: known
          ? {
              ja: `${brand.name.ja}を名乗っていますが、電話番号 ${number} は${brand.name.ja}の公式の番号ではありません`,
              en: `Claims to be ${brand.name.en}, but ${number} is not one of ${brand.name.en}'s official numbers`,
            }
          : {
              ja: `${brand.name.ja}を名乗り、電話番号 ${number} に連絡させようとしています。番号は公式サイトで確かめてください`,
              en: `Claims to be ${brand.name.en} and asks you to call ${number}; check the number on the official site`,
            },
      };
    }
    return null;
  },
});
