import { phraseRule } from './phrases.js';

/** Fake invoices: unexpected charges, 'call to cancel', overdue invoices, legal threats. */
export default phraseRule({
  id: 'lure/fake-invoice',
  category: 'scam',
  kinds: ['invoice'],
  base: 12,
  step: 5,
  cap: 22,
  description: {
    ja: '身に覚えのない請求・架空請求の文言',
    en: "Wording of an unexpected invoice or charge ('if you did not authorize this, call')",
  },
});
