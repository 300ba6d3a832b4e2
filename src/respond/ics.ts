/**
 * A plan's deadlines as an iCalendar file (RFC 5545): one VEVENT per step with a deadline, each with a VALARM, so a
 * phone's calendar reminds "in 5 hours: set a new password" or "dispute window ends". Lines end in CRLF, are folded
 * at 75 octets without splitting a UTF-8 character (3.1), and TEXT values are escaped (3.3.11).
 */
import { durationMs } from './time.js';
import type { Plan, PlanStep } from './types.js';

export interface IcsOptions {
  lang: 'ja' | 'en';
  /** Stable part of every UID, e.g. the case id; without it the plan's answers make one. */
  id?: string;
  /** DTSTAMP; tests pass a fixed one. */
  now?: Date;
  /** Steps already done get no event. */
  done?: ReadonlySet<string>;
  /** Calendar name. */
  name?: string;
}

/** TEXT value escaping: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into 75-octet pieces joined by CRLF + space, never inside a UTF-8 sequence (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 20260508T010000Z */
export function icsUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function uidBase(plan: Plan): string {
  const key = JSON.stringify(plan.answers);
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

function description(step: PlanStep, lang: 'ja' | 'en'): string {
  const lines = [
    step.deadline?.label[lang] ?? '',
    step.why[lang],
    '',
    ...step.how.map((h) => `- ${h[lang]}`),
  ];
  if (step.expect) lines.push('', step.expect[lang]);
  for (const c of step.contacts) lines.push(`${c.name[lang]}${c.value ? `: ${c.value}` : ''}`);
  if (step.unverified)
    lines.push(
      '',
      lang === 'ja' ? '※公式ページで確認できていない内容を含みます。' : 'Not confirmed on an official page.',
    );
  return lines.join('\n');
}

export function planToIcs(plan: Plan, options: IcsOptions): string {
  const { lang } = options;
  const stamp = icsUtc((options.now ?? new Date()).getTime());
  const base = options.id ?? uidBase(plan);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//sagicheck//recovery plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name ?? (lang === 'ja' ? 'sagicheck 回復プラン' : 'sagicheck recovery plan'))}`,
  ];
  for (const step of plan.steps) {
    const d = step.deadline;
    if (!d || options.done?.has(step.id)) continue;
    const at = Date.parse(d.at);
    if (Number.isNaN(at)) continue;
    const prefix =
      d.kind === 'not-before'
        ? lang === 'ja'
          ? '【ここから】'
          : '[from now] '
        : d.kind === 'by'
          ? lang === 'ja'
            ? '【期限】'
            : '[deadline] '
          : lang === 'ja'
            ? '【すぐ】'
            : '[now] ';
    const remind = durationMs(d.remind) ? `-${d.remind}` : 'PT0M';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${base}-${step.id}@sagicheck`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsUtc(at)}`,
      'DURATION:PT30M',
      `SUMMARY:${escapeText(`${prefix}${step.title[lang]}`)}`,
      `DESCRIPTION:${escapeText(description(step, lang))}`,
      `CATEGORIES:${escapeText(step.phase)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(step.title[lang])}`,
      `TRIGGER:${remind}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
