import { eml, ruleTester } from '../../testing.js';
import rule from './text-for-filters-only.js';

const html = (inner: string) =>
  eml({ from: 'Shop <info@example.jp>', subject: 'x', html: `<html><body>${inner}</body></html>` });
const filler = 'The quick brown fox jumps over the lazy dog while the weather stays fine. '.repeat(8);

ruleTester(rule, {
  valid: [
    {
      name: 'a picture newsletter with a short hidden preheader',
      email: html(
        `<div style="display:none">This week's offers${'&zwnj;&nbsp;'.repeat(90)}</div><a href="https://x.example/go"><img src="https://x.example/offer.png"></a>`,
      ),
    },
    {
      name: 'visible text beside the hidden block',
      email: html(
        `<p>Your account is locked. Sign in again to unlock it today.</p><img src="https://x.example/logo.png"><div style="display:none">${filler}</div>`,
      ),
    },
    { name: 'hidden text but no picture', email: html(`<div style="display:none">${filler}</div>`) },
  ],
  invalid: [
    {
      name: 'a linked picture for the reader, every word hidden',
      email: html(
        `<a href="https://x.example/go"><img src="https://x.example/offer.png"></a><div style="display:none">${filler}</div>`,
      ),
      evidence: 'quick brown fox',
      weight: 18,
    },
  ],
});
