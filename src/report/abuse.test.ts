import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { DEFAULT_DATA } from '../engine/data/default.js';
import { abuseRecipients, buildAbuseMail } from './abuse.js';
import { multipartParts } from './mime-check.js';
import { loadSmtpSettings, sendRaw } from './smtp.js';
import { inspect, PHISH_URL, phishingEml, spamEml } from './testing.js';

describe('abuse report mail', () => {
  it('goes to the imitated brand (catalogue address) and to フィッシング対策協議会', async () => {
    const { report } = await inspect(phishingEml());
    assert.equal(report.brand, 'amazon');
    const { recipients, missing } = abuseRecipients(report, DEFAULT_DATA);
    assert.deepEqual(
      recipients.map((r) => [r.id, r.email]),
      [
        ['amazon', 'reportascam@amazon.com'],
        ['antiphishing-jp', 'info@antiphishing.jp'],
      ],
    );
    assert.deepEqual(missing, []);
    assert.ok(
      recipients.every((r) => r.source?.url && r.source.checked),
      'each address is cited',
    );
  });

  it('says when the brand has no report address instead of guessing one', async () => {
    const { report } = await inspect(spamEml());
    const { recipients, missing } = abuseRecipients(report, DEFAULT_DATA, ['brand']);
    assert.deepEqual(recipients, []);
    assert.deepEqual(missing, ['brand']);
  });

  it('is a ready .eml with the original attached as message/rfc822', async () => {
    const raw = phishingEml();
    const subject = await inspect(raw);
    const to = abuseRecipients(subject.report, DEFAULT_DATA, ['antiphishing']).recipients[0];
    assert.ok(to);
    const mail = await buildAbuseMail(subject, { from: 'me@example.org', to, data: DEFAULT_DATA });
    const { root, parts } = multipartParts(mail.toString());
    assert.match(root.headers['content-type'] ?? '', /^multipart\/mixed/);
    assert.match(root.headers.to ?? '', /info@antiphishing\.jp/);
    assert.match(parts[1]?.headers['content-type'] ?? '', /^message\/rfc822/);
    assert.match(parts[1]?.headers['content-disposition'] ?? '', /attachment/);
    const parsed = await PostalMime.parse(mail, { forceRfc822Attachments: true });
    assert.match(parsed.subject ?? '', /^フィッシングメールの報告 \/ Phishing report: お客様のAmazon/);
    assert.match(parsed.text ?? '', /フィッシング対策協議会 ご担当者様/);
    assert.match(parsed.text ?? '', /Amazon（アマゾン）をかたるフィッシング|Amazonをかたるフィッシング/);
    assert.match(parsed.text ?? '', /impersonating Amazon/);
    assert.ok(!(parsed.text ?? '').includes(PHISH_URL), 'links defanged');
    const att = parsed.attachments[0];
    assert.equal(att?.mimeType, 'message/rfc822');
    const text = Buffer.from(att?.content as ArrayBuffer).toString('utf8');
    assert.equal(text.replace(/\r\n/g, '\n').trimEnd(), raw.replace(/\r\n/g, '\n').trimEnd());
  });
});

describe('sending through the user SMTP server (smtp-server on loopback)', () => {
  const received: { from: string; to: string[]; data: Buffer; user: string | undefined }[] = [];
  let server: SMTPServer;
  let port = 0;
  let dir = '';

  before(async () => {
    server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === 'me@example.org' && auth.password === 's3cret')
          cb(null, { user: auth.username });
        else cb(new Error('Invalid username or password'));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks),
            user: session.user as string | undefined,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    dir = mkdtempSync(join(tmpdir(), 'sagicheck-smtp-'));
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads smtp.json from the data folder, the environment overriding it', () => {
    assert.equal(loadSmtpSettings(dir, {}), null, 'no settings: nothing to send with');
    writeFileSync(
      join(dir, 'smtp.json'),
      JSON.stringify({
        host: '127.0.0.1',
        port,
        user: 'me@example.org',
        pass: 'wrong',
        from: 'me@example.org',
      }),
    );
    const s = loadSmtpSettings(dir, { SAGICHECK_SMTP_PASS: 's3cret' });
    assert.deepEqual(s, {
      host: '127.0.0.1',
      port,
      secure: false,
      user: 'me@example.org',
      pass: 's3cret',
      from: 'me@example.org',
    });
  });

  it('delivers the report as built, with authentication', async () => {
    const settings = loadSmtpSettings(dir, { SAGICHECK_SMTP_PASS: 's3cret' });
    assert.ok(settings);
    const subject = await inspect(phishingEml());
    const to = abuseRecipients(subject.report, DEFAULT_DATA, ['antiphishing']).recipients[0];
    assert.ok(to);
    const mail = await buildAbuseMail(subject, { from: settings.from, to, data: DEFAULT_DATA });
    const info = await sendRaw(settings, { from: settings.from, to: [to.email] }, mail);
    assert.deepEqual(info.accepted, ['info@antiphishing.jp']);
    const got = received.at(-1);
    assert.equal(got?.from, 'me@example.org');
    assert.deepEqual(got?.to, ['info@antiphishing.jp']);
    assert.equal(got?.user, 'me@example.org');
    assert.equal(got?.data.toString().replace(/\r\n$/, ''), mail.toString().replace(/\r\n$/, ''));
  });

  it('fails loudly with a wrong password, sending nothing', async () => {
    const before = received.length;
    const settings = loadSmtpSettings(dir, {});
    assert.ok(settings);
    await assert.rejects(
      sendRaw(
        settings,
        { from: settings.from, to: ['info@antiphishing.jp'] },
        Buffer.from('Subject: x\r\n\r\nx\r\n'),
      ),
      /Invalid username or password|auth/i,
    );
    assert.equal(received.length, before);
  });
});
