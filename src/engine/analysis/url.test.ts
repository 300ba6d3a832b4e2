import assert from 'node:assert/strict';
import { test } from 'node:test';
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
