import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, requirePostgres } from '../../test/support/databases.js';
import { type Db, migrate } from './db.js';
import {
  addAccount,
  listAccounts,
  loadWatchState,
  removeAccount,
  saveWatchState,
  WATCH_MIGRATIONS,
} from './watch.js';

requirePostgres();

const ACCOUNT = {
  user: 'local',
  host: 'imap.example.jp',
  port: 993,
  secure: true,
  username: 'taro@example.jp',
  authKind: 'pass' as const,
  sealedSecret: 'v1.x.y.z',
  mailbox: 'INBOX',
  keyword: '$Phishing',
  moveTo: null,
};

for (const target of dbTargets()) {
  describe(`watch store on ${target.name}`, { skip: target.skip }, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await migrate(db, WATCH_MIGRATIONS);
    });
    after(async () => {
      await db?.close();
    });

    it('keeps accounts per user and their resume point per mailbox; removing an account drops its state', async () => {
      const id = await addAccount(db, ACCOUNT);
      assert.deepEqual(
        (await listAccounts(db, 'local')).map((a) => [a.id, a.username, a.secure, a.moveTo]),
        [[id, 'taro@example.jp', true, null]],
      );
      assert.deepEqual(await listAccounts(db, 'someone-else'), []);
      assert.equal(await loadWatchState(db, id, 'INBOX'), null);
      await saveWatchState(db, id, 'INBOX', { uidValidity: '1795477079', lastUid: 41 });
      await saveWatchState(db, id, 'INBOX', { uidValidity: '1795477079', lastUid: 42 });
      assert.deepEqual(await loadWatchState(db, id, 'INBOX'), { uidValidity: '1795477079', lastUid: 42 });
      assert.equal(await removeAccount(db, 'someone-else', id), false);
      assert.equal(await removeAccount(db, 'local', id), true);
      assert.equal(await loadWatchState(db, id, 'INBOX'), null);
    });
  });
}
