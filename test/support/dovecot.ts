import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { MailboxAccount } from '../../src/watch/mailbox/watcher.js';

const DOVECOT = '/usr/sbin/dovecot';

/** Why the IMAP tests cannot run here, or null. Under CI=true a missing dovecot is a failure, not a skip. */
export function dovecotMissing(): string | null {
  if (existsSync(DOVECOT)) return null;
  const why = `${DOVECOT} not found (Debian package dovecot-imapd): the IMAP tests are NOT run on this machine`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${why}`);
  process.emitWarning(why);
  return why;
}

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  pass: string;
  /** Puts messages straight into the user's INBOX maildir (fast: thousands load in a blink). */
  deliver(messages: (string | Uint8Array)[]): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The watcher's account for this server's INBOX (phishing keyword $Phishing, moved to Phishing unless overridden). */
export function accountOf(server: Dovecot, overrides: Partial<MailboxAccount> = {}): MailboxAccount {
  return {
    host: server.host,
    port: server.port,
    secure: false,
    user: server.user,
    auth: { pass: server.pass },
    mailbox: 'INBOX',
    keyword: '$Phishing',
    moveTo: 'Phishing',
    ...overrides,
  };
}

export interface DovecotOptions {
  /** Replaces the advertised capabilities, e.g. without MOVE and UIDPLUS to test the flag-only path. */
  capabilities?: string;
}

/** A throw-away dovecot on loopback with one user and a maildir store in a temp folder. */
export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'sagicheck-imap-'));
  // Dovecot's own users must reach its config and password file.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // As root dovecot refuses to run its processes as root; Debian's package made these users. Otherwise all is us.
  const me = userInfo().username;
  const [internal, login, mailUser] = root ? ['dovecot', 'dovenull', 'dovecot'] : [me, me, me];
  const maildir = join(dir, 'mail', 'test');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'state'));
  writeFileSync(join(dir, 'users'), 'test:{PLAIN}secret-imap\n');
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internal}
default_login_user = ${login}
default_internal_group = ${internal}
first_valid_uid = 1
# Poll during IDLE too, so a test never waits on a missed inotify event.
mailbox_idle_check_interval = 1 secs
mail_location = maildir:${dir}/mail/%u
${options.capabilities ? `imap_capability = ${options.capabilities}` : ''}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUser} gid=${mailUser} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  if (root) execFileSync('chown', ['-R', `${mailUser}:${mailUser}`, join(dir, 'mail')]);
  let child: ChildProcess | null = null;
  let delivered = 0;
  const start = async () => {
    rmSync(join(dir, 'run'), { recursive: true, force: true });
    mkdirSync(join(dir, 'run'));
    // Its own process group, so that a stop also ends the logged-in imap processes, as a server crash would.
    child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore', detached: true });
    await waitForPort(port);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    process.kill(-(c.pid as number), 'SIGKILL');
    await exited;
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    user: 'test',
    pass: 'secret-imap',
    deliver(messages) {
      for (const m of messages) {
        const name = `${Date.now()}.${process.pid}_${delivered++}.sagicheck`;
        writeFileSync(join(maildir, 'new', name), m);
      }
      if (root) execFileSync('chown', ['-R', `${mailUser}:${mailUser}`, maildir]);
    },
    async restart() {
      await stop();
      await start();
    },
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`dovecot did not listen on ${port} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
