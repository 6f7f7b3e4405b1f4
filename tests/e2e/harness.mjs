// Shared end-to-end helpers: the built site served (tests/support/static-server.mjs) once
// its stamp says it is fresh, and a Chromium launcher that never
// downloads anything (Debian's /usr/bin/chromium through playwright-core).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { assertFresh } from '../support/stamp.mjs';
import { serveStatic } from '../support/static-server.mjs';

export { assertFresh };

/**
 * The site the end-to-end tests drive: the release build with the content pinned to page
 * 3, the real page they are written against (`./dev test` builds it; the same site as
 * dist/ while content/ holds only that page). real.test.mjs checks dist/ itself.
 */
export const REFERENCE = fileURLToPath(new URL('../../target/reference-dist/', import.meta.url));

/**
 * Serves the reference site (or another built site, a folder path ending in /) on an
 * ephemeral port of 127.0.0.1; resolves to { url, close }. Refuses a site built from other
 * sources than the files hold now (`assertFresh`).
 */
export async function serveDist(root = REFERENCE) {
  assertFresh(root);
  return serveStatic(root);
}

/**
 * Serves one HTML page at / on another port of 127.0.0.1 (another origin). `html` gets
 * the page's own origin. Resolves to { url, origin, close }.
 */
export async function servePage(html) {
  let origin = '';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(origin));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}/`, origin, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Debian's Chromium headless with the flags this closed, root-run machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/**
 * An init script (for every frame of a context) that logs each Content-Security-Policy
 * violation as a console error, so the tests' problem lists catch them.
 */
export function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
}

/**
 * Opens a page in a fresh context. Console errors and warnings and uncaught exceptions
 * are collected in `page.problems`, which every test asserts empty.
 */
export async function openPage(browser, url, { viewport = { width: 390, height: 844 }, colorScheme = 'light', init } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e}`));
  await context.addInitScript(reportCspViolations);
  if (init) await page.addInitScript(init.fn, init.arg);
  await page.goto(url);
  await page.waitForSelector('main');
  // The page is pre-rendered: wait until the app has taken it over.
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  page.done = () => context.close();
  return page;
}

/**
 * Opens `path` of the `site` fixture with the WASM held back until `release()`: what a
 * slow phone sees first, and a moment to mark the pre-rendered DOM before the app starts.
 * Resolves to { page, problems, release, close }.
 */
export async function openHeldBack(site, path, { init, colorScheme = 'light' } = {}) {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
  await context.addInitScript(reportCspViolations);
  if (init) await context.addInitScript(init);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${site.server.url}${path}`, { waitUntil: 'domcontentloaded' });
  return { page, problems, release, close: () => context.close() };
}

/** Runs axe-core (WCAG 2.1 A/AA and best practices) and returns its violations. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an added
  // <script> tag, and the test must not weaken the policy it is checking.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Where screenshots go. */
export const OUT = fileURLToPath(new URL('./out/', import.meta.url));

/**
 * For a test file: serves the reference site (or `root`) and launches Chromium before its
 * tests, closes both after. Returns the fixture, whose `server` and `browser` are set once
 * the tests run.
 */
export function siteFixture(root = REFERENCE) {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    site.server = await serveDist(root);
    site.browser = await launchBrowser();
    mkdirSync(OUT, { recursive: true });
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Asserts the text of `selector` once it has had a moment (5 s) to become `want`: pages a
 * view needs may be fetched first (each page carries only its own articles).
 */
export async function eventually(page, selector, want) {
  await page.waitForFunction(([s, w]) => document.querySelector(s)?.innerText === w, [selector, want], { timeout: 5000 }).catch(() => {});
  assert.equal(await page.locator(selector).innerText(), want);
}

/**
 * Waits until the portal page's (only) iframe is as tall as the reader's content, within
 * 3 px, and the frame has no scrollbar of its own; fails with the last figures otherwise.
 */
export async function assertFits(page, frame, what) {
  let last;
  for (let i = 0; i < 50; i += 1) {
    const content = await frame.evaluate(() => document.body.scrollHeight);
    const box = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
    last = { content, box, inner };
    if (Math.abs(content - box) <= 3 && inner.scroll <= inner.client + 1) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: frame does not fit its content: ${JSON.stringify(last)}`);
}
