import { eml, ruleTester } from '../../testing.js';
import rule from './hidden-text.js';

const html = (inner: string) =>
  eml({ from: 'Shop <info@example.jp>', subject: 'x', html: `<html><body>${inner}</body></html>` });
const filler = 'The quick brown fox jumps over the lazy dog while the weather stays fine. '.repeat(8);

ruleTester(rule, {
  valid: [
    {
      name: 'a newsletter preheader',
      email: html(
        `<div style="display:none">今週のおすすめ商品とセール情報をお届けします${'&zwnj;&nbsp;'.repeat(90)}</div><p>本文です。</p>`,
      ),
    },
    { name: 'nothing hidden', email: html(`<p>${filler}</p>`) },
    {
      name: 'a linked picture for the reader, every word hidden (content/text-for-filters-only says it)',
      email: html(
        `<a href="https://x.example/go"><img src="https://x.example/offer.png"></a><div style="display:none">${filler}</div>`,
      ),
    },
  ],
  invalid: [
    {
      name: 'visible text and more hidden text',
      email: html(
        `<p>Your account is locked. Sign in again to unlock it today.</p><img src="https://x.example/logo.png"><div style="display:none">${filler}</div>`,
      ),
      weight: 12,
    },
    {
      name: 'a block of hidden filler text',
      email: html(`<p>Your account is locked.</p><div style="display:none">${filler}</div>`),
      evidence: 'quick brown fox',
    },
    {
      name: 'hidden with font-size:0',
      email: html(`<p>Verify now</p><span style="font-size:0px">${filler}</span>`),
      evidence: 'quick brown',
    },
  ],
});
