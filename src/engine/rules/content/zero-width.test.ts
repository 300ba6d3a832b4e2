import { eml, ruleTester } from '../../testing.js';
import rule from './zero-width.js';

ruleTester(rule, {
  valid: [
    {
      name: 'plain text',
      email: eml({ from: 'a <a@example.jp>', subject: 'お知らせ', text: 'Hello world' }),
    },
    {
      name: 'preheader padding between spaces',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        html: `<p>Sale starts today ${'&zwnj; '.repeat(40)}</p>`,
      }),
    },
    {
      name: 'one stray mark in the body',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        text: 'Meeting at ten\u200b o\u200bclock tomorrow',
      }),
    },
    {
      name: 'soft hyphens in body text (hyphenation)',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        text: 'inter\u00adnational com\u00admunication pro\u00adgramme',
      }),
    },
    {
      name: 'emoji joiners',
      email: eml({ from: 'a <a@example.jp>', subject: 'family 👨\u200d👩\u200d👧', text: 'x' }),
    },
  ],
  invalid: [
    {
      name: 'zero-width space inside a brand in the subject',
      email: eml({ from: 'a <a@example.jp>', subject: 'Am\u200bazon account locked', text: 'x' }),
      evidence: 'Am<U+200B>azon',
    },
    {
      name: 'ZWNJ scattered through body words',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        text: 'Yo\u200cur acc\u200count wi\u200cll be clo\u200csed',
      }),
      evidence: 'U+200C',
    },
    {
      name: 'Japanese words split in the subject',
      email: eml({ from: 'a <a@example.jp>', subject: 'アカ\u200bウント停止', text: 'x' }),
      evidence: 'アカ',
    },
    {
      name: 'soft hyphen in the display name',
      email: eml({ from: 'Pay\u00adPal <a@example.jp>', subject: 'x', text: 'x' }),
      evidence: 'U+00AD',
    },
  ],
});
