// The series: a site built from the real page and two test pages of the series (pages 4
// and 5, tests/fixtures/series/, made from the real text by tests/support/series.mjs and
// ingested as an editor would), by `./dev test` into target/series-dist/ with
// READER_CONTENT=content/page-003.json:tests/fixtures/series. Pages in the list, the URL, the titles and
// the search, with and without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPage, openHeldBack, axeViolations, eventually, OUT, siteFixture } from './harness.mjs';

const SERIES = fileURLToPath(new URL('../../target/series-dist/', import.meta.url));
if (!existsSync(SERIES)) throw new Error(`${SERIES} is missing: ./dev test builds it (see build_series in dev)`);
const site = siteFixture(SERIES);
const TITLE = '各部门党委(党组)成员召开集中学习交流会';

const open = (path, viewport = { width: 390, height: 844 }) => openPage(site.browser, site.server.url + path, { viewport });
const texts = (page, selector) => page.locator(selector).allInnerTexts();
const chips = async (page) => (await texts(page, '.pages .chip')).map((t) => t.replace(/\s+/g, ' ').trim());
const current = (page) => page.locator('.pages [aria-current="page"]').innerText();

test('the newest page by default; the selector switches pages, in the URL, with back and forward', async () => {
  const page = await open('');
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（五）`);
  assert.equal(await page.title(), `${TITLE}（五） · 拱墅区`);
  assert.deepEqual(await chips(page), ['第五期 4 篇', '第四期 6 篇', '第三期 10 篇', '全部期次 20 篇']);
  assert.equal(await page.locator('.list-status').innerText(), '第五期 · 共 4 篇');
  const metas = await texts(page, '.card-meta');
  assert.equal(metas.length, 4);
  assert.ok(metas.every((m) => m.startsWith('第五期 · ')), metas.join());
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${OUT}series-list-390.png` });

  await page.getByRole('link', { name: /第三期/ }).click();
  await page.waitForFunction(() => location.hash === '#/?page=3');
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（三）`);
  assert.equal(await page.title(), `${TITLE}（三） · 拱墅区`);
  await eventually(page, '.list-status', '第三期 · 共 10 篇');
  assert.equal(await page.locator('.card').count(), 10);
  assert.match(await current(page), /^第三期/, 'the chosen page is marked current');
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector('h1').innerText === t, `${TITLE}（五）`);
  await page.goForward();
  await page.waitForFunction((t) => document.querySelector('h1').innerText === t, `${TITLE}（三）`);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test("a page's own list is taken over in place (hydrated), and reads in the dark theme too", async () => {
  const { page, problems, release, close } = await openHeldBack(site, 'p/3/', { colorScheme: 'dark' });
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（三）`);
  assert.equal(await page.locator('.card').count(), 10, 'the cards are there before any WASM');
  await page.evaluate(() => { document.querySelector('main').probe = 'prerendered'; });
  release();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.querySelector('main').probe), 'prerendered', 'hydrated, not re-rendered');
  assert.match(await current(page), /^第三期/);
  assert.match(await page.locator('.card-link').first().getAttribute('href'), /^#\/a\/3-01/, 'links became app routes');
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${OUT}series-page3-dark-390.png` });
  assert.deepEqual(problems, []);
  await close();
});

test('search spans every page, says which page each hit is on, and can be held to one page', async () => {
  const page = await open('');
  await page.locator('#search').fill('测试样例');
  await page.waitForFunction(() => location.hash.includes('q='));
  await eventually(page, '.list-status', '找到 10 篇');
  assert.deepEqual(await chips(page), ['第五期 4 篇', '第四期 6 篇', '第三期 0 篇', '全部期次 10 篇']);
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（全部 3 期）`);
  const metas = await texts(page, '.card-meta');
  assert.ok(metas.some((m) => m.startsWith('第四期')) && metas.some((m) => m.startsWith('第五期')), metas.join());
  await page.getByRole('link', { name: /第四期/ }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/?page=4&q='));
  assert.equal(await page.locator('.list-status').innerText(), '第四期 · 找到 6 篇');
  assert.equal(await page.locator('#search').inputValue(), '测试样例', 'the query stays');
  // A query on the real page only, held to page 4: nothing, and the tip says why.
  await page.locator('#search').fill('谢建青');
  await page.waitForSelector('.empty');
  assert.match(await page.locator('.empty').innerText(), /当前只在第四期中搜索/);
  assert.deepEqual(await chips(page), ['第五期 0 篇', '第四期 0 篇', '第三期 1 篇', '全部期次 1 篇']);
  await page.screenshot({ path: `${OUT}series-search-390.png` });
  await page.getByRole('link', { name: '在全部期次中搜索' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/?page=all&q='));
  assert.equal(await page.locator('.card').count(), 1);
  assert.match(await page.locator('.card-meta').innerText(), /^第三期 · /);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('the department filter works across pages and within one', async () => {
  const page = await open('#/?page=all&dept=区教育局', { width: 1280, height: 800 });
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（全部 3 期）`);
  await eventually(page, '.list-status', '区教育局：4 篇');
  assert.deepEqual(await texts(page, '.page-heading'), [`${TITLE}（五）`, `${TITLE}（四）`, `${TITLE}（三）`], 'newest first');
  assert.equal(await page.locator('.card').count(), 4);
  assert.equal(await page.locator('.list-status').innerText(), '区教育局：4 篇');
  assert.deepEqual(await chips(page), ['第五期 1 篇', '第四期 1 篇', '第三期 2 篇', '全部期次 4 篇']);
  await page.screenshot({ path: `${OUT}series-all-1280.png`, fullPage: true });
  await page.getByRole('link', { name: /第三期/ }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/?page=3&dept='));
  assert.equal(await page.locator('.card').count(), 2);
  // Within page 3, only its departments: 区卫生健康局 is on the test pages alone.
  const departments = await texts(page, '.filter:not(.pages) .chip');
  assert.ok(!departments.some((d) => d.includes('区卫生健康局')), departments.join());
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('an article names its page; the pager stays on it; back leads to its page', async () => {
  const page = await open('a/4-06/');
  assert.equal(await page.title(), `区卫生健康局 李四：${TITLE}（四） · 拱墅区`);
  assert.equal(await page.locator('.article-page').innerText(), `${TITLE}（四）`);
  assert.equal(await page.locator('.pager-next').count(), 0, '4-06 is the last of page 4');
  assert.match(await page.locator('.pager-prev').getAttribute('href'), /4-05/);
  await page.getByRole('link', { name: '返回文章列表' }).click();
  await page.waitForFunction((t) => document.querySelector('h1')?.innerText === t, `${TITLE}（四）`);
  // From a filtered list of the newest page, "back" is that very list (its scroll position
  // is remembered by its address).
  await page.goto(`${site.server.url}#/?dept=${encodeURIComponent('区教育局')}`);
  await page.waitForSelector('.card');
  const list = await page.evaluate(() => location.hash);
  await page.locator('.card-link').first().click();
  await page.waitForSelector('.article');
  assert.equal(await page.locator('.back').getAttribute('href'), list);
  await page.goto(site.server.url + 'a/3-10/');
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('.pager-next').count(), 0, '3-10 is the last of page 3, not followed by 4-01');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('a link to a page that does not exist says so and shows the newest', async () => {
  const page = await open('#/?page=9');
  assert.equal(await page.locator('.notice').innerText(), '链接中的第 9 期不在本站中，已忽略。');
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（五）`);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('without JavaScript, every page has its own list and its selector links there', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.server.url);
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（五）`);
  assert.ok(await page.locator('.pages').isVisible(), 'the selector is links, so it stays');
  await page.getByRole('link', { name: /第四期/ }).click();
  await page.waitForURL(/\/p\/4\/$/);
  assert.equal(await page.locator('h1').innerText(), `${TITLE}（四）`);
  assert.equal(await page.title(), `${TITLE}（四） · 拱墅区`);
  assert.equal(await page.locator('.card').count(), 6);
  await page.getByRole('link', { name: /全部期次/ }).click();
  await page.waitForURL(/\/p\/all\/$/);
  assert.equal(await page.locator('.card').count(), 20);
  assert.equal(await page.locator('.page-heading').first().innerText(), `${TITLE}（五）`, 'newest first');
  await page.locator('.card-link').last().click();
  await page.waitForURL(/\/a\/3-10\/$/);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  assert.match(description, /^第三期 · /);
  await context.close();
});
