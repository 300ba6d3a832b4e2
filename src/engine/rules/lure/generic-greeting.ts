import { phraseRule } from './phrases.js';

/** Generic greeting at the start: お客様, Dear Customer, Dear User (weak). */
export default phraseRule({
  id: 'lure/generic-greeting',
  category: 'phishing',
  kinds: ['generic-greeting'],
  base: 4,
  step: 0,
  cap: 4,
  nearStart: 300,
  description: {
    ja: '宛名のない一般的な呼びかけ（お客様、Dear Customer）',
    en: 'A generic greeting instead of your name (Dear Customer)',
  },
});
