/**
 * `sagicheck serve`: the HTTP API under /api/v1/ and the web app's files, on node:http.
 * The analysis runs in a pool of worker threads; this thread parses HTTP, checks access and writes to the database.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Indicator } from '../engine/data/types.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../engine/parse/email.js';
import type { Verdict } from '../engine/report.js';
import {
  addMark,
  BadCursor,
  deleteMark,
  deleteOlderThan,
  type Feedback,
  getCheck,
  getPreview,
  insertChecks,
  listChecks,
  listMarks,
  type MarkKind,
  type MarkList,
  markApplies,
  marksFor,
  type NewCheck,
  type SenderMark,
  savePreview,
  setFeedback,
  stats,
} from '../store/checks.js';
import type { Db } from '../store/db.js';
import { takeoverQuestions } from '../store/watch.js';
import type { CheckJob } from './analyse.js';
import { isLoopback, Signer, userOfBearer } from './auth.js';
import { CaseRoutes } from './cases-routes.js';
import { ChargeRoutes } from './charges-routes.js';
import {
  APP_CSP,
  HttpError,
  headerParam,
  parseMultipart,
  readBody,
  send,
  sendJson,
  sendProblem,
  setSecurityHeaders,
  tooLarge,
} from './http.js';
import { openApiDocument } from './openapi.js';
import { AnalysisPool } from './pool.js';
import { PREVIEW_HEADER_CSP } from './preview.js';
import { RateLimiter } from './rate-limit.js';
import { StaticFiles } from './static.js';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_RETENTION_DAYS = 90;
export const DEFAULT_RATE = { perSecond: 5, burst: 30 };

export interface ServerOptions {
  /** The store, or its opening: the analysis threads load the engine meanwhile. */
  db: Db | Promise<Db>;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Hash of token → user (see auth.ts); required when `host` is not a loopback address. */
  tokens?: Map<string, string> | null;
  retentionDays?: number;
  /** Requests per second per client, refilled continuously, and the burst allowed; perSecond 0 turns it off. */
  rate?: { perSecond: number; burst: number };
  /** Largest request body; default the engine's largest message. */
  maxBodyBytes?: number;
  /** Analysis worker threads; default one per core. */
  workers?: number;
  /** Time for one check in a worker. */
  jobTimeoutMs?: number;
  /** Time to receive a whole request (a 30 MB upload over a slow line needs a while). */
  requestTimeoutMs?: number;
  indicators?: Indicator[];
  limits?: ParseLimits;
  /** The folder holding web/ and dist/web/; default this package's. */
  root?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  authRequired: boolean;
  server: Server;
  pool: AnalysisPool;
  /** Removed by the retention run at start. */
  expired: number;
  close(): Promise<void>;
}

export class ConfigError extends Error {}

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOCAL_USER = 'local';
const SMALL_BODY = 64 * 1024;
const MARKS_TTL_MS = 5_000;
const QUEUE_PER_WORKER = 64;
const VERDICTS: Verdict[] = ['phishing', 'scam', 'suspicious', 'spam', 'no-threat-found'];

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const tokens = options.tokens ?? null;
  if (!isLoopback(host) && !tokens)
    throw new ConfigError(
      `listening on ${host} makes the server reachable from other machines: it needs access tokens (--tokens FILE or SAGICHECK_TOKENS)`,
    );
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const size = options.workers ?? availableParallelism();
  const pool = new AnalysisPool({
    size,
    indicators: options.indicators ?? [],
    limits,
    jobTimeoutMs: options.jobTimeoutMs ?? 30_000,
    // Back-pressure: a check that would wait behind more than QUEUE_PER_WORKER others per thread (~0.3 s of work for
    // the bench mail at ~5 ms each) is refused at once with 503 and Retry-After, so the latency of those taken stays
    // bounded instead of growing with the backlog (2,000 waiting were ~7 s on 2 cores).
    maxQueue: QUEUE_PER_WORKER * Math.max(1, size),
  });
  let db: Db;
  try {
    db = await options.db;
  } catch (err) {
    await pool.close();
    throw err;
  }
  const app = new App({
    db,
    tokens,
    loopbackOnly: isLoopback(host),
    retentionDays,
    limiter: new RateLimiter(
      options.rate?.perSecond ?? DEFAULT_RATE.perSecond,
      options.rate?.burst ?? DEFAULT_RATE.burst,
    ),
    maxBodyBytes: options.maxBodyBytes ?? limits.maxBytes,
    pool,
    files: new StaticFiles(options.root ?? PACKAGE_ROOT),
    log,
  });
  const expired = await deleteOlderThan(db, retentionDays);
  const retention = setInterval(() => {
    deleteOlderThan(db, retentionDays).catch((err: Error) => log(`retention: ${err.message}`));
    app.limiter.sweep();
  }, 3600_000);
  retention.unref();
  await app.pool.ready();

  const server = createServer((req, res) => void app.handle(req, res));
  server.requestTimeout = options.requestTimeoutMs ?? 120_000;
  server.headersTimeout = Math.min(20_000, server.requestTimeout);
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    rawProblem(
      socket,
      timeout ? 408 : 400,
      timeout ? 'Request Timeout' : 'Bad Request',
      timeout ? 'the request was not received in time' : 'malformed HTTP request',
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    host: address.address,
    port: address.port,
    authRequired: tokens !== null,
    server,
    pool: app.pool,
    expired,
    async close() {
      clearInterval(retention);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.pool.close();
    },
  };
}

/** A response written straight to the socket (the HTTP parser gave up on the request), with the usual headers. */
function rawProblem(socket: Socket, status: number, title: string, detail: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Security-Policy: ${APP_CSP}\r\n` +
      'X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCross-Origin-Opener-Policy: same-origin\r\n' +
      `X-Frame-Options: DENY\r\nConnection: close\r\n\r\n${body}`,
  );
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The user whose data the request reads and writes. */
  user: string;
  params: string[];
}

type Handler = (ctx: Ctx) => Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** Answered without a token (the API description). */
  open?: boolean;
  /** Also reachable through a signed address (the preview, loaded by an iframe that cannot send a token). */
  signed?: boolean;
}

interface AppOptions {
  db: Db;
  tokens: Map<string, string> | null;
  loopbackOnly: boolean;
  retentionDays: number;
  limiter: RateLimiter;
  maxBodyBytes: number;
  pool: AnalysisPool;
  files: StaticFiles;
  log(line: string): void;
}

class App {
  readonly pool: AnalysisPool;
  readonly limiter: RateLimiter;
  private signer = new Signer(randomBytes(32));
  private writes: InsertQueue;
  private routes: Route[];

  constructor(private o: AppOptions) {
    this.pool = o.pool;
    this.limiter = o.limiter;
    this.writes = new InsertQueue(o.db);
    const id = '([A-Za-z0-9-]{1,64})';
    this.routes = [
      { method: 'GET', pattern: /^\/api\/v1\/session$/, handler: (c) => this.session(c) },
      { method: 'GET', pattern: /^\/api\/v1\/openapi\.json$/, handler: (c) => this.openapi(c), open: true },
      { method: 'POST', pattern: /^\/api\/v1\/check$/, handler: (c) => this.check(c) },
      { method: 'GET', pattern: /^\/api\/v1\/checks$/, handler: (c) => this.list(c) },
      { method: 'GET', pattern: new RegExp(`^/api/v1/checks/${id}$`), handler: (c) => this.get(c) },
      {
        method: 'GET',
        pattern: new RegExp(`^/api/v1/checks/${id}/preview$`),
        handler: (c) => this.preview(c),
        signed: true,
      },
      {
        method: 'POST',
        pattern: new RegExp(`^/api/v1/checks/${id}/feedback$`),
        handler: (c) => this.feedback(c),
      },
      { method: 'GET', pattern: /^\/api\/v1\/marks$/, handler: (c) => this.marks(c) },
      { method: 'POST', pattern: /^\/api\/v1\/marks$/, handler: (c) => this.addMark(c) },
      { method: 'DELETE', pattern: /^\/api\/v1\/marks\/([0-9]{1,18})$/, handler: (c) => this.deleteMark(c) },
      { method: 'GET', pattern: /^\/api\/v1\/stats$/, handler: (c) => this.stats(c) },
      { method: 'GET', pattern: /^\/api\/v1\/questions$/, handler: (c) => this.questions(c) },
      ...new CaseRoutes(o.db, o.maxBodyBytes).routes(),
      ...new ChargeRoutes(o.db).routes(),
    ];
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    try {
      this.checkHost(req);
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await this.api(req, res, url);
      else await this.web(req, res, url);
    } catch (err) {
      this.fail(res, err, url.pathname);
    }
  }

  private fail(res: ServerResponse, err: unknown, path: string): void {
    let problem: HttpError;
    if (err instanceof HttpError) problem = err;
    else if (err instanceof BadCursor) problem = new HttpError(400, 'bad-cursor', 'Bad cursor', err.message);
    else {
      this.o.log(`error on ${path}: ${(err as Error)?.stack ?? err}`);
      problem = new HttpError(
        500,
        'internal',
        'Internal error',
        'the server failed on this request; see its log',
      );
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendProblem(res, problem, path);
    if (problem.headers.Connection === 'close') res.once('finish', () => res.socket?.destroy());
  }

  /**
   * A server on a loopback address answers only to loopback names: otherwise a web page whose own name an attacker
   * points at 127.0.0.1 (DNS rebinding) would be same-origin with it and could read the CSRF token.
   */
  private checkHost(req: IncomingMessage): void {
    if (!this.o.loopbackOnly) return;
    const host = req.headers.host ?? '';
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
    if (!isLoopback(name))
      throw new HttpError(
        421,
        'bad-host',
        'Misdirected request',
        'this server listens on a loopback address and answers only to localhost or 127.0.0.1',
      );
  }

  private async web(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'method', 'Method not allowed', `${req.method} is not served here`, {
        Allow: 'GET, HEAD',
      });
    if (url.pathname.startsWith('/app/')) {
      const file = await this.o.files.app(url.pathname.slice('/app/'.length));
      if (!file) throw new HttpError(404, 'not-found', 'Not found', `no file ${url.pathname}`);
      res.setHeader('Cache-Control', 'no-cache');
      return send(res, 200, file.type, file.body);
    }
    const accept = req.headers.accept ?? '';
    if (url.pathname !== '/' && !/text\/html|\*\/\*/.test(accept))
      throw new HttpError(404, 'not-found', 'Not found', `no resource ${url.pathname}`);
    const page = await this.o.files.page();
    res.setHeader('Cache-Control', 'no-cache');
    send(res, 200, page.type, page.body);
  }

  private async api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const candidates = this.routes.filter((r) => r.pattern.test(url.pathname));
    if (candidates.length === 0)
      throw new HttpError(404, 'not-found', 'Not found', `no API route ${url.pathname}`);
    const route = candidates.find((r) => r.method === method);
    if (!route)
      throw new HttpError(
        405,
        'method',
        'Method not allowed',
        `${req.method} is not allowed on ${url.pathname}`,
        {
          Allow: [...new Set(candidates.map((r) => r.method))].join(', '),
        },
      );
    const params = (route.pattern.exec(url.pathname) ?? []).slice(1);
    const bearer = this.o.tokens ? userOfBearer(req.headers.authorization, this.o.tokens) : LOCAL_USER;
    // The preview is loaded by an <iframe>, which cannot send a bearer token: its signed address stands for it.
    const signed = route.signed ? this.previewUser(url.searchParams.get('sig'), params[0]) : null;
    const user = bearer ?? signed;
    const wait = this.limiter.take(user ? `u:${user}` : `a:${req.socket.remoteAddress}`);
    if (wait !== null)
      throw new HttpError(
        429,
        'rate-limited',
        'Too many requests',
        `rate limit reached; retry in ${wait} s`,
        {
          'Retry-After': String(wait),
        },
      );
    if (!user && !route.open)
      throw new HttpError(
        401,
        'unauthorized',
        'Access token required',
        req.headers.authorization
          ? 'the access token is not valid on this server'
          : 'this server needs an access token: send Authorization: Bearer <token>',
        { 'WWW-Authenticate': 'Bearer realm="sagicheck"' },
      );
    if (method !== 'GET') this.checkCsrf(req, user ?? LOCAL_USER);
    await route.handler({ req, res, url, user: user ?? LOCAL_USER, params });
  }

  /** Who a signed preview address belongs to, when its signature holds for one of the users. */
  private previewUser(sig: string | null, id: string | undefined): string | null {
    if (!sig || !id) return null;
    const users = this.o.tokens ? new Set(this.o.tokens.values()) : new Set([LOCAL_USER]);
    for (const u of users) if (this.signer.verify(sig, 'preview', u, id)) return u;
    return null;
  }

  /**
   * A request with Origin or Sec-Fetch-Site comes from a browser: it must come from this server's own page and carry
   * the session's CSRF token. Plain API clients send neither header and are judged by their token alone.
   */
  private checkCsrf(req: IncomingMessage, user: string): void {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin === undefined && site === undefined) return;
    const reject = (why: string) => new HttpError(403, 'csrf', 'Cross-site request refused', why);
    if (origin !== undefined) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host === null || host !== req.headers.host)
        throw reject(`a request from ${origin} may not change data on this server`);
    }
    if (site !== undefined && site !== 'same-origin')
      throw reject(`a ${site} request may not change data on this server`);
    const token = req.headers['x-csrf-token'];
    if (!this.signer.verify(typeof token === 'string' ? token : undefined, 'csrf', user))
      throw reject('the X-CSRF-Token header is missing or not the one GET /api/v1/session gives');
  }

  private async session({ res, user }: Ctx): Promise<void> {
    sendJson(res, 200, {
      authRequired: this.o.tokens !== null,
      user: this.o.tokens ? user : null,
      csrfToken: this.signer.sign('csrf', user),
      retentionDays: this.o.retentionDays,
      storage: this.o.db.kind,
      features: ['recover', 'charges'],
    });
  }

  private openApiJson: string | null = null;

  private async openapi({ res }: Ctx): Promise<void> {
    this.openApiJson ??= JSON.stringify(openApiDocument(this.o.maxBodyBytes));
    sendJson(res, 200, this.openApiJson);
  }

  private async check({ req, res, user }: Ctx): Promise<void> {
    const job = await this.readJob(req);
    const outcome = await this.o.pool.run(job);
    if (!outcome.ok) throw new HttpError(422, 'unreadable', 'Input cannot be checked', outcome.detail);
    const id = randomUUID();
    const createdAt = await this.writes.add({
      id,
      user,
      kind: outcome.kind,
      verdict: outcome.verdict,
      score: outcome.score,
      brand: outcome.brand,
      subject: outcome.subject,
      senderAddress: outcome.senderAddress,
      senderDomain: outcome.senderDomain,
      reportJson: outcome.reportJson,
      reportGz: outcome.reportGz,
      reportIndexJson: outcome.reportIndexJson,
      message: outcome.message,
    });
    const marks = (await this.marksOf(user)).filter((m) =>
      markApplies(m, outcome.senderAddress, outcome.senderDomain),
    );
    sendJson(res, 201, this.record(id, createdAt, outcome.kind, outcome.reportJson, null, marks, user), {
      Location: `/api/v1/checks/${id}`,
    });
  }

  private record(
    id: string,
    createdAt: string,
    kind: string,
    reportJson: string,
    feedback: Feedback | null,
    marks: SenderMark[],
    user: string,
  ): string {
    const previewUrl = `/api/v1/checks/${id}/preview?sig=${this.signer.sign('preview', user, id)}`;
    return `{"id":${JSON.stringify(id)},"createdAt":${JSON.stringify(createdAt)},"kind":${JSON.stringify(kind)},"previewUrl":${JSON.stringify(previewUrl)},"feedback":${JSON.stringify(feedback)},"marks":${JSON.stringify(marks)},"report":${reportJson}}`;
  }

  private async readJob(req: IncomingMessage): Promise<CheckJob> {
    const contentType = req.headers['content-type'] ?? '';
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (
      type === 'message/rfc822' ||
      type === 'application/vnd.ms-outlook' ||
      type === 'application/octet-stream'
    )
      return { kind: 'email', raw: await readBody(req, this.o.maxBodyBytes), name: null };
    if (type === 'multipart/form-data') {
      const boundary = headerParam(contentType, 'boundary');
      if (!boundary)
        throw new HttpError(400, 'bad-multipart', 'Malformed multipart body', 'no boundary given');
      // The form's own lines around the file take a little room beyond the message itself.
      const body = await readBody(req, this.o.maxBodyBytes + 16 * 1024);
      const file = parseMultipart(body, boundary).find((p) => p.name === 'file');
      if (!file) throw new HttpError(400, 'no-file', 'No file', 'the form has no field named "file"');
      if (file.content.length > this.o.maxBodyBytes) throw tooLarge(this.o.maxBodyBytes);
      return { kind: 'email', raw: file.content, name: file.filename };
    }
    if (type === 'application/json') {
      const body = (await this.json(req, this.o.maxBodyBytes)) as { text?: unknown; url?: unknown };
      if (typeof body.text === 'string' && body.text.trim()) return { kind: 'text', text: body.text };
      if (typeof body.url === 'string' && body.url.trim()) return { kind: 'url', url: body.url };
      throw new HttpError(
        400,
        'bad-body',
        'Bad request body',
        'send {"text": "…"} or {"url": "…"} (non-empty)',
      );
    }
    throw new HttpError(
      415,
      'unsupported-type',
      'Unsupported content type',
      'send message/rfc822 (a raw mail), multipart/form-data with a "file" field (.eml or .msg), or application/json {"text"} / {"url"}',
      { 'Accept-Post': 'message/rfc822, multipart/form-data, application/json' },
    );
  }

  private async json(req: IncomingMessage, limit = SMALL_BODY): Promise<Record<string, unknown>> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      throw new HttpError(415, 'unsupported-type', 'Unsupported content type', 'send application/json');
    const body = await readBody(req, limit);
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw new HttpError(400, 'bad-json', 'Malformed JSON', (err as Error).message);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new HttpError(400, 'bad-body', 'Bad request body', 'the body must be a JSON object');
    return value as Record<string, unknown>;
  }

  private notFound(id: string | undefined): HttpError {
    return new HttpError(404, 'not-found', 'Not found', `no check ${id} in your history`);
  }

  private async get({ res, user, params }: Ctx): Promise<void> {
    const row = await getCheck(this.o.db, user, params[0] as string);
    if (!row) throw this.notFound(params[0]);
    const marks = await marksFor(this.o.db, user, row.senderAddress, row.senderDomain);
    sendJson(
      res,
      200,
      this.record(row.id, row.createdAt, row.kind, row.reportJson, row.feedback, marks, user),
    );
  }

  /**
   * The user's marks for the checks they POST, read once per few seconds rather than once per check (a mark changed
   * on this server is seen at once; one changed through another server sharing the database within MARKS_TTL_MS).
   */
  private marksCache = new Map<string, { at: number; marks: Promise<SenderMark[]> }>();

  private marksOf(user: string): Promise<SenderMark[]> {
    const hit = this.marksCache.get(user);
    if (hit && performance.now() - hit.at < MARKS_TTL_MS) return hit.marks;
    const marks = listMarks(this.o.db, user);
    this.marksCache.set(user, { at: performance.now(), marks });
    marks.catch(() => this.marksCache.delete(user));
    if (this.marksCache.size > 10_000) this.marksCache.clear();
    return marks;
  }

  private async preview({ res, user, params }: Ctx): Promise<void> {
    const id = params[0] as string;
    const found = await getPreview(this.o.db, user, id);
    if (found === null) throw this.notFound(id);
    let html: string;
    if (found.preview !== null) html = found.preview;
    else {
      if (!found.message)
        throw new HttpError(404, 'not-found', 'Not found', `check ${id} has no stored message`);
      const outcome = await this.o.pool.run({
        kind: 'preview',
        input: found.kind,
        message: found.message,
        reportJson: found.reportJson,
      });
      if (!outcome.ok) throw new Error(outcome.detail);
      html = outcome.preview;
      await savePreview(this.o.db, user, id, html);
    }
    res.setHeader('Content-Security-Policy', PREVIEW_HEADER_CSP);
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    send(res, 200, 'text/html; charset=utf-8', html);
  }

  private async list({ res, user, url }: Ctx): Promise<void> {
    const limit = intParam(url, 'limit', 20, 1, 100);
    const page = await listChecks(this.o.db, user, limit, url.searchParams.get('cursor'));
    sendJson(res, 200, page);
  }

  private async feedback({ req, res, user, params }: Ctx): Promise<void> {
    const body = await this.json(req);
    if (typeof body.wrong !== 'boolean')
      throw new HttpError(400, 'bad-body', 'Bad request body', '"wrong" must be true or false');
    const expected = body.expected ?? null;
    if (expected !== null && !VERDICTS.includes(expected as Verdict))
      throw new HttpError(
        400,
        'bad-body',
        'Bad request body',
        `"expected" must be one of ${VERDICTS.join(', ')}`,
      );
    const comment = body.comment ?? null;
    if (comment !== null && (typeof comment !== 'string' || comment.length > 4000))
      throw new HttpError(
        400,
        'bad-body',
        'Bad request body',
        '"comment" must be a string of at most 4000 characters',
      );
    const saved = await setFeedback(this.o.db, user, params[0] as string, {
      wrong: body.wrong,
      expected: expected as Verdict | null,
      comment: comment as string | null,
    });
    if (!saved) throw this.notFound(params[0]);
    sendJson(res, 200, saved);
  }

  private async marks({ res, user }: Ctx): Promise<void> {
    sendJson(res, 200, { items: await listMarks(this.o.db, user) });
  }

  private async addMark({ req, res, user }: Ctx): Promise<void> {
    const body = await this.json(req);
    const kind = body.kind as MarkKind;
    const list = body.list as MarkList;
    const value = typeof body.value === 'string' ? body.value.trim() : '';
    if (kind !== 'domain' && kind !== 'address')
      throw new HttpError(400, 'bad-body', 'Bad request body', '"kind" must be "domain" or "address"');
    if (list !== 'trusted' && list !== 'blocked')
      throw new HttpError(400, 'bad-body', 'Bad request body', '"list" must be "trusted" or "blocked"');
    const valid =
      kind === 'address'
        ? /^[^\s@]{1,128}@[^\s@]{1,253}$/.test(value)
        : /^(?=.{1,253}\.?$)[^\s@/:.]+(\.[^\s@/:.]+)+\.?$/.test(value);
    if (!valid)
      throw new HttpError(
        400,
        'bad-body',
        'Bad request body',
        `"value" must be ${kind === 'address' ? 'an e-mail address' : 'a domain name such as amazon.co.jp'}`,
      );
    const mark = await addMark(this.o.db, user, kind, value, list);
    this.marksCache.delete(user);
    sendJson(res, 201, mark, { Location: `/api/v1/marks/${mark.id}` });
  }

  private async deleteMark({ res, user, params }: Ctx): Promise<void> {
    this.marksCache.delete(user);
    if (!(await deleteMark(this.o.db, user, params[0] as string)))
      throw new HttpError(404, 'not-found', 'Not found', `no mark ${params[0]} in your list`);
    res.statusCode = 204;
    res.end();
  }

  private async stats({ res, user, url }: Ctx): Promise<void> {
    sendJson(res, 200, await stats(this.o.db, user, intParam(url, 'days', 30, 1, 3660)));
  }

  /** Genuine account notices among the user's checks: only the owner can say whether they did it (the second seed). */
  private async questions({ res, user }: Ctx): Promise<void> {
    sendJson(res, 200, { items: await takeoverQuestions(this.o.db, user) });
  }
}

function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new HttpError(
      400,
      'bad-parameter',
      'Bad parameter',
      `${name} must be a whole number from ${min} to ${max}`,
    );
  return n;
}

/**
 * Group commit: the checks that finish within a few milliseconds of each other go into the database in one statement
 * and one commit, and each request is answered once its row is written. A lone check (none in the last
 * LINGER_IDLE_MS) is written at once; under load a row waits up to LINGER_MS for company, or until BATCH_ROWS wait.
 * PGlite's CPU per row (bench mail, on disk): one row a commit ~1.5-1.9 ms, eight or more ~0.45 ms.
 */
const LINGER_MS = 6;
const LINGER_IDLE_MS = 25;
const BATCH_ROWS = 32;

class InsertQueue {
  private waiting: { check: NewCheck; resolve(at: string): void; reject(e: Error): void }[] = [];
  private busy = false;
  private timer: NodeJS.Timeout | null = null;
  private lastAdd = Number.NEGATIVE_INFINITY;

  constructor(private db: Db) {}

  add(check: NewCheck): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ check, resolve, reject });
      const now = performance.now();
      const idle = now - this.lastAdd > LINGER_IDLE_MS;
      this.lastAdd = now;
      if (this.busy) return;
      if (idle || this.waiting.length >= BATCH_ROWS) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), LINGER_MS);
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.busy = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, BATCH_ROWS * 4);
      try {
        const at = await insertChecks(
          this.db,
          batch.map((b) => b.check),
        );
        batch.forEach((b, i) => {
          b.resolve(at[i] as string);
        });
      } catch (err) {
        for (const b of batch) b.reject(err as Error);
      }
    }
    this.busy = false;
  }
}
