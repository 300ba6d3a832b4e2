/**
 * Recovery plans in a real browser against the real server, in Japanese and English: from a phishing check result to
 * "I already entered my card", the plan one step at a time, a case with a step ticked off, a note and evidence, its
 * PDF, .ics and print view. Screenshots go to test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertClean, browserSuite, LOCALE, ROOT, SCREENSHOTS, screenshot, skipReason } from './support.js';

const skip = skipReason();
const FIXTURES = join(ROOT, 'test', 'fixtures');
const PHISHING = join(FIXTURES, 'phishing-amazon-suspended-html.eml');

const TEXT = {
  ja: {
    heading: /復旧プラン/,
    stepOf: /手順 1 \/ \d+/,
    current: /今やること/,
  },
  en: {
    heading: /Recovery plan/,
    stepOf: /Step 1 of \d+/,
    current: /Do this now/,
  },
} as const;

async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await d.path();
  return readFileSync(path);
}

describe('recovery plans in chromium', { skip, timeout: 900_000 }, () => {
  const app = browserSuite();

  for (const lang of ['ja', 'en'] as const) {
    it(`from a phishing check to a case with its PDF and calendar (${lang})`, async () => {
      const w = await app.open({ locale: LOCALE[lang] });
      const { page } = w;
      const tx = TEXT[lang];
      await page.goto(`${app.origin}/`);
      await page.locator('#file').setInputFiles(PHISHING);
      await page.locator('form.check-form button[type=submit]').click();
      await page.locator('#verdict').waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'phishing');
      // "I already entered my card" starts the plan from this check.
      await page
        .locator('section.advice')
        .screenshot({ path: join(SCREENSHOTS, `recover-button-${lang}.png`) });
      await page.locator('#recover-card').click();

      // The answers, brand and channel filled in from the check.
      await page.locator('#recover-form').waitFor();
      assert.match(await page.locator('h1').innerText(), tx.heading);
      assert.ok(await page.locator('#brand-amazon').isChecked(), 'brand from the check');
      assert.ok(await page.locator('#channel-mail').isChecked(), 'channel from the check');
      assert.equal(await page.locator('#from-check a').count(), 1);
      assert.ok(await page.locator('#happened-card-entered').isChecked(), 'card entered, from the button');
      assert.ok(!(await page.locator('#happened-received').isChecked()));
      await page.locator('#cards-rakuten-card').check();
      await screenshot(page, `recover-answers-${lang}`);
      await page.locator('#make-plan').click();

      // The plan, one step at a time: the card is stopped first.
      await page.locator('#step-card').waitFor();
      assert.match(await page.locator('.step-count').innerText(), tx.stepOf);
      assert.equal(await page.locator('#step-card').getAttribute('data-step'), 'rakuten-card.stop-card');
      assert.ok((await page.locator('.step-why').innerText()).length > 10);
      assert.ok((await page.locator('.step-how li').count()) >= 1);
      await screenshot(page, `recover-plan-${lang}`);
      await page.locator('#next-step').click();
      assert.match(await page.locator('.step-count').innerText(), /2/);
      await page.locator('#save-case').click();

      // The case: tick the current step off.
      await page.locator('section.case').waitFor();
      const caseId = await page.locator('section.case').getAttribute('data-case');
      assert.ok(caseId);
      assert.match(await page.locator('.current-step').innerText(), tx.current);
      assert.match(await page.locator('#case-done').innerText(), /0\//);
      await page.locator('#step-done').click();
      await page.locator('#case-done', { hasText: /1\// }).waitFor();
      assert.ok(await page.locator('#tick-1').isChecked());
      assert.notEqual(await page.locator('#step-card').getAttribute('data-step'), 'rakuten-card.stop-card');
      // The checked mail is the first evidence, with its SHA-256; a note is kept.
      assert.match(await page.locator('#evidence').innerText(), /check-.*\.eml/);
      assert.match(await page.locator('#evidence code').first().innerText(), /^[0-9a-f]{64}$/);
      await page
        .locator('#note')
        .fill(lang === 'ja' ? '楽天カードに電話した（受付番号 123）' : 'Called Rakuten Card (ref 123)');
      await page.locator('#note-form button').click();
      await page.locator('#notes li').first().waitFor();
      // A screenshot of the card statement kept as evidence, shown with its SHA-256.
      const shot = Buffer.from(`statement screenshot ${lang}`);
      await page
        .locator('#evidence-file')
        .setInputFiles({ name: 'statement.png', mimeType: 'image/png', buffer: shot });
      await page.locator('#evidence-note').fill('Netflix 1,980');
      await page.locator('#evidence-form button').click();
      await page.locator('#evidence li', { hasText: 'statement.png' }).waitFor();
      assert.match(
        await page.locator('#evidence li', { hasText: 'statement.png' }).innerText(),
        new RegExp(createHash('sha256').update(shot).digest('hex')),
      );
      await screenshot(page, `recover-case-${lang}`);

      const pdf = await download(page, '#dl-pdf');
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      if (existsSync('/usr/bin/pdftotext')) {
        const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
        assert.match(text, lang === 'ja' ? /Amazon|アマゾン/ : /Amazon/);
        assert.match(text, new RegExp(caseId));
      }
      const ics = (await download(page, '#dl-ics')).toString('utf8');
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, /BEGIN:VALARM/);
      // The abuse reports are offered since the case holds the mail.
      assert.equal(await page.locator('#dl-eml').count(), 1);
      assert.equal(await page.locator('#dl-arf').count(), 1);

      // The print view opens in its own tab, with its own styles.
      const [tab] = await Promise.all([w.context.waitForEvent('page'), page.locator('#dl-html').click()]);
      await tab.waitForLoadState('load');
      assert.match(await tab.locator('body').innerText(), new RegExp(caseId));
      await screenshot(tab, `recover-print-${lang}`);
      await tab.close();

      // The case list.
      await page.goto(`${app.origin}/#/cases`);
      await page.locator(`#cases tr[data-id="${caseId}"]`).waitFor();
      await screenshot(page, `recover-cases-${lang}`);
      // The case on a phone: nothing wider than the screen.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${app.origin}/#/cases/${caseId}`);
      await page.locator('#step-card').waitFor();
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        'no sideways scroll at 375 px',
      );
      await screenshot(page, `recover-case-${lang}-375`);
      assertClean(w, `recover ${lang}`);
      await w.context.close();
    });
  }
});
