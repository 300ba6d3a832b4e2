/** The server's API (see notes/web-contract.md): bearer token when asked for, CSRF token on every change. */
import type { InputKind, Report, Verdict } from '../src/engine/report.js';
import type { CheckSummary, Feedback, SenderMark } from '../src/store/checks.js';
import type { TakeoverQuestion } from '../src/store/watch.js';

export type { CheckSummary, Feedback, SenderMark };

export interface Session {
  authRequired: boolean;
  user: string | null;
  csrfToken: string;
  retentionDays: number;
  storage: 'embedded' | 'postgres';
  features?: string[];
}

export interface CheckRecord {
  id: string;
  createdAt: string;
  kind: InputKind;
  report: Report;
  feedback: Feedback | null;
  marks: SenderMark[];
  /** The preview's address (signed, so the sandboxed frame needs no token); older servers: derived from the id. */
  previewUrl?: string;
}

export interface Stats {
  byDay: { day: string; verdict: Verdict; count: number }[];
  brands: { brand: string; count: number }[];
  lures: { rule: string; count: number }[];
}

/** An RFC 9457 problem, or a network failure, as an Error a person can read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'sagicheck.token';

export function token(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(value: string | null): void {
  try {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Private mode: nothing to keep.
  }
}

let csrf = '';

export async function request<T>(
  method: string,
  path: string,
  body?: BodyInit,
  type?: string,
  csrfToken = csrf,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const tk = token();
  if (tk) headers.Authorization = `Bearer ${tk}`;
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (type) headers['Content-Type'] = type;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const p = (json ?? {}) as { title?: string; detail?: string };
    throw new ApiError(res.status, [p.title, p.detail].filter(Boolean).join(': ') || `HTTP ${res.status}`);
  }
  return json as T;
}

export async function session(): Promise<Session> {
  const s = await request<Session>('GET', '/api/v1/session');
  csrf = s.csrfToken;
  return s;
}

export function checkFile(file: File): Promise<CheckRecord> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request('POST', '/api/v1/check', form);
}

export function checkRaw(raw: string): Promise<CheckRecord> {
  return request('POST', '/api/v1/check', raw, 'message/rfc822');
}

export function checkJson(body: { text: string } | { url: string }): Promise<CheckRecord> {
  return request('POST', '/api/v1/check', JSON.stringify(body), 'application/json');
}

export function getCheck(id: string): Promise<CheckRecord> {
  return request('GET', `/api/v1/checks/${encodeURIComponent(id)}`);
}

/** Genuine account notices among the checks: "did you do this?" (the second seed). */
export async function listQuestions(): Promise<TakeoverQuestion[]> {
  return (await request<{ items: TakeoverQuestion[] }>('GET', '/api/v1/questions')).items;
}

export function listChecks(
  cursor: string | null,
  limit = 20,
): Promise<{ items: CheckSummary[]; nextCursor: string | null }> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set('cursor', cursor);
  return request('GET', `/api/v1/checks?${q}`);
}

export function sendFeedback(
  id: string,
  body: { wrong: boolean; expected?: Verdict; comment?: string },
): Promise<Feedback> {
  return request(
    'POST',
    `/api/v1/checks/${encodeURIComponent(id)}/feedback`,
    JSON.stringify(body),
    'application/json',
  );
}

export function addMark(body: {
  value: string;
  kind: 'domain' | 'address';
  list: 'trusted' | 'blocked';
}): Promise<SenderMark> {
  return request('POST', '/api/v1/marks', JSON.stringify(body), 'application/json');
}

export function removeMark(id: string): Promise<unknown> {
  return request('DELETE', `/api/v1/marks/${encodeURIComponent(id)}`);
}

export function stats(days = 30): Promise<Stats> {
  return request('GET', `/api/v1/stats?days=${days}`);
}

export function previewUrl(record: CheckRecord): string {
  return record.previewUrl ?? `/api/v1/checks/${encodeURIComponent(record.id)}/preview`;
}
