import { DEFAULT_DATA } from '../../data/default.js';
import { eml, ruleTester } from '../../testing.js';
import rule from './unofficial-phone.js';

const smbc = (text: string) =>
  eml({ from: '三井住友カード <info@example.net>', subject: 'ご利用確認', text });

ruleTester(rule, {
  valid: [
    {
      name: 'the brand’s own number',
      email: smbc('ご不明な点は電話 0120-936-795 までお問い合わせください。'),
    },
    { name: 'no phone number', email: smbc('ご利用ありがとうございます。') },
    {
      name: 'no brand claimed',
      email: eml({
        from: 'Taro <taro@example.net>',
        subject: 'hi',
        text: 'Call me at 03-1234-5678 tonight.',
      }),
    },
    {
      name: 'brand named only in passing',
      email: eml({
        from: 'Taro <taro@example.net>',
        subject: 'lunch',
        text: 'I paid with my Mizuho Bank card. Phone: 03-1234-5678',
      }),
    },
    {
      name: 'the call words come from the data: none listed, no number is read',
      email: smbc('至急、お電話ください：050-1234-5678'),
      data: { lures: { ...DEFAULT_DATA.lures, callWords: { phrases: {}, sources: [] } } },
    },
  ],
  invalid: [
    {
      name: 'a number that is not the brand’s',
      email: smbc('至急、お電話ください：050-1234-5678'),
      evidence: '050-1234-5678',
    },
    {
      name: 'international form compared in national form',
      email: smbc('お問い合わせ +81 3-1234-5678'),
      evidence: '+81 3-1234-5678',
    },
  ],
});
