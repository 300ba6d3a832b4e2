/**
 * End-to-end support: the real server (`sagicheck serve --port 0` on a throw-away data folder) and Debian's chromium
 * driven by playwright-core. The browser is never downloaded: without /usr/bin/chromium the suite skips loudly,
 * and under CI=true it fails instead.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The repository root (this file runs from dist/test/e2e/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Why the suite cannot run here, or null. Under CI a missing browser is an error, not a skip. */
export function skipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const why = `${CHROMIUM} is missing: end-to-end tests SKIPPED (install Debian's chromium and fonts-noto-cjk)`;
  if (process.env.CI === 'true') throw new Error(`CI: ${why}`);
  process.stderr.write(`\n*** ${why} ***\n\n`);
  return why;
}

export interface Server {
  origin: string;
  home: string;
  stop(): Promise<void>;
}

/** Starts `node bin/sagicheck.js serve --port 0` and waits for its "listening on" line. */
export async function startServer(
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<Server> {
  const home = mkdtempSync(join(tmpdir(), 'sagicheck-e2e-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, SAGICHECK_HOME: home, ...env };
  // The embedded database on a fresh folder, a free port, loopback: nothing from the caller's environment.
  for (const k of ['DATABASE_URL', 'PORT', 'HOST', 'SAGICHECK_TOKENS']) if (!(k in env)) delete childEnv[k];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'sagicheck.js'),
      'serve',
      '--port',
      '0',
      '--rate',
      '0',
      '--workers',
      '1',
      ...extraArgs,
    ],
    {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const origin = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 180 s:\n${out}`)), 180_000);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = /listening on (http:\/\/[^\s/]+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    origin,
    home,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything a page did that it must not: requests to other hosts, console output, script errors, dialogs. */
export interface Watch {
  page: Page;
  context: BrowserContext;
  /** Every request the browser tried, from the page and its frames. */
  requests: string[];
  /** Requests that went anywhere but the server (blocked before leaving the machine). */
  foreign: string[];
  console: string[];
  errors: string[];
  dialogs: string[];
}

export async function openPage(
  browser: Browser,
  server: Server,
  opts: { locale: 'ja-JP' | 'en-US'; width?: number; height?: number },
): Promise<Watch> {
  const context = await browser.newContext({
    locale: opts.locale,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    deviceScaleFactor: 1,
  });
  const w: Watch = {
    page: null as unknown as Page,
    context,
    requests: [],
    foreign: [],
    console: [],
    errors: [],
    dialogs: [],
  };
  // Nothing may leave for another host: such requests are recorded and aborted before any network access.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    w.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  w.page = page;
  page.on('request', (r) => w.requests.push(r.url()));
  page.on('console', (m) => w.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}

/** The page's locale for each of the app's languages. */
export const LOCALE = { ja: 'ja-JP', en: 'en-US' } as const;

/** One server and one browser shared by a describe block's tests. */
export interface BrowserSuite {
  readonly server: Server;
  readonly browser: Browser;
  /** `server.origin`. */
  readonly origin: string;
  /** A fresh context and page on the suite's server (see `openPage`). */
  open(opts: Parameters<typeof openPage>[2]): Promise<Watch>;
}

/**
 * Call inside a describe: starts the server and the browser before its tests and stops both after them.
 */
export function browserSuite(): BrowserSuite {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the suite is not started: call browserSuite() inside a describe');
    return v;
  };
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get origin() {
      return started(server).origin;
    },
    open: (opts) => openPage(started(browser), started(server), opts),
  };
}

/** The page asked no other host for anything and threw no error. */
export function assertClean(w: Watch, label: string): void {
  assert.deepEqual(w.foreign, [], `${label}: requests left for other hosts`);
  assert.deepEqual(w.errors, [], `${label}: page errors`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  // The first screen and the preview on their own, at full size, for a person to read.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-view.png`) });
  const preview = page.locator('section.preview');
  if ((await preview.count()) === 1)
    await preview.screenshot({ path: join(SCREENSHOTS, `${name}-preview.png`) });
  return path;
}
