import { hostInfo } from '../../analysis/url.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';
import { randomness } from '../links/random-host.js';
import { isFreeMail } from './org.js';

/**
 * What about a From address says it was generated for one sending run, not chosen by a person or a company:
 * each reason adds to the weight (see the rule's description).
 */
export function addressOddities(
  address: string,
  freeMail: boolean,
): { why: string; ja: string; en: string }[] {
  const at = address.lastIndexOf('@');
  if (at <= 0) return [];
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  const out: { why: string; ja: string; en: string }[] = [];
  // `YpLkIvs`, `CqJRjHgIz`: upper and lower case mixed at random (not CamelCase words such as `JohnSmith`).
  if (/^[A-Za-z]{5,20}$/.test(local)) {
    const switches = (local.match(/[a-z](?=[A-Z])|[A-Z](?=[a-z])/g) ?? []).length;
    const uppers = (local.slice(1).match(/[A-Z]/g) ?? []).length;
    const words = local.match(/[A-Z][a-z]{2,}/g) ?? [];
    if (uppers >= 2 && switches >= 4 && words.join('').length < local.length / 2)
      out.push({
        why: local,
        ja: 'ランダムな大文字・小文字の並び',
        en: 'random upper and lower case letters',
      });
  }
  // `Surname_First_68278@`, `For_You_71438@`, `NEW_OFFRE_1_26212@`: a template and a serial number, on a company
  // domain (people choose such names on free mail, which is why free mail is left out).
  if (!freeMail && /^(?:[A-Za-z]+_){1,3}(?:\d+_)?\d{3,}$/.test(local))
    out.push({ why: local, ja: '定型の単語と通し番号', en: 'template words and a serial number' });
  const h = hostInfo(domain);
  const labels = h.subdomain ? h.subdomain.split('.') : [];
  // `y.t.r.e.s.q.s.c.21.example.ru.com`: a chain of one-letter labels, or a very deep subdomain.
  if (labels.filter((l) => l.length === 1).length >= 3 || labels.length >= 4)
    out.push({ why: domain, ja: '何段にも重なったサブドメイン', en: 'a deep chain of subdomains' });
  // Company names often start with an acronym (`sbcglobal`), so the registered name itself counts only when letters
  // and digits are interleaved (`m34kiw3jw697`); subdomain labels count when they look random at all.
  else if (
    !freeMail &&
    (labels.some((l) => randomness(l) >= 2) ||
      (/(?:[a-z]\d|\d[a-z]).*(?:[a-z]\d|\d[a-z])/.test(h.domainLabel ?? '') &&
        randomness(h.domainLabel ?? '') >= 2))
  )
    out.push({ why: domain, ja: '機械的に作られたようなドメイン名', en: 'a machine-made domain name' });
  return out;
}

/** The sender's address looks generated for one campaign: random case, template plus serial, random or deep domains. */
export default defineRule({
  meta: {
    id: 'sender/machine-made-address',
    family: 'sender',
    category: 'scam',
    weight: 8,
    description: {
      ja: '差出人アドレスが機械的に作られたように見える（ランダムな大文字小文字、定型語＋通し番号、何段もの・無意味なドメイン名）',
      en: "The sender's address looks machine-made: random letter case, template words plus a serial number, deep or random domains",
    },
  },
  check({ message, sender, senderBrand, data }) {
    const address = message.from?.address;
    if (message.kind !== 'email' || !address || senderBrand) return null;
    const odd = addressOddities(address, isFreeMail(sender.fromRegistrable, data.hosts));
    if (!odd.length) return null;
    const evidence: Evidence[] = [{ kind: 'address', value: address, where: 'from' }];
    return {
      weight: odd.length >= 2 ? 14 : 8,
      evidence,
      message: {
        ja: `差出人アドレス ${address} は、${odd.map((o) => o.ja).join('・')}から成り、一回の大量送信のために機械的に作られたもののようです`,
        en: `The sender address ${address} is made of ${odd.map((o) => o.en).join(' and ')}: it looks generated for one bulk-sending run`,
      },
    };
  },
});
