import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';

/**
 * What no mail program writes in a From line, but senders who copy a well-known address to borrow its name do:
 * brackets doubled (`<<service@shop.example>>`), a dot closing the domain (`service@shop.example.`), a quote stuck
 * to the address (`a@b.example'>`), an empty address (`Name <>`) and letters from the styled Unicode alphabets
 * (𝗩𝗲𝗿𝗸𝗮𝗱𝗲.𝗻𝗹) that look like a brand's domain but are no domain at all.
 */
const SHAPES: { re: RegExp; en: string; ja: string }[] = [
  { re: /<\s*<|>\s*>/, en: 'doubled angle brackets', ja: '山かっこが二重' },
  { re: /@[^\s<>"',;]+\.\s*(?:>|$)/, en: 'a dot closing the domain', ja: 'ドメインの末尾に点' },
  { re: /@[^\s<>"',;]+['"`]\s*>/, en: 'a quote stuck to the address', ja: 'アドレスに引用符が付いている' },
  { re: /<\s*>/, en: 'an empty address', ja: 'アドレスが空' },
];
/** Mathematical Alphanumeric Symbols (bold, italic, sans-serif… letters): styled text, never an address. */
const STYLED = /[\u{1d400}-\u{1d7ff}]/u;

export default defineRule({
  meta: {
    id: 'sender/malformed-from',
    family: 'sender',
    category: 'phishing',
    weight: 15,
    description: {
      ja: '差出人（From）のアドレスが壊れた形で書かれている（二重の山かっこ、末尾の点、装飾文字など）。正規の送信ソフトは書かない形です',
      en: 'The From address is written in a broken form (doubled brackets, a trailing dot, styled letters…) that no mail program produces',
    },
  },
  check({ message }) {
    if (message.kind !== 'email') return null;
    const raw = message.headers.find((h) => h.key === 'from')?.value ?? '';
    const address = message.from?.address ?? '';
    const found: { en: string; ja: string }[] = [];
    if (raw.length > 0 && raw.length < 500) {
      for (const s of SHAPES) if (s.re.test(raw)) found.push(s);
    }
    if (STYLED.test(address) || STYLED.test(raw.replace(/^[^<]*</, '<'))) {
      found.push({ en: 'styled letters in the address', ja: 'アドレスに装飾文字' });
    }
    if (found.length === 0) return null;
    const evidence: Evidence[] = [{ kind: 'header', value: `From: ${raw.slice(0, 200)}`, where: 'from' }];
    return {
      evidence,
      message: {
        ja: `差出人のアドレスが壊れた形です（${found.map((f) => f.ja).join('、')}）。正規の送信ソフトはこう書きません。有名な送信元のアドレスを真似て名前を借りる手口です`,
        en: `The From address is malformed (${found.map((f) => f.en).join(', ')}). Mail programs do not write it this way; it imitates a known sender's address to borrow its name`,
      },
    };
  },
});
