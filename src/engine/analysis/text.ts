/**
 * Characters that render as nothing (a regular-expression class body, for the `u` flag): zero-width marks, and the
 * format characters that do the same job between letters: bidirectional embeddings and isolates (U+202A–202E,
 * U+2066–2069), variation selectors (U+FE00–FE0F, U+E0100–E01EF), tag characters (U+E0000–E007F) and the Hangul
 * fillers that render as blanks. Filters are dodged by writing them inside a word ("Micro\u2066soft").
 */
export const INVISIBLE_CLASS =
  '\\u200b-\\u200d\\u2060-\\u2064\\ufeff\\u034f\\u180e\\u17b4\\u17b5\\u202a-\\u202e\\u2066-\\u2069\\ufe00-\\ufe0f\\u115f\\u1160\\u3164\\uffa0\\u{e0000}-\\u{e007f}\\u{e0100}-\\u{e01ef}';
// Also the direction marks and the soft hyphen, which only the zero-width rule tells apart from the others.
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}\\u200e\\u200f\\u00ad]`, 'gu');

/** The form phrases are matched in: NFKC (full-width and styled letters to plain), lower case, no invisible marks. */
export function fold(s: string): string {
  // ASCII is its own NFKC form and holds no invisible marks: most header values and many bodies skip ICU.
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}
const ASCII = /^[\x00-\x7f]*$/;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A short excerpt around a match, for evidence a person can read. */
export function excerpt(text: string, index: number, length: number, pad = 24): string {
  const start = Math.max(0, index - pad);
  const end = Math.min(text.length, index + length + pad);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * One regular expression source for many literal words, as a trie (`amazon(?: prime)?|apple(?: id)?`): the engine
 * tries each position once per shared prefix instead of once per word. Longer words win, as with sorted alternatives.
 */
export function trieSource(words: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.next].map(([ch, child]) => escapeRegExp(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}
