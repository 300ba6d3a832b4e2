import { fold } from '../../analysis/text.js';
import { defineRule } from '../../rule.js';
import { findHost } from '../links/common.js';

/** Words of 4+ letters or digits, folded: what a sender's name and a tenant label can share. */
const WORDS = /[\p{L}\p{N}]{4,}/gu;

function words(s: string): string[] {
  return fold(s).match(WORDS) ?? [];
}

/**
 * A sender on the free sub-domain a hosting or cloud platform gives every customer (`x.firebaseapp.com`,
 * `x.onmicrosoft.com`, `x.web.app`) that calls itself something else than that tenant: "Costco <a@cvbnmzx.onmicrosoft.com>".
 * A company mails from its own domain; the platform's default address costs nothing and is thrown away after a
 * campaign. Its own notices (a Firebase app's sign-in mail) carry the app's name, which the tenant label repeats.
 */
export default defineRule({
  meta: {
    id: 'sender/platform-tenant-sender',
    family: 'sender',
    category: 'phishing',
    weight: 18,
    description: {
      ja: '無料のクラウド・ホスティングが利用者ごとに割り当てるサブドメインから、別の名前を名乗って送られている',
      en: 'Sent from the free sub-domain a cloud or hosting platform gives each customer, under another name',
    },
  },
  check({ message, sender, data }) {
    if (message.kind !== 'email') return null;
    const domain = sender.fromDomain;
    if (!domain) return null;
    const platform = findHost(domain, data.hosts.freeHosting) ?? findHost(domain, data.hosts.sharedEsp);
    if (!platform || domain === platform) return null;
    const rest = domain.slice(0, -platform.length - 1);
    const tenant = rest.slice(rest.lastIndexOf('.') + 1);
    const name = message.from?.name?.trim() ?? '';
    if (!tenant || !name || name.includes('@')) return null;
    const nameWords = words(name);
    if (nameWords.length === 0) return null;
    const label = fold(tenant);
    const compact = label.replace(/[^\p{L}\p{N}]/gu, '');
    // The name repeats the tenant ("Acme Support" <support@acme-3f2a1.firebaseapp.com>): the customer's own mail.
    if (nameWords.some((w) => compact.includes(w) || (w.length >= 5 && w.includes(compact)))) return null;
    return {
      evidence: [
        { kind: 'address', value: message.from?.address ?? domain, where: 'from' },
        { kind: 'header', value: `From: ${name}`, where: 'from' },
      ],
      message: {
        ja: `差出人「${name}」のアドレスは、${platform} が利用者に無料で割り当てるサブドメイン（${domain}）です。名乗る名前とも関係がありません。企業は自社のドメインから送ります`,
        en: `"${name}" sends from ${domain}, a free sub-domain ${platform} gives any customer, unrelated to that name; companies mail from their own domain`,
      },
    };
  },
});
