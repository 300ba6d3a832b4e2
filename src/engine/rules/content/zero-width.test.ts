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
    {
      name: 'an emoji with its presentation selector, and a Hebrew name isolated in English text',
      email: eml({
        from: 'a <a@example.jp>',
        subject: '\u2714\ufe0f Done',
        text: 'Meeting with \u2067\u05e9\u05dc\u05d5\u05dd\u2069 at noon, notes from \u2067\u05d3\u05e0\u05d4\u2069 and \u2067\u05e8\u05d5\u05ea\u2069.',
      }),
    },
    {
      name: 'kanji with ideographic variation selectors (a name written with its registered glyph)',
      email: eml({
        from: '\u845b\u{e0100}\u98fe\u533a\u5f79\u6240 <a@example.jp>',
        subject: '\u8fbb\u{e0100}\u672c\u69d8 \u845b\u{e0100}\u98fe\u306e\u3054\u6848\u5185',
        text: '\u8fbb\u{e0100}\u672c \u845b\u{e0100}\u98fe \u8fbb\u{e0100}\u5802 \u6a0b\ufe00\u53e3',
      }),
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
    {
      name: 'bidi isolates scattered through body words',
      email: eml({
        from: 'a <a@example.jp>',
        subject: 'x',
        text: 'V\u2069e\u2069rify yo\u2069ur in\u2069fo, your acc\u2069ount is lo\u2069cked',
      }),
      evidence: 'U+2069',
    },
    {
      name: 'variation selectors breaking a brand name in the sender name and subject',
      email: eml({
        from: 'Mi\u{e0109}cro\u{e0109}soft Billing <a@example.jp>',
        subject: 'Sub\u{e0109}scription ex\u{e0109}pired',
        text: 'x',
      }),
      evidence: 'U+E0109',
      weight: 30,
    },
    {
      name: 'subject and sender name both broken up, no brand',
      email: eml({
        from: 'Ta\u2066x Of\u2066fice <a@example.jp>',
        subject: 'Out\u2066standing re\u2066port',
        text: 'x',
      }),
      weight: 20,
    },
  ],
});
