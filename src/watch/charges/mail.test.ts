import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_DATA } from '../../engine/data/default.js';
import { chargesFromEmail, noticeCharges } from './mail.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/charges/${name}`, import.meta.url));

describe('card-usage notice mails', () => {
  it('楽天カード: genuine (DMARC pass for rakuten-card.co.jp, ISO-2022-JP body), every ■ block read', async () => {
    const r = await chargesFromEmail(fixture('rakuten-notice.eml'), DEFAULT_DATA);
    assert.equal(r.report.genuine?.brand, 'rakuten-card');
    assert.equal(r.issuer, 'rakuten-card');
    assert.equal(r.refused, null);
    assert.deepEqual(
      r.charges.map((c) => [c.date, c.merchant, c.amount, c.user, c.source.format]),
      [
        ['2020-05-08', 'NETFLIX.COM', 1980, '本人', 'mail:rakuten-card'],
        ['2020-05-08', 'NETFLIX.COM', 1980, '本人', 'mail:rakuten-card'],
        ['2020-05-09', 'NETFLIX.COM', 1980, '本人', 'mail:rakuten-card'],
      ],
    );
  });

  it('the same text from an unauthenticated sender is refused, never imported', async () => {
    const r = await chargesFromEmail(fixture('rakuten-notice-forged.eml'), DEFAULT_DATA);
    assert.equal(r.report.genuine, null);
    assert.equal(r.issuer, null);
    assert.deepEqual(r.charges, []);
    assert.match(r.refused?.en ?? '', /not authenticated/);
  });

  it('三井住友カード: the ◇ labelled layout and the flat layout', async () => {
    const labelled = await chargesFromEmail(fixture('smbc-notice.eml'), DEFAULT_DATA);
    assert.equal(labelled.issuer, 'smbc-card');
    assert.deepEqual(
      labelled.charges.map((c) => [c.date, c.time, c.merchant, c.amount]),
      [['2026-10-13', '21:04', 'GOOGLE *EXAMPLE APP', 1500]],
    );
    const flat = await chargesFromEmail(fixture('smbc-notice-flat.eml'), DEFAULT_DATA);
    assert.deepEqual(
      flat.charges.map((c) => [c.date, c.time, c.merchant, c.amount]),
      [['2026-10-14', '08:12', '架空ベーカリー', 450]],
    );
  });

  it('JCB: 【ご利用日時】【ご利用金額】【ご利用先】 blocks', async () => {
    const r = await chargesFromEmail(fixture('jcb-notice.eml'), DEFAULT_DATA);
    assert.equal(r.issuer, 'jcb');
    assert.deepEqual(
      r.charges.map((c) => [c.date, c.time, c.merchant, c.amount]),
      [
        ['2026-10-20', '23:41', 'STEAMGAMES.COM', 50],
        ['2026-10-20', '23:43', 'STEAMGAMES.COM', 24800],
      ],
    );
  });

  it('a genuine mail of another brand is not a card notice', async () => {
    const r = await chargesFromEmail(
      readFileSync(new URL('../../../../test/fixtures/genuine-amazon-order.eml', import.meta.url)),
      DEFAULT_DATA,
    );
    assert.equal(r.report.genuine?.brand, 'amazon');
    assert.equal(r.issuer, null);
    assert.deepEqual(r.charges, []);
  });

  it('楽天カード 速報版 (no 利用先) and the one-line layout', () => {
    const quick = noticeCharges('rakuten-card', '■利用日: 2020/05/08\n■利用者: 本人\n■利用金額: 1,980 円\n');
    assert.deepEqual(
      quick.map((c) => [c.date, c.merchant, c.amount]),
      [['2020-05-08', null, 1980]],
    );
    const line = noticeCharges(
      'rakuten-card',
      'ご利用日    ご利用先    ご利用金額\n2025/08/17    ｶｸｳｼｮｳﾃﾝ    1,000円｜ 支払月：2025/09 ｜ 利用者：本人\n',
    );
    assert.deepEqual(
      line.map((c) => [c.date, c.merchant, c.amount, c.user]),
      [['2025-08-17', 'カクウショウテン', 1000, '本人']],
    );
  });
});
