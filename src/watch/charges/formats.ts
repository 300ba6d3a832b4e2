/**
 * Statement CSV layouts (data/card-formats.json cites each): 楽天カード e-NAVI, 三井住友カード Vpass (billed and
 * unbilled, headerless, and the 2026 layout with a header), and a generic CSV read through a column mapping.
 */
import { parseAmount, parseCsv, parseDate, tidy } from './text.js';
import type { Charge, ColumnMapping, ParseResult, StatementFormat } from './types.js';

type Row = { cells: string[]; line: number };

/** Which issuer's layout the text is, from its first lines; null when neither (use generic with a mapping). */
export function detectFormat(text: string): Exclude<StatementFormat, 'generic'> | null {
  const rows = parseCsv(text.slice(0, 4000)).slice(0, 5);
  for (const { cells } of rows) {
    const joined = cells.map((c) => tidy(c)).join(',');
    if (/^利用日,利用店名/u.test(joined)) return 'rakuten';
    if (/^ご利用日,ご利用店名/u.test(joined)) return 'smbc';
    if (isSmbcSection(cells)) return 'smbc';
  }
  return null;
}

export function parseStatement(text: string, format: StatementFormat, mapping?: ColumnMapping): ParseResult {
  if (format === 'rakuten') return parseRakuten(text);
  if (format === 'smbc') return parseSmbc(text);
  if (!mapping) throw new Error('the generic format needs a column mapping (date, merchant, amount)');
  return parseGeneric(text, mapping);
}

function charge(
  date: string,
  merchant: string,
  amount: number,
  format: string,
  line: number,
  extra: Partial<Charge> = {},
): Charge {
  return {
    date,
    time: null,
    merchant: tidy(merchant) || null,
    amount,
    currency: null,
    originalAmount: null,
    user: null,
    source: { format, line },
    ...extra,
  };
}

/** Index of the first header cell equal to, or starting with, one of the names (after NFKC and trimming). */
function column(header: string[], ...names: string[]): number {
  const h = header.map((c) => tidy(c));
  for (const name of names) {
    const exact = h.indexOf(name);
    if (exact >= 0) return exact;
  }
  for (const name of names) {
    const i = h.findIndex((c) => c.startsWith(name));
    if (i >= 0) return i;
  }
  return -1;
}

/** 楽天カード: 利用日,利用店名・商品名,利用者,支払方法,利用金額,支払手数料,支払総額,… with a header line. */
export function parseRakuten(text: string): ParseResult {
  const rows = parseCsv(text);
  const headerAt = rows.findIndex((r) => tidy(r.cells[0] ?? '') === '利用日');
  const result: ParseResult = { charges: [], problems: [], layout: 'rakuten/e-navi' };
  if (headerAt < 0) {
    result.problems.push({
      line: 1,
      text: 'no 利用日,利用店名・商品名 header line: not a 楽天カード statement',
    });
    return result;
  }
  const header = (rows[headerAt] as Row).cells;
  const at = {
    date: column(header, '利用日'),
    merchant: column(header, '利用店名・商品名', '利用店名'),
    user: column(header, '利用者'),
    amount: column(header, '利用金額'),
  };
  for (const row of rows.slice(headerAt + 1)) {
    const date = parseDate(row.cells[at.date]);
    const amount = parseAmount(row.cells[at.amount]);
    if (!date) {
      if (row.cells.some((c) => c.trim())) noteProblem(result, row, 'no date in the 利用日 column');
      continue;
    }
    if (amount === null) {
      noteProblem(result, row, 'no amount in the 利用金額 column');
      continue;
    }
    result.charges.push(
      charge(date, row.cells[at.merchant] ?? '', amount, 'rakuten', row.line, {
        user: at.user >= 0 ? tidy(row.cells[at.user] ?? '') || null : null,
      }),
    );
  }
  return result;
}

/** `<name>　様,<masked number>,<card name>`: the line that opens a card's section in a Vpass download. */
function isSmbcSection(cells: string[]): boolean {
  if (cells.length < 3 || parseDate(cells[0])) return false;
  return (
    /様$/u.test(tidy(cells[0] ?? '')) || /\d{4}-[\d*]{2,4}\**-[\d*]{4}-[\d*]{4}|\*{4}/u.test(cells[1] ?? '')
  );
}

/** `10.00　USD　139.488　05 01` in 備考: the foreign amount, its currency and the rate. */
function foreignNote(note: string | undefined): { originalAmount: number; currency: string } | null {
  const m = /(\d[\d,]*(?:\.\d+)?)\s+([A-Z]{3})\b/u.exec(tidy(note ?? ''));
  if (!m || m[2] === 'JPY') return null;
  return { originalAmount: Number((m[1] as string).replace(/,/g, '')), currency: m[2] as string };
}

/**
 * 三井住友カード (Vpass). Billed: no header, section lines, rows ご利用日,ご利用店名,ご利用金額,支払区分,今回回数,
 * お支払い金額,備考 with possible unquoted commas in the merchant; unbilled: date,merchant,利用者,支払方法,,'YY/MM,
 * amount,…; 2026 layout: a header line ご利用日,ご利用店名 ※,カード,…,ご利用金額,…,現地通貨額,略称,….
 */
export function parseSmbc(text: string): ParseResult {
  const rows = parseCsv(text);
  const headerAt = rows.findIndex((r) => tidy(r.cells[0] ?? '') === 'ご利用日');
  if (headerAt >= 0) return parseSmbcWithHeader(rows, headerAt);
  const result: ParseResult = { charges: [], problems: [], layout: 'smbc/vpass-classic' };
  let section: string | null = null;
  for (const row of rows) {
    const { cells } = row;
    if (isSmbcSection(cells)) {
      section = tidy(cells[2] ?? '') || null;
      continue;
    }
    const date = parseDate(cells[0]);
    if (!date) {
      // Totals (`,,,,,123456`) and blank lines carry no charge.
      if (cells[0]?.trim())
        noteProblem(result, row, 'a line that is neither a card section, a charge nor a total');
      continue;
    }
    // Unbilled layout: the billing month sits in the sixth cell as 'YY/MM.
    if (cells.length >= 8 && /^'?\d{2}\/\d{2}$/u.test(tidy(cells[5] ?? ''))) {
      result.layout = 'smbc/vpass-unbilled';
      const amount = parseAmount(cells[6]);
      if (amount === null) {
        noteProblem(result, row, 'no amount in the ご利用金額 column');
        continue;
      }
      result.charges.push(
        charge(date, cells[1] ?? '', amount, 'smbc', row.line, {
          user: tidy(cells[2] ?? '') || null,
          source: { format: 'smbc', line: row.line, section },
        }),
      );
      continue;
    }
    // Billed layout: 7 cells; more means commas inside the merchant, which belong to it.
    const extra = Math.max(0, cells.length - 7);
    const merchant = cells.slice(1, 2 + extra).join(',');
    const rest = cells.slice(2 + extra);
    const amount = parseAmount(rest[0]);
    if (amount === null) {
      noteProblem(result, row, 'no amount in the ご利用金額 column');
      continue;
    }
    const foreign = foreignNote(rest[4]);
    result.charges.push(
      charge(date, merchant, amount, 'smbc', row.line, {
        ...(foreign ?? {}),
        source: { format: 'smbc', line: row.line, section },
      }),
    );
  }
  return result;
}

function parseSmbcWithHeader(rows: Row[], headerAt: number): ParseResult {
  const header = (rows[headerAt] as Row).cells;
  const result: ParseResult = { charges: [], problems: [], layout: 'smbc/vpass-2026' };
  const at = {
    date: column(header, 'ご利用日'),
    merchant: column(header, 'ご利用店名'),
    amount: column(header, 'ご利用金額'),
    card: column(header, 'カード'),
    original: column(header, '現地通貨額'),
    currency: column(header, '略称'),
  };
  if (at.merchant < 0 || at.amount < 0) {
    result.problems.push({
      line: (rows[headerAt] as Row).line,
      text: 'header without ご利用店名 or ご利用金額',
    });
    return result;
  }
  // The header of the older layout (ご利用日,ご利用店名,ご利用金額,…) has the amount right after the merchant.
  if (at.amount === at.merchant + 1) result.layout = 'smbc/vpass-classic-header';
  for (const row of rows.slice(headerAt + 1)) {
    if (isSmbcSection(row.cells)) continue;
    const date = parseDate(row.cells[at.date]);
    if (!date) continue;
    // Unquoted commas in the merchant push the later cells right.
    const shift = Math.max(0, row.cells.length - header.length);
    const cellAt = (i: number) => (i < 0 ? undefined : row.cells[i > at.merchant ? i + shift : i]);
    const merchant = row.cells.slice(at.merchant, at.merchant + 1 + shift).join(',');
    const amount = parseAmount(cellAt(at.amount));
    if (amount === null) {
      noteProblem(result, row, 'no amount in the ご利用金額 column');
      continue;
    }
    const currency = tidy(cellAt(at.currency) ?? '').toUpperCase();
    const original = parseAmount(cellAt(at.original));
    const foreign = /^[A-Z]{3}$/.test(currency) && currency !== 'JPY' && original !== null;
    result.charges.push(
      charge(date, merchant, amount, 'smbc', row.line, {
        currency: foreign ? currency : null,
        originalAmount: foreign ? original : null,
        source: { format: 'smbc', line: row.line, section: tidy(cellAt(at.card) ?? '') || null },
      }),
    );
  }
  return result;
}

/**
 * Any CSV through the user's mapping: indexes (no header needed; rows whose date cell is not a date are skipped) or
 * header names (the first row holding all three names is the header).
 */
export function parseGeneric(text: string, mapping: ColumnMapping): ParseResult {
  const rows = parseCsv(text);
  const result: ParseResult = { charges: [], problems: [], layout: 'generic' };
  const byName = [mapping.date, mapping.merchant, mapping.amount].some((v) => typeof v === 'string');
  let at = {
    date: typeof mapping.date === 'number' ? mapping.date : -1,
    merchant: typeof mapping.merchant === 'number' ? mapping.merchant : -1,
    amount: typeof mapping.amount === 'number' ? mapping.amount : -1,
    currency: typeof mapping.currency === 'number' ? mapping.currency : -1,
  };
  let start = 0;
  if (byName) {
    const headerAt = rows.findIndex((r) => {
      const h = r.cells.map((c) => tidy(c));
      return [mapping.date, mapping.merchant, mapping.amount].every(
        (v) => typeof v === 'number' || h.includes(tidy(v)),
      );
    });
    if (headerAt < 0) {
      result.problems.push({ line: 1, text: 'no header line with the mapped column names' });
      return result;
    }
    const h = (rows[headerAt] as Row).cells.map((c) => tidy(c));
    const pick = (v: number | string | undefined) =>
      v === undefined ? -1 : typeof v === 'number' ? v : h.indexOf(tidy(v));
    at = {
      date: pick(mapping.date),
      merchant: pick(mapping.merchant),
      amount: pick(mapping.amount),
      currency: pick(mapping.currency),
    };
    start = headerAt + 1;
  }
  for (const row of rows.slice(start)) {
    const date = parseDate(row.cells[at.date]);
    if (!date) continue;
    const amount = parseAmount(row.cells[at.amount]);
    if (amount === null) {
      noteProblem(result, row, 'no amount in the mapped amount column');
      continue;
    }
    const currency = at.currency >= 0 ? tidy(row.cells[at.currency] ?? '').toUpperCase() : '';
    result.charges.push(
      charge(date, row.cells[at.merchant] ?? '', amount, 'generic', row.line, {
        currency: /^[A-Z]{3}$/.test(currency) && currency !== 'JPY' ? currency : null,
      }),
    );
  }
  return result;
}

/** `date=0,merchant=1,amount=2` or `date=利用日,merchant=店名,amount=金額` (1-based `#1` is not accepted). */
export function parseMapping(spec: string): ColumnMapping {
  const out: Record<string, number | string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new Error(`mapping part without '=': ${part}`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!['date', 'merchant', 'amount', 'currency'].includes(key))
      throw new Error(`unknown mapping key: ${key}`);
    if (!value) throw new Error(`empty column for ${key}`);
    out[key] = /^\d+$/.test(value) ? Number(value) : value;
  }
  for (const key of ['date', 'merchant', 'amount']) {
    if (out[key] === undefined) throw new Error(`the mapping needs ${key}=COLUMN`);
  }
  return out as unknown as ColumnMapping;
}

function noteProblem(result: ParseResult, row: Row, why: string): void {
  result.problems.push({ line: row.line, text: `${why}: ${row.cells.join(',').slice(0, 120)}` });
}
