import { phraseRule } from './phrases.js';

/** Sextortion: claims of a hacked device or webcam recording, threats to send it to contacts, payment in bitcoin (two or more phrases). */
export default phraseRule({
  id: 'lure/sextortion',
  category: 'scam',
  kinds: ['sextortion'],
  base: 10,
  step: 6,
  cap: 28,
  minDistinct: 2,
  description: {
    ja: '端末をハッキングし映像を撮ったとして暗号資産を要求する脅迫の文言',
    en: "Sextortion wording: 'I hacked your device', webcam recording, pay in bitcoin",
  },
});
