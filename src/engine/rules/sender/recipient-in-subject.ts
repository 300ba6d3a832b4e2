import { addressParser, decodeWords } from 'postal-mime';
import { escapeRegExp, fold } from '../../analysis/text.js';
import { headerValues } from '../../parse/message.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';

interface Recipient {
  address: string;
  /** The first word of the recipient's display name ("tarou" of "Tarou Sato"), when it is a name. */
  first: string | null;
}

/** The addresses (and first names) the message was written to, from To: only — Cc and lists say nothing. */
export function recipients(values: string[]): Recipient[] {
  const out: Recipient[] = [];
  for (const v of values) {
    let parsed: ReturnType<typeof addressParser>;
    try {
      parsed = addressParser(decodeWords(v));
    } catch {
      continue;
    }
    for (const a of parsed.slice(0, 5)) {
      const boxes = 'group' in a && a.group ? a.group : [a];
      for (const b of boxes) {
        const address = fold((b as { address?: string }).address ?? '').trim();
        if (!address.includes('@')) continue;
        const name = fold(b.name ?? '').trim();
        const first = name.split(/[\s,._-]+/)[0];
        // A list's or newsletter's own name ("NTK recipient list <ntknow@lists.ntk.net>") is not a person's.
        const person =
          first &&
          /^\p{L}{3,}$/u.test(first) &&
          name.split(/\s+/).length <= 3 &&
          !address.split('@')[1]?.includes(first) &&
          !/\b(list|recipients?|members?|subscribers?|news|enews|newsletter|users?|team|group)\b/.test(name);
        out.push({ address, first: person ? first : null });
      }
    }
  }
  return out;
}

/** A whole word: not inside a longer word or address. */
const bounded = (s: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}@._-])${escapeRegExp(s)}(?![\\p{L}\\p{N}@_-]|\\.\\p{L})`, 'u');

/**
 * Bulk scam kits merge the recipient's address or name into the subject or the sender's name
 * ("taro@example.jp, your parcel…", "Taro, claim your reward"): a company that knows its customer uses the name
 * it holds in its own records, not the address the mail was sent to.
 */
export default defineRule({
  meta: {
    id: 'sender/recipient-in-subject',
    family: 'sender',
    category: 'scam',
    weight: 15,
    description: {
      ja: '件名や差出人名に受信者のメールアドレス（やアドレスから取った名前）が差し込まれている（一斉送信の詐欺メールの特徴）',
      en: "The recipient's address (or a name taken from it) is merged into the subject or sender name, a mark of bulk scam mail",
    },
  },
  check({ message }) {
    if (message.kind !== 'email') return null;
    const subject = fold(message.subject ?? '');
    const name = fold(message.from?.name ?? '');
    if (!subject && !name) return null;
    const fromAddress = fold(message.from?.address ?? '');
    const lists = fold(
      [...headerValues(message, 'list-id'), ...headerValues(message, 'list-post')].join(' '),
    );
    for (const r of recipients(headerValues(message, 'to'))) {
      // A message from oneself, or to a mailing list (whose address people write in subjects), is ordinary.
      const local = r.address.split('@')[0] ?? '';
      if (r.address === fromAddress || lists.includes(local)) continue;
      const places: [string, string][] = [
        ['subject', subject],
        ['from', name],
      ];
      for (const [where, s] of places) {
        if (!s) continue;
        const evidence: Evidence[] = [
          {
            kind: 'header',
            value:
              where === 'subject'
                ? `Subject: ${message.subject}`
                : `From: ${message.from?.name} <${message.from?.address}>`,
            where,
          },
        ];
        const where_ja = where === 'subject' ? '件名' : '差出人名';
        const where_en = where === 'subject' ? 'subject' : "sender's name";
        if (s.includes(r.address) && !s.includes(`[${r.address}]`)) {
          return {
            evidence,
            message: {
              ja: `${where_ja}に受信者のメールアドレス ${r.address} がそのまま差し込まれています。宛先リストに一斉送信する詐欺メールの特徴です`,
              en: `The recipient's address ${r.address} is merged into the ${where_en}, a mark of scam mail sent in bulk to a list of addresses`,
            },
          };
        }
        // "tarou, …" / "Tarou temos …" at the very start of the subject: the recipient's name or address's name.
        if (where !== 'subject') continue;
        for (const word of [r.first, local.length >= 4 && /^\p{L}+$/u.test(local) ? local : null]) {
          // The sender's own name ("Apple Store eNews" to "Apple Store eNews <…>") is a newsletter, not a merge.
          if (!word || name.includes(word) || fromAddress.includes(word)) continue;
          // The first whole-word occurrence is never before the first occurrence at all: a cheap test first.
          const first = s.indexOf(word);
          if (first < 0 || first > 2) continue;
          const m = bounded(word).exec(s);
          if (!m || m.index > 2 || s.startsWith('[')) continue;
          return {
            weight: 8,
            evidence,
            message: {
              ja: `件名が受信者の名前「${word}」で始まっています。宛先のアドレスや名前を差し込んで一斉送信する詐欺メールによくある形です`,
              en: `The subject opens with the recipient's name "${word}", merged in from the address list, as bulk scam mail often does`,
            },
          };
        }
      }
    }
    return null;
  },
});
