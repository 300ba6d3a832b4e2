/**
 * The card-charge routes against the real server on a loopback port, on both databases: a 楽天カード statement in
 * Shift_JIS with the seed's three 1,980-yen Netflix charges flagged, the chart's data per user and by card and date,
 * generic CSVs with a remembered mapping, known merchants, a flagged charge opening or joining a case, CSRF.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dbTargets, requirePostgres } from '../support/databases.js';
import { ALICE, assertProblem, BOB, twoUsers } from '../support/two-users.js';
import { formBody } from './server.js';

requirePostgres();

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/charges/${name}`, import.meta.url));

/** multipart/form-data with a file and text fields. */
function form(
  file: { name: string; content: Uint8Array | string } | null,
  fields: Record<string, string> = {},
) {
  const { body, type } = formBody(
    fields,
    file && { field: 'file', filename: file.name, content: file.content, type: 'text/csv' },
  );
  return { body, headers: { 'content-type': type } };
}

interface Item {
  id: string;
  card: string;
  date: string;
  merchant: string;
  amount: number;
  flagged: boolean;
  known: boolean;
  reasons: { id: string; message: { ja: string; en: string } }[];
}

for (const target of dbTargets()) {
  describe(`card charges API on ${target.name}`, { skip: target.skip, timeout: 300_000 }, () => {
    const api = twoUsers(target);
    const { as } = api;
    const upload = (token: string, f: ReturnType<typeof form>, headers: Record<string, string> = {}) =>
      as(token, 'POST', '/api/v1/charges/import', { body: f.body, headers: { ...f.headers, ...headers } });

    it('imports a 楽天カード statement (Shift_JIS) and flags the three 1,980-yen Netflix charges', async () => {
      const r = await upload(
        ALICE,
        form({ name: 'enavi.csv', content: fixture('rakuten-enavi-sjis.csv') }, { format: 'rakuten' }),
      );
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.card, 'rakuten');
      assert.equal(r.json.encoding, 'shift_jis');
      assert.equal(r.json.added, 6);
      assert.equal(r.json.flagged, 3);
      const netflix = r.json.charges.filter((c: Item) => c.flagged);
      assert.deepEqual(
        netflix.map((c: Item) => [c.date, c.merchant, c.amount]),
        [
          ['2020-05-08', 'NETFLIX.COM', 1980],
          ['2020-05-09', 'NETFLIX.COM', 1980],
          ['2020-05-10', 'NETFLIX.COM', 1980],
        ],
      );
      for (const c of netflix)
        assert.ok(c.reasons.some((x: Item['reasons'][0]) => x.id === 'charges/repeated-amount'));
      // The same statement again stores nothing twice.
      const again = await upload(
        ALICE,
        form({ name: 'enavi.csv', content: fixture('rakuten-enavi-sjis.csv') }),
      );
      assert.equal(again.status, 200, again.text);
      assert.equal(again.json.added, 0);
      assert.equal(again.json.format, 'rakuten', 'detected');
    });

    it('GET /charges gives the chart its data, oldest first, per user, by card and dates', async () => {
      const r = await as(ALICE, 'GET', '/api/v1/charges');
      assert.equal(r.status, 200);
      assert.deepEqual(r.json.cards, ['rakuten']);
      const items = r.json.items as Item[];
      assert.equal(items.length, 6);
      assert.deepEqual(
        items.map((c) => c.date),
        [...items.map((c) => c.date)].sort(),
      );
      assert.equal(items.filter((c) => c.flagged).length, 3);
      const some = await as(ALICE, 'GET', '/api/v1/charges?card=rakuten&from=2020-05-08&to=2020-05-09');
      assert.deepEqual(
        (some.json.items as Item[]).map((c) => c.date),
        ['2020-05-08', '2020-05-09'],
      );
      assert.equal((await as(ALICE, 'GET', '/api/v1/charges?card=smbc')).json.items.length, 0);
      assertProblem(await as(ALICE, 'GET', '/api/v1/charges?from=May'), 400);
      const bob = await as(BOB, 'GET', '/api/v1/charges');
      assert.deepEqual(bob.json, { cards: [], items: [] });
      assertProblem(await as(null, 'GET', '/api/v1/charges'), 401);
    });

    it('reads a 三井住友カード statement and a generic CSV whose mapping the card remembers', async () => {
      const smbc = await upload(BOB, form({ name: 'vpass.csv', content: fixture('smbc-vpass-sjis.csv') }));
      assert.equal(smbc.status, 200, smbc.text);
      assert.equal(smbc.json.card, 'smbc');
      assert.ok(smbc.json.charges.length > 0);
      const csv = 'date,shop,yen\n2026-11-01,コンビニ,500\n2026-11-02,STEAM PURCHASE,3000\n';
      assertProblem(await upload(BOB, form({ name: 'g.csv', content: csv }, { format: 'generic' })), 400);
      assertProblem(
        await upload(BOB, form({ name: 'g.csv', content: csv }, { format: 'generic', card: 'mycard' })),
        400,
      );
      const g = await upload(
        BOB,
        form(
          { name: 'g.csv', content: csv },
          { format: 'generic', card: 'mycard', map: 'date=date,merchant=shop,amount=yen' },
        ),
      );
      assert.equal(g.status, 200, g.text);
      assert.equal(g.json.charges.length, 2);
      const next = 'date,shop,yen\n2026-11-05,コンビニ,700\n';
      const remembered = await upload(BOB, form({ name: 'g2.csv', content: next }, { card: 'mycard' }));
      assert.equal(remembered.status, 200, remembered.text);
      assert.equal(remembered.json.format, 'generic');
      assertProblem(await upload(BOB, form({ name: 'x.csv', content: 'hello\nworld\n' })), 422);
      assertProblem(await upload(BOB, form(null, { format: 'rakuten' })), 400);
      assertProblem(await upload(BOB, form({ name: 'x.csv', content: 'a' }, { format: 'visa' })), 400);
    });

    it('POST /charges/known marks a merchant as the user’s on a card', async () => {
      const r = await as(ALICE, 'POST', '/api/v1/charges/known', {
        json: { card: 'rakuten', merchant: 'NETFLIX.COM' },
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.added, true);
      const again = await as(ALICE, 'POST', '/api/v1/charges/known', {
        json: { card: 'rakuten', merchant: 'NETFLIX.COM' },
      });
      assert.equal(again.status, 200);
      const items = (await as(ALICE, 'GET', '/api/v1/charges')).json.items as Item[];
      assert.ok(items.filter((c) => c.merchant === 'NETFLIX.COM').every((c) => c.known));
      assert.ok(items.filter((c) => c.merchant !== 'NETFLIX.COM').every((c) => !c.known));
      const bobs = (await as(BOB, 'GET', '/api/v1/charges?card=smbc')).json.items as Item[];
      assert.ok(
        bobs.every((c) => !c.known),
        'another user’s marks do not apply',
      );
      assertProblem(await as(ALICE, 'POST', '/api/v1/charges/known', { json: { card: 'rakuten' } }), 400);
    });

    it('a flagged charge opens a recovery case as its evidence, and another joins it', async () => {
      const items = (await as(ALICE, 'GET', '/api/v1/charges')).json.items as Item[];
      const [first, second] = items.filter((c) => c.flagged) as [Item, Item];
      const opened = await as(ALICE, 'POST', `/api/v1/charges/${first.id}/case`, { json: { lang: 'en' } });
      assert.equal(opened.status, 201, opened.text);
      assert.equal(opened.json.opened, true);
      const caseId = opened.json.caseId as string;
      const c = await as(ALICE, 'GET', `/api/v1/cases/${caseId}`);
      assert.equal(c.status, 200);
      assert.deepEqual(c.json.plan.answers.happened, ['unknown-charges']);
      assert.deepEqual(c.json.plan.answers.cards, ['rakuten-card']);
      assert.equal(c.json.title, 'Unknown charges on Rakuten Card');
      assert.equal(c.json.evidence.length, 1);
      assert.match(c.json.evidence[0].filename, /^charge-rakuten-2020-05-08-/);
      assert.match(c.json.evidence[0].note, /NETFLIX\.COM 1,980円/);
      const joined = await as(ALICE, 'POST', `/api/v1/charges/${second.id}/case`, { json: { caseId } });
      assert.equal(joined.status, 200, joined.text);
      assert.equal(joined.json.opened, false);
      assert.equal((await as(ALICE, 'GET', `/api/v1/cases/${caseId}`)).json.evidence.length, 2);
      assertProblem(await as(BOB, 'POST', `/api/v1/charges/${first.id}/case`, { json: {} }), 404);
      assertProblem(
        await as(ALICE, 'POST', `/api/v1/charges/${first.id}/case`, { json: { caseId: 'nosuchcase' } }),
        404,
      );
      assertProblem(await as(ALICE, 'POST', '/api/v1/charges/999999/case', { json: {} }), 404);
    });

    it('refuses a cross-site import from a browser', async () => {
      const token = await api.csrf(ALICE);
      const f = () => form({ name: 'enavi.csv', content: fixture('rakuten-enavi-sjis.csv') });
      assertProblem(await upload(ALICE, f(), { origin: 'http://evil.example', 'x-csrf-token': token }), 403);
      assertProblem(await upload(ALICE, f(), { origin: api.server.base }), 403);
      const ok = await upload(ALICE, f(), { origin: api.server.base, 'x-csrf-token': token });
      assert.equal(ok.status, 200, ok.text);
      assertProblem(
        await as(ALICE, 'POST', '/api/v1/charges/known', {
          json: { card: 'rakuten', merchant: 'X' },
          headers: { 'sec-fetch-site': 'cross-site' },
        }),
        403,
      );
    });
  });
}
