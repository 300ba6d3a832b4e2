import PostalMime, { type Address, addressParser, decodeWords, type Email } from 'postal-mime';
import type { Text } from '../report.js';
import { findInlineForward } from './forwarded.js';
import { type Attachment, emptyMessage, type Mailbox, type Message, withHtml } from './message.js';

export interface ParseLimits {
  /** Bytes; larger input is refused before parsing. */
  maxBytes: number;
  /** MIME nesting depth. */
  maxDepth: number;
  /** Total header bytes of all parts. */
  maxHeaderBytes: number;
  /** Characters of the text and of the HTML body analysed; the rest is skipped and said so. */
  maxBodyChars: number;
  /** Milliseconds of rule checks per message; rules left when it runs out are skipped and the report says so. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 30 * 1024 * 1024,
  maxDepth: 64,
  maxHeaderBytes: 1024 * 1024,
  maxBodyChars: 512 * 1024,
  maxMillis: 2000,
};

/** Input that cannot be read at all; the message is said in English for logs and stderr. */
export class UnreadableInput extends Error {
  override name = 'UnreadableInput';
}

const decoder = new TextDecoder('utf-8');

export async function parseEmail(
  raw: Uint8Array | string,
  limits: ParseLimits = DEFAULT_LIMITS,
): Promise<Message> {
  const size = typeof raw === 'string' ? raw.length : raw.byteLength;
  if (size === 0) throw new UnreadableInput('empty input');
  if (size > limits.maxBytes) {
    throw new UnreadableInput(
      `message is ${mb(size)} MB, over the ${mb(limits.maxBytes)} MB limit (--max-size)`,
    );
  }
  if (!looksLikeMessage(raw)) throw new UnreadableInput('not an e-mail message: no header block found');
  let email: Email;
  try {
    email = await PostalMime.parse(raw, {
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: limits.maxDepth,
      maxHeadersSize: limits.maxHeaderBytes,
    });
  } catch (err) {
    throw new UnreadableInput(`cannot parse MIME: ${(err as Error).message}`);
  }
  const message = fromPostal(email, limits);
  message.raw = raw;
  return unwrapForward(message, limits);
}

function fromPostal(email: Email, limits: ParseLimits): Message {
  const m = emptyMessage('email');
  m.headers = email.headers.map((h) => ({ key: h.key, value: h.value }));
  m.subject = email.subject ?? null;
  m.from = firstMailbox(email.from, fromList(email));
  m.replyTo = (email.replyTo ?? []).flatMap(mailboxes);
  m.returnPath = email.returnPath ?? null;
  m.date = m.headers.find((h) => h.key === 'date')?.value ?? null;
  const text = email.text ?? '';
  const html = email.html ?? null;
  if (text.length > limits.maxBodyChars || (html?.length ?? 0) > limits.maxBodyChars) {
    m.problems.push(
      problem(
        `本文が長すぎるため、先頭の${limits.maxBodyChars.toLocaleString()}文字だけを検査しました`,
        `the body is too long: only its first ${limits.maxBodyChars.toLocaleString()} characters were checked`,
      ),
    );
  }
  m.text = text.slice(0, limits.maxBodyChars);
  withHtml(m, html?.slice(0, limits.maxBodyChars) ?? null);
  m.attachments = email.attachments.map((a): Attachment => {
    const content =
      typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);
    return { filename: a.filename, mimeType: a.mimeType.toLowerCase(), size: content.byteLength, content };
  });
  if (!m.headers.some((h) => h.key === 'from' || h.key === 'subject' || h.key === 'received')) {
    m.problems.push(
      problem('ヘッダーに From・Subject・Received がありません', 'no From, Subject or Received header'),
    );
  }
  return m;
}

/** A message forwarded as an attachment, or inline, is judged by the original inside it. */
async function unwrapForward(outer: Message, limits: ParseLimits): Promise<Message> {
  const attached = outer.attachments.filter((a) => a.mimeType === 'message/rfc822');
  if (attached.length === 1 && attached[0]) {
    try {
      const inner = await parseEmail(attached[0].content, limits);
      inner.forwarded = { how: 'attachment', by: outer.from?.address ?? null };
      return inner;
    } catch {
      outer.problems.push(
        problem(
          '添付された元のメールを読み取れませんでした',
          'the attached original message could not be read',
        ),
      );
      return outer;
    }
  }
  const body = outer.text.trim() ? outer.text : (outer.htmlDigest?.text ?? '');
  const inline = findInlineForward(body);
  if (!inline) return outer;
  const inner = emptyMessage('email');
  inner.subject = inline.subject;
  inner.from = inline.from;
  inner.date = inline.date;
  inner.text = inline.body;
  inner.html = outer.html;
  // Links and images of an inline forward are the original's: the forwarder adds none of their own.
  inner.htmlDigest = outer.htmlDigest;
  inner.attachments = outer.attachments;
  inner.forwarded = { how: 'inline', by: outer.from?.address ?? null };
  inner.problems = [
    ...outer.problems,
    problem(
      '転送（本文への引用）のため元の送信経路ヘッダーがなく、送信元を確認できません。添付ファイルとして転送すると確認できます',
      'forwarded inline: the original transport headers are gone, so the sender cannot be verified; forward as an attachment to verify it',
    ),
  ];
  return inner;
}

function looksLikeMessage(raw: Uint8Array | string): boolean {
  const head = typeof raw === 'string' ? raw.slice(0, 4096) : decoder.decode(raw.subarray(0, 4096));
  // At least one "Name: value" line at the start, before any blank line (mbox "From " lines are split off earlier).
  return /^(?:[\x21-\x39\x3b-\x7e]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*[\x21-\x39\x3b-\x7e]+:/.test(
    head.replace(/^\uFEFF/, ''),
  );
}

/**
 * The From mailbox. Unquoted commas in a display name (`Microsoft account team ,_<x@evil.example>`) split it into
 * several entries; the name parts before the first address belong to that address.
 */
function firstMailbox(
  address: Address | undefined,
  all: Address[] = address ? [address] : [],
): Mailbox | null {
  const boxes = all.flatMap(mailboxes);
  const i = boxes.findIndex((b) => b.address);
  if (i < 0) return boxes[0] ?? null;
  const name = boxes
    .slice(0, i + 1)
    .map((b) => b.name.replace(/^[\s,_]+|[\s,_]+$/g, ''))
    .filter(Boolean)
    .join(' ');
  return { name, address: boxes[i]?.address ?? '' };
}

/** postal-mime keeps only the first From entry; re-read the header for the rest. */
function fromList(email: Email): Address[] {
  const raw = email.headers.find((h) => h.key === 'from')?.value;
  if (!raw) return email.from ? [email.from] : [];
  const parsed = addressParser(decodeWords(raw));
  return parsed.length ? parsed : email.from ? [email.from] : [];
}

function mailboxes(address: Address): Mailbox[] {
  if ('group' in address && address.group)
    return address.group.map((g) => ({ name: g.name, address: g.address }));
  return [{ name: address.name, address: (address as { address: string }).address ?? '' }];
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function problem(ja: string, en: string): Text {
  return { ja, en };
}
