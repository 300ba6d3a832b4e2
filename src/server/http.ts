import type { IncomingMessage, ServerResponse } from 'node:http';

/** The app's policy, sent on every response but the preview (see the web contract). */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

/** Headers every response carries, whatever it is (errors, static files, 413 sent before the body was read). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
}

/** An error answered as RFC 9457 problem details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Short and fixed per kind of problem; the slug names its `type`. */
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const PROBLEM_BASE = 'urn:sagicheck:problem:';

export function sendProblem(res: ServerResponse, err: HttpError, instance?: string): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  send(
    res,
    err.status,
    'application/problem+json; charset=utf-8',
    JSON.stringify({
      type: `${PROBLEM_BASE}${err.slug}`,
      title: err.title,
      status: err.status,
      detail: err.detail,
      ...(instance ? { instance } : {}),
    }),
  );
}

/** JSON already serialised (reports are serialised once, in the worker that made them) or a value to serialise. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  send(
    res,
    status,
    'application/json; charset=utf-8',
    typeof body === 'string' ? body : JSON.stringify(body),
  );
}

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export const tooLarge = (limit: number) =>
  new HttpError(
    413,
    'too-large',
    'Request body too large',
    `the body is over the ${formatBytes(limit)} limit (the largest message checked); send a smaller message`,
    { Connection: 'close' },
  );

function formatBytes(n: number): string {
  return n >= 1048576 ? `${+(n / 1048576).toFixed(1)} MB` : `${n} bytes`;
}

/** The whole body, refusing at once one declared or found to be over `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/** The value of one parameter of a header such as Content-Type (`boundary`, `charset`). */
export function headerParam(header: string, name: string): string | null {
  const re = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i');
  const m = re.exec(header);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

export interface Part {
  name: string | null;
  filename: string | null;
  type: string | null;
  content: Buffer;
}

/** multipart/form-data (RFC 7578) held in memory (the body is already bounded by the size limit). */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const bad = (why: string) => new HttpError(400, 'bad-multipart', 'Malformed multipart body', why);
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw bad('the boundary of the Content-Type header does not occur in the body');
  for (;;) {
    let start = at + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return parts;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const headEnd = body.indexOf('\r\n\r\n', start);
    if (headEnd < 0) throw bad('a part has no end of headers');
    const head = body.subarray(start, headEnd).toString('utf8');
    const end = body.indexOf(next, headEnd + 4);
    if (end < 0) throw bad('the closing boundary is missing');
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
    parts.push({
      name: headerParam(disposition, 'name'),
      filename: headerParam(disposition, 'filename'),
      type: /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? null,
      content: body.subarray(headEnd + 4, end),
    });
    at = end + 2;
  }
}
