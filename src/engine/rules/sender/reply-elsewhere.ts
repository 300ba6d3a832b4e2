import { excerpt } from '../../analysis/text.js';
import { headerValues, isListMail } from '../../parse/message.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';
import { firstBait, matchEvidence, SCAN_LIMIT } from '../lure/phrases.js';
import { isFreeMail, registrable } from './org.js';

/** An address written in the text, with a word before it that asks the reader to write there. */
const WRITE_TO =
  /(?:e-?mail|write|reply|respond|contact|reach|get back|send|antworten|schreiben|kontakt|responda|escreva|contato|contacto|escriba|répondez|écrivez|contattami|rispondi)[^@\n]{0,40}?([a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)+)/g;
/**
 * How far before its '@' a WRITE_TO match can start: the longest word (10) + the gap (40) + the local part (64),
 * rounded up. Nothing in a match but the address's own '@' is an '@', so a match belongs to exactly one '@'.
 */
const REACH = 128;
/** Where an address's domain can end: the first letter after it that the domain cannot hold. */
const DOMAIN_END = /[^a-z0-9.-]/g;

/**
 * The WRITE_TO matches of `scan` in order, as a global exec loop over it would give them, but read only near each
 * '@': the expression is run on the stretch from REACH letters before an '@' (never before the previous '@' or the
 * previous match's end) to where that '@''s domain must stop. A mail without '@' costs one indexOf, not a lazy
 * search after every "send" or "email" in 20,000 letters.
 */
function* writeTo(scan: string): Generator<{ index: number; match: string; address: string }> {
  let from = 0;
  let previousAt = -1;
  for (let at = scan.indexOf('@'); at !== -1; previousAt = at, at = scan.indexOf('@', at + 1)) {
    const start = Math.max(from, previousAt + 1, at - REACH);
    DOMAIN_END.lastIndex = at + 1;
    const end = DOMAIN_END.exec(scan)?.index ?? scan.length;
    WRITE_TO.lastIndex = 0;
    const m = WRITE_TO.exec(scan.slice(start, end));
    if (!m) continue;
    const match = m[0];
    yield { index: start + m.index, match, address: m[1] ?? '' };
    from = start + m.index + match.length;
  }
}

/** Visible letters below which a mail is a short opener ("write to me for details") whatever its wording. */
const SHORT = 400;

/**
 * The mail asks for an answer, but at another free mail box than the one it comes from: in Reply-To or written in
 * the text ("email me for details: …@gmail.com"). Reply-based fraud (inheritance, donation, loan, romance) needs the
 * reader's answer and routes it to a box the sender keeps apart from the sending account, which is burnt or borrowed.
 * Counted with bait in the text, or when the whole mail is a short opener.
 */
export default defineRule({
  meta: {
    id: 'sender/reply-elsewhere',
    family: 'sender',
    category: 'scam',
    weight: 12,
    description: {
      ja: '別の無料メールのアドレスに返信・連絡させようとしている（誘い文句または短い呼びかけと共に）',
      en: 'The answer is asked for at another free mail address, with bait or in a short opener',
    },
  },
  check(ctx) {
    const { message, senderBrand, data, folded, text } = ctx;
    if (message.kind !== 'email' || senderBrand || isListMail(message)) return null;
    const from = message.from?.address?.toLowerCase() ?? '';
    // The reader's own address ("this e-mail was sent to …") is no place to answer.
    const own = ['to', 'cc', 'delivered-to', 'x-original-to']
      .flatMap((h) => headerValues(message, h))
      .join(' ')
      .toLowerCase();
    const elsewhere = (address: string) => {
      const a = address.toLowerCase();
      return a !== from && !own.includes(a) && isFreeMail(registrable(a), data.hosts);
    };
    const evidence: Evidence[] = [];
    const replyTo = message.replyTo.find((r) => elsewhere(r.address));
    if (replyTo) evidence.push({ kind: 'header', value: `Reply-To: ${replyTo.address}`, where: 'reply-to' });
    else {
      const scan = folded.length > SCAN_LIMIT ? folded.slice(0, SCAN_LIMIT) : folded;
      for (const { index, match, address } of writeTo(scan)) {
        if (!elsewhere(address)) continue;
        const at = index + match.length - address.length;
        evidence.push({
          kind: 'phrase',
          value: excerpt(text.length === folded.length ? text : scan, at, address.length),
          where: 'text',
        });
        break;
      }
    }
    if (!evidence.length) return null;
    const bait = firstBait(ctx);
    const visible = ctx.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    if (!bait && visible > SHORT) return null;
    if (bait) evidence.push(matchEvidence(ctx, bait));
    return {
      weight: bait ? 16 : 8,
      evidence,
      message: {
        ja: `差出人 ${from} とは別の無料メールのアドレスに返信・連絡させようとしています${bait ? `（${bait.lure.label.ja}の文言「${bait.phrase}」と共に）` : '（短い呼びかけだけのメール）'}。返信を受け取る窓口を送信用のアカウントと分ける、返信型の詐欺の手口です`,
        en: `The answer is asked for at another free mail address than the sender ${from}${bait ? `, with ${bait.lure.label.en} wording ("${bait.phrase}")` : ', in a short opener'}: reply-based fraud keeps the box that reads answers apart from the sending account`,
      },
    };
  },
});
