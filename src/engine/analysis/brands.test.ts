import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DATA } from '../data/default.js';
import { scanUrl } from '../scan.js';
import { brandIndex, firstAlias, forEachAlias, imitation, pathBrand } from './brands.js';
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

test('brand names in text: Latin names as whole words, names in Japanese script anywhere', () => {
  const all = (text: string) => {
    const found: [string, number][] = [];
    forEachAlias(index, text, (alias, at) => {
      found.push([alias, at]);
      return false;
    });
    return found;
  };
  assert.deepEqual(all('amazon and xamazon, amazonia; 楽天市場で'), [
    ['amazon', 0],
    ['楽天市場', 30],
  ]);
  // Inside a Latin word the Latin name does not count, but a name in Japanese script starting there does.
  assert.deepEqual(all('xpaypay株式会社'), [['paypay株式会社', 1]]);
  assert.equal(
    firstAlias(index, 'news about paypal and amazon', (a) => a === 'amazon'),
    'amazon',
  );
  assert.equal(firstAlias(index, 'a plain sentence'), null);
});
