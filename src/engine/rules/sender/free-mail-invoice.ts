import { excerpt } from '../../analysis/text.js';
import { isListMail } from '../../parse/message.js';
import { defineRule } from '../../rule.js';
import { SCAN_LIMIT } from '../lure/phrases.js';
import { phonePattern } from '../lure/unofficial-phone.js';
import { isFreeMail } from './org.js';

/** An amount with cents, by currency sign or code: "$389.99", "USD 1,529.20", "499,00 €". */
const AMOUNT =
  /(?:[$€£]\s?\d{1,3}(?:[,.]?\d{3})*[.,]\d{2}(?!\d)|(?<![\d.,])\d{1,3}(?:[,.]?\d{3})*[.,]\d{2}\s?(?:usd|eur|gbp|\$|€|£)(?![a-z]))/;
/** A document number, the mark of a bill or receipt: "Invoice No.", "Order #", "Transaction ID", "Rechnungsnummer". */
const DOCUMENT_NUMBER =
  /(?:invoice|order|receipt|transaction|billing|bill|purchase|subscription|confirmation|fatura|pedido|factura|rechnung|bestellung|facture|commande|ordine|fattura)\s?(?:no\.?|number|num\.?|nr\.?|n[º°o]\.?|id|#|ref\.?|nummer|número|numero)|(?:invoice|order|receipt|transaction)\s?#?\s?:?\s?[a-z]{0,4}-?\d{4,}|rechnungsnummer|bestellnummer/;

/**
 * A bill or receipt for a sizeable amount, with a document number, sent from a free mail account and naming a company
 * or giving a number to call: the callback scam ("you have been charged $399.99 for Windows Defender; call us to
 * cancel"). Businesses send their invoices from their own domain; the scammer wants a phone call, not a payment link.
 */
export default defineRule({
  meta: {
    id: 'sender/free-mail-invoice',
    family: 'sender',
    category: 'scam',
    weight: 15,
    description: {
      ja: '無料メールのアドレスから、請求書・領収書の体裁で金額と番号を示し、企業名や電話番号を挙げている（電話をかけさせる請求詐欺）',
      en: 'An invoice or receipt (amount, document number) from a free mail account, naming a company or a number to call (callback scam)',
    },
    references: [
      'https://www.ftc.gov/business-guidance/blog/2023/02/thinking-about-calling-number-bill-you-dont-recognize',
    ],
  },
  check({ message, sender, folded, text, claims, senderBrand, data }) {
    if (message.kind !== 'email' || senderBrand || !isFreeMail(sender.fromRegistrable, data.hosts))
      return null;
    if (isListMail(message)) return null;
    const scan = folded.length > SCAN_LIMIT ? folded.slice(0, SCAN_LIMIT) : folded;
    const amount = AMOUNT.exec(scan);
    if (!amount || !DOCUMENT_NUMBER.test(scan)) return null;
    const phone = phonePattern(data.lures);
    let call: RegExpExecArray | null = null;
    if (phone) {
      phone.lastIndex = 0;
      call = phone.exec(scan);
    }
    const brand = claims[0]?.brand ?? null;
    if (!call && !brand) return null;
    const source = text.length === folded.length ? text : scan;
    const evidence = [
      { kind: 'address' as const, value: message.from?.address ?? '', where: 'from' },
      { kind: 'phrase' as const, value: excerpt(source, amount.index, amount[0].length), where: 'text' },
    ];
    if (call) {
      const number = (call[1] ?? '').trim();
      evidence.push({
        kind: 'phrase',
        value: excerpt(source, call.index + call[0].length - number.length, number.length),
        where: 'text',
      });
    }
    const who = brand ? brand.name : null;
    return {
      weight: call && brand ? 20 : 15,
      evidence,
      message: {
        ja: `無料メールのアドレス ${message.from?.address ?? ''} から、金額（${amount[0]}）と番号のある請求書・領収書が送られています${who ? `（${who.ja}の名前を使用）` : ''}${call ? '。電話をかけさせようとしています' : ''}。企業は請求書を自社のドメインから送ります`,
        en: `A bill or receipt for ${amount[0]}, with a document number, comes from the free mail account ${message.from?.address ?? ''}${who ? ` and uses the name ${who.en}` : ''}${call ? ', and asks you to phone' : ''}; companies send invoices from their own domain`,
      },
    };
  },
});
