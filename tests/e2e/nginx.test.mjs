// Tier 3b: the built site served by nginx with deploy/nginx.conf, as a host serves it:
// the headers per kind of file (the series site's search index too), the precompressed
// files chosen by Accept-Encoding, the reader working through it, and frame-ancestors
// letting the named portal frame it and refusing any other (in Chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { REFERENCE, assertFresh, launchBrowser, openPage, servePage } from './harness.mjs';
import { freePort, startNginx } from '../support/nginx.mjs';
import { ROOT, siteTool } from '../support/site-tool.mjs';

const SERIES = fileURLToPath(new URL('../../target/series-dist/', import.meta.url));

let nginx;
let base;
let series; // the three-page series site, with its search index: { base, server }
let browser;
let allowed; // the portal origin that may frame the reader

/** GET `path` of `at` (the reference site's nginx by default) with `headers`; resolves to
 * { status, headers, bytes }. */
const get = (path, headers = {}, at = base) => new Promise((resolve, reject) => {
  request(`${at}${path}`, { headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks) }));
  }).on('error', reject).end();
});

before(async () => {
  assertFresh(REFERENCE);
  assertFresh(SERIES);
  allowed = await servePage(() => '<!doctype html><title>门户</title><iframe title="阅读器"></iframe>');
  ({ base, server: nginx } = await startNginx(REFERENCE, allowed.origin));
  series = await startNginx(SERIES, allowed.origin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  nginx?.kill();
  series?.server.kill();
  await allowed?.close();
});

const hashed = (prefix, suffix) => readdirSync(REFERENCE).find((f) => f.startsWith(prefix) && f.endsWith(suffix));

test('headers per kind of file: security on all, revalidation for pages, a year for hashed files', async () => {
  const frameAncestors = `frame-ancestors 'self' ${allowed.origin}`;
  for (const [path, type, cache] of [
    ['', 'text/html; charset=utf-8', 'no-cache'],
    ['a/3-01/', 'text/html; charset=utf-8', 'no-cache'],
    ['embed.js', 'application/javascript', 'no-cache'],
    [hashed('gongshu-reader-', '_bg.wasm'), 'application/wasm', 'public, max-age=31536000, immutable'],
    [hashed('main-', '.css'), 'text/css', 'public, max-age=31536000, immutable'],
    [hashed('start-', '.js'), 'application/javascript', 'public, max-age=31536000, immutable'],
    // The glue: its hash may have fewer than 16 digits.
    [readdirSync(REFERENCE).find((f) => /^gongshu-reader-[0-9a-f]+\.js$/.test(f)), 'application/javascript',
      'public, max-age=31536000, immutable'],
    // A page's articles, for the pages that do not carry them: in a folder named by their digest.
    [`data/${readdirSync(join(REFERENCE, 'data')).find((f) => /^pages-[0-9a-f]{16}$/.test(f))}/page-3.json`, 'application/json',
      'public, max-age=31536000, immutable'],
  ]) {
    const { status, headers } = await get(path);
    assert.equal(status, 200, path);
    assert.ok(headers['content-type'].startsWith(type), `${path}: ${headers['content-type']}`);
    assert.equal(headers['cache-control'], cache, path);
    assert.equal(headers['content-security-policy'], frameAncestors, path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin', path);
  }
  assert.equal((await get('a/')).status, 404, 'a folder without a page');
  const missing = await get('no/such/page');
  assert.equal(missing.status, 404);
  assert.ok(missing.headers['content-type'].startsWith('text/html'), missing.headers['content-type']);
  assert.equal(missing.headers['content-security-policy'], frameAncestors, 'the headers on errors too');
});

test('the search index of a series: a year, immutable, precompressed, the same security headers', async () => {
  const data = join(SERIES, 'data');
  const index = readdirSync(data).find((f) => /^index-[0-9a-f]{16}$/.test(f));
  assert.ok(index, `an index folder in ${data}`);
  const files = readdirSync(join(data, index));
  const bucket = files.find((f) => /^b\d+\.bin$/.test(f));
  const statement = files.find((f) => /^a\d+\.json$/.test(f));
  for (const [file, type] of [[bucket, 'application/octet-stream'], [statement, 'application/json']]) {
    const path = `data/${index}/${file}`;
    const { status, headers, bytes } = await get(path, { 'accept-encoding': 'gzip, deflate, br' }, series.base);
    assert.equal(status, 200, path);
    assert.ok(headers['content-type'].startsWith(type), `${path}: ${headers['content-type']}`);
    assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable', path);
    assert.equal(headers['content-encoding'], 'br', `${path}: the build's brotli sibling`);
    assert.equal(bytes.length, statSync(join(data, index, `${file}.br`)).size, path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.equal(headers['content-security-policy'], `frame-ancestors 'self' ${allowed.origin}`, path);
  }
  assert.equal((await get(`data/${index}/`, {}, series.base)).status, 404, 'no listing of the folder');
  assert.equal((await get(`data/${index}/b999999.bin`, {}, series.base)).status, 404, 'a bucket it does not have');
});

test('an address with no page gets the not-found page with a way back, with and without the app', async () => {
  const body = (await get('no/such/page')).bytes.toString('utf8');
  assert.match(body, /<h1 id="?page-title"?[^>]*>没有找到这个页面<\/h1>/);
  assert.match(body, /<title>没有找到这个页面 · 拱墅区<\/title>/);
  assert.match(body, /href="?\/"?[^>]*>返回文章列表/);
  // With the app, the same page: the not-found view, not the list under a 404 status.
  const lost = await openPage(browser, `${base}no/such/page`);
  await lost.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await lost.locator('h1').innerText(), '没有找到这个页面');
  assert.equal(await lost.locator('.card').count(), 0, 'no article cards');
  assert.equal(await lost.title(), '没有找到这个页面 · 拱墅区');
  assert.equal(await lost.getByRole('link', { name: '返回文章列表' }).getAttribute('href'), '/');
  assert.deepEqual(lost.problems.filter((p) => !p.includes('status of 404')), []);
  await lost.done();
  // With the app: an unknown article's address gets the app's own notice for that id.
  const page = await openPage(browser, `${base}a/3-99/`);
  await page.waitForSelector('.not-found');
  assert.equal(await page.locator('h1').innerText(), '没有找到这篇文章');
  assert.equal(await page.locator('.bad-id').innerText(), '3-99');
  await page.getByRole('link', { name: '返回文章列表' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 10);
  // Chromium logs the page's own 404 status; anything else would be a problem.
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 404')), []);
  await page.done();
});

test('the precompressed files, chosen by Accept-Encoding', async () => {
  const wasm = hashed('gongshu-reader-', '_bg.wasm');
  const plain = await get(wasm, { 'accept-encoding': 'identity' });
  const br = await get(wasm, { 'accept-encoding': 'gzip, deflate, br, zstd' });
  const gz = await get(wasm, { 'accept-encoding': 'gzip' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(br.bytes.length < gz.bytes.length && gz.bytes.length < plain.bytes.length / 2,
    `br ${br.bytes.length} < gzip ${gz.bytes.length} < raw ${plain.bytes.length}`);
  assert.match(br.headers.vary ?? '', /Accept-Encoding/i);
  const page = await get('', { 'accept-encoding': 'br' });
  assert.equal(page.headers['content-encoding'], 'br');
});

test('the reader works through nginx, and only the named portal may frame it', async () => {
  const page = await openPage(browser, base);
  await page.locator('#search').fill('残联');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  assert.deepEqual(page.problems, []);
  await page.done();

  const framed = async (portal) => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const refused = [];
    tab.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
    await tab.goto(portal.url);
    await tab.locator('iframe').evaluate((f, src) => { f.src = src; }, base);
    await tab.waitForTimeout(1500);
    const loaded = await tab.frames()[1]?.evaluate(() => document.querySelectorAll('.card').length).catch(() => 0);
    await context.close();
    return { loaded, refused };
  };
  const ok = await framed(allowed);
  assert.ok(ok.loaded >= 10 && ok.refused.length === 0, `the named portal frames the reader: ${JSON.stringify(ok)}`);
  const stranger = await servePage(() => '<!doctype html><title>别处</title><iframe title="阅读器"></iframe>');
  const no = await framed(stranger);
  await stranger.close();
  assert.equal(no.loaded, 0, 'another origin gets no reader');
  assert.ok(no.refused.length > 0, 'Chromium says why: frame-ancestors');
});

test('./dev serve (site serve) serves a checkout that lies in a private (0700) folder', async () => {
  // As root, nginx's workers are `nobody`, who cannot enter such a folder: `site serve`
  // (what `./dev serve` runs after its build) must serve it all the same.
  const secret = mkdtempSync(join(tmpdir(), 'private-'));
  chmodSync(secret, 0o700);
  const dist = join(secret, 'checkout', 'dist');
  cpSync(REFERENCE, dist, { recursive: true });
  const port = await freePort();
  const server = spawn(...siteTool('serve', `${dist}/`, '--port', String(port)), {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  server.stdout.on('data', (d) => { said += d; });
  server.stderr.on('data', (d) => { said += d; });
  try {
    let answer;
    for (let i = 0; i < 100 && !answer; i += 1) {
      answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      if (!answer) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(answer, `nginx answered: ${said}`);
    assert.equal(answer.status, 200, said);
    assert.match(await answer.text(), /各部门党委/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/a/3-01/`)).status, 200);
    if (process.getuid?.() === 0) assert.match(said, /cannot read .*serving a copy/, 'it says what it did');
  } finally {
    server.kill();
    rmSync(secret, { recursive: true, force: true });
    // The copy it served from, which it names.
    const copy = /serving a copy, (\S+?)\/?(?:\s|\x1b|$)/.exec(said)?.[1];
    if (copy?.includes('gongshu-serve.')) rmSync(copy, { recursive: true, force: true });
  }
});
