import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SenderFacts } from '../../engine/analysis/sender.js';
import type { Header } from '../../engine/parse/message.js';
import { decideReply, type ReplyPolicy } from './policy.js';

const POLICY: ReplyPolicy = {
  self: 'check@sagicheck.example',
  allow: ['example.jp', 'hanako@gmail.com'],
  perHour: 3,
};
const NOW = new Date('2026-11-23T10:00:00Z');

function facts(from: string, authenticated: boolean): SenderFacts {
  const domain = from.split('@')[1] ?? null;
  return {
    fromAddress: from,
    fromDomain: domain,
    fromRegistrable: domain,
    trusted: null,
    authenticatedDomain: authenticated ? domain : null,
    proof: authenticated ? `dmarc=pass header.from=${domain}` : null,
    actualDomains: [],
    dmarc: authenticated ? 'pass' : 'fail',
  };
}

const h = (pairs: Record<string, string>): Header[] =>
  Object.entries(pairs).map(([key, value]) => ({ key, value }));

describe('decideReply', () => {
  it('answers an authenticated forwarder on the allow list, at the From address only', () => {
    const headers = h({ 'reply-to': 'attacker@evil.example' });
    assert.deepEqual(decideReply(headers, facts('taro@example.jp', true), POLICY, [], NOW), {
      reply: true,
      to: 'taro@example.jp',
    });
    assert.deepEqual(decideReply([], facts('jiro@mail.example.jp', true), POLICY, [], NOW), {
      reply: true,
      to: 'jiro@mail.example.jp',
    });
    assert.deepEqual(decideReply([], facts('hanako@gmail.com', true), POLICY, [], NOW), {
      reply: true,
      to: 'hanako@gmail.com',
    });
  });

  const refusals: [string, Header[], SenderFacts, Date[], RegExp][] = [
    [
      'a From no trusted receiver proved (the attacker can write any From)',
      [],
      facts('taro@example.jp', false),
      [],
      /not authenticated/,
    ],
    ['a domain only ending like an allowed one', [], facts('x@badexample.jp', true), [], /allow list/],
    ['another gmail.com user than the one allowed', [], facts('someone@gmail.com', true), [], /allow list/],
    [
      'an auto-reply (RFC 3834)',
      h({ 'auto-submitted': 'auto-replied' }),
      facts('taro@example.jp', true),
      [],
      /Auto-Submitted/,
    ],
    ['bulk mail', h({ precedence: 'bulk' }), facts('taro@example.jp', true), [], /Precedence/],
    [
      'mailing-list mail',
      h({ 'list-id': '<x.example.jp>' }),
      facts('taro@example.jp', true),
      [],
      /mailing-list/,
    ],
    ['a bounce', h({ 'return-path': '<>' }), facts('taro@example.jp', true), [], /bounce/],
    ['our own reply coming back', [], facts('check@sagicheck.example', true), [], /loop/],
    ['a mailer daemon', [], facts('mailer-daemon@example.jp', true), [], /no replies/],
    [
      'a fourth reply within the hour',
      [],
      facts('taro@example.jp', true),
      [new Date('2026-11-23T09:10:00Z'), new Date('2026-11-23T09:30:00Z'), new Date('2026-11-23T09:50:00Z')],
      /this hour/,
    ],
  ];
  for (const [name, headers, sender, recent, reason] of refusals) {
    it(`does not answer ${name}`, () => {
      const decision = decideReply(headers, sender, POLICY, recent, NOW);
      assert.equal(decision.reply, false);
      assert.match(decision.reply ? '' : decision.reason, reason);
    });
  }

  it('answers again once the hour has passed', () => {
    const old = [
      new Date('2026-11-23T08:00:00Z'),
      new Date('2026-11-23T08:30:00Z'),
      new Date('2026-11-23T08:59:00Z'),
    ];
    assert.equal(decideReply([], facts('taro@example.jp', true), POLICY, old, NOW).reply, true);
  });
});
