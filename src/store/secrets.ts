import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Credentials (IMAP passwords, tokens, SMTP passwords) are kept encrypted at rest with AES-256-GCM. The key comes from
 * the passphrase in SAGICHECK_SECRET when set (scrypt), else from a random key file readable only by the user. A copy
 * of the database alone (a backup, a shared PostgreSQL) then reveals no password.
 */
export class Secrets {
  private constructor(private readonly key: Buffer) {}

  static fromPassphrase(passphrase: string): Secrets {
    return new Secrets(scryptSync(passphrase, 'sagicheck-secrets-v1', 32));
  }

  /** Reads the key file, creating it (mode 0600) on first use. */
  static fromKeyFile(path: string): Secrets {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    chmodSync(path, 0o600);
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} is not a sagicheck key file (32 bytes, base64)`);
    return new Secrets(key);
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error('cannot decrypt a stored secret: wrong SAGICHECK_SECRET or key file');
    }
  }
}
