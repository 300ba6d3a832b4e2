import { eml, ruleTester } from '../../testing.js';
import rule from './display-name-brand.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Yahoo! under its own name elsewhere (yahoo.com): a sister company, not an imitation',
      email: eml({ from: 'Yahoo! News <news-reply@reply.yahoo.com>', subject: 'x', text: 'x' }),
    },
    {
      name: 'brand name with its own domain',
      email: eml({ from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>', subject: 'x', text: 'x' }),
    },
    { name: 'a person’s name', email: eml({ from: 'Taro Yamada <taro@azeb.net>', subject: 'x', text: 'x' }) },
    {
      name: "initials in a person's name",
      email: eml({ from: 'J. R. R. Tolkien <jrr@books.example>', subject: 'x', text: 'x' }),
    },
  ],
  invalid: [
    {
      name: 'a brand spelled out letter by letter with dots',
      email: eml({ from: 'N.E.T.F.L.I.X JWK <admission@univ.example>', subject: 'x', text: 'x' }),
      evidence: 'N.E.T.F.L.I.X',
      weight: 30,
    },
    {
      name: 'a brand spelled out with blanks after a check mark',
      email: eml({ from: '\u2714\ufe0fU P S . <info@anglecon.example>', subject: 'x', text: 'x' }),
      evidence: 'U P S',
    },
    {
      name: 'a role after the brand still speaks as the brand',
      email: eml({ from: 'Amazon.co.jp カスタマーサービス <info@azeb.net>', subject: 'x', text: 'x' }),
      evidence: 'azeb.net',
    },
    {
      name: 'a newsletter named after a brand only mentions it (lower weight, still shown)',
      email: eml({ from: 'Fruitgeek Apple Core <news@fruitgeek.example>', subject: 'x', text: 'x' }),
      evidence: 'fruitgeek',
    },
    {
      name: 'Amazon display name on an unrelated domain',
      email: eml({ from: 'Amazon.co.jp <info@azeb.net>', subject: 'x', text: 'x' }),
      evidence: 'azeb.net',
    },
    {
      name: 'full-width brand name',
      email: eml({ from: '"Ａｍａｚｏｎ" <info@azeb.net>', subject: 'x', text: 'x' }),
      evidence: 'azeb.net',
    },
  ],
});
