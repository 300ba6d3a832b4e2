import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../engine/report.js';
import { isMbox, readMbox } from './mbox.js';
import { msgToEml } from './msg.js';

/** One message to check, or the reason it could not be read. */
export type Input = { source: Source; raw: Uint8Array } | { source: Source; error: string };

const MESSAGE_FILES = /\.(eml|msg|mbox|mbx|txt)$/i;

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Bytes the inputs hold (files, folders' message files, mbox files), for the progress bar; null for stdin. */
export function totalBytes(paths: string[]): number | null {
  let sum = 0;
  for (const path of paths) {
    if (path === '-') return null;
    try {
      const info = statSync(path);
      if (!info.isDirectory()) sum += info.size;
      else
        for (const n of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
          if (MESSAGE_FILES.test(n)) sum += statSync(join(path, n)).size;
        }
    } catch {
      // Unreadable paths are reported when they are read.
    }
  }
  return sum;
}

/** Expands files, folders (recursively, message files only) and mbox files into messages, in input order. */
export async function* expandInputs(paths: string[], maxBytes: number): AsyncGenerator<Input> {
  for (const path of paths) {
    if (path === '-') {
      yield fromBytes({ path: '-' }, await readStdin());
      continue;
    }
    yield* readPath(path, maxBytes);
  }
}

/**
 * One path: a folder's message files, an mbox's messages, or the message a file holds. Synchronous file calls, as
 * few as can be (open, fstat, the first bytes, the rest, close): a batch reads thousands of small files one after
 * another, and a thread-pool round trip for each left the CLI idle a quarter of the time.
 */
async function* readPath(path: string, maxBytes: number): AsyncGenerator<Input> {
  let fd: number;
  let info: ReturnType<typeof fstatSync>;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    yield cannotRead(path, err);
    return;
  }
  let raw: Buffer | null = null;
  let mbox = false;
  try {
    info = fstatSync(fd);
    if (!info.isDirectory()) {
      // An mbox is streamed message by message whatever its size; any other file is read whole, within the limit.
      mbox = isMbox(readHead(fd));
      if (!mbox && info.size <= maxBytes) raw = readWhole(fd, info.size);
    }
  } catch (err) {
    yield cannotRead(path, err);
    return;
  } finally {
    closeSync(fd);
  }
  if (info.isDirectory()) {
    const names = readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((n) => MESSAGE_FILES.test(n))
      .sort();
    yield* expandInputs(
      names.map((n) => join(path, n)),
      maxBytes,
    );
    return;
  }
  if (mbox) {
    let index = 0;
    for await (const m of readMbox(path)) yield { source: { path, index: index++ }, raw: m };
    return;
  }
  if (!raw) {
    yield {
      source: { path },
      error: `${path} is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit (--max-size)`,
    };
    return;
  }
  yield fromBytes({ path }, raw);
}

function cannotRead(path: string, err: unknown): Input {
  return { source: { path }, error: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? err}` };
}

function readHead(fd: number): Buffer {
  const head = Buffer.alloc(5);
  return head.subarray(0, readSync(fd, head, 0, 5, 0));
}

/** The whole file from an open descriptor whose size fstat gave; reads on if it grew, stops early if it shrank. */
function readWhole(fd: number, size: number): Buffer {
  let buf = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, length);
    if (n === 0) break;
    length += n;
  }
  return buf.subarray(0, length);
}

/** Outlook .msg files (OLE compound documents, whatever their name) become RFC 5322 here; the rest pass as they are. */
function fromBytes(source: Source, raw: Uint8Array): Input {
  if (!isOleFile(raw)) return { source, raw };
  try {
    return { source, raw: msgToEml(raw) };
  } catch (err) {
    return { source, error: (err as Error).message };
  }
}

/** Outlook .msg files are OLE compound documents. */
function isOleFile(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}
