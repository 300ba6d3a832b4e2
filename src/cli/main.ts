import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA } from '../engine/data/default.js';
import type { EngineData } from '../engine/data/types.js';
import { DEFAULT_LIMITS, UnreadableInput } from '../engine/parse/email.js';
import type { ErrorLine, Report, Verdict } from '../engine/report.js';
import { type ScanOptions, scanEmail, scanText, scanUrl } from '../engine/scan.js';
import { exitCode, VERDICT_THRESHOLDS } from '../engine/verdict.js';
import { formatReport, type Lang, verdictLabel } from './format.js';
import { expandInputs, type Input, readStdin, totalBytes } from './inputs.js';
import { importIndicators, loadIndicators } from './store.js';
import { type CommandModule, EXIT, UsageError } from './usage.js';

export { EXIT } from './usage.js';

const HELP = `sagicheck — 詐欺チェック: is this mail, SMS or URL really from the brand it claims?

Usage:
  sagicheck scan [options] FILE|DIR|- ...     check e-mails (.eml, .msg, mbox, folders; - reads stdin)
  sagicheck url [options] URL ... | -         check URLs (one per line on stdin with -)
  sagicheck text [options] TEXT ... | -       check an SMS or chat message (- reads stdin)
  sagicheck indicators import FILE [--format jpcert|phishtank|openphish]
                                              add a phishing URL list to your data folder

Options:
  --json                  JSON Lines: one report per message, in input order
  --lang ja|en            language of the human-readable output (default: ja)
  --trust-receiver HOST   also trust Authentication-Results written by HOST at its own hop (repeatable)
  --verify-dns            check DKIM and DMARC live over DNS (the only option that uses the network)
  --max-size MB           largest message read (default ${DEFAULT_LIMITS.maxBytes / 1048576})
  --max-depth N           deepest MIME nesting read (default ${DEFAULT_LIMITS.maxDepth})
  --max-time MS           time for the checks of one message (default ${DEFAULT_LIMITS.maxMillis})
  -h, --help              this help
  -v, --version           version

Verdicts and score (0-100): phishing or scam at ${VERDICT_THRESHOLDS.threat} and above, suspicious (or spam) at ${VERDICT_THRESHOLDS.suspicious} and above.

Exit codes:
  0   no threat found
  1   suspicious or spam
  2   phishing or scam (a batch exits with its worst verdict's code)
  64  usage error
  65  a single input that cannot be read at all

Data folder: $SAGICHECK_HOME, else $XDG_DATA_HOME/sagicheck, else ~/.local/share/sagicheck.
Nothing leaves this machine unless you pass --verify-dns; links are never fetched.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      process.stdout.write(await fullHelp());
      return command ? EXIT.clean : EXIT.usage;
    }
    if (command === '-v' || command === '--version') {
      process.stdout.write(`${version()}\n`);
      return EXIT.clean;
    }
    switch (command) {
      case 'scan':
        return await scanCommand(rest);
      case 'url':
      case 'text':
        return await textCommand(command, rest);
      case 'indicators':
        return await indicatorsCommand(rest);
      default: {
        const module = await commandModule(command);
        if (!module) throw new UsageError(`unknown command: ${command}`);
        return await module.run(rest);
      }
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sagicheck: ${(err as Error).message}\nTry 'sagicheck --help'.\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

const COMMON = {
  json: { type: 'boolean' },
  lang: { type: 'string', default: 'ja' },
  'trust-receiver': { type: 'string', multiple: true },
  'max-size': { type: 'string' },
  'max-depth': { type: 'string' },
  'max-time': { type: 'string' },
  'verify-dns': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Common {
  json: boolean;
  lang: Lang;
  options: ScanOptions;
  data: EngineData;
}

async function common(values: Record<string, unknown>): Promise<Common> {
  const lang = values.lang as string;
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang takes ja or en, not ${lang}`);
  const limits = { ...DEFAULT_LIMITS };
  if (values['max-size'] !== undefined)
    limits.maxBytes = positive(values['max-size'], '--max-size') * 1048576;
  if (values['max-depth'] !== undefined)
    limits.maxDepth = Math.floor(positive(values['max-depth'], '--max-depth'));
  if (values['max-time'] !== undefined) limits.maxMillis = positive(values['max-time'], '--max-time');
  return {
    json: values.json === true,
    lang,
    options: {
      limits,
      trustReceivers: (values['trust-receiver'] as string[] | undefined) ?? [],
      // mailauth (and the DNS and HTTP stacks it pulls in) is loaded only for --verify-dns: it cost a third of
      // the start of every offline scan.
      ...(values['verify-dns'] ? { verifyAuth: (await import('./verify-dns.js')).dnsVerifier() } : {}),
    },
    data: { ...DEFAULT_DATA, indicators: loadIndicators() },
  };
}

function positive(v: unknown, name: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} takes a positive number, not ${v}`);
  return n;
}

async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMON, allowPositionals: true });
  if (values.help) return await help();
  if (positionals.length === 0) throw new UsageError('scan needs a file, a folder or - for stdin');
  const c = await common(values);
  const tty = process.stderr.isTTY === true;
  const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const tally = new Tally();
  const total = tty ? totalBytes(positionals) : null;
  let done = 0;
  let drawn = 0;
  let inputs = 0;
  let lastError: ErrorLine | null = null;
  const out = new Batch(process.stdout);
  // SAGICHECK_TIMING=1: the batch's own time, from the first read to the last byte written (what `npm run bench`
  // reports as the CLI's throughput; the process start is measured apart).
  const timing = process.env.SAGICHECK_TIMING ? { wall: performance.now(), cpu: process.cpuUsage() } : null;
  for await (const input of expandInputs(
    positionals,
    c.options.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes,
  )) {
    inputs++;
    const result = await check(input, c);
    if ('error' in result) {
      lastError = result;
      tally.unreadable++;
      if (c.json) out.write(`${JSON.stringify(result)}\n`);
      else {
        out.flush();
        process.stderr.write(
          `${clearLine(tty)}sagicheck: ${result.source.path}${result.source.index !== undefined ? ` #${result.source.index}` : ''}: ${result.error}\n`,
        );
      }
    } else {
      tally.add(result.verdict);
      out.write(c.json ? `${JSON.stringify(result)}\n` : `${formatReport(result, c.lang, colour)}\n`);
    }
    await out.drained();
    if ('raw' in input) done += input.raw.byteLength;
    // Redrawn at most ten times a second: drawing each of thousands of messages would cost more than it shows.
    if (tty && inputs > 1 && performance.now() - drawn > 100) {
      drawn = performance.now();
      out.flush();
      process.stderr.write(`\r${progressBar(done, total)}${tally.progress(c.lang)}\x1b[K`);
    }
  }
  out.flush();
  if (timing) {
    const cpu = process.cpuUsage(timing.cpu);
    process.stderr.write(
      `sagicheck: timing: ${inputs} inputs, first read to last write ${((performance.now() - timing.wall) / 1000).toFixed(3)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s CPU\n`,
    );
  }
  if (tty && inputs > 1) process.stderr.write(clearLine(true));
  if (inputs === 1 && lastError) return EXIT.unreadable;
  if (inputs > 1) (c.json ? process.stderr : process.stdout).write(`\n${tally.table(c.lang)}`);
  return tally.exit();
}

/**
 * Reports written to stdout some 64 KB at a time: a write per report was a system call (and a pass through the
 * stream machinery) per message. A terminal still sees each report at once; stderr lines flush what came before.
 */
class Batch {
  private parts: string[] = [];
  private size = 0;
  private readonly interactive: boolean;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.interactive = stream.isTTY === true;
  }

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.interactive || this.size >= 65536) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.stream.write(this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  /**
   * Waits while the reader is behind. A pipe (`| wc`, `| jq`) takes at most its buffer at once and Node queues the rest
   * in memory: without this wait a 10,000-message batch held ~200 MB of reports nobody had read yet.
   */
  async drained(): Promise<void> {
    if (this.stream.writableNeedDrain) await new Promise((resolve) => this.stream.once('drain', resolve));
  }
}

async function check(input: Input, c: Common): Promise<Report | ErrorLine> {
  if ('error' in input) return { source: input.source, error: input.error };
  try {
    return await scanEmail(input.raw, c.data, { ...c.options, source: input.source });
  } catch (err) {
    if (err instanceof UnreadableInput) return { source: input.source, error: err.message };
    return { source: input.source, error: `internal error: ${(err as Error).message}` };
  }
}

async function textCommand(kind: 'url' | 'text', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMON, allowPositionals: true });
  if (values.help) return await help();
  if (positionals.length === 0)
    throw new UsageError(`${kind} needs ${kind === 'url' ? 'a URL' : 'a text'} or - for stdin`);
  const c = await common(values);
  const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const tally = new Tally();
  const items: { value: string; path: string; index?: number }[] = [];
  for (const p of positionals) {
    if (p !== '-') {
      items.push({ value: p, path: 'argv', index: items.length });
      continue;
    }
    const stdin = (await readStdin()).toString('utf8');
    if (kind === 'text') items.push({ value: stdin, path: '-' });
    else
      stdin
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .forEach((l, index) => {
          items.push({ value: l, path: '-', index });
        });
  }
  for (const item of items) {
    const source = item.index !== undefined ? { path: item.path, index: item.index } : { path: item.path };
    const opts = { ...c.options, source };
    const report = kind === 'url' ? scanUrl(item.value, c.data, opts) : scanText(item.value, c.data, opts);
    tally.add(report.verdict);
    process.stdout.write(
      c.json ? `${JSON.stringify(report)}\n` : `${formatReport(report, c.lang, colour)}\n`,
    );
  }
  if (items.length > 1 && !c.json) process.stdout.write(tally.table(c.lang));
  return tally.exit();
}

async function indicatorsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) return await help();
  const [sub, file] = positionals;
  if (sub !== 'import' || !file)
    throw new UsageError('usage: sagicheck indicators import FILE [--format jpcert|phishtank|openphish]');
  const format = values.format;
  if (format !== undefined && !['jpcert', 'phishtank', 'openphish'].includes(format)) {
    throw new UsageError(`--format takes jpcert, phishtank or openphish, not ${format}`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`sagicheck: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}\n`);
    return EXIT.unreadable;
  }
  const { added, total, path } = importIndicators(
    text,
    file,
    format as 'jpcert' | 'phishtank' | 'openphish' | undefined,
  );
  process.stdout.write(`${added} indicators added from ${file} (${total} in ${path})\n`);
  return EXIT.clean;
}

/**
 * Commands beyond checking (serve, recover, case, report, charges, watch …) are one module each in `commands/`,
 * loaded only when called, so `scan` does not pay for a database or a web server at start.
 */
const COMMANDS_DIR = new URL('./commands/', import.meta.url);

async function commandModule(name: string): Promise<CommandModule | null> {
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(new URL(`${name}.js`, COMMANDS_DIR))) return null;
  return (await import(new URL(`${name}.js`, COMMANDS_DIR).href)) as CommandModule;
}

async function help(): Promise<number> {
  process.stdout.write(await fullHelp());
  return EXIT.clean;
}

async function fullHelp(): Promise<string> {
  const names = existsSync(COMMANDS_DIR)
    ? readdirSync(COMMANDS_DIR)
        .filter((f) => f.endsWith('.js') && !f.endsWith('.test.js'))
        .map((f) => f.slice(0, -3))
        .sort()
    : [];
  const more: string[] = [];
  for (const name of names) more.push((await commandModule(name))?.usage ?? '');
  return more.length ? HELP.replace('\nOptions:', `${more.join('')}\nOptions:`) : HELP;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** `[#######-------------]  35% ` from bytes read; nothing when the total is unknown (stdin). */
export function progressBar(done: number, total: number | null, width = 20): string {
  if (!total) return '';
  const share = Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% `;
}

function clearLine(tty: boolean): string {
  return tty ? '\r\x1b[K' : '';
}

class Tally {
  counts: Record<Verdict, number> = { phishing: 0, scam: 0, suspicious: 0, spam: 0, 'no-threat-found': 0 };
  unreadable = 0;
  private started = performance.now();
  private worst = 0;

  add(v: Verdict): void {
    this.counts[v]++;
    this.worst = Math.max(this.worst, exitCode(v));
  }

  exit(): number {
    return this.worst;
  }

  total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0) + this.unreadable;
  }

  progress(lang: Lang): string {
    const flagged = this.counts.phishing + this.counts.scam + this.counts.suspicious;
    const rate = this.total() / Math.max(0.001, (performance.now() - this.started) / 1000);
    return lang === 'ja'
      ? `検査済み ${this.total()} 通 / 要注意以上 ${flagged} 通 / ${rate.toFixed(0)} 通/秒`
      : `${this.total()} checked, ${flagged} flagged, ${rate.toFixed(0)} msg/s`;
  }

  table(lang: Lang): string {
    const rows: [string, number][] = (Object.keys(this.counts) as Verdict[]).map((v) => [
      verdictLabel(v, lang),
      this.counts[v],
    ]);
    rows.push([lang === 'ja' ? '読み取れず' : 'unreadable', this.unreadable]);
    rows.push([lang === 'ja' ? '合計' : 'total', this.total()]);
    const width = Math.max(...rows.map(([k]) => displayWidth(k)));
    return `${rows.map(([k, n]) => `${k}${' '.repeat(width - displayWidth(k))}  ${String(n).padStart(7)}`).join('\n')}\n`;
  }
}

/** Columns a string takes in a terminal: CJK characters are two wide. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}
