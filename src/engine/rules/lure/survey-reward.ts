import { phraseRule } from './phrases.js';

/** Survey and loyalty-reward bait: answer a few questions for a prize, then pay a small "shipping fee" (a subscription trap). */
export default phraseRule({
  id: 'lure/survey-reward',
  category: 'scam',
  kinds: ['survey-reward'],
  base: 12,
  step: 5,
  cap: 22,
  description: {
    ja: 'アンケートに答えると景品・特典がもらえると誘う文言',
    en: 'A survey or loyalty reward that asks for a few answers (and then card details for "shipping")',
  },
});
