/**
 * Every part's migrations, in the order they run, and the one call that opens the store ready for use.
 * Other parts append their arrays here; a released migration is never renamed, edited or reordered.
 */
import { CASES_MIGRATIONS } from './cases.js';
import { CHARGES_MIGRATIONS } from './charges.js';
import { CHECKS_MIGRATIONS } from './checks.js';
import { type Db, type Migration, migrate, type OpenOptions, openDb } from './db.js';
import { WATCH_MIGRATIONS } from './watch.js';

export const MIGRATIONS: readonly Migration[] = [
  ...CHECKS_MIGRATIONS,
  ...CHARGES_MIGRATIONS,
  ...WATCH_MIGRATIONS,
  ...CASES_MIGRATIONS,
];

/** openDb + migrate: the database (embedded in `dir`, or PostgreSQL at `url`) with every migration applied. */
export async function openStore(options: OpenOptions = {}): Promise<Db> {
  const db = await openDb(options);
  try {
    await migrate(db, MIGRATIONS);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
