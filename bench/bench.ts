/**
 * `npm run bench [-- DIR [WARM_DIR]]`: throughput of the CLI on one core (taskset -c 0), both from the first read to
 * the last byte written (the target's measure) and with the process start; throughput and per-message latency
 * (p50/p99) of a COLD single pass in a fresh process; and peak RSS for a 10,000-message mbox batch. Every figure is
 * given by wall clock and by CPU time: on a shared machine the wall clock mostly measures the neighbours.
 * The cold pass sees each message once, as the CLI does: a warm-up on the same messages would fill the per-host
 * caches (host facts, brand look-alikes) and flatter it by some 2x. WARM_DIR (e.g. a ham folder), if given, warms
 * the JIT on other mails first. DIR defaults to .corpus/phishing, extracted from ../shared/corpus when missing.
 * Analysis is offline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATA } from '../src/engine/data/default.js';
import { DEFAULT_LIMITS } from '../src/engine/parse/email.js';
import { scanEmail } from '../src/engine/scan.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin', 'sagicheck.js');
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--cold-pass') {
  await coldPass(process.argv[3] as string, process.argv[4]);
  process.exit(0);
}

let dir = process.argv[2] ?? join(root, '.corpus', 'phishing');
const warmDir = process.argv[3];
if (!existsSync(dir)) {
  const archive = join(root, '..', 'shared', 'corpus', 'phishing-pot-dev.tar.xz');
  if (!existsSync(archive)) throw new Error(`no corpus at ${dir} and no ${archive} to extract`);
  mkdirSync(join(root, '.corpus'), { recursive: true });
  execFileSync('tar', ['-xJf', archive, '-C', join(root, '.corpus')]);
  dir = join(root, '.corpus', 'phishing');
}
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.eml'))
  .sort()
  .map((f) => join(dir, f));

// 1. CLI throughput on one core. The machine may be shared: the best of three runs is reported, by wall clock and
// by CPU time. The CLI itself reports its batch's time from the first read to the last write (SAGICHECK_TIMING);
// the whole pipeline, process start included, is timed from here (CPU from this process's reaped-children counters).
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pin = hasTaskset ? 'taskset -c 0 ' : '';
const best = { batchWall: Infinity, batchCpu: Infinity, wall: Infinity, cpu: Infinity, lines: 0 };
for (let i = 0; i < 3; i++) {
  const c0 = childCpuSeconds();
  const t0 = performance.now();
  const run = spawnSync('sh', ['-c', `${pin}"${process.execPath}" "${bin}" scan --json "${dir}" | wc -l`], {
    env: { ...process.env, SAGICHECK_HOME: mkdtempSync(join(tmpdir(), 'sc-')), SAGICHECK_TIMING: '1' },
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = childCpuSeconds() - c0;
  const timing = /first read to last write ([\d.]+) s wall, ([\d.]+) s CPU/.exec(run.stderr.toString());
  best.wall = Math.min(best.wall, wall);
  best.cpu = Math.min(best.cpu, cpu);
  best.batchWall = Math.min(best.batchWall, Number(timing?.[1] ?? Number.NaN));
  best.batchCpu = Math.min(best.batchCpu, Number(timing?.[2] ?? Number.NaN));
  best.lines = Number(run.stdout.toString().trim());
}
const rate = (n: number, s: number) => (Number.isFinite(s) && s > 0 ? (n / s).toFixed(0) : '?');
console.log(
  `CLI ${hasTaskset ? 'on one core (taskset -c 0)' : '(taskset missing: not pinned)'}, best of 3, ${best.lines} messages (load average ${loadavg()[0]?.toFixed(1)}):`,
);
console.log(
  `  first read to last write: ${rate(best.lines, best.batchWall)} msgs/s by wall clock (${best.batchWall.toFixed(2)} s), ${rate(best.lines, best.batchCpu)} msgs/s by CPU time (${best.batchCpu.toFixed(2)} s)`,
);
console.log(
  `  with process start:       ${rate(best.lines, best.wall)} msgs/s by wall clock (${best.wall.toFixed(2)} s), ${rate(best.lines, best.cpu)} msgs/s by CPU time (${best.cpu.toFixed(2)} s)`,
);

/** User + system seconds of this process's waited-for children (Linux /proc; NaN elsewhere). */
function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the command name: state is field 3, cutime and cstime fields 16 and 17 (clock ticks, 100 a second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

// 2. A cold single pass in a fresh process (each message once, caches empty), then a second pass over the same
// messages for comparison: its caches are warm, which no real batch enjoys.
// Pinned to one core like the CLI: unpinned, the collector's helper threads run beside it and blur both clocks.
const coldArgs = [self, '--cold-pass', dir, ...(warmDir ? [warmDir] : [])];
const cold = hasTaskset
  ? spawnSync('taskset', ['-c', '0', process.execPath, ...coldArgs], {
      env: { ...process.env, BENCH_PINNED: '1' },
    })
  : spawnSync(process.execPath, coldArgs);
process.stdout.write(cold.stdout.toString());
if (cold.status !== 0) process.stderr.write(cold.stderr.toString());
const raws = files.map((f) => readFileSync(f));

// 3. Peak RSS for a 10,000-message batch (an mbox built by repeating the corpus).
const tmp = mkdtempSync(join(tmpdir(), 'sagicheck-bench-'));
const mbox = join(tmp, 'big.mbox');
const parts: Buffer[] = [];
for (let i = 0; i < 10000; i++) {
  // mboxrd quoting, as a mail client writes it, so body lines starting with "From " stay inside their message.
  const body = (raws[i % raws.length] as Buffer).toString('latin1').replace(/\n(>*From )/g, '\n>$1');
  parts.push(Buffer.from(`From bench@example ${i} Thu Jan  1 00:00:00 2026\n${body}\n`, 'latin1'));
}
writeFileSync(mbox, Buffer.concat(parts));
const probe = `import('${join(root, 'dist', 'src', 'cli', 'main.js')}').then(async (m) => { await m.main(['scan', '--json', '${mbox}']); process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'); })`;
// Reports go to a reader that keeps up (wc), as a terminal or file would: a slow reader would make Node buffer them.
const t1 = performance.now();
const big = spawnSync('sh', ['-c', `"${process.execPath}" --input-type=module -e "$PROBE" | wc -l`], {
  env: { ...process.env, PROBE: probe },
});
const rss = /MAXRSS (\d+)/.exec(big.stderr.toString())?.[1];
const count = Number(big.stdout.toString().trim());
console.log(
  `10,000-message mbox: ${count} reports in ${((performance.now() - t1) / 1000).toFixed(1)} s, peak RSS ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB`,
);
rmSync(tmp, { recursive: true, force: true });

/** The in-process figures, run in a child so that nothing before it has warmed the engine. */
async function coldPass(from: string, warm: string | undefined): Promise<void> {
  const read = (d: string) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => readFileSync(join(d, f)));
  const messages = read(from);
  // No time limit: a loaded machine would otherwise cut checks short and change the work measured.
  const options = { limits: { ...DEFAULT_LIMITS, maxMillis: Number.POSITIVE_INFINITY } };
  if (warm) for (const raw of read(warm)) await scanEmail(raw, DEFAULT_DATA, options).catch(() => null);
  for (const pass of ['cold single pass', 'second pass, same messages (warm caches: flattering)']) {
    const times: number[] = [];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const raw of messages) {
      const s = performance.now();
      await scanEmail(raw, DEFAULT_DATA, options).catch(() => null);
      times.push(performance.now() - s);
    }
    const wall = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(c0);
    const cpu = (used.user + used.system) / 1e6;
    times.sort((a, b) => a - b);
    const q = (p: number) =>
      (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(2);
    console.log(
      `in process${process.env.BENCH_PINNED ? ' on one core' : ''}, ${pass}${warm && pass.startsWith('cold') ? ` (JIT warmed on ${warm})` : ''}: ${(messages.length / wall).toFixed(0)} msgs/s by wall clock, ${(messages.length / cpu).toFixed(0)} by CPU time (${cpu.toFixed(2)} s); p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
    );
  }
}
