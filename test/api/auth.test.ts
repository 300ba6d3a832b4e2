import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eml } from '../../src/engine/testing.js';
import { ConfigError, startServer } from '../../src/server/app.js';
import { isLoopback, parseTokens, TokenFileError } from '../../src/server/auth.js';
import { dbTargets, requirePostgres } from '../support/databases.js';
import { ALICE, BOB, twoUsers } from '../support/two-users.js';

requirePostgres();

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('access tokens', () => {
  it('reads user:token lines and JSON, refusing short or shared tokens', () => {
    const lines = parseTokens(`# family server\nalice:${ALICE}\n\nbob: ${BOB}\n`);
    assert.deepEqual([...lines.values()], ['alice', 'bob']);
    assert.deepEqual([...parseTokens(JSON.stringify({ alice: ALICE })).values()], ['alice']);
    assert.deepEqual([...parseTokens(JSON.stringify([{ user: 'bob', token: BOB }])).values()], ['bob']);
    assert.throws(() => parseTokens('alice:short'), TokenFileError);
    assert.throws(() => parseTokens(`alice:${ALICE}\nbob:${ALICE}`), TokenFileError);
    assert.throws(() => parseTokens('no colon here'), TokenFileError);
    assert.throws(() => parseTokens('# nobody\n'), TokenFileError);
    assert.throws(() => parseTokens('{"alice":'), TokenFileError);
  });

  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', 'app.localhost'])
      assert.ok(isLoopback(h), h);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.jp', '128.0.0.1'])
      assert.ok(!isLoopback(h), h);
  });

  it('refuses to listen beyond loopback without tokens, and says why', async () => {
    await assert.rejects(
      startServer({ db: new Promise<never>(() => {}), host: '0.0.0.0', port: 0 }),
      ConfigError,
    );
    const home = mkdtempSync(join(tmpdir(), 'sagicheck-serve-'));
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin', 'sagicheck.js'), 'serve', '--host', '0.0.0.0', '--port', '0'],
      {
        encoding: 'utf8',
        env: { ...process.env, SAGICHECK_HOME: home, SAGICHECK_TOKENS: '', DATABASE_URL: '' },
        timeout: 30_000,
      },
    );
    assert.equal(r.status, 64, r.stderr);
    assert.match(r.stderr, /--tokens/);
    assert.match(r.stderr, /refusing to start/);
    const bad = join(home, 'tokens');
    writeFileSync(bad, 'alice:short\n');
    const r2 = spawnSync(
      process.execPath,
      [join(root, 'bin', 'sagicheck.js'), 'serve', '--host', '0.0.0.0', '--tokens', bad],
      {
        encoding: 'utf8',
        env: { ...process.env, SAGICHECK_HOME: home },
        timeout: 30_000,
      },
    );
    assert.equal(r2.status, 64);
    assert.match(r2.stderr, /shorter than 16/);
  });
});

for (const target of dbTargets()) {
  describe(`a server beyond loopback (0.0.0.0) on ${target.name}`, { skip: target.skip }, () => {
    const api = twoUsers(target);
    const { as } = api;
    const mail = eml({
      from: 'Amazon.co.jp <info@amazon-co-jp.example>',
      subject: 'alice の確認',
      text: 'アカウントが停止されました。http://amazon.co.jp.verify-login.xyz/',
    });

    it('asks for a token on every API route but the description', async () => {
      const none = await as(null, 'GET', '/api/v1/session');
      assert.equal(none.status, 401);
      assert.match(String(none.headers['www-authenticate']), /^Bearer/);
      assert.equal(none.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(none.headers['x-content-type-options'], 'nosniff');
      assert.equal((await as('wrong-token-0123456789', 'GET', '/api/v1/checks')).status, 401);
      assert.equal((await as(null, 'POST', '/api/v1/check', { json: { text: 'x' } })).status, 401);
      assert.equal((await as(null, 'GET', '/api/v1/stats')).status, 401);
      assert.equal((await as(null, 'GET', '/api/v1/openapi.json')).status, 200);
      assert.equal((await as(null, 'GET', '/')).status, 200, 'the page loads, then asks for the token');
      const ok = await as(ALICE, 'GET', '/api/v1/session', { headers: { host: 'family-server.lan:8787' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.json.authRequired, true);
      assert.equal(ok.json.user, 'alice');
    });

    it('keeps each user to their own history, marks, feedback, stats and previews', async () => {
      const a = await as(ALICE, 'POST', '/api/v1/check', {
        body: mail,
        headers: { 'content-type': 'message/rfc822' },
      });
      assert.equal(a.status, 201, a.text);
      const id = a.json.id as string;
      assert.equal((await as(ALICE, 'GET', `/api/v1/checks/${id}`)).status, 200);
      assert.equal((await as(BOB, 'GET', `/api/v1/checks/${id}`)).status, 404);
      assert.equal((await as(BOB, 'GET', `/api/v1/checks/${id}/preview`)).status, 404);
      assert.equal(
        (await as(BOB, 'POST', `/api/v1/checks/${id}/feedback`, { json: { wrong: true } })).status,
        404,
      );
      assert.equal((await as(ALICE, 'GET', '/api/v1/checks')).json.items.length, 1);
      assert.deepEqual((await as(BOB, 'GET', '/api/v1/checks')).json.items, []);
      assert.deepEqual((await as(BOB, 'GET', '/api/v1/stats')).json.byDay, []);
      assert.equal((await as(ALICE, 'GET', '/api/v1/stats')).json.byDay[0].count, 1);

      // The iframe cannot send the token: the signed address opens the preview, and only that check's.
      const preview = await as(null, 'GET', a.json.previewUrl);
      assert.equal(preview.status, 200);
      const sig = new URL(a.json.previewUrl, api.server.base).searchParams.get('sig');
      assert.equal((await as(null, 'GET', `/api/v1/checks/${id}/preview`)).status, 401);
      assert.equal((await as(null, 'GET', `/api/v1/checks/${id}/preview?sig=${sig}x`)).status, 401);
      assert.equal((await as(null, 'GET', `/api/v1/checks/${id}`, {})).status, 401);
      const b = await as(BOB, 'POST', '/api/v1/check', { json: { text: 'bob の SMS' } });
      assert.equal((await as(null, 'GET', `/api/v1/checks/${b.json.id}/preview?sig=${sig}`)).status, 401);

      const mark = await as(BOB, 'POST', '/api/v1/marks', {
        json: { value: 'amazon-co-jp.example', kind: 'domain', list: 'trusted' },
      });
      assert.equal(mark.status, 201);
      assert.deepEqual((await as(ALICE, 'GET', '/api/v1/marks')).json.items, []);
      assert.deepEqual((await as(ALICE, 'GET', `/api/v1/checks/${id}`)).json.marks, []);
      assert.equal((await as(ALICE, 'DELETE', `/api/v1/marks/${mark.json.id}`)).status, 404);
      assert.equal((await as(BOB, 'GET', '/api/v1/marks')).json.items.length, 1);
      const bobMail = await as(BOB, 'POST', '/api/v1/check', {
        body: mail,
        headers: { 'content-type': 'message/rfc822' },
      });
      assert.equal(bobMail.json.marks[0].list, 'trusted');
    });

    it('gives each user their own CSRF token', async () => {
      const ta = await api.csrf(ALICE);
      const tb = await api.csrf(BOB);
      assert.notEqual(ta, tb);
      const host = `127.0.0.1:${api.server.port}`;
      const post = (token: string, csrf: string) =>
        as(token, 'POST', '/api/v1/check', {
          json: { text: 'x' },
          headers: { origin: `http://${host}`, 'x-csrf-token': csrf },
        });
      assert.equal((await post(BOB, ta)).status, 403);
      assert.equal((await post(BOB, tb)).status, 201);
    });
  });
}
