import { fold } from '../../analysis/text.js';
import { hostInfo } from '../../analysis/url.js';
import { defineRule } from '../../rule.js';
import { sameOrganisation } from './org.js';

/** Domain-like words and addresses in a display name: `Kelvin.Finance`, `proton.me Helpdesk`, `help@bank.example`. */
const DOMAIN_WORD =
  /(?<![\p{L}\p{N}_.-])(?:[\p{L}\p{N}._%+-]+@)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,})(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])/gu;

/**
 * The display name shows a domain or an address that is not the sender's ("Kelvin.Finance" <x@es.example.tech>):
 * most readers see only the name, so the name is made to look like the real sender's domain.
 */
export default defineRule({
  meta: {
    id: 'sender/display-name-domain',
    family: 'sender',
    category: 'phishing',
    weight: 12,
    description: {
      ja: '差出人名にドメイン名やメールアドレスが書かれているが、実際の送信アドレスとは別のもの',
      en: "The sender's display name shows a domain or address that is not the one the mail comes from",
    },
  },
  check({ message, sender, brands }) {
    const name = message.from?.name;
    const from = sender.fromRegistrable;
    if (message.kind !== 'email' || !name || !from || !name.includes('.')) return null;
    const fromHost = sender.fromDomain ?? from;
    for (const m of fold(name).matchAll(DOMAIN_WORD)) {
      const shown = m[1] ?? '';
      const h = hostInfo(shown);
      if (!h.isIcann || !h.registrableDomain || (h.domainLabel ?? '').length < 3) continue;
      // The sender's own name or another domain of it ("example.com <news@mail.example.co.jp>").
      if (sameOrganisation(h.registrableDomain, from, brands)) continue;
      const label = h.domainLabel ?? '';
      if (fromHost.includes(label) || label.includes(hostInfo(from).domainLabel ?? '\0')) continue;
      // "john@example.com via Group" is how lists and forwarders (Google Groups, survey tools) rewrite a sender
      // that they cannot send as: an address in the name is weaker than a bare domain dressed as a name.
      const isAddress = m[0].includes('@');
      return {
        weight: isAddress ? 8 : 12,
        evidence: [{ kind: 'address', value: `${name} <${message.from?.address}>`, where: 'from' }],
        message: {
          ja: `差出人名に「${m[0]}」と書かれていますが、実際の送信元は ${sender.fromDomain} で、${h.registrableDomain} とは関係がありません。名前だけを見た人に別の送信元だと思わせる手口です`,
          en: `The display name shows "${m[0]}", but the mail comes from ${sender.fromDomain}, which has nothing to do with ${h.registrableDomain}: the name is made to look like another sender`,
        },
      };
    }
    return null;
  },
});
