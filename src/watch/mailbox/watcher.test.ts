import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { accountOf, type Dovecot, dovecotMissing, startDovecot } from '../../../test/support/dovecot.js';
import { DEFAULT_DATA } from '../../engine/data/default.js';
import type { Report } from '../../engine/report.js';
import { scanEmail } from '../../engine/scan.js';
import { type WatchDeps, type WatchEvent, type WatchState, watchMailbox } from './watcher.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/${name}`, import.meta.url));
const PHISH = fixture('seed-amazon-suspended-iso2022jp.eml');
const GENUINE = fixture('genuine-amazon-order.eml');
const HAM = fixture('ham-personal.eml');
const skip = dovecotMissing() ?? undefined;

/** The deps a test needs: state in memory, real checks by the engine, every event kept. */
function harness(overrides: Partial<WatchDeps> = {}) {
  let state: WatchState | null = null;
  const checked: { uid: number; verdict: Report['verdict'] }[] = [];
  const events: WatchEvent[] = [];
  const deps: WatchDeps = {
    loadState: async () => state,
    saveState: async (s) => {
      state = s;
    },
    check: async (raw, meta) => {
      const report = await scanEmail(raw, DEFAULT_DATA);
      checked.push({ uid: meta.uid, verdict: report.verdict });
      return report;
    },
    backfillSince: null,
    follow: false,
    backoff: { initialMs: 50, maxMs: 200 },
    onEvent: (e) => events.push(e),
    ...overrides,
  };
  return { deps, checked, events, state: () => state, setState: (s: WatchState) => (state = s) };
}

async function inspect(server: Dovecot, fn: (client: ImapFlow) => Promise<void>): Promise<void> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.pass },
    logger: false,
  });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.logout();
  }
}

async function flagsIn(client: ImapFlow, mailbox: string): Promise<Map<number, Set<string>>> {
  const lock = await client.getMailboxLock(mailbox);
  try {
    const out = new Map<number, Set<string>>();
    if (client.mailbox && client.mailbox.exists === 0) return out;
    for await (const m of client.fetch('1:*', { uid: true, flags: true }, { uid: true }))
      out.set(m.uid, m.flags ?? new Set());
    return out;
  } finally {
    lock.release();
  }
}

describe('IMAP watcher against a real dovecot', { skip, timeout: 60_000 }, () => {
  let server: Dovecot;
  before(async () => {
    server = await startDovecot();
  });
  after(async () => {
    await server?.stop();
  });

  it('backfills in UID order, keywords and moves phishing, resumes after the last UID', async () => {
    server.deliver([HAM, PHISH, GENUINE]);
    const h = harness();
    await watchMailbox(accountOf(server), h.deps);
    assert.deepEqual(
      h.checked.map((c) => c.uid),
      [1, 2, 3],
    );
    assert.equal(h.checked[1]?.verdict, 'phishing');
    assert.equal(h.state()?.lastUid, 3);
    const moved = h.events.filter((e) => e.type === 'checked' && e.moved);
    assert.equal(moved.length, 1);
    await inspect(server, async (client) => {
      const inbox = await flagsIn(client, 'INBOX');
      assert.deepEqual([...inbox.keys()], [1, 3], 'only the phishing mail left the INBOX');
      const quarantine = await flagsIn(client, 'Phishing');
      assert.equal(quarantine.size, 1);
      assert.ok([...quarantine.values()][0]?.has('$Phishing'));
    });

    // A second run with the saved state checks only what arrived since.
    server.deliver([HAM]);
    const again = harness();
    again.setState(h.state() as WatchState);
    await watchMailbox(accountOf(server), again.deps);
    assert.deepEqual(
      again.checked.map((c) => c.uid),
      [4],
    );
  });

  it('starts over when UIDVALIDITY changed, and says so', async () => {
    const h = harness();
    h.setState({ uidValidity: '1', lastUid: 999 });
    await watchMailbox(accountOf(server, { moveTo: null, keyword: null }), h.deps);
    assert.ok(h.events.some((e) => e.type === 'uidvalidity-changed'));
    assert.deepEqual(
      h.checked.map((c) => c.uid),
      [1, 3, 4],
    );
  });

  it('follows new mail with IDLE until stopped', async () => {
    const stop = new AbortController();
    const h = harness({ follow: true, signal: stop.signal });
    h.setState({ uidValidity: String((await uidValidity(server)) ?? ''), lastUid: 4 });
    const running = watchMailbox(accountOf(server, { moveTo: null }), h.deps);
    await until(() => h.events.some((e) => e.type === 'idle'));
    server.deliver([PHISH]);
    await until(() => h.checked.length === 1);
    stop.abort();
    await running;
    assert.equal(h.checked[0]?.uid, 5);
    assert.equal(h.checked[0]?.verdict, 'phishing');
  });

  it('reconnects when the server restarts mid-backfill and checks every message, resuming by UID', async () => {
    const fresh = await startDovecot();
    try {
      fresh.deliver(Array.from({ length: 40 }, (_, i) => (i % 2 ? HAM : PHISH)));
      let restarted = false;
      const h = harness({ batchSize: 10 });
      const inner = h.deps.check;
      h.deps.check = async (raw, meta) => {
        const report = await inner(raw, meta);
        if (meta.uid === 15 && !restarted) {
          restarted = true;
          await fresh.restart();
        }
        return report;
      };
      await watchMailbox(accountOf(fresh, { moveTo: null }), h.deps);
      assert.ok(
        h.events.some((e) => e.type === 'disconnected'),
        'the drop was noticed',
      );
      const uids = h.checked.map((c) => c.uid);
      assert.deepEqual(
        [...new Set(uids)],
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      // Only the message in flight when the connection dropped may be checked twice.
      assert.ok(uids.length <= 41, `checked ${uids.length} times`);
      assert.equal(h.state()?.lastUid, 40);
    } finally {
      await fresh.stop();
    }
  });
});

describe('IMAP watcher and a message it cannot check', { skip, timeout: 60_000 }, () => {
  it('reports it and goes on with the next instead of retrying it for ever', async () => {
    const server = await startDovecot();
    try {
      server.deliver([HAM, PHISH, HAM]);
      const h = harness();
      const inner = h.deps.check;
      h.deps.check = async (raw, meta) => {
        if (meta.uid === 2) throw new Error('cannot store this one');
        return inner(raw, meta);
      };
      await watchMailbox(accountOf(server), h.deps);
      assert.deepEqual(
        h.checked.map((c) => c.uid),
        [1, 3],
      );
      assert.ok(h.events.some((e) => e.type === 'failed' && e.uid === 2 && /cannot store/.test(e.error)));
      assert.equal(h.state()?.lastUid, 3);
    } finally {
      await server.stop();
    }
  });
});

describe('IMAP watcher on a server without MOVE or UIDPLUS', { skip, timeout: 60_000 }, () => {
  it('keywords phishing but moves nothing and expunges nothing', async () => {
    const bare = await startDovecot({ capabilities: 'IMAP4rev1 SASL-IR LITERAL+ IDLE NAMESPACE' });
    try {
      bare.deliver([HAM, PHISH]);
      // Another client's message marked \Deleted: a plain EXPUNGE would remove it.
      await inspect(bare, async (client) => {
        const lock = await client.getMailboxLock('INBOX');
        try {
          await client.messageFlagsAdd('1', ['\\Deleted'], { uid: true });
        } finally {
          lock.release();
        }
      });
      const h = harness();
      await watchMailbox(accountOf(bare), h.deps);
      const connected = h.events.find((e) => e.type === 'connected');
      assert.equal(connected?.type === 'connected' && connected.canMove, false);
      assert.ok(h.events.every((e) => e.type !== 'checked' || !e.moved));
      await inspect(bare, async (client) => {
        const inbox = await flagsIn(client, 'INBOX');
        assert.deepEqual([...inbox.keys()], [1, 2], 'nothing left the INBOX, nothing was expunged');
        assert.ok(inbox.get(2)?.has('$Phishing'));
      });
    } finally {
      await bare.stop();
    }
  });
});

async function uidValidity(server: Dovecot): Promise<bigint | undefined> {
  let v: bigint | undefined;
  await inspect(server, async (client) => {
    const status = await client.status('INBOX', { uidValidity: true });
    if (status) v = status.uidValidity;
  });
  return v;
}

async function until(test: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
