// Tier 3b: the built site (dist/) served on 127.0.0.1 and driven in headless Chromium.
// Run by ./dev test after `trunk build --release`; screenshots land in tests/e2e/out/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { serveDist, launchBrowser } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
  test(`the list view renders every article (${name})`, async () => {
    const page = await browser.newPage({ viewport });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    const response = await page.goto(server.url);
    assert.equal(response.status(), 200);
    await page.waitForSelector('.card');
    assert.equal(await page.locator('h1').innerText(), '各部门党委(党组)成员召开集中学习交流会（三）');
    assert.equal(await page.locator('.card').count(), 10);
    assert.equal(await page.locator('.card-department').first().innerText(), '区残联');
    await page.screenshot({ path: new URL(`./out/list-${name}.png`, import.meta.url).pathname, fullPage: false });
    assert.deepEqual(problems, []);
    await page.close();
  });
}
