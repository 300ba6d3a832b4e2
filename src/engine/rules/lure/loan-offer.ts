import { phraseRule } from './phrases.js';

/** Pre-approved loan offers: fees up front or personal data harvested for fraud. */
export default phraseRule({
  id: 'lure/loan-offer',
  category: 'scam',
  kinds: ['loan-offer'],
  base: 10,
  step: 5,
  cap: 20,
  description: {
    ja: '「審査なし」「承認済み」などで融資を持ちかける文言',
    en: 'A pre-approved loan or no-credit-check offer',
  },
});
