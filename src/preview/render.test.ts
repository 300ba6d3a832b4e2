import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { emptyMessage, type Message, withHtml } from '../engine/parse/message.js';
import type { Finding, LinkReport, Report } from '../engine/report.js';
import {
  cleanDeclarations,
  cleanStylesheet,
  dangerousCss,
  PREVIEW_CSP,
  renderPreview,
  renderTextPreview,
} from './render.js';

const PHISH_URL = 'https://amazon.co.jp.account-verify-jp.top/ap/signin?id=1';

function link(href: string, risky: boolean, text: string | null = 'ログイン'): LinkReport {
  return {
    text,
    href,
    destination: href,
    host: null,
    registrableDomain: null,
    source: 'html',
    risks: risky
      ? [
          {
            rule: 'links/brand-imitation-host',
            message: { ja: 'Amazonを装った偽のアドレスです', en: 'imitates Amazon' },
          },
        ]
      : [],
  };
}

const phraseFinding: Finding = {
  rule: 'lure/account-threat',
  family: 'lure',
  category: 'phishing',
  weight: 15,
  evidence: [{ kind: 'phrase', value: '…お客様のAmazonアカウントが一時的に停止されました…', where: 'text' }],
  message: {
    ja: 'アカウント停止・ロックの文言があります（「アカウントが一時的に停止され」）',
    en: 'Wording typical of account suspended or locked: "アカウントが一時的に停止され"',
  },
};

function report(
  links: LinkReport[] = [link(PHISH_URL, true)],
  findings: Finding[] = [phraseFinding],
): Report {
  return {
    schemaVersion: 1,
    kind: 'email',
    verdict: 'phishing',
    score: 90,
    brand: 'amazon',
    genuine: null,
    sender: {
      claimed: { name: 'Amazon', address: 'a@azeb.example', brand: 'amazon' },
      authenticatedDomain: null,
      authenticatedBy: null,
      summary: { ja: 'x', en: 'x' },
    },
    subject: 'x',
    findings,
    links,
    advice: [],
    problems: [],
    forwarded: null,
    source: { path: '-' },
  };
}

function mail(html: string): Message {
  return withHtml(emptyMessage('email'), html);
}

const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'img',
  'svg',
  'math',
  'base',
  'link',
  'frame',
  'frameset',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'image',
  'use',
  'applet',
  'portal',
]);

/** Walks the output as a browser-grade parser reads it and collects everything that could act. */
function audit(doc: string): string[] {
  const problems: string[] = [];
  let inStyle = false;
  let metaCount = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (FORBIDDEN_TAGS.has(name)) problems.push(`tag <${name}>`);
        if (name === 'meta') {
          metaCount++;
          if ((attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') problems.push('meta refresh');
        }
        if (name === 'style') inStyle = true;
        for (const [k, v] of Object.entries(attribs)) {
          if (/^on/i.test(k)) problems.push(`handler ${k} on <${name}>`);
          if (
            [
              'href',
              'src',
              'srcset',
              'action',
              'formaction',
              'background',
              'poster',
              'xlink:href',
              'data',
              'ping',
            ].includes(k)
          )
            problems.push(`url attribute ${k} on <${name}>`);
          if (k === 'style' && dangerousCss(v)) problems.push(`style ${v}`);
          if (k === 'http-equiv' && v.toLowerCase() !== 'content-security-policy')
            problems.push(`http-equiv ${v}`);
        }
      },
      ontext(t) {
        if (inStyle && dangerousCss(t)) problems.push(`stylesheet ${t.slice(0, 80)}`);
      },
      onclosetag(name) {
        if (name === 'style') inStyle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(doc);
  parser.end();
  if (metaCount !== 3) problems.push(`expected our 3 meta tags, found ${metaCount}`);
  return problems;
}

const HOSTILE: Record<string, string> = {
  'script tags':
    '<p>a<script>document.title="pwned";fetch("https://beacon.example/s")</script>b</p><SCRIPT SRC=//x.example/a.js></SCRIPT>',
  'event handlers':
    '<img src=x onerror="fetch(\'https://beacon.example/e\')"><body onload=alert(1)><div onmouseover="x()">hover</div>',
  'javascript: and data: urls':
    '<a href="javascript:alert(1)">js</a><a href="JaVaScRiPt&#58;alert(1)">js2</a><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a><img src="data:image/svg+xml,<svg onload=alert(1)>">',
  'css url beacons':
    '<div style="background:url(https://beacon.example/c1)">x</div><div style="background-image: u\\72l(https://beacon.example/c2)">y</div><style>@import "https://beacon.example/c3.css"; body{background:url("https://beacon.example/c4")} @font-face{font-family:z;src:url(https://beacon.example/f.woff)} .q{behavior:url(x.htc)} .r{width:expression(alert(1))}</style><table background="https://beacon.example/c5"><tr><td>t</td></tr></table>',
  'meta refresh and base':
    '<head><meta http-equiv="refresh" content="0;url=https://beacon.example/m"><base href="https://beacon.example/"><link rel=stylesheet href="https://beacon.example/l.css"></head><p>text</p>',
  'svg with script':
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><image href="https://beacon.example/svg"/><foreignObject><iframe src="https://beacon.example/i"></iframe></foreignObject></svg><math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  'forms and inputs':
    '<form action="https://beacon.example/f" method=post><input type=password name=p><input type=hidden name=h value=1><button formaction="https://beacon.example/b">送信</button><textarea>t</textarea></form>',
  'broken markup':
    '<div <p>unclosed <b>bold<i>it</b><table><tr><td>1<td>2</table></table></div></div><a href="https://x.example/"<img src=x onerror=alert(1)>><scr<script>ipt>alert(1)</scr</script>ipt><!-- <script>alert(1)</script> --><![CDATA[<script>alert(1)</script>]]><style>body{color:red</style><p style="color:red;background:url(',
  'embedded objects':
    '<iframe src="https://beacon.example/if"></iframe><object data="https://beacon.example/o"></object><embed src="https://beacon.example/e"><video poster="https://beacon.example/v"><source src="https://beacon.example/s"></video><audio src="https://beacon.example/a"></audio>',
  'style tag breakout':
    '<style>p{color:red}</style><script>alert(1)</script><style>a{}</style ><style>x{background:url(https://beacon.example/s2)}</style>',
  'mail css hiding our marks':
    '<style>mark{display:none!important} .sc-risk{visibility:hidden} p{color:blue}</style><p>x</p>',
  'mail pretending to be a mark':
    '<mark class="sc-risk" title="安全">ok</mark><span class="sc-phrase">fake</span>',
};

describe('renderPreview', () => {
  for (const [name, html] of Object.entries(HOSTILE)) {
    it(`hostile: ${name} — nothing that can run or load survives`, () => {
      const out = renderPreview(mail(html), report([]), { lang: 'ja' });
      assert.deepEqual(audit(out), []);
      assert.doesNotMatch(out, /<script/i);
    });
  }

  it('a beacon URL in CSS appears nowhere in the output', () => {
    const out = renderPreview(mail(HOSTILE['css url beacons'] ?? ''), report([]));
    assert.ok(!out.includes('beacon.example'), out);
  });

  it('keeps the layout: tables, cells, inline colours and the mail’s harmless stylesheet', () => {
    const out = renderPreview(
      mail(
        '<table width="600" cellpadding="4" bgcolor="#eeeeee"><tr><td style="color:#c00; font-weight:bold; background-image:url(https://b.example/x)">赤い文字</td></tr></table><style>.hd{font-size:20px}</style>',
      ),
      report([]),
    );
    assert.match(out, /<table width="600" cellpadding="4" bgcolor="#eeeeee">/);
    assert.match(out, /<td style="color:#c00; font-weight:bold">赤い文字<\/td>/);
    assert.match(out, /\.hd\{font-size:20px;\}/);
  });

  it('images become placeholders with their alt text and size; nothing is loaded', () => {
    const out = renderPreview(
      mail('<img src="https://b.example/logo.png" alt="Amazon ロゴ" width="120" height="40">'),
      report([]),
      {
        lang: 'ja',
      },
    );
    assert.match(
      out,
      /<span class="sc-img"[^>]*style="width:120px;height:40px">\[画像: Amazon ロゴ\]<\/span>/,
    );
    assert.ok(!out.includes('logo.png'));
  });

  it('links are inert: no href, the destination in a title and shown beside', () => {
    const out = renderPreview(
      mail('<p><a href="https://www.example.com/page">会員ページ</a></p>'),
      report([]),
      {
        lang: 'en',
      },
    );
    assert.doesNotMatch(out, /href=/);
    assert.match(out, /title="Link to \(not openable\): https:\/\/www\.example\.com\/page"/);
    assert.match(out, /<span class="sc-dest">\[→ www\.example\.com\]<\/span>/);
  });

  it('marks a risky link and says why, in the page language', () => {
    const html = `<p>ご確認ください <a href="${PHISH_URL}">ログイン</a></p>`;
    const ja = renderPreview(mail(html), report(), { lang: 'ja' });
    assert.match(
      ja,
      /<mark class="sc-risk" title="危険なリンク → https:\/\/amazon\.co\.jp\.account-verify-jp\.top\/ap\/signin\?id=1\n・Amazonを装った偽のアドレスです">/,
    );
    assert.match(ja, />ログイン<\/a>/);
    const en = renderPreview(mail(html), report(), { lang: 'en' });
    assert.match(en, /title="Risky link → [^"]*\n・imitates Amazon"/);
    const both = renderPreview(mail(html), report());
    assert.match(both, /危険なリンク \/ Risky link/);
  });

  it('marks the suspicious phrase inside the rendered mail, even split by markup around it', () => {
    const html =
      '<table><tr><td><font color="red">お客様のAmazonアカウントが一時的に停止されました。</font></td></tr></table>';
    const out = renderPreview(mail(html), report([]), { lang: 'ja' });
    assert.match(
      out,
      /お客様のAmazon<mark class="sc-phrase" title="怪しい文言: アカウント停止・ロックの文言があります（「アカウントが一時的に停止され」）">アカウントが一時的に停止され<\/mark>ました/,
    );
    assert.match(out, /<font color="red">/);
  });

  it('a mail’s own <mark> or sc- classes cannot fake or hide the highlights', () => {
    const out = renderPreview(mail(HOSTILE['mail pretending to be a mark'] ?? ''), report([]));
    assert.doesNotMatch(out, /<mark/);
    assert.doesNotMatch(out, /class="sc-(?:risk|phrase)"/);
    const css = renderPreview(mail(HOSTILE['mail css hiding our marks'] ?? ''), report([]));
    assert.doesNotMatch(css.split('</head>')[1] ?? '', /mark\{|sc-risk\{/);
    assert.match(css, /p\{color:blue;\}/);
  });

  it('falls back to the text for a text-only mail', () => {
    const m = emptyMessage('email');
    m.text = `お客様のAmazonアカウントが一時的に停止されました。\n${PHISH_URL}\n<script>alert(1)</script>`;
    const out = renderPreview(m, report(), { lang: 'ja' });
    assert.match(out, /<pre class="sc-text">/);
    assert.match(
      out,
      /<mark class="sc-risk" title="[^"]+">https:\/\/amazon\.co\.jp\.account-verify-jp\.top\/ap\/signin\?id=1<\/mark>/,
    );
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.deepEqual(audit(out), []);
  });

  it('never throws and stays inert on random mixtures of hostile fragments', () => {
    const fragments = [
      ...Object.values(HOSTILE),
      '<',
      '>',
      '"',
      "'",
      '<a href="',
      '<style>',
      '</style>',
      '<p style="',
      'url(',
      '&lt;',
      '<!--',
      '-->',
      '<![CDATA[',
      '\u0000',
      'アカウントが一時的に停止され',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 12 }),
        (parts) => {
          const out = renderPreview(mail(parts.join('')), report());
          assert.deepEqual(audit(out), []);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('renderTextPreview', () => {
  it('escapes an SMS and marks the risky link and the phrase', () => {
    const sms = `【Amazon】お客様のAmazonアカウントが一時的に停止されました ${PHISH_URL} <img src=x onerror=alert(1)>`;
    const out = renderTextPreview(sms, report(), { lang: 'en' });
    assert.match(out, /<mark class="sc-phrase" title="Suspicious wording: Wording typical/);
    assert.match(out, /<mark class="sc-risk"/);
    assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.deepEqual(audit(out), []);
  });
});

describe('CSS filters', () => {
  it('drops declarations that can load anything, however they are written', () => {
    for (const bad of [
      'background:url(x)',
      'background: URL ( x )',
      'background:u\\72 l(x)',
      'background:u\\rl(x)',
      'background:/**/url(x)',
      'width:expression(alert(1))',
      'behavior:url(a.htc)',
      '-moz-binding:url(x)',
      'background-image:image-set("x" 1x)',
      'list-style:u\\000072l(x)',
    ]) {
      assert.equal(cleanDeclarations(`color:red;${bad};margin:0`), 'color:red; margin:0', bad);
    }
  });

  it('keeps ordinary sheets and drops imports, fonts and unbalanced remains', () => {
    assert.equal(cleanStylesheet('@import "x.css"; p{color:red}'), 'p{color:red;}');
    assert.equal(cleanStylesheet('@font-face{src:url(x)} p{margin:0}'), 'p{margin:0;}');
    assert.equal(
      cleanStylesheet('@media (max-width:600px){.a{width:100%!important}}'),
      '@media (max-width:600px){.a{width:100%!important;}}',
    );
    assert.equal(cleanStylesheet('p{color:red'), 'p{color:red;}');
    assert.equal(cleanStylesheet('p{background:url(x)}'), 'p{}');
    assert.equal(cleanStylesheet('</style><script>x</script>'), '');
  });

  it('the preview policy allows no script, no remote load and sandboxes the document', () => {
    assert.match(PREVIEW_CSP, /default-src 'none'/);
    assert.match(PREVIEW_CSP, /sandbox/);
    assert.doesNotMatch(PREVIEW_CSP, /script-src|https?:/);
  });
});
