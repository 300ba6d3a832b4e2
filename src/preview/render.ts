/**
 * The safe preview of a checked message: the mail's own HTML, sanitised with sanitize-html (layout, tables and inline
 * styles kept; scripts, event handlers, forms, remote resources and links removed), then rewritten once more by a
 * small streaming pass that marks the report's suspicious phrases and risky links with <mark> and a reason.
 *
 * Two layers, so one mistake is not enough: (1) sanitize-html keeps only listed tags and attributes; (2) the second
 * pass re-emits every tag and attribute from its own allowlist with its own escaping, filters every style, and never
 * writes an href, src or event handler. The server serves the result with PREVIEW_CSP (no script, no remote load,
 * sandbox) in an <iframe sandbox>.
 */
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import type { Message } from '../engine/parse/message.js';
import type { LinkReport, Report, Text } from '../engine/report.js';

/** The preview response's policy: inline styles only; images only as data: (we write none); a sandboxed document. */
export const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; form-action 'none'; base-uri 'none'; sandbox";

export type PreviewLang = 'ja' | 'en';

export interface PreviewOptions {
  /** Language of the marks' reasons and placeholders; omitted: both, Japanese first. */
  lang?: PreviewLang;
}

const LAYOUT_TAGS = [
  'address',
  'article',
  'aside',
  'footer',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'main',
  'nav',
  'section',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'ul',
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'caption',
  'col',
  'colgroup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'center',
  'font',
  'big',
  'strike',
  'tt',
  'label',
  'fieldset',
  'legend',
  'details',
  'summary',
  'del',
  'ins',
  'style',
];

const ATTRIBUTES = [
  'style',
  'class',
  'title',
  'align',
  'valign',
  'width',
  'height',
  'bgcolor',
  'color',
  'border',
  'cellpadding',
  'cellspacing',
  'colspan',
  'rowspan',
  'dir',
  'lang',
  'face',
  'size',
  'span',
  'nowrap',
  'scope',
  'start',
  'reversed',
];

/** Attributes the first pass leaves for the second: the original href, image and input facts. */
const MARKER_ATTRIBUTES = ['data-sc-href', 'data-sc-img', 'data-sc-w', 'data-sc-h', 'data-sc-input'];

const VOID = new Set(['br', 'hr', 'wbr', 'col']);

/** Tags whose content is dropped with them (not shown as text). */
const DROP_WITH_CONTENT = [
  'script',
  'noscript',
  'textarea',
  'option',
  'select',
  'title',
  'svg',
  'math',
  'template',
  'iframe',
  'object',
  'embed',
  'applet',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'head > title',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: LAYOUT_TAGS,
  allowedAttributes: { '*': [...ATTRIBUTES, ...MARKER_ATTRIBUTES] },
  allowedSchemes: [],
  allowedSchemesAppliedToAttributes: [],
  allowProtocolRelative: false,
  allowVulnerableTags: true, // <style> is kept on purpose; its text is filtered by cleanStylesheet below.
  parseStyleAttributes: false, // styles are filtered by cleanDeclarations below, not dropped wholesale.
  nonTextTags: DROP_WITH_CONTENT,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (_tag, attribs) => ({ tagName: 'a', attribs: keep(attribs, { 'data-sc-href': attribs.href ?? '' }) }),
    area: (_tag, attribs) => ({ tagName: 'span', attribs: { 'data-sc-href': attribs.href ?? '' } }),
    img: (_tag, attribs) => ({
      tagName: 'span',
      attribs: {
        'data-sc-img': attribs.alt ?? '',
        'data-sc-w': attribs.width ?? '',
        'data-sc-h': attribs.height ?? '',
      },
    }),
    image: (_tag, attribs) => ({ tagName: 'span', attribs: { 'data-sc-img': attribs.alt ?? '' } }),
    input: (_tag, attribs) => ({
      tagName: 'span',
      attribs: { 'data-sc-input': (attribs.type ?? 'text').toLowerCase() },
    }),
    button: 'span',
    form: 'div',
    body: 'div',
    mark: 'span',
  },
};

function keep(attribs: sanitizeHtml.Attributes, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ATTRIBUTES) if (attribs[name] !== undefined) out[name] = attribs[name] ?? '';
  return { ...out, ...extra };
}

/** Anything in CSS that can load, run or bind something. Checked on the text after escapes and comments are undone. */
const CSS_DANGER =
  /url\s*\(|expression\s*\(|@import|behavior|binding|javascript:|vbscript:|image-set|image\s*\(|cross-fade|element\s*\(|src\s*\(|paint\s*\(/i;

/** CSS as a browser reads it: comments removed, escapes (\75 rl, \u) decoded, NULs dropped. */
function cssPlain(s: string): string {
  return s
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_m, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\(.)/gs, '$1')
    .replace(/\0/g, '');
}

export function dangerousCss(s: string): boolean {
  return CSS_DANGER.test(cssPlain(s));
}

/** A style attribute with every declaration that could load or run something left out. */
export function cleanDeclarations(style: string): string {
  const noComments = style.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '');
  return noComments
    .split(';')
    .map((d) => d.trim())
    .filter((d) => /^-{0,2}[a-zA-Z][\w-]*\s*:/.test(d) && !dangerousCss(d) && !/[<>{}]/.test(d))
    .join('; ');
}

/** At-rules whose block is dropped whole: fonts (remote), imports, documents. */
const DROP_AT =
  /^@(?:font-face|import|namespace|charset|document|-moz-document|property|font-feature-values)\b/i;

/**
 * A <style> sheet with dangerous declarations, rules and at-rules dropped; selectors that aim at the preview's own
 * marks (mark, .sc-…) dropped too, so a mail cannot hide its highlights. Unbalanced braces are closed.
 */
export function cleanStylesheet(css: string): string {
  const src = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '').replace(/<\/?\s*style/gi, '');
  let out = '';
  let buf = '';
  let depth = 0;
  let skipAt = -1;
  const declaration = (d: string): string => {
    const t = d.trim();
    if (!t || dangerousCss(t) || !/^-{0,2}[a-zA-Z][\w-]*\s*:/.test(t)) return '';
    return t;
  };
  for (const c of src) {
    if (c !== '{' && c !== '}' && c !== ';') {
      buf += c;
      continue;
    }
    if (skipAt >= 0) {
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth <= skipAt) skipAt = -1;
      }
      buf = '';
      continue;
    }
    if (c === '{') {
      const prelude = buf.trim();
      const plain = cssPlain(prelude);
      if (
        !prelude ||
        DROP_AT.test(plain) ||
        CSS_DANGER.test(plain) ||
        /\bmark\b|\.sc-|\[data-sc/i.test(plain) ||
        /[<>]/.test(prelude)
      ) {
        skipAt = depth;
      } else {
        out += `${prelude}{`;
      }
      depth++;
    } else if (c === '}') {
      if (depth > 0) {
        const d = declaration(buf);
        out += d ? `${d};}` : '}';
        depth--;
      }
    } else if (depth > 0) {
      const d = declaration(buf);
      if (d) out += `${d};`;
    }
    // `;` at the top level ends a statement at-rule (@import …;, @charset …;): dropped.
    buf = '';
  }
  if (depth > 0 && skipAt < 0) {
    const d = declaration(buf);
    if (d) out += `${d};`;
  }
  return out + '}'.repeat(Math.max(0, skipAt >= 0 ? skipAt : depth));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Needle {
  re: RegExp;
  kind: 'phrase' | 'link';
  title: string;
}

class Words {
  constructor(readonly lang: PreviewLang | undefined) {}
  pick(t: Text): string {
    return this.lang ? t[this.lang] : `${t.ja} / ${t.en}`;
  }
  say(ja: string, en: string): string {
    return this.pick({ ja, en });
  }
}

/** Phrases worth marking: the quoted wording in phrase findings' messages, and the pieces of their evidence excerpts. */
function phraseNeedles(report: Report, words: Words): Needle[] {
  const found = new Map<string, string[]>();
  for (const f of report.findings) {
    const phrases = f.evidence.filter((e) => e.kind === 'phrase');
    if (phrases.length === 0 || f.category === 'trust') continue;
    const quoted = [
      ...f.message.ja.matchAll(/「([^「」]{2,120})」/g),
      ...f.message.en.matchAll(/"([^"]{2,120})"/g),
    ].map((m) => m[1] ?? '');
    const pieces = quoted.length
      ? quoted
      : phrases.flatMap((e) => e.value.split('…')).map((p) => p.replace(/\s+/g, ' ').trim());
    const why = `${words.say('怪しい文言', 'Suspicious wording')}: ${words.pick(f.message)}`;
    for (const p of pieces) {
      const key = p.trim();
      if ([...key].length < 2 || key.length > 200) continue;
      found.set(key, [...(found.get(key) ?? []), why]);
    }
  }
  return [...found].map(([p, whys]) => ({
    re: new RegExp(
      p
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => escapeRe(w))
        .join('\\s+'),
      'giu',
    ),
    kind: 'phrase',
    title: [...new Set(whys)].join('\n'),
  }));
}

function linkWhy(link: LinkReport, words: Words): string {
  const reasons = link.risks.map((r) => `・${words.pick(r.message)}`);
  return [`${words.say('危険なリンク', 'Risky link')} → ${link.destination}`, ...reasons].join('\n');
}

/** Marks for the needles in one run of text; everything else escaped. Overlaps: the earlier, then longer, wins. */
function highlight(text: string, needles: Needle[]): string {
  if (!text || needles.length === 0) return escapeHtml(text);
  const hits: { start: number; end: number; needle: Needle }[] = [];
  for (const needle of needles) {
    needle.re.lastIndex = 0;
    for (const m of text.matchAll(needle.re)) {
      if (!m[0]) continue;
      hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, needle });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue;
    out += escapeHtml(text.slice(at, h.start));
    const cls = h.needle.kind === 'link' ? 'sc-risk' : 'sc-phrase';
    out += `<mark class="${cls}" title="${escapeHtml(h.needle.title)}">${escapeHtml(text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  }
  return out + escapeHtml(text.slice(at));
}

const PAGE_STYLE = `
html,body{margin:0;padding:0;background:#fff;color:#111}
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP","Noto Sans JP","Hiragino Sans",Meiryo,sans-serif;padding:12px;overflow-wrap:anywhere}
pre.sc-text{white-space:pre-wrap;word-break:break-word;font:inherit;margin:0}
mark.sc-phrase{background:#ffe45c !important;color:#111 !important;display:inline !important;visibility:visible !important;outline:1px solid #b38f00}
mark.sc-risk{background:#ffd0d0 !important;color:#8a0000 !important;display:inline !important;visibility:visible !important;outline:2px solid #c00000;text-decoration:underline wavy #c00000}
a.sc-link{color:#0645ad;text-decoration:underline;cursor:help}
.sc-dest{font-size:12px;color:#555;margin-left:2px}
.sc-img{display:inline-block;box-sizing:border-box;border:1px dashed #888;background:#f1f1f1;color:#444;font-size:12px;line-height:1.3;padding:2px 4px;max-width:100%;overflow:hidden;vertical-align:middle}
.sc-input{display:inline-block;border:1px solid #888;background:#fafafa;color:#444;font-size:12px;padding:2px 6px}
`;

function documentOf(body: string, words: Words): string {
  const lang = words.lang ?? 'ja';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>preview</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Second pass: re-emits the sanitised HTML from its own allowlist, adding marks, placeholders and link titles. */
function rewrite(clean: string, report: Report, words: Words): string {
  const phrases = phraseNeedles(report, words);
  const byHref = new Map<string, LinkReport>();
  for (const l of report.links) if (!byHref.has(l.href.trim())) byHref.set(l.href.trim(), l);
  const riskyTextLinks: Needle[] = report.links
    .filter((l) => l.risks.length > 0)
    .map((l) => ({ re: new RegExp(escapeRe(l.href), 'gu'), kind: 'link', title: linkWhy(l, words) }));
  const textNeedles = [...riskyTextLinks, ...phrases];
  const allowedAttr = new Set(ATTRIBUTES);
  const allowedTag = new Set(LAYOUT_TAGS);
  let out = '';
  let text = '';
  let inStyle = 0;
  /** For each open tag: what to write after its end tag. */
  const closers: string[] = [];
  const flush = (): void => {
    if (!text) return;
    out += inStyle ? cleanStylesheet(text) : highlight(text, textNeedles);
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        flush();
        if (!allowedTag.has(name)) {
          closers.push('');
          return;
        }
        if (name === 'style') {
          inStyle++;
          out += '<style>';
          closers.push('</style>');
          return;
        }
        const attrs: string[] = [];
        for (const [k, v] of Object.entries(attribs)) {
          if (!allowedAttr.has(k)) continue;
          if (k === 'style') {
            const s = cleanDeclarations(v);
            if (s) attrs.push(`style="${escapeHtml(s)}"`);
          } else if (k === 'class') {
            const c = v
              .split(/\s+/)
              .filter((x) => x && !x.toLowerCase().startsWith('sc-'))
              .join(' ');
            if (c) attrs.push(`class="${escapeHtml(c)}"`);
          } else {
            attrs.push(`${k}="${escapeHtml(v)}"`);
          }
        }
        let before = '';
        let after = '';
        let inner = '';
        const href = attribs['data-sc-href'];
        if (href !== undefined) {
          const link = byHref.get(href.trim());
          const dest = link?.destination ?? href.trim();
          const risky = link && link.risks.length > 0;
          const title = risky
            ? linkWhy(link, words)
            : `${words.say('リンク先（開けません）', 'Link to (not openable)')}: ${dest || '-'}`;
          for (let i = attrs.length - 1; i >= 0; i--)
            if (/^(?:class|title)=/.test(attrs[i] ?? '')) attrs.splice(i, 1);
          attrs.push('class="sc-link"', `data-destination="${escapeHtml(dest)}"`);
          if (!risky) attrs.push(`title="${escapeHtml(title)}"`);
          if (risky) {
            before = `<mark class="sc-risk" title="${escapeHtml(title)}">`;
            after = `</mark>`;
          }
          if (dest) after = `<span class="sc-dest">[→ ${escapeHtml(hostOf(dest))}]</span>${after}`;
          if (name !== 'a') {
            // An image-map area: no text of its own.
            inner = escapeHtml(words.say('[リンク領域]', '[link area]'));
          }
        }
        const img = attribs['data-sc-img'];
        if (img !== undefined) {
          const w = Number.parseInt(attribs['data-sc-w'] ?? '', 10);
          const h = Number.parseInt(attribs['data-sc-h'] ?? '', 10);
          const size = [
            w > 0 ? `width:${Math.min(w, 2000)}px` : '',
            h > 0 ? `height:${Math.min(h, 2000)}px` : '',
          ]
            .filter(Boolean)
            .join(';');
          const label = img.trim()
            ? `${words.say('画像', 'image')}: ${img.trim()}`
            : words.say('画像', 'image');
          const filtered = attrs.filter((a) => !a.startsWith('style=') && !a.startsWith('class='));
          filtered.push(
            'class="sc-img"',
            `title="${escapeHtml(words.say('画像（読み込みません）', 'Image (not loaded)'))}"`,
          );
          if (size) filtered.push(`style="${size}"`);
          attrs.length = 0;
          attrs.push(...filtered);
          inner += `[${escapeHtml(label)}]`;
        }
        const input = attribs['data-sc-input'];
        if (input !== undefined) {
          const kind =
            input === 'password'
              ? words.say('パスワード入力欄', 'password field')
              : input === 'hidden'
                ? ''
                : words.say('入力欄', 'input field');
          if (!kind) {
            // A hidden input shows nothing.
            closers.push('');
            return;
          }
          attrs.push('class="sc-input"', `title="${escapeHtml(words.say('使えない入力欄', 'inert field'))}"`);
          inner += `[${escapeHtml(kind)}]`;
        }
        out += `${before}<${name}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${inner}`;
        closers.push(VOID.has(name) ? after : `</${name}>${after}`);
      },
      ontext(t) {
        text += t;
      },
      onclosetag(name) {
        flush();
        if (name === 'style' && inStyle > 0) inStyle--;
        out += closers.pop() ?? '';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(clean);
  parser.end();
  flush();
  while (closers.length) out += closers.pop() ?? '';
  return out;
}

/** The whole preview document of a parsed mail: its HTML when it has one, else its text. */
export function renderPreview(message: Message, report: Report, options: PreviewOptions = {}): string {
  const words = new Words(options.lang);
  if (!message.html?.trim()) return renderTextPreview(message.text, report, options);
  const clean = sanitizeHtml(message.html, SANITIZE);
  return documentOf(rewrite(clean, report, words), words);
}

/** The preview of an SMS, a URL or a text-only mail: the text escaped in a <pre>, with the same marks. */
export function renderTextPreview(text: string, report: Report, options: PreviewOptions = {}): string {
  const words = new Words(options.lang);
  const risky: Needle[] = report.links
    .filter((l) => l.risks.length > 0)
    .map((l) => ({ re: new RegExp(escapeRe(l.href), 'gu'), kind: 'link', title: linkWhy(l, words) }));
  const body = `<pre class="sc-text">${highlight(text, [...risky, ...phraseNeedles(report, words)])}</pre>`;
  return documentOf(body, words);
}
