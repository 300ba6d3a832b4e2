import { phraseRule } from './phrases.js';

/** Gift cards as payment: buy cards, send the codes or a photo of the back. */
export default phraseRule({
  id: 'lure/gift-card',
  category: 'scam',
  kinds: ['gift-card'],
  base: 18,
  step: 5,
  cap: 25,
  description: {
    ja: 'ギフトカードでの支払いやコードの送付を求める文言',
    en: 'Asks for payment in gift cards or for gift card codes',
  },
});
