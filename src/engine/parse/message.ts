import type { Forwarded, InputKind, Text } from '../report.js';
import { digestHtml, type HtmlDigest } from './html.js';

export interface Header {
  /** Lower-case name. */
  key: string;
  /** Unfolded value, encoded words left as they are. */
  value: string;
}

export interface Mailbox {
  name: string;
  address: string;
}

export interface Attachment {
  filename: string | null;
  mimeType: string;
  size: number;
  content: Uint8Array;
}

/** What every rule sees: one model for mail, SMS text and bare URLs. */
export interface Message {
  kind: InputKind;
  /** Top (newest hop) to bottom, as in the source. */
  headers: Header[];
  subject: string | null;
  from: Mailbox | null;
  replyTo: Mailbox[];
  returnPath: string | null;
  date: string | null;
  /** The plain-text body (or the SMS text). */
  text: string;
  html: string | null;
  /** Derived once from `html`: visible text, links, images, forms. */
  htmlDigest: HtmlDigest | null;
  attachments: Attachment[];
  forwarded: Forwarded | null;
  problems: Text[];
  /** The source this model was parsed from (the inner original for a forward as attachment); null for text/URL. */
  raw: Uint8Array | string | null;
}

export function emptyMessage(kind: InputKind): Message {
  return {
    kind,
    headers: [],
    subject: null,
    from: null,
    replyTo: [],
    returnPath: null,
    date: null,
    text: '',
    html: null,
    htmlDigest: null,
    attachments: [],
    forwarded: null,
    problems: [],
    raw: null,
  };
}

export function withHtml(message: Message, html: string | null): Message {
  message.html = html;
  message.htmlDigest = html ? digestHtml(html) : null;
  return message;
}

/** The text a reader sees: subject, plain body, or the HTML's visible text when there is no plain part. */
export function visibleText(message: Message): string {
  const body = message.text.trim() ? message.text : (message.htmlDigest?.text ?? '');
  return message.subject ? `${message.subject}\n${body}` : body;
}

/** Headers that name a mailing list (RFC 2919, RFC 2369 and the older Mailing-List forms). */
const LIST_HEADERS = ['list-id', 'list-post', 'mailing-list', 'x-mailing-list'];

/** Mail distributed by a mailing list: its sender name, links and Reply-To follow the list, not a single sender. */
export function isListMail(message: Message): boolean {
  return message.headers.some((h) => LIST_HEADERS.includes(h.key));
}

export function headerValues(message: Message, key: string): string[] {
  return message.headers.filter((h) => h.key === key).map((h) => h.value);
}
