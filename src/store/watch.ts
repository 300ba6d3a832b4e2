import { randomUUID } from 'node:crypto';
import type { Genuine } from '../engine/report.js';
import type { WatchState } from '../watch/mailbox/watcher.js';
import type { Migration, Queryable } from './db.js';

export const WATCH_MIGRATIONS: Migration[] = [
  {
    id: 'watch-001-create',
    sql: `create table watch_accounts (
  id text primary key,
  user_id text not null,
  host text not null,
  port integer not null,
  secure boolean not null,
  username text not null,
  auth_kind text not null check (auth_kind in ('pass', 'token')),
  secret text not null,
  mailbox text not null,
  keyword text,
  move_to text,
  created_at timestamptz not null default now()
);
create table watch_state (
  account_id text not null references watch_accounts (id) on delete cascade,
  mailbox text not null,
  uid_validity text not null,
  last_uid bigint not null,
  updated_at timestamptz not null default now(),
  primary key (account_id, mailbox)
);`,
  },
];

/** A mailbox to watch as stored: the password or token only in sealed form (see secrets.ts). */
export interface StoredAccount {
  id: string;
  user: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  authKind: 'pass' | 'token';
  sealedSecret: string;
  mailbox: string;
  keyword: string | null;
  moveTo: string | null;
}

export async function addAccount(db: Queryable, a: Omit<StoredAccount, 'id'>): Promise<string> {
  const id = randomUUID().slice(0, 8);
  await db.query(
    `insert into watch_accounts (id, user_id, host, port, secure, username, auth_kind, secret, mailbox, keyword, move_to)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      a.user,
      a.host,
      a.port,
      a.secure,
      a.username,
      a.authKind,
      a.sealedSecret,
      a.mailbox,
      a.keyword,
      a.moveTo,
    ],
  );
  return id;
}

interface AccountRow {
  id: string;
  user_id: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  auth_kind: 'pass' | 'token';
  secret: string;
  mailbox: string;
  keyword: string | null;
  move_to: string | null;
}

export async function listAccounts(db: Queryable, user: string): Promise<StoredAccount[]> {
  const rows = await db.query<AccountRow>(
    'select * from watch_accounts where user_id = $1 order by created_at',
    [user],
  );
  return rows.map((r) => ({
    id: r.id,
    user: r.user_id,
    host: r.host,
    port: r.port,
    secure: r.secure,
    username: r.username,
    authKind: r.auth_kind,
    sealedSecret: r.secret,
    mailbox: r.mailbox,
    keyword: r.keyword,
    moveTo: r.move_to,
  }));
}

export async function removeAccount(db: Queryable, user: string, id: string): Promise<boolean> {
  const rows = await db.query('delete from watch_accounts where user_id = $1 and id = $2 returning id', [
    user,
    id,
  ]);
  return rows.length > 0;
}

export async function loadWatchState(
  db: Queryable,
  account: string,
  mailbox: string,
): Promise<WatchState | null> {
  const rows = await db.query<{ uid_validity: string; last_uid: string | number }>(
    'select uid_validity, last_uid from watch_state where account_id = $1 and mailbox = $2',
    [account, mailbox],
  );
  const row = rows[0];
  return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : null;
}

export async function saveWatchState(
  db: Queryable,
  account: string,
  mailbox: string,
  state: WatchState,
): Promise<void> {
  await db.query(
    `insert into watch_state (account_id, mailbox, uid_validity, last_uid) values ($1, $2, $3, $4)
     on conflict (account_id, mailbox) do update set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = now()`,
    [account, mailbox, state.uidValidity, state.lastUid],
  );
}

export interface TakeoverQuestion {
  id: string;
  createdAt: string;
  subject: string | null;
  genuine: Genuine;
}

/**
 * Genuine account notices (orders, sign-ins, password or account changes) among the user's checks: the second seed's
 * situation, where only the owner can tell whether they did it.
 */
export async function takeoverQuestions(
  db: Queryable,
  user: string,
  limit = 50,
): Promise<TakeoverQuestion[]> {
  const rows = await db.query<{
    id: string;
    created_at: Date | string;
    subject: string | null;
    genuine: Genuine | string;
  }>(
    `select id, created_at, subject, report->'genuine' as genuine from checks
     where user_id = $1 and jsonb_typeof(report->'genuine'->'notice') = 'object'
     order by created_at desc limit $2`,
    [user, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    subject: r.subject,
    genuine: typeof r.genuine === 'string' ? (JSON.parse(r.genuine) as Genuine) : r.genuine,
  }));
}
