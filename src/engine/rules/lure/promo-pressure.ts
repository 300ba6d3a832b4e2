import { phraseRule } from './phrases.js';

/**
 * Pressure selling: "limited time only", "while supplies last", "just pay shipping", 「期間限定」. Ordinary shops say it
 * too, so it weighs little; its use is as bait for the sender rules (a borrowed name or a throwaway domain pushing
 * the offer) that tell an advertiser from a one-run sending domain.
 */
export default phraseRule({
  id: 'lure/promo-pressure',
  category: 'spam',
  kinds: ['promo-pressure'],
  base: 3,
  step: 2,
  cap: 7,
  description: {
    ja: '期間限定・数量限定などで購入や申し込みを急がせる文言',
    en: "Pressure-selling wording: 'limited time only', 'while supplies last', 'just pay shipping'",
  },
});
