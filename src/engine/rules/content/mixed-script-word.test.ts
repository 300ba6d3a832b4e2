import { eml, ruleTester } from '../../testing.js';
import rule from './mixed-script-word.js';

ruleTester(rule, {
  valid: [
    {
      name: 'English',
      email: eml({ from: 'a <a@example.jp>', subject: 'Your Apple receipt', text: 'Thanks for your order' }),
    },
    {
      name: 'Russian text',
      email: eml({ from: 'a <a@example.jp>', subject: 'Привет', text: 'Добрый день, как дела?' }),
    },
    { name: 'Greek text', email: eml({ from: 'a <a@example.jp>', subject: 'Γεια σου', text: 'Καλημέρα' }) },
    {
      name: 'a micro sign in a unit',
      email: eml({ from: 'a <a@example.jp>', subject: 'x', text: 'Take 50µg daily' }),
    },
    {
      name: 'Japanese',
      email: eml({ from: 'a <a@example.jp>', subject: 'お知らせ', text: 'アマゾンからのご案内' }),
    },
  ],
  invalid: [
    {
      name: 'look-alike letters in both the subject and the sender name',
      email: eml({
        from: '\u0421\u043eurt Clerk <clerk@case.example>',
        subject: 'N\u0435w D\u043e\u0441um\u0435nts',
        text: 'x',
      }),
      weight: 30,
    },
    {
      name: 'Cyrillic А in Apple (subject)',
      email: eml({ from: 'a <a@example.jp>', subject: '\u0410pple ID locked', text: 'x' }),
      evidence: 'А: Cyrillic',
    },
    {
      name: 'Cyrillic а in PayPal (display name)',
      email: eml({ from: 'P\u0430yP\u0430l <a@example.jp>', subject: 'x', text: 'x' }),
      evidence: 'PаyPаl',
    },
    {
      name: 'Greek omicron in body words',
      email: eml({ from: 'a <a@example.jp>', subject: 'x', text: 'Y\u03bfur acc\u03bfunt is l\u03bfcked' }),
      evidence: 'ο: Greek',
    },
    {
      name: 'an all-Cyrillic spelling of a brand',
      email: eml({
        from: 'a <a@example.jp>',
        subject: '\u0440\u0430\u0443\u0440\u0430\u0443 notice',
        text: 'x',
      }),
      evidence: 'Cyrillic',
    },
  ],
});
