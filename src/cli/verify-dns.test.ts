import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { DEFAULT_DATA } from '../engine/data/default.js';
import { scanEmail } from '../engine/scan.js';
import { eml } from '../engine/testing.js';
import { dnsVerifier } from './verify-dns.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pub = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

/** An offline DNS: Amazon's DKIM key and DMARC policy, nothing else. */
const resolver = async (name: string, rrtype: string) => {
  if (rrtype === 'TXT' && name === 'sel1._domainkey.amazon.co.jp') return [[`v=DKIM1; k=rsa; p=${pub}`]];
  if (rrtype === 'TXT' && name === '_dmarc.amazon.co.jp') return [['v=DMARC1; p=quarantine']];
  throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};

async function signed(): Promise<string> {
  const msg = eml({
    from: 'Amazon.co.jp <auto-confirm@amazon.co.jp>',
    subject: 'Amazon.co.jpでのご注文',
    text: 'ご注文ありがとうございます。',
  });
  const key = {
    signingDomain: 'amazon.co.jp',
    selector: 'sel1',
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
  };
  const sig = await dkimSign(msg, { ...key, signatureData: [key] });
  assert.deepEqual(sig.errors, []);
  return sig.signatures + msg;
}

describe('--verify-dns (mailauth with an injected resolver)', () => {
  it('proves a DKIM-signed Amazon mail genuine without any receiver result', async () => {
    const r = await scanEmail(await signed(), DEFAULT_DATA, { verifyAuth: dnsVerifier(resolver) });
    assert.equal(r.genuine?.brand, 'amazon');
    assert.equal(r.sender.authenticatedBy, 'live DNS check');
    assert.equal(r.verdict, 'no-threat-found');
  });

  it('does not prove a tampered body', async () => {
    const tampered = (await signed()).replace('ご注文ありがとうございます。', 'アカウントが停止されました。');
    const r = await scanEmail(tampered, DEFAULT_DATA, { verifyAuth: dnsVerifier(resolver) });
    assert.equal(r.genuine, null);
    assert.equal(r.sender.authenticatedDomain, null);
  });

  it('stays offline unless asked: without verifyAuth the same mail cannot be told', async () => {
    const r = await scanEmail(await signed(), DEFAULT_DATA);
    assert.equal(r.genuine, null);
    assert.equal(r.sender.summary.en, 'cannot tell');
  });
});
