// The data a page carries for the app (issue 27): the WASM holds no content, so a page
// whose data is missing, cut short, corrupt or of another shape must not blank or trap.
// The app then leaves the pre-rendered page as it is (it reads, its links work) and says
// why on the console; nothing else goes wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFixture, reportCspViolations } from './harness.mjs';

const site = siteFixture();

const DATA = /(<script type="application\/json" id="reader-data">)([^<]*)(<\/script>)/;
const FAULTS = [
  ['missing', (html) => html.replace(DATA, ''), 'the page carries no data'],
  ['cut short', (html) => html.replace(DATA, (_, open, json, close) => open + json.slice(0, json.length / 2) + close), 'not JSON'],
  ['corrupt', (html) => html.replace(DATA, (_, open, json, close) => `${open}{,${json.slice(1)}${close}`), 'not JSON'],
  ['of another shape', (html) => html.replace(DATA, (_, open, json, close) => open + json.replace('"names":', '"nomen":') + close), 'names: not a list'],
  ['with names that are not the articles\'', (html) => html.replace(DATA, (_, open, json, close) => open + json.replace(/"names":\[\{[^}]*\},/, '"names":[') + close), '10 articles but names for 9'],
];

for (const [what, mangle, said] of FAULTS) {
  test(`data ${what}: the pre-rendered page stays, readable, and the console says why`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(reportCspViolations);
    await context.route((url) => url.pathname === '/', async (route) => {
      const html = await (await route.fetch()).text();
      assert.match(html, DATA, 'the page carries data to spoil');
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: mangle(html) });
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
    const told = page.waitForEvent('console', (m) => m.text().startsWith('#reader-data:'));
    await page.goto(site.server.url);
    assert.match((await told).text(), new RegExp(said.replace(/[()]/g, '\\$&')));
    // A moment for anything that would follow (a trap's notice, a render) to show.
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.card').count(), 10, 'the pre-rendered cards are still there');
    assert.equal(await page.locator('.panic-notice').count(), 0, 'no trap');
    assert.equal(await page.locator('html[data-ready]').count(), 0, 'the app did not start');
    assert.equal(problems.length, 1, problems.join('\n'));
    await page.locator('.card-link').first().click();
    await page.waitForURL(/\/a\/3-01\/$/);
    assert.match(await page.locator('h1').innerText(), /区/, 'its links lead on, to a page of its own data');
    await context.close();
  });
}
