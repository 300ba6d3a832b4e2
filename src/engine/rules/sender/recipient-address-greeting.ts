import { escapeRegExp, excerpt, fold } from '../../analysis/text.js';
import type { LureSet } from '../../data/types.js';
import { headerValues } from '../../parse/message.js';
import { defineRule } from '../../rule.js';
import { recipients } from './recipient-in-subject.js';

const compiled = new WeakMap<LureSet, string | null>();

/** Greeting words that open a letter, from the data's `greetings` list, as one group of alternatives. */
function greetingWords(set: LureSet): string | null {
  let g = compiled.get(set);
  if (g !== undefined) return g;
  const words = Object.values(set.greetings?.phrases ?? {})
    .flat()
    .map((w) => escapeRegExp(fold(w)));
  g = words.length ? `(?:${words.join('|')})` : null;
  compiled.set(set, g);
  return g;
}

/** How far into the body a greeting is looked for. */
const HEAD = 400;

/**
 * "Hallo taro@example.jp, …", "Dear taro@example.jp", 「taro@example.jp 様」: the letter greets the reader by the
 * address it was sent to. A sender that knows its customer greets by name; a bulk kit has only the address list.
 * (Quoted replies, "taro@example.jp wrote:", are not greetings.)
 */
export default defineRule({
  meta: {
    id: 'sender/recipient-address-greeting',
    family: 'sender',
    category: 'scam',
    weight: 10,
    description: {
      ja: '本文の書き出しで、受信者を名前ではなくメールアドレスで呼んでいる（宛先リストから差し込む一斉送信の特徴）',
      en: 'The body greets the reader by the e-mail address it was sent to, not by a name (merged in from an address list)',
    },
  },
  check({ message, data }) {
    if (message.kind !== 'email') return null;
    const greeting = greetingWords(data.lures);
    if (!greeting) return null;
    const to = headerValues(message, 'to');
    if (to.length === 0) return null;
    const raw = message.text.trim() ? message.text : (message.htmlDigest?.text ?? '');
    const head = raw.slice(0, HEAD);
    const body = fold(head);
    // Evidence as written when folding kept the positions (it usually does), else as folded.
    const shown = body.length === head.length ? head : body;
    if (!body.includes('@')) return null;
    for (const r of recipients(to)) {
      if (!body.includes(r.address)) continue;
      const a = escapeRegExp(r.address);
      const m = new RegExp(
        `(?<![\\p{L}\\p{N}])${greeting}[\\s,:]*${a}(?![\\p{L}\\p{N}@._-])|(?<![\\p{L}\\p{N}@._-])${a}\\s*(?:様|さま|殿)`,
        'u',
      ).exec(body);
      if (!m) continue;
      return {
        evidence: [{ kind: 'phrase', value: excerpt(shown, m.index, m[0].length), where: 'body' }],
        message: {
          ja: `本文が受信者のメールアドレス（${r.address}）で呼びかけて始まっています。名前を知らない送信者が宛先リストから差し込んだ、一斉送信の詐欺メールによくある形です`,
          en: `The body greets the reader by the address ${r.address}: the sender does not know a name and merged the address in from a mailing list, as bulk scam mail does`,
        },
      };
    }
    return null;
  },
});
