import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DATA } from './data/default.js';
import { DEFAULT_LIMITS } from './parse/email.js';
import type { Finding } from './report.js';
import { defineRule } from './rule.js';
import { scanEmail, scanText } from './scan.js';
import { eml } from './testing.js';
import { decide, exitCode, VERDICT_THRESHOLDS } from './verdict.js';

const finding = (category: Finding['category'], weight: number): Finding => ({
  rule: `lure/${category}`,
  family: 'lure',
  category,
  weight,
  evidence: [],
  message: { ja: 'x', en: 'x' },
});

describe('verdict', () => {
  it('maps the summed weight to the documented thresholds', () => {
    assert.deepEqual(decide([]), { verdict: 'no-threat-found', score: 0 });
    assert.equal(decide([finding('phishing', VERDICT_THRESHOLDS.suspicious - 1)]).verdict, 'no-threat-found');
    assert.equal(decide([finding('phishing', VERDICT_THRESHOLDS.suspicious)]).verdict, 'suspicious');
    assert.equal(decide([finding('phishing', VERDICT_THRESHOLDS.threat)]).verdict, 'phishing');
    assert.equal(decide([finding('scam', 50), finding('phishing', 20)]).verdict, 'scam');
    assert.equal(decide([finding('spam', 40)]).verdict, 'spam');
  });

  it('clamps the score to 0–100 and lets trust outweigh lures', () => {
    assert.equal(decide([finding('phishing', 80), finding('scam', 80)]).score, 100);
    const genuine = decide([finding('phishing', 40), finding('trust', -90)]);
    assert.deepEqual(genuine, { verdict: 'no-threat-found', score: 0 });
  });

  it('gives exit codes 0, 1 and 2', () => {
    assert.equal(exitCode('no-threat-found'), 0);
    assert.equal(exitCode('suspicious'), 1);
    assert.equal(exitCode('spam'), 1);
    assert.equal(exitCode('phishing'), 2);
    assert.equal(exitCode('scam'), 2);
  });
});

describe('scan', () => {
  it('stops running rules at the time limit and says so', async () => {
    const ran: string[] = [];
    const slow = defineRule({
      meta: {
        id: 'content/slow',
        family: 'content',
        category: 'phishing',
        weight: 1,
        description: { ja: 'x', en: 'x' },
      },
      check() {
        ran.push('slow');
        const until = performance.now() + 30;
        while (performance.now() < until) {
          // busy: a rule that takes too long
        }
        return null;
      },
    });
    const next = defineRule({
      ...slow,
      meta: { ...slow.meta, id: 'content/next' },
      check: () => {
        ran.push('next');
        return null;
      },
    });
    const r = await scanEmail(eml({ from: 'a@b.example', subject: 'x', text: 'x' }), DEFAULT_DATA, {
      rules: [slow, next],
      limits: { ...DEFAULT_LIMITS, maxMillis: 10 },
    });
    assert.deepEqual(ran, ['slow']);
    assert.ok(r.problems.some((p) => p.en.includes('content/next')));
  });

  it('reports both languages for every finding and link risk', async () => {
    const r = scanText(
      '【Amazon】お支払い方法に問題があります https://amazon.co.jp.secure-login.example.top/ap/signin',
      DEFAULT_DATA,
    );
    for (const f of r.findings) assert.ok(f.message.ja && f.message.en, f.rule);
    for (const l of r.links) for (const risk of l.risks) assert.ok(risk.message.ja && risk.message.en);
    assert.equal(r.brand, 'amazon');
  });

  it('does not take an authenticated free-mail address of a brand (icloud.com) for the brand itself', async () => {
    const r = await scanEmail(
      eml({
        headers: [
          'Received: from ms1.mail.icloud.example (ms1.mail.icloud.example. [17.57.1.2]) by mx.google.com with ESMTPS id x1; Fri, 08 May 2020 01:00:00 -0700 (PDT)',
          'Authentication-Results: mx.google.com; dkim=pass header.i=@icloud.com; spf=pass smtp.mailfrom=someone@icloud.com; dmarc=pass (p=QUARANTINE) header.from=icloud.com',
        ],
        from: 'Apple Support <apple.support.team7@icloud.com>',
        subject: 'Your Apple ID has been locked',
        text: 'Your Apple ID has been locked. Verify your account within 24 hours: https://appleid.apple.com.verify-id.example.top/signin',
      }),
      DEFAULT_DATA,
    );
    assert.equal(r.genuine, null);
    assert.ok(!r.findings.some((f) => f.category === 'trust'));
    assert.notEqual(r.verdict, 'no-threat-found');
  });
});
