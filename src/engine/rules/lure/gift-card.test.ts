import { eml, ruleTester } from '../../testing.js';
import rule from './gift-card.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    {
      name: 'gift card promotion',
      email: mail('Holiday gift ideas', 'Gift cards make a great present for teachers.'),
    },
  ],
  invalid: [
    {
      name: 'buy gift cards request',
      email: mail('Quick favour', 'I need you to buy 5 Google Play gift cards and send me the codes.'),
      evidence: 'gift cards',
    },
    {
      name: 'ja electronic money',
      email: mail('至急', 'Amazonギフト券を購入してコードを送ってください。'),
      evidence: 'ギフト券',
    },
  ],
});
