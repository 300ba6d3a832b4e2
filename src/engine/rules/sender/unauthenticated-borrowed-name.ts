import { isListMail } from '../../parse/message.js';
import { defineRule } from '../../rule.js';
import { registrable, sameOrganisation } from './org.js';
import { unrelatedName } from './unrelated-display-name.js';

/**
 * "Dating Expert" <service@big-retailer.example>, and the receiver could not authenticate big-retailer.example: a
 * name that has nothing to do with the domain, on an address nothing proves. Forgers put a real, well-known domain
 * in From (it looks familiar and passes reputation checks) and write whatever name their campaign needs. A company
 * sending from its own domain signs its mail (required of bulk senders since 2024) and names itself.
 */
export default defineRule({
  meta: {
    id: 'sender/unauthenticated-borrowed-name',
    family: 'sender',
    category: 'phishing',
    weight: 10,
    description: {
      ja: '認証されなかった差出人アドレスに、そのドメインと無関係な名前が付けられている（アドレスの偽装）',
      en: 'An unauthenticated From address carries a display name its domain has nothing to do with (a forged address)',
    },
    references: ['https://support.google.com/a/answer/81126', 'https://www.rfc-editor.org/rfc/rfc7489'],
  },
  check({ message, sender, senderBrand, brands, data }) {
    const name = message.from?.name;
    const address = message.from?.address;
    const domain = sender.fromDomain;
    if (message.kind !== 'email' || senderBrand || !name || !address || !domain) return null;
    // Only when a trusted receiver looked and found nothing aligned (auth/unauthenticated's condition).
    if (!sender.trusted || sender.authenticatedDomain || sender.dmarc === 'fail') return null;
    // A list re-sends others' mail under its own envelope; breaking their signatures is normal there.
    if (isListMail(message)) return null;
    // The whole address: a person writing from work usually has their name in the local part (taro.yamada@).
    if (!unrelatedName(name, address)) return null;
    // The envelope (Return-Path) names yet another domain, and no mail service's: the real sender shows through.
    const envelope = registrable(message.returnPath);
    const elsewhere =
      envelope !== null &&
      sender.fromRegistrable !== null &&
      !sameOrganisation(envelope, sender.fromRegistrable, brands) &&
      !data.hosts.sharedEsp.some((d) => envelope === d || envelope.endsWith(`.${d}`));
    return {
      weight: elsewhere ? 15 : 10,
      evidence: [
        { kind: 'address', value: `${name} <${address}>`, where: 'from' },
        { kind: 'header', value: sender.trusted.header, where: sender.trusted.receiver.id },
        ...(elsewhere
          ? [{ kind: 'header' as const, value: `Return-Path: <${message.returnPath}>`, where: 'return-path' }]
          : []),
      ],
      message: {
        ja: `差出人名「${name}」は差出人ドメイン ${domain} と関係がなく、受信サーバーの検査でもこのドメインからの送信だと証明されませんでした。${elsewhere ? `実際の送信元（Return-Path）も別のドメイン ${envelope} です。` : ''}よく知られたドメインを差出人に借りた偽装の特徴です`,
        en: `The display name "${name}" has nothing to do with the From domain ${domain}, and the receiving server found nothing proving the mail came from that domain${elsewhere ? `; the envelope sender is yet another domain, ${envelope}` : ''}: a borrowed address under a campaign's name`,
      },
    };
  },
});
