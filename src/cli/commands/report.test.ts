import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { multipartParts, reportFields } from '../../report/mime-check.js';
import { PHISH_HOST, phishingEml } from '../../report/testing.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'sagicheck-report-'));
const home = join(work, 'home');
const mailFile = join(work, 'suspicious.eml');
writeFileSync(mailFile, phishingEml());

/** Runs the CLI without blocking this process (the SMTP receiver below lives in it). */
function run(args: string[], env: Record<string, string> = {}, cwd = work) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'sagicheck.js'), ...args], {
      cwd,
      env: { ...process.env, SAGICHECK_HOME: home, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

after(() => rmSync(work, { recursive: true, force: true }));

describe('sagicheck report arf', () => {
  it('writes an RFC 5965 report of the mail to stdout', async () => {
    const r = await run(['report', 'arf', mailFile, '--from', 'me@example.org']);
    assert.equal(r.code, 0, r.stderr);
    const { root: top, parts } = multipartParts(r.stdout);
    assert.match(top.headers['content-type'] ?? '', /multipart\/report;\s*report-type=feedback-report/);
    assert.equal(top.headers.from, 'me@example.org');
    assert.equal(top.headers.to, 'info@antiphishing.jp');
    const fields = reportFields(parts[1]?.body ?? '');
    assert.equal(fields.get('feedback-type')?.[0], 'fraud');
    assert.deepEqual(fields.get('reported-domain'), [PHISH_HOST]);
  });

  it('reads stdin, sends to the brand address, and can attach the headers only', async () => {
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'sagicheck.js'), 'report', 'arf', '-', '--to', 'brand', '--headers-only'],
      { env: { ...process.env, SAGICHECK_HOME: home } },
    );
    child.stdin.end(phishingEml());
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    const { root: top, parts } = multipartParts(out);
    assert.equal(top.headers.to, 'reportascam@amazon.com');
    assert.match(parts[2]?.headers['content-type'] ?? '', /^text\/rfc822-headers/);
  });

  it('exits 65 for a file that cannot be read and 64 for a missing file argument', async () => {
    for (const [args, code] of [
      [['report', 'arf', join(work, 'nope.eml')], 65],
      [['report', 'arf'], 64],
      [['report', 'nonsense'], 64],
    ] as const) {
      const r = await run([...args]);
      assert.equal(r.code, code, r.stderr);
    }
  });
});

describe('sagicheck report abuse', () => {
  it('writes one .eml per recipient with the original attached, naming where each address comes from', async () => {
    const r = await run(['report', 'abuse', mailFile, '--from', 'me@example.org']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /abuse-amazon\.eml\tto reportascam@amazon\.com/);
    assert.match(
      r.stdout,
      /abuse-antiphishing-jp\.eml\tto info@antiphishing\.jp .*antiphishing\.jp\/registration/,
    );
    const parsed = await PostalMime.parse(readFileSync(join(work, 'abuse-antiphishing-jp.eml')), {
      forceRfc822Attachments: true,
    });
    assert.equal(parsed.attachments[0]?.mimeType, 'message/rfc822');
    assert.equal(parsed.to?.[0]?.address, 'info@antiphishing.jp');
  });

  it('--to antiphishing -o - prints the one mail', async () => {
    const r = await run(['report', 'abuse', mailFile, '--to', 'antiphishing', '-o', '-']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^From: reporter@example\.invalid/m);
    assert.match(r.stderr, /From is reporter@example\.invalid/, 'the placeholder sender is pointed out');
  });

  it('--send without SMTP settings refuses and says how to configure them', async () => {
    const r = await run(['report', 'abuse', mailFile, '--send']);
    assert.equal(r.code, 64, r.stderr);
    assert.match(r.stderr, /smtp\.json/);
  });
});

describe('sagicheck report abuse --send (smtp-server on loopback)', () => {
  const got: { to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  before(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c) => {
          data += c;
        });
        stream.on('end', () => {
          got.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends to the brand and to フィッシング対策協議会 through the configured server', async () => {
    const r = await run(['report', 'abuse', mailFile, '--send'], {
      SAGICHECK_SMTP_HOST: '127.0.0.1',
      SAGICHECK_SMTP_PORT: String(port),
      SAGICHECK_SMTP_FROM: 'me@example.org',
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /sent to reportascam@amazon\.com/);
    assert.match(r.stdout, /sent to info@antiphishing\.jp/);
    assert.deepEqual(
      got.map((g) => g.to),
      [['reportascam@amazon.com'], ['info@antiphishing.jp']],
    );
    assert.ok(
      got.every(
        (g) => /Content-Type: message\/rfc822/.test(g.data) && /^From: me@example\.org/m.test(g.data),
      ),
    );
  });
});

describe('sagicheck report contacts', () => {
  it('prints #9110, 188 and the cybercrime desks with their sources, in Japanese by default', async () => {
    const r = await run(['report', 'contacts']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /警察相談専用電話\n\s+電話: #9110/);
    assert.match(r.stdout, /消費者ホットライン\n\s+電話: 188/);
    assert.match(r.stdout, /npa\.go\.jp\/bureau\/cyber\/soudan\.html（未確認）/, 'unverified is said');
    assert.match(r.stdout, /出典: https:\/\/www\.gov-online\.go\.jp/);
  });

  it('--lang en and --json', async () => {
    const en = await run(['report', 'contacts', '--lang', 'en']);
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /Police consultation line .*\n\s+Phone: #9110/);
    assert.match(en.stdout, /\(unverified\)/);
    const json = JSON.parse((await run(['report', 'contacts', '--json'])).stdout) as {
      contacts: { id: string; sources: { url: string; checked: string }[] }[];
    };
    assert.ok(json.contacts.every((c) => c.sources.length > 0 && c.sources.every((s) => s.url && s.checked)));
    assert.equal((await run(['report', 'contacts', '--lang', 'fr'])).code, 64);
  });

  it('--html and --pdf write the printable sheet', async () => {
    const r = await run(['report', 'contacts', '--html', 'sheet.html', '--pdf', 'sheet.pdf']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(work, 'sheet.html'), 'utf8'), /<h1>警察・消費生活センターの相談先<\/h1>/);
    assert.equal(readFileSync(join(work, 'sheet.pdf')).subarray(0, 5).toString(), '%PDF-');
  });
});
