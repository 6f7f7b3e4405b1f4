// After an article: its keywords (each a search) and three related articles, with and
// without JavaScript; 分享 through the Web Share API where the browser has it, else the
// link copied with a visible confirmation; and what the page tells link previews and
// search engines (Open Graph, meta keywords, JSON-LD NewsArticle of schema.org's shape).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, axeViolations, OUT, REFERENCE, siteFixture } from './harness.mjs';

const site = siteFixture();
const SERIES = fileURLToPath(new URL('../../target/series-dist/', import.meta.url));
const texts = (page, selector) => page.locator(selector).allInnerTexts();

test('an article ends with its keywords, each a search that finds it, and three related articles', async () => {
  const page = await openPage(site.browser, `${site.server.url}a/3-08/`);
  const keywords = await texts(page, '.keywords a');
  assert.ok(keywords.length >= 4 && keywords.length <= 6, keywords.join());
  assert.ok(keywords.includes('最多跑一次'), keywords.join());
  const related = await texts(page, '.related a');
  assert.equal(related.length, 3);
  assert.ok(!related.some((r) => r.includes('郑国庆')), 'never itself');
  assert.ok((await texts(page, '.related-why')).every((w) => /^(都谈到：.+|内容相近)$/.test(w)));
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('.article-more').screenshot({ path: `${OUT}related-390.png` });
  await page.getByRole('link', { name: '最多跑一次' }).click();
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=最多跑一次'));
  await page.waitForSelector('.card');
  const found = await page.locator('.card-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(found.some((href) => href.includes('/a/3-08')), `the keyword finds its article: ${found}`);
  await page.goBack();
  await page.waitForSelector('.article-more');
  await page.locator('.related a').first().click();
  await page.waitForFunction(() => !document.querySelector('.article h1')?.textContent.includes('人力社保'));
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('without JavaScript the related articles are there, as links; the keywords, searches, are not', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}a/3-05/`);
  assert.ok((await page.locator('.keywords a').count()) >= 4, 'in the page');
  assert.equal(await page.locator('.more-keywords').isVisible(), false, 'hidden: a search needs the app');
  assert.equal(await page.locator('.related a').count(), 3);
  await page.locator('.related a').first().click();
  await page.waitForURL(/\/a\/3-\d\d\/$/);
  assert.notEqual(new URL(page.url()).pathname, '/a/3-05/');
  await context.close();
});

/**
 * Opens the article page `id` with `setup` run first in every document (to take away or
 * stand in for the browser's share and clipboard APIs), the clipboard allowed when
 * `clipboard`, and presses 分享; resolves to { page, context, status } once the status
 * line says something.
 */
async function share(id, setup, { clipboard = true } = {}) {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  if (clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url.replace(/\/$/, '') });
  }
  await context.addInitScript(setup);
  const page = await context.newPage();
  await page.goto(`${site.server.url}a/${id}/`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.getByRole('button', { name: '分享' }).click();
  await page.waitForFunction(() => document.querySelector('.share-status').textContent !== '');
  return { page, context, status: await page.locator('.share-status').innerText() };
}

test('分享 copies the link and says so where there is no share sheet', async () => {
  // Headless Chromium on Linux may offer no share sheet; make sure the copy path is taken.
  const { page, context, status } = await share('3-03', () => { delete Navigator.prototype.share; });
  assert.equal(status, '链接已复制，可以粘贴给朋友');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.server.url}a/3-03/`);
  // The next article starts with nothing said.
  await page.locator('.related a').first().click();
  await page.waitForFunction(() => !location.pathname.endsWith('/a/3-03/') || location.hash.startsWith('#/a/'));
  await page.waitForFunction(() => document.querySelector('.share-status')?.textContent === '');
  await context.close();
});

test('分享 falls back to copying where the share sheet is refused, and shows the link where copying is', async () => {
  const sheetRefused = await share('3-04', () => {
    Navigator.prototype.share = () => Promise.reject(new DOMException('not in this frame', 'NotAllowedError'));
  });
  assert.equal(sheetRefused.status, '链接已复制，可以粘贴给朋友');
  await sheetRefused.context.close();
  const copyRefused = await share('3-04', () => {
    delete Navigator.prototype.share;
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  }, { clipboard: false });
  assert.equal(copyRefused.status, `未能自动复制，本文地址：${site.server.url}a/3-04/`);
  await copyRefused.context.close();
});

test('分享 opens the share sheet where the browser has one, with the title and the link', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    Navigator.prototype.share = function (data) { window.__shared = data; return Promise.resolve(); };
  });
  const page = await context.newPage();
  await page.goto(`${site.server.url}#/a/3-01`);
  await page.waitForSelector('.article');
  await page.getByRole('button', { name: '分享' }).click();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.url, `${site.server.url}a/3-01/`);
  assert.match(shared.title, /^区残联 .*谢建青$/);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.querySelector('.share-status').textContent), '', 'the sheet is its own confirmation: nothing copied, nothing said');
  await context.close();
});

/** The checks of schema.org's NewsArticle this page's JSON-LD must pass. */
function assertNewsArticle(ld, id) {
  assert.equal(ld['@context'], 'https://schema.org', id);
  assert.equal(ld['@type'], 'NewsArticle', id);
  for (const key of ['headline', 'description', 'articleSection', 'inLanguage']) assert.equal(typeof ld[key], 'string', `${id} ${key}`);
  assert.ok(ld.headline.length <= 110, `${id}: a headline of at most 110 characters`);
  assert.equal(ld.inLanguage, 'zh-CN');
  assert.equal(ld.author['@type'], 'Person', id);
  assert.equal(typeof ld.author.name, 'string');
  assert.equal(typeof ld.author.jobTitle, 'string');
  assert.equal(ld.publisher['@type'], 'Organization', id);
  assert.ok(Array.isArray(ld.keywords) && ld.keywords.every((k) => typeof k === 'string'), id);
}

function head(root, id) {
  const html = readFileSync(join(root, 'a', id, 'index.html'), 'utf8');
  const ld = JSON.parse(html.match(/<script type="?application\/ld\+json"?>([\s\S]*?)<\/script>/)[1]);
  const meta = (key) => html.match(new RegExp(`<meta (?:property|name)="?${key}"? content="([^"]*)"`))?.[1];
  const canonical = html.match(/<link rel="?canonical"? href="?([^" >]+)/)?.[1];
  return { ld, meta, canonical };
}

test('each article page carries Open Graph tags, its keywords and a JSON-LD NewsArticle', async () => {
  const page = await openPage(site.browser, `${site.server.url}a/3-06/`);
  const shown = await texts(page, '.keywords a');
  await page.done();
  for (let i = 1; i <= 10; i += 1) {
    const id = `3-${String(i).padStart(2, '0')}`;
    const { ld, meta, canonical } = head(REFERENCE, id);
    assertNewsArticle(ld, id);
    assert.equal(meta('og:type'), 'article');
    assert.equal(meta('og:title'), ld.headline, id);
    assert.ok(meta('og:description'), id);
    assert.equal(meta('keywords'), ld.keywords.join(','), id);
    assert.equal(meta('og:url'), undefined, `${id}: no origin given, no address invented`);
    assert.equal(canonical, undefined);
    if (id === '3-06') assert.deepEqual(ld.keywords, shown, 'the keywords the page shows');
  }
  // The series test site is built with PUBLIC_ORIGIN=https://reader.example.org.
  const { ld, meta, canonical } = head(SERIES, '4-01');
  assertNewsArticle(ld, '4-01');
  assert.equal(canonical, 'https://reader.example.org/a/4-01/');
  assert.equal(meta('og:url'), canonical);
  assert.equal(ld.url, canonical);
});
