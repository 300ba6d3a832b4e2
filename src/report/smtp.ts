/** Sending a report through the user's own SMTP server: only when they ask (`--send`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** The user's own address: the From of the reports and the envelope sender. */
  from: string;
  /** Refuse to send without STARTTLS on a non-secure connection (default true, except to loopback). */
  requireTls?: boolean;
}

export const SMTP_FILE = 'smtp.json';

export const SMTP_HELP = `SMTP settings: ${SMTP_FILE} in the data folder, e.g.
  {"host": "smtp.example.jp", "port": 587, "secure": false, "user": "me@example.jp", "pass": "…", "from": "me@example.jp"}
or the environment: SAGICHECK_SMTP_HOST, SAGICHECK_SMTP_PORT, SAGICHECK_SMTP_SECURE (true|false),
SAGICHECK_SMTP_USER, SAGICHECK_SMTP_PASS, SAGICHECK_SMTP_FROM (the environment wins over the file).
`;

/** Settings from `<dir>/smtp.json`, overridden field by field by SAGICHECK_SMTP_* variables; null when no host/from. */
export function loadSmtpSettings(dir: string, env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  let file: Partial<SmtpSettings> = {};
  try {
    file = JSON.parse(readFileSync(join(dir, SMTP_FILE), 'utf8')) as Partial<SmtpSettings>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`cannot read ${join(dir, SMTP_FILE)}: ${(err as Error).message}`);
    }
  }
  const host = env.SAGICHECK_SMTP_HOST ?? file.host;
  const from = env.SAGICHECK_SMTP_FROM ?? file.from ?? env.SAGICHECK_SMTP_USER ?? file.user;
  if (!host || !from) return null;
  const secureText = env.SAGICHECK_SMTP_SECURE;
  const secure = secureText !== undefined ? secureText === 'true' : (file.secure ?? false);
  const port = Number(env.SAGICHECK_SMTP_PORT ?? file.port ?? (secure ? 465 : 587));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`SMTP port ${port} is not valid`);
  const user = env.SAGICHECK_SMTP_USER ?? file.user;
  const pass = env.SAGICHECK_SMTP_PASS ?? file.pass;
  return {
    host,
    port,
    secure,
    from,
    ...(user ? { user } : {}),
    ...(pass ? { pass } : {}),
    ...(file.requireTls !== undefined ? { requireTls: file.requireTls } : {}),
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '[::1]';
}

/** Sends one ready message as it is (no re-encoding); returns the server's reply and the accepted recipients. */
export async function sendRaw(
  settings: SmtpSettings,
  envelope: { from: string; to: string[] },
  raw: Buffer,
): Promise<{ response: string; accepted: string[]; messageId: string }> {
  const requireTls = settings.requireTls ?? !isLoopback(settings.host);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: !settings.secure && requireTls,
    ignoreTLS: !settings.secure && !requireTls,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.pass ?? '' } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return {
      response: String(info.response ?? ''),
      accepted: (info.accepted ?? []).map((a: unknown) =>
        typeof a === 'string' ? a : String((a as { address?: string }).address),
      ),
      messageId: String(info.messageId ?? ''),
    };
  } finally {
    transport.close();
  }
}
