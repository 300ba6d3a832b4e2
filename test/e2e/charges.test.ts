/**
 * Card charges in a real browser against the real server, in Japanese and English: the Rakuten statement with the
 * seed's three 1,980-yen Netflix charges flagged and numbered on the chart with their reasons, on a desktop and a
 * 375 px screen; a flagged charge opening a recovery case as its evidence; a merchant marked as known.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertClean, browserSuite, LOCALE, ROOT, screenshot, skipReason } from './support.js';

const skip = skipReason();
const RAKUTEN = join(ROOT, 'test', 'fixtures', 'charges', 'rakuten-enavi-sjis.csv');
const REASON = { ja: /同じ金額|デジタル|初めて/, en: /same amount|digital|first time|never/i } as const;

describe('card charges in chromium', { skip, timeout: 900_000 }, () => {
  const app = browserSuite();

  for (const lang of ['ja', 'en'] as const) {
    it(`charges: a Rakuten statement with the three 1,980-yen Netflix charges flagged (${lang})`, async () => {
      const w = await app.open({ locale: LOCALE[lang] });
      const { page } = w;
      await page.goto(`${app.origin}/#/charges`);
      await page.locator('#import-form').waitFor();
      await page.locator('#statement').setInputFiles(RAKUTEN);
      await page.locator('#format').selectOption('rakuten');
      await page.locator('#import').click();
      await page.locator('#charges-charts svg').first().waitFor();
      if (lang === 'ja') assert.match(await page.locator('#import-status').innerText(), /要確認 3件/);
      const flagged = page.locator('#charges-chart-rakuten rect.seg.flagged');
      assert.equal(await flagged.count(), 3);
      for (let i = 0; i < 3; i++) {
        assert.equal(await flagged.nth(i).getAttribute('data-merchant'), 'NETFLIX.COM');
        assert.equal(await flagged.nth(i).getAttribute('data-amount'), '1980');
      }
      assert.equal(await page.locator('#charges-chart-rakuten rect.seg').count(), 6);
      assert.equal(await page.locator('#charges-chart-rakuten .flag-mark').count(), 3);
      const list = page.locator('#flagged-list > li');
      assert.equal(await list.count(), 3);
      assert.match(await list.first().innerText(), /NETFLIX\.COM/);
      assert.match(await list.first().locator('.reasons').innerText(), REASON[lang]);
      await screenshot(page, `charges-${lang}`);
      await page.setViewportSize({ width: 375, height: 812 });
      await page.reload();
      await page.locator('#charges-charts svg').first().waitFor();
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        'no sideways scroll at 375 px',
      );
      await screenshot(page, `charges-${lang}-375`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.reload();
      await page.locator('#flagged-list').waitFor();

      if (lang === 'en') {
        // A flagged charge opens a recovery case carrying it as evidence.
        await list.nth(2).locator('button.open-case').click();
        await page.locator('section.case').waitFor();
        assert.match(await page.locator('#evidence').innerText(), /charge-rakuten-2020-05-10/);
        assert.match(await page.locator('#evidence').innerText(), /NETFLIX\.COM/);
        await screenshot(page, 'charges-case-en');
        // Marking the merchant as known.
        await page.goto(`${app.origin}/#/charges`);
        await page.locator('#flagged-list > li').first().locator('button.known-button').click();
        await page.locator('#flagged-list .pill').first().waitFor();
        assert.equal(await page.locator('#flagged-list button.known-button').count(), 0);
      }
      assertClean(w, `charges ${lang}`);
      await w.context.close();
    });
  }
});
