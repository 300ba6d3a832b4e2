import type { Brand } from './data/types.js';
import type { Genuine, Text, Verdict } from './report.js';

/** What to do now, following the seed posts: don't click, open the official site yourself, recover if needed. */
export function advice(verdict: Verdict, brand: Brand | null, genuine: Genuine | null): Text[] {
  const out: Text[] = [];
  const site = brand ? `${brand.name.ja}の公式サイト（${brand.officialUrl}）` : '公式サイト';
  const siteEn = brand ? `${brand.name.en}'s official site (${brand.officialUrl})` : 'the official site';
  if (genuine?.notice) {
    out.push(...takeover(genuine.notice.kind, site, siteEn));
    if (brand?.id === 'amazon') out.push(messageCentre());
    return out;
  }
  if (genuine) {
    out.push({
      ja: `このメールは${genuine.domain}から正規に送信されたものです。それでも、身に覚えのない注文やサインインの通知なら、メール内のリンクではなくブックマークやアプリから${site}を開いて確認してください。`,
      en: `This message really comes from ${genuine.domain}. If it tells of an order or sign-in you did not make, check it by opening ${siteEn} from a bookmark or the app, not from the mail's links.`,
    });
    if (brand?.id === 'amazon') out.push(messageCentre());
    out.push(recover());
    return out;
  }
  if (verdict === 'no-threat-found') {
    out.push({
      ja: '危険な兆候は見つかりませんでしたが、安全の保証ではありません。IDやカード番号を求められたら、リンクではなくブックマークやアプリから公式サイトを開いてください。',
      en: 'No threat was found, which is not a guarantee. If you are asked for a password or card number, open the official site from a bookmark or the app instead of the link.',
    });
    return out;
  }
  out.push({
    ja: 'メール・SMS内のリンクはクリックせず、返信や記載の電話番号への連絡もしないでください。',
    en: 'Do not click the links in the message, do not reply and do not call numbers it gives.',
  });
  out.push({
    ja: `確認したいときは、ブックマークやアプリから${site}を開いてください。件名で検索すると同じ詐欺の報告が見つかることがあります。`,
    en: `To check, open ${siteEn} from a bookmark or the app. Searching the subject often finds reports of the same scam.`,
  });
  if (brand?.id === 'amazon') out.push(messageCentre());
  out.push(recover());
  return out;
}

/**
 * A genuine notice of something the reader did not do is the second seed's situation: the account is being used
 * by someone else. The wording for support is the seed's, which got a phone call back.
 */
function takeover(kind: NonNullable<Genuine['notice']>['kind'], site: string, siteEn: string): Text[] {
  const out: Text[] = [
    {
      ja: `このメールは本物です。${kind === 'order' ? '身に覚えのない注文' : '身に覚えのないサインインや変更'}なら、アカウントが第三者に使われている可能性があります。メールのリンクではなく、アプリかブックマークから${site}を開いて確認してください。`,
      en: `This message is genuine. If you did not ${kind === 'order' ? 'place this order' : 'do this'}, someone else may be using your account: check it by opening ${siteEn} from the app or a bookmark, not the mail's links.`,
    },
  ];
  if (kind === 'order') {
    out.push({
      ja: 'カスタマーサービスのチャットで「購入していない商品が勝手に購入されている」とはっきり伝え、アカウントの一時停止と未発送の注文のキャンセルを依頼してください。',
      en: 'Tell customer service by chat plainly: "items I did not buy were purchased on my account", and ask them to lock the account and cancel unshipped orders.',
    });
  }
  out.push({
    ja: 'パスワードを変更し（同じパスワードを使い回している他のサービスも）、2段階認証を有効にし、登録されたお届け先・支払い方法・端末に見覚えのないものがないか確認してください。',
    en: 'Change the password (and everywhere you reused it), turn on two-step verification, and check the addresses, payment methods and devices on the account for ones you do not know.',
  });
  out.push(recover());
  return out;
}

function messageCentre(): Text {
  return {
    ja: 'Amazonからの正規のメッセージは、アカウントサービスの「メッセージセンター」にも表示されます。そこにないメールは偽物の可能性が高いです。',
    en: "Genuine Amazon messages also appear in your account's Message Centre; a mail that is not there is likely fake.",
  };
}

function recover(): Text {
  return {
    ja: 'すでにカード情報を入力してしまった場合は、カード裏面の番号でカード会社に連絡して利用停止と再発行を、パスワードを入力した場合は公式サイトからすぐに変更してください（同じパスワードを使っている他のサービスも）。',
    en: 'If you already entered card details, call the number on the back of the card to stop and reissue it; if you entered a password, change it now from the official site (and wherever you reused it).',
  };
}
