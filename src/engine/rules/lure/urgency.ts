import { phraseRule } from './phrases.js';

/** Urgency: deadlines ('within 24 hours'), final notices, threats of deletion. */
export default phraseRule({
  id: 'lure/urgency',
  category: 'phishing',
  kinds: ['urgency'],
  base: 6,
  step: 3,
  cap: 12,
  description: {
    ja: '期限を切って急がせる文言',
    en: 'Wording that rushes the reader with a deadline',
  },
});
