import { phraseRule } from './phrases.js';

/** Miracle health products: weight loss, potency, hair and hearing cures sold through scam shops and fake subscriptions. */
export default phraseRule({
  id: 'lure/miracle-product',
  category: 'scam',
  kinds: ['health-product'],
  base: 10,
  step: 5,
  cap: 20,
  description: {
    ja: '飲むだけで痩せる・精力・育毛など「奇跡の商品」をうたう文言',
    en: 'A miracle health, diet or potency product ("lose 10 kg", "doctors hate this trick")',
  },
});
