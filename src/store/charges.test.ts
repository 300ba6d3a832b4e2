import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, requirePostgres } from '../../test/support/databases.js';
import { buildPlan } from '../respond/plan.js';
import { flagCharges } from '../watch/charges/flags.js';
import { chargeFingerprints, merchantKey } from '../watch/charges/text.js';
import type { Charge } from '../watch/charges/types.js';
import { CASES_MIGRATIONS, createCase, setStepStatus } from './cases.js';
import {
  CHARGES_MIGRATIONS,
  cardHistory,
  getCard,
  getNotifySettings,
  insertCharges,
  knownMerchants,
  listCards,
  listCharges,
  markKnown,
  openCasesForCharges,
  saveCard,
  saveNotifySettings,
  seenMerchantKeys,
} from './charges.js';
import { type Db, migrate } from './db.js';

requirePostgres();

const ch = (date: string, merchant: string, amount: number): Charge => ({
  date,
  time: null,
  merchant,
  amount,
  currency: null,
  originalAmount: null,
  user: null,
  source: { format: 'rakuten', line: 2 },
});

for (const target of dbTargets()) {
  describe(`charges store on ${target.name}`, { skip: target.skip }, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      assert.deepEqual(await migrate(db, CHARGES_MIGRATIONS), ['charges-001-create']);
    });
    after(async () => {
      await db?.close();
    });

    it('stores an import once, keeps identical charges apart, and reads the history back', async () => {
      const charges = [ch('2020-05-08', 'NETFLIX.COM', 1980), ch('2020-05-08', 'NETFLIX.COM', 1980)];
      const flagged = flagCharges(charges, { card: 'rakuten', history: [], known: [], cases: [] });
      const prints = chargeFingerprints(charges, 'csv');
      const rows = flagged.map((c, i) => ({
        charge: c,
        fingerprint: prints[i] as string,
        origin: 'csv',
        merchantKey: merchantKey(c.merchant ?? ''),
      }));
      assert.equal((await insertCharges(db, 'u1', rows)).size, 2);
      assert.equal((await insertCharges(db, 'u1', rows)).size, 0, 'a re-import stores nothing twice');
      const history = await cardHistory(db, 'u1', 'rakuten');
      assert.deepEqual(
        history.map((h) => [h.date, h.merchant, h.amount, h.origin]),
        [
          ['2020-05-08', 'NETFLIX.COM', 1980, 'csv'],
          ['2020-05-08', 'NETFLIX.COM', 1980, 'csv'],
        ],
      );
      assert.deepEqual(await seenMerchantKeys(db, 'u1', 'rakuten'), ['netflix.com']);
      const listed = await listCharges(db, 'u1', { flaggedOnly: true });
      assert.equal(listed.length, 2);
      assert.equal(listed[0]?.reasons[0]?.id, 'charges/repeated-amount');
      assert.deepEqual(await listCharges(db, 'u2'), [], "one user never reads another's charges");
      assert.deepEqual(await listCards(db, 'u1'), ['rakuten']);
    });

    it('remembers a card format and mapping, and known merchants', async () => {
      await saveCard(db, 'u1', 'bank', 'generic', { date: 0, merchant: 1, amount: 2 });
      await saveCard(db, 'u1', 'bank', null, null);
      assert.deepEqual(await getCard(db, 'u1', 'bank'), {
        card: 'bank',
        format: 'generic',
        mapping: { date: 0, merchant: 1, amount: 2 },
      });
      assert.equal(await getCard(db, 'u1', 'nope'), null);
      assert.equal(await markKnown(db, 'u1', 'rakuten', 'NETFLIX.COM', 'netflix.com'), true);
      assert.equal(await markKnown(db, 'u1', 'rakuten', 'ＮＥＴＦＬＩＸ．ＣＯＭ', 'netflix.com'), false);
      assert.deepEqual(await knownMerchants(db, 'u1', 'rakuten'), ['NETFLIX.COM']);
    });

    it('reads open recovery cases that name cards, with their leak date in Japan time', async () => {
      assert.deepEqual(await openCasesForCharges(db, 'u1'), [], 'no case table yet: no case');
      await migrate(db, CASES_MIGRATIONS);
      const plan = buildPlan({
        brand: 'amazon',
        channel: 'mail',
        happened: ['card-entered'],
        when: '2020-05-08T00:30+09:00',
        cards: ['rakuten-card'],
      });
      const id = await createCase(db, { user: 'u1', plan, title: 'Amazon phishing' });
      const cases = await openCasesForCharges(db, 'u1');
      assert.deepEqual(cases, [
        { id, title: 'Amazon phishing', cards: ['rakuten-card', 'rakuten'], leakDate: '2020-05-08' },
      ]);
      assert.deepEqual(await openCasesForCharges(db, 'u2'), []);
      const flagged = flagCharges([ch('2020-05-07', '架空書店', 1200), ch('2020-05-09', '架空書店', 1300)], {
        card: 'rakuten',
        history: [],
        known: [],
        cases,
      });
      assert.deepEqual(
        flagged.map((c) => c.reasons.map((r) => r.id)),
        [[], ['charges/open-case']],
      );
      // Every step done or skipped: the case is closed and no longer flags.
      for (const step of plan.steps) await setStepStatus(db, 'u1', id, step.id, 'done');
      assert.deepEqual(await openCasesForCharges(db, 'u1'), []);
    });

    it('keeps notification settings per user', async () => {
      assert.deepEqual(await getNotifySettings(db, 'u1'), {});
      await saveNotifySettings(db, 'u1', { webhook: 'http://127.0.0.1:9/hook' });
      assert.deepEqual(await getNotifySettings(db, 'u1'), { webhook: 'http://127.0.0.1:9/hook' });
    });
  });
}
