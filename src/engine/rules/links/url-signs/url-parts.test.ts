import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractLinks } from '../../../analysis/links.js';
import { DEFAULT_DATA } from '../../../data/default.js';
import { emptyMessage } from '../../../parse/message.js';
import { webLinks } from '../common.js';
import { decodedUri, readUrl } from './url-parts.js';

function read(url: string) {
  const message = emptyMessage('url');
  message.text = url;
  const [link] = webLinks(extractLinks(message, DEFAULT_DATA.hosts));
  assert.ok(link, url);
  return readUrl(link, DEFAULT_DATA.hosts);
}

test('readUrl splits the owner’s name, the labels in front, the path and the query', () => {
  const u = read('https://www.my.shop.example.com/a%20b/login.php?id=1');
  assert.equal(u.tld, 'com');
  assert.equal(u.own, 'example');
  assert.deepEqual(u.subs, ['my', 'shop']);
  assert.equal(u.path, '/a%20b/login.php');
  assert.equal(u.decoded, '/a b/login.php');
  assert.equal(u.query, '?id=1');
  assert.equal(u.bare, false);
  assert.equal(u.hosting, null);
});

test('readUrl: a platform suffix is hosting, and the bare address is bare', () => {
  const u = read('https://xq7rk2pz.sakura.ne.jp/');
  assert.equal(u.hosting, 'sakura.ne.jp');
  assert.equal(u.bare, true);
});

test('decodedUri keeps broken escapes as written', () => {
  assert.equal(decodedUri('/%E0%A4%A'), '/%E0%A4%A');
});
