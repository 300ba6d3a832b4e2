import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan } from './plan.js';
import { reminders, spanText } from './reminders.js';

const plan = buildPlan({
  brand: 'amazon',
  channel: 'mail',
  happened: ['unknown-orders', 'card-entered'],
  when: '2026-05-08T10:00+09:00',
  cards: [],
});

describe('reminders', () => {
  it('half an hour after: card and chat now, the new password in 4 h 30 min, the dispute window open', () => {
    const r = reminders(plan, new Set(), new Date('2026-05-08T01:30:00Z'));
    const by = new Map(r.map((x) => [x.stepId, x]));
    assert.equal(by.get('generic-card.stop-card')?.state, 'now');
    assert.deepEqual(by.get('amazon.new-password')?.text, { ja: '4時間30分後から', en: 'in 4 h 30 min' });
    assert.equal(by.get('amazon.new-password')?.state, 'waiting');
    assert.deepEqual(by.get('generic-card.dispute')?.text, {
      ja: '期限まであと59日23時間',
      en: '59 d 23 h left',
    });
    assert.equal(r[0]?.state, 'now', 'what to do now comes first');
  });

  it('later: the wait is over, a passed deadline is overdue, finished steps drop out', () => {
    const done = new Set(['generic-card.stop-card', 'amazon.chat-unauthorised', 'amazon.change-password']);
    const r = reminders(plan, done, new Date('2026-07-08T01:00:00Z'));
    const by = new Map(r.map((x) => [x.stepId, x]));
    assert.ok(!by.has('generic-card.stop-card'));
    assert.equal(by.get('amazon.new-password')?.state, 'ready');
    assert.deepEqual(by.get('generic-card.dispute')?.text, {
      ja: '期限を1日過ぎています',
      en: 'overdue by 1 d',
    });
    assert.equal(r.find((x) => x.state !== 'now')?.state, 'overdue');
  });

  it('writes spans in the two largest units', () => {
    assert.deepEqual(spanText(15 * 60_000), { ja: '15分', en: '15 min' });
    assert.deepEqual(spanText(-(2 * 3600_000)), { ja: '2時間', en: '2 h' });
    assert.deepEqual(spanText(3 * 86400_000 + 3600_000 + 60_000), { ja: '3日1時間', en: '3 d 1 h' });
  });
});
