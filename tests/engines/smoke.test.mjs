// The smoke tier in the other engines readers have: WebKit (every browser on an iPhone,
// WeChat on iOS; here WebKitGTK 2.50) and Firefox ESR, against the reference site, as a
// reader uses it: the list, searches by Han characters, by pinyin and forgiving a wrong
// character, an article by its hash, the frame a portal sizes with iframe-resizer, and the
// pre-rendered pages with JavaScript off. Chromium has the full suite (tests/e2e/).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { By, until } from 'selenium-webdriver';

import { REFERENCE, serveDist, servePage } from '../e2e/harness.mjs';
import { ENGINES, openSession } from './drivers.mjs';

const WAIT = 20_000;
/** A test that hangs (a browser that never answers) fails instead of holding up the run. */
const LIMIT = { timeout: 120_000 };
const RESIZER = readFileSync(fileURLToPath(new URL('../../node_modules/iframe-resizer/js/iframeResizer.min.js', import.meta.url)), 'utf8');

/** The cards' authors, in order. */
const authors = async (driver) => Promise.all(
  (await driver.findElements(By.css('.card .card-author strong'))).map((e) => e.getText()));

/** Waits until `check()` (run over and over) returns something truthy; returns it. */
async function eventually(driver, what, check) {
  let last;
  try {
    return await driver.wait(async () => (last = await check()), WAIT);
  } catch {
    throw new Error(`${what}: still ${JSON.stringify(last)}`);
  }
}

/** Types `query` into the search box as a reader would, replacing what it holds. */
async function search(driver, query) {
  const input = await driver.findElement(By.css('.search-input'));
  await input.clear();
  await input.sendKeys(query);
}

for (const [name, engine] of Object.entries(ENGINES)) {
  describe(name, () => {
    let site;
    before(async () => {
      site = await serveDist(REFERENCE);
    });
    after(async () => {
      await site?.close();
    });
    /** A new browser for this test, closed after it. */
    const browser = async (t, javascript = true) => {
      const session = await openSession(engine, javascript);
      t.after(() => session.close());
      return session.driver;
    };

    test('the list, and searches by characters, by pinyin and forgiving', LIMIT, async (t) => {
      const driver = await browser(t);
      await driver.manage().window().setRect({ width: 390, height: 844 });
      await driver.get(site.url);
      await driver.wait(until.elementLocated(By.css('html[data-ready]')), WAIT);
      assert.equal((await authors(driver)).length, 10, 'every article of page 3');
      await search(driver, '残联');
      await eventually(driver, '残联', async () => (await authors(driver))[0] === '谢建青' && authors(driver));
      await search(driver, 'canlian');
      await eventually(driver, 'canlian (pinyin)', async () => (await authors(driver))[0] === '谢建青' && authors(driver));
      // One wrong character (证 for 正): no exact match, the near ones under their note.
      await search(driver, '社区矫证');
      const near = await eventually(driver, '社区矫证 (forgiving)', async () => {
        const notes = await driver.findElements(By.css('.near-heading'));
        return notes.length === 1 && (await authors(driver)).includes('葛彤') && notes[0].getText();
      });
      assert.match(near, /相近/);
      await search(driver, '鱼酸');
      await eventually(driver, '鱼酸 (nonsense)', async () => (await authors(driver)).length === 0
        && (await driver.findElements(By.css('.empty'))).length === 1);
    });

    test('an article opened by its hash', LIMIT, async (t) => {
      const driver = await browser(t);
      await driver.get(`${site.url}#/a/3-05`);
      const byline = await driver.wait(until.elementLocated(By.css('.article .byline')), WAIT);
      await eventually(driver, 'the byline', async () => (await byline.getText()).includes('陈劲松'));
      const back = await driver.findElement(By.css('a.back'));
      assert.equal(await back.getAttribute('href'), `${site.url}#/`);
      assert.ok((await driver.findElements(By.css('.article-body p'))).length > 5, 'the text is there');
    });

    test('a portal sizes the frame with iframe-resizer', LIMIT, async (t) => {
      const origin = site.url.replace(/\/$/, '');
      const portal = await servePage((own) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title>
<style>body { margin: 0; } .column { width: 320px; } iframe { display: block; width: 100%; border: 0; }</style></head>
<body><div class="column"><iframe id="reader" title="阅读器" src="${site.url}?origin=${encodeURIComponent(own)}"></iframe></div>
<script>${RESIZER}</script><script>iFrameResize(${JSON.stringify({ checkOrigin: [origin] })}, '#reader');</script></body></html>`);
      try {
        const driver = await browser(t);
        await driver.get(portal.url);
        const frame = await driver.wait(until.elementLocated(By.css('#reader')), WAIT);
        const box = async () => (await frame.getRect()).height;
        await eventually(driver, 'the frame grown to the list', async () => (await box()) > 1000 && box());
        await driver.switchTo().frame(frame);
        const content = await driver.executeScript('return document.documentElement.scrollHeight');
        await driver.switchTo().defaultContent();
        const height = await box();
        assert.ok(Math.abs(height - content) <= 3, `the frame (${height} px) fits its content (${content} px)`);
      } finally {
        await portal.close();
      }
    });

    test('with JavaScript off, the pre-rendered list and an article read', LIMIT, async (t) => {
      const driver = await browser(t, false);
      await driver.get(site.url);
      assert.equal((await authors(driver)).length, 10);
      assert.equal((await driver.findElements(By.css('html[data-ready]'))).length, 0, 'no app ran');
      await driver.findElement(By.css('.card-link')).click();
      const byline = await driver.wait(until.elementLocated(By.css('.article .byline')), WAIT);
      assert.match(await byline.getText(), /谢建青/);
      assert.equal(await driver.getCurrentUrl(), `${site.url}a/3-01/`);
      assert.ok((await driver.findElements(By.css('.article-body p'))).length > 5);
    });
  });
}
