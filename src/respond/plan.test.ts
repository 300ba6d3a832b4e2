import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LIBRARY } from './library.js';
import { AnswerError, buildPlan, deadlines, normaliseBrand } from './plan.js';
import { PLAYBOOKS } from './playbooks.js';
import { type Answers, HAPPENED, type Happened, PHASES, type Plan } from './types.js';

const WHEN = '2026-05-08T10:00+09:00';
const plan = (a: Partial<Answers>): Plan =>
  buildPlan({ brand: 'amazon', channel: 'mail', happened: ['received'], when: WHEN, cards: [], ...a });
const ids = (p: Plan) => p.steps.map((s) => s.id);
const step = (p: Plan, id: string) => {
  const s = p.steps.find((x) => x.id === id);
  assert.ok(s, `${id} in ${ids(p).join(', ')}`);
  return s;
};

function assertWellFormed(p: Plan): void {
  assert.equal(new Set(ids(p)).size, p.steps.length, 'no step twice');
  p.steps.forEach((s, i) => {
    assert.equal(s.n, i + 1);
    assert.ok(s.title.ja && s.title.en && s.why.ja && s.why.en && s.how.length > 0, s.id);
  });
  const phases = p.steps.map((s) => PHASES.indexOf(s.phase));
  assert.deepEqual(
    phases,
    [...phases].sort((a, b) => a - b),
    'ordered by phase',
  );
  const cited = new Set(p.sources.map((s) => s.id));
  for (const s of p.steps) for (const src of s.sources) assert.ok(cited.has(src), `${s.id} cites ${src}`);
}

/** Each playbook answers for its brands; every thing that can happen gives a sound plan that uses it. */
describe('plans per playbook and happening', () => {
  const cases: [string, string][] = [
    ['amazon', 'amazon'],
    ['rakuten', 'rakuten'],
    ['rakuten-card', 'rakuten-card'],
    ['smbc-card', 'smbc-card'],
    ['apple', 'apple'],
    ['yamato', 'sms-delivery'],
    ['a-shop-with-no-playbook', 'generic-service'],
  ];
  for (const [brand, playbook] of cases) {
    for (const happened of HAPPENED) {
      it(`${brand}: ${happened}`, () => {
        const p = plan({ brand, happened: [happened], channel: brand === 'yamato' ? 'sms' : 'mail' });
        assertWellFormed(p);
        assert.equal(p.playbooks[0], playbook);
        assert.equal(p.fallback, playbook === 'generic-service');
        assert.ok(p.steps.length > 0);
        const pb = PLAYBOOKS.find((x) => x.id === playbook);
        const listed = pb?.scenarios.some((s) => s.happened === happened && !s.channel);
        if (listed)
          assert.ok(
            p.steps.some((s) => s.playbook === playbook),
            `uses ${playbook}`,
          );
        if (happened === 'card-entered' || happened === 'unknown-charges')
          assert.equal(p.steps[0]?.phase, 'stop-money', 'money first');
        if (happened === 'received')
          assert.ok(!p.steps.some((s) => s.phase === 'stop-money'), 'nothing to stop');
      });
    }
  }
});

describe('Amazon: card entered AND password entered (the seed)', () => {
  const p = plan({ happened: ['password-entered', 'card-entered'] });

  it('stops the card first, once, before securing the account', () => {
    assertWellFormed(p);
    assert.equal(p.steps[0]?.id, 'generic-card.stop-card');
    assert.equal(p.steps[0]?.deadline?.kind, 'asap');
    assert.equal(p.steps[0]?.deadline?.at, WHEN);
    assert.ok(ids(p).indexOf('generic-card.stop-card') < ids(p).indexOf('amazon.change-password'));
    assert.equal(ids(p).filter((i) => i.endsWith('stop-card')).length, 1);
    assert.deepEqual(p.playbooks, ['amazon', 'generic-card', 'common']);
  });

  it('has the chat wording, what Amazon does and the 5-hour wait', () => {
    const chat = step(p, 'amazon.chat-unauthorised');
    assert.ok(chat.how.some((h) => h.ja.includes('購入していない商品が勝手に購入されている')));
    assert.equal(chat.unverified, true, 'from the seed only');
    const wait = step(p, 'amazon.wait-investigation');
    for (const phrase of [
      'アクセスを不可能',
      '全桁',
      'パスワードを無効',
      '変更された内容を無効',
      '発送前の注文',
      '5時間',
    ])
      assert.ok(wait.expect?.ja.includes(phrase), phrase);
    assert.ok(wait.expect?.en.includes('unshipped orders cancelled'));
    const pw = step(p, 'amazon.new-password');
    assert.deepEqual(
      { kind: pw.deadline?.kind, at: pw.deadline?.at },
      { kind: 'not-before', at: '2026-05-08T15:00+09:00' },
    );
    assert.ok(ids(p).indexOf('amazon.wait-investigation') < ids(p).indexOf('amazon.new-password'));
  });

  it('watches for small digital charges instead of the generic watch step, and the 60-day window', () => {
    const watch = step(p, 'amazon.watch-small-charges');
    assert.ok(watch.why.ja.includes('1,980円') && watch.why.en.includes('Netflix'));
    assert.ok(!ids(p).includes('generic-card.watch-statement'), 'replaced');
    assert.ok(!ids(p).includes('common.two-step'), 'replaced by amazon.two-step');
    assert.ok(ids(p).includes('amazon.two-step'));
    assert.equal(step(p, 'generic-card.dispute').deadline?.at, '2026-07-07T10:00+09:00');
  });

  it('reports to Amazon, the Council of Anti-Phishing Japan and the police, with cited contacts', () => {
    const report = step(p, 'amazon.report-scam');
    assert.equal(report.contacts[0]?.value, 'reportascam@amazon.com');
    assert.equal(step(p, 'common.report-antiphishing').contacts[0]?.value, 'info@antiphishing.jp');
    const police = step(p, 'common.police');
    assert.deepEqual(
      police.contacts.map((c) => c.value),
      ['#9110', 'https://www.npa.go.jp/bureau/cyber/soudan.html'],
    );
    const phone = step(p, 'amazon.chat-unauthorised').contacts.find((c) => c.kind === 'phone');
    assert.equal(phone?.value, '0120-999-373');
    assert.equal(phone?.unverified, true);
  });

  it('the same plan whatever order the answers come in, and duplicates in the answers do not matter', () => {
    const q = plan({ happened: ['card-entered', 'password-entered', 'card-entered'] });
    assert.deepEqual(ids(q), ids(p));
  });

  it('lists the deadlines soonest first', () => {
    const d = deadlines(p).map((s) => s.deadline?.at ?? '');
    assert.deepEqual(
      d,
      [...d].sort((a, b) => Date.parse(a) - Date.parse(b)),
    );
    assert.ok(d.includes('2026-05-08T15:00+09:00'));
  });
});

describe('cards', () => {
  it("uses the named issuer's own steps, not the generic ones", () => {
    const p = plan({ happened: ['card-entered'], cards: ['rakuten-card'] });
    assertWellFormed(p);
    assert.equal(p.steps[0]?.id, 'rakuten-card.stop-card');
    assert.deepEqual(p.steps[0]?.for, ['rakuten-card']);
    assert.ok(!ids(p).includes('generic-card.stop-card'));
    assert.deepEqual(p.playbooks, ['amazon', 'rakuten-card', 'common']);
  });

  it('accepts names as people type them: 楽天カード, SMBC', () => {
    assert.equal(normaliseBrand('楽天カード'), 'rakuten-card');
    assert.equal(normaliseBrand('SMBC'), 'smbc-card');
    assert.equal(normaliseBrand('Amazon'), 'amazon');
    assert.equal(normaliseBrand('三井住友カード'), 'smbc-card');
  });

  it('several cards: each issuer stops its own card, the generic step covers the unknown one, shared steps once', () => {
    const p = plan({ happened: ['card-entered'], cards: ['rakuten-card', 'smbc-card', 'みずほカード'] });
    assertWellFormed(p);
    const stops = p.steps.filter((s) => s.phase === 'stop-money').map((s) => s.id);
    assert.deepEqual(stops.slice(0, 4), [
      'smbc-card.restrict',
      'rakuten-card.stop-card',
      'smbc-card.stop-reissue',
      'generic-card.stop-card',
    ]);
    assert.deepEqual(step(p, 'generic-card.stop-card').for, ['みずほカード']);
    assert.deepEqual(
      new Set(step(p, 'generic-card.dispute').for),
      new Set(['rakuten-card', 'smbc-card', 'みずほカード']),
    );
  });

  it('a card-issuer brand is its own card: no generic card playbook', () => {
    const p = plan({ brand: 'rakuten-card', happened: ['card-entered'] });
    assertWellFormed(p);
    assert.deepEqual(p.playbooks, ['rakuten-card', 'common']);
    assert.equal(p.steps[0]?.id, 'rakuten-card.stop-card');
  });

  it('unknown charges without a named card fall back to the generic card steps', () => {
    const p = plan({ brand: 'apple', happened: ['unknown-charges'] });
    assertWellFormed(p);
    assert.equal(p.steps[0]?.id, 'generic-card.stop-card');
    assert.ok(ids(p).includes('apple.check-purchases'));
  });
});

describe('channels and fallbacks', () => {
  it('a brand without a playbook gets the generic service playbook, marked as fallback', () => {
    const p = plan({ brand: 'mercari', happened: ['password-entered'] });
    assert.equal(p.fallback, true);
    assert.equal(p.playbooks[0], 'generic-service');
    assert.equal(step(p, 'generic-service.change-password').deadline?.kind, 'asap');
  });

  it('a phone call gets "hang up and call back", and no mail forwarding to the Council', () => {
    const p = plan({ channel: 'phone', happened: ['received'] });
    assert.ok(ids(p).includes('common.hang-up-call-back'));
    assert.ok(!ids(p).includes('common.report-antiphishing'));
  });

  it('an SMS delivery lure that was clicked: airplane mode and carrier billing first', () => {
    const p = plan({ brand: 'yamato', channel: 'sms', happened: ['clicked'] });
    assertWellFormed(p);
    assert.deepEqual(ids(p).slice(0, 2), [
      'sms-delivery.airplane-uninstall',
      'sms-delivery.check-carrier-billing',
    ]);
    assert.ok(ids(p).includes('common.report-antiphishing'));
  });

  it('a web ad that took card details adds the consumer hotline 188', () => {
    const p = plan({ brand: 'shop', channel: 'web-ad', happened: ['card-entered'] });
    assert.equal(step(p, 'common.consumer-188').contacts[0]?.value, '188');
  });

  it('received only: verify and report, nothing to stop, no police', () => {
    const p = plan({ happened: ['received'] });
    assertWellFormed(p);
    assert.deepEqual(ids(p), [
      'common.dont-use-links',
      'amazon.verify-message-centre',
      'amazon.report-scam',
      'common.report-antiphishing',
    ]);
  });
});

describe('deadlines and answers', () => {
  it('keeps the offset of `when`; without one Japan time; Z stays UTC', () => {
    const pw = (when: string) =>
      plan({ happened: ['unknown-orders'], when }).steps.find((s) => s.id === 'amazon.new-password')?.deadline
        ?.at;
    assert.equal(pw('2026-05-08T22:30+09:00'), '2026-05-09T03:30+09:00');
    assert.equal(pw('2026-05-08 22:30'), '2026-05-09T03:30+09:00');
    assert.equal(pw('2026-05-08T01:00Z'), '2026-05-08T06:00Z');
    assert.equal(pw('2026-05-08T10:00-05:00'), '2026-05-08T15:00-05:00');
  });

  it('rejects what it cannot plan from', () => {
    assert.throws(() => plan({ happened: [] }), AnswerError);
    assert.throws(() => plan({ happened: ['hacked' as Happened] }), AnswerError);
    assert.throws(() => plan({ channel: 'fax' as Answers['channel'] }), AnswerError);
    assert.throws(() => plan({ when: 'yesterday' }), AnswerError);
    assert.throws(() => plan({ when: '2026-02-30T10:00' }), AnswerError);
  });

  it('every step of every playbook is reachable from some scenario', () => {
    const listed = new Set(PLAYBOOKS.flatMap((p) => p.scenarios.flatMap((s) => s.steps)));
    for (const id of DEFAULT_LIBRARY.steps.keys()) assert.ok(listed.has(id), id);
  });
});

describe('card-issuer playbooks as brand and as card', () => {
  it('an issuer named only as the card does not bring its own sign-in steps', () => {
    const p = plan({ happened: ['password-entered', 'card-entered'], cards: ['rakuten-card'] });
    assert.ok(!ids(p).includes('rakuten-card.check-notice'));
    assert.ok(!ids(p).includes('generic-service.change-password'));
  });

  it('the issuer as the brand: its member-site password is changed too', () => {
    const p = plan({ brand: 'smbc-card', channel: 'sms', happened: ['password-entered'] });
    assert.ok(ids(p).includes('generic-service.change-password'));
    assert.ok(ids(p).includes('smbc-card.check-sms'));
  });
});
