/**
 * Reminders for the open steps of a plan, relative to now: "in 4 h 30 min: set a new password", "dispute window:
 * 58 days left", "overdue by 2 h". Pure: the caller passes the time and which steps are finished.
 */
import type { Plan, Text } from './types.js';

export interface Reminder {
  stepId: string;
  n: number;
  title: Text;
  kind: 'asap' | 'by' | 'not-before';
  at: string;
  /** at − now in milliseconds (negative: past). */
  inMs: number;
  /** now: do it now; open: a window still open; overdue: its deadline passed; waiting: cannot be done yet; ready: the wait is over. */
  state: 'now' | 'open' | 'overdue' | 'waiting' | 'ready';
  text: Text;
}

const MIN = 60_000;

/** 2日3時間 / 2 d 3 h; 4時間30分 / 4 h 30 min; 15分 / 15 min — the two largest units. */
export function spanText(ms: number): Text {
  const m = Math.max(0, Math.round(Math.abs(ms) / MIN));
  const d = Math.floor(m / (24 * 60));
  const h = Math.floor((m % (24 * 60)) / 60);
  const min = m % 60;
  if (d > 0) return { ja: `${d}日${h ? `${h}時間` : ''}`, en: `${d} d${h ? ` ${h} h` : ''}` };
  if (h > 0) return { ja: `${h}時間${min ? `${min}分` : ''}`, en: `${h} h${min ? ` ${min} min` : ''}` };
  return { ja: `${min}分`, en: `${min} min` };
}

export function reminders(plan: Plan, finished: ReadonlySet<string>, now: Date): Reminder[] {
  const out: Reminder[] = [];
  for (const s of plan.steps) {
    const d = s.deadline;
    if (!d || finished.has(s.id)) continue;
    const inMs = Date.parse(d.at) - now.getTime();
    const span = spanText(inMs);
    let state: Reminder['state'];
    let text: Text;
    if (d.kind === 'asap') {
      state = 'now';
      text = { ja: '今すぐ', en: 'now' };
    } else if (d.kind === 'by') {
      state = inMs >= 0 ? 'open' : 'overdue';
      text =
        inMs >= 0
          ? { ja: `期限まであと${span.ja}`, en: `${span.en} left` }
          : { ja: `期限を${span.ja}過ぎています`, en: `overdue by ${span.en}` };
    } else {
      state = inMs > 0 ? 'waiting' : 'ready';
      text =
        inMs > 0
          ? { ja: `${span.ja}後から`, en: `in ${span.en}` }
          : { ja: 'もうできます', en: 'can be done now' };
    }
    out.push({ stepId: s.id, n: s.n, title: s.title, kind: d.kind, at: d.at, inMs, state, text });
  }
  const rank = { now: 0, overdue: 1, ready: 2, waiting: 3, open: 4 } as const;
  return out.sort((a, b) => rank[a.state] - rank[b.state] || a.inMs - b.inMs);
}
