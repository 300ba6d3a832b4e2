import { phraseRule } from './phrases.js';

/** Dating and romance bait: singles near you, foreign brides, a stranger who wants to chat; the link leads to paid sign-ups or fraud. */
export default phraseRule({
  id: 'lure/romance-bait',
  category: 'scam',
  kinds: ['romance'],
  base: 12,
  step: 5,
  cap: 22,
  description: {
    ja: '出会い・恋愛・アダルトの誘いの文言（架空の女性からの連絡、近くの独身者など）',
    en: 'Dating, romance or adult-contact bait: "singles near you", a stranger who "likes you very much"',
  },
});
