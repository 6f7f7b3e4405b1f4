// Tier 3b: the pre-rendered pages. Without JavaScript the list and every article can be
// read and their links work; with it, the WASM takes over the DOM already shown
// (hydration) instead of replacing it, and a stored theme applies before it starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openHeldBack, OUT, siteFixture } from './harness.mjs';

const site = siteFixture();

const IDS = ['3-01', '3-02', '3-03', '3-04', '3-05', '3-06', '3-07', '3-08', '3-09', '3-10'];

test('without JavaScript, the list and every article can be read and the links work', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(site.server.url);
  assert.equal(await page.locator('h1').innerText(), '各部门党委(党组)成员召开集中学习交流会（三）');
  assert.equal(await page.locator('.card').count(), 10);
  assert.equal(await page.locator('.search').isVisible(), false, 'controls that need the app are hidden');
  await page.screenshot({ path: `${OUT}nojs-list.png` });
  await page.locator('.card-link').first().click();
  await page.waitForURL(/\/a\/3-01\/$/);
  assert.equal(await page.locator('.article h1').innerText(), '区残联');
  assert.ok((await page.locator('.article-body p').count()) > 5, 'the whole article is there');
  assert.match(await page.title(), /^区残联 谢建青：/);
  await page.screenshot({ path: `${OUT}nojs-article.png`, fullPage: false });
  await page.locator('.pager a').last().click();
  await page.waitForURL(/\/a\/3-02\/$/);
  await page.locator('.back').click();
  await page.waitForURL(site.server.url);
  assert.equal(await page.locator('.card').count(), 10);
  for (const id of IDS) {
    const response = await page.goto(`${site.server.url}a/${id}/`);
    assert.equal(response.status(), 200, id);
    const text = await page.locator('.article').innerText();
    assert.ok(text.length > 800, `${id}: article text present (${text.length} characters)`);
    assert.ok(await page.locator('.signature').isVisible(), `${id}: signature shown`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens `path` with the WASM held back until `release()` (see harness.mjs). */
const openHeld = (path, options) => openHeldBack(site, path, options);

test('the list shows before the WASM, and the WASM takes over the same DOM', async () => {
  const { page, problems, release, close } = await openHeld('');
  assert.equal(await page.locator('.card').count(), 10, 'cards are there before any WASM');
  await page.evaluate(() => { document.querySelector('main').probe = 'prerendered'; });
  release();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  // Hydrated: interactive now, and main is still the very node that was pre-rendered.
  await page.getByRole('button', { name: /区财政局/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  assert.equal(await page.evaluate(() => document.querySelector('main').probe), 'prerendered', 'no re-render');
  assert.match(await page.locator('.card-link').first().getAttribute('href'), /^#\/a\//, 'links became app routes');
  assert.deepEqual(problems, []);
  await close();
});

test('the WASM is fetched only once the page has been painted, on a phone\'s connection too', async () => {
  for (const phone of [false, true]) {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 90_000 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await page.goto(site.server.url);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    const { paint, wasm, preloads } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      wasm: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.startTime),
      preloads: document.querySelectorAll('link[rel=preload]').length,
    }));
    assert.equal(wasm.length, 1, 'fetched once');
    assert.ok(wasm[0] > paint, `phone ${phone}: the WASM's request (${wasm[0]} ms) after the first paint (${paint} ms)`);
    assert.equal(preloads, 0, 'no preload starts it before');
    await context.close();
  }
});

for (const size of ['standard', 'largest']) {
  test(`no layout shift when the app takes over the pre-rendered list on a phone, ${size} text`, async () => {
    const { page, problems, release, close } = await openHeld('', {
      init: `localStorage.setItem('gongshu-reader.text-size', '${size}');
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
          .observe({ type: 'layout-shift', buffered: true });`,
    });
    await page.waitForSelector('.card');
    release();
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], `cumulative layout shift ${shifts.reduce((a, b) => a + b, 0)}`);
    assert.deepEqual(problems, []);
    await close();
  });
}

test('an article page hydrates, and its links then move within the app', async () => {
  const { page, problems, release, close } = await openHeld('a/3-05/');
  assert.equal(await page.locator('.article h1').innerText(), '区住建局、区人防办（区民防局）');
  await page.evaluate(() => { document.querySelector('.article').probe = 'prerendered'; });
  release();
  await page.waitForFunction(() => document.querySelector('.pager a')?.getAttribute('href')?.startsWith('#'));
  assert.equal(await page.evaluate(() => document.querySelector('.article').probe), 'prerendered');
  await page.locator('.pager a').last().click();
  await page.waitForFunction(() => !document.querySelector('.article h1')?.textContent.startsWith('区住建局'));
  assert.match(page.url(), /\/a\/3-05\/#\/a\/3-06$/);
  assert.match(await page.title(), /^区教育局 /, 'the tab names the article shown');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.article h1')?.textContent.startsWith('区住建局'));
  assert.deepEqual(problems, []);
  await close();
});

test('what a reader types before the WASM starts is kept and searched', async () => {
  const { page, problems, release, close } = await openHeld('');
  await page.locator('#search').fill('残联');
  release();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  assert.equal(await page.locator('#search').inputValue(), '残联');
  assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), '#/?q=残联');
  assert.deepEqual(problems, []);
  await close();
});

test('a hash deep link never flashes the pre-rendered list, and a stored theme applies at once', async () => {
  const { page, problems, release, close } = await openHeld('#/a/3-04', {
    // Quoted, as earlier versions stored it: still read.
    init: () => localStorage.setItem('gongshu-reader.theme', JSON.stringify('dark')),
  });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'before the WASM');
  assert.equal(await page.locator('#app').evaluate((e) => getComputedStyle(e).visibility), 'hidden',
    'the list under an article link stays hidden');
  release();
  await page.waitForSelector('.article');
  assert.equal(await page.locator('#app').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  assert.equal(await page.locator('.article h1').innerText(), '区招商局（区经合办）');
  assert.deepEqual(problems, []);
  await close();
});

test('when the app cannot start, a hash link falls back on the pre-rendered pages', async () => {
  // A refused WASM stands in for every way the app can fail to start (an old browser, the
  // CSP's 'wasm-unsafe-eval' unsupported, a broken download): the same uncaught error.
  // Timers are faked, so only that error can explain a move before the four seconds.
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  // Paused: time moves only by runFor.
  await page.clock.install({ time: 0 });
  await page.clock.pauseAt(1000);
  await page.goto(`${site.server.url}?embed=0#/a/3-04?q=%E6%8B%9B%E5%95%86`);
  await page.clock.runFor(1000);
  await page.waitForURL(/\/a\/3-04\/\?embed=0$/);
  await page.waitForSelector('.article h1');
  assert.equal(await page.locator('.article h1').innerText(), '区招商局（区经合办）');
  assert.equal(await page.locator('#app').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  // A search has no page of its own, nor does an article page's own route: shown, not left hidden.
  for (const path of ['#/?q=%E6%AE%8B%E8%81%94', 'a/3-02/#/a/3-02']) {
    await page.goto(`${site.server.url}${path}`);
    await page.clock.runFor(1000);
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-pending'));
    assert.equal(new URL(page.url()).hash, path.slice(path.indexOf('#')), `${path}: no redirect`);
    assert.equal(await page.locator('#app').evaluate((e) => getComputedStyle(e).visibility), 'visible', path);
  }
  assert.equal(await page.locator('.article h1').innerText(), '区商务局（区旅游局）');
  await context.close();
});

test('an app that has not started after four seconds also falls back on the article page', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.route(/\.wasm$/, () => {}); // never answered: a stalled download
  const page = await context.newPage();
  await page.clock.install({ time: 0 });
  await page.clock.pauseAt(1000);
  await page.goto(`${site.server.url}#/a/3-05`);
  await page.clock.runFor(3900);
  assert.equal(new URL(page.url()).hash, '#/a/3-05', 'still waiting for the app');
  assert.equal(await page.locator('#app').evaluate((e) => getComputedStyle(e).visibility), 'hidden');
  await page.clock.runFor(200);
  await page.waitForURL(/\/a\/3-05\/$/);
  await page.waitForSelector('.article h1');
  await context.close();
});

test("a portal's theme parameter wins over the stored theme before the WASM starts", async () => {
  const { page, problems, release, close } = await openHeld('?theme=light', {
    init: () => localStorage.setItem('gongshu-reader.theme', JSON.stringify('dark')),
  });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  release();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.deepEqual(problems, []);
  await close();
});

test('the skip link on a pre-rendered article works before and after the app starts', async () => {
  const { page, problems, release, close } = await openHeld('a/3-02/');
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  assert.match(page.url(), /\/a\/3-02\/#main$/);
  release();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('.article h1').innerText(), '区商务局（区旅游局）', 'still the article, not the list');
  assert.deepEqual(problems, []);
  await close();
});
