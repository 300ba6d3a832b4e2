import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Dovecot, dovecotMissing, startDovecot } from '../../../test/support/dovecot.js';

const BIN = new URL('../../../../bin/sagicheck.js', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/${name}`, import.meta.url));
const skip = dovecotMissing() ?? undefined;

function cli(
  home: string,
  args: string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, SAGICHECK_HOME: home, DATABASE_URL: '', SAGICHECK_SECRET: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('sagicheck watch against a real dovecot', { skip, timeout: 300_000 }, () => {
  let server: Dovecot;
  let home: string;
  before(async () => {
    server = await startDovecot();
    server.deliver([
      fixture('ham-personal.eml'),
      fixture('seed-amazon-suspended-iso2022jp.eml'),
      fixture('genuine-amazon-order.eml'),
    ]);
    home = mkdtempSync(join(tmpdir(), 'sagicheck-watch-'));
  });
  after(async () => {
    await server?.stop();
  });

  it('adds a mailbox with its password sealed, checks it once, moves and reports the phishing, and asks about the genuine order', async () => {
    const added = await cli(
      home,
      [
        'watch',
        'add',
        '--host',
        server.host,
        '--port',
        String(server.port),
        '--starttls',
        '--user',
        server.user,
        '--move-to',
        'Phishing',
      ],
      `${server.pass}\n`,
    );
    assert.equal(added.code, 0, added.stderr);
    const id = added.stdout.trim();
    assert.match(id, /^[0-9a-f]{8}$/);
    assert.equal(statSync(join(home, 'secret.key')).mode & 0o777, 0o600);
    for (const file of readdirSync(join(home, 'db'), { recursive: true, withFileTypes: true })) {
      if (file.isFile())
        assert.ok(
          !readFileSync(join(file.parentPath, file.name)).includes(server.pass),
          `${file.name} holds the password`,
        );
    }

    const hooked: { type: string; verdict?: string; source?: string }[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        hooked.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    assert.equal((await cli(home, ['charges', 'notify', '--webhook', hookUrl])).code, 0);

    const first = await cli(home, ['watch', 'run', '--once', '--json', '--since', '2000-01-01']);
    hook.close();
    assert.deepEqual(
      hooked.map((n) => [n.type, n.verdict, n.source?.endsWith('/INBOX/2')]),
      [['sagicheck.message.flagged', 'phishing', true]],
      'the user is told of the phishing mail at once, through the webhook they set',
    );
    assert.equal(first.code, 2, first.stderr);
    const lines = first.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { uid: number; verdict: string; moved: boolean });
    assert.deepEqual(
      lines.map((l) => [l.uid, l.verdict, l.moved]),
      [
        [1, 'no-threat-found', false],
        [2, 'phishing', true],
        [3, 'no-threat-found', false],
      ],
    );

    const again = await cli(home, ['watch', 'run', '--once', '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, '', 'resumed after the last UID: nothing checked twice');

    const asked = await cli(home, ['watch', 'questions', '--json']);
    const questions = asked.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { genuine: { brand: string; notice: { kind: string } } });
    assert.deepEqual(
      questions.map((q) => [q.genuine.brand, q.genuine.notice.kind]),
      [['amazon', 'order']],
    );
    const human = await cli(home, ['watch', 'questions']);
    assert.match(human.stdout, /心当たりはありますか/);
    assert.match(human.stdout, /sagicheck recover --from-check [0-9a-f-]{36}/);
  });

  it('refuses a wrong password without retrying it', async () => {
    const home2 = mkdtempSync(join(tmpdir(), 'sagicheck-watch-'));
    await cli(
      home2,
      [
        'watch',
        'add',
        '--host',
        server.host,
        '--port',
        String(server.port),
        '--starttls',
        '--user',
        server.user,
      ],
      'wrong\n',
    );
    const ran = await cli(home2, ['watch', 'run', '--once']);
    assert.notEqual(ran.code, 0);
    assert.match(ran.stderr, /IMAP login refused/);
  });
});

describe('sagicheck watch forward', () => {
  it('refuses to run without SMTP settings, saying how to give them', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sagicheck-watch-'));
    const ran = await cli(home, ['watch', 'forward', '--account', 'x', '--allow', 'example.jp']);
    assert.equal(ran.code, 64);
    assert.match(ran.stderr, /smtp\.json/);
  });
});
