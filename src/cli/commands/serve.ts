import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_RATE,
  DEFAULT_RETENTION_DAYS,
  startServer,
} from '../../server/app.js';
import { isLoopback, parseTokens, TokenFileError } from '../../server/auth.js';
import { openStore } from '../../store/schema.js';
import { dataDir, loadIndicators } from '../store.js';
import { EXIT, UsageError } from '../usage.js';

export const usage = `  sagicheck serve [--port N] [--host ADDR] [--tokens FILE] [--retention-days N] [--rate N] [--burst N] [--workers N]
                                              the web app and HTTP API (http://127.0.0.1:${DEFAULT_PORT}/ by default;
                                              PORT, HOST, SAGICHECK_TOKENS, DATABASE_URL for PostgreSQL)
`;

const HELP = `Usage: sagicheck serve [options]

Starts the web app and the HTTP API (under /api/v1/, described at /api/v1/openapi.json).

Options:
  --port N              port (default $PORT, else ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDR           address to listen on (default $HOST, else ${DEFAULT_HOST}); any address other than
                        loopback needs --tokens, and then every user sees only their own history
  --tokens FILE         access tokens, one user each: lines user:token, or JSON {"user": "token"}
                        (default $SAGICHECK_TOKENS); with tokens the page and the API ask for one
  --retention-days N    delete checks older than N days, at start and every hour (default ${DEFAULT_RETENTION_DAYS})
  --rate N              requests per second per user or address, sustained (default ${DEFAULT_RATE.perSecond}; 0 = no limit)
  --burst N             requests allowed at once above that rate (default ${DEFAULT_RATE.burst})
  --workers N           analysis threads (default: one per core)
  -h, --help            this help

Storage: PostgreSQL when DATABASE_URL is set, else the embedded database in <data folder>/db.
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      tokens: { type: 'string' },
      'retention-days': { type: 'string' },
      rate: { type: 'string' },
      burst: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.clean;
  }
  const port = whole(values.port ?? process.env.PORT ?? String(DEFAULT_PORT), '--port', 0, 65535);
  const host = values.host ?? process.env.HOST ?? DEFAULT_HOST;
  const retentionDays = whole(
    values['retention-days'] ?? String(DEFAULT_RETENTION_DAYS),
    '--retention-days',
    1,
  );
  const perSecond = Number(values.rate ?? DEFAULT_RATE.perSecond);
  if (!Number.isFinite(perSecond) || perSecond < 0)
    throw new UsageError(`--rate takes a number >= 0, not ${values.rate}`);
  const burst = whole(values.burst ?? String(DEFAULT_RATE.burst), '--burst', 1);
  const workers = values.workers === undefined ? undefined : whole(values.workers, '--workers', 1, 64);

  const tokensFile = values.tokens ?? process.env.SAGICHECK_TOKENS;
  let tokens: Map<string, string> | null = null;
  if (tokensFile) {
    try {
      tokens = parseTokens(readFileSync(tokensFile, 'utf8'));
    } catch (err) {
      const why =
        err instanceof TokenFileError
          ? err.message
          : `cannot read ${tokensFile}: ${(err as NodeJS.ErrnoException).code ?? err}`;
      process.stderr.write(`sagicheck serve: ${why}\n`);
      return EXIT.usage;
    }
  }

  if (!tokens && !isLoopback(host)) {
    process.stderr.write(
      `sagicheck serve: listening on ${host} would make this server reachable from other machines; ` +
        'give access tokens with --tokens FILE (or SAGICHECK_TOKENS), one user:token per line; refusing to start\n',
    );
    return EXIT.usage;
  }
  const started = performance.now();
  const url = process.env.DATABASE_URL;
  if (!url) mkdirSync(dataDir(), { recursive: true });
  const opening = openStore(url ? { url } : { dir: join(dataDir(), 'db') });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      db: opening,
      host,
      port,
      tokens,
      retentionDays,
      rate: { perSecond, burst },
      ...(workers ? { workers } : {}),
      indicators: loadIndicators(),
    });
  } catch (err) {
    await opening.then((db) => db.close()).catch(() => {});
    if (err instanceof ConfigError) {
      process.stderr.write(`sagicheck serve: ${err.message}; refusing to start\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const db = await opening;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`sagicheck: listening on ${server.url} (ready in ${Math.round(performance.now() - started)} ms)`);
  out(`  storage: ${db.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} at ${db.location}`);
  out(
    tokens
      ? `  access: token required (${new Set(tokens.values()).size} users from ${tokensFile}); each user sees only their own history`
      : '  access: this machine only (loopback), no token',
  );
  out(
    `  checks kept ${retentionDays} days${server.expired ? ` (${server.expired} older removed now)` : ''}; ` +
      `rate limit ${perSecond > 0 ? `${perSecond}/s per client, burst ${burst}` : 'off'}; ${server.pool.size} analysis threads`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await db.close();
  return EXIT.clean;
}

function whole(v: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} takes a whole number from ${min}, not ${v}`);
  return n;
}
