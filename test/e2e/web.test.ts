/**
 * The web app in a real browser against the real server: a phishing and a genuine mail in Japanese and English,
 * hostile HTML mails that must neither run nor load anything, history, dashboard, feedback, marks, help, tokens.
 * Screenshots of every result go to test-output/screenshots/ (git-ignored) for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { browserSuite, openPage, ROOT, screenshot, skipReason, startServer, type Watch } from './support.js';

const skip = skipReason();
const FIXTURES = join(ROOT, 'test', 'fixtures');
const PHISHING = join(FIXTURES, 'phishing-amazon-suspended-html.eml');
const GENUINE = join(FIXTURES, 'genuine-amazon-order.eml');

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
}

/** A hostile HTML mail; its subject also tries to inject markup into the page itself. */
function hostileMail(name: string, html: string): string {
  const subject = `=?UTF-8?B?${Buffer.from(`【${name}】<img src=x onerror="console.log('PWNED-subject')">`).toString('base64')}?=`;
  return [
    'Received: from mail.azeb-mail.example (mail.azeb-mail.example [203.0.113.9]) by mx.google.com with ESMTPS id h1; Mon, 23 Nov 2026 09:00:00 -0800 (PST)',
    'Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=bounce@azeb-mail.example; dmarc=none header.from=azeb-mail.example',
    'From: "Security" <alert@azeb-mail.example>',
    'To: user@example.jp',
    `Subject: ${subject}`,
    'Date: Tue, 24 Nov 2026 02:00:00 +0900',
    `Message-ID: <hostile-${name}@azeb-mail.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64(html),
    '',
  ].join('\r\n');
}

const RUN =
  "console.log('PWNED');document.title='pwned';try{parent.document.title='pwned'}catch(e){};fetch('http://beacon.test/js')";

const HOSTILE: { name: string; html: string }[] = [
  {
    name: 'script-tags',
    html: `<p>本文です</p><script>${RUN}</script><SCRIPT SRC="http://beacon.test/ext.js"></SCRIPT><script type="module">${RUN}</script><noscript><img src="http://beacon.test/noscript"></noscript>`,
  },
  {
    name: 'event-handlers',
    html: `<body onload="${RUN}"><img src="http://beacon.test/img.png" onerror="${RUN}" alt="logo"><div onmouseover="${RUN}" style="padding:20px;border:1px solid #999">ここにマウスを重ねてください</div><details open ontoggle="${RUN}"><summary>x</summary></details><video><source onerror="${RUN}"></video></body>`,
  },
  {
    name: 'javascript-data-urls',
    html: `<p><a id="js" href="javascript:${RUN}">ここをクリック</a></p><p><a href="JaVaScRiPt&#58;alert(1)">js2</a></p><p><a href="data:text/html;base64,PHNjcmlwdD5jb25zb2xlLmxvZygnUFdORUQnKTwvc2NyaXB0Pg==">data link</a></p><iframe src="data:text/html,<script>console.log('PWNED')</script>"></iframe><object data="data:text/html,<script>console.log('PWNED')</script>"></object><embed src="http://beacon.test/embed"><form action="http://beacon.test/form"><input name="password" type="password"><button formaction="javascript:alert(1)">送信</button></form>`,
  },
  {
    name: 'css-url-beacons',
    html: `<style>@import url(http://beacon.test/import.css); body{background:url(http://beacon.test/css-body)} @font-face{font-family:Trap;src:url(http://beacon.test/font.woff)} p{font-family:Trap} .x{background-image:u\\72l(http://beacon.test/escaped)}</style><div class="x" style="background:url('http://beacon.test/inline');width:200px;height:40px">inline url()</div><table background="http://beacon.test/table-bg"><tr><td style="background-image:image-set('http://beacon.test/imageset' 1x)">cell</td></tr></table><p style="list-style-image:url(http://beacon.test/list)">text</p><link rel="stylesheet" href="http://beacon.test/link.css">`,
  },
  {
    name: 'meta-refresh',
    html: `<head><meta http-equiv="refresh" content="0;url=http://beacon.test/refresh"><base href="http://beacon.test/"></head><body><p>すぐに移動します</p><a href="/relative">相対リンク</a><img src="relative.png" alt="relative"></body>`,
  },
  {
    name: 'svg-script',
    html: `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="${RUN}"><script>${RUN}</script><image href="http://beacon.test/svg-image" width="10" height="10"/><foreignObject><iframe src="http://beacon.test/svg-iframe"></iframe></foreignObject><a href="javascript:${RUN}"><text x="10" y="20">svg</text></a></svg><math><mtext><img src=x onerror="${RUN}"></mtext></math>`,
  },
  {
    name: 'broken-markup',
    html: `<div <img src=x onerror="${RUN}">><scr<script>ipt>${RUN}</scr</script>ipt><!--<script>--><script>${RUN}</script><table><tr><td>unclosed<td><b><i>bold italic</b></table></table></div></div><![CDATA[<script>${RUN}</script>]]><a href="https://x.example/"<img src=x onerror="${RUN}">>broken link</a><style>p{color:red</style><p style="color:blue;background:url(http://beacon.test/unterminated`,
  },
];

const PHRASE = 'アカウントが一時的に停止され';

async function upload(page: Page, file: { name: string; buffer: Buffer } | string): Promise<void> {
  await page
    .locator('#file')
    .setInputFiles(
      typeof file === 'string' ? file : { name: file.name, mimeType: 'message/rfc822', buffer: file.buffer },
    );
  await page.locator('form.check-form button[type=submit]').click();
  await page.locator('#verdict').waitFor({ timeout: 60_000 });
}

async function previewFrame(page: Page): Promise<Frame> {
  const el = page.locator('#preview');
  await el.scrollIntoViewIfNeeded();
  const handle = await el.elementHandle();
  const frame = await handle?.contentFrame();
  assert.ok(frame, 'the preview iframe has a frame');
  await frame.waitForLoadState('load');
  return frame;
}

function assertQuiet(w: Watch, label: string): void {
  assert.deepEqual(w.foreign, [], `${label}: requests left for other hosts`);
  assert.deepEqual(
    w.requests.filter((u) => /beacon|^https?:\/\/(?!127\.0\.0\.1)/.test(u)),
    [],
    `${label}: requests to beacons or other hosts`,
  );
  assert.deepEqual(
    w.console.filter((c) => /PWNED/.test(c)),
    [],
    `${label}: a script ran`,
  );
  assert.deepEqual(w.errors, [], `${label}: page errors`);
  assert.deepEqual(w.dialogs, [], `${label}: dialogs`);
}

describe('web app in chromium', { skip, timeout: 900_000 }, () => {
  const app = browserSuite();

  it('a phishing mail, in Japanese on a 375 px phone screen', async () => {
    const w = await app.open({ locale: 'ja-JP', width: 375, height: 812 });
    const { page } = w;
    await page.goto(`${app.origin}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    await page.locator('h1').filter({ hasText: 'このメール・SMS・URLは詐欺？' }).waitFor();
    await upload(page, PHISHING);
    const banner = page.locator('#verdict');
    assert.equal(await banner.getAttribute('data-verdict'), 'phishing');
    assert.match(await banner.innerText(), /危険：フィッシング詐欺のメッセージです/);
    assert.match(await page.locator('h1').innerText(), /お客様のAmazonアカウントが一時的に停止されました/);
    assert.equal(await page.locator('#real-domain').innerText(), 'azeb-mail.example');
    assert.match(await page.locator('#claimed-brand').innerText(), /amazon/);
    const links = await page.locator('#links').innerText();
    assert.match(links, /amazon\.co\.jp\.account-verify-jp\.top/);
    assert.match(links, /偽のアドレス/);
    assert.ok((await page.locator('#findings li[data-rule="lure/account-threat"]').count()) === 1);
    assert.ok((await page.locator('#advice li').count()) >= 2);
    assert.match(await page.locator('#advice').innerText(), /リンクはクリックせず/);
    // The server offers recovery plans: the result links to one started from this check.
    assert.match((await page.locator('#recover').getAttribute('href')) ?? '', /^#\/recover\?check=/);
    const frame = await previewFrame(page);
    const phrase = frame.locator('mark.sc-phrase', { hasText: PHRASE });
    assert.equal(await phrase.count(), 1);
    assert.match((await phrase.getAttribute('title')) ?? '', /怪しい文言/);
    assert.match(await frame.locator('mark.sc-risk').first().innerText(), /アカウントを確認する/);
    assert.equal(await frame.locator('a[href], img, script, form, input').count(), 0);
    assert.match(await frame.locator('.sc-img').first().innerText(), /画像 \/ image: amazon\.co\.jp/);
    assert.equal(await frame.locator('table[width="600"]').count(), 1, 'the layout table is kept');
    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 375 px`);
    await screenshot(page, 'phishing-ja-375');
    assertQuiet(w, 'phishing ja');
    await w.context.close();
  });

  it('the same phishing mail in English (browser prefers English)', async () => {
    const w = await app.open({ locale: 'en-US' });
    const { page } = w;
    await page.goto(`${app.origin}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await upload(page, PHISHING);
    assert.match(await page.locator('#verdict').innerText(), /Danger: this is a phishing message/);
    assert.match(await page.locator('#sender-summary').innerText(), /azeb-mail\.example/);
    assert.match(await page.locator('#links').innerText(), /imitates Amazon/);
    assert.match(
      await page.locator('#findings').innerText(),
      /Wording typical of account suspended or locked/,
    );
    assert.match(await page.locator('#advice').innerText(), /Do not click the links/);
    await previewFrame(page);
    await screenshot(page, 'phishing-en-1280');
    assertQuiet(w, 'phishing en');
    await w.context.close();
  });

  it('a genuine Amazon order confirmation, Japanese then English (remembered)', async () => {
    const w = await app.open({ locale: 'ja-JP' });
    const { page } = w;
    await page.goto(`${app.origin}/`);
    await upload(page, GENUINE);
    const banner = page.locator('#verdict');
    assert.equal(await banner.getAttribute('data-verdict'), 'no-threat-found');
    assert.match(await banner.innerText(), /正規の送信元です: amazon\.co\.jp/);
    assert.match(await banner.innerText(), /注文確認/);
    assert.equal(await page.locator('#real-domain').innerText(), 'amazon.co.jp');
    assert.match(
      await page.locator('#sender-summary').innerText(),
      /amazon\.co\.jp から本当に送信されています/,
    );
    await previewFrame(page);
    await screenshot(page, 'genuine-ja-1280');
    await page.locator('#lang').click();
    await page.locator('#verdict').filter({ hasText: 'Genuine sender: amazon.co.jp' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.reload();
    await page.locator('#verdict').filter({ hasText: 'Genuine sender' }).waitFor();
    await screenshot(page, 'genuine-en-1280');
    assertQuiet(w, 'genuine');
    await w.context.close();
  });

  it('pasted SMS text and a URL are told apart and checked', async () => {
    const w = await app.open({ locale: 'ja-JP', width: 375, height: 812 });
    const { page } = w;
    await page.goto(`${app.origin}/`);
    const sms = `【Amazon】お客様のAmazonアカウントが一時的に停止されました。確認: https://amazon.co.jp.account-verify-jp.top/ap/signin?id=3`;
    await page.locator('#input').fill(sms);
    assert.equal(await page.locator('#detected').innerText(), 'SMS・チャットの本文');
    // Switching the language keeps what was typed.
    await page.locator('#lang').click();
    await page.locator('#detected', { hasText: 'SMS or chat text' }).waitFor();
    assert.equal(await page.locator('#input').inputValue(), sms);
    await page.locator('#lang').click();
    await page.locator('#detected', { hasText: 'SMS・チャットの本文' }).waitFor();
    await page.locator('form.check-form button[type=submit]').click();
    await page.locator('#verdict').waitFor({ timeout: 60_000 });
    assert.match(
      (await page.locator('#verdict').getAttribute('data-verdict')) ?? '',
      /phishing|scam|suspicious/,
    );
    const frame = await previewFrame(page);
    assert.equal(await frame.locator('pre.sc-text mark.sc-risk').count(), 1);
    await screenshot(page, 'sms-ja-375');
    await page.goto(`${app.origin}/#/`);
    await page.locator('#input').fill('https://amazon.co.jp.account-verify-jp.top/ap/signin');
    assert.equal(await page.locator('#detected').innerText(), 'URL');
    await page.locator('#input').fill(readFileSync(PHISHING, 'utf8'));
    assert.equal(await page.locator('#detected').innerText(), 'メールのソース');
    await page.locator('form.check-form button[type=submit]').click();
    await page.locator('#verdict[data-verdict="phishing"]').waitFor({ timeout: 60_000 });
    assertQuiet(w, 'sms');
    await w.context.close();
  });

  for (const c of HOSTILE) {
    it(`hostile HTML: ${c.name} — nothing runs, nothing is loaded`, async () => {
      const w = await app.open({ locale: 'ja-JP' });
      const { page } = w;
      await page.goto(`${app.origin}/`);
      const title = await page.title();
      await upload(page, { name: `${c.name}.eml`, buffer: Buffer.from(hostileMail(c.name, c.html)) });
      assert.match(await page.locator('h1').innerText(), /<img src=x onerror=/, 'the subject shows as text');
      const frame = await previewFrame(page);
      const previewUrl = frame.url();
      // Give timers, refreshes and lazy loads their chance.
      await page.waitForTimeout(1500);
      for (const a of await frame.locator('a').all())
        await a.click({ force: true, timeout: 2000 }).catch(() => {});
      await frame
        .locator('body')
        .hover()
        .catch(() => {});
      await page.waitForTimeout(500);
      assert.equal(frame.url(), previewUrl, 'the preview did not navigate');
      assert.notEqual(await frame.title(), 'pwned');
      assert.equal(await page.title(), title);
      assert.equal(
        await frame
          .locator('script, iframe, object, embed, img, svg, form, input, a[href], base, link')
          .count(),
        0,
      );
      assert.equal(page.url().startsWith(app.origin), true);
      await screenshot(page, `hostile-${c.name}`);
      assertQuiet(w, c.name);
      await w.context.close();
    });
  }

  it('history, feedback, trusted/blocked marks, dashboard and help', async () => {
    const w = await app.open({ locale: 'ja-JP' });
    const { page } = w;
    await page.goto(`${app.origin}/`);
    await upload(page, PHISHING);
    await page.goto(`${app.origin}/`);
    await upload(page, GENUINE);
    await page.goto(`${app.origin}/#/history`);
    await page.locator('#history tbody tr').first().waitFor();
    assert.ok((await page.locator('#history tbody tr').count()) >= 1);
    // The genuine order confirmation is asked about ("did you do this?"); the phishing mail is not.
    const asked = page.locator('#questions li');
    await asked.first().waitFor();
    assert.match(
      await page.locator('#questions').innerText(),
      /心当たりはありますか？[\s\S]*注文確認[\s\S]*amazon\.co\.jp/,
    );
    assert.doesNotMatch(await page.locator('#questions').innerText(), /アカウントが一時的に停止/);
    assert.match(
      String(await asked.first().locator('a.button').getAttribute('href')),
      /^#\/recover\?check=[^&]+&happened=unknown-orders$/,
    );
    await screenshot(page, 'history-ja');
    // Open the phishing check from the list and say the verdict is wrong.
    await page.locator('#history tbody tr a', { hasText: 'お客様のAmazonアカウント' }).first().click();
    await page.locator('#verdict').waitFor();
    await page.locator('#feedback summary').click();
    await page.locator('#fb-expected').selectOption('suspicious');
    await page.locator('#fb-comment').fill('テストの報告');
    await page.locator('#feedback button[type=submit]').click();
    await page.locator('#feedback .feedback-done').waitFor();
    assert.match(await page.locator('#feedback').innerText(), /報告済み.*不審.*テストの報告/);
    // Block the sender's domain; the next check of a mail from it says so.
    await page.locator('#marks button[data-list="blocked"]').click();
    await page.locator('#marks .mark-blocked').waitFor();
    await page.goto(`${app.origin}/#/`);
    await upload(page, PHISHING);
    assert.match(
      await page.locator('#marks').innerText(),
      /あなたが「ブロック」に登録した送信元です \(azeb-mail\.example\)/,
    );
    await screenshot(page, 'marked-blocked-ja');
    await page.goto(`${app.origin}/#/dashboard`);
    await page.locator('#chart-days svg rect').first().waitFor();
    assert.match(await page.locator('#chart-brands').innerText(), /amazon/);
    assert.ok((await page.locator('#chart-lures svg rect').count()) >= 1);
    await screenshot(page, 'dashboard-ja');
    await page.goto(`${app.origin}/#/help`);
    await page.locator('#help-softbank').waitFor();
    for (const id of ['gmail', 'outlook', 'iphone', 'docomo', 'au', 'softbank'])
      assert.equal(await page.locator(`#help-${id}`).count(), 1, id);
    assert.match(await page.locator('#help-gmail').innerText(), /メッセージのソースを表示/);
    assert.ok(
      (await page.locator('#help-docomo .sources a[href^="https://www.docomo.ne.jp/"]').count()) === 1,
    );
    await screenshot(page, 'help-ja');
    // Keyboard: on a fresh load the skip link is the first stop.
    await page.reload();
    await page.locator('#help-softbank').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    // Every page fits a 375 px phone screen without sideways scrolling.
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [route, ready] of [
      ['#/history', '#history tbody tr'],
      ['#/dashboard', '#chart-lures svg'],
      ['#/help', '#help-softbank'],
      ['#/', 'form.check-form'],
    ] as const) {
      await page.goto(`${app.origin}/${route}`);
      await page.locator(ready).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${route} scrolls sideways by ${overflow}px at 375 px`);
      await screenshot(page, `phone-${route.replace(/[#/]/g, '') || 'check'}`);
    }
    assertQuiet(w, 'history');
    await w.context.close();
  });

  it('asks for the access token once when the server requires one', async () => {
    const tokens = join(mkdtempSync(join(tmpdir(), 'sagicheck-tokens-')), 'tokens.txt');
    writeFileSync(tokens, 'alice:e2e-secret-token-123\n');
    const guarded = await startServer(['--tokens', tokens]);
    try {
      const w = await openPage(app.browser, guarded, { locale: 'en-US' });
      const { page } = w;
      await page.goto(`${guarded.origin}/`);
      await page
        .locator('#token')
        .waitFor({ timeout: 60_000 })
        .catch(async (e: unknown) => {
          throw new Error(
            `no token form: ${String(e)}\n${await page.locator('main').innerHTML()}\n${w.requests.join('\n')}`,
          );
        });
      await screenshot(page, 'token-en');
      await page.locator('#token').fill('wrong');
      await page.locator('.token-form button[type=submit]').click();
      await page.locator('.token-form .error').waitFor();
      await page.locator('#token').fill('e2e-secret-token-123');
      await page.locator('.token-form button[type=submit]').click();
      await page.locator('form.check-form').waitFor();
      await page.reload();
      await page.locator('form.check-form').waitFor();
      await upload(page, GENUINE);
      await previewFrame(page);
      assert.match(await page.locator('#verdict').innerText(), /Genuine sender/);
      assertQuiet(w, 'token');
      await w.context.close();
    } finally {
      await guarded.stop();
    }
  });
});
