import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { DEFAULT_DATA } from '../../engine/data/default.js';
import { sendRaw } from '../../report/smtp.js';
import { handleForward } from './handle.js';

const ORIGINAL = readFileSync(
  new URL('../../../../test/fixtures/seed-amazon-suspended-iso2022jp.eml', import.meta.url),
);

/** A forward as attachment, as Gmail delivers it to the check address: its own hop and result on top. */
function forward(from: string, dmarc: 'pass' | 'fail', extra = ''): Buffer {
  const domain = from.split('@')[1];
  const head = [
    'Delivered-To: check@sagicheck.example',
    `Received: from mail.${domain} (mail.${domain} [192.0.2.10]) by mx.google.com with ESMTPS id q1; Mon, 23 Nov 2026 10:00:00 -0800 (PST)`,
    `Authentication-Results: mx.google.com; dkim=${dmarc} header.i=@${domain}; spf=${dmarc} smtp.mailfrom=${from}; dmarc=${dmarc} header.from=${domain}`,
    `From: Hanako <${from}>`,
    'Reply-To: someone-else@evil.example',
    'To: check@sagicheck.example',
    'Subject: Fwd: suspicious',
    'Message-ID: <fwd-1@example.jp>',
    'Date: Mon, 23 Nov 2026 19:00:00 +0900',
    extra,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
  ].filter(Boolean);
  return Buffer.concat([
    Buffer.from(
      `${head.join('\r\n')}\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nこれは本物？\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n`,
    ),
    ORIGINAL,
    Buffer.from('\r\n--b--\r\n'),
  ]);
}

describe('forward-to-check', () => {
  const received: { to: string[]; raw: Buffer }[] = [];
  let server: SMTPServer;
  let port = 0;
  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const deps = () => ({
    data: DEFAULT_DATA,
    policy: { self: 'check@sagicheck.example', allow: ['example.jp'], perHour: 5 },
    smtp: { host: '127.0.0.1', port, secure: false, from: 'check@sagicheck.example' },
    send: sendRaw,
    recent: new Map<string, Date[]>(),
  });

  it('checks the original and answers the authenticated forwarder, threaded and marked as an auto-reply', async () => {
    received.length = 0;
    const result = await handleForward(forward('hanako@example.jp', 'pass'), deps());
    assert.equal(result.report.verdict, 'phishing');
    assert.equal(result.report.forwarded?.how, 'attachment');
    assert.deepEqual(result.decision, { reply: true, to: 'hanako@example.jp' });
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]?.to, ['hanako@example.jp'], 'never the Reply-To the sender wrote');
    const reply = await PostalMime.parse(received[0]?.raw as Buffer);
    assert.match(reply.subject ?? '', /^\[sagicheck\] フィッシング/);
    assert.equal(reply.inReplyTo, '<fwd-1@example.jp>');
    assert.equal(reply.headers.find((h) => h.key === 'auto-submitted')?.value, 'auto-replied');
    assert.match(reply.text ?? '', /amazon/i);
  });

  it('stays silent for a forwarder whose domain failed DMARC, and for an auto-reply', async () => {
    received.length = 0;
    const forged = await handleForward(forward('hanako@example.jp', 'fail'), deps());
    assert.equal(forged.decision.reply, false);
    const auto = await handleForward(
      forward('hanako@example.jp', 'pass', 'Auto-Submitted: auto-replied'),
      deps(),
    );
    assert.equal(auto.decision.reply, false);
    assert.equal(received.length, 0);
  });
});
