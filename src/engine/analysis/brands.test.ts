import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DATA } from '../data/default.js';
import { scanUrl } from '../scan.js';
import { brandIndex, imitation, pathBrand } from './brands.js';
import { hostInfo } from './url.js';

const index = brandIndex(DEFAULT_DATA);

test('pathBrand finds a brand named in the path of another site', () => {
  assert.equal(pathBrand(index, 'https://example.com/aeon')?.brand.id, 'aeon-card');
  assert.equal(pathBrand(index, 'https://example.com/x/aeon.co.jp/')?.brand.id, 'aeon-card');
  assert.equal(pathBrand(index, 'https://example.cn/etc.php?nov8=0')?.brand.id, 'etc-meisai');
  assert.equal(pathBrand(index, 'https://example.com/etc/passwd'), null);
  assert.equal(pathBrand(index, 'https://example.com/news/2024/deposit.html'), null);
});

test('the longest keyword wins: cr-mufg is the card company, not the bank', () => {
  assert.equal(imitation(index, hostInfo('www-info-cr-mufg.example.com'))?.brand.id, 'mufg-nicos');
  assert.equal(imitation(index, hostInfo('rakuten-jp.example.shop'))?.brand.id, 'rakuten');
});

test('a bare URL names a brand only by its host or path, not by words in its suffix', () => {
  assert.equal(scanUrl('https://fgconsulting.com.au/x/', DEFAULT_DATA).brand, null);
  assert.equal(scanUrl('https://example.com/x/plala/login.html', DEFAULT_DATA).brand, 'plala');
  assert.equal(scanUrl('https://nomasad.example.one/', DEFAULT_DATA).brand, null);
});

test('a brand split by a hyphen it does not have is read joined up, for long names only', () => {
  const brandOf = (host: string) => imitation(index, hostInfo(host))?.brand.id ?? null;
  assert.equal(brandOf('www.pay-pal.example'), 'paypal');
  assert.equal(brandOf('jp-pay-pay.example.app'), 'paypay');
  assert.equal(brandOf('tracking.japan-ponst.example'), 'japan-post');
  // "epos" (a card brand) is inside the joined japanepost, but is too short to be read there.
  assert.equal(brandOf('japane-post.example'), 'japan-post');
  assert.equal(brandOf('www.e-post.example'), null);
  assert.equal(brandOf('pay-later.example'), null);
});
