/** The recovery-plan, case and card-charge API (src/server/cases-routes.ts, charges-routes.ts) as the page calls it. */
import type { Reminder } from '../src/respond/reminders.js';
import type { Answers, Plan } from '../src/respond/types.js';
import type { ChargeItem } from '../src/server/charges-routes.js';
import type { CaseRecord, CaseStep, CaseSummary, EvidenceInfo } from '../src/store/cases.js';
import { request, type Session } from './api.js';
import { lang } from './i18n.js';

export type { Answers, CaseSummary, ChargeItem, Plan };
export type ExportFormat = 'ics' | 'html' | 'pdf' | 'eml' | 'arf';

export interface CaseView extends CaseRecord {
  reminders: Reminder[];
  downloads: Record<ExportFormat, string>;
}

export interface ImportResult {
  file: string;
  card: string;
  format: string;
  layout: string;
  encoding: string;
  added: number;
  flagged: number;
  charges: unknown[];
  problems: { line: number; text: string }[];
}

/** Through api.ts's request: the bearer token when there is one, the session's CSRF token on every change. */
const call = <T>(s: Session, method: string, path: string, body?: BodyInit, type?: string): Promise<T> =>
  request<T>(method, path, body, type, s.csrfToken);

const postJson = <T>(s: Session, path: string, body: unknown) =>
  call<T>(s, 'POST', path, JSON.stringify(body), 'application/json');
const caseUrl = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

export const plan = (s: Session, answers: Answers) => postJson<Plan>(s, '/api/v1/plans', answers);

export const createCase = (s: Session, answers: Answers, checkId: string | null, title?: string) =>
  postJson<CaseView>(s, '/api/v1/cases', {
    answers,
    lang: lang(),
    ...(title ? { title } : {}),
    ...(checkId ? { checkId } : {}),
  });

export const listCases = (s: Session) => call<{ items: CaseSummary[] }>(s, 'GET', '/api/v1/cases');
export const getCase = (s: Session, id: string) => call<CaseView>(s, 'GET', caseUrl(id));
export const deleteCase = (s: Session, id: string) => call<null>(s, 'DELETE', caseUrl(id));

export const setStep = (s: Session, id: string, step: string, done: boolean) =>
  postJson<CaseStep>(s, `${caseUrl(id)}/steps/${encodeURIComponent(step)}`, { done });

export const addNote = (s: Session, id: string, body: string) =>
  postJson<{ id: string }>(s, `${caseUrl(id)}/notes`, { body });

export function addEvidence(s: Session, id: string, file: File, note: string): Promise<EvidenceInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (note) form.append('note', note);
  return call(s, 'POST', `${caseUrl(id)}/evidence`, form);
}

export function charges(s: Session, card?: string): Promise<{ cards: string[]; items: ChargeItem[] }> {
  return call(s, 'GET', `/api/v1/charges${card ? `?${new URLSearchParams({ card })}` : ''}`);
}

export function importStatement(
  s: Session,
  file: File,
  fields: { format: string; card: string; map: string },
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
  return call(s, 'POST', '/api/v1/charges/import', form);
}

export const markKnown = (s: Session, card: string, merchant: string) =>
  postJson<{ added: boolean }>(s, '/api/v1/charges/known', { card, merchant });

export const chargeToCase = (s: Session, chargeId: string, caseId: string | null) =>
  postJson<{ caseId: string; opened: boolean }>(s, `/api/v1/charges/${encodeURIComponent(chargeId)}/case`, {
    lang: lang(),
    ...(caseId ? { caseId } : {}),
  });
