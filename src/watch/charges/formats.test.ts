import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  detectFormat,
  parseGeneric,
  parseMapping,
  parseRakuten,
  parseSmbc,
  parseStatement,
} from './formats.js';
import { encodeShiftJis } from './testing.js';
import { chargeFingerprints, decodeBytes, merchantKey, parseAmount, parseCsv, parseDate } from './text.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/charges/${name}`, import.meta.url));

describe('decoding statement bytes', () => {
  it('reads the Shift_JIS fixtures as Shift_JIS (they are not valid UTF-8)', () => {
    for (const name of ['rakuten-enavi-sjis.csv', 'smbc-vpass-sjis.csv', 'smbc-2026-sjis.csv']) {
      const bytes = fixture(name);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), name);
      assert.equal(decodeBytes(bytes).encoding, 'shift_jis', name);
    }
    assert.match(decodeBytes(fixture('rakuten-enavi-sjis.csv')).text, /^"利用日","利用店名・商品名"/);
  });

  it('takes a BOM as UTF-8 and strips it, and valid UTF-8 without one as UTF-8', () => {
    const bom = decodeBytes(fixture('generic-utf8-bom.csv'));
    assert.equal(bom.encoding, 'utf-8-bom');
    assert.ok(bom.text.startsWith('日付'));
    assert.equal(decodeBytes(new TextEncoder().encode('利用日,利用店名・商品名\n')).encoding, 'utf-8');
  });

  it('round-trips half-width katakana and full-width forms through Shift_JIS', () => {
    const text = 'ｾﾌﾞﾝ-ｲﾚﾌﾞﾝ,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,楽天市場,①';
    assert.equal(decodeBytes(encodeShiftJis(text)).text, text);
  });
});

describe('CSV and value forms', () => {
  it('parses quoted cells with commas, doubled quotes and line breaks, CRLF rows', () => {
    const rows = parseCsv('a,"b,c","say ""hi"""\r\n"multi\nline",2\r\n\r\n');
    assert.deepEqual(
      rows.map((r) => r.cells),
      [
        ['a', 'b,c', 'say "hi"'],
        ['multi\nline', '2'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2],
    );
  });

  it('reads amounts in the forms statements write', () => {
    assert.equal(parseAmount('1,980'), 1980);
    assert.equal(parseAmount('¥１，９８０'), 1980);
    assert.equal(parseAmount('1,980 円'), 1980);
    assert.equal(parseAmount('▲1,000'), -1000);
    assert.equal(parseAmount("'22/08"), null);
    assert.equal(parseAmount(''), null);
  });

  it('reads dates and rejects impossible ones', () => {
    assert.equal(parseDate('2020/5/8'), '2020-05-08');
    assert.equal(parseDate('２０２０／０５／０８'), '2020-05-08');
    assert.equal(parseDate('2020年5月8日'), '2020-05-08');
    assert.equal(parseDate('2026/02/30'), null);
    assert.equal(parseDate('架空　花子　様'), null);
  });

  it('gives one merchant key to the spellings of one shop', () => {
    assert.equal(merchantKey('ＡＭＡＺＯＮ．ＣＯ．ＪＰ'), merchantKey('amazon.co.jp'));
    assert.equal(merchantKey('架空マート／ｉＤ'), merchantKey('架空マート'));
    assert.equal(merchantKey('架空ベーカリー（買物）'), merchantKey('架空ベーカリー'));
    assert.equal(merchantKey('STEAMGAMES.COM 4259522985'), 'steamgames.com');
    assert.equal(merchantKey('AMAZON.CO.JP*M12AB3CD4'), 'amazon.co.jp');
  });

  it('keeps identical charges apart and a re-import identical', () => {
    const c = { date: '2020-05-08', merchant: 'NETFLIX.COM', amount: 1980 };
    const once = chargeFingerprints([c, c, c], 'csv');
    assert.equal(new Set(once).size, 3);
    assert.deepEqual(chargeFingerprints([c, c, c], 'csv'), once);
  });
});

describe('楽天カード e-NAVI CSV', () => {
  it('reads every charge of the Shift_JIS download', () => {
    const { text } = decodeBytes(fixture('rakuten-enavi-sjis.csv'));
    assert.equal(detectFormat(text), 'rakuten');
    const r = parseRakuten(text);
    assert.deepEqual(r.problems, []);
    assert.equal(r.charges.length, 6);
    assert.deepEqual(
      r.charges.filter((c) => c.merchant === 'NETFLIX.COM').map((c) => [c.date, c.amount, c.user]),
      [
        ['2020-05-08', 1980, '本人'],
        ['2020-05-09', 1980, '本人'],
        ['2020-05-10', 1980, '本人'],
      ],
    );
    assert.equal(r.charges[1]?.amount, 3280);
    assert.equal(r.charges[5]?.user, '家族');
  });

  it('says so when the header is missing instead of guessing', () => {
    const r = parseRakuten('2020/05/08,NETFLIX.COM,本人,1回払い,1980\n');
    assert.equal(r.charges.length, 0);
    assert.match(r.problems[0]?.text ?? '', /header/);
  });
});

describe('三井住友カード Vpass CSV', () => {
  it('reads the headerless billed layout: sections, a comma in a merchant, foreign amounts, totals skipped', () => {
    const { text } = decodeBytes(fixture('smbc-vpass-sjis.csv'));
    assert.equal(detectFormat(text), 'smbc');
    const r = parseSmbc(text);
    assert.equal(r.layout, 'smbc/vpass-classic');
    assert.deepEqual(r.problems, []);
    assert.equal(r.charges.length, 6);
    const cloud = r.charges[2];
    assert.equal(cloud?.merchant, 'EXAMPLE CLOUD, INC. (EXAMPLE.COM)');
    assert.equal(cloud?.amount, 1394);
    assert.equal(cloud?.currency, 'USD');
    assert.equal(cloud?.originalAmount, 10);
    assert.equal(r.charges[0]?.merchant, 'ETC架空道路');
    assert.equal(r.charges[5]?.source.section, 'ApplePay/iD');
    assert.equal(r.charges[5]?.amount, 120);
  });

  it('reads the unbilled layout', () => {
    const text = "2026/7/4,ＡＭＡＺＯＮ．ＣＯ．ＪＰ,ご本人,1回払い,,'26/08,3844,3844,,,,,\n";
    const r = parseSmbc(text);
    assert.equal(r.layout, 'smbc/vpass-unbilled');
    assert.deepEqual(
      r.charges.map((c) => [c.date, c.merchant, c.amount, c.user]),
      [['2026-07-04', 'AMAZON.CO.JP', 3844, 'ご本人']],
    );
  });

  it('reads the 2026 layout with a header line and its currency columns', () => {
    const { text } = decodeBytes(fixture('smbc-2026-sjis.csv'));
    assert.equal(detectFormat(text), 'smbc');
    const r = parseStatement(text, 'smbc');
    assert.equal(r.layout, 'smbc/vpass-2026');
    assert.deepEqual(
      r.charges.map((c) => [c.date, c.merchant, c.amount, c.currency, c.originalAmount]),
      [
        ['2026-10-12', '架空スーパー', 2180, null, null],
        ['2026-10-13', 'GOOGLE *EXAMPLE APP', 1500, 'USD', 9.99],
      ],
    );
  });
});

describe('generic CSV with a mapping', () => {
  it('reads columns by header name', () => {
    const { text } = decodeBytes(fixture('generic-utf8-bom.csv'));
    assert.equal(detectFormat(text), null);
    const r = parseGeneric(text, parseMapping('date=日付,merchant=内容,amount=金額'));
    assert.deepEqual(
      r.charges.map((c) => [c.date, c.merchant, c.amount]),
      [
        ['2026-09-01', '架空書店', 1200],
        ['2026-09-02', 'Apple.com/bill, ITUNES.COM', 980],
      ],
    );
  });

  it('reads columns by index and skips rows whose date cell is no date', () => {
    const r = parseGeneric(
      '明細\n2026/09/01;x,店A,100\n2026/09/02,店B,"1,200"\n合計,,1300\n',
      parseMapping('date=0,merchant=1,amount=2'),
    );
    assert.deepEqual(
      r.charges.map((c) => [c.date, c.merchant, c.amount]),
      [['2026-09-02', '店B', 1200]],
    );
  });

  it('rejects an incomplete or unknown mapping', () => {
    assert.throws(() => parseMapping('date=0,merchant=1'), /amount/);
    assert.throws(() => parseMapping('date=0,shop=1,amount=2'), /unknown/);
    assert.throws(() => parseStatement('a,b', 'generic'), /mapping/);
  });
});
