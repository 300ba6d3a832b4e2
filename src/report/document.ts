/** A printable document as a list of blocks, rendered to self-contained HTML (print view) or to PDF (pdf.ts). */

export type Block =
  | { type: 'title'; text: string; subtitle?: string }
  | { type: 'meta'; rows: [string, string][] }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; small?: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'table'; columns: Column[]; rows: string[][]; empty?: string };

export interface Column {
  label: string;
  /** Share of the width (the shares of a table add up to 1). */
  width: number;
  /** Fixed-width text (hashes, addresses): shown in a monospace face in HTML, broken anywhere in PDF. */
  mono?: boolean;
  /** Bold (the numbers to call). */
  strong?: boolean;
}

export interface PrintDocument {
  lang: 'ja' | 'en';
  title: string;
  blocks: Block[];
  /** Printed at the foot of every page. */
  footer: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Print styles: A4, no remote fonts (the reader's own Japanese fonts), black on white. */
const CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 0; color: #111; background: #fff;
  font: 10.5pt/1.6 "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic",
  "Meiryo", system-ui, sans-serif; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.subtitle { color: #444; margin: 0 0 5mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #999; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: 1.2mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
tr { break-inside: avoid; }
table.meta th { width: 28%; background: #f5f5f5; }
.mono { font-family: "Noto Sans Mono CJK JP", "DejaVu Sans Mono", ui-monospace, monospace; font-size: 8.5pt; }
ul { margin: 1mm 0 3mm; padding-left: 6mm; }
p.small { font-size: 8.5pt; color: #444; }
footer { margin-top: 8mm; font-size: 8pt; color: #555; border-top: 1px solid #ccc; padding-top: 2mm; }
@media screen { body { padding: 12mm; } }
@media print { footer { position: running(footer); } a { color: inherit; text-decoration: none; } }
`;

/** A self-contained HTML page: inline styles only, and a policy that forbids loading anything from elsewhere. */
export function renderHtml(doc: PrintDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'title':
        out.push(`<h1>${escapeHtml(b.text)}</h1>`);
        if (b.subtitle) out.push(`<p class="subtitle">${escapeHtml(b.subtitle)}</p>`);
        break;
      case 'meta':
        out.push(
          `<table class="meta"><tbody>${b.rows
            .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${lines(v)}</td></tr>`)
            .join('')}</tbody></table>`,
        );
        break;
      case 'heading':
        out.push(`<h2>${escapeHtml(b.text)}</h2>`);
        break;
      case 'paragraph':
        out.push(`<p${b.small ? ' class="small"' : ''}>${lines(b.text)}</p>`);
        break;
      case 'list':
        out.push(`<ul>${b.items.map((i) => `<li>${lines(i)}</li>`).join('')}</ul>`);
        break;
      case 'table':
        if (b.rows.length === 0) {
          out.push(`<p class="small">${escapeHtml(b.empty ?? '—')}</p>`);
          break;
        }
        out.push(
          `<table><colgroup>${b.columns.map((c) => `<col style="width:${(c.width * 100).toFixed(1)}%">`).join('')}</colgroup>` +
            `<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>` +
            b.rows
              .map(
                (r) =>
                  `<tr>${b.columns.map((c, i) => `<td${c.mono ? ' class="mono"' : ''}>${c.strong ? `<strong>${lines(r[i] ?? '')}</strong>` : lines(r[i] ?? '')}</td>`).join('')}</tr>`,
              )
              .join('') +
            '</tbody></table>',
        );
        break;
    }
  }
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
${out.join('\n')}
<footer>${escapeHtml(doc.footer)}</footer>
</body>
</html>
`;
}

function lines(s: string): string {
  return escapeHtml(s).replace(/\n/g, '<br>');
}
