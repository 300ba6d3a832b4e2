/**
 * `npm run bench:serve [-- --connections 50 --amount 10000 --rate 500 --workers N --mail FILE]`: `sagicheck serve` as
 * a user starts it (a child process, embedded database in a fresh data folder; or, when DATABASE_URL is set, a
 * throw-away database created on that PostgreSQL server and dropped after), then autocannon POSTs a typical 30 KB mail
 * to /api/v1/check from 50 connections on loopback, twice:
 *  (a) closed loop: each connection sends its next check as soon as it has the answer — the most the server does;
 *  (b) a fixed offered rate (500 checks/s over the 50 connections, autocannon's overallRate): the latency a client
 *      sees at that rate, the target (500 checks/s at p99 <= 50 ms). A connection still waits for its answer,
 *      so when the server falls behind it gets fewer than offered: the rate achieved is printed beside it.
 * Reports the time from spawn to the first answered request, checks/s, latency p50/p99, CPU per check of the server
 * (main thread and analysis threads apart, and PostgreSQL's backends), and the server's RSS after 10,000 checks.
 * The per-client rate limit is switched off for the run (--rate 0 to the server): one load tool is one client.
 * The figures depend on what else the machine runs: the load average is printed with them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface Result {
  requests: Histogram & { total: number; sent: number };
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    amount: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '500' },
    'rate-amount': { type: 'string', default: '5000' },
    workers: { type: 'string' },
    mail: { type: 'string' },
  },
});
const connections = Number(values.connections);
const amount = Number(values.amount);
const offered = Number(values.rate);
const offeredAmount = Number(values['rate-amount']);
const APP_NAME = 'sagicheck-serve-bench';

/** An invented but typical notification mail: transport headers, a text part and a table-laid HTML part, ~30 KB. */
function typicalMail(targetBytes = 30 * 1024): string {
  const row = (i: number) =>
    `<tr><td style="padding:8px;border-bottom:1px solid #ddd"><a href="https://shop.example.jp/item/${1000 + i}?utm_source=mail">` +
    `商品 ${i}: 季節のおすすめセット</a></td><td style="text-align:right;padding:8px">¥${(1200 + i * 37).toLocaleString('ja-JP')}</td></tr>\n`;
  let rows = '';
  for (let i = 0; rows.length < targetBytes * 0.55; i++) rows += row(i);
  const html = `<!doctype html><html><body style="font-family:sans-serif;background:#f5f5f5">
<table width="600" align="center" style="background:#fff"><tr><td style="padding:16px"><h1 style="font-size:20px">ご注文ありがとうございます</h1>
<p>いつもご利用いただきありがとうございます。お客様のご注文を承りました。お届け予定日は3日後です。</p>
<p>アカウントの確認が必要です。24時間以内に<a href="http://shop-example-jp.account-check.xyz/login">こちら</a>からログインしてください。</p>
<table width="100%">${rows}</table>
<p style="font-size:12px;color:#888">このメールは送信専用です。配信停止は<a href="https://shop.example.jp/unsubscribe">こちら</a>。</p>
</td></tr></table></body></html>`;
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, Math.max(0, targetBytes - html.length - 2000));
  const boundary = 'bench-boundary-0001';
  const b64 = (s: string) => Buffer.from(s).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    'Received: from mail.shop.example.jp (mail.shop.example.jp [192.0.2.10]) by mx.example.net with ESMTPS id abc123 for <user@example.net>; Mon, 23 Nov 2026 09:00:00 +0900',
    'Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=shop.example.jp; dkim=pass header.d=shop.example.jp; dmarc=pass header.from=shop.example.jp',
    'From: =?UTF-8?B?44K344On44OD44OX?= <order@shop.example.jp>',
    'To: user@example.net',
    `Subject: =?UTF-8?B?${Buffer.from('【ご注文確認】アカウントの確認をお願いします').toString('base64')}?=`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0900',
    'Message-ID: <bench-0001@shop.example.jp>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64(text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64(html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** CPU seconds (user + system, all threads) the process has used: a figure the machine's other load inflates less. */
function cpuOf(pid: number, thread?: number): number {
  const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The CPU seconds of the PostgreSQL backends serving the bench's server (found by application_name). */
async function postgresCpu(url: string | null): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  if (!url) return seen;
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (
      await client.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [
        APP_NAME,
      ])
    ).rows;
    for (const { pid } of rows) {
      try {
        seen.set(pid, cpuOf(pid));
      } catch {
        // A backend on another machine, or gone: not counted.
      }
    }
  } finally {
    await client.end();
  }
  return seen;
}

function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, cpu] of after) sum += cpu - (before.get(pid) ?? 0);
  return sum;
}

/** A throw-away database on the server DATABASE_URL names, for one run; the server connects with APP_NAME. */
async function throwAwayDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const name = `sagicheck_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  u.searchParams.set('application_name', APP_NAME);
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function startServer(
  home: string,
  databaseUrl: string | null,
): Promise<{ child: ChildProcess; url: string; startupMs: number; listenMs: number }> {
  const args = [join(root, 'bin', 'sagicheck.js'), 'serve', '--port', '0', '--rate', '0'];
  if (values.workers) args.push('--workers', values.workers);
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SAGICHECK_HOME: home, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  const listenMs = performance.now() - t0;
  const r = await fetch(`${url}api/v1/session`);
  if (r.status !== 200) throw new Error(`session: ${r.status}`);
  await r.text();
  return { child, url, startupMs: performance.now() - t0, listenMs };
}

interface Run {
  result: Result;
  checksPerSecond: number;
  cpuMs: number;
  mainMs: number;
  postgresMs: number;
}

/** One autocannon run, with the server's CPU per check over it (all threads, main thread, PostgreSQL backends). */
async function measure(
  autocannon: Autocannon,
  pid: number,
  databaseUrl: string | null,
  options: Record<string, unknown>,
): Promise<Run> {
  const cpu0 = cpuOf(pid);
  const main0 = cpuOf(pid, pid);
  const pg0 = await postgresCpu(databaseUrl);
  const result = await autocannon({ ...options, timeout: 30 });
  const n = Math.max(1, result.requests.total);
  const pg1 = await postgresCpu(databaseUrl);
  return {
    result,
    checksPerSecond: result.requests.total / result.duration,
    cpuMs: ((cpuOf(pid) - cpu0) * 1000) / n,
    mainMs: ((cpuOf(pid, pid) - main0) * 1000) / n,
    postgresMs: (cpuSince(pg0, pg1) * 1000) / n,
  };
}

function describe(run: Run, postgres: boolean): string[] {
  const r = run.result;
  const cores = availableParallelism();
  const total = run.cpuMs + run.postgresMs;
  return [
    `  throughput: ${run.checksPerSecond.toFixed(0)} checks/s over ${r.duration.toFixed(1)} s; latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
    `  CPU per check: server ${run.cpuMs.toFixed(2)} ms = main thread (HTTP, database client${postgres ? '' : ', PGlite'}) ${run.mainMs.toFixed(2)} ms + analysis threads ${(run.cpuMs - run.mainMs).toFixed(2)} ms` +
      (postgres ? `; PostgreSQL backends ${run.postgresMs.toFixed(2)} ms` : '') +
      ` — about ${((cores * 1000) / total).toFixed(0)} checks/s if this had the ${cores} cores to itself`,
    `  answers: ${r['2xx']} 2xx, ${r.non2xx} other, ${r.errors} errors, ${r.timeouts} timeouts`,
  ];
}

async function main(): Promise<void> {
  const autocannon = ((await import('autocannon' as string)) as { default: Autocannon }).default;
  const mail = values.mail ? readFileSync(values.mail, 'utf8') : typicalMail();
  const home = mkdtempSync(join(tmpdir(), 'sagicheck-serve-bench-'));
  const database = process.env.DATABASE_URL ? await throwAwayDatabase(process.env.DATABASE_URL) : null;
  const databaseUrl = database?.url ?? null;
  const load0 = loadavg();
  // The first start creates the database (initdb for PGlite); the figure that matters day to day is a restart.
  const first = await startServer(home, databaseUrl);
  first.child.kill('SIGTERM');
  await new Promise((r) => first.child.once('exit', r));
  const { child, url, startupMs, listenMs } = await startServer(home, databaseUrl);
  const pid = child.pid as number;
  try {
    const target = `${url}api/v1/check`;
    const post = { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: mail };
    const probe = await fetch(target, post);
    const report = (await probe.json()) as { report: { verdict: string; score: number } };
    if (probe.status !== 201) throw new Error(`check: ${probe.status}`);
    const startupCpu = cpuOf(pid);
    const warm = Math.min(1000, amount);
    // Warm-up: the JIT and the database's caches, not counted.
    await autocannon({ url: target, connections, amount: warm, ...post });
    const closed = await measure(autocannon, pid, databaseUrl, { url: target, connections, amount, ...post });
    const mem = rssOf(pid);
    const open = await measure(autocannon, pid, databaseUrl, {
      url: target,
      connections,
      amount: offeredAmount,
      overallRate: offered,
      ...post,
    });
    const load1 = loadavg();
    const cores = availableParallelism();
    const postgres = databaseUrl !== null;
    const lines = [
      '',
      `sagicheck serve on ${cores} cores (${values.workers ?? cores} analysis threads), ${postgres ? 'PostgreSQL (a throw-away database)' : 'embedded PGlite on disk'}`,
      `mail: ${(Buffer.byteLength(mail) / 1024).toFixed(1)} KB, verdict ${report.report.verdict} (${report.report.score}); ${connections} connections; rate limit off for the run (serve --rate 0)`,
      `startup, first run (creates the database): first request answered after ${first.startupMs.toFixed(0)} ms`,
      `startup, restart: listening after ${listenMs.toFixed(0)} ms, first request answered after ${startupMs.toFixed(0)} ms (server CPU until then incl. one check: ${startupCpu.toFixed(1)} s)`,
      `(a) closed loop, ${connections} connections as fast as they are answered, ${amount} checks after ${warm} warm-up:`,
      ...describe(closed, postgres),
      `  server memory after ${amount + warm + 1} checks: RSS ${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB)`,
      `(b) offered rate ${offered} checks/s over ${connections} connections (autocannon overallRate), ${offeredAmount} checks — the target is p99 <= 50 ms here:`,
      ...describe(open, postgres),
      `machine load average (1 min) before/after: ${load0[0]?.toFixed(1)} / ${load1[0]?.toFixed(1)} on ${cores} cores — shared machine, figures are lower bounds`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(home, { recursive: true, force: true });
    await database?.drop();
  }
}

await main();
