// The pages a page does not carry (issue 27): on the series test site (target/series-dist/,
// pages 3, 4 and 5), each pre-rendered page carries its own page's articles and the
// catalogue of the series; the other pages' articles are files named by their digest
// (data/page-N-<digest>.json), fetched, all at once, when a route needs them: a search
// across pages, another page's list, an article elsewhere. Their faults — the network cut
// after load, a file corrupted or cut short, a file gone after a new deployment — show a
// notice where the results would be, with what to do, while the page at hand reads and
// searches on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUT, eventually, reportCspViolations, siteFixture } from './harness.mjs';

const SERIES = fileURLToPath(new URL('../../target/series-dist/', import.meta.url));
if (!existsSync(SERIES)) throw new Error(`${SERIES} is missing: ./dev test builds it (see build_series in dev)`);
const site = siteFixture(SERIES);
const DATA = /\/data\/page-\d+-[0-9a-f]{16}\.json$/;

/**
 * Opens `path` on a phone's viewport, with `setup(context)` run before the page loads
 * (routes that fake a fault). Records every request for a page's file, and the console's
 * problems.
 */
async function open(path, setup = async () => {}) {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(reportCspViolations);
  await setup(context);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e}`));
  page.files = [];
  page.on('request', (r) => { if (DATA.test(r.url())) page.files.push({ url: r.url(), at: Date.now() }); });
  page.on('requestfinished', (r) => {
    const f = page.files.find((f) => f.url === r.url() && !f.done);
    if (f) f.done = Date.now();
  });
  await page.goto(site.server.url + path);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  page.done = () => context.close();
  return page;
}


const pageOf = (url) => Number(url.match(/page-(\d+)-/)[1]);

test('the list carries its own page; a search brings the other pages, each file once, all at once', async () => {
  const page = await open('');
  const data = await page.evaluate(() => JSON.parse(document.getElementById('reader-data').textContent));
  assert.deepEqual(data.pages.map((p) => p.number), [5], 'the newest page only');
  assert.deepEqual(data.series.map((e) => e.number), [3, 4, 5], 'and the catalogue of all three');
  await page.waitForTimeout(300);
  assert.deepEqual(page.files, [], 'browsing the page at hand fetches nothing');
  await page.locator('#search').fill('测试样例');
  await eventually(page, '.list-status', '找到 10 篇');
  assert.deepEqual(page.files.map((f) => pageOf(f.url)).sort(), [3, 4], 'the two pages not at hand');
  const [a, b] = page.files;
  assert.ok(b.at <= a.done, 'the second was asked for before the first had arrived: in parallel');
  await page.locator('#search').fill('谢建青');
  await eventually(page, '.list-status', '找到 1 篇');
  await page.getByRole('link', { name: /第四期/ }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/?page=4'));
  assert.equal(page.files.length, 2, 'nothing fetched twice');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('with the network cut after load, the notice says so, the page at hand still searches, and 重试 brings the rest', async () => {
  let cut = true;
  const page = await open('', (context) =>
    context.route(DATA, (route) => (cut ? route.abort('internetdisconnected') : route.continue())),
  );
  await page.locator('#search').fill('测试样例');
  await page.waitForSelector('.pending-fault');
  assert.match(await page.locator('.pending').innerText(), /网络不通。本期的文章照常可读、可搜索。\s*重试/);
  await eventually(page, '.list-status', '找到 4 篇');
  assert.equal(await page.locator('.card').count(), 4, "page 5's own matches");
  const chips = (await page.locator('.pages .chip').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(chips, ['第五期 4 篇', '第四期', '第三期', '全部期次'], 'no count for the pages not searched, not a 0');
  await page.screenshot({ path: `${OUT}archive-offline-390.png` });
  cut = false;
  await page.getByRole('button', { name: '重试' }).click();
  await eventually(page, '.list-status', '找到 10 篇');
  assert.equal(await page.locator('.pending').count(), 0, 'the notice goes once the pages are in');
  const said = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p));
  assert.equal(said.length, 2, said.join('\n'));
  assert.ok(said.every((p) => /^data\/page-[34]-[0-9a-f]{16}\.json: no answer \(Offline\)$/.test(p)), said.join('\n'));
  await page.done();
});

test('a corrupted file and one cut short are refused, with the notice; the files that did arrive are searched', async () => {
  const page = await open('', (context) =>
    context.route(DATA, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      const n = pageOf(route.request().url());
      // Page 3: one byte changed, the length kept; page 4: as it is.
      if (n === 3) body[100] ^= 1;
      await route.fulfill({ response, body });
    }),
  );
  await page.locator('#search').fill('测试样例');
  await page.waitForSelector('.pending-fault');
  assert.match(await page.locator('.pending').innerText(), /收到的文件不完整/);
  await eventually(page, '.list-status', '找到 10 篇');
  assert.equal(page.problems.length, 1, `asked for once, not again when page 4 came: ${page.problems.join('\n')}`);
  assert.match(page.problems[0], /^data\/page-3-([0-9a-f]{16})\.json: digest [0-9a-f]{16}, not \1 \(Damaged\)$/);
  await page.done();

  const short = await open('#/?page=3', (context) =>
    context.route(DATA, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.body()).subarray(0, 1000) });
    }),
  );
  await short.waitForSelector('.pending-fault');
  assert.match(await short.locator('.pending').innerText(), /收到的文件不完整/);
  assert.match(short.problems.join('\n'), /page-3-[0-9a-f]{16}\.json: 1000 bytes, not \d+ \(Damaged\)/);
  await short.done();
});

test('a file gone after a new deployment asks for a reload, which brings the new files', async () => {
  let gone = true;
  const page = await open('', (context) =>
    context.route(DATA, (route) => (gone ? route.fulfill({ status: 404, body: 'not here' }) : route.continue())),
  );
  await page.locator('#search').fill('测试样例');
  await page.waitForSelector('.pending-fault');
  assert.match(await page.locator('.pending').innerText(), /本站已经更新，刷新本页后才能载入其他各期的文章。本期的文章照常可读、可搜索。\s*刷新本页/);
  gone = false;
  await page.waitForFunction(() => location.hash.includes('q='));
  await page.getByRole('button', { name: '刷新本页' }).click();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await eventually(page, '.list-status', '找到 10 篇');
  await page.done();
});

test('an article on a page not at hand: fetched when a related link leads there; waiting, not "not found", when it cannot come', async () => {
  const page = await open('a/4-01/');
  const elsewhere = page.locator('.related a[href^="#/a/3-"]');
  assert.ok((await elsewhere.count()) > 0, 'related to an article of page 3, which the page does not carry');
  assert.match(await elsewhere.first().innerText(), /^区.+ · .+$/, 'named by its byline');
  await elsewhere.first().click();
  await eventually(page, '.article-page', '各部门党委(党组)成员召开集中学习交流会（三）');
  assert.deepEqual(page.files.map((f) => pageOf(f.url)), [3]);
  assert.deepEqual(page.problems, []);
  await page.done();

  const cut = await open('a/4-01/', (context) => context.route(DATA, (route) => route.abort('internetdisconnected')));
  await cut.locator('.related a[href^="#/a/3-"]').first().click();
  await cut.waitForSelector('.pending-fault');
  assert.equal(await cut.locator('.not-found').count(), 0, 'not "not found": it is on its way, or could not come');
  assert.match(await cut.locator('.pending').innerText(), /网络不通/);
  await cut.done();
});
