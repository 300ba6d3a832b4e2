import { phraseRule } from './phrases.js';

/** Money waiting or owed: tax refund, unpaid tax, points or miles expiring. */
export default phraseRule({
  id: 'lure/refund-or-points',
  category: 'phishing',
  kinds: ['tax-refund', 'points-expiring'],
  base: 12,
  step: 4,
  cap: 22,
  description: {
    ja: '税金の還付・未納やポイント失効をかたる文言',
    en: 'Wording about a tax refund or unpaid tax, or points about to expire',
  },
});
