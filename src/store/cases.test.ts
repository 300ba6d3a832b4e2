import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, requirePostgres } from '../../test/support/databases.js';
import { buildPlan } from '../respond/plan.js';
import {
  addEvidence,
  addNote,
  CASES_MIGRATIONS,
  createCase,
  deleteCase,
  evidenceContent,
  getCase,
  listCases,
  NotFound,
  setStepStatus,
  sha256Hex,
} from './cases.js';
import { type Db, migrate } from './db.js';

requirePostgres();

const plan = buildPlan({
  brand: 'amazon',
  channel: 'mail',
  happened: ['card-entered', 'password-entered'],
  when: '2026-05-08T10:00+09:00',
  cards: ['rakuten-card'],
});

for (const target of dbTargets()) {
  describe(`cases on ${target.name}`, { skip: target.skip }, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await migrate(db, CASES_MIGRATIONS);
    });
    after(async () => {
      await db?.close();
    });

    it('saves a plan with every step to do and its deadlines, and reads it back whole', async () => {
      const id = await createCase(db, { user: 'u1', plan, title: 'Amazon のカード', checkId: 'chk1' });
      assert.match(id, /^[a-z2-9]{10}$/);
      const c = await getCase(db, 'u1', id);
      assert.ok(c);
      assert.equal(c.title, 'Amazon のカード');
      assert.equal(c.checkId, 'chk1');
      assert.deepEqual(c.plan, JSON.parse(JSON.stringify(plan)));
      assert.equal(c.steps, plan.steps.length);
      assert.equal(c.done, 0);
      assert.equal(c.happenedAt, '2026-05-08T01:00:00.000Z');
      assert.deepEqual(
        c.stepStatus.map((s) => s.stepId),
        plan.steps.map((s) => s.id),
      );
      const pw = c.stepStatus.find((s) => s.stepId === 'amazon.new-password');
      assert.equal(pw?.dueAt, '2026-05-08T06:00:00.000Z');
      assert.deepEqual(c.nextDue, { stepId: plan.steps[0]?.id, at: '2026-05-08T10:00+09:00' }, 'due at once');
    });

    it('ticks steps off by id or number, with the time; undoing clears it', async () => {
      const id = await createCase(db, { user: 'u1', plan });
      const at = new Date('2026-05-08T01:10:00Z');
      const s = await setStepStatus(db, 'u1', id, 'rakuten-card.stop-card', 'done', at);
      assert.equal(s.doneAt, at.toISOString());
      const second = await setStepStatus(db, 'u1', id, '2', 'done');
      assert.equal(second.position, 2);
      assert.ok(second.doneAt);
      let c = await getCase(db, 'u1', id);
      assert.equal(c?.done, 2);
      assert.notEqual(c?.nextDue?.stepId, 'rakuten-card.stop-card', 'done steps are no longer due');
      await setStepStatus(db, 'u1', id, 'rakuten-card.stop-card', 'todo');
      c = await getCase(db, 'u1', id);
      assert.equal(c?.done, 1);
      assert.equal(c?.stepStatus.find((x) => x.stepId === 'rakuten-card.stop-card')?.doneAt, null);
      await assert.rejects(setStepStatus(db, 'u1', id, 'no.such-step', 'done'), NotFound);
      await assert.rejects(setStepStatus(db, 'u1', id, '999', 'done'), NotFound);
    });

    it('keeps notes in order and evidence with its SHA-256, as bytes or as a path', async () => {
      const id = await createCase(db, { user: 'u1', plan });
      await addNote(db, 'u1', id, '楽天カードに電話、受付番号 12345');
      await addNote(db, 'u1', id, 'Amazon chat: 「購入していない商品が勝手に購入されている」');
      const mail = new TextEncoder().encode('From: x@example.com\r\nSubject: test\r\n\r\nbody\r\n');
      const binary = new Uint8Array([0, 255, 1, 254, 0, 0, 13, 10]);
      const e1 = await addEvidence(db, 'u1', id, {
        filename: 'phish.eml',
        mediaType: 'message/rfc822',
        content: mail,
      });
      const e2 = await addEvidence(db, 'u1', id, { filename: 'raw.bin', content: binary });
      const e3 = await addEvidence(db, 'u1', id, {
        filename: 'statement.pdf',
        path: '/home/me/statement.pdf',
        bytes: mail,
      });
      assert.equal(e1.sha256, sha256Hex(mail));
      assert.equal(e1.size, mail.byteLength);
      const c = await getCase(db, 'u1', id);
      assert.deepEqual(
        c?.notes.map((n) => n.body),
        ['楽天カードに電話、受付番号 12345', 'Amazon chat: 「購入していない商品が勝手に購入されている」'],
      );
      assert.deepEqual(
        c?.evidence.map((e) => [e.filename, e.stored, e.path, e.sha256]),
        [
          ['phish.eml', true, null, sha256Hex(mail)],
          ['raw.bin', true, null, sha256Hex(binary)],
          ['statement.pdf', false, '/home/me/statement.pdf', sha256Hex(mail)],
        ],
      );
      assert.deepEqual(await evidenceContent(db, 'u1', id, e1.id), mail);
      assert.deepEqual(await evidenceContent(db, 'u1', id, e2.id), binary, 'bytes round-trip exactly');
      assert.equal(await evidenceContent(db, 'u1', id, e3.id), null);
      await assert.rejects(addEvidence(db, 'u1', id, { filename: 'x' }), /bytes/);
    });

    it('one user never sees or changes another user’s case', async () => {
      const id = await createCase(db, { user: 'u1', plan });
      assert.equal(await getCase(db, 'u2', id), null);
      assert.ok(!(await listCases(db, 'u2')).some((c) => c.id === id));
      await assert.rejects(addNote(db, 'u2', id, 'x'), NotFound);
      await assert.rejects(setStepStatus(db, 'u2', id, '1', 'done'), NotFound);
      await assert.rejects(
        addEvidence(db, 'u2', id, { filename: 'x', content: new Uint8Array([1]) }),
        NotFound,
      );
      assert.equal(await deleteCase(db, 'u2', id), false);
      assert.ok(await getCase(db, 'u1', id));
    });

    it('lists newest first with progress and the next deadline', async () => {
      const first = await createCase(db, { user: 'lister', plan });
      const second = await createCase(db, { user: 'lister', plan, title: 'second' });
      const list = await listCases(db, 'lister');
      assert.deepEqual(
        list.map((c) => c.id),
        [second, first],
      );
      assert.equal(list[0]?.title, 'second');
      assert.equal(list[1]?.title, 'amazon: password-entered, card-entered');
      assert.equal(list[0]?.steps, plan.steps.length);
    });

    it('deleting a case deletes its steps, notes and evidence', async () => {
      const id = await createCase(db, { user: 'u1', plan });
      await addNote(db, 'u1', id, 'note');
      await addEvidence(db, 'u1', id, { filename: 'a.eml', content: new Uint8Array([1, 2, 3]) });
      assert.equal(await deleteCase(db, 'u1', id), true);
      assert.equal(await getCase(db, 'u1', id), null);
      for (const table of ['case_steps', 'case_notes', 'case_evidence']) {
        const rows = await db.query(`select 1 from ${table} where case_id = $1`, [id]);
        assert.equal(rows.length, 0, table);
      }
      assert.equal(await deleteCase(db, 'u1', id), false);
    });
  });
}
