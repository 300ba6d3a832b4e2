import { ImapFlow } from 'imapflow';
import type { Report } from '../../engine/report.js';

export interface MailboxAccount {
  host: string;
  port: number;
  /** TLS from the start (993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  /** A password / app password, or an OAuth2 access token the user obtained (XOAUTH2); we run no OAuth flow. */
  auth: { pass: string } | { accessToken: string };
  mailbox: string;
  /** IMAP keyword set on phishing and scam (e.g. `$Phishing`); null sets none. */
  keyword: string | null;
  /** Folder phishing and scam are moved to, only where the server has MOVE or UIDPLUS; null leaves mail in place. */
  moveTo: string | null;
}

/** Where the watcher resumes: a UID is only meaningful with the UIDVALIDITY it was seen under. */
export interface WatchState {
  uidValidity: string;
  lastUid: number;
}

export interface WatchDeps {
  loadState(): Promise<WatchState | null>;
  saveState(state: WatchState): Promise<void>;
  /** Checks and stores one message; returns its report so the watcher can flag or move it. */
  check(raw: Uint8Array, meta: { uid: number; internalDate: Date | null }): Promise<Report>;
  /** Messages received on or after this date are backfilled on the first run (or after a UIDVALIDITY change). */
  backfillSince: Date | null;
  /** Keep following new mail with IDLE after the backfill; false stops when the mailbox is caught up. */
  follow: boolean;
  signal?: AbortSignal;
  onEvent?(event: WatchEvent): void;
  backoff?: { initialMs: number; maxMs: number };
  /** Messages fetched per round trip: bounds memory during a backfill of large mails. */
  batchSize?: number;
}

export type WatchEvent =
  | { type: 'connected'; capabilities: string[]; canMove: boolean; uidValidity: string }
  | { type: 'backfill'; total: number }
  | { type: 'checked'; uid: number; verdict: Report['verdict']; flagged: boolean; moved: boolean }
  | { type: 'failed'; uid: number; error: string }
  | { type: 'uidvalidity-changed'; before: string; after: string }
  | { type: 'idle' }
  | { type: 'disconnected'; error: string; retryInMs: number };

const THREATS = new Set<Report['verdict']>(['phishing', 'scam']);

/**
 * Checks every message of one mailbox once, in UID order, and then (with `follow`) each new one as IDLE announces it.
 * Never deletes: a move happens only with MOVE (RFC 6851) or UIDPLUS (whose UID EXPUNGE removes only the copied
 * message); without them imapflow would fall back to a plain EXPUNGE that also removes other \Deleted mail.
 * Resumes after the last UID saved; on a disconnect it reconnects with exponential backoff.
 */
export async function watchMailbox(account: MailboxAccount, deps: WatchDeps): Promise<void> {
  const backoff = deps.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
  let wait = backoff.initialMs;
  let failures = 0;
  while (!deps.signal?.aborted) {
    const client = new ImapFlow({
      host: account.host,
      port: account.port,
      secure: account.secure,
      auth:
        'pass' in account.auth
          ? { user: account.user, pass: account.auth.pass }
          : { user: account.user, accessToken: account.auth.accessToken },
      logger: false,
    });
    // imapflow reports a dropped connection as an 'error' event too; without a listener Node would throw it.
    client.on('error', () => {});
    try {
      await client.connect();
      wait = backoff.initialMs;
      failures = 0;
      const done = await session(client, account, deps);
      if (done) return;
    } catch (error) {
      if (deps.signal?.aborted) return;
      // Retrying a rejected password only locks the account; a one-off run gives up rather than wait forever.
      failures++;
      if ((error as { authenticationFailed?: boolean }).authenticationFailed)
        throw new Error(`IMAP login refused: ${describe(error)}`);
      if (!deps.follow && failures > 5)
        throw new Error(`IMAP server unreachable after ${failures} attempts: ${describe(error)}`);
      const retryInMs = wait;
      deps.onEvent?.({ type: 'disconnected', error: describe(error), retryInMs });
      await sleep(retryInMs, deps.signal);
      wait = Math.min(wait * 2, backoff.maxMs);
    } finally {
      client.close();
    }
  }
}

/** One connection's work; true when finished (caught up without follow, or aborted). */
async function session(client: ImapFlow, account: MailboxAccount, deps: WatchDeps): Promise<boolean> {
  const lock = await client.getMailboxLock(account.mailbox);
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`cannot open mailbox ${account.mailbox}`);
    const uidValidity = String(mailbox.uidValidity);
    const canMove = client.capabilities.has('MOVE') || client.capabilities.has('UIDPLUS');
    deps.onEvent?.({
      type: 'connected',
      capabilities: [...client.capabilities.keys()],
      canMove,
      uidValidity,
    });
    let state = await deps.loadState();
    if (state && state.uidValidity !== uidValidity) {
      deps.onEvent?.({ type: 'uidvalidity-changed', before: state.uidValidity, after: uidValidity });
      state = null;
    }
    const current: WatchState = state ?? { uidValidity, lastUid: 0 };
    if (account.moveTo && canMove) await ensureMailbox(client, account.moveTo);
    let first = true;
    while (!deps.signal?.aborted) {
      const uids = await pendingUids(client, current, first && !state ? deps.backfillSince : null);
      if (first) deps.onEvent?.({ type: 'backfill', total: uids.length });
      first = false;
      await checkAll(client, account, deps, current, uids, canMove);
      if (!deps.follow) return true;
      await waitForNewMail(client, deps);
    }
    return true;
  } finally {
    lock.release();
  }
}

async function pendingUids(client: ImapFlow, state: WatchState, since: Date | null): Promise<number[]> {
  const query = state.lastUid > 0 ? { uid: `${state.lastUid + 1}:*` } : since ? { since } : { all: true };
  const found = (await client.search(query, { uid: true })) || [];
  // `n:*` always matches the highest UID even when it is below n (RFC 3501 §6.4.8): filter it out.
  return found.filter((uid) => uid > state.lastUid).sort((a, b) => a - b);
}

async function checkAll(
  client: ImapFlow,
  account: MailboxAccount,
  deps: WatchDeps,
  state: WatchState,
  uids: number[],
  canMove: boolean,
): Promise<void> {
  const size = deps.batchSize ?? 25;
  for (let i = 0; i < uids.length && !deps.signal?.aborted; i += size) {
    const batch = uids.slice(i, i + size);
    // No command may run while a FETCH streams, so a batch is read whole before it is acted on.
    const fetched: { uid: number; source: Uint8Array; internalDate: Date | null }[] = [];
    for await (const m of client.fetch(
      batch.join(','),
      { uid: true, source: true, internalDate: true },
      { uid: true },
    )) {
      if (m.source) fetched.push({ uid: m.uid, source: m.source, internalDate: toDate(m.internalDate) });
    }
    fetched.sort((a, b) => a.uid - b.uid);
    for (const m of fetched) {
      let report: Report;
      try {
        report = await deps.check(m.source, { uid: m.uid, internalDate: m.internalDate });
      } catch (error) {
        // A message that cannot be checked is reported and passed over: retrying it would stop the mailbox for good.
        state.lastUid = m.uid;
        await deps.saveState({ ...state });
        deps.onEvent?.({ type: 'failed', uid: m.uid, error: describe(error) });
        continue;
      }
      const threat = THREATS.has(report.verdict);
      let flagged = false;
      let moved = false;
      if (threat && account.keyword)
        flagged = await client.messageFlagsAdd(String(m.uid), [account.keyword], { uid: true });
      if (threat && account.moveTo && canMove)
        moved = (await client.messageMove(String(m.uid), account.moveTo, { uid: true })) !== false;
      state.lastUid = m.uid;
      await deps.saveState({ ...state });
      deps.onEvent?.({ type: 'checked', uid: m.uid, verdict: report.verdict, flagged, moved });
    }
  }
}

async function ensureMailbox(client: ImapFlow, path: string): Promise<void> {
  const list = await client.list();
  if (!list.some((m) => m.path === path)) await client.mailboxCreate(path);
}

/** IDLE until the server announces new messages, the connection drops (throws, to reconnect) or we are stopped. */
async function waitForNewMail(client: ImapFlow, deps: WatchDeps): Promise<void> {
  // An abort that came while a check ran has already fired: its event will not come again.
  if (deps.signal?.aborted) return;
  deps.onEvent?.({ type: 'idle' });
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      client.off('exists', onExists);
      client.off('close', onClose);
      deps.signal?.removeEventListener('abort', onAbort);
    };
    const onExists = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new Error('connection closed'));
    };
    const onAbort = () => {
      cleanup();
      resolve();
    };
    client.on('exists', onExists);
    client.on('close', onClose);
    deps.signal?.addEventListener('abort', onAbort);
    client.idle().catch(onClose);
  });
}

/** imapflow puts the server's own words in `responseText`; they say more than "Command failed". */
function describe(error: unknown): string {
  const e = error as { message?: string; responseText?: string };
  return e.responseText ? `${e.message}: ${e.responseText}` : String(e.message ?? error);
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value);
  return null;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
