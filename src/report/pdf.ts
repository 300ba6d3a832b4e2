/**
 * PDF without a browser: pdf-lib with Noto Sans JP (SIL OFL 1.1, from the npm package
 * @expo-google-fonts/noto-sans-jp, installed by `npm ci`) embedded as a subset, so the file carries only the
 * glyphs it uses and any reader shows the Japanese text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { Block, Column, PrintDocument } from './document.js';
import { sagicheckVersion } from './version.js';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-jp';
const FONT_FILES = {
  regular: `${FONT_PACKAGE}/400Regular/NotoSansJP_400Regular.ttf`,
  bold: `${FONT_PACKAGE}/700Bold/NotoSansJP_700Bold.ttf`,
} as const;

const fontCache = new Map<string, Uint8Array>();

/** The bytes of a font file of the package; a clear error when the package is not installed. */
export function fontBytes(which: keyof typeof FONT_FILES): Uint8Array {
  let bytes = fontCache.get(which);
  if (!bytes) {
    let path: string;
    try {
      path = createRequire(import.meta.url).resolve(FONT_FILES[which]);
    } catch {
      throw new Error(
        `the Japanese font ${FONT_FILES[which]} is missing: run npm ci (package ${FONT_PACKAGE})`,
      );
    }
    bytes = new Uint8Array(readFileSync(path));
    fontCache.set(which, bytes);
  }
  return bytes;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 50, bottom: 56, left: 46, right: 46 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const GREY = rgb(0.45, 0.45, 0.45);
const LINE = rgb(0.72, 0.72, 0.72);
const HEAD_BG = rgb(0.93, 0.93, 0.93);

/** Characters that must not begin a line (kinsoku): they stay at the end of the previous one. */
const NO_LINE_START = new Set([
  ...'、。，．,.・：；？！?!ー―）)」』】〕〉》］]｝}ゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
]);

/** Characters that must not end a line. */
const NO_LINE_END = new Set([...'（(「『【〔〈《［[｛{']);

/** Breaks text into lines that fit `width`: CJK between any two characters, other text at spaces or anywhere in a
 * word longer than the line (URLs, hashes). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of clean(text).split('\n')) {
    const tokens = para.match(
      /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g,
    ) ?? [''];
    let line = '';
    const push = () => {
      out.push(line.trimEnd());
      line = '';
    };
    for (let token of tokens) {
      if (/^\s+$/.test(token)) {
        if (line) line += ' ';
        continue;
      }
      if (font.widthOfTextAtSize(line + token, size) <= width || NO_LINE_START.has(token)) {
        line += token;
        continue;
      }
      // An opening bracket does not end a line: it moves down with what it opens.
      let carry = '';
      while (line.length > 1 && NO_LINE_END.has(line.at(-1) ?? '')) {
        carry = line.slice(-1) + carry;
        line = line.slice(0, -1);
      }
      if (line.trim()) push();
      token = carry + token;
      // A word longer than a line is cut where it must be.
      while (font.widthOfTextAtSize(token, size) > width) {
        let n = token.length - 1;
        while (n > 1 && font.widthOfTextAtSize(token.slice(0, n), size) > width) n--;
        out.push(token.slice(0, n));
        token = token.slice(n);
      }
      line = token;
    }
    push();
  }
  return out;
}

/** Tabs and control characters become spaces: a PDF font has no glyph for them. */
function clean(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\t\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

class Writer {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  text(
    text: string,
    opts: { size: number; font?: PDFFont; indent?: number; colour?: ReturnType<typeof rgb>; gap?: number },
  ) {
    const font = opts.font ?? this.regular;
    const lh = opts.size * 1.55;
    const indent = opts.indent ?? 0;
    for (const line of wrap(text, font, opts.size, WIDTH - indent)) {
      this.ensure(lh);
      this.y -= lh;
      this.page.drawText(line, {
        x: MARGIN.left + indent,
        y: this.y + (lh - opts.size) / 2 + opts.size * 0.12,
        size: opts.size,
        font,
        color: opts.colour ?? rgb(0.07, 0.07, 0.07),
      });
    }
    this.y -= opts.gap ?? 0;
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: MARGIN.left + WIDTH, y: this.y },
      thickness: 0.6,
      color: LINE,
    });
  }

  table(columns: Column[], rows: string[][], header = true): void {
    const size = 8.8;
    const lh = size * 1.5;
    const pad = 4;
    const widths = columns.map((c) => c.width * WIDTH);
    const fontOf = (i: number, font: PDFFont) => (columns[i]?.strong ? this.bold : font);
    const cellLines = (cells: string[], font: PDFFont) =>
      columns.map((_, i) => wrap(cells[i] ?? '', fontOf(i, font), size, (widths[i] ?? 0) - 2 * pad));
    const drawRow = (cells: string[][], font: PDFFont, fill: boolean) => {
      const height = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad;
      let x = MARGIN.left;
      const top = this.y;
      for (const [i, w] of widths.entries()) {
        this.page.drawRectangle({
          x,
          y: top - height,
          width: w,
          height,
          borderColor: LINE,
          borderWidth: 0.5,
          ...(fill ? { color: HEAD_BG } : {}),
        });
        for (const [j, line] of (cells[i] ?? []).entries()) {
          this.page.drawText(line, {
            x: x + pad,
            y: top - pad - (j + 1) * lh + (lh - size) / 2 + size * 0.12,
            size,
            font: fontOf(i, font),
          });
        }
        x += w;
      }
      this.y -= height;
    };
    const head = cellLines(
      columns.map((c) => c.label),
      this.bold,
    );
    const headHeight = Math.max(...head.map((c) => c.length)) * lh + 2 * pad;
    if (header) {
      this.ensure(headHeight + lh + 2 * pad);
      drawRow(head, this.bold, true);
    }
    for (const row of rows) {
      const cells = cellLines(row, this.regular);
      const height = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad;
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        if (header) drawRow(head, this.bold, true);
      }
      drawRow(cells, this.regular, false);
    }
    this.y -= 8;
  }

  block(b: Block): void {
    switch (b.type) {
      case 'title':
        this.text(b.text, { size: 18, font: this.bold, gap: 2 });
        if (b.subtitle) this.text(b.subtitle, { size: 10, colour: GREY, gap: 8 });
        break;
      case 'meta':
        this.table(
          [
            { label: '', width: 0.28 },
            { label: '', width: 0.72 },
          ],
          b.rows.map(([k, v]) => [k, v]),
          false,
        );
        break;
      case 'heading':
        this.ensure(13 * 1.55 + 40);
        this.y -= 8;
        this.text(b.text, { size: 12.5, font: this.bold, gap: 2 });
        this.rule();
        this.y -= 5;
        break;
      case 'paragraph':
        this.text(b.text, b.small ? { size: 8.5, colour: GREY, gap: 4 } : { size: 10, gap: 4 });
        break;
      case 'list':
        for (const item of b.items) {
          const lines = wrap(item, this.regular, 10, WIDTH - 14);
          lines.forEach((line, i) => {
            this.ensure(15.5);
            this.y -= 15.5;
            if (i === 0)
              this.page.drawText('・', { x: MARGIN.left, y: this.y + 4, size: 10, font: this.regular });
            this.page.drawText(line, { x: MARGIN.left + 14, y: this.y + 4, size: 10, font: this.regular });
          });
        }
        this.y -= 4;
        break;
      case 'table':
        if (b.rows.length === 0) this.text(b.empty ?? '—', { size: 8.5, colour: GREY, gap: 4 });
        else this.table(b.columns, b.rows);
        break;
    }
  }

  footers(text: string, lang: 'ja' | 'en'): void {
    const total = this.pages.length;
    for (const [i, page] of this.pages.entries()) {
      const label = `${text}    ${lang === 'ja' ? `${i + 1} / ${total} ページ` : `page ${i + 1} of ${total}`}`;
      for (const [j, line] of wrap(label, this.regular, 7.5, WIDTH).entries()) {
        page.drawText(line, { x: MARGIN.left, y: 30 - j * 10, size: 7.5, font: this.regular, color: GREY });
      }
    }
  }
}

/** Six upper-case letters from a hash of the content. */
function subsetTag(content: string): string {
  const digest = createHash('sha256').update(content).digest();
  return [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

interface TtfSubsetLike {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

let evenGlyphs = false;

/**
 * @pdf-lib/fontkit 1.1.1 writes a subset's `loca` in the short format (offsets halved) when the glyph data is under
 * 128 KiB, but copies glyph records of odd length unpadded: every glyph after one of them points a byte off and
 * renders blank, while the text still extracts (pdf-lib#1232; fixed upstream in fontkit 1.8, foliojs/fontkit#191).
 * Padding each copied record to an even length, as the TrueType spec asks, makes the short offsets exact.
 */
function padGlyphRecords(): void {
  if (evenGlyphs) return;
  const proto = Object.getPrototypeOf(fontkit.create(fontBytes('regular')).createSubset()) as TtfSubsetLike;
  const addGlyph = proto._addGlyph;
  if (typeof addGlyph !== 'function')
    throw new Error('unexpected @pdf-lib/fontkit: no TrueType subset to fix');
  proto._addGlyph = function (this: TtfSubsetLike, gid: number): number {
    const index = addGlyph.call(this, gid);
    const record = this.glyf[index];
    if (record && record.length % 2 === 1) {
      // The record is fontkit's own (bundled) Buffer: its stream accepts nothing else.
      const B = record.constructor as unknown as typeof Buffer;
      this.glyf[index] = B.concat([record, B.alloc(1)]);
      this.offset += 1;
    }
    return index;
  };
  evenGlyphs = true;
}

export interface PdfOptions {
  /** Creation and modification date written in the file (tests pass a fixed one). */
  date?: Date;
}

/**
 * Noto Sans JP regular and bold, embedded as subsets. PDF 32000-1 §9.6.4: a subset font's name starts with a
 * six-letter tag and '+' (readers, pdffonts and archives tell subsets by it); the tag comes from `content` so the
 * same document gives the same file.
 */
export async function embedJapaneseFonts(
  pdf: PDFDocument,
  content: string,
): Promise<{ regular: PDFFont; bold: PDFFont }> {
  padGlyphRecords();
  pdf.registerFontkit(fontkit);
  const tag = subsetTag(content);
  const regular = await pdf.embedFont(fontBytes('regular'), {
    subset: true,
    customName: `${tag}+NotoSansJP-Regular`,
  });
  const bold = await pdf.embedFont(fontBytes('bold'), { subset: true, customName: `${tag}+NotoSansJP-Bold` });
  return { regular, bold };
}

export async function renderPdf(doc: PrintDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const { regular, bold } = await embedJapaneseFonts(pdf, JSON.stringify(doc));
  const date = options.date ?? new Date();
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setLanguage(doc.lang === 'ja' ? 'ja-JP' : 'en');
  pdf.setCreator(`sagicheck ${sagicheckVersion()}`);
  pdf.setProducer('sagicheck (pdf-lib)');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const w = new Writer(pdf, regular, bold);
  for (const b of doc.blocks) w.block(b);
  w.footers(doc.footer, doc.lang);
  return await pdf.save({ useObjectStreams: true });
}
