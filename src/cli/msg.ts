import pkg from '@kenjiuno/msgreader';

// A CommonJS package: under ESM its `exports.default` (the class) arrives as a property of the default import.
const MsgReader = (pkg as unknown as { default: typeof pkg.default }).default;

const CONTENT_HEADERS = /^(content-[a-z-]+|mime-version):/i;

/**
 * Outlook .msg to RFC 5322: the transport headers Outlook kept (Received, Authentication-Results …) stay as they
 * were; the body parts are re-encoded in a fresh MIME tree, since the original boundaries are gone.
 */
export function msgToEml(raw: Uint8Array): Buffer {
  checkCompoundFile(raw);
  const reader = new MsgReader(new DataView(raw.buffer, raw.byteOffset, raw.byteLength));
  let f: ReturnType<typeof reader.getFileData>;
  try {
    f = reader.getFileData();
  } catch (err) {
    throw new Error(`damaged Outlook .msg (${(err as Error).message})`);
  }
  if (f.error) throw new Error(`damaged Outlook .msg (${f.error})`);
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
    // Attached by reference or as an OLE object: no file content to check.
    if (a.dataId === undefined && !a.innerMsgContent) continue;
    const data = reader.getAttachment(a);
    // Some writers keep only the 8.3 name (PidTagAttachFilename) and no long name.
    const name = (data.fileName ?? a.fileNameShort ?? a.name ?? 'attachment').replace(/"/g, '');
    parts.push(part(`application/octet-stream; name="${encode(name)}"`, Buffer.from(data.content), name));
  }
  const head = [...lines, 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`].join(
    '\r\n',
  );
  const body = parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${body}\r\n--${boundary}--\r\n`);
}

/** Outlook .msg files are OLE compound documents ([MS-CFB] 2.2 header signature), whatever their name. */
export function isOleFile(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** A message as RFC 5322: an Outlook .msg converted by msgToEml (which throws on a damaged one), anything else as is. */
export function asRfc822(raw: Uint8Array): Uint8Array {
  return isOleFile(raw) ? msgToEml(raw) : raw;
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

/**
 * @kenjiuno/msgreader follows sector chains and the directory tree with no bound: one loop in a damaged (or hostile)
 * file made it allocate until the process died. So first walk what it will walk, as it does ([MS-CFB] 2.2 header,
 * 2.3 FAT, 2.4 mini FAT, 2.5 DIFAT, 2.6 directory), and refuse a chain or tree that leaves the file or loops.
 */
function checkCompoundFile(b: Uint8Array): void {
  const bad = (why: string) => new Error(`damaged Outlook .msg (${why})`);
  if (b.byteLength < 512) throw bad('shorter than a compound file header');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const int = (at: number) => {
    if (at < 0 || at + 4 > b.byteLength) throw bad('a sector lies past the end of the file');
    return v.getInt32(at, true);
  };
  const END = -2;
  const size = v.getUint8(30) === 12 ? 4096 : 512;
  const per = size / 4;
  const sectors = Math.ceil(b.byteLength / size) - 1;
  const at = (sector: number) => (sector + 1) * size;
  const inRange = (s: number, what: string) => {
    if (s < 0 || s >= sectors) throw bad(`${what} points outside the file`);
    return s;
  };
  // FAT sector list: up to 109 in the header, the rest in the DIFAT chain.
  const fatCount = int(0x2c);
  if (fatCount < 0 || fatCount > sectors) throw bad('FAT size');
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i++) fat.push(inRange(int(0x4c + 4 * i), 'FAT'));
  let remaining = fatCount - fat.length;
  let difat = int(0x44);
  for (let n = 0; n < int(0x48); n++) {
    if (n >= sectors) throw bad('DIFAT loops');
    const base = at(inRange(difat, 'DIFAT'));
    const count = Math.min(remaining, per - 1);
    for (let j = 0; j < count; j++) {
      const s = int(base + 4 * j);
      if (s === END || s === -1) break;
      fat.push(inRange(s, 'FAT'));
    }
    remaining -= count;
    difat = int(base + 4 * (per - 1));
    if (difat === END || difat === -1) break;
  }
  const nextIn = (table: number[]) => (s: number) => {
    const sector = table[Math.floor(s / per)];
    return sector === undefined ? END : int(at(sector) + 4 * (s % per));
  };
  const nextFat = nextIn(fat);
  const walk = (start: number, next: (s: number) => number, limit: number, what: string): number[] => {
    const chain: number[] = [];
    for (let s = start; s !== END; s = next(s)) {
      if (s < 0 || s >= limit || chain.length >= limit) throw bad(`broken ${what} chain`);
      chain.push(s);
    }
    return chain;
  };
  // Mini FAT sectors, as msgreader collects them (a first sector 0 counts as none).
  const miniCount = int(0x40);
  if (miniCount < 0 || miniCount > sectors) throw bad('mini FAT size');
  const miniFat: number[] = [];
  for (let s = int(0x3c); miniFat.length < miniCount && s && s !== END; s = nextFat(s))
    miniFat.push(inRange(s, 'mini FAT'));
  const nextMini = nextIn(miniFat);
  // Directory entries (2.6.1) and the sibling trees under each storage (2.6.4), each entry reached once.
  const dir = walk(int(0x30), nextFat, sectors, 'directory').flatMap((s) =>
    Array.from({ length: size / 128 }, (_, i) => at(s) + 128 * i),
  );
  const entry = (id: number) => {
    const o = dir[id] as number;
    return { type: v.getUint8(o + 0x42), left: int(o + 0x44), right: int(o + 0x48), child: int(o + 0x4c), o };
  };
  if (!dir.length || entry(0).type !== 5) throw bad('no root entry');
  const root = entry(0);
  walk(int(root.o + 0x74), nextFat, sectors, 'mini stream');
  const seen = new Set<number>([0]);
  const todo = [root.child];
  while (todo.length) {
    const id = todo.pop() as number;
    if (id === -1) continue;
    if (id < 0 || id >= dir.length || seen.has(id)) throw bad('directory tree loops');
    seen.add(id);
    const e = entry(id);
    if (e.type !== 1 && e.type !== 2 && e.type !== 5) continue; // msgreader reads other types as link-less
    todo.push(e.left, e.right);
    if (e.type === 1) todo.push(e.child);
    const length = int(e.o + 0x78);
    if (e.type !== 2 || length === 0) continue;
    if (length < 0 || length > b.byteLength) throw bad('a stream is larger than the file');
    const start = int(e.o + 0x74);
    if (length < 4096) walk(start, nextMini, miniFat.length * per, 'mini sector');
    else walk(start, nextFat, sectors, 'sector');
  }
}
