/**
 * The recovery-plan and case routes against the real server on a loopback port, on both databases: plans from
 * answers, cases per user (one user never sees another's), steps, notes, evidence with its SHA-256, every export
 * (ics, print view, PDF, abuse .eml, ARF), signed download links, CSRF, and deleting a case with its evidence.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { eml } from '../../src/engine/testing.js';
import { dbTargets, requirePostgres } from '../support/databases.js';
import { ALICE, assertProblem, BOB, twoUsers } from '../support/two-users.js';
import { call, multipart } from './server.js';

requirePostgres();

const PHISH = eml({
  from: 'Amazon.co.jp <account-update@amazon-co-jp.example>',
  subject: '【重要】アカウントが一時停止されました',
  html: '<p>お客様のアカウントは停止されました。24時間以内に確認してください。</p><a href="http://amazon-co-jp.account-verify.xyz/signin">アカウントを確認する</a>',
});
const ANSWERS = {
  brand: 'amazon',
  channel: 'mail',
  happened: ['card-entered', 'password-entered'],
  when: '2026-05-08T10:00+09:00',
  cards: ['rakuten-card'],
};
const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const target of dbTargets()) {
  describe(`recovery cases API on ${target.name}`, { skip: target.skip, timeout: 300_000 }, () => {
    const api = twoUsers(target);
    const { as } = api;
    let caseId = '';
    let checkId = '';

    it('offers the features to the page', async () => {
      const r = await as(ALICE, 'GET', '/api/v1/session');
      assert.deepEqual(r.json.features, ['recover', 'charges']);
    });

    it('POST /plans builds a plan from the answers without storing it', async () => {
      const r = await as(ALICE, 'POST', '/api/v1/plans', { json: ANSWERS });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.schemaVersion, 1);
      assert.deepEqual(r.json.playbooks.slice(0, 2), ['amazon', 'rakuten-card']);
      assert.equal(r.json.steps[0].id, 'rakuten-card.stop-card', 'the card is stopped first');
      for (const st of r.json.steps) {
        assert.ok(st.why.ja && st.why.en, `${st.id} says why`);
        assert.ok(st.how.length > 0, `${st.id} says how`);
      }
      assert.ok(
        r.json.steps.some((st: { deadline?: { kind: string } }) => st.deadline?.kind === 'not-before'),
      );
      assert.equal((await as(ALICE, 'GET', '/api/v1/cases')).json.items.length, 0);
      assertProblem(await as(ALICE, 'POST', '/api/v1/plans', { json: { ...ANSWERS, channel: 'fax' } }), 400);
      assertProblem(await as(ALICE, 'POST', '/api/v1/plans', { json: { ...ANSWERS, happened: [] } }), 400);
      assertProblem(
        await as(ALICE, 'POST', '/api/v1/plans', { json: { ...ANSWERS, when: 'yesterday' } }),
        400,
      );
      assertProblem(
        await as(ALICE, 'POST', '/api/v1/plans', { body: 'x', headers: { 'content-type': 'text/plain' } }),
        415,
      );
      assertProblem(await as(null, 'POST', '/api/v1/plans', { json: ANSWERS }), 401);
    });

    it('POST /cases saves a case started from a check, the checked mail as its first evidence', async () => {
      const check = await as(ALICE, 'POST', '/api/v1/check', {
        body: PHISH,
        headers: { 'content-type': 'message/rfc822' },
      });
      assert.equal(check.status, 201, check.text);
      checkId = check.json.id;
      const r = await as(ALICE, 'POST', '/api/v1/cases', {
        json: { answers: ANSWERS, lang: 'en', title: 'Amazon mail: card and password', checkId },
      });
      assert.equal(r.status, 201, r.text);
      caseId = r.json.id;
      assert.equal(r.headers.location, `/api/v1/cases/${caseId}`);
      assert.equal(r.json.title, 'Amazon mail: card and password');
      assert.equal(r.json.checkId, checkId);
      assert.equal(r.json.lang, 'en');
      assert.equal(r.json.steps, r.json.plan.steps.length);
      assert.equal(r.json.done, 0);
      assert.equal(r.json.evidence.length, 1);
      assert.equal(r.json.evidence[0].mediaType, 'message/rfc822');
      assert.equal(r.json.evidence[0].sha256, sha256(PHISH));
      assert.ok(Array.isArray(r.json.reminders));
      for (const f of ['ics', 'html', 'pdf', 'eml', 'arf'])
        assert.match(r.json.downloads[f], /\/download\?format=/);
      // A check of another user cannot be borrowed.
      assertProblem(await as(BOB, 'POST', '/api/v1/cases', { json: { answers: ANSWERS, checkId } }), 404);
      assertProblem(
        await as(ALICE, 'POST', '/api/v1/cases', { json: { answers: { ...ANSWERS, brand: '' } } }),
        400,
      );
      assertProblem(
        await as(ALICE, 'POST', '/api/v1/cases', { json: { answers: ANSWERS, lang: 'fr' } }),
        400,
      );
    });

    it('GET /cases and /cases/{id} are per user', async () => {
      const mine = await as(ALICE, 'GET', '/api/v1/cases');
      assert.equal(mine.status, 200);
      assert.deepEqual(
        mine.json.items.map((c: { id: string }) => c.id),
        [caseId],
      );
      assert.equal(mine.json.items[0].nextDue.stepId, 'rakuten-card.stop-card');
      assert.deepEqual((await as(BOB, 'GET', '/api/v1/cases')).json.items, []);
      assertProblem(await as(BOB, 'GET', `/api/v1/cases/${caseId}`), 404);
      assertProblem(await as(ALICE, 'GET', '/api/v1/cases/nosuchcase'), 404);
      const one = await as(ALICE, 'GET', `/api/v1/cases/${caseId}`);
      assert.equal(one.status, 200);
      assert.equal(one.json.plan.answers.brand, 'amazon');
    });

    it('POST /cases/{id}/steps/{step} ticks a step off and back, by number or id', async () => {
      const done = await as(ALICE, 'POST', `/api/v1/cases/${caseId}/steps/1`, { json: { done: true } });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.json.stepId, 'rakuten-card.stop-card');
      assert.equal(done.json.status, 'done');
      assert.ok(done.json.doneAt);
      const undo = await as(ALICE, 'POST', `/api/v1/cases/${caseId}/steps/rakuten-card.stop-card`, {
        json: { done: false },
      });
      assert.equal(undo.json.status, 'todo');
      assert.equal(undo.json.doneAt, null);
      await as(ALICE, 'POST', `/api/v1/cases/${caseId}/steps/1`, { json: { status: 'done' } });
      assert.equal((await as(ALICE, 'GET', `/api/v1/cases/${caseId}`)).json.done, 1);
      assertProblem(
        await as(ALICE, 'POST', `/api/v1/cases/${caseId}/steps/1`, { json: { done: 'yes' } }),
        400,
      );
      assertProblem(
        await as(ALICE, 'POST', `/api/v1/cases/${caseId}/steps/99`, { json: { done: true } }),
        404,
      );
      assertProblem(await as(BOB, 'POST', `/api/v1/cases/${caseId}/steps/2`, { json: { done: true } }), 404);
    });

    it('POST /cases/{id}/notes keeps a note', async () => {
      const r = await as(ALICE, 'POST', `/api/v1/cases/${caseId}/notes`, {
        json: { body: '楽天カードに電話 受付番号 123' },
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.body, '楽天カードに電話 受付番号 123');
      assertProblem(await as(ALICE, 'POST', `/api/v1/cases/${caseId}/notes`, { json: { body: '  ' } }), 400);
      assertProblem(await as(BOB, 'POST', `/api/v1/cases/${caseId}/notes`, { json: { body: 'x' } }), 404);
      const c = await as(ALICE, 'GET', `/api/v1/cases/${caseId}`);
      assert.equal(c.json.notes.length, 1);
    });

    it('POST /cases/{id}/evidence keeps an uploaded file with its SHA-256, readable back', async () => {
      const png = Buffer.from('\x89PNG\r\n\x1a\nscreenshot bytes', 'binary');
      const form = multipart('file', '画面.png', png, 'image/png');
      const r = await as(ALICE, 'POST', `/api/v1/cases/${caseId}/evidence`, {
        body: form.body,
        headers: { 'content-type': form.type },
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.filename, '画面.png');
      assert.equal(r.json.mediaType, 'image/png');
      assert.equal(r.json.sha256, sha256(png));
      assert.equal(r.json.size, png.length);
      assert.equal(r.json.note, 'hello');
      const back = await as(ALICE, 'GET', `/api/v1/cases/${caseId}/evidence/${r.json.id}`);
      assert.equal(back.status, 200);
      assert.match(String(back.headers['content-disposition']), /^attachment;/);
      assertProblem(await as(BOB, 'GET', `/api/v1/cases/${caseId}/evidence/${r.json.id}`), 404);
      const none = multipart('other', 'x.txt', 'x');
      assertProblem(
        await as(ALICE, 'POST', `/api/v1/cases/${caseId}/evidence`, {
          body: none.body,
          headers: { 'content-type': none.type },
        }),
        400,
      );
      assertProblem(await as(ALICE, 'POST', `/api/v1/cases/${caseId}/evidence`, { json: {} }), 415);
    });

    it('GET /cases/{id}/export gives the calendar, print view, PDF, abuse report and ARF', async () => {
      const ex = (f: string, token: string | null = ALICE) =>
        as(token, 'GET', `/api/v1/cases/${caseId}/export?format=${f}`);
      const ics = await ex('ics');
      assert.equal(ics.status, 200);
      assert.match(String(ics.headers['content-type']), /^text\/calendar/);
      assert.match(
        String(ics.headers['content-disposition']),
        /attachment; filename="sagicheck-case-.*\.ics"/,
      );
      assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics.text, /BEGIN:VALARM/);
      assert.doesNotMatch(ics.text, /-rakuten-card\.stop-card@sagicheck/, 'a step done has no event');
      const html = await ex('html');
      assert.equal(html.status, 200);
      assert.match(String(html.headers['content-type']), /^text\/html/);
      assert.match(String(html.headers['content-security-policy']), /style-src 'unsafe-inline'/);
      assert.doesNotMatch(String(html.headers['content-security-policy']), /script-src/);
      assert.match(html.text, new RegExp(caseId));
      assert.match(html.text, /Amazon/);
      const pdf = await call(api.server.base, 'GET', `/api/v1/cases/${caseId}/export?format=pdf&lang=ja`, {
        headers: { authorization: `Bearer ${ALICE}` },
      });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.ok(pdf.text.startsWith('%PDF-'));
      const mail = await ex('eml');
      assert.equal(mail.status, 200, mail.text);
      assert.equal(mail.headers['content-type'], 'message/rfc822');
      assert.match(mail.text, /Content-Type: message\/rfc822/i, 'the original is attached');
      const arf = await ex('arf');
      assert.equal(arf.status, 200, arf.text);
      assert.match(arf.text, /multipart\/report;[\s\S]*report-type="?feedback-report/i);
      assert.match(arf.text, /Feedback-Type: fraud/i);
      assertProblem(await ex('docx'), 400);
      assertProblem(await ex('ics', BOB), 404);
      // A case without a stored mail cannot make the reports.
      const bare = await as(BOB, 'POST', '/api/v1/cases', { json: { answers: ANSWERS } });
      assert.equal(bare.status, 201);
      assertProblem(await as(BOB, 'GET', `/api/v1/cases/${bare.json.id}/export?format=eml`), 409);
      assert.equal((await as(BOB, 'DELETE', `/api/v1/cases/${bare.json.id}`)).status, 204);
    });

    it('signed download addresses work without a token, for that user and case only', async () => {
      const c = await as(ALICE, 'GET', `/api/v1/cases/${caseId}`);
      const link = c.json.downloads.pdf as string;
      const r = await as(null, 'GET', link);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.equal((await as(null, 'GET', link.replace(/sig=[^&]+/, 'sig=forged'))).status, 401);
      assert.equal((await as(null, 'GET', link.replace('format=pdf', 'format=ics'))).status, 401);
      assert.equal((await as(null, 'GET', link.replace('u=alice', 'u=bob'))).status, 401);
      assert.equal((await as(null, 'GET', link.replace(/exp=\d+/, 'exp=1'))).status, 401);
    });

    it('refuses cross-site changes from a browser and takes same-origin ones with the CSRF token', async () => {
      const token = await api.csrf(ALICE);
      const own = api.server.base;
      const post = (headers: Record<string, string>) =>
        as(ALICE, 'POST', `/api/v1/cases/${caseId}/notes`, { json: { body: 'csrf' }, headers });
      assertProblem(await post({ origin: 'http://evil.example', 'x-csrf-token': token }), 403);
      assertProblem(await post({ origin: own }), 403);
      assertProblem(
        await as(ALICE, 'DELETE', `/api/v1/cases/${caseId}`, { headers: { 'sec-fetch-site': 'cross-site' } }),
        403,
      );
      assert.equal(
        (await post({ origin: own, 'sec-fetch-site': 'same-origin', 'x-csrf-token': token })).status,
        201,
      );
    });

    it('DELETE /cases/{id} deletes the case with its steps, notes and evidence', async () => {
      assertProblem(await as(BOB, 'DELETE', `/api/v1/cases/${caseId}`), 404);
      const r = await as(ALICE, 'DELETE', `/api/v1/cases/${caseId}`);
      assert.equal(r.status, 204);
      assertProblem(await as(ALICE, 'GET', `/api/v1/cases/${caseId}`), 404);
      assertProblem(await as(ALICE, 'DELETE', `/api/v1/cases/${caseId}`), 404);
      for (const table of ['case_steps', 'case_notes', 'case_evidence']) {
        const rows = await api.db.query<{ n: number }>(
          `select count(*)::int as n from ${table} where case_id = $1`,
          [caseId],
        );
        assert.equal(rows[0]?.n, 0, table);
      }
    });
  });
}
