import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA } from '../../engine/data/default.js';
import type { Report } from '../../engine/report.js';
import { loadSmtpSettings, SMTP_HELP, sendRaw } from '../../report/smtp.js';
import { analyseJob } from '../../server/analyse.js';
import { getNotifySettings, recordCharges } from '../../store/charges.js';
import { insertCheck } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import {
  addAccount,
  listAccounts,
  loadWatchState,
  removeAccount,
  type StoredAccount,
  saveWatchState,
  takeoverQuestions,
} from '../../store/watch.js';
import { chargesFromEmail } from '../../watch/charges/mail.js';
import { webhookPayload } from '../../watch/charges/notify.js';
import { type ForwardDeps, handleForward } from '../../watch/forward/handle.js';
import { type MailboxAccount, type WatchEvent, watchMailbox } from '../../watch/mailbox/watcher.js';
import { messageNotice, type Notice, notify } from '../../watch/notify.js';
import { readStdin } from '../inputs.js';
import { progressBar } from '../main.js';
import { dataDir, loadIndicators, openUserStore, userSecrets } from '../store.js';
import { EXIT, UsageError } from '../usage.js';

export const usage = `  sagicheck watch add --host HOST --user USER [--port N] [--starttls] [--mailbox INBOX]
        [--move-to FOLDER] [--keyword KW | --no-keyword] [--token]
                                              watch an IMAP mailbox (password, or with --token an
                                              OAuth2 access token, read from stdin; stored encrypted)
  sagicheck watch run [--account ID] [--since YYYY-MM-DD] [--once] [--json]
                                              check its mail: backfill, then follow new mail (IDLE)
  sagicheck watch forward --account ID --allow DOMAIN|ADDRESS,... [--per-hour N] [--once]
                                              a forward-to-check address: check what people forward
                                              to it and answer them by SMTP (smtp.json / SAGICHECK_SMTP_*)
  sagicheck watch list | remove ID | questions [--json]
                                              accounts; genuine notices to confirm ("did you do this?")
`;

const LOCAL_USER = 'local';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add':
      return add(rest);
    case 'run':
      return watch(rest);
    case 'list':
      return list();
    case 'remove':
      return remove(rest);
    case 'questions':
      return questions(rest);
    case 'forward':
      return forward(rest);
    default:
      process.stdout.write(usage);
      return sub === '-h' || sub === '--help' ? EXIT.clean : EXIT.usage;
  }
}

async function withStore<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openUserStore();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function add(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      user: { type: 'string' },
      starttls: { type: 'boolean', default: false },
      mailbox: { type: 'string', default: 'INBOX' },
      'move-to': { type: 'string' },
      keyword: { type: 'string', default: '$Phishing' },
      'no-keyword': { type: 'boolean', default: false },
      token: { type: 'boolean', default: false },
    },
  });
  if (!values.host || !values.user) throw new UsageError('watch add needs --host and --user');
  const port = values.port ? Number(values.port) : values.starttls ? 143 : 993;
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new UsageError(`--port takes a port number, not ${values.port}`);
  if (process.stdin.isTTY) process.stderr.write(values.token ? 'access token: ' : 'password: ');
  const secret = new TextDecoder().decode(await readStdin()).split(/\r?\n/)[0] ?? '';
  if (!secret)
    throw new UsageError(`watch add reads the ${values.token ? 'access token' : 'password'} from stdin`);
  const id = await withStore((db) =>
    addAccount(db, {
      user: LOCAL_USER,
      host: values.host as string,
      port,
      secure: !values.starttls,
      username: values.user as string,
      authKind: values.token ? 'token' : 'pass',
      sealedSecret: userSecrets().seal(secret),
      mailbox: values.mailbox as string,
      keyword: values['no-keyword'] ? null : (values.keyword as string),
      moveTo: values['move-to'] ?? null,
    }),
  );
  process.stdout.write(`${id}\n`);
  process.stderr.write(
    `watching ${values.user}@${values.host}:${port} ${values.mailbox}: run 'sagicheck watch run'\n`,
  );
  return EXIT.clean;
}

async function list(): Promise<number> {
  const accounts = await withStore((db) => listAccounts(db, LOCAL_USER));
  for (const a of accounts) {
    const action = [
      a.keyword ? `keyword ${a.keyword}` : null,
      a.moveTo ? `move to ${a.moveTo}` : null,
    ].filter(Boolean);
    process.stdout.write(
      `${a.id}  ${a.username}@${a.host}:${a.port} ${a.mailbox}  ${action.join(', ') || 'check only'}\n`,
    );
  }
  return EXIT.clean;
}

async function remove(args: string[]): Promise<number> {
  const [id] = args;
  if (!id) throw new UsageError('watch remove needs an account id (see watch list)');
  const removed = await withStore((db) => removeAccount(db, LOCAL_USER, id));
  if (!removed) {
    process.stderr.write(`sagicheck: no watched account ${id}\n`);
    return EXIT.unreadable;
  }
  return EXIT.clean;
}

async function questions(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const found = await withStore((db) => takeoverQuestions(db, LOCAL_USER));
  for (const q of found) {
    if (values.json) process.stdout.write(`${JSON.stringify(q)}\n`);
    else
      process.stdout.write(
        `${q.createdAt.slice(0, 16)}  ${q.genuine.notice?.label.ja ?? ''}（${q.genuine.domain}）${q.subject ?? ''}\n` +
          '  心当たりはありますか？ ない場合: sagicheck recover --from-check ' +
          `${q.id}\n  Did you do this? If not: sagicheck recover --from-check ${q.id}\n`,
      );
  }
  return EXIT.clean;
}

async function forward(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      account: { type: 'string' },
      allow: { type: 'string' },
      'per-hour': { type: 'string', default: '5' },
      once: { type: 'boolean', default: false },
    },
  });
  if (!values.account || !values.allow)
    throw new UsageError('watch forward needs --account ID and --allow DOMAIN|ADDRESS,...');
  const perHour = Number(values['per-hour']);
  if (!Number.isInteger(perHour) || perHour < 1)
    throw new UsageError(`--per-hour takes a whole number, not ${values['per-hour']}`);
  const smtp = loadSmtpSettings(dataDir());
  if (!smtp) {
    process.stderr.write(`sagicheck: watch forward answers by SMTP and has no settings.\n${SMTP_HELP}`);
    return EXIT.usage;
  }
  const deps: Omit<ForwardDeps, 'now'> = {
    data: { ...DEFAULT_DATA, indicators: loadIndicators() },
    policy: { self: smtp.from, allow: values.allow.split(',').filter(Boolean), perHour },
    smtp,
    send: sendRaw,
    recent: new Map(),
  };
  return runWatch(
    { account: values.account, since: null, once: values.once === true, json: true },
    async (_db, raw, meta) => {
      const { report, decision } = await handleForward(raw, deps);
      const answer = decision.reply ? `answered ${decision.to}` : `not answered: ${decision.reason}`;
      process.stderr.write(`UID ${meta.uid}: ${report.verdict}; ${answer}\n`);
      return report;
    },
  );
}

async function watch(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      account: { type: 'string' },
      since: { type: 'string' },
      once: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const since = values.since ? new Date(`${values.since}T00:00:00Z`) : new Date(Date.now() - 30 * 86_400_000);
  if (Number.isNaN(since.getTime()))
    throw new UsageError(`--since takes a date YYYY-MM-DD, not ${values.since}`);
  const data = { ...DEFAULT_DATA, indicators: loadIndicators() };
  return runWatch(
    { account: values.account ?? null, since, once: values.once === true, json: values.json === true },
    (db, raw, meta) => checkAndStore(db, data, raw, meta.name),
  );
}

type MessageHandler = (db: Db, raw: Uint8Array, meta: { uid: number; name: string }) => Promise<Report>;

/** Runs the watcher on the user's accounts (or one), with each message handed to `handle`; exits with the worst verdict. */
async function runWatch(
  options: { account: string | null; since: Date | null; once: boolean; json: boolean },
  handle: MessageHandler,
): Promise<number> {
  const db = await openUserStore();
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const accounts = (await listAccounts(db, LOCAL_USER)).filter(
      (a) => !options.account || a.id === options.account,
    );
    if (accounts.length === 0) {
      process.stderr.write("sagicheck: no mailbox to watch; add one with 'sagicheck watch add'\n");
      return EXIT.usage;
    }
    const secrets = userSecrets();
    let worst: number = EXIT.clean;
    await Promise.all(
      accounts.map(async (stored) => {
        const secret = secrets.open(stored.sealedSecret);
        const account: MailboxAccount = {
          host: stored.host,
          port: stored.port,
          secure: stored.secure,
          user: stored.username,
          auth: stored.authKind === 'token' ? { accessToken: secret } : { pass: secret },
          mailbox: stored.mailbox,
          keyword: stored.keyword,
          moveTo: stored.moveTo,
        };
        const progress = new Progress(stored, options.json);
        await watchMailbox(account, {
          loadState: () => loadWatchState(db, stored.id, stored.mailbox),
          saveState: (state) => saveWatchState(db, stored.id, stored.mailbox, state),
          check: async (raw, meta) => {
            const name = `imap:${stored.id}/${stored.mailbox}/${meta.uid}`;
            const report = await handle(db, raw, { uid: meta.uid, name });
            worst = Math.max(worst, exitFor(report));
            return report;
          },
          backfillSince: options.since,
          follow: !options.once,
          signal: stop.signal,
          onEvent: (event) => progress.event(event),
        });
        progress.done();
      }),
    );
    return worst;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await db.close();
  }
}

/**
 * One message: the check stored like a web check, a genuine card notice's charges recorded against the card, and the
 * user told at once (webhook / own address, as set with `sagicheck charges notify`) of a threat or a flagged charge.
 */
async function checkAndStore(
  db: Db,
  data: typeof DEFAULT_DATA,
  raw: Uint8Array,
  name: string,
): Promise<Report> {
  const outcome = await analyseJob({ kind: 'email', raw, name }, data);
  if (!outcome.ok) throw new Error(outcome.detail);
  const id = randomUUID();
  await insertCheck(db, { id, user: LOCAL_USER, ...outcome });
  const report = JSON.parse(outcome.reportJson) as Report;
  const notices: Notice[] = [];
  if (report.verdict === 'phishing' || report.verdict === 'scam')
    notices.push(messageNotice(name, id, report));
  if (report.genuine) {
    const notice = await chargesFromEmail(raw, data);
    if (notice.issuer && notice.charges.length > 0) {
      const origin = `mail:${notice.issuer}:${notice.messageId ?? id}`;
      const recorded = await recordCharges(db, LOCAL_USER, notice.issuer, origin, notice.charges);
      const fresh = recorded.charges.filter((c) => c.flagged && c.stored === 'new');
      if (fresh.length > 0) notices.push(webhookPayload(notice.issuer, name, fresh));
    }
  }
  if (notices.length > 0) {
    const settings = await getNotifySettings(db, LOCAL_USER);
    for (const notice of notices) {
      for (const failure of await notify(settings, notice))
        process.stderr.write(`sagicheck: could not notify: ${failure}\n`);
    }
  }
  return report;
}

function exitFor(report: Report): number {
  if (report.verdict === 'phishing' || report.verdict === 'scam') return EXIT.threat;
  return report.verdict === 'no-threat-found' ? EXIT.clean : EXIT.suspicious;
}

/** Results on stdout (JSON Lines with --json); the backfill's progress bar on stderr only when it is a terminal. */
class Progress {
  private total = 0;
  private done_ = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly account: StoredAccount,
    private readonly json: boolean,
  ) {}

  event(e: WatchEvent): void {
    const label = `${this.account.username}@${this.account.host} ${this.account.mailbox}`;
    if (e.type === 'backfill') this.total = e.total;
    if (e.type === 'checked') {
      this.done_++;
      if (this.json) process.stdout.write(`${JSON.stringify({ account: this.account.id, ...e })}\n`);
      else if (e.verdict !== 'no-threat-found')
        process.stdout.write(
          `${label} UID ${e.uid}: ${e.verdict}${e.moved ? ' (moved)' : e.flagged ? ' (flagged)' : ''}\n`,
        );
      if (this.tty && this.done_ <= this.total)
        process.stderr.write(`\r${progressBar(this.done_, this.total)}${this.done_}/${this.total}`);
    }
    if (e.type === 'failed') {
      this.done_++;
      if (this.json) process.stdout.write(`${JSON.stringify({ account: this.account.id, ...e })}\n`);
      process.stderr.write(`\n${label} UID ${e.uid}: could not be checked: ${e.error}\n`);
    }
    if (e.type === 'disconnected')
      process.stderr.write(`\n${label}: ${e.error}; retrying in ${e.retryInMs} ms\n`);
    if (e.type === 'uidvalidity-changed')
      process.stderr.write(
        `${label}: the server renumbered the mailbox (UIDVALIDITY ${e.before} → ${e.after}); checking it again\n`,
      );
    if (e.type === 'idle' && this.tty) process.stderr.write(`\r${label}: waiting for new mail\x1b[K`);
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
