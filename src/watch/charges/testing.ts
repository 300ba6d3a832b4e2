/**
 * Test support: Shift_JIS bytes for fixtures, built from the platform's own Shift_JIS decoder (the table the importer
 * reads with), so no encoding package is needed. Used by tests only.
 */
let table: Map<string, number[]> | null = null;

function sjisTable(): Map<string, number[]> {
  if (table) return table;
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('shift_jis');
  for (let b = 0xa1; b <= 0xdf; b++) map.set(dec.decode(new Uint8Array([b])), [b]);
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
  for (const lead of leads) {
    for (const trail of range(0x40, 0xfc)) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  table = map;
  return map;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Text to Shift_JIS bytes; throws on a character Shift_JIS cannot write. */
export function encodeShiftJis(text: string): Uint8Array {
  const map = sjisTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`not writable in Shift_JIS: ${ch} (U+${code.toString(16)})`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
