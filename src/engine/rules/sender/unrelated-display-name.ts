import { firstAlias } from '../../analysis/brands.js';
import { fold } from '../../analysis/text.js';
import { isListMail } from '../../parse/message.js';
import { defineRule } from '../../rule.js';
import { firstBait, matchEvidence } from '../lure/phrases.js';

/** A Latin-script word (after folding); names in other scripts cannot be compared with an ASCII address. */
const LATIN_WORD = /^[a-z0-9\u00c0-\u024f]+$/;

function plain(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The name words of a display name that the address has nothing to do with, or null when the name cannot be
 * compared (no Latin words, another script, a domain or address in it) or shares a word with the address.
 */
export function unrelatedName(name: string, address: string): string[] | null {
  const folded = fold(name);
  if (/[@.](?=[a-z0-9])/.test(folded)) return null;
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  if (words.some((w) => /\p{L}/u.test(w) && !LATIN_WORD.test(w))) return null;
  const tokens = words.map(plain).filter((w) => w.length >= 3 && /[a-z]/.test(w));
  if (tokens.length === 0) return null;
  const addr = plain(fold(address));
  const joined = tokens.join('');
  if (tokens.some((t) => addr.includes(t))) return null;
  // The address's own words inside the name ("Homeinsure Team" <news@home-insure.example>).
  const labels = fold(address)
    .split(/[^a-z0-9]+/)
    .filter((l) => l.length >= 4);
  if (labels.some((l) => joined.includes(l))) return null;
  return tokens;
}

/**
 * "Coverage Deals" <x7Kq@qpzm-trading.example> with bait in the text: an organisation's name, or a person's, that
 * the sending address has nothing to do with. Throwaway domains pass SPF and DKIM for themselves, so the name is
 * all a reader sees of who writes. Alone this is common (a person writing from work); with bait it is a disguise.
 */
export default defineRule({
  meta: {
    id: 'sender/unrelated-display-name',
    family: 'sender',
    category: 'scam',
    weight: 12,
    description: {
      ja: '差出人名と送信アドレスに共通する語がなく、本文に誘い文句がある（名前を借りた送信）',
      en: 'The display name shares no word with the sending address, and the text carries bait',
    },
  },
  check(ctx) {
    const { message, sender } = ctx;
    const name = message.from?.name;
    const address = message.from?.address;
    if (message.kind !== 'email' || ctx.senderBrand || !name || !address || !sender.fromRegistrable)
      return null;
    if (isListMail(message)) return null;
    // A catalogue brand in the name is sender/display-name-brand's to judge.
    if (firstAlias(ctx.brands, fold(name))) return null;
    if (!unrelatedName(name, address)) return null;
    const bait = firstBait(ctx);
    if (!bait) return null;
    return {
      evidence: [{ kind: 'address', value: `${name} <${address}>`, where: 'from' }, matchEvidence(ctx, bait)],
      message: {
        ja: `差出人名「${name}」と送信アドレス ${address} には共通する語がなく、名前の主がこのドメイン（${sender.fromRegistrable}）から送っているとは限りません。本文には${bait.lure.label.ja}の文言（「${bait.phrase}」）があります`,
        en: `The display name "${name}" shares no word with the address ${address}, so nothing shows that whoever the name stands for sends from ${sender.fromRegistrable}; the text carries ${bait.lure.label.en} wording ("${bait.phrase}")`,
      },
    };
  },
});
