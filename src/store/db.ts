import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What the stores need from a database: the same SQL (PostgreSQL dialect, `$1` parameters) on PGlite and on a server. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Where the data lives, for the start-up message: a folder, `memory`, or the server URL without its password. */
  readonly location: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Migration {
  /** Unique and never renamed once released: `<part>-<nnn>-<what>`, e.g. `checks-001-create`. */
  id: string;
  sql: string;
}

export interface OpenOptions {
  /** A PostgreSQL connection string (`DATABASE_URL`); without it the embedded database is used. */
  url?: string;
  /** The embedded database's folder; without it the database lives in memory (tests). */
  dir?: string;
  /** A dump of an empty embedded database (`dumpEmpty`): starts in a fraction of the time initdb takes. */
  template?: Blob;
}

export async function openDb(options: OpenOptions = {}): Promise<Db> {
  return options.url ? openPostgres(options.url) : openEmbedded(options.dir, options.template);
}

async function openEmbedded(dir?: string, template?: Blob): Promise<Db> {
  const unlock = dir ? lockFolder(dir) : () => {};
  let lite: PGlite;
  try {
    lite = await PGlite.create({
      ...(dir ? { dataDir: dir } : {}),
      ...(template ? { loadDataDir: template } : {}),
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const run = async <T>(q: Pick<PGlite, 'query'>, sql: string, params?: unknown[]) =>
    (await q.query<T>(sql, params)).rows;
  return {
    kind: 'embedded',
    location: dir ?? 'memory',
    query: (sql, params) => run(lite, sql, params),
    transaction: (fn) => lite.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
    close: async () => {
      await lite.close();
      unlock();
    },
  };
}

export class DatabaseInUse extends Error {}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. A lock file with the
 * owner's pid turns that into a clear error; a lock left by a process that is gone is taken over.
 */
function lockFolder(dir: string): () => void {
  const path = `${dir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && alive(owner)) {
        throw new DatabaseInUse(
          `the embedded database ${dir} is in use by another sagicheck process (pid ${owner}); stop it, or set DATABASE_URL to a PostgreSQL server to share one database`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseInUse(`cannot lock ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A fresh embedded database's data folder as a tarball, to start further empty databases from. */
export async function dumpEmpty(): Promise<Blob> {
  const lite = await PGlite.create();
  try {
    return await lite.dumpDataDir('none');
  } finally {
    await lite.close();
  }
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail at start with the server's own message, not at the first request.
  await pool.query('select 1');
  const location = url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  return {
    kind: 'postgres',
    location,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: async (sql, params) => (await client.query(sql, params)).rows });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Applies, in order, the migrations not yet recorded. An advisory lock keeps two servers starting against the same
 * PostgreSQL from racing; each migration runs in its own transaction with its record, so a failure leaves no half state.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  await db.query(
    'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7301)');
      const seen = await tx.query('select 1 from schema_migrations where id = $1', [migration.id]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

/** Extended-protocol queries take one statement each; migrations are plain DDL, so `;` at a line end separates them. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * PostgreSQL text cannot hold U+0000 and jsonb refuses `\u0000`, but attackers' mail can carry it (a subject, an
 * excerpt): it is stored as U+FFFD, as a decoder shows an unreadable character, instead of failing the insert.
 */
export function storableText<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? text.replaceAll('\u0000', '\uFFFD') : text) as T;
}

/** The same for JSON text: `\u0000` escapes (after an even run of backslashes, so not a literal `\\u0000`). */
export function storableJson(json: string): string {
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : json;
}

/** A timestamp column as ISO 8601: node-postgres returns a Date, PGlite may return a string. */
export const iso = (d: unknown): string => (d instanceof Date ? d : new Date(String(d))).toISOString();
