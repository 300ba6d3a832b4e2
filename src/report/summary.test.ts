/**
 * The incident summary: its HTML print view, and its PDF checked with poppler (pdftotext for the Japanese text,
 * pdffonts for an embedded subset font, pdftoppm for ink where each glyph should be). The PNG of the first page is
 * left in test-output/ to look at.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { embedJapaneseFonts } from './pdf.js';
import { contactSheetHtml, contactSheetPdf, summaryDocument, summaryHtml, summaryPdf } from './summary.js';
import { sampleIncident } from './testing.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });

const POPPLER = ['pdftotext', 'pdffonts', 'pdftoppm'];
const missing = POPPLER.filter((tool) => spawnSync(tool, ['-v']).error !== undefined);
if (missing.length) {
  const message = `poppler-utils (${missing.join(', ')}) not installed: the PDF checks are SKIPPED`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must install poppler-utils`);
  process.stderr.write(`\n*** ${message} ***\n\n`);
}
const skip = missing.length ? `needs ${missing.join(', ')} (poppler-utils)` : false;

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Fonts as pdffonts lists them: name, emb, sub, uni. */
function fonts(pdfPath: string): { name: string; emb: string; sub: string; uni: string }[] {
  return tool('pdffonts', [pdfPath])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name … emb sub uni object ID: the last five columns are fixed.
      const [emb = '', sub = '', uni = ''] = cols.slice(-5, -2);
      return { name: cols[0] ?? '', emb, sub, uni };
    });
}

/** A grey-scale page from pdftoppm (-gray writes binary PGM). */
function greyPage(pdfPath: string, prefix: string, dpi: number): { w: number; h: number; px: Buffer } {
  tool('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  const buf = readFileSync(`${prefix}.pgm`);
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'));
  assert.ok(m, 'a PGM image');
  const header = m[0].length;
  return { w: Number(m[1]), h: Number(m[2]), px: buf.subarray(header) };
}

describe('incident summary PDF', { skip }, () => {
  it('has the Japanese text, an embedded subset font, and renders a page', async () => {
    const pdf = await summaryPdf(sampleIncident(), { lang: 'ja', date: new Date('2026-05-10T03:00:00Z') });
    const path = join(out, 'summary-ja.pdf');
    writeFileSync(path, pdf);
    assert.ok(pdf.length < 300_000, `subset fonts keep the file small (${pdf.length} bytes)`);
    const text = tool('pdftotext', ['-enc', 'UTF-8', path, '-']);
    for (const expected of [
      'Amazonをかたるフィッシングによるカード不正利用',
      '不正利用・フィッシング被害の経緯',
      '時系列',
      '「お客様のAmazonアカウントが一時的に停止されました」というメールを受信',
      'カードの利用停止と再発行を依頼する',
      '期限 2026/07/08 23:59',
      '楽天カード（末尾 1234）',
      'a3f5c2d1e4b6978812ab34cd56ef7890a1',
      '警察相談専用電話',
      '#9110',
      '消費者ホットライン',
      '188',
      'info@antiphishing.jp',
      '（未確認）',
      '1 / 2 ページ',
    ]) {
      assert.ok(text.includes(expected), `PDF text has ${expected}`);
    }
    const list = fonts(path);
    assert.ok(list.length >= 1);
    for (const f of list) {
      assert.match(f.name, /^[A-Z]{6}\+NotoSansJP-(Regular|Bold)$/, 'a tagged Noto Sans JP subset');
      assert.deepEqual(
        [f.emb, f.sub, f.uni],
        ['yes', 'yes', 'yes'],
        `${f.name}: embedded, subset, ToUnicode`,
      );
    }
    tool('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path,
      join(out, 'summary-ja-page1'),
    ]);
    assert.ok(readFileSync(join(out, 'summary-ja-page1.png')).length > 20_000, 'page 1 rendered');
  });

  it('every glyph of the subset draws ink (no blank glyphs from a broken subset)', async () => {
    const sample = [
      ...'お客様のアカウントが一時的に停止されました不正利用警察相談専用電話消費者ホットライン証拠時系列ABCxyz123',
    ];
    const pdf = await PDFDocument.create();
    const { regular } = await embedJapaneseFonts(pdf, sample.join(''));
    const page = pdf.addPage([600, 600]);
    const cell = 40;
    sample.forEach((ch, i) => {
      page.drawText(ch, {
        x: 20 + (i % 14) * cell,
        y: 560 - Math.floor(i / 14) * cell,
        size: 24,
        font: regular,
      });
    });
    const path = join(out, 'glyphs.pdf');
    writeFileSync(path, await pdf.save());
    const img = greyPage(path, join(out, 'glyphs'), 72);
    const blank: string[] = [];
    sample.forEach((ch, i) => {
      const x0 = 20 + (i % 14) * cell;
      const yTop = img.h - (560 - Math.floor(i / 14) * cell) - 26;
      let ink = 0;
      for (let y = Math.max(0, yTop); y < yTop + 34 && y < img.h; y++)
        for (let x = x0; x < x0 + 30 && x < img.w; x++) if ((img.px[y * img.w + x] ?? 255) < 128) ink++;
      if (ink < 8) blank.push(ch);
    });
    assert.deepEqual(blank, [], 'glyphs that rendered blank');
  });

  it('English version and the standalone contact sheet', async () => {
    const en = join(out, 'summary-en.pdf');
    writeFileSync(en, await summaryPdf(sampleIncident(), { lang: 'en' }));
    const text = tool('pdftotext', ['-enc', 'UTF-8', en, '-']);
    assert.ok(text.includes('Card misuse after an Amazon phishing mail'));
    assert.ok(text.includes('Police consultation line'));
    assert.ok(text.includes('(unverified)'));
    const sheet = join(out, 'contacts-ja.pdf');
    writeFileSync(sheet, await contactSheetPdf('ja'));
    const sheetText = tool('pdftotext', ['-enc', 'UTF-8', sheet, '-']);
    for (const s of ['警察・消費生活センターの相談先', '#9110', '188', '110番'])
      assert.ok(sheetText.includes(s), s);
    assert.ok(fonts(sheet).every((f) => f.sub === 'yes' && f.emb === 'yes'));
  });
});

describe('incident summary HTML print view', () => {
  it('is self-contained: nothing loads from elsewhere, print CSS for A4', () => {
    const html = summaryHtml(sampleIncident(), { lang: 'ja' });
    writeFileSync(join(out, 'summary-ja.html'), html);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /@page \{ size: A4/);
    for (const remote of ['<script', '<link', '<img', '<iframe', 'src=', '@import', 'url(']) {
      assert.ok(!html.includes(remote), `no ${remote}`);
    }
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /<h2>時系列<\/h2>/);
    assert.match(html, /警察相談専用電話/);
    assert.match(html, /✓ 済/);
  });

  it('escapes what the user typed', () => {
    const input = sampleIncident();
    input.notes = ['<script>alert(1)</script> & "quotes"'];
    const html = summaryHtml(input, { lang: 'en' });
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'));
  });

  it('orders the timeline by time and prints times in Japan time', () => {
    const input = sampleIncident();
    input.timeline.reverse();
    const doc = summaryDocument(input, { lang: 'en' });
    const table = doc.blocks.find((b) => b.type === 'table');
    assert.ok(table && table.type === 'table');
    assert.deepEqual(
      table.rows.map((r) => r[0]),
      ['2026-05-08 10:00', '2026-05-08 10:05', '2026-05-09 08:30', '2026-05-09 09:00'],
    );
  });

  it('the standalone contact sheet', () => {
    const html = contactSheetHtml('en');
    assert.match(html, /#9110/);
    assert.match(html, /188/);
    assert.match(html, /npa\.go\.jp\/bureau\/cyber\/soudan\.html \(unverified\)/);
  });
});
