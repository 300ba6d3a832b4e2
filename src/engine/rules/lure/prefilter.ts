/**
 * A cheap test that a regular expression cannot match a text, so the lure rules skip most of their expressions on
 * most messages. From an expression's source, `requiredLiterals` derives strings of which every match must contain
 * at least one (the idea of RE2's prefilter, for the subset of syntax the phrase lists use); `LiteralIndex` finds
 * in one pass over a text which expressions have one of their literals in it (Aho–Corasick). An expression none of
 * whose literals is present is not run: the matches are the same, only found sooner.
 * Anything the parser does not understand makes it answer "cannot tell" (null), which keeps the expression running.
 */

/** What a piece of an expression can match: every string (`exact`, when few) or strings it must contain. */
interface Info {
  exact: Set<string> | null;
  must: Set<string> | null;
}

const MAX_SET = 64;
const ANY: Info = { exact: null, must: null };
const EMPTY = (): Info => ({ exact: new Set(['']), must: null });

/** The strings that must occur, from either field; null when no string is guaranteed. */
function required(info: Info): Set<string> | null {
  if (info.exact && !info.exact.has('')) return info.exact;
  return info.must;
}

/** The more selective of two candidate sets: the longer shortest string, then the smaller set. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  const min = (s: Set<string>) => Math.min(...[...s].map((x) => x.length));
  const ma = min(a);
  const mb = min(b);
  if (ma !== mb) return ma > mb ? a : b;
  return a.size <= b.size ? a : b;
}

class Parser {
  i = 0;
  constructor(readonly src: string) {}

  fail(): never {
    throw new Error('unsupported');
  }

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Info;
    let exact: Set<string> | null = new Set();
    let must: Set<string> | null = new Set();
    for (const b of branches) {
      if (exact && b.exact) for (const s of b.exact) exact.add(s);
      else exact = null;
      if (exact && exact.size > MAX_SET) exact = null;
      const r = required(b);
      if (must && r) for (const s of r) must.add(s);
      else must = null;
    }
    return { exact, must };
  }

  sequence(): Info {
    let run: Set<string> | null = new Set(['']);
    let best: Set<string> | null = null;
    let whole = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const item = this.quantified();
      if (run && item.exact && run.size * item.exact.size <= MAX_SET) {
        const next = new Set<string>();
        for (const a of run) for (const b of item.exact) next.add(a + b);
        run = next;
        continue;
      }
      whole = false;
      if (run && !run.has('')) best = better(best, run);
      if (item.exact) run = item.exact;
      else {
        best = better(best, item.must);
        run = new Set(['']);
      }
    }
    if (whole) return { exact: run, must: null };
    if (run && !run.has('')) best = better(best, run);
    return { exact: null, must: best };
  }

  quantified(): Info {
    const atom = this.atom();
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Number.POSITIVE_INFINITY;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom; // a literal brace
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy
    if (min === 0 && max === 1 && atom.exact && atom.exact.size < MAX_SET)
      return { exact: new Set([...atom.exact, '']), must: null };
    if (min === 0) return ANY;
    if (min === 1 && max === 1) return atom;
    return { exact: null, must: required(atom) };
  }

  atom(): Info {
    const s = this.src;
    const c = s[this.i] as string;
    if (c === '(') {
      this.i++;
      let zeroWidth = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        this.i += 2;
        zeroWidth = true;
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        this.i += 3;
        zeroWidth = true;
      } else if (s.startsWith('?<', this.i)) {
        const end = s.indexOf('>', this.i);
        if (end < 0) this.fail();
        this.i = end + 1;
      } else if (s[this.i] === '?') this.fail();
      const inner = this.alternation();
      if (s[this.i] !== ')') this.fail();
      this.i++;
      return zeroWidth ? EMPTY() : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      this.i++;
      const e = s[this.i] as string;
      this.i++;
      if (e === 'b' || e === 'B') return EMPTY();
      if ('sSdDwWpP'.includes(e) || /[0-9]/.test(e)) {
        if ((e === 'p' || e === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
        return ANY;
      }
      return { exact: new Set([this.escaped(e)]), must: null };
    }
    this.i++;
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY();
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') this.fail();
    return { exact: new Set([c]), must: null };
  }

  /** The character an escape stands for (after the backslash and its letter have been read). */
  escaped(e: string): string {
    const s = this.src;
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    if (e === 'r') return '\r';
    if (e === 'f') return '\f';
    if (e === 'v') return '\v';
    if (e === 'u' && /^[0-9a-fA-F]{4}/.test(s.slice(this.i, this.i + 4))) {
      this.i += 4;
      return String.fromCharCode(Number.parseInt(s.slice(this.i - 4, this.i), 16));
    }
    if (e === 'x' && /^[0-9a-fA-F]{2}/.test(s.slice(this.i, this.i + 2))) {
      this.i += 2;
      return String.fromCharCode(Number.parseInt(s.slice(this.i - 2, this.i), 16));
    }
    if (/[a-zA-Z]/.test(e)) this.fail(); // \c, \k and other escapes the lists do not use
    return e;
  }

  /** A bracket class: its characters when it lists a few plainly, otherwise "any character". */
  charClass(): Info {
    const s = this.src;
    this.i++;
    const negated = s[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let plain = !negated;
    let first = true;
    while (this.i < s.length && (s[this.i] !== ']' || first)) {
      first = false;
      let ch = s[this.i] as string;
      this.i++;
      if (ch === '\\') {
        const e = s[this.i] as string;
        this.i++;
        if ('sSdDwWpPbB'.includes(e)) {
          if ((e === 'p' || e === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
          plain = false;
          continue;
        }
        ch = this.escaped(e);
      }
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        // A range: skip its end (an escaped end included) and give up on listing.
        this.i++;
        if (s[this.i] === '\\') this.i++;
        this.i++;
        plain = false;
        continue;
      }
      chars.add(ch);
    }
    if (s[this.i] !== ']') this.fail();
    this.i++;
    return plain && chars.size > 0 && chars.size <= 8 ? { exact: chars, must: null } : ANY;
  }
}

/**
 * Strings of which every match of `source` contains at least one, or null when that cannot be told (the
 * expression may match without any fixed text, or uses syntax outside the small parser's reach).
 */
export function requiredLiterals(source: string): string[] | null {
  try {
    const p = new Parser(source);
    const info = p.alternation();
    if (p.i !== source.length) return null;
    const r = required(info);
    return r ? [...r] : null;
  } catch {
    return null;
  }
}

/**
 * Which of several groups of literals occur in a text, in one pass (Aho–Corasick). Group `i` is present when one of
 * its literals is a substring of the text, exactly as `literals.some((l) => text.includes(l))` would say, but the
 * text is read once for all groups instead of once per literal. A null group cannot tell and is always present.
 * The tables are kept small, since between two messages the rest of the engine pushes them out of the CPU caches:
 * characters are first mapped to an alphabet of those the literals use (a character outside it sends the automaton
 * back to its root without a look-up), the root's moves are an array over that alphabet and the other moves sit in
 * one open-addressing hash table of (state × alphabet + letter, next state) pairs.
 */
export class LiteralIndex {
  readonly groups: number;
  /** UTF-16 code → letter of the literals' alphabet (1-based), 0 for a character no literal holds. */
  private readonly alphabet = new Uint16Array(0x10000);
  private readonly letters: number;
  private readonly root: Int32Array;
  /** Pairs: key (state × letters + letter, -1 when free) and next state. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** 32 − log2(table size): the hash is the top bits of a multiplicative hash of the key. */
  private readonly shift: number;
  private readonly fail: Int32Array;
  /** The nearest state down the failure chain (this one first) where a literal ends, or 0. */
  private readonly report: Int32Array;
  /** The groups of the literals ending at state s: outList[outStart[s] .. outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outList: Uint16Array;
  private readonly always: number[] = [];

  constructor(groups: readonly (readonly string[] | null)[]) {
    this.groups = groups.length;
    let chars = 0;
    let letters = 1;
    for (const g of groups)
      for (const l of g ?? []) {
        chars += l.length;
        for (let i = 0; i < l.length; i++) {
          const c = l.charCodeAt(i);
          if (this.alphabet[c] === 0) this.alphabet[c] = letters++;
        }
      }
    this.letters = letters;
    this.root = new Int32Array(letters);
    // Trie edges while it grows, in a table sized for the worst case (repacked below), and children lists for the
    // breadth-first pass.
    const cap = chars + 1;
    if (cap * letters > 0x7fffffff) throw new Error('LiteralIndex: too many literals for 31-bit keys');
    let growBits = 10;
    while (1 << growBits < cap * 2) growBits++;
    const grow = new Int32Array(2 << growBits).fill(-1);
    const growMask = (1 << growBits) - 1;
    const growShift = 32 - growBits;
    let edgeCount = 0;
    const edgeGet = (key: number): number => {
      let h = Math.imul(key, 0x9e3779b1) >>> growShift;
      for (let k = grow[h * 2] as number; k !== -1; k = grow[h * 2] as number) {
        if (k === key) return grow[h * 2 + 1] as number;
        h = (h + 1) & growMask;
      }
      return 0;
    };
    const edgeSet = (key: number, next: number): void => {
      let h = Math.imul(key, 0x9e3779b1) >>> growShift;
      while (grow[h * 2] !== -1) h = (h + 1) & growMask;
      grow[h * 2] = key;
      grow[h * 2 + 1] = next;
      edgeCount++;
    };
    const firstChild = new Int32Array(cap);
    const nextSibling = new Int32Array(cap);
    const letterOf = new Uint16Array(cap);
    const endNode: number[] = [];
    const endGroup: number[] = [];
    let nodes = 1;
    groups.forEach((literals, g) => {
      if (!literals) {
        this.always.push(g);
        return;
      }
      for (const literal of literals) {
        if (literal.length === 0) {
          this.always.push(g);
          continue;
        }
        let s = 0;
        for (let i = 0; i < literal.length; i++) {
          const a = this.alphabet[literal.charCodeAt(i)] as number;
          let next = s === 0 ? (this.root[a] as number) : edgeGet(s * letters + a);
          if (next === 0) {
            next = nodes++;
            letterOf[next] = a;
            nextSibling[next] = firstChild[s] as number;
            firstChild[s] = next;
            if (s === 0) this.root[a] = next;
            else edgeSet(s * letters + a, next);
          }
          s = next;
        }
        endNode.push(s);
        endGroup.push(g);
      }
    });
    let bits = 10;
    while (1 << bits < edgeCount * 2) bits++;
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    const size = 1 << bits;
    this.table = new Int32Array(size * 2).fill(-1);
    for (let i = 0; i < grow.length; i += 2) {
      const key = grow[i] as number;
      if (key === -1) continue;
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.table[h * 2] !== -1) h = (h + 1) & this.mask;
      this.table[h * 2] = key;
      this.table[h * 2 + 1] = grow[i + 1] as number;
    }
    // Outputs in compressed rows, one row per state.
    this.outStart = new Int32Array(nodes + 1);
    for (const s of endNode) this.outStart[s + 1] = (this.outStart[s + 1] as number) + 1;
    for (let s = 0; s < nodes; s++)
      this.outStart[s + 1] = (this.outStart[s + 1] as number) + (this.outStart[s] as number);
    this.outList = new Uint16Array(endNode.length);
    const fill = this.outStart.slice(0, nodes);
    endNode.forEach((s, i) => {
      const at = fill[s] as number;
      fill[s] = at + 1;
      this.outList[at] = endGroup[i] as number;
    });
    // Failure and report links, breadth first.
    this.fail = new Int32Array(nodes);
    this.report = new Int32Array(nodes);
    const queue = new Int32Array(nodes);
    let tail = 0;
    for (let c = firstChild[0] as number; c !== 0; c = nextSibling[c] as number) queue[tail++] = c;
    for (let head = 0; head < tail; head++) {
      const s = queue[head] as number;
      const f = this.fail[s] as number;
      this.report[s] = this.outStart[s + 1] !== this.outStart[s] ? s : (this.report[f] as number);
      for (let c = firstChild[s] as number; c !== 0; c = nextSibling[c] as number) {
        this.fail[c] = this.step(f, letterOf[c] as number);
        queue[tail++] = c;
      }
    }
  }

  /** The state after reading letter `a` in state `s` (following failure links). */
  private step(s: number, a: number): number {
    const table = this.table;
    const mask = this.mask;
    const shift = this.shift;
    while (s !== 0) {
      const key = s * this.letters + a;
      let h = Math.imul(key, 0x9e3779b1) >>> shift;
      for (let k = table[h * 2] as number; k !== -1; k = table[h * 2] as number) {
        if (k === key) return table[h * 2 + 1] as number;
        h = (h + 1) & mask;
      }
      s = this.fail[s] as number;
    }
    return this.root[a] as number;
  }

  /** One flag per group: 1 when one of its literals occurs in `text`. */
  present(text: string): Uint8Array {
    const found = new Uint8Array(this.groups);
    for (const g of this.always) found[g] = 1;
    const { alphabet, root, report, fail, outStart, outList } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const a = alphabet[text.charCodeAt(i)] as number;
      // A character no literal holds: every partial match ends here.
      if (a === 0) {
        s = 0;
        continue;
      }
      s = s === 0 ? (root[a] as number) : this.step(s, a);
      for (let r = report[s] as number; r !== 0; r = report[fail[r] as number] as number) {
        for (let j = outStart[r] as number; j < (outStart[r + 1] as number); j++)
          found[outList[j] as number] = 1;
      }
    }
    return found;
  }
}
