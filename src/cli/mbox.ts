import { createReadStream } from 'node:fs';

/** True when a file starts like an mbox ("From " separator line). */
export function isMbox(head: Uint8Array): boolean {
  return head.length >= 5 && Buffer.from(head.subarray(0, 5)).toString('latin1') === 'From ';
}

const SEP = Buffer.from('\nFrom ');

/**
 * Streams the messages of an mbox file one at a time, so a large mailbox never sits in memory whole.
 * mboxrd quoting (">From ") is undone; a separator is a "From " line after a newline.
 */
export async function* readMbox(path: string, chunkSize = 1 << 20): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: chunkSize })) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (;;) {
      const at = pending.indexOf(SEP, start + 1);
      if (at < 0) break;
      yield unquote(stripSeparator(pending.subarray(start, at + 1)));
      start = at + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length) yield unquote(stripSeparator(pending));
}

function stripSeparator(msg: Buffer): Buffer {
  if (msg.subarray(0, 5).toString('latin1') !== 'From ') return msg;
  const nl = msg.indexOf(10);
  return nl < 0 ? Buffer.alloc(0) : msg.subarray(nl + 1);
}

function unquote(msg: Buffer): Buffer {
  if (msg.indexOf('\n>From ') < 0 && msg.indexOf('\n>>From ') < 0) return msg;
  return Buffer.from(msg.toString('latin1').replace(/\n>(>*From )/g, '\n$1'), 'latin1');
}
