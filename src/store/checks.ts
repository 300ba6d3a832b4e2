/**
 * The web app's store: checks (one per report, with the message it was made from, compressed, and its preview once
 * rendered), the user's feedback on a verdict, and the senders a user marked as trusted or blocked. Every query takes
 * the user: one user never reads another's rows.
 */
import { gunzipSync } from 'node:zlib';
import type { InputKind, Report, Verdict } from '../engine/report.js';
import { iso, type Migration, type Queryable, storableJson, storableText } from './db.js';

export const CHECKS_MIGRATIONS: Migration[] = [
  {
    id: 'checks-001-create',
    sql: `create table checks (
  id text primary key,
  seq bigserial not null unique,
  user_id text not null,
  created_at timestamptz not null default now(),
  kind text not null,
  verdict text not null,
  score integer not null,
  brand text,
  subject text,
  sender_address text,
  sender_domain text,
  report jsonb not null,
  preview text not null
);
create index checks_user_seq on checks (user_id, seq desc);
create index checks_created on checks (created_at);
create table check_feedback (
  check_id text primary key references checks (id) on delete cascade,
  user_id text not null,
  wrong boolean not null,
  expected text,
  comment text,
  created_at timestamptz not null default now()
);
create table sender_marks (
  id bigserial primary key,
  user_id text not null,
  kind text not null check (kind in ('domain', 'address')),
  value text not null,
  list text not null check (list in ('trusted', 'blocked')),
  created_at timestamptz not null default now(),
  unique (user_id, kind, value)
);`,
  },
  {
    // The preview is rendered when first viewed, from the stored message: an API client that never looks at it does
    // not pay for it. The message is gzip-compressed by the analysis thread, so the database need not try again.
    id: 'checks-002-lazy-preview',
    sql: `alter table checks add column message bytea;
alter table checks alter column message set storage external;
alter table checks alter column preview drop not null;`,
  },
  {
    // The whole report, gzip-compressed by the analysis thread, beside a small jsonb of what queries read (findings'
    // rule, family, category and weight; genuine): taking a 25 KB report in as jsonb cost PGlite ~1 ms of the main
    // thread per check and stored 4x the bytes. Rows written before keep their whole report in the jsonb column.
    id: 'checks-003-report-gz',
    sql: `alter table checks add column report_gz bytea;
alter table checks alter column report_gz set storage external;`,
  },
];

export interface NewCheck {
  id: string;
  user: string;
  kind: InputKind;
  verdict: Verdict;
  score: number;
  brand: string | null;
  subject: string | null;
  senderAddress: string | null;
  senderDomain: string | null;
  /** The report as JSON text (serialised once, where it was made). */
  reportJson: string;
  /**
   * The report gzip-compressed: when given, the store keeps it and puts only `reportIndexJson` (what queries read,
   * see `reportIndex`) in the jsonb column, instead of the whole report.
   */
  reportGz?: Uint8Array | null;
  reportIndexJson?: string | null;
  /** The input as checked (RFC 5322 for mail, UTF-8 text for SMS and URL), gzip-compressed; the preview is made from it. */
  message?: Uint8Array | null;
  /** Rendered later, when first viewed (see `savePreview`). */
  preview?: string | null;
  /** Set by tests of retention; otherwise the database's now(). */
  createdAt?: Date;
}

/**
 * What the database's queries look into (the dashboard's lure counts, the watcher's genuine notices): a few hundred
 * bytes instead of the whole report (~25 KB for a mail with a hundred links), which PGlite's jsonb input costs ~1 ms
 * of the main thread to take in. The whole report is stored beside it, compressed.
 */
export function reportIndex(report: Report): Pick<Report, 'genuine'> & {
  findings: Pick<Report['findings'][number], 'rule' | 'family' | 'category' | 'weight'>[];
} {
  return {
    genuine: report.genuine,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      family: f.family,
      category: f.category,
      weight: f.weight,
    })),
  };
}

export interface Feedback {
  wrong: boolean;
  expected: Verdict | null;
  comment: string | null;
  createdAt: string;
}

export type MarkKind = 'domain' | 'address';
export type MarkList = 'trusted' | 'blocked';

export interface SenderMark {
  id: string;
  kind: MarkKind;
  value: string;
  list: MarkList;
  createdAt: string;
}

export interface CheckSummary {
  id: string;
  createdAt: string;
  kind: InputKind;
  verdict: Verdict;
  score: number;
  brand: string | null;
  subject: string | null;
  sender: string | null;
}

export interface CheckRow extends CheckSummary {
  report: Report;
  /** The report as stored, JSON text. */
  reportJson: string;
  senderAddress: string | null;
  senderDomain: string | null;
  feedback: Feedback | null;
}

/**
 * Bytes as a hex text parameter, decoded by the database: PGlite's own bytea parameter encoding maps every byte
 * through a string (~1 ms of the main thread for a 7 KB message), Buffer's is native.
 */
function hex(bytes: Uint8Array | null | undefined): string | null {
  if (!bytes) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A stored report: the compressed whole when there is one, else the jsonb column's text. */
function reportText(gzBase64: string | null, json: string | null): string {
  return gzBase64 ? gunzipSync(Buffer.from(gzBase64, 'base64')).toString('utf8') : (json ?? '{}');
}

/** Inserts one check; returns its creation time. */
export async function insertCheck(db: Queryable, check: NewCheck): Promise<string> {
  return (await insertChecks(db, [check]))[0] ?? '';
}

/**
 * Many checks in one statement: under load the server gathers the inserts of the requests that finished in the same
 * few milliseconds, so the database pays one round trip and one commit for all of them.
 */
function storable(c: NewCheck): NewCheck {
  return {
    ...c,
    subject: storableText(c.subject),
    senderAddress: storableText(c.senderAddress),
    senderDomain: storableText(c.senderDomain),
    brand: storableText(c.brand),
    reportJson: storableJson(c.reportJson),
    reportIndexJson: c.reportIndexJson ? storableJson(c.reportIndexJson) : null,
    preview: storableText(c.preview),
  };
}

export async function insertChecks(db: Queryable, checks: NewCheck[]): Promise<string[]> {
  const params: unknown[] = [];
  const values = checks.map((check) => {
    const c = storable(check);
    const at = params.length;
    params.push(
      c.id,
      c.user,
      c.createdAt?.toISOString() ?? null,
      c.kind,
      c.verdict,
      c.score,
      c.brand,
      c.subject,
      c.senderAddress,
      c.senderDomain,
      c.reportGz && c.reportIndexJson ? c.reportIndexJson : c.reportJson,
      c.preview ?? null,
      hex(c.message),
      c.reportGz && c.reportIndexJson ? hex(c.reportGz) : null,
    );
    const p = (i: number) => `$${at + i}`;
    return `(${p(1)}, ${p(2)}, coalesce(${p(3)}::timestamptz, now()), ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}::jsonb, ${p(12)}, decode(${p(13)}, 'hex'), decode(${p(14)}, 'hex'))`;
  });
  const rows = await db.query<{ id: string; created_at: Date }>(
    `insert into checks (id, user_id, created_at, kind, verdict, score, brand, subject, sender_address, sender_domain, report, preview, message, report_gz)
     values ${values.join(', ')} returning id, created_at`,
    params,
  );
  const at = new Map(rows.map((r) => [r.id, iso(r.created_at)]));
  return checks.map((c) => at.get(c.id) ?? '');
}

interface SummaryRow {
  id: string;
  seq: string;
  created_at: Date;
  kind: InputKind;
  verdict: Verdict;
  score: number;
  brand: string | null;
  subject: string | null;
  sender_address: string | null;
  sender_domain: string | null;
}

function summary(r: SummaryRow): CheckSummary {
  return {
    id: r.id,
    createdAt: iso(r.created_at),
    kind: r.kind,
    verdict: r.verdict,
    score: Number(r.score),
    brand: r.brand,
    subject: r.subject,
    sender: r.sender_address ?? r.sender_domain,
  };
}

function feedbackOf(r: {
  wrong: boolean | null;
  expected: string | null;
  comment: string | null;
  feedback_at: Date | null;
}): Feedback | null {
  if (r.wrong === null || r.feedback_at === null) return null;
  return {
    wrong: r.wrong,
    expected: r.expected as Verdict | null,
    comment: r.comment,
    createdAt: iso(r.feedback_at),
  };
}

export async function getCheck(db: Queryable, user: string, id: string): Promise<CheckRow | null> {
  const rows = await db.query<
    SummaryRow & {
      report: string | null;
      report_gz: string | null;
      wrong: boolean | null;
      expected: string | null;
      comment: string | null;
      feedback_at: Date | null;
    }
  >(
    `select c.id, c.seq, c.created_at, c.kind, c.verdict, c.score, c.brand, c.subject, c.sender_address, c.sender_domain,
            case when c.report_gz is null then c.report::text end as report, encode(c.report_gz, 'base64') as report_gz,
            f.wrong, f.expected, f.comment, f.created_at as feedback_at
       from checks c left join check_feedback f on f.check_id = c.id
      where c.id = $1 and c.user_id = $2`,
    [id, user],
  );
  const r = rows[0];
  if (!r) return null;
  const reportJson = reportText(r.report_gz, r.report);
  return {
    ...summary(r),
    report: JSON.parse(reportJson) as Report,
    reportJson,
    senderAddress: r.sender_address,
    senderDomain: r.sender_domain,
    feedback: feedbackOf(r),
  };
}

/** The preview when rendered already; otherwise what renders it: the kind, the stored message and the report. */
export type PreviewSource =
  | { preview: string }
  | { preview: null; kind: InputKind; message: Uint8Array | null; reportJson: string };

export async function getPreview(db: Queryable, user: string, id: string): Promise<PreviewSource | null> {
  const rows = await db.query<{
    preview: string | null;
    kind: InputKind;
    message: Uint8Array | null;
    report: string | null;
    report_gz: string | null;
  }>(
    `select preview, case when preview is null then kind end as kind, case when preview is null then message end as message,
            case when preview is null and report_gz is null then report::text end as report,
            case when preview is null then encode(report_gz, 'base64') end as report_gz
       from checks where id = $1 and user_id = $2`,
    [id, user],
  );
  const r = rows[0];
  if (!r) return null;
  if (r.preview !== null) return { preview: r.preview };
  return { preview: null, kind: r.kind, message: r.message, reportJson: reportText(r.report_gz, r.report) };
}

/** Keeps a rendered preview, so the next view is read, not rendered. */
export async function savePreview(db: Queryable, user: string, id: string, preview: string): Promise<void> {
  await db.query('update checks set preview = $3 where id = $1 and user_id = $2', [
    id,
    user,
    storableText(preview),
  ]);
}

/** Newest first; the cursor is the position of the last item returned, opaque to clients. */
export async function listChecks(
  db: Queryable,
  user: string,
  limit: number,
  cursor: string | null,
): Promise<{ items: CheckSummary[]; nextCursor: string | null }> {
  const before = cursor === null ? null : decodeCursor(cursor);
  const rows = await db.query<SummaryRow>(
    `select id, seq, created_at, kind, verdict, score, brand, subject, sender_address, sender_domain
       from checks where user_id = $1 and ($2::bigint is null or seq < $2::bigint)
      order by seq desc limit $3`,
    [user, before, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(summary),
    nextCursor: rows.length > limit && last ? encodeCursor(String(last.seq)) : null,
  };
}

export class BadCursor extends Error {}

function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const m = /^s:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m?.[1]) throw new BadCursor('cursor is not one this server gave');
  return m[1];
}

/** Records (or replaces) the user's feedback on one of their checks; null when the check is not theirs. */
export async function setFeedback(
  db: Queryable,
  user: string,
  id: string,
  f: { wrong: boolean; expected: Verdict | null; comment: string | null },
): Promise<Feedback | null> {
  const rows = await db.query<{
    wrong: boolean;
    expected: string | null;
    comment: string | null;
    feedback_at: Date;
  }>(
    `insert into check_feedback (check_id, user_id, wrong, expected, comment)
     select id, user_id, $3, $4, $5 from checks where id = $1 and user_id = $2
     on conflict (check_id) do update set wrong = excluded.wrong, expected = excluded.expected,
       comment = excluded.comment, created_at = now()
     returning wrong, expected, comment, created_at as feedback_at`,
    [id, user, f.wrong, f.expected, f.comment],
  );
  return rows[0] ? feedbackOf(rows[0]) : null;
}

interface MarkRow {
  id: string;
  kind: MarkKind;
  value: string;
  list: MarkList;
  created_at: Date;
}

const markOf = (r: MarkRow): SenderMark => ({
  id: String(r.id),
  kind: r.kind,
  value: r.value,
  list: r.list,
  createdAt: iso(r.created_at),
});

/** Lower-cased; a domain without a trailing dot. */
export function normaliseMark(kind: MarkKind, value: string): string {
  const v = value.trim().toLowerCase();
  return kind === 'domain' ? v.replace(/\.$/, '') : v;
}

/** Adds a mark or moves it to the other list; one mark per user, kind and value. */
export async function addMark(
  db: Queryable,
  user: string,
  kind: MarkKind,
  value: string,
  list: MarkList,
): Promise<SenderMark> {
  const rows = await db.query<MarkRow>(
    `insert into sender_marks (user_id, kind, value, list) values ($1, $2, $3, $4)
     on conflict (user_id, kind, value) do update set list = excluded.list
     returning id, kind, value, list, created_at`,
    [user, kind, normaliseMark(kind, value), list],
  );
  return markOf(rows[0] as MarkRow);
}

export async function listMarks(db: Queryable, user: string): Promise<SenderMark[]> {
  const rows = await db.query<MarkRow>(
    'select id, kind, value, list, created_at from sender_marks where user_id = $1 order by id',
    [user],
  );
  return rows.map(markOf);
}

export async function deleteMark(db: Queryable, user: string, id: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id)) return false;
  const rows = await db.query('delete from sender_marks where id = $1 and user_id = $2 returning id', [
    id,
    user,
  ]);
  return rows.length > 0;
}

/** The domains a mark on which covers `domain`: itself and each parent with at least two labels. */
function coveringDomains(domain: string | null): string[] {
  const labels = (domain ?? '').toLowerCase().split('.').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Whether a mark applies to a sender (the same test as `marksFor`, for marks already read). */
export function markApplies(mark: SenderMark, address: string | null, domain: string | null): boolean {
  return mark.kind === 'address'
    ? address !== null && mark.value === address.toLowerCase()
    : coveringDomains(domain).includes(mark.value);
}

/**
 * The user's marks that apply to a sender: the address itself, its domain, or a parent domain of it
 * (a mark on amazon.co.jp covers mail.amazon.co.jp).
 */
export async function marksFor(
  db: Queryable,
  user: string,
  address: string | null,
  domain: string | null,
): Promise<SenderMark[]> {
  if (!address && !domain) return [];
  const domains = coveringDomains(domain);
  const rows = await db.query<MarkRow>(
    `select id, kind, value, list, created_at from sender_marks
      where user_id = $1 and ((kind = 'address' and value = $2) or (kind = 'domain' and value = any($3::text[])))
      order by id`,
    [user, address?.toLowerCase() ?? null, domains],
  );
  return rows.map(markOf);
}

/** Deletes every user's checks older than the given number of days; returns how many went. */
export async function deleteOlderThan(db: Queryable, days: number): Promise<number> {
  const rows = await db.query<{ n: string }>(
    `with gone as (delete from checks where created_at < now() - make_interval(days => $1::int) returning 1)
     select count(*)::text as n from gone`,
    [Math.floor(days)],
  );
  return Number(rows[0]?.n ?? 0);
}

export interface Stats {
  byDay: { day: string; verdict: Verdict; count: number }[];
  brands: { brand: string; count: number }[];
  lures: { rule: string; count: number }[];
}

/** The dashboard's figures over the last `days` days (UTC days). */
export async function stats(db: Queryable, user: string, days: number): Promise<Stats> {
  const since = [user, Math.floor(days)];
  const window = `user_id = $1 and created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - make_interval(days => $2::int - 1)`;
  const byDay = await db.query<{ day: string; verdict: Verdict; count: string }>(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, verdict, count(*)::text as count
       from checks where ${window} group by 1, 2 order by 1, 2`,
    since,
  );
  const brands = await db.query<{ brand: string; count: string }>(
    `select brand, count(*)::text as count from checks where ${window} and brand is not null
      group by brand order by count(*) desc, brand limit 20`,
    since,
  );
  const lures = await db.query<{ rule: string; count: string }>(
    `select f->>'rule' as rule, count(*)::text as count
       from checks, jsonb_array_elements(report->'findings') as f
      where ${window} and f->>'family' = 'lure'
      group by 1 order by count(*) desc, 1 limit 20`,
    since,
  );
  return {
    byDay: byDay.map((r) => ({ day: r.day, verdict: r.verdict, count: Number(r.count) })),
    brands: brands.map((r) => ({ brand: r.brand, count: Number(r.count) })),
    lures: lures.map((r) => ({ rule: r.rule, count: Number(r.count) })),
  };
}
