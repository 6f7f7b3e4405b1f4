// Performance report (not a test: it prints figures; `./dev bench` runs it after a release
// build). In headless Chromium, against the built site served compressed as a host would
// (brotli, from the build's .br files) and, in the same run, against a plain static page of
// the same content (the pre-rendered index.html with every script
// removed): first contentful paint, largest contentful paint, time until search answers,
// JS heap and WASM memory; then each first-load file raw and gzip against the budget.
// Each figure is the median of RUNS loads, unthrottled and as a mid-range phone
// (4× slower CPU, 1.6 Mbit/s, 150 ms RTT). Last, the anchor: time until the first search
// answers on the phone, the reader against Pagefind over the same articles, both served
// compressed as a host would, alternating, in the same run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../e2e/harness.mjs';
import { BUDGET, DIST, GOAL, entryPages, firstLoad, total } from './first-load.mjs';
import { buildPagefindSite } from './pagefind-site.mjs';
import { serveStatic } from '../support/static-server.mjs';

const RUNS = Number(process.env.RUNS ?? 5);

/** The built index.html with every script and preload removed: the same content, no app. */
function plainPage(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel=(?:"?modulepreload"?|"?preload"?)[^>]*>/gi, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
}

/** The built site and the plain page (in a folder of its own), both served compressed. */
async function serve() {
  const dir = mkdtempSync(join(tmpdir(), 'plain-page-'));
  writeFileSync(join(dir, 'index.html'), plainPage(await readFile(join(DIST, 'index.html'), 'utf8')));
  const site = await serveStatic(DIST, { compress: true });
  const plain = await serveStatic(`${dir}/`, { compress: true });
  return { url: site.url, plainUrl: plain.url, close: async () => { await site.close(); await plain.close(); } };
}

/** Collects paint timings and, for the app, when it started and its WASM memory. */
function probe() {
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp = Math.max(window.__lcp, e.startTime);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__started = performance.now();
    window.__wasmMemory = () => e.detail.wasm.memory.buffer.byteLength;
  });
}

/** A mid-range phone: 4× slower CPU, 1.6 Mbit/s down, 150 ms round trips. */
async function phoneProfile(cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

async function measure(browser, url, { phone, app }) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (phone) await phoneProfile(cdp);
  await page.goto(url, { waitUntil: 'load' });
  const out = {};
  if (app) {
    // Time until search answers: type as soon as the box exists, from navigation start.
    await page.waitForFunction(() => window.__started !== undefined, null, { timeout: 60_000 });
    await page.locator('#search').fill('残联');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1, null, { timeout: 60_000 });
    out.search = await page.evaluate(() => performance.now());
    out.started = await page.evaluate(() => window.__started);
    out.wasm = await page.evaluate(() => window.__wasmMemory());
  }
  await page.waitForTimeout(300);
  const paint = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__lcp,
  }));
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await context.close();
  return { ...paint, heap: metrics.JSHeapUsedSize, ...out };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '—');
const kib = (x) => (Number.isFinite(x) ? `${(x / 1024).toFixed(0)} KiB` : '—');

const QUERY = '残联';

/** Records when the reader's list first shows the one article the query finds. */
function watchAnswer() {
  new MutationObserver(() => {
    if (window.__answered === undefined && location.hash.includes('q=') && document.querySelectorAll('.card').length === 1) {
      window.__answered = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
}

/** From navigation start until the first search answer, on the phone profile, cold cache.
 * The reader: the query typed into the pre-rendered box as soon as it is there (the app
 * searches it once it starts). Pagefind: its API, searching at once (see pagefind-site.mjs). */
async function firstAnswer(url, reader) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  if (reader) await context.addInitScript(watchAnswer);
  const page = await context.newPage();
  await phoneProfile(await context.newCDPSession(page));
  if (reader) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('#search').fill(QUERY);
  } else {
    await page.goto(`${url}search.html?q=${encodeURIComponent(QUERY)}`, { waitUntil: 'domcontentloaded' });
  }
  await page.waitForFunction(() => window.__answered !== undefined, null, { timeout: 60_000 });
  const answered = await page.evaluate(() => window.__answered);
  const first = reader ? await page.locator('.card-title').innerText() : await page.evaluate(() => window.__first);
  await context.close();
  return { answered, first };
}

async function anchor() {
  const readerSite = await serveStatic(DIST, { compress: true });
  const pagefindSite = await serveStatic(`${buildPagefindSite()}/`, { compress: true });
  const runs = { reader: [], pagefind: [] };
  for (let i = 0; i < RUNS; i += 1) {
    runs.reader.push(await firstAnswer(readerSite.url, true));
    runs.pagefind.push(await firstAnswer(pagefindSite.url, false));
  }
  const r = median(runs.reader.map((x) => x.answered));
  const p = median(runs.pagefind.map((x) => x.answered));
  console.log(`\nFirst search answer (${QUERY}), phone profile, served brotli, cold cache, median of ${RUNS}:`);
  console.log(`  reader ${ms(r)} (first hit ${runs.reader[0].first}); Pagefind 1.6 ${ms(p)} (first hit ${runs.pagefind[0].first})`);
  console.log(`  ratio reader / Pagefind: ${(r / p).toFixed(2)} (goal 0.8 at most, 0.7 wanted)`);
  console.log(`  all runs, reader: ${runs.reader.map((x) => x.answered.toFixed(0)).join(', ')}`);
  console.log(`  all runs, Pagefind: ${runs.pagefind.map((x) => x.answered.toFixed(0)).join(', ')}`);
  await readerSite.close();
  await pagefindSite.close();
}

async function sizes() {
  console.log('\nFirst load of the list (bytes):');
  const files = await firstLoad('index.html');
  for (const f of files) {
    console.log(`  ${f.file.padEnd(48)} ${String(f.raw).padStart(9)} raw ${String(f.gzip).padStart(9)} gzip ${String(f.br).padStart(9)} br`);
  }
  const sum = total(files);
  const against = (limit) => (sum <= limit ? 'within' : `OVER by ${sum - limit}`);
  console.log(`  ${'total'.padEnd(48)} ${' '.repeat(13)} ${String(sum).padStart(9)} gzip ${String(total(files, 'br')).padStart(9)} br`);
  console.log(`  goal ${GOAL}: ${against(GOAL)}; enforced budget ${BUDGET}: ${against(BUDGET)}`);
  const pages = await entryPages();
  const largest = Math.max(...(await Promise.all(pages.map(async (p) => total(await firstLoad(p))))));
  console.log(`  pre-rendered pages: ${pages.length}; largest first load ${largest} gzip`);
}

const browser = await launchBrowser();
const server = await serve();
for (const phone of [false, true]) {
  const runs = { app: [], plain: [] };
  for (let i = 0; i < RUNS; i += 1) {
    runs.app.push(await measure(browser, server.url, { phone, app: true }));
    runs.plain.push(await measure(browser, server.plainUrl, { phone, app: false }));
  }
  const pick = (kind, key) => median(runs[kind].map((r) => r[key]));
  console.log(`\n${phone ? 'Phone (4× CPU, 1.6 Mbit/s, 150 ms)' : 'Unthrottled'}, median of ${RUNS}:`);
  console.log(`  ${''.padEnd(26)} ${'reader'.padStart(10)} ${'plain page'.padStart(11)} ${'ratio'.padStart(7)}`);
  for (const [label, key] of [['first contentful paint', 'fcp'], ['largest contentful paint', 'lcp']]) {
    const a = pick('app', key);
    const p = pick('plain', key);
    console.log(`  ${label.padEnd(26)} ${ms(a).padStart(10)} ${ms(p).padStart(11)} ${(a / p).toFixed(2).padStart(6)}×`);
  }
  console.log(`  ${'WASM started'.padEnd(26)} ${ms(pick('app', 'started')).padStart(10)}`);
  console.log(`  ${'search answers (残联)'.padEnd(24)} ${ms(pick('app', 'search')).padStart(10)}`);
  console.log(`  ${'JS heap'.padEnd(26)} ${kib(pick('app', 'heap')).padStart(10)} ${kib(pick('plain', 'heap')).padStart(11)}`);
  console.log(`  ${'WASM memory'.padEnd(26)} ${kib(pick('app', 'wasm')).padStart(10)}`);
}
await sizes();
await anchor();
await browser.close();
await server.close();
