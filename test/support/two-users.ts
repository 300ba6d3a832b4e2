/**
 * The API tests' server with two users: the real server beyond loopback (0.0.0.0, so tokens are required) on one
 * target database, alice and bob each with a bearer token, and `as(user, …)` to call it as one of them.
 * Call `twoUsers(target)` inside a describe: it opens the database and starts the server before the tests and
 * closes both after them.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { RunningServer } from '../../src/server/app.js';
import { parseTokens } from '../../src/server/auth.js';
import type { Db } from '../../src/store/db.js';
import { call, type Reply, start } from '../api/server.js';
import type { DbTarget } from './databases.js';

export const ALICE = 'alice-token-0123456789abcdef';
export const BOB = 'bob-token-0123456789abcdefgh';

export type CallOptions = Parameters<typeof call>[3];

/** The answer is an RFC 9457 problem with this status. */
export function assertProblem(r: Reply, status: number): void {
  assert.equal(r.status, status, r.text);
  assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
  assert.equal(r.json.status, status);
}

export interface TwoUsers {
  readonly db: Db;
  readonly server: RunningServer & { base: string };
  /** A request with `token`'s bearer header (none for null), other headers as given. */
  as(token: string | null, method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** The CSRF token the server gives `token`'s session. */
  csrf(token: string): Promise<string>;
}

export function twoUsers(target: DbTarget): TwoUsers {
  let db: Db | undefined;
  let server: (RunningServer & { base: string }) | undefined;
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the server is not started: call twoUsers() inside a describe');
    return v;
  };
  const as = (token: string | null, method: string, path: string, options: CallOptions = {}) =>
    call(started(server).base, method, path, {
      ...options,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.headers ?? {}) },
    });

  before(async () => {
    db = await target.open();
    server = await start(db, { host: '0.0.0.0', tokens: parseTokens(`alice:${ALICE}\nbob:${BOB}\n`) });
  });
  after(async () => {
    await server?.close();
    await db?.close();
  });

  return {
    get db() {
      return started(db);
    },
    get server() {
      return started(server);
    },
    as,
    csrf: async (token) => (await as(token, 'GET', '/api/v1/session')).json.csrfToken as string,
  };
}
