import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** sagicheck's version from package.json (dist/src/report/ → the package root). */
export function sagicheckVersion(): string {
  if (cached === null) {
    const url = new URL('../../../package.json', import.meta.url);
    cached = (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  }
  return cached;
}
