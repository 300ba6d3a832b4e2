import { phraseRule } from './phrases.js';

/**
 * Clearance sales and deep discounts (70% off or more, "everything must go", 「在庫処分」): the bait of fake shops that
 * take the payment and send nothing or a counterfeit. Weak on its own — real shops hold sales — so it weighs little
 * and mainly counts as bait for the other rules.
 */
export default phraseRule({
  id: 'lure/clearance-offer',
  category: 'scam',
  kinds: ['clearance-offer'],
  base: 6,
  step: 3,
  cap: 12,
  description: {
    ja: '在庫処分や7割以上の値引きで売り込む文言',
    en: 'A clearance sale or a discount of 70% or more',
  },
});
