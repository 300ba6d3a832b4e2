import { Parser } from 'htmlparser2';

export interface HtmlLink {
  href: string;
  text: string;
  source: 'html' | 'form' | 'area' | 'meta-refresh';
}

export interface HtmlDigest {
  /** Visible text, block elements separated by newlines. */
  text: string;
  /** Text inside elements styled invisible (display:none, font-size:0 …). */
  hiddenText: string;
  links: HtmlLink[];
  imageAlts: string[];
  images: number;
  forms: number;
  /** Password, card-number or similar input fields inside the mail itself. */
  sensitiveInputs: string[];
  /** Active content no mail client runs: `<script>`, `onclick=`, `javascript:`, meta refresh, `<iframe>` …, once each. */
  activeContent: string[];
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'li',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'hr',
  'ul',
  'ol',
  'center',
  'pre',
  'title',
]);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template']);
const VOID = new Set([
  'br',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'wbr',
]);
const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|max-height\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])/i;
const SENSITIVE_INPUT = /pass|card|cc-?num|cvv|cvc|security|pin|otp/i;
const EMBEDDING = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet']);
const EVENT_HANDLER =
  /^on(?:(?:before)?unload|load|error|abort|(?:dbl|aux)?click|contextmenu|(?:mouse|pointer|touch|key|drag|animation|transition|page)[a-z]+|focus(?:in|out)?|blur|submit|reset|change|input|invalid|select(?:start)?|drop|scroll|resize|wheel|toggle|copy|cut|paste|hashchange|message|show|begin)$/;
const JS_URL = /^[\s\0-\x1f]*(?:java|vb)script\s*:/i;

/** One pass over hostile HTML: text, links and tricks, with no DOM and nothing fetched. */
export function digestHtml(html: string): HtmlDigest {
  const text: string[] = [];
  const hidden: string[] = [];
  const links: HtmlLink[] = [];
  const imageAlts: string[] = [];
  const sensitiveInputs: string[] = [];
  const active = new Set<string>();
  let images = 0;
  let forms = 0;
  // Stack of open elements that matter: whether each hides its content or skips it.
  const stack: { name: string; hidden: boolean; skip: boolean }[] = [];
  let hiddenDepth = 0;
  let skipDepth = 0;
  let anchor: { href: string; text: string[] } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const style = attrs.style ?? '';
        const isHidden = HIDDEN_STYLE.test(style) || 'hidden' in attrs;
        const isSkip = SKIP.has(name);
        if (BLOCK.has(name)) text.push('\n');
        // A script loaded from elsewhere is told apart from one written into the mail.
        if (EMBEDDING.has(name)) active.add(name === 'script' && attrs.src ? '<script src>' : `<${name}>`);
        for (const k in attrs) {
          // on* event handlers (onload, onerror, onmouseover …), and script: URLs in any attribute.
          if (k.charCodeAt(0) === 111 && k.charCodeAt(1) === 110 && EVENT_HANDLER.test(k))
            active.add(`${k}=`);
          else if (
            (k === 'href' || k === 'src' || k === 'action' || k === 'formaction') &&
            JS_URL.test(attrs[k] ?? '')
          )
            active.add(`${k}="javascript:"`);
        }
        switch (name) {
          case 'a':
            if (attrs.href !== undefined) anchor = { href: attrs.href, text: [] };
            break;
          case 'area':
            if (attrs.href) links.push({ href: attrs.href, text: attrs.alt ?? '', source: 'area' });
            break;
          case 'form':
            forms++;
            if (attrs.action) links.push({ href: attrs.action, text: '', source: 'form' });
            break;
          case 'img':
            images++;
            if (attrs.alt?.trim()) {
              imageAlts.push(attrs.alt.trim());
              anchor?.text.push(attrs.alt.trim());
            }
            break;
          case 'input': {
            const desc = `${attrs.type ?? ''} ${attrs.name ?? ''} ${attrs.autocomplete ?? ''}`;
            if (SENSITIVE_INPUT.test(desc) || attrs.type === 'password') sensitiveInputs.push(desc.trim());
            break;
          }
          case 'meta': {
            const m = /^\s*\d*\s*;?\s*url\s*=\s*['"]?([^'"]+)/i.exec(attrs.content ?? '');
            if (attrs['http-equiv']?.toLowerCase() === 'refresh' && m?.[1]) {
              links.push({ href: m[1].trim(), text: '', source: 'meta-refresh' });
              active.add('<meta http-equiv="refresh">');
            }
            break;
          }
        }
        if (!VOID.has(name)) {
          stack.push({ name, hidden: isHidden, skip: isSkip });
          if (isHidden) hiddenDepth++;
          if (isSkip) skipDepth++;
        }
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (hiddenDepth > 0) {
          hidden.push(data);
          return;
        }
        text.push(data);
        anchor?.text.push(data);
      },
      onclosetag(name) {
        if (name === 'a' && anchor) {
          links.push({ href: anchor.href, text: collapse(anchor.text.join('')), source: 'html' });
          anchor = null;
        }
        if (BLOCK.has(name)) text.push('\n');
        if (VOID.has(name)) return;
        // Pop up to the matching element; broken markup closes what it must.
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]?.name !== name) continue;
          for (const el of stack.splice(i)) {
            if (el.hidden) hiddenDepth--;
            if (el.skip) skipDepth--;
          }
          break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (anchor) links.push({ href: (anchor as { href: string }).href, text: '', source: 'html' });
  return {
    text: tidy(text.join('')),
    hiddenText: collapse(hidden.join(' ')),
    links,
    imageAlts,
    images,
    forms,
    sensitiveInputs,
    activeContent: [...active].slice(0, 10),
  };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function tidy(s: string): string {
  return s
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}
