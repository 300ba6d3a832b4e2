import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eml } from '../../src/engine/testing.js';
import type { RunningServer } from '../../src/server/app.js';
import { insertCheck } from '../../src/store/checks.js';
import type { Db } from '../../src/store/db.js';
import { dbTargets, requirePostgres } from '../support/databases.js';
import { buildMsg } from '../support/msg.js';
import { APP_CSP_START, call, multipart, type Reply, SECURITY_HEADERS, start } from './server.js';

requirePostgres();

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url));

const PHISH = eml({
  from: 'Amazon.co.jp <account-update@amazon.co.jp>',
  subject: '【重要】アカウントが一時停止されました',
  html: '<p>お客様のアカウントは停止されました。24時間以内に確認してください。</p><a href="http://amazon-co-jp.account-verify.xyz/signin">アカウントを確認する</a>',
});
const FRIEND = eml({
  from: 'Hanako <hanako@friends.example.jp>',
  subject: 'ランチ',
  text: '明日のランチは12時でどう？',
});

function assertProblem(r: Reply, status: number): void {
  assert.equal(r.status, status, r.text);
  assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
  assert.equal(r.json.status, status);
  assert.equal(typeof r.json.type, 'string');
  assert.equal(typeof r.json.title, 'string');
  assert.equal(typeof r.json.detail, 'string');
}

function assertSecurityHeaders(r: Reply): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) assert.equal(r.headers[k], v, `${k} on ${r.status}`);
  assert.ok(
    String(r.headers['content-security-policy']).includes("frame-ancestors '"),
    'CSP with frame-ancestors',
  );
}

for (const target of dbTargets()) {
  describe(`HTTP API on ${target.name}`, { skip: target.skip }, () => {
    let db: Db;
    let s: RunningServer & { base: string };
    const raw = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
      call(s.base, 'POST', '/api/v1/check', {
        body,
        headers: { 'content-type': 'message/rfc822', ...headers },
      });

    before(async () => {
      db = await target.open();
      s = await start(db);
    });
    after(async () => {
      await s?.close();
      await db?.close();
    });

    it('GET /session tells the page how it is served', async () => {
      const r = await call(s.base, 'GET', '/api/v1/session');
      assert.equal(r.status, 200);
      assert.equal(r.json.authRequired, false);
      assert.equal(r.json.user, null);
      assert.equal(r.json.retentionDays, 90);
      assert.equal(r.json.storage, db.kind);
      assert.deepEqual(r.json.features, ['recover', 'charges']);
      assert.ok(r.json.csrfToken.length >= 32);
      assertSecurityHeaders(r);
      assert.ok(String(r.headers['content-security-policy']).startsWith(APP_CSP_START));
      assert.ok(String(r.headers['content-security-policy']).includes("frame-ancestors 'none'"));
    });

    it('POST /check with a raw message stores and returns the report, with its Location', async () => {
      const r = await raw(PHISH);
      assert.equal(r.status, 201, r.text);
      assert.equal(r.headers.location, `/api/v1/checks/${r.json.id}`);
      assert.equal(r.json.kind, 'email');
      assert.equal(r.json.report.schemaVersion, 1);
      assert.equal(r.json.report.verdict, 'phishing');
      assert.equal(r.json.report.brand, 'amazon');
      assert.equal(r.json.feedback, null);
      assert.deepEqual(r.json.marks, []);
      const again = await call(s.base, 'GET', r.headers.location as string);
      assert.equal(again.status, 200);
      assert.deepEqual(again.json.report, r.json.report);
      assert.equal(again.json.createdAt, r.json.createdAt);
    });

    it('POST /check: checks answered together are written together, each with its whole report', async () => {
      const sent = Array.from({ length: 12 }, (_, i) => (i % 2 ? FRIEND : PHISH));
      const replies = await Promise.all(sent.map((m) => raw(m)));
      for (const r of replies) assert.equal(r.status, 201, r.text);
      assert.equal(new Set(replies.map((r) => r.json.id)).size, sent.length);
      for (const [i, r] of replies.entries()) {
        const again = await call(s.base, 'GET', `/api/v1/checks/${r.json.id}`);
        assert.equal(again.status, 200);
        assert.deepEqual(again.json.report, r.json.report);
        assert.equal(again.json.report.verdict, i % 2 ? 'no-threat-found' : 'phishing');
      }
      // The database's jsonb keeps only what queries read; the whole report is stored compressed beside it.
      const rows = await db.query<{ report: { findings: Record<string, unknown>[] }; gz: boolean }>(
        'select report, report_gz is not null as gz from checks where id = $1',
        [replies[0]?.json.id],
      );
      assert.equal(rows[0]?.gz, true);
      assert.ok((rows[0]?.report.findings.length ?? 0) > 0);
      for (const f of rows[0]?.report.findings ?? [])
        assert.deepEqual(Object.keys(f).sort(), ['category', 'family', 'rule', 'weight']);
    });

    it('POST /check takes JSON text (an SMS) and a URL', async () => {
      const t = await call(s.base, 'POST', '/api/v1/check', {
        json: {
          text: '【佐川急便】お荷物をお届けに上がりましたが不在の為持ち帰りました。http://sagawa-ex.top/?id=1',
        },
      });
      assert.equal(t.status, 201, t.text);
      assert.equal(t.json.kind, 'text');
      assert.equal(t.json.report.kind, 'text');
      const u = await call(s.base, 'POST', '/api/v1/check', {
        json: { url: 'http://amazon.co.jp.login-verify.xyz/' },
      });
      assert.equal(u.status, 201, u.text);
      assert.equal(u.json.kind, 'url');
      assert.notEqual(u.json.report.verdict, 'no-threat-found');
    });

    it('POST /check takes a multipart upload of an .eml and of an Outlook .msg', async () => {
      const e = multipart(
        'file',
        'mail.eml',
        fixture('seed-amazon-suspended-iso2022jp.eml'),
        'message/rfc822',
      );
      const r1 = await raw(e.body, { 'content-type': e.type });
      assert.equal(r1.status, 201, r1.text);
      assert.equal(r1.json.report.source.path, 'mail.eml');
      assert.equal(r1.json.report.verdict, 'phishing');
      const msg = buildMsg({
        subject: 'お支払い方法の更新',
        body: 'Amazonプライム会費のお支払いに問題があります。http://amazon-prime-update.xyz/pay',
        senderName: 'Amazon.co.jp',
        senderEmail: 'billing@amazon-prime-update.xyz',
        transportHeaders: '',
      });
      const m = multipart('file', 'mail.msg', msg, 'application/vnd.ms-outlook');
      const r2 = await raw(m.body, { 'content-type': m.type });
      assert.equal(r2.status, 201, r2.text);
      assert.equal(r2.json.report.subject, 'お支払い方法の更新');
      assert.equal(r2.json.report.sender.claimed.address, 'billing@amazon-prime-update.xyz');
      const broken = multipart('file', 'broken.msg', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
      assertProblem(await raw(broken.body, { 'content-type': broken.type }), 422);
      const nofile = multipart('attachment', 'x.eml', PHISH);
      assertProblem(await raw(nofile.body, { 'content-type': nofile.type }), 400);
    });

    it('GET /checks/{id}/preview serves the preview under its own policy, by token or signed address', async () => {
      const r = await raw(PHISH);
      const p = await call(s.base, 'GET', r.json.previewUrl);
      assert.equal(p.status, 200);
      assert.match(String(p.headers['content-type']), /^text\/html/);
      const csp = String(p.headers['content-security-policy']);
      assert.match(csp, /sandbox/);
      assert.match(csp, /frame-ancestors 'self'/);
      assert.doesNotMatch(csp, /script-src/);
      assert.equal(p.headers['x-content-type-options'], 'nosniff');
      assert.match(p.text, /<html/i);
      assert.match(p.text, /<mark/, "the report's suspicious parts are marked");
      const again = await call(s.base, 'GET', r.json.previewUrl);
      assert.equal(again.text, p.text, 'rendered on first view, then kept');
      const sms = await call(s.base, 'POST', '/api/v1/check', {
        json: { text: '<script>alert(1)</script> 至急 http://a.example.xyz/' },
      });
      const sp = await call(s.base, 'GET', sms.json.previewUrl);
      assert.equal(sp.status, 200);
      assert.ok(!sp.text.includes('<script>'));
      assert.match(sp.text, /&lt;script&gt;/);
      assertProblem(await call(s.base, 'GET', '/api/v1/checks/no-such-check/preview'), 404);
    });

    it('GET /checks lists newest first, page by page with a cursor', async () => {
      for (let i = 0; i < 3; i++)
        await call(s.base, 'POST', '/api/v1/check', { json: { text: `テスト ${i}` } });
      const all = (await call(s.base, 'GET', '/api/v1/checks?limit=100')).json;
      assert.equal(all.nextCursor, null);
      assert.ok(all.items.length >= 8);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply = await call(
          s.base,
          'GET',
          `/api/v1/checks?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        assert.equal(page.status, 200);
        assert.ok(page.json.items.length <= 3);
        seen.push(...page.json.items.map((i: { id: string }) => i.id));
        cursor = page.json.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        all.items.map((i: { id: string }) => i.id),
      );
      const times = all.items.map((i: { createdAt: string }) => Date.parse(i.createdAt));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
      assert.equal(all.items[0].kind, 'text');
      assert.equal(all.items[0].subject, null);
      const first = all.items.find(
        (i: { subject: string | null }) => i.subject === '【重要】アカウントが一時停止されました',
      );
      assert.equal(first.sender, 'account-update@amazon.co.jp');
      assert.equal(first.verdict, 'phishing');
      assertProblem(await call(s.base, 'GET', '/api/v1/checks?cursor=bm9wZQ'), 400);
      assertProblem(await call(s.base, 'GET', '/api/v1/checks?limit=1000'), 400);
    });

    it('POST /checks/{id}/feedback stores the user saying the verdict is wrong', async () => {
      const r = await raw(FRIEND);
      const f = await call(s.base, 'POST', `/api/v1/checks/${r.json.id}/feedback`, {
        json: { wrong: true, expected: 'phishing', comment: '怪しい' },
      });
      assert.equal(f.status, 200, f.text);
      assert.equal(f.json.wrong, true);
      assert.equal(f.json.expected, 'phishing');
      const g = await call(s.base, 'GET', `/api/v1/checks/${r.json.id}`);
      assert.equal(g.json.feedback.comment, '怪しい');
      const again = await call(s.base, 'POST', `/api/v1/checks/${r.json.id}/feedback`, {
        json: { wrong: false },
      });
      assert.equal(again.json.wrong, false);
      assert.equal(again.json.expected, null);
      assertProblem(
        await call(s.base, 'POST', `/api/v1/checks/${r.json.id}/feedback`, { json: { wrong: 'yes' } }),
        400,
      );
      assertProblem(
        await call(s.base, 'POST', `/api/v1/checks/${r.json.id}/feedback`, {
          json: { wrong: true, expected: 'evil' },
        }),
        400,
      );
      assertProblem(
        await call(s.base, 'POST', '/api/v1/checks/unknown/feedback', { json: { wrong: true } }),
        404,
      );
    });

    it('marks: a sender marked trusted or blocked shows on later checks, and can be removed', async () => {
      const before = await raw(FRIEND);
      const m = await call(s.base, 'POST', '/api/v1/marks', {
        json: { value: 'Friends.Example.JP', kind: 'domain', list: 'trusted' },
      });
      assert.equal(m.status, 201, m.text);
      assert.equal(m.json.value, 'friends.example.jp');
      const a = await call(s.base, 'POST', '/api/v1/marks', {
        json: { value: 'account-update@amazon.co.jp', kind: 'address', list: 'blocked' },
      });
      assert.equal(a.status, 201);
      const list = await call(s.base, 'GET', '/api/v1/marks');
      assert.deepEqual(
        list.json.items.map((i: { value: string; list: string }) => `${i.list}:${i.value}`),
        ['trusted:friends.example.jp', 'blocked:account-update@amazon.co.jp'],
      );
      const later = await raw(FRIEND);
      assert.deepEqual(
        later.json.marks.map((i: { id: string }) => i.id),
        [m.json.id],
      );
      assert.equal(
        (await call(s.base, 'GET', `/api/v1/checks/${before.json.id}`)).json.marks[0].list,
        'trusted',
      );
      assert.equal((await raw(PHISH)).json.marks[0].list, 'blocked');
      // Moving a mark to the other list keeps one mark.
      const moved = await call(s.base, 'POST', '/api/v1/marks', {
        json: { value: 'friends.example.jp', kind: 'domain', list: 'blocked' },
      });
      assert.equal(moved.json.id, m.json.id);
      assert.equal(moved.json.list, 'blocked');
      const d = await call(s.base, 'DELETE', `/api/v1/marks/${m.json.id}`);
      assert.equal(d.status, 204);
      assertSecurityHeaders(d);
      assert.deepEqual((await raw(FRIEND)).json.marks, []);
      assertProblem(await call(s.base, 'DELETE', `/api/v1/marks/${m.json.id}`), 404);
      assertProblem(
        await call(s.base, 'POST', '/api/v1/marks', {
          json: { value: 'not a domain', kind: 'domain', list: 'trusted' },
        }),
        400,
      );
      assertProblem(
        await call(s.base, 'POST', '/api/v1/marks', {
          json: { value: 'a.jp', kind: 'host', list: 'trusted' },
        }),
        400,
      );
    });

    it('GET /questions lists genuine account notices, not phishing that names the same brand', async () => {
      const genuine = await raw(fixture('genuine-amazon-order.eml'));
      assert.equal(genuine.status, 201, genuine.text);
      assert.equal(genuine.json.report.genuine?.notice?.kind, 'order');
      const fake = await raw(fixture('seed-amazon-suspended-iso2022jp.eml'));
      assert.equal(fake.status, 201, fake.text);
      const r = await call(s.base, 'GET', '/api/v1/questions');
      assert.equal(r.status, 200);
      const ids = r.json.items.map((q: { id: string }) => q.id);
      assert.ok(ids.includes(genuine.json.id));
      assert.ok(!ids.includes(fake.json.id));
      const q = r.json.items.find((x: { id: string }) => x.id === genuine.json.id);
      assert.equal(q.genuine.domain, 'amazon.co.jp');
      assert.equal(typeof q.genuine.notice.label.ja, 'string');
    });

    it('GET /stats counts checks by day and verdict, brands and lures', async () => {
      const r = await call(s.base, 'GET', '/api/v1/stats?days=30');
      assert.equal(r.status, 200);
      const today = new Date().toISOString().slice(0, 10);
      const phishing = r.json.byDay.find(
        (d: { day: string; verdict: string }) => d.day === today && d.verdict === 'phishing',
      );
      assert.ok(phishing.count >= 3);
      assert.ok(r.json.brands.some((b: { brand: string }) => b.brand === 'amazon'));
      assert.ok(r.json.lures.length > 0);
      assert.ok(r.json.lures.every((l: { rule: string }) => l.rule.startsWith('lure/')));
      const total = r.json.byDay.reduce((n: number, d: { count: number }) => n + d.count, 0);
      const listed = (await call(s.base, 'GET', '/api/v1/checks?limit=100')).json.items.length;
      assert.equal(total, listed);
      assertProblem(await call(s.base, 'GET', '/api/v1/stats?days=0'), 400);
    });

    it('GET /openapi.json describes every route in OpenAPI 3.1', async () => {
      const r = await call(s.base, 'GET', '/api/v1/openapi.json');
      assert.equal(r.status, 200);
      assert.equal(r.json.openapi, '3.1.0');
      assert.deepEqual(Object.keys(r.json.paths).sort(), [
        '/cases',
        '/cases/{id}',
        '/cases/{id}/download',
        '/cases/{id}/evidence',
        '/cases/{id}/evidence/{evidence}',
        '/cases/{id}/export',
        '/cases/{id}/notes',
        '/cases/{id}/steps/{step}',
        '/charges',
        '/charges/import',
        '/charges/known',
        '/charges/{id}/case',
        '/check',
        '/checks',
        '/checks/{id}',
        '/checks/{id}/feedback',
        '/checks/{id}/preview',
        '/marks',
        '/marks/{id}',
        '/openapi.json',
        '/plans',
        '/questions',
        '/session',
        '/stats',
      ]);
      assert.ok(r.json.components.schemas.CheckRecord);
    });

    it('answers errors as problem JSON', async () => {
      assertProblem(await call(s.base, 'GET', '/api/v1/nothing'), 404);
      const m = await call(s.base, 'PUT', '/api/v1/check');
      assertProblem(m, 405);
      assert.equal(m.headers.allow, 'POST');
      const u = await raw('hello', { 'content-type': 'text/plain' });
      assertProblem(u, 415);
      assertProblem(await raw('just some words, no header block'), 422);
      assertProblem(await raw(''), 422);
      assertProblem(
        await call(s.base, 'POST', '/api/v1/check', {
          body: '{nope',
          headers: { 'content-type': 'application/json' },
        }),
        400,
      );
      assertProblem(await call(s.base, 'POST', '/api/v1/check', { json: { text: '' } }), 400);
      assertProblem(await call(s.base, 'GET', '/api/v1/checks/00000000-0000-0000-0000-000000000000'), 404);
    });

    it('serves the web app: / and page routes give index.html, /app/ files only from its folders', async () => {
      const root = await call(s.base, 'GET', '/');
      assert.equal(root.status, 200);
      assert.match(String(root.headers['content-type']), /^text\/html/);
      assertSecurityHeaders(root);
      const page = await call(s.base, 'GET', '/history', { headers: { accept: 'text/html' } });
      assert.equal(page.text, root.text);
      assertProblem(
        await call(s.base, 'GET', '/favicon-nothing.png', { headers: { accept: 'image/png' } }),
        404,
      );
      for (const path of [
        '/app/../package.json',
        '/app/%2e%2e/package.json',
        '/app/..%2fpackage.json',
        '/app/.git/config',
      ]) {
        const r = await call(s.base, 'GET', path);
        assertProblem(r, 404);
        assertSecurityHeaders(r);
      }
      assertProblem(await call(s.base, 'POST', '/'), 405);
    });

    it('refuses a state change from a foreign page (CSRF), accepts it from its own page with the token', async () => {
      const own = s.base.replace('127.0.0.1', '127.0.0.1');
      const token = (await call(s.base, 'GET', '/api/v1/session')).json.csrfToken as string;
      const post = (headers: Record<string, string>) =>
        call(s.base, 'POST', '/api/v1/check', { json: { text: 'csrf test' }, headers });
      assertProblem(await post({ origin: 'http://evil.example', 'x-csrf-token': token }), 403);
      assertProblem(await post({ origin: 'null', 'x-csrf-token': token }), 403);
      assertProblem(await post({ 'sec-fetch-site': 'cross-site', 'x-csrf-token': token }), 403);
      assertProblem(await post({ origin: own }), 403);
      assertProblem(await post({ origin: own, 'x-csrf-token': 'forged' }), 403);
      assertProblem(
        await call(s.base, 'POST', '/api/v1/marks', {
          json: { value: 'evil.example', kind: 'domain', list: 'trusted' },
          headers: { origin: 'http://evil.example' },
        }),
        403,
      );
      assert.equal(
        (await post({ origin: own, 'sec-fetch-site': 'same-origin', 'x-csrf-token': token })).status,
        201,
      );
      assert.equal((await post({})).status, 201, 'a plain API client (no Origin) needs no CSRF token');
    });

    it('answers only to loopback names on a loopback address (DNS rebinding)', async () => {
      const r = await call(s.base, 'GET', '/api/v1/session', { headers: { host: 'rebind.evil.example' } });
      assertProblem(r, 421);
      assertSecurityHeaders(r);
      const ok = await call(s.base, 'GET', '/api/v1/session', { headers: { host: `localhost:${s.port}` } });
      assert.equal(ok.status, 200);
    });

    it('refuses a body over the limit with 413, declared or streamed', async () => {
      const small = await start(db, { maxBodyBytes: 1000 });
      try {
        const big = PHISH + 'x'.repeat(2000);
        const declared = await raw(big, {});
        assert.equal(declared.status, 201, 'the default limit (30 MB) lets it in');
        const r = await call(small.base, 'POST', '/api/v1/check', {
          body: big,
          headers: { 'content-type': 'message/rfc822' },
        });
        assertProblem(r, 413);
        assertSecurityHeaders(r);
        assert.match(r.json.detail, /1000 bytes/);
        const chunked = await call(small.base, 'POST', '/api/v1/check', {
          body: big,
          headers: { 'content-type': 'message/rfc822', 'transfer-encoding': 'chunked' },
        });
        assertProblem(chunked, 413);
        const form = multipart('file', 'big.eml', big);
        assertProblem(
          await call(small.base, 'POST', '/api/v1/check', {
            body: form.body,
            headers: { 'content-type': form.type },
          }),
          413,
        );
        assert.equal((await call(small.base, 'GET', '/api/v1/session')).status, 200, 'the server goes on');
      } finally {
        await small.close();
      }
    });

    it('limits each client to its rate, with 429 and Retry-After', async () => {
      const limited = await start(db, { rate: { perSecond: 0.5, burst: 3 } });
      try {
        const codes: number[] = [];
        let last: Reply | null = null;
        for (let i = 0; i < 5; i++) {
          last = await call(limited.base, 'GET', '/api/v1/session');
          codes.push(last.status);
        }
        assert.deepEqual(codes, [200, 200, 200, 429, 429]);
        assertProblem(last as Reply, 429);
        assert.ok(Number((last as Reply).headers['retry-after']) >= 1);
        assertSecurityHeaders(last as Reply);
        assert.equal((await call(limited.base, 'GET', '/')).status, 200, 'the page itself is not limited');
      } finally {
        await limited.close();
      }
    });

    it('deletes checks past the retention period at start', async () => {
      const old = { kind: 'text', verdict: 'no-threat-found', score: 0, brand: null, subject: null } as const;
      const base = {
        ...old,
        senderAddress: null,
        senderDomain: null,
        reportJson: '{"findings":[]}',
        preview: '',
        user: 'local',
      };
      await insertCheck(db, { ...base, id: 'old-check', createdAt: new Date(Date.now() - 91 * 86400_000) });
      await insertCheck(db, {
        ...base,
        id: 'recent-check',
        createdAt: new Date(Date.now() - 89 * 86400_000),
      });
      const kept = await start(db, { retentionDays: 90 });
      try {
        assert.equal(kept.expired, 1);
        assertProblem(await call(kept.base, 'GET', '/api/v1/checks/old-check'), 404);
        assert.equal((await call(kept.base, 'GET', '/api/v1/checks/recent-check')).status, 200);
      } finally {
        await kept.close();
      }
      const shorter = await start(db, { retentionDays: 30 });
      try {
        assert.equal(shorter.expired, 1);
        assertProblem(await call(shorter.base, 'GET', '/api/v1/checks/recent-check'), 404);
        assert.equal((await call(shorter.base, 'GET', '/api/v1/session')).json.retentionDays, 30);
      } finally {
        await shorter.close();
      }
    });
  });
}
