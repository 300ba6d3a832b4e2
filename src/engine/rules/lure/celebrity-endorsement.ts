import { phraseRule } from './phrases.js';

/**
 * A famous name vouching for an investment platform, an energy-saving gadget or a cure ("Elon Musk's new device",
 * "as seen on Shark Tank"): the fake-endorsement advert. The celebrity endorses nothing sent by mail.
 */
export default phraseRule({
  id: 'lure/celebrity-endorsement',
  category: 'scam',
  kinds: ['celebrity-endorsement'],
  base: 10,
  step: 4,
  cap: 18,
  description: {
    ja: '有名人が推薦・発明・投資したとして商品や投資を売り込む文言（偽の有名人推薦）',
    en: "A celebrity said to endorse, invent or invest in the offer ('Elon Musk's new device', 'as seen on Shark Tank')",
  },
  references: ['https://consumer.ftc.gov/node/85172'],
});
