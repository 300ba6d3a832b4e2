import { phraseRule } from './phrases.js';

/** Payment problems: failed payment, expired card, membership or subscription renewal failed. */
export default phraseRule({
  id: 'lure/payment-problem',
  category: 'phishing',
  kinds: ['payment-problem', 'membership'],
  base: 15,
  step: 4,
  cap: 25,
  description: {
    ja: '支払い・カード・会員更新の問題を告げる文言',
    en: 'Wording about a failed payment, an expired card or a membership renewal problem',
  },
});
