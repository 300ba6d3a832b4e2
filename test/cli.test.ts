import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'test', 'fixtures', name);
const home = mkdtempSync(join(tmpdir(), 'sagicheck-cli-'));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'sagicheck.js'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, SAGICHECK_HOME: home, NO_COLOR: '1' },
  });
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('{'));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: lines.map((l) => JSON.parse(l)) };
}

describe('sagicheck scan', () => {
  it('calls the seed mail phishing, exit 2, with brand, findings in both languages and source', () => {
    const r = run(['scan', '--json', fixture('seed-amazon-suspended-iso2022jp.eml')]);
    assert.equal(r.code, 2);
    assert.equal(r.json.length, 1);
    const rep = r.json[0];
    assert.equal(rep.schemaVersion, 1);
    assert.equal(rep.verdict, 'phishing');
    assert.equal(rep.brand, 'amazon');
    assert.equal(rep.genuine, null);
    assert.equal(rep.subject, 'お客様のAmazonアカウントが一時的に停止されました');
    assert.deepEqual(rep.source, { path: fixture('seed-amazon-suspended-iso2022jp.eml') });
    assert.ok(
      rep.findings.every((f: { message: { ja: string; en: string } }) => f.message.ja && f.message.en),
    );
    assert.ok(
      rep.findings.some((f: { rule: string }) => f.rule === 'auth/forged-results'),
      'the forged pass is called out',
    );
    assert.ok(rep.advice.length > 0);
  });

  it('says a genuine Amazon order confirmation is genuine, exit 0', () => {
    const r = run(['scan', '--json', fixture('genuine-amazon-order.eml')]);
    assert.equal(r.code, 0);
    const rep = r.json[0];
    assert.equal(rep.verdict, 'no-threat-found');
    assert.equal(rep.genuine.brand, 'amazon');
    assert.equal(rep.genuine.domain, 'amazon.co.jp');
    assert.match(
      rep.genuine.evidence.en,
      /^genuine Amazon order confirmation: DMARC pass for amazon\.co\.jp at mx\.google\.com/,
    );
    assert.equal(rep.genuine.notice.kind, 'order');
    assert.ok(
      rep.advice.some((a: { ja: string }) => a.ja.includes('購入していない商品が勝手に購入されている')),
    );
    assert.equal(rep.sender.summary.en, 'really sent by amazon.co.jp');
  });

  it('prints Japanese by default and English with --lang en', () => {
    const ja = run(['scan', fixture('seed-amazon-suspended-iso2022jp.eml')]);
    assert.match(ja.stdout, /フィッシング/);
    assert.match(ja.stdout, /いまするべきこと/);
    const en = run(['scan', '--lang', 'en', fixture('seed-amazon-suspended-iso2022jp.eml')]);
    assert.match(en.stdout, /PHISHING/);
    assert.match(en.stdout, /What to do now/);
  });

  it('reads stdin with -', () => {
    const r = run(['scan', '--json', '-'], readFileSync(fixture('seed-amazon-suspended-iso2022jp.eml')));
    assert.equal(r.code, 2);
    assert.deepEqual(r.json[0].source, { path: '-' });
  });

  it('unwraps a forward sent as an attachment and says so', () => {
    const rep = run(['scan', '--json', fixture('forwarded-attachment.eml')]).json[0];
    assert.deepEqual(rep.forwarded, { how: 'attachment', by: 'hanako@example.jp' });
    assert.equal(rep.subject, 'お客様のAmazonアカウントが一時的に停止されました');
    assert.equal(rep.verdict, 'phishing');
  });

  it('unwraps an inline forward and says the sender cannot be verified', () => {
    const rep = run(['scan', '--json', fixture('forwarded-inline.eml')]).json[0];
    assert.equal(rep.forwarded.how, 'inline');
    assert.equal(rep.sender.claimed.address, 'security@amazon-security-alert.example');
    assert.equal(rep.sender.authenticatedDomain, null);
    assert.ok(rep.problems.length > 0);
  });

  it('decodes Shift_JIS and EUC-JP bodies', () => {
    for (const f of ['prime-payment-sjis.eml', 'prime-payment-eucjp.eml']) {
      const rep = run(['scan', '--json', fixture(f)]).json[0];
      assert.equal(rep.subject, 'プライム会費のお支払い方法に問題があります');
      assert.ok(
        rep.links.some((l: { host: string }) => l.host === 'amazon-prime-update-jp.xyz'),
        f,
      );
    }
  });

  it('goes on past a broken message in an mbox, counts it, and keeps input order', () => {
    const r = run(['scan', '--json', '--lang', 'en', fixture('inbox.mbox')]);
    assert.equal(r.json.length, 3);
    assert.deepEqual(
      r.json.map((x) => x.source.index),
      [0, 1, 2],
    );
    assert.ok(typeof r.json[1].error === 'string' && !('verdict' in r.json[1]));
    assert.equal(r.json[0].verdict, 'no-threat-found');
    assert.match(r.stderr, /unreadable\s+1/);
    assert.equal(
      r.code,
      Math.max(
        ...r.json
          .filter((x) => x.verdict)
          .map((x) =>
            x.verdict === 'phishing' || x.verdict === 'scam' ? 2 : x.verdict === 'no-threat-found' ? 0 : 1,
          ),
      ),
    );
  });

  it('scans a folder in sorted order and exits with the worst verdict', () => {
    const r = run(['scan', '--json', join(root, 'test', 'fixtures')]);
    const paths = r.json.map((x) => x.source.path as string);
    assert.ok(paths.length >= 8);
    assert.deepEqual([...paths], [...paths].sort());
    assert.equal(r.code, 2);
  });

  it('draws a progress bar on a terminal only, never into piped output', (t) => {
    const dir = join(root, 'test', 'fixtures');
    const piped = run(['scan', '--json', dir]);
    assert.doesNotMatch(piped.stderr, /%/);
    // `script` gives the command a terminal (util-linux, on every Debian system).
    if (spawnSync('script', ['--version']).status !== 0) {
      if (process.env.CI === 'true') assert.fail('script(1) is needed for the terminal test');
      t.skip('script(1) missing: terminal progress not tested');
      return;
    }
    const cmd = `'${process.execPath}' '${join(root, 'bin', 'sagicheck.js')}' scan --json '${dir}' > /dev/null`;
    const tty = spawnSync('script', ['-qc', cmd, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, SAGICHECK_HOME: home },
    });
    assert.match(tty.stdout, /\[#*-*\] +\d+% /);
  });

  it('exits 65 with a clear message for a single unreadable input', () => {
    const r = run(['scan', '-'], Buffer.from([0, 1, 2, 3, 255]));
    assert.equal(r.code, 65);
    assert.match(r.stderr, /not an e-mail message/);
    const missing = run(['scan', '/nonexistent/mail.eml']);
    assert.equal(missing.code, 65);
    assert.match(missing.stderr, /ENOENT/);
  });

  it('exits 64 on usage errors', () => {
    assert.equal(run(['scan']).code, 64);
    assert.equal(run(['frobnicate']).code, 64);
    assert.equal(run(['scan', '--lang', 'fr', fixture('ham-personal.eml')]).code, 64);
    assert.equal(run(['scan', '--bogus', fixture('ham-personal.eml')]).code, 64);
  });

  it('documents the exit codes in --help', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    for (const code of ['0 ', '1 ', '2 ', '64', '65']) assert.ok(r.stdout.includes(`  ${code}`), code);
  });
});

describe('sagicheck url and text', () => {
  it('reads one URL per line from stdin and prints one report per line, in order', () => {
    const r = run(['url', '--json', '-'], 'https://www.amazon.co.jp/\namazon.co.jp-prime-update.com\n');
    assert.equal(r.json.length, 2);
    assert.deepEqual(
      r.json.map((x) => x.source),
      [
        { path: '-', index: 0 },
        { path: '-', index: 1 },
      ],
    );
    assert.equal(r.json[0].verdict, 'no-threat-found');
    assert.equal(r.json[1].links[0].host, 'amazon.co.jp-prime-update.com');
  });

  it('checks an SMS text', () => {
    const r = run([
      'text',
      '--json',
      'Amazonお支払い方法に問題があります。https://amazon-pay-check.example.top/login',
    ]);
    assert.equal(r.json[0].kind, 'text');
    assert.equal(r.json[0].brand, 'amazon');
    assert.equal(r.json[0].links[0].registrableDomain, 'example.top');
  });
});

describe('sagicheck indicators', () => {
  it('imports a JPCERT list and then flags a listed URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagicheck-ind-'));
    const list = join(dir, 'list.csv');
    spawnSync('sh', [
      '-c',
      `printf 'date,URL,description\\n2024/05/01 10:00:00,https://listed-login.example.top/x,Amazon\\n' > ${list}`,
    ]);
    const imp = run(['indicators', 'import', list]);
    assert.equal(imp.code, 0);
    assert.match(imp.stdout, /^1 indicators added/);
    const r = run(['url', '--json', 'https://listed-login.example.top/x']);
    assert.ok(r.json[0].findings.some((f: { rule: string }) => f.rule === 'indicator/listed'));
  });
});
