import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durationMs, formatInstant, parseInstant } from './time.js';

describe('durations and instants', () => {
  it('reads ISO 8601 durations', () => {
    assert.equal(durationMs('PT0M'), 0);
    assert.equal(durationMs('PT5H'), 5 * 3600_000);
    assert.equal(durationMs('P60D'), 60 * 86400_000);
    assert.equal(durationMs('P1DT2H30M'), (26 * 60 + 30) * 60_000);
    assert.equal(durationMs('P1W'), 7 * 86400_000);
    for (const bad of ['', 'P', 'PT', '5H', 'P1Y', '-PT5H']) assert.equal(durationMs(bad), null, bad);
  });

  it('reads dates with and without offsets and refuses impossible ones', () => {
    assert.deepEqual(parseInstant('2026-05-08T10:00+09:00'), {
      ms: Date.parse('2026-05-08T01:00Z'),
      offset: 540,
    });
    assert.deepEqual(parseInstant('2026-05-08'), { ms: Date.parse('2026-05-07T15:00Z'), offset: 540 });
    assert.equal(parseInstant('2026-05-08T10:00+0530')?.offset, 330);
    for (const bad of ['2026-13-01', '2026-02-29', '2026-05-08T24:00', 'May 8', ''])
      assert.equal(parseInstant(bad), null, bad);
  });

  it('writes an instant in its own offset', () => {
    assert.equal(
      formatInstant({ ms: Date.parse('2026-05-08T01:00Z'), offset: 540 }),
      '2026-05-08T10:00+09:00',
    );
    assert.equal(
      formatInstant({ ms: Date.parse('2026-05-08T01:00Z'), offset: -330 }),
      '2026-05-07T19:30-05:30',
    );
    assert.equal(formatInstant({ ms: Date.parse('2026-05-08T01:00Z'), offset: 0 }), '2026-05-08T01:00Z');
  });
});
