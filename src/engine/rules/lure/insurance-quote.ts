import { phraseRule } from './phrases.js';

/**
 * Insurance and health-plan quotes pushed at the reader ("compare quotes", 「保険 無料見積」, "nova cotação"): sent in
 * bulk from throwaway domains to collect contact details for resale or to sell a plan that does not exist. Weak on
 * its own — genuine insurers advertise too — so it weighs little and mainly counts as bait for the other rules.
 */
export default phraseRule({
  id: 'lure/insurance-quote',
  category: 'scam',
  kinds: ['insurance-quote'],
  base: 6,
  step: 3,
  cap: 12,
  description: {
    ja: '保険や医療プランの見積もり・値下げを持ちかける文言',
    en: 'An insurance or health-plan quote pitched at the reader',
  },
});
