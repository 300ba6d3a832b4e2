/** Bytes to text (BOM / UTF-8 / Shift_JIS), RFC 4180 CSV rows, and the number, date and name forms statements use. */

export type Encoding = 'utf-8-bom' | 'utf-8' | 'shift_jis';

/**
 * Statement downloads are Shift_JIS; files saved again by a spreadsheet are often UTF-8, with or without a BOM.
 * A BOM decides; else valid UTF-8 is UTF-8 (Shift_JIS Japanese text is almost never valid UTF-8); else Shift_JIS.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

/** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks; CRLF, LF or CR end a row. */
export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** NFKC (full-width digits, letters and half-width katakana to their usual forms), spaces collapsed, trimmed. */
export function tidy(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * The merchant as a comparison key: folded and lower-cased, payment-channel suffixes (／ｉＤ, ／ＮＦＣ, （買物）)
 * and card-network reference tails (`*M12AB3CD4`, a trailing phone number) removed, so the same shop written by a CSV and by a notice mail meets.
 */
export function merchantKey(name: string): string {
  return tidy(name)
    .toLowerCase()
    .replace(/\((?:買物|ショッピング|shopping)\)$/u, '')
    .replace(/\/(?:id|nfc|ap|apple ?pay|quicpay|visa ?touch)$/u, '')
    .replace(/[*#]\s*[a-z0-9]{6,}$/u, '')
    .replace(/\s+\+?[\d-]{6,}$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Yen or a foreign amount: `1,980`, `"1,980"`, `¥１，９８０`, `1,980円`, `▲1,000` / `-1000` (refund), `10.00`. */
export function parseAmount(s: string | undefined): number | null {
  if (s === undefined) return null;
  let t = tidy(s).replace(/^'/, '');
  let sign = 1;
  if (/^[▲△-]/u.test(t)) {
    sign = -1;
    t = t.slice(1);
  }
  t = t
    .replace(/^[¥￥\\]/u, '')
    .replace(/\s*(?:円|jpy)$/iu, '')
    .replace(/,/g, '')
    .trim();
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  return sign * Number(t);
}

/** `2020/05/08`, `2020/5/8`, `2020-05-08`, `2020年5月8日`, `20200508` → `2020-05-08`; anything else null. */
export function parseDate(s: string | undefined): string | null {
  if (s === undefined) return null;
  const t = tidy(s);
  const m =
    /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:\s|$|\()/u.exec(`${t} `) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/u.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from a to b (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/** The yen amount written for people: 1,980円. */
export function yen(n: number): string {
  return `${n.toLocaleString('ja-JP')}円`;
}

/**
 * A stable identity per charge so a statement imported twice stores each charge once: the day, the merchant key,
 * the amount and which occurrence of that same triple it is within one source (the seed's three identical Netflix
 * charges stay three). `origin` separates sources that can describe the same charge (a CSV, one notice mail).
 */
export function chargeFingerprints(
  charges: { date: string; merchant: string | null; amount: number }[],
  origin: string,
): string[] {
  const seen = new Map<string, number>();
  return charges.map((c) => {
    const base = `${c.date}|${c.merchant ? merchantKey(c.merchant) : ''}|${c.amount}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${origin}|${base}|${n}`;
  });
}
