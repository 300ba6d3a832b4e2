import { phraseRule } from './phrases.js';

/** Scam bait: prizes, lotteries and winners; inheritances, funds to move, business proposals. */
export default phraseRule({
  id: 'lure/prize-or-advance-fee',
  category: 'scam',
  kinds: ['prize', 'advance-fee'],
  base: 12,
  step: 5,
  cap: 25,
  description: {
    ja: '当選・賞品、遺産や送金の協力などの前払い詐欺の文言',
    en: 'Wording of prizes and winners, or of advance-fee fraud (inheritance, funds to move)',
  },
});
