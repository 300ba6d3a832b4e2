import pkg from '@kenjiuno/msgreader';

// A CommonJS package: under ESM its `exports.default` (the class) arrives as a property of the default import.
const MsgReader = (pkg as unknown as { default: typeof pkg.default }).default;

const CONTENT_HEADERS = /^(content-[a-z-]+|mime-version):/i;

/**
 * Outlook .msg to RFC 5322: the transport headers Outlook kept (Received, Authentication-Results …) stay as they
 * were; the body parts are re-encoded in a fresh MIME tree, since the original boundaries are gone.
 */
export function msgToEml(raw: Uint8Array): Buffer {
  const reader = new MsgReader(new DataView(raw.buffer, raw.byteOffset, raw.byteLength));
  const f = reader.getFileData();
  if (f.error) throw new Error(f.error);
  const transport = unfold(f.headers ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !CONTENT_HEADERS.test(l));
  const lines = transport.length
    ? transport
    : [
        `From: ${encode(f.senderName ?? '')} <${f.senderSmtpAddress ?? f.senderEmail ?? ''}>`,
        `Subject: ${encode(f.subject ?? '')}`,
      ];
  const boundary = `sagicheck-msg-${Math.random().toString(36).slice(2)}`;
  const parts: string[] = [];
  if (f.body) parts.push(part('text/plain; charset=utf-8', Buffer.from(f.body)));
  const html = f.bodyHtml ?? (f.html ? Buffer.from(f.html).toString('utf8') : null);
  if (html) parts.push(part('text/html; charset=utf-8', Buffer.from(html)));
  for (const a of f.attachments ?? []) {
    const data = reader.getAttachment(a);
    const name = data.fileName.replace(/"/g, '');
    parts.push(part(`application/octet-stream; name="${encode(name)}"`, Buffer.from(data.content), name));
  }
  const head = [...lines, 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`].join(
    '\r\n',
  );
  const body = parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${body}\r\n--${boundary}--\r\n`);
}

function part(type: string, content: Buffer, filename?: string): string {
  const disposition = filename ? `Content-Disposition: attachment; filename="${encode(filename)}"\r\n` : '';
  const b64 = content.toString('base64').replace(/.{76}/g, '$&\r\n');
  return `Content-Type: ${type}\r\n${disposition}Content-Transfer-Encoding: base64\r\n\r\n${b64}\r\n`;
}

function unfold(headers: string): string {
  return headers.replace(/\r?\n[ \t]+/g, ' ');
}

function encode(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;
}
