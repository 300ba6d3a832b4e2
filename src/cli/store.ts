import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Indicator } from '../engine/data/types.js';
import { type IndicatorFormat, normaliseUrl, parseIndicatorList } from '../engine/indicators.js';
import type { Db } from '../store/db.js';
import { Secrets } from '../store/secrets.js';

/** The user's data folder: $SAGICHECK_HOME, else $XDG_DATA_HOME/sagicheck, else ~/.local/share/sagicheck. */
export function dataDir(): string {
  if (process.env.SAGICHECK_HOME) return process.env.SAGICHECK_HOME;
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'sagicheck');
}

function indicatorsPath(): string {
  return join(dataDir(), 'indicators.json');
}

export function loadIndicators(): Indicator[] {
  try {
    return JSON.parse(readFileSync(indicatorsPath(), 'utf8')) as Indicator[];
  } catch {
    return [];
  }
}

export function importIndicators(
  text: string,
  file: string,
  format?: IndicatorFormat,
): { added: number; total: number; path: string } {
  const source = `${format ?? 'list'}:${file.split('/').pop()}`;
  const existing = loadIndicators();
  const seen = new Set(existing.map((i) => normaliseUrl(i.value)));
  let added = 0;
  for (const ind of parseIndicatorList(text, source, format)) {
    const key = normaliseUrl(ind.value);
    if (seen.has(key)) continue;
    seen.add(key);
    existing.push(ind);
    added++;
  }
  mkdirSync(dataDir(), { recursive: true });
  writeFileSync(indicatorsPath(), JSON.stringify(existing));
  return { added, total: existing.length, path: indicatorsPath() };
}

/** The user's store with every part's migrations applied: PostgreSQL at $DATABASE_URL, else embedded in the data folder. */
export async function openUserStore(): Promise<Db> {
  // Loaded on use: `scan` imports this module and must not pay for PGlite and pg at start.
  const { openStore } = await import('../store/schema.js');
  const url = process.env.DATABASE_URL;
  if (url) return openStore({ url });
  mkdirSync(dataDir(), { recursive: true });
  return openStore({ dir: join(dataDir(), 'db') });
}

/** Sealing for stored passwords and tokens: the SAGICHECK_SECRET passphrase, else a key file in the data folder. */
export function userSecrets(): Secrets {
  const passphrase = process.env.SAGICHECK_SECRET;
  return passphrase ? Secrets.fromPassphrase(passphrase) : Secrets.fromKeyFile(join(dataDir(), 'secret.key'));
}
