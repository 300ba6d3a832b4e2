import { phraseRule } from './phrases.js';

/** Requests for secrets: password, card number, CVV, one-time code, recovery phrase (not when the text says it will never ask). */
export default phraseRule({
  id: 'lure/sensitive-request',
  category: 'phishing',
  kinds: ['credential-request', 'card-request', 'otp-request'],
  base: 12,
  step: 4,
  cap: 22,
  skipNegated: true,
  description: {
    ja: 'パスワード・カード番号・セキュリティコード・認証コードの入力を求める文言',
    en: 'Asks for a password, card number, security code or one-time code',
  },
});
