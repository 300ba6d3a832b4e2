import { open, readdir, readFile, stat } from 'node:fs/promises';
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

/** Expands files, folders (recursively, message files only) and mbox files into messages, in input order. */
export async function* expandInputs(paths: string[], maxBytes: number): AsyncGenerator<Input> {
  for (const path of paths) {
    if (path === '-') {
      yield { source: { path: '-' }, raw: await readStdin() };
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (err) {
      yield { source: { path }, error: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? err}` };
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path, { recursive: true })).filter((n) => MESSAGE_FILES.test(n)).sort();
      yield* expandInputs(
        names.map((n) => join(path, n)),
        maxBytes,
      );
      continue;
    }
    yield* readFileInput(path, info.size, maxBytes);
  }
}

async function* readFileInput(path: string, size: number, maxBytes: number): AsyncGenerator<Input> {
  const head = Buffer.alloc(5);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, 5, 0);
  } finally {
    await fh.close();
  }
  if (isMbox(head)) {
    let index = 0;
    for await (const raw of readMbox(path)) yield { source: { path, index: index++ }, raw };
    return;
  }
  if (size > maxBytes) {
    yield {
      source: { path },
      error: `${path} is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit (--max-size)`,
    };
    return;
  }
  const raw = await readFile(path);
  if (/\.msg$/i.test(path) || isOleFile(raw)) {
    try {
      yield { source: { path }, raw: msgToEml(raw) };
    } catch (err) {
      yield { source: { path }, error: `cannot read Outlook .msg ${path}: ${(err as Error).message}` };
    }
    return;
  }
  yield { source: { path }, raw };
}

/** Outlook .msg files are OLE compound documents. */
function isOleFile(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}
