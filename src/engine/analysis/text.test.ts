import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fold, INVISIBLE_CLASS } from './text.js';

const slowFold = (s: string) =>
  s
    .normalize('NFKC')
    .replace(new RegExp(`[${INVISIBLE_CLASS}\\u200e\\u200f\\u00ad]`, 'gu'), '')
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

test('fold drops format characters written inside a word to dodge filters', () => {
  assert.equal(fold('Micro\u2066soft 365'), 'microsoft 365');
  assert.equal(fold('Am\u202eazon'), 'amazon');
  assert.equal(fold('Net\u{e0061}flix'), 'netflix');
  assert.equal(fold('Pay\ufe0fPal'), 'paypal');
  assert.equal(fold('葛\u{e0100}飾'), '葛飾');
});
