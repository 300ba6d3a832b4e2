/** Starts the real server for API tests (port 0, one analysis thread) and talks to it over loopback HTTP. */
import { request as httpRequest } from 'node:http';
import { type RunningServer, type ServerOptions, startServer } from '../../src/server/app.js';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/schema.js';

export async function start(
  db: Db,
  options: Partial<ServerOptions> = {},
): Promise<RunningServer & { base: string }> {
  await migrate(db, MIGRATIONS);
  const server = await startServer({
    db,
    port: 0,
    workers: 1,
    rate: { perSecond: 0, burst: 1 },
    log: (l: string) => process.env.LOG_SERVER && process.stderr.write(`${l}\n`),
    ...options,
  });
  // Bound to 0.0.0.0 or 127.0.0.1: either is reached through loopback.
  return { ...server, base: `http://127.0.0.1:${server.port}` };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are read field by field
  json: any;
}

/** node:http rather than fetch: it sends exactly the headers given (no Origin, no Sec-Fetch-*) unless told to. */
export function call(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Uint8Array; json?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        if (/json/.test(String(res.headers['content-type']))) json = JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A multipart/form-data body with one file field. */
/** A multipart/form-data body: the text fields, then the file (if any). */
export function formBody(
  fields: Record<string, string>,
  file: { field: string; filename: string; content: Uint8Array | string; type: string } | null,
) {
  const boundary = `----sagicheck${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** One file upload beside an unrelated text field (the server must pick the file by its field name). */
export function multipart(
  field: string,
  filename: string,
  content: Uint8Array | string,
  type = 'application/octet-stream',
) {
  return formBody({ note: 'hello' }, { field, filename, content, type });
}

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export const APP_CSP_START = "default-src 'self'; script-src 'self'";
