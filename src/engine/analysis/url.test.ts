import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { editDistance, hostInfo, skeleton } from './url.js';

test('skeleton maps confusables before lower-casing: all-caps Cyrillic reads as Latin', () => {
  // Т Е Р С О in Cyrillic capitals (U+0422 U+0415 U+0420 U+0421 U+041E)
  assert.equal(skeleton('\u0422\u0415\u0420\u0421\u041e'), 'tepco');
  // Cyrillic small а in amazon, full-width letters
  assert.equal(skeleton('\u0430mazon'), 'amazon');
  assert.equal(skeleton('ＡＭＡＺＯＮ'), 'amazon');
  assert.equal(skeleton('Amazon'), 'amazon');
  // Japanese text is left as it is
  assert.equal(skeleton('楽天'), '楽天');
});

test('hostInfo splits the registrable domain', () => {
  const h = hostInfo('WWW.Amazon.co.jp.');
  assert.equal(h.host, 'www.amazon.co.jp');
  assert.equal(h.registrableDomain, 'amazon.co.jp');
  assert.equal(h.domainLabel, 'amazon');
  assert.equal(h.subdomain, 'www');
});

test('editDistance counts a transposition as one', () => {
  assert.equal(editDistance('aeon', 'aeno'), 1);
  assert.equal(editDistance('amazon', 'amazom'), 1);
});

test('editDistance with max 1 (the quick path) agrees with the full table', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'm', 'n', 'r'), maxLength: 7 });
  fc.assert(
    fc.property(word, word, (a, b) => {
      const full = Math.min(editDistance(a, b, 3), 2);
      assert.equal(editDistance(a, b, 1), full, `${a} ${b}`);
    }),
    { numRuns: 5000 },
  );
  assert.equal(editDistance('amazon', 'amazom', 1), 1);
  assert.equal(editDistance('amazon', 'amzaon', 1), 1);
  assert.equal(editDistance('amazon', 'amazonn', 1), 1);
  assert.equal(editDistance('amazon', 'mazon', 1), 1);
  assert.equal(editDistance('amazon', 'amazon', 1), 0);
  assert.equal(editDistance('amazon', 'amzoan', 1), 2);
});
