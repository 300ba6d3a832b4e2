import { randomness, wordLike } from '../../../analysis/url.js';
import type { HostLists } from '../../../data/types.js';

// How a host label reads: a word, a project's abbreviation, or noise typed or generated without meaning.
// hosts.serviceLabels and hosts.rareLetterPairs live with their citations in data/hosts.json.

// A hexadecimal hash as a label (a kit's per-target subdomain): 32 characters of an MD5, or 16 or more.
export const HASH_LABEL = /^[0-9a-f]{16,}$/;

/** A label typed or generated without meaning: a hash, or seven or more letters mostly in rare pairs (dwqhtrjhfhs). */
export function mashed(label: string, hosts: HostLists): boolean {
  if (HASH_LABEL.test(label) && /\d/.test(label) && /[a-f]/.test(label)) return true;
  const letters = label.replace(/\d/g, '');
  if (!/^[a-z0-9]+$/.test(label)) return false;
  // Six or more letters without a vowel and with two letter pairs English words almost never contain (hbqxzt,
  // kjwsdc): not a word in any language. A project's abbreviation has no vowel either but reads in familiar pairs
  // (nghttp, ctfstd, tclxml) and a company's is shorter (msnbc, qksrv).
  if (letters.length >= 6 && !/[aeiou]/.test(letters) && rarePairs(letters, hosts) >= 2) return true;
  if (letters.length < 7) return false;
  let rare = 0;
  for (let i = 0; i + 1 < letters.length; i++) if (!/[aeiouy]/.test(letters.slice(i, i + 2))) rare++;
  return (
    rare / (letters.length - 1) >= 0.5 && (letters.match(/[aeiou]/g) ?? []).length / letters.length < 0.2
  );
}

const RARE_PAIRS = new WeakMap<string[], Set<string>>();

/**
 * How many letter pairs of a label English words almost never contain (hosts.rareLetterPairs, counted from a general
 * word list): `vexqua`, `fjorx` and `kj3dq` have some, `shop`, `tokyo` and `maylove` none. Pairs are read inside
 * runs of letters only (digits and hyphens break them).
 */
export function rarePairs(label: string, hosts: HostLists): number {
  let set = RARE_PAIRS.get(hosts.rareLetterPairs);
  if (!set) {
    set = new Set(hosts.rareLetterPairs);
    RARE_PAIRS.set(hosts.rareLetterPairs, set);
  }
  let n = 0;
  for (const run of label.toLowerCase().split(/[^a-z]+/))
    for (let i = 0; i + 1 < run.length; i++) if (set.has(run.slice(i, i + 2))) n++;
  return n;
}

/** A platform's service host that is no web page for a reader (cpanel, webmail, mx2, _mta-sts). */
export function serviceLabel(label: string, hosts: HostLists): boolean {
  const bare = label.replace(/^_/, '');
  return hosts.serviceLabels.includes(bare) || hosts.serviceLabels.includes(bare.replace(/\d+$/, ''));
}

/** Whether some run of `n` letters in the label reads as a word (deliv in jsdelivr, valve, books). */
export function readableRun(label: string, n: number): boolean {
  for (const run of label.split(/[^a-z]+/))
    for (let i = 0; i + n <= run.length; i++) if (wordLike(run.slice(i, i + n))) return true;
  return false;
}

/** Each hyphen-separated part of a name reads as a word, a number after it allowed (tokyo-bento, shop24). */
export function readsAsWords(name: string): boolean {
  return name.split('-').every((p) => /^\d*$/.test(p) || wordLike(p.replace(/\d+$/, '')));
}

/**
 * A registered name that is noise throughout: strongly machine-made, six letters or more, with no five letters that
 * read as a word, or (with a made-up host name in front) machine-made with no four letters that read. Five
 * consonants are as often a company's or a project's initials (msnbc, tcpdf).
 */
export function noiseName(own: string, withSub: boolean): boolean {
  // A name with a version or year number after it (nghttp2, libfoo3): a project's.
  if (/^[a-z]+\d{1,2}$/.test(own)) return false;
  const r = randomness(own);
  return (r >= 2 && own.length >= 6 && !readableRun(own, 5)) || (withSub && noisy(own));
}

/** A name with machine-made letter pairs and no four letters that read (chnfy, vzonesc; not dropbox, canva). */
function noisy(name: string): boolean {
  return randomness(name) >= 1 && !readableRun(name, 4);
}

/** A name no one would say: noisy, or letters run into a number of two digits or more (99tbk, mycash68, ws5d). */
export function unsayable(name: string): boolean {
  return noisy(name) || /\d{2}|[a-z]\d[a-z]/.test(name);
}
