import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, dumpEmpty, openDb } from '../../src/store/db.js';

// The dump is only valid for the PGlite build that made it (the package does not export its package.json).
const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
  ) as { version: string }
).version;

export interface DbTarget {
  name: string;
  /** Why the target is skipped; under CI=true a missing PostgreSQL fails instead (see `requirePostgres`). */
  skip?: string;
  /** A fresh, empty database for one test: in memory, or a throw-away schema dropped on close. */
  open(): Promise<Db>;
}

const url = process.env.TEST_DATABASE_URL;

/** The embedded default always; real PostgreSQL when TEST_DATABASE_URL names a server (`.ci/run` starts one). */
export function dbTargets(): DbTarget[] {
  return [
    { name: 'embedded PGlite', open: async () => openDb({ template: await emptyTemplate() }) },
    {
      name: 'PostgreSQL (TEST_DATABASE_URL)',
      skip: url
        ? undefined
        : 'TEST_DATABASE_URL is not set: the PostgreSQL path is NOT tested on this machine',
      open: openThrowAwaySchema,
    },
  ];
}

/** Under CI the PostgreSQL run is part of the contract: its absence is a failure, not a skip. */
export function requirePostgres(): void {
  if (process.env.CI === 'true' && !url)
    throw new Error('CI=true but TEST_DATABASE_URL is not set: start PostgreSQL');
  if (!url) process.emitWarning('TEST_DATABASE_URL is not set: skipping the PostgreSQL store tests');
}

let template: Promise<Blob> | null = null;

/**
 * PGlite's initdb costs seconds (tens under load) and every test file runs in its own process, so the first one dumps
 * an empty database to the temp folder and every later open, in any process, starts from that dump.
 */
function emptyTemplate(): Promise<Blob> {
  template ??= (async () => {
    const path = join(tmpdir(), `sagicheck-pglite-${PGLITE_VERSION}.tar`);
    if (existsSync(path)) return new Blob([readFileSync(path)]);
    const dump = await dumpEmpty();
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  })();
  return template;
}

async function openThrowAwaySchema(): Promise<Db> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(url as string);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDb({ url: scoped.toString() });
  return {
    ...db,
    async close() {
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}
