import { phraseRule } from './phrases.js';

/** Delivery lures: failed delivery, redelivery, unpaid shipping fee, customs fee. */
export default phraseRule({
  id: 'lure/delivery-fee',
  category: 'phishing',
  kinds: ['delivery', 'customs-fee'],
  base: 15,
  step: 4,
  cap: 25,
  description: {
    ja: '配達失敗・再配達・送料や関税の支払いを求める文言',
    en: 'Wording about a failed delivery, redelivery or an unpaid shipping or customs fee',
  },
});
