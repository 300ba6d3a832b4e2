import { phraseRule } from './phrases.js';

/** Account threats: suspended or locked, unusual sign-in, "verify your account", shared documents to sign, fake virus alerts. */
export default phraseRule({
  id: 'lure/account-threat',
  category: 'phishing',
  kinds: ['account-suspended', 'sign-in-detected', 'verify-account', 'document-share', 'device-threat'],
  base: 15,
  step: 4,
  cap: 25,
  description: {
    ja: 'アカウントの停止・不審なサインイン・確認要求で不安をあおる文言',
    en: 'Wording that threatens the account: suspended, unusual sign-in, verify now',
  },
});
