/**
 * Evaluation over labelled corpora (never committed): `npm run eval -- DIR...` for mail folders,
 * `npm run eval -- --urls FILE.csv [--sample N] [--seed S] [--years 2023,2024]` for a JPCERT/CC URL list, and
 * `npm run eval -- --ham-links DIR` for the links found in legitimate mail. Runs with no indicator lists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { brandIndex, imitation } from '../src/engine/analysis/brands.js';
import { extractLinks } from '../src/engine/analysis/links.js';
import { fold } from '../src/engine/analysis/text.js';
import { hostInfo } from '../src/engine/analysis/url.js';
import { DEFAULT_DATA } from '../src/engine/data/default.js';
import { parseEmail } from '../src/engine/parse/email.js';
import type { Report, Verdict } from '../src/engine/report.js';
import { scanEmail, scanUrl } from '../src/engine/scan.js';

const data = { ...DEFAULT_DATA, indicators: [] };
const FLAGGED: Verdict[] = ['phishing', 'scam', 'suspicious'];

class Group {
  count = 0;
  errors = 0;
  verdicts = new Map<string, number>();
  rules = new Map<string, number>();
  add(r: Report): void {
    this.count++;
    this.verdicts.set(r.verdict, (this.verdicts.get(r.verdict) ?? 0) + 1);
    for (const id of new Set(r.findings.map((f) => f.rule)))
      this.rules.set(id, (this.rules.get(id) ?? 0) + 1);
  }
  flagged(): number {
    return FLAGGED.reduce((n, v) => n + (this.verdicts.get(v) ?? 0), 0);
  }
  print(name: string, seconds?: number): void {
    const pct = (n: number) => `${((100 * n) / Math.max(1, this.count)).toFixed(2)}%`;
    const rate = seconds ? `, ${(this.count / seconds).toFixed(0)} msg/s` : '';
    console.log(
      `\n## ${name}: ${this.count} messages, flagged ${pct(this.flagged())} (${this.flagged()})${this.errors ? `, unreadable ${this.errors}` : ''}${rate}`,
    );
    console.log(
      `   verdicts: ${[...this.verdicts]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    const top = [...this.rules].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`   top rules: ${top.map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  }
}

async function evalDirs(dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const files = readdirSync(dir)
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort();
    const all = new Group();
    const byPrefix = new Map<string, Group>();
    const t0 = performance.now();
    for (const f of files) {
      const prefix = f.replace(/[-_.]?\d.*$/, '') || '(none)';
      const g = byPrefix.get(prefix) ?? new Group();
      byPrefix.set(prefix, g);
      try {
        const r = await scanEmail(readFileSync(join(dir, f)), data, { source: { path: f } });
        all.add(r);
        g.add(r);
      } catch {
        all.errors++;
        g.errors++;
      }
    }
    all.print(basename(dir), (performance.now() - t0) / 1000);
    if (byPrefix.size > 1) for (const [p, g] of byPrefix) g.print(`${basename(dir)}/${p}-*`);
  }
}

/** A small deterministic PRNG (mulberry32) so samples are the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function evalUrls(file: string, sample: number, seed: number, years: string[]): void {
  const rows = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => {
      const [date, url, ...brand] = l.split(',');
      return { date: date ?? '', url: url ?? '', label: brand.join(',') };
    })
    .filter((r) => r.url && years.some((y) => r.date.startsWith(y)));
  const rand = rng(seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as (typeof rows)[0], rows[i] as (typeof rows)[0]];
  }
  const picked = rows.slice(0, sample);
  const index = brandIndex(data);
  const g = new Group();
  let named = 0;
  let namedRight = 0;
  let guessedWrong = 0;
  const t0 = performance.now();
  for (const row of picked) {
    const r = scanUrl(row.url, data);
    g.add(r);
    // The label's catalogue brand, by our own aliases (no mapping table of the evaluation set's names).
    const labelBrand = index.aliasPattern
      ? [...fold(row.label).matchAll(index.aliasPattern)].map((m) => index.aliases.get(m[0])?.brand)[0]
      : undefined;
    if (!labelBrand) continue;
    const lower = fold(row.url);
    const host = safeHost(row.url);
    const imitates = host ? imitation(index, hostInfo(host))?.brand.id === labelBrand.id : false;
    // Whole tokens, so short keywords (etc, eki) do not count inside other words.
    const tokens = lower.split(/[^a-z0-9]+/);
    const has = (k: string) => tokens.some((t) => t === k || (k.length >= 5 && t.includes(k)));
    const names =
      imitates ||
      labelBrand.domainKeywords.some(has) ||
      labelBrand.aliases.some((a) => /^[a-z0-9]+$/.test(fold(a)) && has(fold(a)));
    if (names) {
      named++;
      if (r.brand === labelBrand.id) namedRight++;
    } else if (r.brand && r.brand !== labelBrand.id) guessedWrong++;
  }
  g.print(
    `JPCERT URLs ${years.join('+')} (sample ${picked.length}, seed ${seed})`,
    (performance.now() - t0) / 1000,
  );
  console.log(
    `   brand right where the URL names or imitates it: ${namedRight}/${named} (${((100 * namedRight) / Math.max(1, named)).toFixed(1)}%); a wrong brand guessed elsewhere: ${guessedWrong}`,
  );
}

function safeHost(u: string): string | null {
  try {
    return new URL(/^[a-z]+:\/\//i.test(u) ? u : `http://${u}`).hostname;
  } catch {
    return null;
  }
}

async function evalHamLinks(dir: string): Promise<void> {
  const g = new Group();
  const seen = new Set<string>();
  for (const f of readdirSync(dir).sort()) {
    try {
      const m = await parseEmail(readFileSync(join(dir, f)));
      for (const l of extractLinks(m, data.hosts)) {
        if (!l.host || seen.has(l.destination)) continue;
        seen.add(l.destination);
        g.add(scanUrl(l.destination, data));
      }
    } catch {
      g.errors++;
    }
  }
  g.print(`links in ${basename(dir)} (distinct)`);
}

const { values, positionals } = parseArgs({
  options: {
    urls: { type: 'string' },
    sample: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    years: { type: 'string', default: '2023,2024' },
    'ham-links': { type: 'string' },
  },
  allowPositionals: true,
});
if (values.urls) evalUrls(values.urls, Number(values.sample), Number(values.seed), values.years.split(','));
if (values['ham-links']) await evalHamLinks(values['ham-links']);
if (positionals.length) await evalDirs(positionals);
if (!values.urls && !values['ham-links'] && !positionals.length) {
  console.error(
    'usage: npm run eval -- DIR... | --urls jpcert.csv [--sample N --seed S --years 2023,2024] | --ham-links DIR',
  );
  process.exitCode = 64;
}
