/**
 * The card-charges store: every imported charge per card with its flags, the cards' remembered import settings
 * (format, generic column mapping), the merchants a user marked as known, and the notification settings. Every
 * query takes the user ('local' for the CLI) so the web app can share the tables.
 */
import { flagCharges } from '../watch/charges/flags.js';
import { chargeFingerprints, merchantKey } from '../watch/charges/text.js';
import type {
  Charge,
  ColumnMapping,
  FlaggedCharge,
  OpenCase,
  PastCharge,
  StatementFormat,
} from '../watch/charges/types.js';
import { getCase, listCases } from './cases.js';
import type { Migration, Queryable } from './db.js';

export const CHARGES_MIGRATIONS: Migration[] = [
  {
    id: 'charges-001-create',
    sql: `create table charge_cards (
  user_id text not null,
  card text not null,
  format text,
  mapping jsonb,
  created_at timestamptz not null default now(),
  primary key (user_id, card)
);
create table charges (
  id bigserial primary key,
  user_id text not null,
  card text not null,
  fingerprint text not null,
  origin text not null,
  used_on text not null check (used_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  used_at text,
  merchant text,
  merchant_key text not null,
  amount bigint not null,
  currency text,
  original_amount double precision,
  source jsonb not null,
  score integer not null,
  flagged boolean not null,
  reasons jsonb not null,
  imported_at timestamptz not null default now(),
  unique (user_id, card, fingerprint)
);
create index charges_user_card_day on charges (user_id, card, used_on);
create index charges_user_flagged on charges (user_id, flagged, used_on);
create table charge_known_merchants (
  user_id text not null,
  card text not null,
  merchant_key text not null,
  merchant text not null,
  created_at timestamptz not null default now(),
  primary key (user_id, card, merchant_key)
);
create table charge_settings (
  user_id text primary key,
  settings jsonb not null,
  updated_at timestamptz not null default now()
);`,
  },
];

export const LOCAL_USER = 'local';

export interface CardSettings {
  card: string;
  format: StatementFormat | null;
  mapping: ColumnMapping | null;
}

export async function getCard(db: Queryable, user: string, card: string): Promise<CardSettings | null> {
  const rows = await db.query<{ card: string; format: string | null; mapping: ColumnMapping | null }>(
    'select card, format, mapping from charge_cards where user_id = $1 and card = $2',
    [user, card],
  );
  const r = rows[0];
  return r ? { card: r.card, format: r.format as StatementFormat | null, mapping: r.mapping } : null;
}

/** Remembers the card and how its statements are read; a later call without a mapping keeps the stored one. */
export async function saveCard(
  db: Queryable,
  user: string,
  card: string,
  format: StatementFormat | null,
  mapping: ColumnMapping | null,
): Promise<void> {
  await db.query(
    `insert into charge_cards (user_id, card, format, mapping) values ($1, $2, $3, $4)
     on conflict (user_id, card) do update set format = coalesce(excluded.format, charge_cards.format),
       mapping = coalesce(excluded.mapping, charge_cards.mapping)`,
    [user, card, format, mapping === null ? null : JSON.stringify(mapping)],
  );
}

export async function listCards(db: Queryable, user: string): Promise<string[]> {
  const rows = await db.query<{ card: string }>(
    `select card from charge_cards where user_id = $1
     union select distinct card from charges where user_id = $1 order by 1`,
    [user],
  );
  return rows.map((r) => r.card);
}

export interface StoredHistory extends PastCharge {
  fingerprint: string;
  origin: string;
}

/** The card's stored charges (optionally from `since`, YYYY-MM-DD), oldest first: the history flags learn from. */
export async function cardHistory(
  db: Queryable,
  user: string,
  card: string,
  since?: string,
): Promise<StoredHistory[]> {
  const rows = await db.query<{
    used_on: string;
    merchant: string | null;
    amount: string | number;
    fingerprint: string;
    origin: string;
  }>(
    `select used_on, merchant, amount, fingerprint, origin from charges
     where user_id = $1 and card = $2 and used_on >= $3 order by used_on, id`,
    [user, card, since ?? '0000-00-00'],
  );
  return rows.map((r) => ({
    date: r.used_on,
    merchant: r.merchant,
    amount: Number(r.amount),
    fingerprint: r.fingerprint,
    origin: r.origin,
  }));
}

/** Every merchant key ever stored on the card (any origin), for "never seen before". */
export async function seenMerchantKeys(db: Queryable, user: string, card: string): Promise<string[]> {
  const rows = await db.query<{ merchant_key: string }>(
    `select distinct merchant_key from charges where user_id = $1 and card = $2 and merchant_key <> ''`,
    [user, card],
  );
  return rows.map((r) => r.merchant_key);
}

export interface NewCharge {
  charge: FlaggedCharge;
  fingerprint: string;
  origin: string;
  merchantKey: string;
}

/** Stores the charges not stored yet; returns the fingerprints actually inserted (the rest were already there). */
export async function insertCharges(db: Queryable, user: string, rows: NewCharge[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const { charge: c, fingerprint, origin, merchantKey } of rows) {
    const done = await db.query<{ fingerprint: string }>(
      `insert into charges (user_id, card, fingerprint, origin, used_on, used_at, merchant, merchant_key, amount,
         currency, original_amount, source, score, flagged, reasons)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       on conflict (user_id, card, fingerprint) do nothing returning fingerprint`,
      [
        user,
        c.card,
        fingerprint,
        origin,
        c.date,
        c.time,
        c.merchant,
        merchantKey,
        c.amount,
        c.currency,
        c.originalAmount,
        JSON.stringify(c.source),
        c.score,
        c.flagged,
        JSON.stringify(c.reasons),
      ],
    );
    if (done[0]) inserted.add(done[0].fingerprint);
  }
  return inserted;
}

export interface ListOptions {
  card?: string;
  flaggedOnly?: boolean;
  /** First day (YYYY-MM-DD), inclusive. */
  since?: string;
  /** Last day (YYYY-MM-DD), inclusive. */
  until?: string;
  limit?: number;
  /** Newest first (the default: the latest charges matter most), or oldest first (a chart's time axis). */
  order?: 'newest' | 'oldest';
}

/** A stored charge with its row id and whether the user marked its merchant as theirs on the card. */
export interface StoredCharge extends FlaggedCharge {
  id: string;
  known: boolean;
}

/** The user's stored charges with their ids and known marks (the web app's chart and list read these). */
export async function storedCharges(
  db: Queryable,
  user: string,
  options: ListOptions = {},
): Promise<StoredCharge[]> {
  const order = options.order === 'oldest' ? 'asc' : 'desc';
  const rows = await db.query<{
    id: string | number;
    card: string;
    used_on: string;
    used_at: string | null;
    merchant: string | null;
    amount: string | number;
    currency: string | null;
    original_amount: number | null;
    source: FlaggedCharge['source'];
    score: number;
    flagged: boolean;
    reasons: FlaggedCharge['reasons'] | string;
    known: boolean;
  }>(
    `select c.id, c.card, c.used_on, c.used_at, c.merchant, c.amount, c.currency, c.original_amount, c.source,
            c.score, c.flagged, c.reasons,
            exists (select 1 from charge_known_merchants k where k.user_id = c.user_id and k.card = c.card
                    and k.merchant_key = c.merchant_key and c.merchant_key <> '') as known
       from charges c
      where c.user_id = $1 and ($2::text is null or c.card = $2) and (not $3 or c.flagged)
        and c.used_on >= $4 and c.used_on <= $5
      order by c.used_on ${order}, c.id ${order} limit $6`,
    [
      user,
      options.card ?? null,
      options.flaggedOnly === true,
      options.since ?? '0000-00-00',
      options.until ?? '9999-12-31',
      options.limit ?? 1000,
    ],
  );
  return rows.map((r) => ({
    id: String(r.id),
    card: r.card,
    date: r.used_on,
    time: r.used_at,
    merchant: r.merchant,
    amount: Number(r.amount),
    currency: r.currency,
    originalAmount: r.original_amount === null ? null : Number(r.original_amount),
    user: null,
    source: r.source,
    score: Number(r.score),
    flagged: r.flagged,
    reasons: typeof r.reasons === 'string' ? (JSON.parse(r.reasons) as FlaggedCharge['reasons']) : r.reasons,
    known: r.known,
  }));
}

/** The user's stored charges as flagging made them, newest first unless told otherwise. */
export async function listCharges(
  db: Queryable,
  user: string,
  options: ListOptions = {},
): Promise<FlaggedCharge[]> {
  return (await storedCharges(db, user, options)).map(({ id: _id, known: _known, ...charge }) => charge);
}

/** The user says the merchant is theirs on this card: no more new-merchant, digital or foreign flags for it. */
export async function markKnown(
  db: Queryable,
  user: string,
  card: string,
  merchant: string,
  merchantKey: string,
): Promise<boolean> {
  const rows = await db.query(
    `insert into charge_known_merchants (user_id, card, merchant_key, merchant) values ($1, $2, $3, $4)
     on conflict do nothing returning merchant_key`,
    [user, card, merchantKey, merchant],
  );
  return rows.length > 0;
}

export async function knownMerchants(db: Queryable, user: string, card: string): Promise<string[]> {
  const rows = await db.query<{ merchant: string }>(
    'select merchant from charge_known_merchants where user_id = $1 and card = $2 order by merchant',
    [user, card],
  );
  return rows.map((r) => r.merchant);
}

/** Where to tell the user about a flagged charge; the SMTP password is never stored (SAGICHECK_SMTP_PASSWORD). */
export interface NotifySettings {
  webhook?: string;
  smtp?: { host: string; port: number; secure: boolean; user?: string; from: string; to: string };
}

export async function getNotifySettings(db: Queryable, user: string): Promise<NotifySettings> {
  const rows = await db.query<{ settings: NotifySettings }>(
    'select settings from charge_settings where user_id = $1',
    [user],
  );
  return rows[0]?.settings ?? {};
}

export async function saveNotifySettings(
  db: Queryable,
  user: string,
  settings: NotifySettings,
): Promise<void> {
  await db.query(
    `insert into charge_settings (user_id, settings) values ($1, $2)
     on conflict (user_id) do update set settings = excluded.settings, updated_at = now()`,
    [user, JSON.stringify(settings)],
  );
}

/** The short card names `charges import` uses by default, for the issuer ids a recovery case names. */
export const CARD_ALIASES: Readonly<Record<string, string[]>> = {
  'rakuten-card': ['rakuten'],
  'smbc-card': ['smbc'],
  jcb: ['jcb'],
};

/**
 * Open recovery cases (src/store/cases.ts) that name cards: a case is open while a step is still to do; its leak date
 * is the day it happened (Japan time). The cards are the case's answers (issuer ids or free names) and the case's
 * brand when that is a card issuer, each with its short alias. No case table (the case part never ran): none.
 */
export async function openCasesForCharges(db: Queryable, user: string): Promise<OpenCase[]> {
  const exists = await db.query<{ t: string | null }>("select to_regclass('cases')::text as t");
  if (!exists[0]?.t) return [];
  const out: OpenCase[] = [];
  for (const summary of await listCases(db, user)) {
    const c = await getCase(db, user, summary.id);
    if (!c) continue;
    const open = c.stepStatus.length === 0 || c.stepStatus.some((s) => s.status === 'todo');
    const named = [...(c.plan.answers.cards ?? []), ...(CARD_ALIASES[c.brand] ? [c.brand] : [])];
    if (!open || named.length === 0) continue;
    const cards = [...new Set(named.flatMap((n) => [n, ...(CARD_ALIASES[n] ?? [])]))];
    out.push({ id: c.id, title: c.title, cards, leakDate: japanDate(c.happenedAt) });
  }
  return out;
}

function japanDate(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);
}

export interface Recorded {
  /** How many charges were stored now (the rest were stored by an earlier import). */
  added: number;
  charges: (FlaggedCharge & { stored: 'new' | 'already' })[];
}

/**
 * One import (a statement's rows, or one notice mail's charges; `origin` is `csv` or `mail:<issuer>:<Message-ID>`):
 * flagged against the card's stored history minus this very import (a re-import flags exactly as the first time),
 * the user's known merchants and the open cases, then stored. This is what the CLI and the mailbox watcher call.
 */
export async function recordCharges(
  db: Queryable,
  user: string,
  card: string,
  origin: string,
  charges: Charge[],
): Promise<Recorded> {
  const prints = chargeFingerprints(charges, origin);
  const own = new Set(prints);
  const earliest = charges.map((c) => c.date).sort()[0];
  const since = earliest ? shiftDays(earliest, -31) : '0000-00-00';
  const history = (await cardHistory(db, user, card)).filter((h) => !own.has(h.fingerprint));
  const seen = [...new Set(history.map((h) => (h.merchant ? merchantKey(h.merchant) : '')).filter(Boolean))];
  // Another source of the same charges (the notice mails of a statement's rows) would count twice as a repeat.
  const sameKind = history.filter(
    (h) => h.date >= since && (origin === 'csv' ? h.origin === 'csv' : h.origin !== 'csv'),
  );
  const flagged = flagCharges(charges, {
    card,
    history: sameKind,
    seenMerchants: seen,
    known: await knownMerchants(db, user, card),
    cases: await openCasesForCharges(db, user),
  });
  const inserted = await insertCharges(
    db,
    user,
    flagged.map((c, i) => ({
      charge: c,
      fingerprint: prints[i] as string,
      origin,
      merchantKey: c.merchant ? merchantKey(c.merchant) : '',
    })),
  );
  return {
    added: inserted.size,
    charges: flagged.map((c, i) => ({ ...c, stored: inserted.has(prints[i] as string) ? 'new' : 'already' })),
  };
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}
