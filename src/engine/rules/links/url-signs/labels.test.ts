import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DATA } from '../../../data/default.js';
import { mashed, noiseName, rarePairs, readsAsWords, serviceLabel, unsayable } from './labels.js';

const hosts = DEFAULT_DATA.hosts;

test('rarePairs counts letter pairs English words almost never contain', () => {
  for (const label of ['vexqua', 'fjorx', 'kj3dq']) assert.ok(rarePairs(label, hosts) >= 1, label);
  for (const label of ['shop', 'tokyo', 'maylove']) assert.equal(rarePairs(label, hosts), 0, label);
});

test('mashed: a hash or a keyboard mash, not an abbreviation or a word', () => {
  for (const label of ['dwqhtrjhfhs', 'hbqxzt', '6cf1edaffbcc659a']) assert.ok(mashed(label, hosts), label);
  for (const label of ['nghttp', 'msnbc', 'shop', 'tokyo']) assert.ok(!mashed(label, hosts), label);
});

test('serviceLabel: a platform service host, a number or a leading underscore allowed', () => {
  for (const label of ['cpanel', 'webmail', 'mx2', '_mta-sts']) assert.ok(serviceLabel(label, hosts), label);
  assert.ok(!serviceLabel('shop', hosts));
});

test('readsAsWords, unsayable and noiseName tell names people say from noise', () => {
  assert.ok(readsAsWords('tokyo-bento') && readsAsWords('shop24'));
  assert.ok(!readsAsWords('xq7rk'));
  for (const name of ['99tbk', 'mycash68', 'ws5d']) assert.ok(unsayable(name), name);
  for (const name of ['dropbox', 'canva']) assert.ok(!unsayable(name), name);
  assert.ok(noiseName('xutfjykx', false));
  assert.ok(noiseName('ovqga', true));
  for (const name of ['nghttp2', 'jsdelivr']) assert.ok(!noiseName(name, false), name);
});
