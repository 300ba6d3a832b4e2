import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FLAG_THRESHOLD, favouredMerchant, flagCharges } from './flags.js';
import type { Charge } from './types.js';

const ch = (date: string, merchant: string | null, amount: number, extra: Partial<Charge> = {}): Charge => ({
  date,
  time: null,
  merchant,
  amount,
  currency: null,
  originalAmount: null,
  user: null,
  source: { format: 'test' },
  ...extra,
});
const base = { card: 'rakuten', history: [], known: [], cases: [] };
const ids = (c: { reasons: { id: string }[] }) => c.reasons.map((r) => r.id).sort();

describe('flagging card charges', () => {
  it('the seed: 3 × 1,980 yen Netflix within days is flagged as repeated and digital content', () => {
    const out = flagCharges(
      [
        ch('2020-05-08', 'NETFLIX.COM', 1980),
        ch('2020-05-09', 'NETFLIX.COM', 1980),
        ch('2020-05-10', 'NETFLIX.COM', 1980),
      ],
      base,
    );
    for (const c of out) {
      assert.equal(c.flagged, true);
      assert.deepEqual(ids(c), ['charges/digital-content', 'charges/repeated-amount']);
      assert.ok(c.score >= FLAG_THRESHOLD);
      const repeated = c.reasons.find((r) => r.id === 'charges/repeated-amount');
      assert.match(repeated?.message.ja ?? '', /1,980円.*3回/);
      assert.match(repeated?.evidence[0]?.value ?? '', /× 3/);
    }
  });

  it('a monthly subscription (same amount a month apart) is not "repeated"; a known merchant adds nothing', () => {
    const history = [{ date: '2020-04-08', merchant: 'NETFLIX.COM', amount: 1980 }];
    const out = flagCharges([ch('2020-05-08', 'NETFLIX.COM', 1980)], {
      ...base,
      history,
      known: ['netflix.com'],
    });
    assert.deepEqual(out[0]?.reasons, []);
    assert.equal(out[0]?.flagged, false);
  });

  it('a known name covers the longer forms a network prints', () => {
    const out = flagCharges([ch('2026-10-07', 'STEAMGAMES.COM 4259522985', 9800)], {
      ...base,
      known: ['steamgames.com'],
    });
    assert.deepEqual(out[0]?.reasons, []);
    const other = flagCharges([ch('2026-10-07', 'STEAMPOWERED.COM', 9800)], {
      ...base,
      known: ['steamgames.com'],
    });
    assert.deepEqual(ids(other[0] as never), ['charges/digital-content']);
  });

  it('repeats are still flagged for a known merchant', () => {
    const out = flagCharges([ch('2020-05-08', 'NETFLIX.COM', 1980), ch('2020-05-09', 'NETFLIX.COM', 1980)], {
      ...base,
      known: ['ＮＥＴＦＬＩＸ．ＣＯＭ'],
    });
    assert.deepEqual(ids(out[0] as never), ['charges/repeated-amount']);
  });

  it('history makes the next import smarter: a repeat across imports, and a merchant new to the card', () => {
    const history = [
      { date: '2020-05-01', merchant: 'セブン-イレブン', amount: 500 },
      { date: '2020-05-08', merchant: 'NETFLIX.COM', amount: 1980 },
    ];
    const out = flagCharges([ch('2020-05-09', 'NETFLIX.COM', 1980), ch('2020-05-10', '架空書店', 1200)], {
      ...base,
      history,
    });
    assert.deepEqual(ids(out[0] as never), ['charges/digital-content', 'charges/repeated-amount']);
    assert.deepEqual(ids(out[1] as never), ['charges/new-merchant']);
    assert.equal(out[1]?.flagged, false);
    // Without any history there is nothing to be new against: no new-merchant noise on a first import.
    assert.deepEqual(ids(flagCharges([ch('2020-05-10', '架空書店', 1200)], base)[0] as never), []);
  });

  it('gift cards and digital content, from the data list', () => {
    assert.equal(favouredMerchant('ＡＭＡＺＯＮギフト券')?.kind, 'gift-card');
    assert.equal(favouredMerchant('Apple.com/bill')?.id, 'apple');
    assert.equal(favouredMerchant('GOOGLE *YouTube')?.id, 'google-play');
    assert.equal(favouredMerchant('STEAMGAMES.COM 4259522985')?.id, 'steam');
    assert.equal(favouredMerchant('steamboat cafe'), null);
    assert.equal(favouredMerchant('架空スーパー'), null);
    const out = flagCharges([ch('2026-10-01', 'ＡＭＡＺＯＮギフト券', 10000)], base);
    assert.deepEqual(ids(out[0] as never), ['charges/gift-card']);
  });

  it('a tiny test charge, and one followed by a large charge at the same merchant', () => {
    const alone = flagCharges([ch('2026-10-20', '架空ショップ', 50)], base)[0];
    assert.deepEqual(ids(alone as never), ['charges/test-charge']);
    assert.equal(alone?.flagged, false);
    const then = flagCharges(
      [ch('2026-10-20', 'STEAMGAMES.COM', 50), ch('2026-10-20', 'STEAMGAMES.COM', 24800)],
      base,
    );
    assert.deepEqual(ids(then[0] as never), ['charges/digital-content', 'charges/test-charge']);
    assert.equal(then[0]?.flagged, true);
    assert.equal(then[0]?.reasons.find((r) => r.id === 'charges/test-charge')?.weight, 25);
    // A refund is no test charge.
    assert.deepEqual(ids(flagCharges([ch('2026-10-20', '架空ショップ', -50)], base)[0] as never), []);
  });

  it('foreign currency and overseas merchant names', () => {
    const usd = flagCharges(
      [ch('2026-10-06', 'EXAMPLE CLOUD', 1394, { currency: 'USD', originalAmount: 10 })],
      base,
    )[0];
    assert.deepEqual(ids(usd as never), ['charges/foreign']);
    assert.match(usd?.reasons[0]?.message.en ?? '', /10 USD/);
    const named = flagCharges([ch('2026-10-06', 'EXAMPLE SHOP LOS ANGELES US', 3000)], base)[0];
    assert.deepEqual(ids(named as never), ['charges/foreign']);
    assert.deepEqual(ids(flagCharges([ch('2026-10-06', 'ユニクロ 渋谷店', 3000)], base)[0] as never), []);
  });

  it('an open case naming the card flags every charge from its leak date on', () => {
    const cases = [{ id: 'case-1', title: 'Amazon phishing', cards: ['Rakuten'], leakDate: '2020-05-08' }];
    const out = flagCharges([ch('2020-05-07', '架空書店', 1200), ch('2020-05-08', '架空書店', 1300)], {
      ...base,
      cases,
    });
    assert.deepEqual(ids(out[0] as never), []);
    assert.deepEqual(ids(out[1] as never), ['charges/open-case']);
    assert.equal(out[1]?.flagged, true);
    const other = flagCharges([ch('2020-05-08', '架空書店', 1200)], { ...base, card: 'smbc', cases });
    assert.equal(other[0]?.flagged, false);
  });
});
