import { phraseRule } from './phrases.js';

/** Online casino bait: welcome and deposit bonuses, free spins; unlicensed gambling sites and deposit fraud. */
export default phraseRule({
  id: 'lure/casino-bonus',
  category: 'scam',
  kinds: ['casino'],
  base: 12,
  step: 5,
  cap: 22,
  description: {
    ja: 'オンラインカジノのボーナス・フリースピンで誘う文言',
    en: 'Online casino or betting bonus bait (free spins, deposit bonus)',
  },
});
