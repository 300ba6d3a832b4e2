/**
 * `npm run bench:watch [-- DIR]`: the IMAP watcher's backfill rate from a local dovecot (loaded with DIR's .eml files,
 * default the phishing_pot dev set) into the embedded store, and the process's peak RSS during it. Offline.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATA } from '../src/engine/data/default.js';
import type { Report } from '../src/engine/report.js';
import { analyseJob } from '../src/server/analyse.js';
import { insertCheck } from '../src/store/checks.js';
import { openStore } from '../src/store/schema.js';
import { type WatchState, watchMailbox } from '../src/watch/mailbox/watcher.js';
import { accountOf, dovecotMissing, startDovecot } from '../test/support/dovecot.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.argv[2] ?? join(root, '.corpus', 'phishing');
if (!existsSync(dir))
  throw new Error(`no corpus at ${dir}: run npm run bench once (it extracts it) or give a folder`);
const missing = dovecotMissing();
if (missing) throw new Error(missing);

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.eml'))
  .sort()
  .slice(0, 2500);
const server = await startDovecot();
server.deliver(files.map((f) => readFileSync(join(dir, f))));
const db = await openStore({ dir: mkdtempSync(join(tmpdir(), 'sagicheck-bench-db-')) });
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 100);
let state: WatchState | null = null;
let checked = 0;
let analysing = 0;
let storing = 0;
const started = performance.now();
await watchMailbox(accountOf(server, { moveTo: null }), {
  loadState: async () => state,
  saveState: async (s) => {
    state = s;
  },
  check: async (raw, meta) => {
    const t0 = performance.now();
    const outcome = await analyseJob({ kind: 'email', raw, name: `imap/${meta.uid}` }, DEFAULT_DATA);
    const t1 = performance.now();
    analysing += t1 - t0;
    if (!outcome.ok) return { verdict: 'no-threat-found' } as Report;
    await insertCheck(db, { id: `bench-${meta.uid}`, user: 'local', ...outcome });
    storing += performance.now() - t1;
    checked++;
    return JSON.parse(outcome.reportJson) as Report;
  },
  backfillSince: null,
  follow: false,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  `IMAP backfill of ${checked} messages from a local dovecot into the embedded store, keyword set on threats:`,
);
console.log(
  `  ${(checked / seconds).toFixed(0)} msgs/s (${seconds.toFixed(1)} s), peak RSS ${(peak / 1048576).toFixed(0)} MB`,
);
console.log(
  `  of which analysis ${(analysing / 1000).toFixed(1)} s, storing ${(storing / 1000).toFixed(1)} s, IMAP and the rest ${(seconds - (analysing + storing) / 1000).toFixed(1)} s`,
);
await db.close();
await server.stop();
