import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDb } from '../../src/store/db.js';

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
    { name: 'embedded PGlite', open: () => openDb() },
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
