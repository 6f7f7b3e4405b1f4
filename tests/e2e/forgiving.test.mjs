// Search that forgives (crates/core/src/search/approx/): what a reader types with a homophone, a
// slip, a short name, pinyin among characters or across fields, typed into the built
// site in Chromium, character by character as an IME commits them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, axeViolations, OUT, siteFixture } from './harness.mjs';

const site = siteFixture();
const DESKTOP = { width: 1280, height: 800 };

/** Types `query` into an empty box and waits for its results (not a state on the way). */
async function search(page, query, status) {
  await page.locator('.search-input').fill('');
  await page.locator('.search-input').click();
  await page.keyboard.type(query);
  await page.waitForFunction(
    ([q, want]) => new URLSearchParams(location.hash.split('?')[1]).get('q') === q
      && document.querySelector('.list-status')?.textContent === want,
    [query, status],
  );
}

test('a homophone: the article under a note saying it is near, what matched highlighted', async () => {
  const page = await openPage(site.browser, site.server.url);
  await search(page, '社区矫证', '相近 1 篇');
  assert.equal(await page.locator('h2.near-heading').innerText(), '没有完全匹配的结果，以下是相近的文章');
  assert.deepEqual(await page.locator('.card-title').allInnerTexts(), ['区司法局']);
  const marks = await page.locator('.card-excerpt mark').allInnerTexts();
  assert.ok(marks.length > 0 && marks.every((m) => m === '社区矫正'), marks.join());
  // The note heads the cards under it: they are its h3s, after it.
  const outline = await page.evaluate(() =>
    [...document.querySelectorAll('h2.near-heading, .card .card-title')].map((e) => e.tagName));
  assert.deepEqual(outline, ['H2', 'H3']);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${OUT}forgiving-phone.png` });
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('exact hits first, then the near ones under their note', async () => {
  const page = await openPage(site.browser, site.server.url, { viewport: DESKTOP });
  await search(page, '职能', '找到 2 篇，相近 1 篇');
  assert.equal(await page.locator('h2.near-heading').innerText(), '以下是相近的文章');
  const order = await page.evaluate(() =>
    [...document.querySelectorAll('.card, .near-heading')].map((e) => (e.matches('.card') ? 'card' : 'note')));
  assert.deepEqual(order, ['card', 'card', 'note', 'card']);
  await page.locator('h2.near-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}forgiving-desktop.png` });
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('a short name, across fields, pinyin among characters, and nonsense', async () => {
  const page = await openPage(site.browser, site.server.url);
  await search(page, '人社局', '找到 1 篇');
  assert.deepEqual(await page.locator('.card-title').allInnerTexts(), ['区人力社保局']);
  assert.deepEqual(await page.locator('.card-title mark').allInnerTexts(), ['人', '社', '局'], 'marked through the printed name');
  await search(page, '教育局党委书记', '相近 1 篇');
  assert.deepEqual(await page.locator('.card-title mark').allInnerTexts(), ['教育局']);
  assert.deepEqual(await page.locator('.card-author .posts mark').allInnerTexts(), ['党委书记'], 'the posts marked too');
  await search(page, 'minzheng局', '找到 1 篇');
  assert.deepEqual(await page.locator('.card-title mark').allInnerTexts(), ['民政局']);
  await search(page, '鱼酸', '找到 0 篇');
  assert.equal(await page.locator('.empty-title').innerText(), '没有找到与“鱼酸”相关的文章。');
  assert.equal(await page.locator('.card').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('as readers name things: an official by surname and post, a full name, a public word', async () => {
  const page = await openPage(site.browser, site.server.url);
  await search(page, '郑部长', '找到 1 篇');
  assert.deepEqual(await page.locator('.card-author strong mark').allInnerTexts(), ['郑'], 'the surname in the name');
  assert.deepEqual(await page.locator('.card-author .posts mark').allInnerTexts(), ['部长'], 'the title in the posts');
  await search(page, '拱墅区住房和城乡建设局', '找到 1 篇');
  assert.deepEqual(await page.locator('.card-title').allInnerTexts(), ['区住建局、区人防办（区民防局）']);
  await search(page, '穷人', '相近 1 篇');
  assert.deepEqual(await page.locator('.card-title').allInnerTexts(), ['区财政局']);
  assert.deepEqual(await page.locator('.card-excerpt mark').allInnerTexts(), ['困难群众'], 'what the statement says');
  // A surname no official with that post has: nothing, not even a near one.
  await page.locator('.search-input').fill('王局长');
  await page.waitForSelector('.empty-title');
  assert.equal(await page.locator('.card').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.done();
});
