import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dbTargets, requirePostgres } from '../../test/support/databases.js';
import { DatabaseInUse, migrate, openDb, storableJson, storableText } from './db.js';

requirePostgres();

const MIGRATIONS = [
  {
    id: 'test-001-create',
    sql: 'create table notes (id serial primary key, body text not null);\ncreate index notes_body on notes (body);',
  },
  { id: 'test-002-column', sql: 'alter table notes add column done boolean not null default false;' },
];

for (const target of dbTargets()) {
  describe(`database on ${target.name}`, { skip: target.skip }, () => {
    it('applies each migration once, in order, and records it', async () => {
      const db = await target.open();
      try {
        assert.deepEqual(await migrate(db, MIGRATIONS), ['test-001-create', 'test-002-column']);
        assert.deepEqual(await migrate(db, MIGRATIONS), []);
        await db.query('insert into notes (body) values ($1)', ['カード再発行']);
        const rows = await db.query<{ body: string; done: boolean }>('select body, done from notes');
        assert.deepEqual(rows, [{ body: 'カード再発行', done: false }]);
      } finally {
        await db.close();
      }
    });

    it('rolls a failing migration back whole, leaving it unrecorded', async () => {
      const db = await target.open();
      try {
        const broken = [{ id: 'test-001-broken', sql: 'create table a (x int);\ncreate table a (x int);' }];
        await assert.rejects(migrate(db, broken));
        const tables = await db.query("select 1 from information_schema.tables where table_name = 'a'");
        assert.equal(tables.length, 0);
        assert.deepEqual(await db.query('select id from schema_migrations'), []);
      } finally {
        await db.close();
      }
    });

    it('rolls back a transaction whose callback throws', async () => {
      const db = await target.open();
      try {
        await migrate(db, MIGRATIONS);
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.query('insert into notes (body) values ($1)', ['x']);
            throw new Error('stop');
          }),
        );
        assert.deepEqual(await db.query('select * from notes'), []);
      } finally {
        await db.close();
      }
    });
  });
}

describe('embedded database folder', () => {
  it('belongs to one process at a time: a second open gets a clear error, a stale lock is taken over', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sagicheck-db-')), 'db');
    const first = await openDb({ dir });
    try {
      await assert.rejects(
        openDb({ dir }),
        (err: Error) => err instanceof DatabaseInUse && /DATABASE_URL/.test(err.message),
      );
    } finally {
      await first.close();
    }
    writeFileSync(`${dir}.lock`, '999999999');
    const again = await openDb({ dir });
    await again.close();
  });
});

describe('storable text', () => {
  it('turns U+0000 into U+FFFD in text and in JSON escapes, leaving a literal backslash-u0000 alone', () => {
    assert.equal(storableText('a\u0000b'), 'a\uFFFDb');
    assert.equal(storableText(null), null);
    const json = JSON.stringify({ subject: 'x\u0000y', literal: '\\u0000' });
    assert.deepEqual(JSON.parse(storableJson(json)), { subject: 'x\uFFFDy', literal: '\\u0000' });
  });
});
