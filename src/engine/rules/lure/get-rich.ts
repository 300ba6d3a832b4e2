import { phraseRule } from './phrases.js';

/** Get-rich pitches: passive income, guaranteed returns, trading robots; investment fraud. */
export default phraseRule({
  id: 'lure/get-rich',
  category: 'scam',
  kinds: ['get-rich'],
  base: 12,
  step: 5,
  cap: 22,
  description: {
    ja: '「毎日稼げる」「元本保証」などのもうけ話・投資勧誘の文言',
    en: 'A get-rich or investment pitch ("earn $500 a day", "guaranteed returns")',
  },
});
