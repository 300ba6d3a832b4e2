import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_DATA } from '../data/default.js';
import { scanEmail } from '../scan.js';
import { DEFAULT_LIMITS, UnreadableInput } from './email.js';

const VERDICTS = new Set(['phishing', 'scam', 'suspicious', 'spam', 'no-threat-found']);
// A hang detector, not a speed target: far above any real message's time (speed lives in `npm run bench`).
const HANG_MS = 15000;

/** Scans hostile input: it must end in a report or a clear UnreadableInput, never a crash or a hang. */
async function survives(raw: Uint8Array | string, limits = DEFAULT_LIMITS): Promise<'report' | 'unreadable'> {
  const started = performance.now();
  try {
    const r = await scanEmail(raw, DEFAULT_DATA, { limits });
    assert.ok(VERDICTS.has(r.verdict));
    assert.ok(r.score >= 0 && r.score <= 100);
    JSON.stringify(r);
    return 'report';
  } catch (err) {
    assert.ok(err instanceof UnreadableInput, `unexpected ${(err as Error).stack}`);
    assert.ok((err as Error).message.length > 5);
    return 'unreadable';
  } finally {
    assert.ok(performance.now() - started < HANG_MS, 'input took too long');
  }
}

const CHARSETS = [
  'utf-8',
  'iso-2022-jp',
  'shift_jis',
  'euc-jp',
  'windows-1252',
  'x-unknown-charset',
  'utf-7',
  '',
];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    'お客様のAmazonアカウントが一時的に停止されました',
    'https://amazon.co.jp.x.top/ap/signin',
    '=?ISO-2022-JP?B?GyRCJCo=?=',
    '=E3=81=8',
    '\x1b$B$"\x1b(B',
  ),
);

function encode(body: string, cte: string): string {
  if (cte === 'base64') return Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\r\n');
  if (cte === 'quoted-printable')
    return body.replace(/[^\x20-\x7e]/g, (c) =>
      [...Buffer.from(c)].map((b) => `=${b.toString(16).toUpperCase()}`).join(''),
    );
  if (cte === 'broken-base64') return `${Buffer.from(body).toString('base64').slice(0, -3)}!!*&`;
  return body;
}

const leaf = fc
  .record({
    type: fc.constantFrom(
      'text/plain',
      'text/html',
      'application/octet-stream',
      'message/rfc822',
      'image/png',
    ),
    charset: fc.constantFrom(...CHARSETS),
    cte: fc.constantFrom('7bit', '8bit', 'base64', 'quoted-printable', 'broken-base64', 'x-bogus'),
    body: text,
    filename: fc.option(
      fc.constantFrom('invoice.html', '請求書.pdf.exe', '=?UTF-8?B?5LiN?=', 'a'.repeat(300)),
    ),
  })
  .map((p) => {
    const cs = p.charset ? `; charset="${p.charset}"` : '';
    const fn = p.filename ? `\r\nContent-Disposition: attachment; filename="${p.filename}"` : '';
    return `Content-Type: ${p.type}${cs}${fn}\r\nContent-Transfer-Encoding: ${p.cte}\r\n\r\n${encode(p.body, p.cte)}`;
  });

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('multipart')),
  multipart: fc
    .record({
      sub: fc.constantFrom('mixed', 'alternative', 'related', 'report'),
      boundary: fc.constantFrom('b1', 'b"2', '', 'x'.repeat(80)),
      parts: fc.array(tie('tree'), { maxLength: 4 }),
      truncate: fc.boolean(),
    })
    .map(({ sub, boundary, parts, truncate }) => {
      const body = parts.map((p) => `--${boundary}\r\n${p as string}\r\n`).join('');
      return `Content-Type: multipart/${sub}; boundary="${boundary}"\r\n\r\n${body}${truncate ? '' : `--${boundary}--\r\n`}`;
    }),
}));

const headers = fc.array(
  fc.oneof(
    fc.constantFrom(
      'From: =?UTF-8?B?QW1hem9u?= <x@azeb.example>',
      'From: "Amazon.co.jp" <account@amazon.co.jp>, broken <',
      'Subject: =?ISO-2022-JP?B?GyRCJCpMXE1NGyhC?=',
      'Subject: =?SHIFT_JIS?B?gqCCog==?= =?bogus?Q?x?=',
      'Subject: =?UTF-8?Q?unterminated',
      'Authentication-Results: mx.google.com; dmarc=pass header.from=amazon.co.jp',
      'Received: from x by mx.google.com with ESMTPS id 1; Fri, 08 May 2020 01:00:00 -0700',
      'Date: not a date',
      'Reply-To: <@@@>',
    ),
    fc
      .tuple(fc.constantFrom('X-Test', 'Subject', 'To'), text, fc.boolean())
      .map(([k, v, fold]) => `${k}: ${fold ? v.replace(/ /g, '\r\n ') : v}`),
  ),
  { maxLength: 8 },
);

describe('parser path under hostile input', () => {
  it('property: generated MIME trees, header folding, charsets and encodings end in a report or a clear error', async () => {
    await fc.assert(
      fc.asyncProperty(headers, tree, fc.boolean(), async (hs, body, crlf) => {
        const raw = `${hs.join('\r\n')}${hs.length ? '\r\n' : ''}MIME-Version: 1.0\r\n${body}`;
        await survives(crlf ? raw : raw.replace(/\r\n/g, '\n'));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('property: arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await survives(bytes);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('empty input is a clear error', async () => {
    assert.equal(await survives(new Uint8Array()), 'unreadable');
  });

  it('a 50 MB message is refused over the default limit and read when the limit allows it', async () => {
    const big =
      `From: a@b.example\r\nSubject: big\r\nContent-Type: text/plain\r\n\r\n${'A'.repeat(76)}\r\n`.repeat(1);
    const raw = big + `${'x'.repeat(998)}\r\n`.repeat(50 * 1024);
    await assert.rejects(scanEmail(raw, DEFAULT_DATA), /over the 30\.0 MB limit/);
    assert.equal(await survives(raw, { ...DEFAULT_LIMITS, maxBytes: 60 * 1024 * 1024 }), 'report');
  });

  it('1,000-deep multipart nesting is a clear error', async () => {
    let body = 'Content-Type: text/plain\r\n\r\nleaf\r\n';
    for (let i = 0; i < 1000; i++)
      body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
    await assert.rejects(scanEmail(`From: a@b.example\r\n${body}`, DEFAULT_DATA), /nesting depth/);
  });

  it('a 1 MB header line is a clear error', async () => {
    const raw = `From: a@b.example\r\nX-Long: ${'a'.repeat(1024 * 1024)}\r\n\r\nbody`;
    await assert.rejects(scanEmail(raw, DEFAULT_DATA), /header size/);
  });

  it('unknown charsets still yield a report', async () => {
    const raw =
      'From: a@b.example\r\nSubject: =?x-klingon?B?AAAA?=\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\n\xff\xfe body';
    assert.equal(await survives(raw), 'report');
  });

  it('hostile HTML is digested without executing or hanging', async () => {
    const html = `<html><body>${'<div>'.repeat(5000)}<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><svg><script>alert(2)</script></svg><style>body{background:url(http://beacon.example/x)}</style><meta http-equiv="refresh" content="0;url=https://evil.example.top/">${'<a href='.repeat(1000)}`;
    const raw = `From: a@b.example\r\nContent-Type: text/html\r\n\r\n${html}`;
    const r = await scanEmail(raw, DEFAULT_DATA);
    assert.ok(r.links.some((l) => l.source === 'meta-refresh' && l.host === 'evil.example.top'));
  });
});
