/**
 * A cheap test that a regular expression cannot match a text, so the lure rules skip most of their expressions on
 * most messages. From an expression's source, `requiredLiterals` derives strings of which every match must contain
 * at least one (the idea of RE2's prefilter, for the subset of syntax the phrase lists use); `Trigrams` records
 * which three-character sequences a text holds. A literal whose trigrams are not all in the text is not in it, so
 * an expression none of whose literals can be present is not run: the matches are the same, only found sooner.
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

const BITS = 18;
const MASK = (1 << BITS) - 1;
const BIGRAM = 0x10000;

function hash(a: number, b: number, c: number): number {
  return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 0) & MASK;
}

/** The three-character sequences of a text, hashed into a bit set (a collision only makes the test weaker). */
export class Trigrams {
  private readonly bits = new Uint32Array(1 << (BITS - 5));

  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      // Pairs too (third code BIGRAM, outside UTF-16): two-character literals are common in Japanese phrases.
      this.set(hash(a, b, BIGRAM));
      if (i + 2 < text.length) this.set(hash(a, b, text.charCodeAt(i + 2)));
    }
  }

  private set(h: number): void {
    this.bits[h >>> 5] = (this.bits[h >>> 5] as number) | (1 << (h & 31));
  }

  private has(h: number): boolean {
    return ((this.bits[h >>> 5] as number) & (1 << (h & 31))) !== 0;
  }

  /** False only when `literal` cannot occur in the text; one-character literals always pass. */
  mayContain(literal: string): boolean {
    if (literal.length === 2) return this.has(hash(literal.charCodeAt(0), literal.charCodeAt(1), BIGRAM));
    for (let i = 0; i + 2 < literal.length; i++) {
      if (!this.has(hash(literal.charCodeAt(i), literal.charCodeAt(i + 1), literal.charCodeAt(i + 2))))
        return false;
    }
    return true;
  }
}
