/**
 * `npm run bench:serve [-- --connections 50 --amount 10000 --workers N --mail FILE]`: `sagicheck serve` as a user
 * starts it (a child process, embedded database in a fresh data folder, or PostgreSQL when DATABASE_URL is set),
 * then autocannon POSTs a typical 30 KB mail to /api/v1/check from 50 concurrent connections on loopback.
 * Reports the time from spawn to the first answered request, requests/s, latency p50/p99 and the server's RSS after
 * the run. The per-client rate limit is switched off for the run (--rate 0): one load tool is one client.
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
    workers: { type: 'string' },
    mail: { type: 'string' },
  },
});
const connections = Number(values.connections);
const amount = Number(values.amount);

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

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function startServer(
  home: string,
): Promise<{ child: ChildProcess; url: string; startupMs: number; listenMs: number }> {
  const args = [join(root, 'bin', 'sagicheck.js'), 'serve', '--port', '0', '--rate', '0'];
  if (values.workers) args.push('--workers', values.workers);
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SAGICHECK_HOME: home },
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

async function main(): Promise<void> {
  const autocannon = ((await import('autocannon' as string)) as { default: Autocannon }).default;
  const mail = values.mail ? readFileSync(values.mail, 'utf8') : typicalMail();
  const home = mkdtempSync(join(tmpdir(), 'sagicheck-serve-bench-'));
  const load0 = loadavg();
  // The first start creates the embedded database (initdb); the figure that matters day to day is a restart.
  const first = await startServer(home);
  first.child.kill('SIGTERM');
  await new Promise((r) => first.child.once('exit', r));
  const { child, url, startupMs, listenMs } = await startServer(home);
  try {
    const target = `${url}api/v1/check`;
    const post = { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: mail };
    const probe = await fetch(target, post);
    const report = (await probe.json()) as { report: { verdict: string; score: number } };
    if (probe.status !== 201) throw new Error(`check: ${probe.status}`);
    // Warm-up: the JIT and the database's caches, not counted.
    const startupCpu = cpuOf(child.pid as number);
    await autocannon({ url: target, connections, amount: Math.min(1000, amount), ...post });
    const pid = child.pid as number;
    const cpu0 = cpuOf(pid);
    const main0 = cpuOf(pid, pid);
    const r = await autocannon({ url: target, connections, amount, ...post, timeout: 30 });
    const cpuPerCheck = ((cpuOf(pid) - cpu0) * 1000) / r.requests.total;
    const mainPerCheck = ((cpuOf(pid, pid) - main0) * 1000) / r.requests.total;
    const mem = rssOf(child.pid as number);
    const load1 = loadavg();
    const lines = [
      '',
      `sagicheck serve on ${availableParallelism()} cores (${values.workers ?? availableParallelism()} analysis threads), ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite on disk'}`,
      `mail: ${(Buffer.byteLength(mail) / 1024).toFixed(1)} KB, verdict ${report.report.verdict} (${report.report.score}); ${connections} connections, ${amount} checks after ${Math.min(1000, amount)} warm-up; rate limit off for the run (--rate 0)`,
      `startup, first run (creates the database): first request answered after ${first.startupMs.toFixed(0)} ms`,
      `startup, restart: listening after ${listenMs.toFixed(0)} ms, first request answered after ${startupMs.toFixed(0)} ms (server CPU until then incl. one check: ${startupCpu.toFixed(1)} s)`,
      `throughput: ${(r.requests.total / r.duration).toFixed(0)} checks/s (autocannon mean ${r.requests.average.toFixed(0)} req/s over ${r.duration.toFixed(1)} s)`,
      `server CPU per check: ${cpuPerCheck.toFixed(2)} ms (all threads; main thread: HTTP and database ${mainPerCheck.toFixed(2)} ms) — about ${((availableParallelism() * 1000) / cpuPerCheck).toFixed(0)} checks/s if the server had the ${availableParallelism()} cores to itself`,
      `latency: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
      `answers: ${r['2xx']} 2xx, ${r.non2xx} other, ${r.errors} errors, ${r.timeouts} timeouts`,
      `server memory after ${amount + Math.min(1000, amount) + 1} checks: RSS ${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB)`,
      `machine load average (1 min) before/after: ${load0[0]?.toFixed(1)} / ${load1[0]?.toFixed(1)} on ${availableParallelism()} cores — shared machine, figures are lower bounds`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
