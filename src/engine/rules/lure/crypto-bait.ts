import { phraseRule } from './phrases.js';

/** Crypto bait: airdrops, token claims, 'connect/verify your wallet'. */
export default phraseRule({
  id: 'lure/crypto-bait',
  category: 'scam',
  kinds: ['crypto'],
  base: 12,
  step: 5,
  cap: 25,
  description: {
    ja: '暗号資産の配布（エアドロップ）やウォレット確認をかたる文言',
    en: 'Wording of a crypto giveaway, airdrop or wallet verification',
  },
});
