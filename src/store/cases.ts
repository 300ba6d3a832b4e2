/**
 * Recovery cases: a plan (src/respond) saved with its progress — each step's status and when it was done, the
 * person's notes, and evidence (a checked mail, a card statement) kept with its SHA-256, either as bytes in the
 * database or as a path to a file the person keeps. Deleting a case deletes its steps, notes and evidence. Every
 * query takes the user, as in the checks store: one user never reads another's cases.
 */
import { createHash, randomBytes } from 'node:crypto';
import { formatInstant, parseInstant } from '../respond/time.js';
import type { Plan } from '../respond/types.js';
import { type Db, iso, type Migration, type Queryable } from './db.js';

export const CASES_MIGRATIONS: Migration[] = [
  {
    id: 'cases-001-create',
    sql: `create table cases (
  id text primary key,
  seq bigserial not null unique,
  user_id text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  title text not null,
  brand text not null,
  channel text not null,
  happened_at timestamptz not null,
  lang text not null default 'ja' check (lang in ('ja', 'en')),
  check_id text,
  plan jsonb not null
);
create index cases_user_seq on cases (user_id, seq desc);
create table case_steps (
  case_id text not null references cases (id) on delete cascade,
  step_id text not null,
  position integer not null,
  status text not null default 'todo' check (status in ('todo', 'done', 'skipped')),
  done_at timestamptz,
  due_at timestamptz,
  primary key (case_id, step_id)
);
create table case_notes (
  id bigserial primary key,
  case_id text not null references cases (id) on delete cascade,
  created_at timestamptz not null default now(),
  body text not null
);
create index case_notes_case on case_notes (case_id, id);
create table case_evidence (
  id bigserial primary key,
  case_id text not null references cases (id) on delete cascade,
  created_at timestamptz not null default now(),
  filename text not null,
  media_type text,
  size bigint not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea,
  path text,
  note text,
  check ((content is null) <> (path is null))
);
create index case_evidence_case on case_evidence (case_id, id);`,
  },
];

export type StepStatus = 'todo' | 'done' | 'skipped';

export interface CaseSummary {
  id: string;
  createdAt: string;
  title: string;
  brand: string;
  channel: string;
  happenedAt: string;
  steps: number;
  done: number;
  /** The earliest deadline of a step not yet done or skipped, if any, in the offset of the plan's `when`. */
  nextDue: { stepId: string; at: string } | null;
}

export interface CaseStep {
  stepId: string;
  position: number;
  status: StepStatus;
  doneAt: string | null;
  dueAt: string | null;
}

export interface CaseNote {
  id: string;
  createdAt: string;
  body: string;
}

export interface EvidenceInfo {
  id: string;
  createdAt: string;
  filename: string;
  mediaType: string | null;
  size: number;
  sha256: string;
  /** Stored as bytes in the database (false: only the path is kept). */
  stored: boolean;
  path: string | null;
  note: string | null;
}

export interface CaseRecord extends CaseSummary {
  updatedAt: string;
  lang: 'ja' | 'en';
  checkId: string | null;
  plan: Plan;
  stepStatus: CaseStep[];
  notes: CaseNote[];
  evidence: EvidenceInfo[];
}

export interface NewCase {
  user: string;
  plan: Plan;
  title?: string;
  lang?: 'ja' | 'en';
  checkId?: string | null;
}

export interface NewEvidence {
  filename: string;
  mediaType?: string | null;
  /** The bytes, kept in the database… */
  content?: Uint8Array;
  /** …or the path of a file the person keeps (then `bytes` give the hash, or the hash is given). */
  path?: string;
  /** With `path`: the file's bytes, hashed but not stored. */
  bytes?: Uint8Array;
  note?: string | null;
}

/** Something asked of a case that is not there (or is another user's). */
export class NotFound extends Error {}

const isoOrNull = (d: unknown): string | null => (d === null || d === undefined ? null : iso(d));

/** Short, unguessable, easy to type: 10 characters of [a-z0-9] without look-alikes. */
export function newCaseId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function defaultTitle(plan: Plan): string {
  return `${plan.answers.brand}: ${plan.answers.happened.join(', ')}`;
}

/** Saves a plan as a new case with every step to do; returns the case id. One transaction when the db has them. */
export async function createCase(db: Queryable | Db, c: NewCase): Promise<string> {
  const id = newCaseId();
  const { plan } = c;
  const run = async (q: Queryable) => {
    await q.query(
      `insert into cases (id, user_id, title, brand, channel, happened_at, lang, check_id, plan)
       values ($1, $2, $3, $4, $5, $6::timestamptz, $7, $8, $9::jsonb)`,
      [
        id,
        c.user,
        c.title ?? defaultTitle(plan),
        plan.answers.brand,
        plan.answers.channel,
        normaliseTime(plan.answers.when),
        c.lang ?? 'ja',
        c.checkId ?? null,
        JSON.stringify(plan),
      ],
    );
    for (const s of plan.steps)
      await q.query(
        'insert into case_steps (case_id, step_id, position, due_at) values ($1, $2, $3, $4::timestamptz)',
        [id, s.id, s.n, s.deadline ? normaliseTime(s.deadline.at) : null],
      );
  };
  if ('transaction' in db) await db.transaction(run);
  else await run(db);
  return id;
}

/** Plan times are written like 2026-05-08T15:00+09:00; the database wants a full ISO instant. */
function normaliseTime(t: string): string {
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${t}`);
  return new Date(ms).toISOString();
}

interface SummaryRow {
  id: string;
  created_at: Date;
  title: string;
  brand: string;
  channel: string;
  happened_at: Date;
  steps: number | string;
  done: number | string;
  next_step: string | null;
  next_due: Date | null;
  when_text: string | null;
}

const SUMMARY_SELECT = `select c.id, c.created_at, c.title, c.brand, c.channel, c.happened_at,
  (select count(*) from case_steps s where s.case_id = c.id)::int as steps,
  (select count(*) from case_steps s where s.case_id = c.id and s.status = 'done')::int as done,
  n.step_id as next_step, n.due_at as next_due, c.plan->'answers'->>'when' as when_text
  from cases c
  left join lateral (
    select s.step_id, s.due_at from case_steps s
     where s.case_id = c.id and s.status = 'todo' and s.due_at is not null
     order by s.due_at, s.position limit 1
  ) n on true`;

/** A deadline written in the offset the person gave for `when` (2026-05-08T15:00+09:00), as the plan writes them. */
function inOffsetOf(at: Date, when: string | null): string {
  const offset = when ? parseInstant(when)?.offset : undefined;
  return offset === undefined ? iso(at) : formatInstant({ ms: new Date(at).getTime(), offset });
}

interface StepRow {
  step_id: string;
  position: number;
  status: StepStatus;
  done_at: Date | null;
  due_at: Date | null;
}

const STEP_COLUMNS = 'step_id, position, status, done_at, due_at';

function stepOf(r: StepRow): CaseStep {
  return {
    stepId: r.step_id,
    position: Number(r.position),
    status: r.status,
    doneAt: isoOrNull(r.done_at),
    dueAt: isoOrNull(r.due_at),
  };
}

function summaryOf(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    createdAt: iso(r.created_at),
    title: r.title,
    brand: r.brand,
    channel: r.channel,
    happenedAt: iso(r.happened_at),
    steps: Number(r.steps),
    done: Number(r.done),
    nextDue:
      r.next_step && r.next_due ? { stepId: r.next_step, at: inOffsetOf(r.next_due, r.when_text) } : null,
  };
}

export async function listCases(db: Queryable, user: string): Promise<CaseSummary[]> {
  const rows = await db.query<SummaryRow>(`${SUMMARY_SELECT} where c.user_id = $1 order by c.seq desc`, [
    user,
  ]);
  return rows.map(summaryOf);
}

export async function getCase(db: Queryable, user: string, id: string): Promise<CaseRecord | null> {
  const rows = await db.query<
    SummaryRow & { updated_at: Date; lang: 'ja' | 'en'; check_id: string | null; plan: Plan }
  >(
    `${SUMMARY_SELECT.replace('select c.id,', 'select c.updated_at, c.lang, c.check_id, c.plan, c.id,')}
      where c.id = $1 and c.user_id = $2`,
    [id, user],
  );
  const r = rows[0];
  if (!r) return null;
  const steps = await db.query<StepRow>(
    `select ${STEP_COLUMNS} from case_steps where case_id = $1 order by position`,
    [id],
  );
  const notes = await db.query<{ id: string | number; created_at: Date; body: string }>(
    'select id, created_at, body from case_notes where case_id = $1 order by id',
    [id],
  );
  const evidence = await db.query<{
    id: string | number;
    created_at: Date;
    filename: string;
    media_type: string | null;
    size: string | number;
    sha256: string;
    stored: boolean;
    path: string | null;
    note: string | null;
  }>(
    `select id, created_at, filename, media_type, size, sha256, content is not null as stored, path, note
       from case_evidence where case_id = $1 order by id`,
    [id],
  );
  return {
    ...summaryOf(r),
    updatedAt: iso(r.updated_at),
    lang: r.lang,
    checkId: r.check_id,
    plan: typeof r.plan === 'string' ? (JSON.parse(r.plan) as Plan) : r.plan,
    stepStatus: steps.map(stepOf),
    notes: notes.map((n) => ({ id: String(n.id), createdAt: iso(n.created_at), body: n.body })),
    evidence: evidence.map((e) => ({
      id: String(e.id),
      createdAt: iso(e.created_at),
      filename: e.filename,
      mediaType: e.media_type,
      size: Number(e.size),
      sha256: e.sha256,
      stored: e.stored,
      path: e.path,
      note: e.note,
    })),
  };
}

async function owned(db: Queryable, user: string, id: string): Promise<void> {
  const rows = await db.query('select 1 from cases where id = $1 and user_id = $2', [id, user]);
  if (rows.length === 0) throw new NotFound(`no case ${id}`);
}

async function touch(db: Queryable, id: string): Promise<void> {
  await db.query('update cases set updated_at = now() where id = $1', [id]);
}

/**
 * Sets a step's status; `done` records when (now, or `at`), anything else clears it. A step can be named by its id
 * (amazon.new-password) or its number in the plan (3).
 */
export async function setStepStatus(
  db: Queryable,
  user: string,
  id: string,
  step: string,
  status: StepStatus,
  at?: Date,
): Promise<CaseStep> {
  await owned(db, user, id);
  const byNumber = /^\d+$/.test(step);
  const rows = await db.query<StepRow>(
    `update case_steps set status = $3,
            done_at = case when $3 = 'done' then coalesce($4::timestamptz, now()) else null end
      where case_id = $1 and ${byNumber ? 'position = $2::int' : 'step_id = $2'}
      returning ${STEP_COLUMNS}`,
    [id, step, status, at?.toISOString() ?? null],
  );
  const r = rows[0];
  if (!r) throw new NotFound(`case ${id} has no step ${step}`);
  await touch(db, id);
  return stepOf(r);
}

export async function addNote(db: Queryable, user: string, id: string, body: string): Promise<CaseNote> {
  if (!body.trim()) throw new Error('an empty note');
  await owned(db, user, id);
  const rows = await db.query<{ id: string | number; created_at: Date }>(
    'insert into case_notes (case_id, body) values ($1, $2) returning id, created_at',
    [id, body],
  );
  await touch(db, id);
  const r = rows[0] as { id: string | number; created_at: Date };
  return { id: String(r.id), createdAt: iso(r.created_at), body };
}

export async function addEvidence(
  db: Queryable,
  user: string,
  id: string,
  e: NewEvidence,
): Promise<EvidenceInfo> {
  await owned(db, user, id);
  const hashed = e.content ?? e.bytes;
  if (!hashed) throw new Error('evidence needs its bytes (to store, or to hash beside a path)');
  if ((e.content === undefined) === (e.path === undefined))
    throw new Error('evidence is either stored or a path');
  const sha256 = sha256Hex(hashed);
  const rows = await db.query<{ id: string | number; created_at: Date }>(
    `insert into case_evidence (case_id, filename, media_type, size, sha256, content, path, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at`,
    [
      id,
      e.filename,
      e.mediaType ?? null,
      hashed.byteLength,
      sha256,
      e.content ? Buffer.from(e.content.buffer, e.content.byteOffset, e.content.byteLength) : null,
      e.path ?? null,
      e.note ?? null,
    ],
  );
  await touch(db, id);
  const r = rows[0] as { id: string | number; created_at: Date };
  return {
    id: String(r.id),
    createdAt: iso(r.created_at),
    filename: e.filename,
    mediaType: e.mediaType ?? null,
    size: hashed.byteLength,
    sha256,
    stored: e.content !== undefined,
    path: e.path ?? null,
    note: e.note ?? null,
  };
}

/** The stored bytes of one piece of evidence, checked against its SHA-256; null when kept only as a path. */
export async function evidenceContent(
  db: Queryable,
  user: string,
  id: string,
  evidenceId: string,
): Promise<Uint8Array | null> {
  await owned(db, user, id);
  const rows = await db.query<{ content: Uint8Array | null; sha256: string }>(
    'select content, sha256 from case_evidence where case_id = $1 and id = $2::bigint',
    [id, evidenceId],
  );
  const r = rows[0];
  if (!r) throw new NotFound(`case ${id} has no evidence ${evidenceId}`);
  if (!r.content) return null;
  const bytes = new Uint8Array(r.content);
  if (sha256Hex(bytes) !== r.sha256) throw new Error(`evidence ${evidenceId} does not match its SHA-256`);
  return bytes;
}

/** Deletes the case with its steps, notes and evidence; false when there was no such case for this user. */
export async function deleteCase(db: Queryable, user: string, id: string): Promise<boolean> {
  const rows = await db.query('delete from cases where id = $1 and user_id = $2 returning id', [id, user]);
  return rows.length > 0;
}
