import { defineRule } from '../../rule.js';
import { addressOddities } from './machine-made-address.js';
import { isFreeMail } from './org.js';
import { unrelatedName } from './unrelated-display-name.js';

/**
 * "Home Warranty Experts" <For_You_71438@louise.qpzm-shop.example>: an organisation's or a person's name put on an
 * address generated for one sending run, from a domain that name has nothing to do with. Affiliate mailers and
 * throwaway senders rent a brand's name for the display name; a company writing from its own system keeps its name
 * in its domain. The generated local part is left out of the comparison: template words ("For_You") say nothing.
 */
export default defineRule({
  meta: {
    id: 'sender/generated-address-borrowed-name',
    family: 'sender',
    category: 'scam',
    weight: 14,
    description: {
      ja: '機械的に作られた差出人アドレスに、そのドメインと無関係な名前（ブランド名など）が付けられている',
      en: 'A machine-made sender address carries a display name (a brand, a person) its domain has nothing to do with',
    },
  },
  check({ message, sender, senderBrand, data }) {
    const name = message.from?.name;
    const address = message.from?.address;
    const domain = sender.fromDomain;
    if (message.kind !== 'email' || senderBrand || !name || !address || !domain) return null;
    const freeMail = isFreeMail(sender.fromRegistrable, data.hosts);
    // On free mail anyone picks any name: the machine-made address says enough (sender/machine-made-address).
    if (freeMail) return null;
    const odd = addressOddities(address, freeMail);
    if (!odd.length) return null;
    const words = unrelatedName(name, domain);
    if (!words) return null;
    return {
      evidence: [{ kind: 'address', value: `${name} <${address}>`, where: 'from' }],
      message: {
        ja: `差出人名「${name}」は送信ドメイン ${domain} と関係がなく、アドレス自体も一回の送信のために作られたもののようです（${odd.map((o) => o.ja).join('・')}）。名前を借りた使い捨ての送信元の特徴です`,
        en: `The display name "${name}" has nothing to do with the sending domain ${domain}, and the address looks generated for one run (${odd.map((o) => o.en).join(', ')}): a borrowed name on a throwaway sender`,
      },
    };
  },
});
