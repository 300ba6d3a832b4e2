const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e]|\u034f/g;

/** The form phrases are matched in: NFKC (full-width and styled letters to plain), lower case, no invisible marks. */
export function fold(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A short excerpt around a match, for evidence a person can read. */
export function excerpt(text: string, index: number, length: number, pad = 24): string {
  const start = Math.max(0, index - pad);
  const end = Math.min(text.length, index + length + pad);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}
