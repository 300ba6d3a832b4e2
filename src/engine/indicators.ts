import type { Indicator } from './data/types.js';

export type IndicatorFormat = 'jpcert' | 'phishtank' | 'openphish';

/** The form URLs are compared in: no scheme, lower-case host, no trailing slash or fragment. */
export function normaliseUrl(url: string): string {
  const s = url.trim().replace(/#.*$/, '');
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)(.*)$/i.exec(s);
  if (!m) return s.toLowerCase();
  const host = (m[1] ?? '').toLowerCase().replace(/\.$/, '');
  return `${host}${(m[2] ?? '').replace(/\/+$/, '')}`;
}

export function hostOf(url: string): string {
  return normaliseUrl(url).split(/[/?]/)[0]?.replace(/:\d+$/, '').replace(/^.*@/, '') ?? '';
}

/** Reads JPCERT/CC phishurl-list CSV, PhishTank CSV or OpenPhish text (format guessed from the header if not given). */
export function parseIndicatorList(text: string, source: string, format?: IndicatorFormat): Indicator[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const head = lines[0]?.toLowerCase() ?? '';
  const f =
    format ??
    (head.startsWith('date,url') ? 'jpcert' : head.startsWith('phish_id') ? 'phishtank' : 'openphish');
  const out: Indicator[] = [];
  if (f === 'openphish') {
    for (const l of lines)
      if (/^https?:\/\//i.test(l.trim())) out.push({ value: l.trim(), type: 'url', source });
    return out;
  }
  const header = splitCsv(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iUrl, iDate, iBrand] =
    f === 'jpcert'
      ? [col('url'), col('date'), col('description')]
      : [col('url'), col('submission_time'), col('target')];
  for (const l of lines.slice(1)) {
    const cells = splitCsv(l);
    const value = cells[iUrl]?.trim();
    if (!value) continue;
    const ind: Indicator = { value, type: 'url', source };
    const date = cells[iDate]?.trim();
    const brand = cells[iBrand]?.trim();
    if (date) ind.date = date;
    if (brand && brand.toLowerCase() !== 'other') ind.brand = brand;
    out.push(ind);
  }
  return out;
}

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export interface IndicatorIndex {
  urls: Map<string, Indicator>;
  hosts: Map<string, Indicator>;
}

const cache = new WeakMap<Indicator[], IndicatorIndex>();

export function indicatorIndex(list: Indicator[]): IndicatorIndex {
  const hit = cache.get(list);
  if (hit) return hit;
  const index: IndicatorIndex = { urls: new Map(), hosts: new Map() };
  for (const ind of list) {
    if (ind.type === 'host') index.hosts.set(ind.value.toLowerCase(), ind);
    else {
      index.urls.set(normaliseUrl(ind.value), ind);
      if (!index.hosts.has(hostOf(ind.value))) index.hosts.set(hostOf(ind.value), ind);
    }
  }
  cache.set(list, index);
  return index;
}
