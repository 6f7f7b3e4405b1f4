// The page selector of a long series (issue 27): on the long test site
// (target/series-long-dist/, pages 3 to 12), the chips are the five newest pages, the page
// shown when it is older, and 全部期次; 全部 10 期目录 opens every page by tens, each a number
// that leads to its page, without JavaScript (pre-rendered `p/N/`) as with it (the app,
// which fetches the page's file and closes the directory). Only the list of every page
// carries the numbers; elsewhere the app puts them in when the directory is opened, and
// without JavaScript it links to that list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUT, axeViolations, openPage, siteFixture } from './harness.mjs';

const TITLE = '各部门党委(党组)成员召开集中学习交流会';

const LONG = fileURLToPath(new URL('../../target/series-long-dist/', import.meta.url));
if (!existsSync(LONG)) throw new Error(`${LONG} is missing: ./dev test builds it (see build_series_long in dev)`);
const site = siteFixture(LONG);

const chips = async (page) =>
  (await page.locator('.pages .chip').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').replace(/ \d+ 篇$/, '').trim());
const groups = (page) => page.locator('.page-group-label').allInnerTexts();
const numbers = async (page) => (await page.locator('.page-number').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));

test('without JavaScript: the newest five as chips, every page by tens in the directory, each its own address', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.server.url);
  assert.deepEqual(await chips(page), ['第12期', '第11期', '第十期', '第九期', '第八期', '全部期次']);
  assert.equal(await page.locator('.page-directory').getAttribute('open'), null, 'closed to start with');
  assert.equal(await page.locator('.page-number').count(), 0, 'the newest list does not carry the numbers');
  await page.locator('.page-directory > summary').click();
  assert.equal(await page.locator('.page-directory > summary').innerText(), '全部 10 期目录');
  await page.getByRole('link', { name: '打开全部期次的目录' }).click();
  await page.waitForURL(/\/p\/all\/$/);
  await page.locator('.page-directory > summary').click();
  assert.deepEqual(await groups(page), ['第 11–12 期', '第 3–10 期']);
  assert.deepEqual(await numbers(page), ['第12期', '第11期', '第10期', '第9期', '第8期', '第7期', '第6期', '第5期', '第4期', '第3期']);
  assert.ok(!(await page.locator('.page-jump').isVisible()), 'the jump box needs the app: hidden');
  assert.equal(await page.locator('.page-number[aria-current="page"]').count(), 0, 'the list of every page shows no page');
  await page.screenshot({ path: `${OUT}directory-nojs-390.png` });
  await page.locator('.page-number', { hasText: /^第4期$/ }).click();
  await page.waitForURL(/\/p\/4\/$/);
  assert.deepEqual(await chips(page), ['第12期', '第11期', '第十期', '第九期', '第八期', '第四期', '全部期次'], 'the page shown joins the chips');
  assert.match(await page.locator('.pages [aria-current="page"]').first().innerText(), /^第四期/);
  assert.equal(await page.locator('.card').count(), 2);
  await context.close();
});

test('with JavaScript: a number in the directory opens its page, fetched, and the directory closes', async () => {
  const page = await openPage(site.browser, `${site.server.url}#/?page=5`, { viewport: { width: 1280, height: 800 } });
  await page.waitForFunction(() => /第五期 · 共 2 篇/.test(document.querySelector('.list-status')?.innerText ?? ''));
  assert.deepEqual(await chips(page), ['第12期', '第11期', '第十期', '第九期', '第八期', '第五期', '全部期次']);
  assert.equal(await page.locator('.page-number').count(), 0, 'the numbers come when it opens');
  await page.locator('.page-directory > summary').click();
  assert.ok(!(await page.getByRole('link', { name: '打开全部期次的目录' }).isVisible()), 'the no-JavaScript link is not seen');
  const current = await page.locator('.page-group').filter({ has: page.locator('[aria-current="page"]') }).locator('.page-group-label').innerText();
  assert.equal(current, '第 3–10 期', "the page shown is marked in its group");
  await page.screenshot({ path: `${OUT}directory-1280.png` });
  await page.locator('.page-number', { hasText: /^第7期$/ }).click();
  await page.waitForFunction(() => location.hash === '#/?page=7');
  await page.waitForFunction(() => /第七期 · 共 2 篇/.test(document.querySelector('.list-status')?.innerText ?? ''));
  assert.equal(await page.locator('.card').count(), 2);
  assert.equal(await page.locator('.page-directory').getAttribute('open'), null, 'closed once a page is chosen');
  assert.match(await page.locator('.pages .chip[aria-current="page"]').innerText(), /^第七期/);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('searching, the directory carries its numbers only while the reader has it open', async () => {
  const page = await openPage(site.browser, `${site.server.url}p/all/`, { viewport: { width: 390, height: 844 } });
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('.page-number').count(), 10, 'the list of every page carries them');
  await page.locator('#search').fill('社区');
  await page.waitForFunction(() => /找到/.test(document.querySelector('.list-status')?.innerText ?? ''));
  // A search's links carry its query: at a thousand pages, a thousand links to change at each keystroke.
  assert.equal(await page.locator('.page-number').count(), 0, 'a search drops them while it is closed');
  await page.locator('.page-directory > summary').click();
  await page.waitForFunction(() => document.querySelectorAll('.page-number').length === 10);
  const hrefs = await page.locator('.page-number').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => h.includes(`q=${encodeURIComponent('社区')}`)), `each keeps the query: ${hrefs}`);
  await page.locator('#search').fill('社区服务');
  await page.waitForFunction(() => document.querySelector('.page-number')?.getAttribute('href').includes('%E6%9C%8D%E5%8A%A1'));
  await page.locator('.page-directory > summary').click();
  await page.waitForFunction(() => document.querySelectorAll('.page-number').length === 0);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('with JavaScript: a number typed atop the directory opens its page; one no page has is refused with the range', async () => {
  const page = await openPage(site.browser, site.server.url);
  await page.locator('.page-directory > summary').click();
  const box = page.getByRole('textbox', { name: '跳到第几期' });
  assert.equal(await box.getAttribute('inputmode'), 'numeric', "the phone's number keyboard");
  const before = await page.evaluate(() => location.hash);
  await box.fill('99');
  await page.getByRole('button', { name: '前往' }).click();
  assert.equal(await box.evaluate((i) => i.validationMessage), '请输入 3 到 12 之间的期号');
  assert.equal(await page.getByRole('alert').innerText(), '请输入 3 到 12 之间的期号', 'said under the field, and kept');
  assert.deepEqual((await axeViolations(page)).map((v) => v.id), [], 'the open directory, its box and its message');
  assert.equal(await page.evaluate(() => location.hash), before, 'nowhere to go: the list stays');
  await page.screenshot({ path: `${OUT}directory-jump-390.png` });
  await box.fill('第九期');
  assert.equal(await box.evaluate((i) => i.validationMessage), '', 'typing again clears the message');
  assert.equal(await page.locator('.page-jump-note').innerText(), '');
  await box.press('Enter');
  await page.waitForFunction(() => location.hash === '#/?page=9');
  await page.waitForFunction(() => /第九期 · 共 2 篇/.test(document.querySelector('.list-status')?.innerText ?? ''));
  assert.equal(await page.locator('.page-directory').getAttribute('open'), null, 'closed once a page is chosen');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('every page is browsed newest first, three pages at a time, each fetched when shown', async () => {
  const page = await openPage(site.browser, `${site.server.url}p/all/`, { viewport: { width: 390, height: 844 } });
  const headings = () => page.locator('.page-heading').allInnerTexts();
  const fetched = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/data\/pages-[0-9a-f]{16}\/page-\d+\.json$/.test(n)).map((n) => Number(/page-(\d+)\.json$/.exec(n)[1])));
  const title = (n) => `${TITLE}（${n}）`;
  assert.deepEqual(await headings(), [title(12), title(11), title('十')], 'the newest three, newest first');
  assert.deepEqual(await fetched(), [], 'the list of every page carries the pages it shows');
  assert.match(await page.locator('.list-status').innerText(), /^最新 3 期 · 共 \d+ 篇$/);
  await page.screenshot({ path: `${OUT}every-page-390.png`, fullPage: true });
  await page.getByRole('button', { name: '显示更早的期次（还有 7 期）' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.page-heading').length === 6);
  assert.deepEqual(await headings(), [title(12), title(11), title('十'), title('九'), title('八'), title('七')]);
  assert.deepEqual((await fetched()).sort((a, b) => a - b), [7, 8, 9], 'only the three pages more');
  await page.getByRole('button', { name: '显示更早的期次（还有 4 期）' }).click();
  await page.getByRole('button', { name: '显示更早的期次（还有 1 期）' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.page-heading').length === 10);
  assert.equal(await page.getByRole('button', { name: /显示更早的期次/ }).count(), 0, 'none left');
  assert.match(await page.locator('.list-status').innerText(), /^共 \d+ 篇$/);
  assert.deepEqual(page.problems, []);
  await page.done();
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(`${site.server.url}p/all/`);
  assert.deepEqual(await plain.locator('.page-heading').allInnerTexts(), [title(12), title(11), title('十')]);
  assert.ok(!(await plain.locator('.more').isVisible()), 'no button that needs JavaScript');
  await context.close();
});

test('every page: the department filter names and counts the whole series, not the pages shown', async () => {
  for (const javaScript of [true, false]) {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto(`${site.server.url}p/all/`);
    if (javaScript) await page.waitForSelector('html[data-ready]', { state: 'attached' });
    const series = Number(/本系列共 10 期、(\d+) 篇/.exec(await page.locator('.site-footer').innerText())[1]);
    const counts = (await page.locator('nav.filter:not(.pages) .chip-count').allInnerTexts()).map((t) => Number(/\d+/.exec(t)[0]));
    const [all, ...departments] = counts;
    assert.equal(all, series, `全部 counts the series (JavaScript ${javaScript})`);
    assert.equal(departments.reduce((a, b) => a + b, 0), series, 'each department its statements in the series');
    assert.ok(series > (await page.locator('.card').count()), 'more than the cards shown');
    await context.close();
  }
});

test('every page held to a department: its statements newest first, fetched one by one through the index', async () => {
  const page = await openPage(site.browser, `${site.server.url}#/?page=all&dept=${encodeURIComponent('区城管局')}`);
  await page.waitForFunction(() => {
    const status = /^区城管局：(\d+) 篇$/.exec(document.querySelector('.list-status')?.innerText ?? '');
    return status && document.querySelectorAll('.card').length === Number(status[1]);
  });
  const cards = await page.locator('.card-title').allInnerTexts();
  assert.ok(cards.length >= 3 && cards.every((t) => t === '区城管局'), `${cards}`);
  const pages = (await page.locator('.card-link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
    .map((href) => Number(/#\/a\/(\d+)-/.exec(href)[1]));
  assert.deepEqual(pages, [...pages].sort((a, b) => b - a), 'newest first');
  assert.equal(await page.locator('.page-heading').count(), new Set(pages).size, 'under their pages');
  const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/data\//.test(n)));
  assert.ok(!files.some((f) => /\/data\/page-/.test(f)), `no page's file: ${files}`);
  const texts = files.filter((f) => /\/a\d+\.json$/.test(f));
  assert.ok(texts.length >= cards.length - 2 && texts.length <= cards.length, `its statements not at hand, each once: ${texts}`);
  assert.equal(await page.locator('.filter:not(.pages) .chip-count').count(), 0, 'the status counts them, not the toggles');
  await page.screenshot({ path: `${OUT}every-page-department-390.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.done();
});
