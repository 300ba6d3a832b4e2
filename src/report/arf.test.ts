import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { DEFAULT_DATA } from '../engine/data/default.js';
import { buildArf, defang, feedbackType } from './arf.js';
import { multipartParts, param, reportFields } from './mime-check.js';
import { inspect, PHISH_HOST, PHISH_URL, phishingEml, SOURCE_IP, spamEml } from './testing.js';

const OPTS = { from: 'reporter@example.org', to: 'info@antiphishing.jp', data: DEFAULT_DATA };

/** RFC 5965 §3.1: fields that must appear exactly once, at most once, or any number of times. */
const REQUIRED = ['feedback-type', 'user-agent', 'version'];
const AT_MOST_ONCE = [
  'original-envelope-id',
  'original-mail-from',
  'arrival-date',
  'reporting-mta',
  'source-ip',
  'incidents',
];
const FEEDBACK_TYPES = ['abuse', 'fraud', 'other', 'virus', 'not-spam', 'auth-failure'];

function validateRfc5965(raw: string): Map<string, string[]> {
  const { root, parts } = multipartParts(raw);
  const ct = root.headers['content-type'] ?? '';
  assert.match(ct, /^multipart\/report\s*;/i, 'top level is multipart/report');
  assert.equal(param(ct, 'report-type'), 'feedback-report', 'report-type=feedback-report');
  assert.ok(root.headers.from && root.headers.to && root.headers.date, 'From, To and Date of the report');
  assert.equal(parts.length, 3, 'exactly three parts');
  const [human, machine, original] = parts;
  assert.match(human?.headers['content-type'] ?? '', /^text\/plain/i, 'first part is human-readable text');
  assert.match(machine?.headers['content-type'] ?? '', /^message\/feedback-report\s*$/i, 'second part');
  assert.match(
    original?.headers['content-type'] ?? '',
    /^(message\/rfc822|text\/rfc822-headers)\s*$/i,
    'third part is the original',
  );
  const fields = reportFields(machine?.body ?? '');
  for (const f of REQUIRED) assert.equal(fields.get(f)?.length, 1, `${f} exactly once`);
  for (const f of AT_MOST_ONCE) assert.ok((fields.get(f)?.length ?? 0) <= 1, `${f} at most once`);
  assert.ok(FEEDBACK_TYPES.includes(fields.get('feedback-type')?.[0] ?? ''), 'registered Feedback-Type');
  assert.equal(fields.get('version')?.[0], '1');
  assert.match(fields.get('user-agent')?.[0] ?? '', /^sagicheck\/\d+\.\d+\.\d+$/);
  assert.ok(/^[\x20-\x7e\r\n\t]*$/.test(machine?.body ?? ''), 'the machine-readable part is US-ASCII');
  return fields;
}

describe('ARF report (RFC 5965)', () => {
  it('a phishing mail: fraud report with where it came from and its risky link', async () => {
    const subject = await inspect(phishingEml());
    assert.equal(subject.report.verdict, 'phishing');
    const arf = (await buildArf(subject, { ...OPTS, date: new Date('2026-11-23T00:00:00Z') })).toString(
      'utf8',
    );
    const fields = validateRfc5965(arf);
    assert.equal(fields.get('feedback-type')?.[0], 'fraud');
    assert.equal(fields.get('source-ip')?.[0], SOURCE_IP, 'from the trusted receiver (Gmail) inbound hop');
    assert.equal(fields.get('original-mail-from')?.[0], `<bounce@mailer.${PHISH_HOST}>`);
    assert.equal(fields.get('arrival-date')?.[0], 'Fri, 08 May 2020 08:00:05 +0000');
    assert.deepEqual(fields.get('reported-domain'), [PHISH_HOST]);
    assert.deepEqual(fields.get('reported-uri'), [PHISH_URL]);
    assert.match(fields.get('authentication-results')?.[0] ?? '', /^mx\.google\.com;.*dmarc=fail/);
    assert.ok(arf.includes('\r\n') && !/[^\r]\n/.test(arf), 'CRLF line ends throughout');
  });

  it('parses back with postal-mime: the human part in both languages and the original intact', async () => {
    const raw = phishingEml();
    const arf = await buildArf(await inspect(raw), OPTS);
    const parsed = await PostalMime.parse(arf, { forceRfc822Attachments: true });
    assert.match(parsed.subject ?? '', /お客様のAmazonアカウントが一時的に停止されました/);
    assert.match(parsed.text ?? '', /フィッシング等の不正なメールの報告/);
    assert.match(parsed.text ?? '', /This is a report of a phishing/);
    assert.match(parsed.text ?? '', /auth\/dmarc-fail/, 'the findings with their rule ids');
    assert.match(parsed.text ?? '', /hxxps:\/\/amaz0n-secure-check\[\.\]top/, 'links defanged in the text');
    assert.ok(!(parsed.text ?? '').includes(PHISH_URL), 'no live link in the human part');
    const types = parsed.attachments.map((a) => a.mimeType);
    assert.deepEqual(types, ['message/feedback-report', 'message/rfc822']);
    const original = parsed.attachments[1]?.content;
    const originalText =
      typeof original === 'string' ? original : Buffer.from(original as ArrayBuffer).toString('utf8');
    assert.equal(originalText.replace(/\r\n/g, '\n').trimEnd(), raw.replace(/\r\n/g, '\n').trimEnd());
    const inner = await PostalMime.parse(originalText);
    assert.equal(inner.subject, 'お客様のAmazonアカウントが一時的に停止されました');
  });

  it('headers only: text/rfc822-headers without the body', async () => {
    const arf = (await buildArf(await inspect(phishingEml()), { ...OPTS, headersOnly: true })).toString();
    validateRfc5965(arf);
    const third = multipartParts(arf).parts[2];
    assert.match(third?.headers['content-type'] ?? '', /^text\/rfc822-headers/);
    assert.match(third?.body ?? '', /^Return-Path: <bounce@/);
    assert.ok(!third?.body.includes('<html>'), 'no body of the original');
  });

  it('a mail that is not phishing is reported as abuse, without untrusted authentication claims', async () => {
    const subject = await inspect(spamEml());
    assert.notEqual(subject.report.verdict, 'phishing');
    assert.equal(feedbackType(subject.report), 'abuse');
    const fields = validateRfc5965((await buildArf(subject, OPTS)).toString());
    assert.equal(fields.get('feedback-type')?.[0], 'abuse');
    assert.equal(fields.get('authentication-results'), undefined, 'no trusted receiver, no results reported');
    assert.equal(fields.get('source-ip')?.[0], '198.51.100.20', 'the newest hop with a public address');
    assert.equal(fields.get('reported-uri'), undefined, 'no risky link');
  });

  it('defangs links', () => {
    assert.equal(defang('https://a.example.com/x.html'), 'hxxps://a[.]example[.]com/x[.]html');
  });
});
