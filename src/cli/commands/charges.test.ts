import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { dbTargets, requirePostgres } from '../../../test/support/databases.js';
import { buildPlan } from '../../respond/plan.js';
import { CASES_MIGRATIONS, createCase, getCase } from '../../store/cases.js';
import { CHARGES_MIGRATIONS, LOCAL_USER, listCharges, markKnown } from '../../store/charges.js';
import { type Db, migrate } from '../../store/db.js';
import { webhookPayload } from '../../watch/charges/notify.js';
import { encodeShiftJis } from '../../watch/charges/testing.js';
import { notify } from '../../watch/notify.js';
import { caseEvidence, importFile } from './charges.js';

requirePostgres();

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = (name: string) => join(root, 'test', 'fixtures', 'charges', name);
const read = (path: string) => readFileSync(path);
const none = { format: null, card: null, mapping: null };
const rakutenCsv = (rows: string[]) =>
  encodeShiftJis(
    `利用日,利用店名・商品名,利用者,支払方法,利用金額,支払手数料,支払総額,7月支払金額,8月繰越残高,新規サイン\r\n${rows.join('\r\n')}\r\n`,
  );

for (const target of dbTargets()) {
  describe(`charges import on ${target.name}`, { skip: target.skip }, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await migrate(db, CHARGES_MIGRATIONS);
    });
    after(async () => {
      await db?.close();
    });

    it('the seed end to end: the 楽天カード download flags 3 × 1,980 yen Netflix as repeated and digital content', async () => {
      const file = fixture('rakuten-enavi-sjis.csv');
      const r = await importFile(db, file, read(file), none);
      assert.equal(r.card, 'rakuten');
      assert.equal(r.encoding, 'shift_jis');
      assert.equal(r.added, 6);
      const flagged = r.charges.filter((c) => c.flagged);
      assert.deepEqual(
        flagged.map((c) => [c.date, c.merchant, c.amount]),
        [
          ['2020-05-08', 'NETFLIX.COM', 1980],
          ['2020-05-09', 'NETFLIX.COM', 1980],
          ['2020-05-10', 'NETFLIX.COM', 1980],
        ],
      );
      for (const c of flagged)
        assert.deepEqual(c.reasons.map((x) => x.id).sort(), [
          'charges/digital-content',
          'charges/repeated-amount',
        ]);
      // Imported again: nothing stored twice, the same verdicts.
      const again = await importFile(db, file, read(file), none);
      assert.equal(again.added, 0);
      assert.deepEqual(
        again.charges.map((c) => [c.flagged, c.stored]),
        r.charges.map((c) => [c.flagged, 'already']),
      );
      assert.equal((await listCharges(db, LOCAL_USER, { card: 'rakuten', flaggedOnly: true })).length, 3);
    });

    it("the card's history and the user's known merchants make the next import smarter", async () => {
      // A month later: Netflix once (the user says it is theirs), a shop never seen on this card, a tiny charge.
      await markKnown(db, LOCAL_USER, 'rakuten', 'NETFLIX.COM', 'netflix.com');
      const next = rakutenCsv([
        '2020/06/08,NETFLIX.COM,本人,1回払い,1980,0,1980,1980,0,',
        '2020/06/09,楽天市場,本人,1回払い,2100,0,2100,2100,0,',
        '2020/06/10,ｶｸｳ ｵﾝﾗｲﾝｼｮｯﾌﾟ,本人,1回払い,30,0,30,30,0,*',
        '2020/06/10,ｶｸｳ ｵﾝﾗｲﾝｼｮｯﾌﾟ,本人,1回払い,29800,0,29800,29800,0,*',
      ]);
      const r = await importFile(db, 'june.csv', next, none);
      const by = (m: string, amount: number) =>
        r.charges
          .find((c) => c.merchant?.includes(m) && c.amount === amount)
          ?.reasons.map((x) => x.id)
          .sort();
      assert.deepEqual(by('NETFLIX', 1980), []);
      assert.deepEqual(by('楽天市場', 2100), []);
      assert.deepEqual(by('カクウ', 30), ['charges/new-merchant', 'charges/test-charge']);
      assert.deepEqual(by('カクウ', 29800), ['charges/new-merchant']);
      assert.equal(r.charges.find((c) => c.amount === 30)?.flagged, true);
    });

    it('a generic CSV: the mapping given once is remembered for the card', async () => {
      const file = fixture('generic-utf8-bom.csv');
      const mapping = { date: '日付', merchant: '内容', amount: '金額' };
      const first = await importFile(db, file, read(file), { format: 'generic', card: 'bank', mapping });
      assert.equal(first.encoding, 'utf-8-bom');
      assert.equal(first.added, 2);
      const later = new TextEncoder().encode('日付,内容,金額\n2026/09/05,ＡＭＡＺＯＮギフト券,5000\n');
      const second = await importFile(db, 'later.csv', later, { format: null, card: 'bank', mapping: null });
      assert.equal(second.format, 'generic');
      assert.deepEqual(second.charges[0]?.reasons.map((x) => x.id).sort(), [
        'charges/gift-card',
        'charges/new-merchant',
      ]);
      await assert.rejects(
        importFile(db, 'x.csv', later, { format: 'generic', card: 'other', mapping: null }),
        /mapping/,
      );
    });

    it('a card named in an open recovery case: every charge from the leak date on is flagged', async () => {
      await migrate(db, CASES_MIGRATIONS);
      const plan = buildPlan({
        brand: 'amazon',
        channel: 'mail',
        happened: ['card-entered'],
        when: '2026-10-06T20:00+09:00',
        cards: ['smbc-card'],
      });
      await createCase(db, { user: LOCAL_USER, plan, title: '偽Amazonにカード入力' });
      const file = fixture('smbc-vpass-sjis.csv');
      const r = await importFile(db, file, read(file), none);
      assert.equal(r.card, 'smbc');
      assert.deepEqual(
        r.charges.map((c) => [c.date, c.reasons.some((x) => x.id === 'charges/open-case')]),
        [
          ['2026-10-03', false],
          ['2026-10-05', false],
          ['2026-10-06', true],
          ['2026-10-07', true],
          ['2026-10-07', true],
          ['2026-10-09', true],
        ],
      );
      assert.match(r.charges[5]?.reasons[0]?.message.ja ?? '', /偽Amazonにカード入力/);
    });

    it('flagged charges open a recovery case carrying the file as evidence, or join one', async () => {
      const file = fixture('rakuten-notice.eml');
      const r = await importFile(db, file, read(file), none);
      const opened = await caseEvidence(db, r, read(file), null, 'ja');
      assert.equal(opened?.opened, true);
      const kase = await getCase(db, LOCAL_USER, opened?.id as string);
      assert.equal(kase?.plan.answers.brand, 'rakuten-card');
      assert.deepEqual(kase?.plan.answers.happened, ['unknown-charges']);
      assert.equal(
        kase?.happenedAt.slice(0, 10),
        '2020-05-07',
        'the first flagged day, midnight Japan time (UTC date before)',
      );
      assert.equal(kase?.evidence[0]?.sha256, opened?.evidence);
      assert.equal(kase?.evidence[0]?.mediaType, 'message/rfc822');
      assert.match(kase?.evidence[0]?.note ?? '', /NETFLIX\.COM 1,980円: 同じ金額/);
      const joined = await caseEvidence(
        db,
        r,
        read(fixture('rakuten-enavi-sjis.csv')),
        opened?.id as string,
        'ja',
      );
      assert.deepEqual([joined?.id, joined?.opened], [opened?.id, false]);
      assert.equal((await getCase(db, LOCAL_USER, opened?.id as string))?.evidence.length, 2);
      await assert.rejects(caseEvidence(db, r, read(file), 'no-such-case', 'ja'), /no recovery case/);
    });

    it("a notice proven by the user's own mail server only with --trust-receiver", async () => {
      // The JCB notice as delivered by another provider: its own Authentication-Results above its Received line.
      const original = readFileSync(fixture('jcb-notice.eml'), 'latin1');
      const body = original.slice(original.indexOf('From: '));
      const raw = Buffer.from(
        [
          'Authentication-Results: mx.example-isp.test; dkim=pass header.d=jcb.co.jp; spf=pass smtp.mailfrom=bounce@qa.jcb.co.jp; dmarc=pass header.from=jcb.co.jp',
          'Received: from relay.invalid (relay.invalid [192.0.2.30]) by mx.example-isp.test with ESMTPS; Tue, 20 Oct 2026 23:50:00 +0900',
          body,
        ].join('\r\n'),
        'latin1',
      );
      const refused = await importFile(db, 'isp.eml', raw, { ...none, card: 'jcb-isp' });
      assert.equal(refused.card, null);
      const trusted = await importFile(db, 'isp.eml', raw, {
        ...none,
        card: 'jcb-isp',
        scan: { trustReceivers: ['mx.example-isp.test'] },
      });
      assert.equal(trusted.card, 'jcb-isp');
      assert.equal(trusted.charges.length, 2);
    });

    it('notice mails: genuine ones imported on the issuer card, forged ones refused', async () => {
      const jcb = await importFile(db, 'jcb-notice.eml', read(fixture('jcb-notice.eml')), none);
      assert.equal(jcb.card, 'jcb');
      assert.deepEqual(
        jcb.charges.map((c) => [c.amount, c.flagged]),
        [
          [50, true],
          [24800, false],
        ],
      );
      const forged = await importFile(db, 'f.eml', read(fixture('rakuten-notice-forged.eml')), none);
      assert.equal(forged.card, null);
      assert.equal(forged.added, 0);
      assert.match(forged.refused?.ja ?? '', /認証されていない/);
    });
  });
}

describe('notifications', () => {
  const notice = webhookPayload('rakuten', 'seed.csv', [
    {
      date: '2020-05-08',
      time: null,
      merchant: 'NETFLIX.COM',
      amount: 1980,
      currency: null,
      originalAmount: null,
      user: null,
      source: { format: 'rakuten' },
      card: 'rakuten',
      score: 55,
      flagged: true,
      reasons: [
        {
          id: 'charges/repeated-amount',
          weight: 35,
          evidence: [],
          message: { ja: '同じ金額が3回', en: 'the same amount 3 times' },
        },
      ],
    },
  ]);

  it('POSTs the JSON to the configured webhook', async () => {
    const got: { method?: string; type?: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push({ method: req.method, type: req.headers['content-type'], body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      assert.deepEqual(await notify({ webhook: `http://127.0.0.1:${port}/hook` }, notice), []);
      assert.equal(got.length, 1);
      assert.equal(got[0]?.method, 'POST');
      assert.match(got[0]?.type ?? '', /application\/json/);
      const body = JSON.parse(got[0]?.body ?? '{}');
      assert.equal(body.type, 'sagicheck.charges.flagged');
      assert.equal(body.charges[0].merchant, 'NETFLIX.COM');
      assert.equal(body.charges[0].reasons[0].id, 'charges/repeated-amount');
    } finally {
      server.close();
    }
    // Unreachable: reported, not thrown.
    const failures = await notify({ webhook: 'http://127.0.0.1:9/none' }, notice);
    assert.equal(failures.length, 1);
  });

  it("mails the user's own address through their SMTP settings", async () => {
    const mails: { from?: string; to: string[]; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => {
          data += c.toString('utf8');
        });
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          mails.push({
            from: from ? from.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          done();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.server.address() as AddressInfo;
      const failures = await notify(
        { smtp: { host: '127.0.0.1', port, secure: false, from: 'me@example.test', to: 'me@example.test' } },
        notice,
      );
      assert.deepEqual(failures, []);
      assert.equal(mails.length, 1);
      assert.deepEqual(mails[0]?.to, ['me@example.test']);
      assert.match(mails[0]?.data ?? '', /Auto-Submitted: auto-generated/i);
      assert.match(mails[0]?.data ?? '', /NETFLIX\.COM/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('sagicheck charges (the command)', () => {
  it('imports the seed download with --json, prints every charge with flagged and reasons, exits 1', () => {
    const home = mkdtempSync(join(tmpdir(), 'sagicheck-charges-'));
    try {
      const r = spawnSync(
        process.execPath,
        [join(root, 'bin', 'sagicheck.js'), 'charges', 'import', '--json', fixture('rakuten-enavi-sjis.csv')],
        {
          env: { ...process.env, SAGICHECK_HOME: home, DATABASE_URL: '' },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      assert.equal(r.status, 1, r.stderr);
      assert.ok(r.stdout.trim(), `no output; stderr: ${r.stderr}`);
      const out = JSON.parse(r.stdout.trim());
      assert.equal(out.charges.length, 6);
      assert.equal(out.charges.filter((c: { flagged: boolean }) => c.flagged).length, 3);
      assert.ok(out.charges.every((c: object) => 'flagged' in c && 'reasons' in c));
      // An mbox of notice mails: each genuine one imported, the forged one refused; --open-case opens one case per card.
      const mbox = join(home, 'notices.mbox');
      const mails = ['rakuten-notice.eml', 'rakuten-notice-forged.eml', 'jcb-notice.eml'].map(
        (n) => `From sender@example.test Thu Jan  1 00:00:00 2026\n${readFileSync(fixture(n), 'latin1')}\n`,
      );
      writeFileSync(mbox, mails.join(''), 'latin1');
      const m = spawnSync(
        process.execPath,
        [join(root, 'bin', 'sagicheck.js'), 'charges', 'import', '--json', '--open-case', mbox],
        {
          env: { ...process.env, SAGICHECK_HOME: home, DATABASE_URL: '' },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      assert.equal(m.status, 1, m.stderr);
      const lines = m.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        lines.map((l) => [l.card, l.charges.length, l.refused === null, l.case?.opened ?? null]),
        [
          ['rakuten', 3, true, true],
          [null, 0, false, null],
          ['jcb', 2, true, true],
        ],
      );
      const bad = spawnSync(process.execPath, [join(root, 'bin', 'sagicheck.js'), 'charges', 'import'], {
        env: { ...process.env, SAGICHECK_HOME: home },
        encoding: 'utf8',
      });
      assert.equal(bad.status, 64);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
