/** Test-only builders for mails with attachments (Node's Buffer is fine here). */

/** A mail with one attachment; `zip` lists entry names for a minimal ZIP. */
export function withAttachment(
  name: string,
  mime: string,
  content: Uint8Array | string,
  body = 'Please see the file.',
): string {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return [
    'From: Taro <taro@example.jp>',
    'To: user@example.jp',
    'Subject: file',
    'Date: Fri, 08 May 2020 10:00:00 +0900',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '--b1',
    `Content-Type: ${mime}; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(bytes).toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');
}

/** Minimal stored ZIP: local headers (flag bit 0 when encrypted) and a central directory. */
export function zip(entries: { name: string; encrypted?: boolean }[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) =>
    a.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff);
  for (const e of entries) {
    const name = [...new TextEncoder().encode(e.name)];
    const offset = parts.length;
    const flags = e.encrypted ? 1 : 0;
    u32(parts, 0x04034b50);
    u16(parts, 20);
    u16(parts, flags);
    for (let i = 0; i < 3; i++) u16(parts, 0); // method (stored), time, date
    u32(parts, 0); // crc
    u32(parts, 4);
    u32(parts, 4);
    u16(parts, name.length);
    u16(parts, 0);
    parts.push(...name, 1, 2, 3, 4);
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, flags);
    for (let i = 0; i < 3; i++) u16(central, 0);
    u32(central, 0);
    u32(central, 4);
    u32(central, 4);
    u16(central, name.length);
    for (let i = 0; i < 4; i++) u16(central, 0); // extra, comment, disk, internal attributes
    u32(central, 0); // external attributes
    u32(central, offset);
    central.push(...name);
  }
  const cdOffset = parts.length;
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, entries.length);
  u16(end, entries.length);
  u32(end, central.length);
  u32(end, cdOffset);
  u16(end, 0);
  return new Uint8Array([...parts, ...central, ...end]);
}
