import type { Mailbox } from './message.js';

export interface InlineForward {
  from: Mailbox | null;
  subject: string | null;
  date: string | null;
  body: string;
}

// Separators that mail clients put above an inline-forwarded message (Gmail, Outlook, Apple Mail, in en and ja).
const MARKER =
  /^[ \t>]*(?:-{5,}\s*(?:Forwarded message|Original Message|転送メッセージ|元のメッセージ)\s*-{5,}|Begin forwarded message:|転送されたメッセージ:|_{10,})[ \t]*$/im;

const FIELDS: Record<string, 'from' | 'subject' | 'date' | 'to'> = {
  from: 'from',
  差出人: 'from',
  送信者: 'from',
  subject: 'subject',
  件名: 'subject',
  date: 'date',
  sent: 'date',
  日付: 'date',
  送信日時: 'date',
  to: 'to',
  宛先: 'to',
  cc: 'to',
};

/** The original inside an inline forward: the header block after the marker, then its body. */
export function findInlineForward(body: string): InlineForward | null {
  const marker = MARKER.exec(body);
  if (!marker) return null;
  const lines = body.slice(marker.index + marker[0].length).split(/\r?\n/);
  const found: Partial<Record<'from' | 'subject' | 'date' | 'to', string>> = {};
  let i = 0;
  while (i < lines.length && !lines[i]?.trim()) i++;
  for (; i < lines.length; i++) {
    const m = /^[ \t>*]*([^:：]{1,12})[:：]\s*(.*)$/.exec(lines[i] ?? '');
    const field = m?.[1] ? FIELDS[m[1].trim().replace(/\*/g, '').toLowerCase()] : undefined;
    if (!m || !field) break;
    found[field] = (m[2] ?? '').replace(/\*+$/, '').trim();
  }
  if (!found.from && !found.subject) return null;
  return {
    from: found.from ? parseMailbox(found.from) : null,
    subject: found.subject ?? null,
    date: found.date ?? null,
    body: lines.slice(i).join('\n').trim(),
  };
}

function parseMailbox(value: string): Mailbox {
  const angle = /^(.*?)\s*[<＜[]\s*(?:mailto:)?([^<>\s\]]+@[^<>\s\]]+)\s*[>＞\]]/.exec(value);
  if (angle) return { name: (angle[1] ?? '').replace(/^["']|["']$/g, '').trim(), address: angle[2] ?? '' };
  const bare = /[^\s<>"]+@[^\s<>"]+/.exec(value);
  return { name: bare ? value.replace(bare[0], '').trim() : value, address: bare?.[0] ?? '' };
}
