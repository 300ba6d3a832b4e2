import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pkg from '@kenjiuno/msgreader';
import { msgToEml } from '../src/cli/msg.js';
import { DEFAULT_DATA } from '../src/engine/data/default.js';
import { DEFAULT_LIMITS, parseEmail } from '../src/engine/parse/email.js';
import { scanEmail } from '../src/engine/scan.js';
import { buildMsg, type MsgSpec } from './support/msg.js';

const MsgReader = (pkg as unknown as { default: typeof pkg.default }).default;
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sagicheck-msg-'));

function run(args: string[], input?: Uint8Array) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'sagicheck.js'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, SAGICHECK_HOME: dir, NO_COLOR: '1' },
  });
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('{'));
  return { code: r.status, stderr: r.stderr, json: lines.map((l) => JSON.parse(l)) };
}

const mime = (s: string) => `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;
const SUBJECT = '【重要】お客様のAmazonアカウントを確認してください';
const PAGE =
  '<html><body><h1>Amazon サインイン</h1><form action="https://signin-check.example.top/ap/post" method="post">' +
  '<input name="email"><input type="password" name="password"><button>ログイン</button></form></body></html>';

/** A phishing mail as Gmail received it: the From claims amazon.co.jp, Gmail's DMARC check failed it. */
const phishing: MsgSpec = {
  subject: SUBJECT,
  body: 'Amazonをご利用いただきありがとうございます。添付のページからアカウント情報を確認してください。',
  html: '<p>Amazonをご利用いただきありがとうございます。添付のページからアカウント情報を確認してください。</p>',
  senderName: 'Amazon.co.jp',
  senderEmail: 'account-update@amazon.co.jp',
  transportHeaders: [
    'Delivered-To: hanako@gmail.example',
    'Received: by 2002:a05:7300:1a2b:b0:5 with SMTP id k11csp2; Fri, 20 Nov 2026 18:00:02 -0800 (PST)',
    'Return-Path: <bounce@mailer.shop-notice.example>',
    'Received: from mailer.shop-notice.example (mailer.shop-notice.example. [192.0.2.45])',
    '        by mx.google.com with ESMTPS id q7si; Fri, 20 Nov 2026 18:00:01 -0800 (PST)',
    'Received-SPF: pass (google.com: domain of bounce@mailer.shop-notice.example designates 192.0.2.45 as permitted sender) client-ip=192.0.2.45;',
    'Authentication-Results: mx.google.com;',
    '       spf=pass (google.com: domain of bounce@mailer.shop-notice.example designates 192.0.2.45 as permitted sender) smtp.mailfrom=bounce@mailer.shop-notice.example;',
    '       dmarc=fail (p=QUARANTINE sp=QUARANTINE dis=QUARANTINE) header.from=amazon.co.jp',
    `From: ${mime('Amazon.co.jp')} <account-update@amazon.co.jp>`,
    'To: hanako@gmail.example',
    `Subject: ${mime(SUBJECT)}`,
    'Date: Sat, 21 Nov 2026 02:00:00 +0000',
    'Message-ID: <20261121020000.1@mailer.shop-notice.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed;',
    '\tboundary="----=_Part_0_original"',
    '',
  ].join('\r\n'),
  attachments: [{ name: 'Amazon_アカウント確認.html', data: PAGE, mimeType: 'text/html' }],
};

/** A real-looking Amazon order mail: Gmail says DMARC pass for amazon.co.jp. */
const genuine: MsgSpec = {
  subject: 'Amazon.co.jpでのご注文',
  body: 'ご注文ありがとうございます。注文の詳細: https://www.amazon.co.jp/gp/css/order-history',
  html: '<p>ご注文ありがとうございます。</p><a href="https://www.amazon.co.jp/gp/css/order-history">注文履歴</a>',
  senderName: 'Amazon.co.jp',
  senderEmail: 'auto-confirm@amazon.co.jp',
  transportHeaders: [
    'Delivered-To: hanako@gmail.example',
    'Received: by 2002:a05:7300:1a2b:b0:5 with SMTP id k11csp3; Fri, 20 Nov 2026 18:10:02 -0800 (PST)',
    'Return-Path: <20261121021000abc@bounces.amazon.co.jp>',
    'Received: from a27-10.smtp-out.us-west-2.amazonses.com (a27-10.smtp-out.us-west-2.amazonses.com. [54.240.27.10]) by mx.google.com with ESMTPS id r8si; Fri, 20 Nov 2026 18:10:01 -0800 (PST)',
    'Received-SPF: pass (google.com: domain of 20261121021000abc@bounces.amazon.co.jp designates 54.240.27.10 as permitted sender) client-ip=54.240.27.10;',
    'Authentication-Results: mx.google.com; dkim=pass header.i=@amazon.co.jp; spf=pass smtp.mailfrom=20261121021000abc@bounces.amazon.co.jp; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp',
    `From: ${mime('Amazon.co.jp')} <auto-confirm@amazon.co.jp>`,
    'To: hanako@gmail.example',
    `Subject: ${mime('Amazon.co.jpでのご注文')}`,
    'Date: Sat, 21 Nov 2026 02:10:00 +0000',
    'Message-ID: <0100017000000000-def@email.amazonses.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="----=_Part_1_original"',
    '',
  ].join('\r\n'),
};

const rules = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);

describe('test/support/msg: the .msg writer', () => {
  it('writes files msgreader reads back: properties, headers, bodies, small and large streams', () => {
    const big = 'x'.repeat(9000); // over the 4096-byte mini stream cutoff: stored in regular sectors
    const raw = buildMsg({
      ...phishing,
      attachments: [...(phishing.attachments ?? []), { name: 'big.txt', data: big }],
    });
    const reader = new MsgReader(new DataView(raw.buffer, raw.byteOffset, raw.byteLength));
    const f = reader.getFileData();
    assert.equal(f.error, undefined);
    assert.equal(f.subject, SUBJECT);
    assert.equal(f.senderName, 'Amazon.co.jp');
    assert.equal(f.senderSmtpAddress, 'account-update@amazon.co.jp');
    assert.equal(f.messageClass, 'IPM.Note');
    assert.equal(f.headers, phishing.transportHeaders);
    assert.equal(Buffer.from(f.html ?? []).toString('utf8'), phishing.html);
    assert.deepEqual(
      f.attachments?.map((a) => [a.fileName, Buffer.from(reader.getAttachment(a).content).toString('utf8')]),
      [
        ['Amazon_アカウント確認.html', PAGE],
        ['big.txt', big],
      ],
    );
  });
});

describe('msgToEml + scanEmail', () => {
  it('keeps the transport headers, so the failed DMARC of a fake Amazon mail is seen', async () => {
    const eml = msgToEml(buildMsg(phishing));
    const head = eml.toString('latin1').split('\r\n\r\n')[0] ?? '';
    assert.match(head, /^Received: from mailer\.shop-notice\.example .* by mx\.google\.com with ESMTPS/m);
    assert.match(
      head,
      /^Authentication-Results: mx\.google\.com; .*dmarc=fail .*header\.from=amazon\.co\.jp$/m,
    );
    assert.doesNotMatch(
      head,
      /Part_0_original/,
      'the original MIME boundary is dropped with its Content-Type',
    );

    const report = await scanEmail(eml, DEFAULT_DATA);
    assert.ok(rules(report).includes('auth/dmarc-fail'), rules(report).join(' '));
    assert.equal(report.subject, SUBJECT);
    assert.equal(report.brand, 'amazon');
    assert.equal(report.genuine, null);
    assert.equal(report.verdict, 'phishing');
    const html = report.findings.find((f) => f.rule === 'content/html-attachment');
    assert.equal(html?.evidence[0]?.value, 'Amazon_アカウント確認.html');

    const message = await parseEmail(eml, DEFAULT_LIMITS);
    const [attachment] = message.attachments;
    assert.equal(attachment?.filename, 'Amazon_アカウント確認.html');
    assert.equal(Buffer.from(attachment?.content ?? []).toString('utf8'), PAGE);
  });

  it('calls a mail genuine when Gmail says DMARC pass for amazon.co.jp', async () => {
    const report = await scanEmail(msgToEml(buildMsg(genuine)), DEFAULT_DATA);
    assert.equal(report.genuine?.brand, 'amazon');
    assert.equal(report.genuine?.domain, 'amazon.co.jp');
    assert.equal(report.verdict, 'no-threat-found');
  });

  it('without transport headers, rebuilds From and a Japanese Subject from the properties', async () => {
    const report = await scanEmail(msgToEml(buildMsg({ ...phishing, transportHeaders: '' })), DEFAULT_DATA);
    assert.equal(report.subject, SUBJECT);
    assert.deepEqual(report.sender.claimed, {
      name: 'Amazon.co.jp',
      address: 'account-update@amazon.co.jp',
      brand: 'amazon',
    });
    assert.equal(report.sender.authenticatedDomain, null, 'no Authentication-Results: nothing is proven');
  });

  it('reads an attachment with only an 8.3 name and skips one attached by reference', async () => {
    const raw = buildMsg({
      ...phishing,
      attachments: [
        { name: 'login.html', data: PAGE, shortNameOnly: true },
        { name: 'shared.docx', data: null },
      ],
    });
    const message = await parseEmail(msgToEml(raw), DEFAULT_LIMITS);
    assert.deepEqual(
      message.attachments.map((a) => a.filename),
      ['LOGIN~1.HTM'],
    );
  });

  it('refuses damaged files with an error instead of hanging or crashing', () => {
    const good = Buffer.from(buildMsg(phishing));
    const dirStart = good.readUInt32LE(0x30);
    const cyclic = Buffer.from(good);
    cyclic.writeUInt32LE(dirStart, 512 + 4 * dirStart); // the directory chain points back at itself
    assert.throws(() => msgToEml(cyclic), /damaged Outlook \.msg \(broken directory chain\)/);
    const selfSibling = Buffer.from(good);
    const rootChild = selfSibling.readUInt32LE(512 * (dirStart + 1) + 0x4c);
    selfSibling.writeUInt32LE(rootChild, 512 * (dirStart + 1) + 128 * rootChild + 0x44); // left sibling = itself
    assert.throws(() => msgToEml(selfSibling), /damaged Outlook \.msg \(directory tree loops\)/);

    // Random damage to the header, FAT and directory: every outcome is a message or an Error.
    let seed = 20261123;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 1500; i++) {
      const b = Buffer.from(good);
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
        b[Math.floor(random() * 512 * 4)] = Math.floor(random() * 256);
      }
      try {
        assert.ok(Buffer.isBuffer(msgToEml(b)));
      } catch (err) {
        assert.ok(
          err instanceof Error && /Outlook \.msg|Unsupported file type/.test(err.message),
          String(err),
        );
      }
    }
  });
});

describe('sagicheck scan on .msg files', () => {
  it('scans a .msg file and prints one JSON report', () => {
    const file = join(dir, 'amazon-check.msg');
    writeFileSync(file, buildMsg(phishing));
    const r = run(['scan', '--json', file]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.json.length, 1);
    const rep = r.json[0];
    assert.equal(rep.verdict, 'phishing');
    assert.equal(rep.subject, SUBJECT);
    assert.equal(rep.brand, 'amazon');
    assert.deepEqual(rep.source, { path: file });
    assert.ok(rules(rep).includes('auth/dmarc-fail'));
    assert.ok(rules(rep).includes('content/html-attachment'));
  });

  it('knows a .msg by its OLE signature whatever the file is called', () => {
    const file = join(dir, 'order');
    writeFileSync(file, buildMsg(genuine));
    const r = run(['scan', '--json', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json[0].genuine.brand, 'amazon');
  });

  it('reads a .msg piped to stdin', () => {
    const r = run(['scan', '--json', '-'], buildMsg(phishing));
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.json[0].subject, SUBJECT);
    assert.deepEqual(r.json[0].source, { path: '-' });
  });

  it('exits 65 with a clear message for a corrupt .msg', () => {
    const file = join(dir, 'corrupt.msg');
    const garbage = Buffer.from('not a compound file, only some text after the signature\n'.repeat(40));
    writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), garbage]));
    const json = run(['scan', '--json', file]);
    assert.equal(json.code, 65);
    assert.deepEqual(json.json[0].source, { path: file });
    assert.match(json.json[0].error, /^damaged Outlook \.msg \(.+\)$/);
    const human = run(['scan', file]);
    assert.equal(human.code, 65);
    assert.match(human.stderr, /damaged Outlook \.msg/);
    assert.doesNotMatch(human.stderr, /internal error|at .*\.js:\d+/);
  });
});
