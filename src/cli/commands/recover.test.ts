import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { insertCheck } from '../../store/checks.js';
import { openStore } from '../../store/schema.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sagicheck-recover-'));

function run(args: string[], input?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, SAGICHECK_HOME: home, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [join(root, 'bin', 'sagicheck.js'), ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SEED = ['--brand', 'amazon', '--channel', 'mail', '--happened', 'card-entered,password-entered'];
const WHEN = ['--when', '2026-05-08T10:00+09:00'];

describe('sagicheck recover (flags)', () => {
  it('prints the plan as JSON: steps with ids, both languages and deadlines, money first', () => {
    const r = run(['recover', ...SEED, ...WHEN, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no prompts when the flags answer everything');
    const plan = JSON.parse(r.stdout);
    assert.equal(plan.schemaVersion, 1);
    assert.deepEqual(plan.answers.happened, ['password-entered', 'card-entered']);
    assert.equal(plan.steps[0].id, 'generic-card.stop-card');
    for (const s of plan.steps) assert.ok(s.id && s.title.ja && s.title.en && s.why.ja && s.why.en, s.id);
    const pw = plan.steps.find((s: { id: string }) => s.id === 'amazon.new-password');
    assert.deepEqual(pw.deadline, {
      kind: 'not-before',
      at: '2026-05-08T15:00+09:00',
      after: 'PT5H',
      label: pw.deadline.label,
      remind: 'PT0M',
    });
    assert.equal(plan.caseId, undefined, 'not saved without --save');
  });

  it('prints a readable plan in the language asked for', () => {
    const en = run(['recover', ...SEED, ...WHEN, '--lang', 'en']);
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /^Recovery plan: Amazon \/ e-mail \//);
    assert.match(en.stdout, / 1\. \[now\] Call the card issuer/);
    assert.match(en.stdout, /\[from 2026-05-08 15:00\+09:00 — from about 5 hours later/);
    assert.match(en.stdout, /info@antiphishing\.jp/);
    const ja = run(['recover', ...SEED, ...WHEN]);
    assert.match(ja.stdout, /^回復プラン: Amazon（アマゾン） \/ メール \//);
    assert.match(ja.stdout, /購入していない商品が勝手に購入されている/);
    assert.match(ja.stdout, /※ Amazon カスタマーサービス電話（体験記に記載の番号）: 0120-999-373/);
  });

  it('refuses answers it cannot plan from, exit 64', () => {
    for (const args of [
      ['--happened', 'hacked'],
      ['--happened', 'clicked', '--channel', 'fax'],
      ['--happened', 'clicked', '--when', 'yesterday'],
      ['--happened', 'clicked', '--lang', 'fr'],
    ]) {
      const r = run(['recover', '--brand', 'amazon', '--channel', 'mail', ...args]);
      assert.equal(r.code, 64, args.join(' '));
      assert.match(r.stderr, /^sagicheck: /);
    }
  });

  it('--from-check fills brand and channel from a check the web app stored', async () => {
    const db = await openStore({ dir: join(home, 'db') });
    try {
      await insertCheck(db, {
        id: 'chk-seed',
        user: 'local',
        kind: 'email',
        verdict: 'phishing',
        score: 95,
        brand: 'amazon',
        subject: 'お客様のAmazonアカウントが一時的に停止されました',
        senderAddress: null,
        senderDomain: null,
        reportJson: '{}',
        preview: '',
      });
    } finally {
      await db.close();
    }
    const r = run(['recover', '--from-check', 'chk-seed', '--happened', 'card-entered', ...WHEN, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const plan = JSON.parse(r.stdout);
    assert.equal(plan.answers.brand, 'amazon');
    assert.equal(plan.answers.channel, 'mail');
  });

  it('--from-check with an id that is not stored says so, exit 64', () => {
    const r = run(['recover', '--from-check', 'nope', '--happened', 'received']);
    assert.equal(r.code, 64);
    assert.match(r.stderr, /no stored check nope/);
  });
});

describe('sagicheck recover (prompts through a pipe) and case', () => {
  let caseId = '';

  it('asks brand, channel, what happened, when and cards, prints the plan and saves it', () => {
    // Brand 1 (Amazon), mail, password + card, a time, the Rakuten card, save.
    const r = run(['recover', '--lang', 'en'], '1\n1\n3,4\n2026-05-08 10:00\n1\ny\n');
    assert.equal(r.code, 0, r.stderr);
    for (const q of [
      'Which company',
      'How did it come',
      'What happened',
      'When?',
      'Which card',
      'Save this plan',
    ])
      assert.ok(r.stderr.includes(q), q);
    assert.match(r.stdout, / 1\. \[now\] Stop the Rakuten Card now/);
    assert.match(r.stdout, /For: Rakuten Card/);
    const m = /Saved as case: ([a-z2-9]{10})\n$/.exec(r.stdout);
    assert.ok(m, r.stdout.slice(-200));
    caseId = m[1] as string;
  });

  it('asks again after an answer it cannot use, and accepts names', () => {
    const r = run(['recover', '--lang', 'en', '--json'], '42\n楽天カード\nsms\n7\n\n\n');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.includes('Please try again.'));
    const plan = JSON.parse(r.stdout);
    assert.equal(plan.answers.brand, 'rakuten-card');
    assert.equal(plan.answers.channel, 'sms');
    assert.deepEqual(plan.answers.happened, ['unknown-charges']);
    assert.equal(plan.steps[0].id, 'rakuten-card.stop-card');
  });

  it('stops with exit 64 when the input ends before the answers do', () => {
    const r = run(['recover'], '1\n');
    assert.equal(r.code, 64);
    assert.match(r.stderr, /input ended/);
  });

  it('case list / done / note / evidence / show / export / delete', () => {
    assert.ok(caseId, 'saved by the prompt test');
    const list = run(['case', 'list', '--json']);
    assert.equal(list.code, 0, list.stderr);
    assert.ok(JSON.parse(list.stdout).some((c: { id: string }) => c.id === caseId));

    assert.equal(run(['case', 'done', caseId, 'rakuten-card.stop-card']).code, 0);
    const byNumber = run(['case', 'done', caseId, '2']);
    assert.match(byNumber.stdout, /^2\. generic-card\.dispute: done /);
    assert.equal(run(['case', 'note', caseId, '楽天カードに電話, 受付番号 123; 再発行']).code, 0);

    const file = join(home, 'phish.eml');
    writeFileSync(file, 'From: "Amazon" <x@example.test>\r\nSubject: test\r\n\r\nbody\r\n');
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    const ev = run(['case', 'evidence', caseId, file]);
    assert.equal(ev.code, 0, ev.stderr);
    assert.match(ev.stdout, new RegExp(`sha256:${sha} `));
    assert.equal(run(['case', 'evidence', caseId, file, '--link', '--note', 'original']).code, 0);

    const seed = join(root, 'test', 'fixtures', 'seed-amazon-suspended-iso2022jp.eml');
    assert.equal(run(['case', 'evidence', caseId, seed]).code, 0);
    const dir = join(home, 'reports');
    const eml = run(['case', 'export', caseId, '--eml', '-o', dir, '--from', 'me@example.test']);
    assert.equal(eml.code, 0, eml.stderr);
    const written = eml.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    assert.deepEqual(
      written.map(([, to]) => to),
      ['reportascam@amazon.com', 'info@antiphishing.jp'],
    );
    for (const [path] of written) {
      const mail = readFileSync(path as string, 'utf8');
      assert.match(mail, /^From: me@example\.test\r\n/m);
      assert.match(mail, /Content-Type: message\/rfc822/);
    }

    const show = JSON.parse(run(['case', 'show', caseId, '--json']).stdout);
    assert.equal(show.done, 2);
    assert.deepEqual(
      show.notes.map((n: { body: string }) => n.body),
      ['楽天カードに電話, 受付番号 123; 再発行'],
    );
    assert.deepEqual(
      show.evidence
        .slice(0, 2)
        .map((e: { sha256: string; stored: boolean; path: string | null }) => [e.sha256, e.stored, e.path]),
      [
        [sha, true, null],
        [sha, false, file],
      ],
    );
    const text = run(['case', 'show', caseId, '--lang', 'en']).stdout;
    assert.match(text, /Progress: 2\/\d+ done/);
    assert.match(
      text,
      /Deadlines and reminders:\n(?:.*\n)* +\d+\. can be done now \(2026-05-08 15:00\+09:00\): After the stated wait/,
    );
    assert.match(text, / 1\. \[x \d{4}-\d\d-\d\d \d\d:\d\dZ\] \[now\] Stop the Rakuten Card/);

    const ics = run(['case', 'export', caseId, '--ics']);
    assert.equal(ics.code, 0, ics.stderr);
    assert.ok(ics.stdout.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.stdout.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!ics.stdout.includes(`UID:${caseId}-rakuten-card.stop-card@`), 'done steps have no event');
    assert.ok(ics.stdout.includes(`UID:${caseId}-amazon.new-password@sagicheck`));
    const events = ics.stdout.split('BEGIN:VEVENT').length - 1;
    assert.equal(events, ics.stdout.split('BEGIN:VALARM').length - 1, 'an alarm per event');
    const out = join(home, 'plan.ics');
    assert.equal(run(['case', 'export', caseId, '--ics', '-o', out]).code, 0);
    assert.equal(readFileSync(out, 'utf8').split('BEGIN:VEVENT').length - 1, events);

    const html = run(['case', 'export', caseId, '--html', '--lang', 'ja']);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!doctype html>/i);
    for (const want of [caseId, sha, 'Amazonのパスワードをすぐに変更する', '楽天カード', '0120-999-373'])
      assert.ok(html.stdout.includes(want), want);
    const pdfPath = join(home, 'summary.pdf');
    const pdf = run(['case', 'export', caseId, '--pdf', '-o', pdfPath, '--lang', 'ja']);
    assert.equal(pdf.code, 0, pdf.stderr);
    assert.equal(readFileSync(pdfPath).subarray(0, 5).toString('latin1'), '%PDF-');
    const extracted = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    if (extracted.error) {
      if (process.env.CI === 'true') throw new Error('pdftotext (poppler-utils) is needed under CI');
      process.emitWarning('pdftotext missing: the PDF text is NOT checked');
    } else {
      const flat = extracted.stdout.replace(/\s+/g, '');
      for (const want of [caseId, 'Amazonのパスワードをすぐに変更する', '#9110'])
        assert.ok(flat.includes(want), want);
    }

    assert.equal(run(['case', 'delete', caseId]).code, 0);
    const gone = run(['case', 'show', caseId]);
    assert.equal(gone.code, 64);
    assert.match(gone.stderr, /no case/);
    assert.equal(run(['case', 'done', 'nosuchcase1', '1']).code, 64);
  });
});
