/**
 * The few date computations a plan needs, without a date library: ISO 8601 durations (PnDTnHnM) and instants written
 * with the offset the person gave, so a deadline reads in their own time zone.
 */

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Milliseconds of an ISO 8601 duration made of weeks, days, hours, minutes and seconds; null when not one. */
export function durationMs(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  return ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) * 1000;
}

export interface Instant {
  ms: number;
  /** Minutes east of UTC the time was written in. */
  offset: number;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Japan time: what a date written without an offset means to the people this is for. */
export const DEFAULT_OFFSET = 9 * 60;

/**
 * Reads `2026-05-08T10:00+09:00`, `2026-05-08 10:00`, `2026-05-08T01:00Z` or `2026-05-08`; without an offset the
 * time is Japan time. Null when the text is not such a date or names an impossible day.
 */
export function parseInstant(text: string, defaultOffset = DEFAULT_OFFSET): Instant | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const zone = m[7];
  let offset = defaultOffset;
  if (zone && zone.toUpperCase() === 'Z') offset = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offset =
      (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(local);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return { ms: local - offset * 60000, offset };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `2026-05-08T15:00+09:00`: the instant written in the given offset (Z for UTC), to the minute. */
export function formatInstant(i: Instant): string {
  const t = new Date(i.ms + i.offset * 60000);
  const base = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  if (i.offset === 0) return `${base}Z`;
  return `${base}${i.offset < 0 ? '-' : '+'}${pad(Math.trunc(i.offset / 60))}:${pad(i.offset % 60)}`;
}
