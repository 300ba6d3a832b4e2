import type { Text } from '../engine/report.js';
import type { Channel, Happened } from './types.js';

/** How the answers read to a person, in the CLI's prompts, the web form and the incident summary alike. */
export const HAPPENED_LABEL: Record<Happened, Text> = {
  received: { ja: '受け取っただけ', en: 'only received it' },
  clicked: { ja: 'リンクを開いた', en: 'opened the link' },
  'password-entered': { ja: 'IDとパスワードを入力した', en: 'entered the account password' },
  'card-entered': { ja: 'カード情報を入力した', en: 'entered card details' },
  'personal-data-entered': { ja: 'その他の個人情報を入力した', en: 'entered other personal data' },
  'unknown-orders': {
    ja: '覚えのない注文・ログインの通知が来た',
    en: 'notices of orders or sign-ins I did not make',
  },
  'unknown-charges': { ja: 'カードに覚えのない請求がある', en: 'unknown charges on my card' },
};

export const CHANNEL_LABEL: Record<Channel, Text> = {
  mail: { ja: 'メール', en: 'e-mail' },
  sms: { ja: 'SMS', en: 'SMS' },
  phone: { ja: '電話', en: 'phone call' },
  'web-ad': { ja: 'ネット広告・検索結果', en: 'web ad or search result' },
};
