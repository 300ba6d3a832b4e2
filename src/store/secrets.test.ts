import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Secrets } from './secrets.js';

describe('Secrets', () => {
  it('seals so the plain text is not in the stored form, and opens it back', () => {
    const s = Secrets.fromPassphrase('correct horse');
    const sealed = s.seal('app-password-ﾊﾟｽ');
    assert.ok(!sealed.includes('app-password'));
    assert.notEqual(sealed, s.seal('app-password-ﾊﾟｽ'), 'a fresh IV each time');
    assert.equal(s.open(sealed), 'app-password-ﾊﾟｽ');
  });

  it('refuses to open with another key or a tampered value', () => {
    const sealed = Secrets.fromPassphrase('a').seal('x');
    assert.throws(() => Secrets.fromPassphrase('b').open(sealed), /cannot decrypt/);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('y').toString('base64url');
    assert.throws(() => Secrets.fromPassphrase('a').open(parts.join('.')), /cannot decrypt/);
  });

  it('creates a key file readable only by the user and reuses it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sagicheck-key-')), 'sub', 'secret.key');
    const sealed = Secrets.fromKeyFile(path).seal('token');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const key = readFileSync(path, 'utf8');
    assert.equal(Secrets.fromKeyFile(path).open(sealed), 'token');
    assert.equal(readFileSync(path, 'utf8'), key);
  });
});
