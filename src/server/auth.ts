/** Access tokens for a server others can reach: one per user, from a file the operator writes. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export class TokenFileError extends Error {}

/**
 * `user:token` lines (blank lines and # comments ignored), or JSON: `{"user": "token", …}` or
 * `[{"user": …, "token": …}, …]`. Tokens shorter than 16 characters are refused: they would be guessable.
 */
export function parseTokens(text: string): Map<string, string> {
  const pairs: [string, string][] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (err) {
      throw new TokenFileError(`tokens file is not valid JSON: ${(err as Error).message}`);
    }
    if (Array.isArray(json))
      for (const e of json as { user?: unknown; token?: unknown }[])
        pairs.push([String(e?.user), String(e?.token)]);
    else for (const [user, token] of Object.entries(json as object)) pairs.push([user, String(token)]);
  } else {
    for (const [i, line] of text.split(/\r?\n/).entries()) {
      const l = line.trim();
      if (!l || l.startsWith('#')) continue;
      const at = l.indexOf(':');
      if (at <= 0) throw new TokenFileError(`tokens file line ${i + 1}: expected user:token`);
      pairs.push([l.slice(0, at).trim(), l.slice(at + 1).trim()]);
    }
  }
  const byHash = new Map<string, string>();
  for (const [user, token] of pairs) {
    if (!/^[\w.@+-]{1,64}$/.test(user))
      throw new TokenFileError(`tokens file: bad user name ${JSON.stringify(user)}`);
    if (token.length < 16)
      throw new TokenFileError(`tokens file: the token of ${user} is shorter than 16 characters`);
    const h = hash(token);
    if (byHash.has(h)) throw new TokenFileError(`tokens file: two users share one token (${user})`);
    byHash.set(h, user);
  }
  if (byHash.size === 0) throw new TokenFileError('tokens file lists no user');
  return byHash;
}

/** Tokens are looked up by their SHA-256, so the lookup's timing says nothing about a stored token. */
export function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function userOfBearer(header: string | undefined, tokens: Map<string, string>): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ? (tokens.get(hash(m[1])) ?? null) : null;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
}

/** Signatures for the CSRF token and the preview address, keyed by a secret made at each start. */
export class Signer {
  constructor(private secret: Buffer) {}

  sign(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\0')).digest('base64url');
  }

  verify(signature: string | undefined, ...parts: string[]): boolean {
    if (!signature) return false;
    const a = Buffer.from(this.sign(...parts));
    const b = Buffer.from(signature);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
