/**
 * The recovery plans and cases of the web app (issue 5) under /api/v1/: a plan from the answers (src/respond, not
 * stored), cases saved from answers (src/store/cases.ts), steps ticked off, notes, evidence files kept with their
 * SHA-256, and the exports (.ics calendar, the incident summary as HTML print view or PDF, the abuse report .eml and
 * the ARF report). Every query is per user, like the checks. Downloads can also be fetched through a signed, short
 * lived address (the page's plain links cannot send a bearer token).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_DATA } from '../engine/data/default.js';
import { caseIcs, caseMail, caseReminders, caseSummaryInput, mediaTypeOf } from '../report/case-input.js';
import {
  abuseRecipients,
  buildAbuseMail,
  buildArf,
  reportSubject,
  summaryHtml,
  summaryPdf,
} from '../report/index.js';
import { AnswerError, buildPlan } from '../respond/plan.js';
import type { Reminder } from '../respond/reminders.js';
import { type Answers, CHANNELS, HAPPENED, type Plan } from '../respond/types.js';
import {
  addEvidence,
  addNote,
  type CaseRecord,
  createCase,
  deleteCase,
  evidenceContent,
  getCase,
  listCases,
  NotFound,
  setStepStatus,
} from '../store/cases.js';
import type { Db } from '../store/db.js';
import { Signer } from './auth.js';
import { HttpError, headerParam, parseMultipart, readBody, send, sendJson } from './http.js';

/** What app.ts hands a route's handler (its `Ctx`). */
export interface RouteCtx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  user: string;
  params: string[];
}

export interface ExtraRoute {
  method: string;
  pattern: RegExp;
  handler: (ctx: RouteCtx) => Promise<void>;
  open?: boolean;
}

export const EXPORT_FORMATS = ['ics', 'html', 'pdf', 'eml', 'arf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The print view is the report module's own HTML document: its inline styles need their own policy. */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

/** How long a signed download address works. */
const LINK_TTL_MS = 30 * 60_000;
const SMALL_BODY = 64 * 1024;
const REPORTER = 'reporter@example.invalid';

export const bad = (detail: string) => new HttpError(400, 'bad-body', 'Bad request body', detail);

/** A JSON object body (415 for anything else, 400 when malformed). */
export async function jsonBody(req: IncomingMessage, limit = SMALL_BODY): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, 'unsupported-type', 'Unsupported content type', 'send application/json');
  let value: unknown;
  try {
    value = JSON.parse((await readBody(req, limit)).toString('utf8'));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'bad-json', 'Malformed JSON', (err as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad('the body must be a JSON object');
  return value as Record<string, unknown>;
}

/** The fields of a multipart/form-data body: the file part named `file` and the text fields. */
export async function formBody(
  req: IncomingMessage,
  limit: number,
): Promise<{
  file: { name: string; type: string | null; content: Buffer } | null;
  fields: Map<string, string>;
}> {
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.split(';')[0]?.trim().toLowerCase() !== 'multipart/form-data')
    throw new HttpError(
      415,
      'unsupported-type',
      'Unsupported content type',
      'send multipart/form-data with a "file" field',
    );
  const boundary = headerParam(contentType, 'boundary');
  if (!boundary) throw new HttpError(400, 'bad-multipart', 'Malformed multipart body', 'no boundary given');
  const parts = parseMultipart(await readBody(req, limit + 16 * 1024), boundary);
  const fields = new Map<string, string>();
  let file: { name: string; type: string | null; content: Buffer } | null = null;
  for (const p of parts) {
    if (p.name === 'file' && p.filename !== null)
      file = { name: p.filename || 'file', type: p.type, content: p.content };
    else if (p.name) fields.set(p.name, p.content.toString('utf8'));
  }
  return { file, fields };
}

const stringList = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;

/** The answers of a recovery plan as JSON: {brand, channel, happened[], when?, cards?[]}. */
export function answersOf(body: Record<string, unknown>): Answers {
  const brand = typeof body.brand === 'string' ? body.brand.trim() : '';
  if (!brand || brand.length > 100) throw bad('"brand" must be a brand id or name (amazon, 楽天カード …)');
  if (typeof body.channel !== 'string' || !(CHANNELS as readonly string[]).includes(body.channel))
    throw bad(`"channel" must be one of ${CHANNELS.join(', ')}`);
  const happened = stringList(body.happened);
  if (
    !happened ||
    happened.length === 0 ||
    happened.some((h) => !(HAPPENED as readonly string[]).includes(h))
  )
    throw bad(`"happened" must list one or more of ${HAPPENED.join(', ')}`);
  const cards = body.cards === undefined ? [] : stringList(body.cards);
  if (!cards || cards.length > 10 || cards.some((c) => c.length > 100))
    throw bad('"cards" must be a list of card names (at most 10)');
  const when = body.when === undefined || body.when === null || body.when === '' ? new Date() : body.when;
  if (typeof when !== 'string' && !(when instanceof Date)) throw bad('"when" must be a date and time');
  return {
    brand,
    channel: body.channel as Answers['channel'],
    happened: happened as Answers['happened'],
    when: when instanceof Date ? `${when.toISOString().slice(0, 16)}Z` : when,
    cards,
  };
}

export function planOf(answers: Answers): Plan {
  try {
    return buildPlan(answers);
  } catch (err) {
    if (err instanceof AnswerError) throw bad(err.message);
    throw err;
  }
}

const caseMissing = (id: string | undefined) =>
  new HttpError(404, 'not-found', 'Not found', `no case ${id} among your cases`);

/** A case as the API gives it: the stored record, the reminders due now and the signed download addresses. */
export interface CaseView extends CaseRecord {
  reminders: Reminder[];
  downloads: Record<ExportFormat, string>;
}

export class CaseRoutes {
  private signer = new Signer(randomBytes(32));

  constructor(
    private db: Db,
    private maxBodyBytes: number,
  ) {}

  routes(): ExtraRoute[] {
    const id = '([a-z0-9]{1,32})';
    const r = (method: string, path: string, handler: (c: RouteCtx) => Promise<void>, open = false) => ({
      method,
      pattern: new RegExp(`^/api/v1/${path}$`),
      handler,
      ...(open ? { open } : {}),
    });
    return [
      r('POST', 'plans', (c) => this.plan(c)),
      r('POST', 'cases', (c) => this.create(c)),
      r('GET', 'cases', (c) => this.list(c)),
      r('GET', `cases/${id}`, (c) => this.get(c)),
      r('DELETE', `cases/${id}`, (c) => this.remove(c)),
      r('POST', `cases/${id}/steps/([A-Za-z0-9._-]{1,100})`, (c) => this.step(c)),
      r('POST', `cases/${id}/notes`, (c) => this.note(c)),
      r('POST', `cases/${id}/evidence`, (c) => this.evidence(c)),
      r('GET', `cases/${id}/evidence/([0-9]{1,18})`, (c) => this.evidenceFile(c)),
      r('GET', `cases/${id}/export`, (c) => this.export(c, c.user)),
      // The same download through a signed address (a plain link or a new tab): the signature stands for the token.
      r('GET', `cases/${id}/download`, (c) => this.download(c), true),
    ];
  }

  private async plan({ req, res }: RouteCtx): Promise<void> {
    sendJson(res, 200, planOf(answersOf(await jsonBody(req))));
  }

  private async create({ req, res, user }: RouteCtx): Promise<void> {
    const body = await jsonBody(req);
    const answers = answersOf(
      typeof body.answers === 'object' && body.answers !== null
        ? (body.answers as Record<string, unknown>)
        : body,
    );
    const plan = planOf(answers);
    const lang = body.lang === undefined ? 'ja' : body.lang;
    if (lang !== 'ja' && lang !== 'en') throw bad('"lang" must be ja or en');
    const title = body.title === undefined || body.title === '' ? undefined : body.title;
    if (title !== undefined && (typeof title !== 'string' || title.length > 200))
      throw bad('"title" must be a text of at most 200 characters');
    const checkId = body.checkId ?? null;
    if (checkId !== null && (typeof checkId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(checkId)))
      throw bad('"checkId" must be the id of one of your checks');
    const original = checkId ? await this.checkMessage(user, checkId) : null;
    if (checkId && original === undefined)
      throw new HttpError(404, 'not-found', 'Not found', `no check ${checkId} in your history`);
    const caseId = await createCase(this.db, { user, plan, lang, title, checkId });
    // The checked mail is the case's first evidence: the summary lists it and the abuse reports attach it.
    if (original)
      await addEvidence(this.db, user, caseId, {
        filename: `check-${checkId}.eml`,
        mediaType: 'message/rfc822',
        content: original,
        note: lang === 'ja' ? 'sagicheck で確認したメール' : 'the mail checked with sagicheck',
      });
    sendJson(res, 201, await this.view(user, caseId), { Location: `/api/v1/cases/${caseId}` });
  }

  /** The stored original of a mail check (undefined: no such check; null: not a mail, or none kept). */
  private async checkMessage(user: string, id: string): Promise<Uint8Array | null | undefined> {
    const rows = await this.db.query<{ kind: string; message: Uint8Array | null }>(
      'select kind, message from checks where id = $1 and user_id = $2',
      [id, user],
    );
    const r = rows[0];
    if (!r) return undefined;
    if (r.kind !== 'email' || !r.message) return null;
    try {
      return new Uint8Array(gunzipSync(r.message));
    } catch {
      return null;
    }
  }

  private async view(user: string, id: string): Promise<CaseView> {
    const c = await getCase(this.db, user, id);
    if (!c) throw caseMissing(id);
    const exp = String(Date.now() + LINK_TTL_MS);
    const downloads = Object.fromEntries(
      EXPORT_FORMATS.map((f) => [
        f,
        `/api/v1/cases/${id}/download?${new URLSearchParams({ format: f, u: user, exp, sig: this.signer.sign('case', user, id, f, exp) })}`,
      ]),
    ) as Record<ExportFormat, string>;
    return { ...c, reminders: caseReminders(c), downloads };
  }

  private async list({ res, user }: RouteCtx): Promise<void> {
    sendJson(res, 200, { items: await listCases(this.db, user) });
  }

  private async get({ res, user, params }: RouteCtx): Promise<void> {
    sendJson(res, 200, await this.view(user, params[0] as string));
  }

  private async remove({ res, user, params }: RouteCtx): Promise<void> {
    if (!(await deleteCase(this.db, user, params[0] as string))) throw caseMissing(params[0]);
    res.statusCode = 204;
    res.end();
  }

  private async step({ req, res, user, params }: RouteCtx): Promise<void> {
    const body = await jsonBody(req);
    const status =
      body.status !== undefined
        ? body.status
        : body.done === true
          ? 'done'
          : body.done === false
            ? 'todo'
            : null;
    if (status !== 'done' && status !== 'todo' && status !== 'skipped')
      throw bad('send {"done": true|false} or {"status": "done"|"todo"|"skipped"}');
    try {
      sendJson(
        res,
        200,
        await setStepStatus(this.db, user, params[0] as string, params[1] as string, status),
      );
    } catch (err) {
      if (err instanceof NotFound) throw new HttpError(404, 'not-found', 'Not found', err.message);
      throw err;
    }
  }

  private async note({ req, res, user, params }: RouteCtx): Promise<void> {
    const body = await jsonBody(req);
    const text = typeof body.body === 'string' ? body.body.trim() : '';
    if (!text || text.length > 4000) throw bad('"body" must be a note of 1 to 4000 characters');
    try {
      sendJson(res, 201, await addNote(this.db, user, params[0] as string, text));
    } catch (err) {
      if (err instanceof NotFound) throw caseMissing(params[0]);
      throw err;
    }
  }

  private async evidence({ req, res, user, params }: RouteCtx): Promise<void> {
    const id = params[0] as string;
    if (!(await getCase(this.db, user, id))) throw caseMissing(id);
    const { file, fields } = await formBody(req, this.maxBodyBytes);
    if (!file) throw new HttpError(400, 'no-file', 'No file', 'the form has no file field named "file"');
    if (file.content.length === 0) throw bad('the file is empty');
    const note = fields.get('note')?.trim().slice(0, 4000) || null;
    const name =
      file.name
        .replace(/[\\/]/g, '_')
        .replace(/[\r\n\0]/g, '')
        .slice(-200) || 'file';
    const given = /^[\w.+-]+\/[\w.+-]+$/.test(file.type ?? '') ? (file.type as string) : null;
    // Browsers and curl send a saved mail as application/octet-stream: its name says what it is.
    const type = given && given !== 'application/octet-stream' ? given : (mediaTypeOf(name) ?? given);
    const saved = await addEvidence(this.db, user, id, {
      filename: name,
      mediaType: type,
      content: file.content,
      note,
    });
    sendJson(res, 201, saved, { Location: `/api/v1/cases/${id}/evidence/${saved.id}` });
  }

  private async evidenceFile({ res, user, params }: RouteCtx): Promise<void> {
    const [id, evidenceId] = params as [string, string];
    const c = await getCase(this.db, user, id);
    const info = c?.evidence.find((e) => e.id === evidenceId);
    if (!c || !info)
      throw new HttpError(404, 'not-found', 'Not found', `no evidence ${evidenceId} in case ${id}`);
    const bytes = await evidenceContent(this.db, user, id, evidenceId);
    if (!bytes) throw new HttpError(404, 'not-found', 'Not found', 'only the path of this file is kept');
    attachment(res, info.filename);
    send(res, 200, 'application/octet-stream', Buffer.from(bytes));
  }

  private async download(ctx: RouteCtx): Promise<void> {
    const q = ctx.url.searchParams;
    const [user, exp, sig, format] = [q.get('u'), q.get('exp'), q.get('sig'), q.get('format')];
    const id = ctx.params[0] as string;
    if (
      !user ||
      !exp ||
      !format ||
      Number(exp) < Date.now() ||
      !this.signer.verify(sig ?? undefined, 'case', user, id, format, exp)
    )
      throw new HttpError(
        401,
        'unauthorized',
        'Link expired or not valid',
        'this download address is signed for one user and expires after 30 minutes: reload the case page',
      );
    await this.export(ctx, user);
  }

  private async export({ res, url }: RouteCtx, user: string): Promise<void> {
    const id = url.pathname.split('/')[4] as string;
    const format = (url.searchParams.get('format') ?? '') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format))
      throw new HttpError(
        400,
        'bad-parameter',
        'Bad parameter',
        `format must be one of ${EXPORT_FORMATS.join(', ')}`,
      );
    const c = await getCase(this.db, user, id);
    if (!c) throw caseMissing(id);
    const langParam = url.searchParams.get('lang');
    const lang = langParam === 'ja' || langParam === 'en' ? langParam : c.lang;
    const base = `sagicheck-case-${c.id}`;
    if (format === 'ics') {
      attachment(res, `${base}.ics`);
      return send(res, 200, 'text/calendar; charset=utf-8', caseIcs(c, lang));
    }
    if (format === 'html') {
      res.setHeader('Content-Security-Policy', PRINT_CSP);
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      return send(res, 200, 'text/html; charset=utf-8', summaryHtml(caseSummaryInput(c), { lang }));
    }
    if (format === 'pdf') {
      attachment(res, `${base}.pdf`);
      return send(res, 200, 'application/pdf', Buffer.from(await summaryPdf(caseSummaryInput(c), { lang })));
    }
    // The abuse report and the ARF report are about the case's stored phishing mail.
    const mail = caseMail(c);
    if (!mail)
      throw new HttpError(
        409,
        'no-mail',
        'No mail in this case',
        'the reports attach the phishing mail: add it (.eml) as evidence, or start the case from a mail check',
      );
    const raw = await evidenceContent(this.db, user, c.id, mail.id);
    if (!raw) throw new HttpError(409, 'no-mail', 'No mail in this case', 'the mail is kept only as a path');
    const data = DEFAULT_DATA;
    const subject = await reportSubject(raw, data);
    const from = url.searchParams.get('from')?.trim() || REPORTER;
    if (!/^[^\s@<>]{1,64}@[^\s@<>]{1,253}$/.test(from)) throw bad('"from" must be an e-mail address');
    const { recipients } = abuseRecipients(subject.report, data);
    const wanted = url.searchParams.get('to');
    const to = (wanted ? recipients.find((r) => r.id === wanted) : undefined) ?? recipients[0];
    if (!to) throw new HttpError(409, 'no-recipient', 'No recipient', 'no report address is known');
    if (format === 'eml') {
      attachment(res, `${base}-${to.id}.eml`);
      return send(res, 200, 'message/rfc822', await buildAbuseMail(subject, { from, to, data }));
    }
    attachment(res, `${base}-arf.eml`);
    return send(
      res,
      200,
      'message/rfc822',
      Buffer.from(await buildArf(subject, { from, to: to.email, data })),
    );
  }
}

/** Content-Disposition for a download: an ASCII name plus the UTF-8 one (RFC 6266). */
export function attachment(res: ServerResponse, filename: string): void {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
}
