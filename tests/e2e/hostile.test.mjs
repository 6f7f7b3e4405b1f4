// Tier 3b: hostile input through every door a stranger has — the search box, the URL hash,
// the query parameters — under the site's Content-Security-Policy; and what a reader sees
// when the app itself breaks. Each case must leave no script run, no error, a usable page
// and a sane URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, OUT, siteFixture } from './harness.mjs';

const site = siteFixture();

/** What a prober tries. Every value is also a would-be script: `__pwned` must stay unset. */
const HOSTILE = {
  markup: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
  attribute: '"><svg onload=window.__pwned=1>\'',
  'javascript: URL': 'javascript:window.__pwned=1',
  '100,000 Han characters': '残'.repeat(100_000),
  '100,000 letters': 'a'.repeat(100_000),
  'broken percent-encoding': '%E4%B8%ZZ%%2',
  'control characters': '\u0000\u0001\u0007\u001b[31m残联\u007f\u0085',
  'bidi overrides': '\u202E联残\u202C\u2066x\u2069\u200F',
  'zero-width characters': '残\u200B联\uFEFF\u200D',
  emoji: '👨‍👩‍👧‍👦🇨🇳残联',
};

/** The page is alive: main rendered, nothing ran, no error, the URL bounded. */
async function assertSane(page, what, { urlBound = true } = {}) {
  assert.ok(await page.locator('main').isVisible(), `${what}: main is shown`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: no script ran`);
  if (urlBound) {
    const length = await page.evaluate(() => location.href.length);
    assert.ok(length < 4000, `${what}: URL stays bounded (${length})`);
  }
  assert.deepEqual(page.problems, [], what);
}

/** The search still answers: the page stayed usable. */
async function assertSearchWorks(page, what) {
  await page.goto(`${site.server.url}#/`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.locator('#search').fill('残联');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1, null, { timeout: 5000 });
  assert.deepEqual(page.problems, [], what);
}

test('hostile text typed into the search box', async () => {
  const page = await openPage(site.browser, site.server.url);
  for (const [name, value] of Object.entries(HOSTILE)) {
    await page.locator('#search').fill(value);
    await page.waitForFunction(() => document.querySelector('.list-status, .empty, .card') !== null);
    await assertSane(page, `search: ${name}`);
    const query = await page.evaluate(() => document.querySelector('#search').value);
    assert.ok([...query].length <= 200, `search: ${name}: the box keeps at most 200 characters`);
  }
  await page.screenshot({ path: `${OUT}hostile-search.png` });
  await assertSearchWorks(page, 'search box');
  await page.done();
});

test('hostile hashes: query, article id, department, and the whole hash', async () => {
  const page = await openPage(site.browser, site.server.url);
  for (const [name, value] of Object.entries(HOSTILE)) {
    for (const form of [`#/?q=${value}`, `#/a/${value}`, `#/?dept=${value}`, `#${value}`, `#/?q=${encodeURIComponent(value)}`]) {
      // A fresh load, as when a link is opened.
      await page.goto('about:blank');
      await page.goto(`${site.server.url}${form}`);
      await page.waitForSelector('html[data-ready]', { state: 'attached' });
      await assertSane(page, `hash ${name} (${form.slice(0, 12)}…)`);
    }
    // The same document, as when a link inside a page is followed.
    await page.evaluate((v) => { location.hash = `#/?q=${v}`; }, value);
    await page.waitForFunction(() => location.hash.length < 4000);
    await assertSane(page, `hash change ${name}`);
  }
  // An unknown id says so; an unknown department is named in a notice.
  await page.goto(`${site.server.url}#/a/${encodeURIComponent(HOSTILE.markup)}`);
  await page.waitForSelector('.not-found');
  assert.match(await page.locator('.not-found').innerText(), /<img src=x/);
  await page.goto(`${site.server.url}#/?dept=${encodeURIComponent(HOSTILE.attribute)}`);
  await page.waitForSelector('.notice');
  assert.equal(await page.locator('.card').count(), 10, 'the unknown department is ignored');
  await assertSearchWorks(page, 'after hostile hashes');
  await page.done();
});

test('a hash with junk is tidied in the address bar, a clean one is left alone', async () => {
  const page = await openPage(site.browser, `${site.server.url}#/?utm_source=x&q=${'残'.repeat(5000)}%E2%80%AE`);
  await page.waitForFunction(() => location.hash.length < 2000);
  const query = await page.evaluate(() => new URLSearchParams(decodeURIComponent(location.hash).split('?')[1]).get('q'));
  assert.equal(query, '残'.repeat(200), 'the query is cut to 200 characters and the override dropped');
  assert.ok(!(await page.evaluate(() => location.hash)).includes('utm_source'));
  const clean = `${site.server.url}#/a/3-02?dept=%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80`;
  await page.goto(clean);
  await page.waitForSelector('.article');
  assert.equal(page.url(), clean);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('hostile query parameters: theme, department, frame id, origin, title', async () => {
  for (const [name, value] of Object.entries(HOSTILE)) {
    // Query parameters travel to the server, which refuses URLs past a few kilobytes
    // (414); the long cases go through the hash at full length, here cut to 200.
    const v = encodeURIComponent(value.slice(0, 200));
    for (const query of [`?theme=${v}&dept=${v}&id=${v}&origin=${v}&title=${v}`, `?embed=1&theme=${v}&dept=${v}&id=${v}&origin=${v}`]) {
      const page = await openPage(site.browser, `${site.server.url}${query}`);
      // The query string is the portal's, so it is left as given; the app bounds what it reads.
      await assertSane(page, `params ${name}`, { urlBound: false });
      assert.ok(['light', 'dark', 'system'].includes(await page.evaluate(() => document.documentElement.dataset.theme)));
      await page.done();
    }
  }
});

test('the Content-Security-Policy is in force: no eval, no inline script', async () => {
  const page = await openPage(site.browser, site.server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  // The one inline script is boot.js, allowed by its hash alone; the page's data is a
  // data block (`type="application/json"`), which no browser runs.
  const inline = await page.locator('script:not([src]):not([type="application/json"])').allTextContents();
  assert.equal(inline.length, 1);
  assert.equal(await page.locator('script[type="application/json"]').count(), 1, 'one data block');
  assert.equal(await page.locator('script[type="application/json"]').getAttribute('id'), 'reader-data');
  assert.match(inline[0], /gongshu-reader\.theme/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}=';/);
  // DevTools evaluation itself is exempt from CSP, so probe through the DOM: every way of
  // turning a string into script is refused (Trusted Types throw before CSP even looks).
  const blocked = await page.evaluate(() => {
    const attempt = (f) => { try { f(); return 'ran'; } catch (e) { return e.name; } };
    return {
      external: attempt(() => { document.createElement('script').src = 'data:text/javascript,window.__pwned=1'; }),
      inline: attempt(() => { document.createElement('script').textContent = 'window.__pwned=1'; }),
      html: attempt(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=1">')),
      handler: attempt(() => { const d = document.createElement('div'); d.setAttribute('onclick', 'window.__pwned=1'); d.click(); }),
      pwned: window.__pwned,
    };
  });
  assert.deepEqual(blocked, { external: 'TypeError', inline: 'TypeError', html: 'TypeError', handler: 'TypeError', pwned: undefined });
  // Each refusal is reported as a violation; nothing else is.
  // (Chromium logs each refusal, and our listener logs each violation event.)
  for (let i = 0; i < 50 && page.problems.length < 8; i += 1) await page.waitForTimeout(20);
  assert.equal(page.problems.length, 8, page.problems.join('\n'));
  assert.ok(page.problems.every((p) => /require-trusted-types-for|requires 'Trusted/.test(p)), page.problems.join('\n'));
  page.problems.length = 0;
  await page.goto(`${site.server.url}#/a/3-01`);
  await page.waitForSelector('.article');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('when the app breaks, the reader sees a notice and a way back, never a frozen page', async () => {
  const page = await openPage(site.browser, site.server.url);
  // What page-translation extensions do: swap the text nodes under the app for their own
  // elements. Yew then fails to insert next to nodes that are gone, and panics.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const n of nodes) {
      const font = document.createElement('font');
      font.textContent = n.nodeValue;
      n.replaceWith(font);
    }
    document.querySelectorAll('.card-meta, .list-status').forEach((e) => e.remove());
  });
  await page.locator('#search').fill('残联');
  const notice = page.getByRole('alert').filter({ hasText: '页面出现问题' });
  await notice.waitFor();
  assert.ok(await page.locator('main').isVisible(), 'what was shown stays readable');
  // Panics are immediate aborts in the release build: the WASM traps, and the start-up
  // script's listener (src/web/panic.js) logs the trap and shows the notice.
  assert.ok(page.problems.some((p) => p.includes('拱墅区阅读器内部错误: RuntimeError')), page.problems.join('\n'));
  assert.equal(await page.locator('.panic-notice').count(), 1, 'one notice, however many errors followed');
  const reload = await notice.getByRole('link', { name: '重新加载' }).getAttribute('href');
  assert.equal(reload, site.server.url, 'a full same-origin reload of the list, not a hash change');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'panic-reload', 'focus moves to the way out');
  await page.screenshot({ path: `${OUT}panic-notice.png` });
  page.problems.length = 0;
  await notice.getByRole('link', { name: '重新加载' }).click();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('#panic-notice').count(), 0);
  await page.locator('#search').fill('残联');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  assert.deepEqual(page.problems, [], 'the reloaded page works');
  await page.done();
});
