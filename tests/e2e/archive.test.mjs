// The pages a page does not carry (issue 27): on the series test site (target/series-dist/,
// pages 3, 4 and 5), each pre-rendered page carries its own page's articles and the
// catalogue of the series; the other pages' articles are files in a folder named by their
// digest, each sealed with its own (data/pages-<digest>/page-N.json), fetched, all at once, when a route needs them: another
// page's list, an article elsewhere. A search across pages goes through the sharded index
// (data/index-<digest>/): the buckets of its query's keys, then the files of its best
// candidates (aN.json), two rounds of requests. Their faults — the network cut after load,
// a file corrupted or cut short, a file gone after a new deployment — show a notice where
// the results would be, with what to do, while the page at hand reads and searches on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, eventually, openHeldBack, reportCspViolations, siteFixture } from './harness.mjs';

const SERIES = fileURLToPath(new URL('../../target/series-dist/', import.meta.url));
if (!existsSync(SERIES)) throw new Error(`${SERIES} is missing: ./dev test builds it (see build_series in dev)`);
const site = siteFixture(SERIES);
const DATA = /\/data\/(pages-[0-9a-f]{16}\/page-\d+\.json|index-[0-9a-f]{16}\/[ab]\d+\.(bin|json))$/;
const BUCKET = /\/index-[0-9a-f]{16}\/b\d+\.bin$/;
const TEXT = /\/index-[0-9a-f]{16}\/a(\d+)\.json$/;

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


const pageOf = (url) => Number(url.match(/\/page-(\d+)\.json$/)[1]);

test('the list carries its own page; a search fetches its buckets, then its best candidates, each once, each round at once', async () => {
  const page = await open('');
  const data = await page.evaluate(() => JSON.parse(document.getElementById('reader-data').textContent));
  assert.deepEqual(data.pages.map((p) => p.number), [5], 'the newest page only');
  assert.deepEqual(data.series.number_steps, [3, 1, 1], 'and the catalogue of all three (3, 4, 5)');
  assert.match(data.index.dir, /^data\/index-[0-9a-f]{16}\/$/, 'and where the index is');
  assert.equal(data.index.articles, 20);
  await page.waitForTimeout(300);
  assert.deepEqual(page.files, [], 'browsing the page at hand fetches nothing');
  await page.locator('#search').fill('测试样例');
  await eventually(page, '.list-status', '找到 10 篇');
  const buckets = page.files.filter((f) => BUCKET.test(f.url));
  const texts = page.files.filter((f) => TEXT.test(f.url));
  assert.equal(buckets.length + texts.length, page.files.length, `no page's file: ${page.files.map((f) => f.url)}`);
  assert.ok(buckets.length > 0 && buckets.every((b) => b.at <= Math.min(...buckets.map((x) => x.done))), 'buckets at once');
  const numbers = texts.map((f) => Number(f.url.match(TEXT)[1])).sort((a, b) => a - b);
  assert.deepEqual(numbers, [10, 11, 12, 13, 14, 15], "page 4's six statements (page 3's real ones do not say 测试样例)");
  assert.ok(texts.every((t) => t.at >= Math.max(...buckets.map((b) => b.done))), 'then the texts: a second round');
  assert.ok(texts.every((t) => t.at <= Math.min(...texts.map((x) => x.done))), 'texts at once');
  const before = page.files.length;
  await page.locator('#search').fill('谢建青');
  await eventually(page, '.list-status', '找到 1 篇');
  assert.ok(page.files.slice(before).some((f) => /\/a0\.json$/.test(f.url)), "page 3's first statement, 谢建青's");
  await page.getByRole('link', { name: /第四期/ }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/?page=4'));
  await eventually(page, '.list-status', '第四期 · 找到 0 篇');
  assert.ok(!page.files.some((f) => /\/page-4\.json$/.test(f.url)), "page 4's statements are all at hand: its file is not fetched");
  const urls = page.files.map((f) => f.url);
  assert.equal(new Set(urls).size, urls.length, 'nothing fetched twice');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('a query typed before the app starts: its buckets are asked for as the app starts, before it has hydrated, and once', async () => {
  // When the app's first render is done (data-ready), and when each data file was asked for.
  const init = () => {
    new MutationObserver(() => {
      if (window.__ready === undefined && document.documentElement?.hasAttribute('data-ready')) window.__ready = performance.now();
    }).observe(document, { subtree: true, attributes: true });
  };
  const { page, problems, release, close } = await openHeldBack(site, '', { init });
  await page.locator('#search').fill('测试样例');
  release();
  await eventually(page, '.list-status', '找到 10 篇');
  const { ready, files } = await page.evaluate(() => ({
    ready: window.__ready,
    files: performance.getEntriesByType('resource').filter((e) => /\/data\//.test(e.name)).map((e) => ({ url: e.name, at: e.startTime })),
  }));
  const buckets = files.filter((f) => BUCKET.test(f.url));
  assert.ok(buckets.length > 0, 'the query needs buckets');
  assert.ok(buckets.every((b) => b.at < ready), `asked for at ${buckets.map((b) => b.at.toFixed(0))} ms, before the first render was done at ${ready.toFixed(0)} ms`);
  const urls = files.map((f) => f.url);
  assert.equal(new Set(urls).size, urls.length, `each once, the early answers taken up: ${urls.join(', ')}`);
  assert.equal(files.filter((f) => TEXT.test(f.url)).length, 6, "then page 4's six statements");
  assert.deepEqual(problems, []);
  await close();
});

test('an early request that got no answer is asked again when the search takes it up', async () => {
  const asked = [];
  const { page, problems, release, close } = await openHeldBack(site, '', {});
  // The first request for each bucket (the early one) gets no answer; the next one does.
  await page.context().route(BUCKET, (route) => {
    asked.push(route.request().url());
    return asked.filter((u) => u === route.request().url()).length === 1 ? route.abort('internetdisconnected') : route.continue();
  });
  await page.locator('#search').fill('测试样例');
  release();
  await eventually(page, '.list-status', '找到 10 篇');
  assert.equal(await page.locator('.pending-fault').count(), 0, 'no notice: the second request answered');
  assert.ok(asked.length >= 2 && new Set(asked).size === asked.length / 2, `each bucket asked for twice: ${asked.join(', ')}`);
  // The early request's failure is said on the console by the browser; nothing else is.
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  await close();
});

test('a search that finds more than is fetched counts the rest by estimate, and 显示更多结果 brings more', async () => {
  const page = await open('');
  await page.locator('#search').fill('工作');
  await page.waitForFunction(() => /^找到约 \d+ 篇/.test(document.querySelector('.list-status').textContent));
  const first = page.files.filter((f) => TEXT.test(f.url)).length;
  assert.ok(first <= 10, `the best ten candidates at most: ${first}`);
  const more = page.locator('.more button');
  assert.match(await more.innerText(), /^显示更多结果（还有约 \d+ 篇）$/);
  assert.equal(await page.locator('nav[aria-labelledby="filter-label"] .chip-count').count(), 0, 'no department counts while the count is an estimate');
  await page.screenshot({ path: `${OUT}archive-estimate-390.png` });
  await more.click();
  await page.waitForFunction(() => !/约/.test(document.querySelector('.list-status').textContent));
  assert.ok(page.files.filter((f) => TEXT.test(f.url)).length > first, 'more statements fetched');
  assert.match(await page.locator('.list-status').innerText(), /^找到 \d+ 篇/);
  assert.ok((await page.locator('nav[aria-labelledby="filter-label"] .chip-count').count()) > 0, 'counted again once every match is at hand');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('a search held to a department across the archive fetches only its statements, found and counted', async () => {
  const page = await open(`#/?q=${encodeURIComponent('工作')}&dept=${encodeURIComponent('区教育局')}`);
  await page.waitForFunction(() => /^在区教育局中找到 \d+ 篇$/.test(document.querySelector('.list-status').textContent) && !document.querySelector('.pending'));
  const texts = page.files.filter((f) => TEXT.test(f.url));
  assert.ok(texts.length > 0, 'statements of other pages fetched');
  for (const t of texts) {
    const json = readFileSync(join(SERIES, new URL(t.url).pathname), 'utf8').split('\n').slice(1).join('\n');
    const departments = JSON.parse(json).pages.flatMap((p) => p.articles.map((a) => a.department_short));
    assert.deepEqual(departments, ['区教育局'], `${t.url}: another department's statement`);
  }
  // 区教育局 has two statements on page 3, one on page 4 and one on page 5 (at hand), each with 工作.
  assert.equal(texts.length, 3, texts.map((t) => t.url).join());
  assert.equal(await page.locator('.card').count(), 4);
  assert.equal(await page.locator('.list-status').innerText(), '在区教育局中找到 4 篇');
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
  assert.ok(said.length > 0, 'the buckets that did not come are named');
  assert.ok(said.every((p) => /^data\/index-[0-9a-f]{16}\/b\d+\.bin: no answer \(Offline\)$/.test(p)), said.join('\n'));
  await page.done();
});

test('a corrupted bucket, a corrupted statement and a page cut short are refused, with the notice; what did arrive is searched', async () => {
  const corrupting = (which) => (context) =>
    context.route(DATA, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      // One byte changed, the length kept.
      if (which.test(route.request().url())) body[body.length - 3] ^= 1;
      await route.fulfill({ response, body });
    });
  const page = await open('', corrupting(BUCKET));
  await page.locator('#search').fill('测试样例');
  await page.waitForSelector('.pending-fault');
  assert.match(await page.locator('.pending').innerText(), /收到的文件不完整/);
  await eventually(page, '.list-status', '找到 4 篇');
  assert.ok(page.problems.length > 0 && page.problems.every((p) => /^data\/index-[0-9a-f]{16}\/b\d+\.bin: checksum does not match \(Damaged\)$/.test(p)), page.problems.join('\n'));
  await page.done();

  const text = await open('', corrupting(/\/a12\.json$/));
  await text.locator('#search').fill('测试样例');
  await text.waitForSelector('.pending-fault');
  await eventually(text, '.list-status', '找到约 10 篇');
  assert.equal(await text.locator('.card').count(), 9, 'nine found, the tenth counted as likely');
  assert.equal(text.problems.length, 1, `asked for once, not again when the others came: ${text.problems.join('\n')}`);
  assert.match(text.problems[0], /^data\/index-[0-9a-f]{16}\/a12\.json: digest [0-9a-f]{16}, not [0-9a-f]{16} \(Damaged\)$/);
  await text.done();

  const short = await open('#/?page=3', (context) =>
    context.route(DATA, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.body()).subarray(0, 1000) });
    }),
  );
  await short.waitForSelector('.pending-fault');
  assert.match(await short.locator('.pending').innerText(), /收到的文件不完整/);
  assert.match(short.problems.join('\n'), /^data\/pages-[0-9a-f]{16}\/page-3\.json: digest [0-9a-f]{16}, not [0-9a-f]{16} \(Damaged\)$/m);
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
