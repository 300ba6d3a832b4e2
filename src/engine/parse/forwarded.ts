import type { Mailbox } from './message.js';

export interface InlineForward {
  from: Mailbox | null;
  subject: string | null;
  date: string | null;
  body: string;
}

// Separators that mail clients put above an inline-forwarded message: Gmail, Outlook (-----Original Message-----, a
// line of underscores), Thunderbird (-------- Forwarded Message --------), Yahoo (----- Forwarded Message -----),
// Apple Mail (Begin forwarded message:), in en and ja, and a bare long rule of dashes.
const MARKER =
  /^[ \t>]*(?:-{3,}\s*(?:Forwarded message|Original Message|Message transféré|Mensagem encaminhada|Mensaje reenviado|Weitergeleitete Nachricht|Ursprüngliche Nachricht|転送メッセージ|転送されたメッセージ|元のメッセージ)\s*-{3,}|Begin forwarded message:|転送されたメッセージ:|_{10,}|-{20,})[ \t]*$/gim;

// Header names of the forwarded block, as the clients write them in English, Japanese and the languages of the
// corpus's forwarders (Outlook translates them: De/Enviado/Para/Assunto, Von/Gesendet/An/Betreff …).
const FIELDS: Record<string, 'from' | 'subject' | 'date' | 'to'> = {
  from: 'from',
  差出人: 'from',
  送信者: 'from',
  送信元: 'from',
  de: 'from',
  von: 'from',
  da: 'from',
  van: 'from',
  subject: 'subject',
  件名: 'subject',
  assunto: 'subject',
  asunto: 'subject',
  objet: 'subject',
  betreff: 'subject',
  oggetto: 'subject',
  onderwerp: 'subject',
  date: 'date',
  sent: 'date',
  日付: 'date',
  日時: 'date',
  送信日時: 'date',
  送信日: 'date',
  enviado: 'date',
  'enviado el': 'date',
  enviada: 'date',
  data: 'date',
  fecha: 'date',
  envoyé: 'date',
  'envoyé le': 'date',
  gesendet: 'date',
  datum: 'date',
  inviato: 'date',
  verzonden: 'date',
  to: 'to',
  宛先: 'to',
  cc: 'to',
  bcc: 'to',
  'reply-to': 'to',
  para: 'to',
  à: 'to',
  a: 'to',
  an: 'to',
  aan: 'to',
};

/** The original inside an inline forward: the header block after the first marker that has one, then its body. */
export function findInlineForward(body: string): InlineForward | null {
  MARKER.lastIndex = 0;
  for (let tries = 0; tries < 5; tries++) {
    const marker = MARKER.exec(body);
    if (!marker) return null;
    const found = headerBlock(body.slice(marker.index + marker[0].length));
    if (found) return found;
  }
  return null;
}

function fieldOf(line: string): { field: 'from' | 'subject' | 'date' | 'to'; value: string } | null {
  const m = /^[ \t>*]*([^:：]{1,12})[:：]\s*(.*)$/.exec(line);
  const field = m?.[1] ? FIELDS[m[1].replace(/\*/g, '').trim().toLowerCase()] : undefined;
  if (!m || !field) return null;
  // *De:* Name — bold labels leave their closing stars in front of the value.
  return { field, value: (m[2] ?? '').replace(/^\*+\s*|\s*\*+$/g, '').trim() };
}

function headerBlock(rest: string): InlineForward | null {
  const lines = rest.split(/\r?\n/);
  const found: Partial<Record<'from' | 'subject' | 'date' | 'to', string>> = {};
  let i = 0;
  while (i < lines.length && !lines[i]?.trim()) i++;
  for (; i < lines.length; i++) {
    const f = fieldOf(lines[i] ?? '');
    if (!f) break;
    let value = f.value;
    // An HTML forward's header table puts the value in the next cell, which comes out as the next line.
    const next = lines[i + 1] ?? '';
    if (!value && next.trim() && !fieldOf(next)) {
      value = next.trim();
      i++;
    }
    found[f.field] ??= value;
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
