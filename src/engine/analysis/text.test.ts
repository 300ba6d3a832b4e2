import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fold } from './text.js';

const slowFold = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e]|\u034f/g, '')
    .toLowerCase();

test('fold: NFKC, lower case, no invisible marks', () => {
  assert.equal(fold('ＡＭＡＺＯＮ'), 'amazon');
  assert.equal(fold('Pay\u200bPal'), 'paypal');
  assert.equal(fold('Your Account'), 'your account');
  assert.equal(fold('ｱｶｳﾝﾄ'), 'アカウント');
});

test('fold: the ASCII quick path gives what the full path gives', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (s) => {
      assert.equal(fold(s), slowFold(s));
    }),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
      assert.equal(fold(s), slowFold(s));
    }),
    { numRuns: 3000 },
  );
});
