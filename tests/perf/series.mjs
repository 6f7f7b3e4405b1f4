// The archive benchmark (issue 27): generated series of 1, 10 and 100 pages
// (SERIES_PAGES, default "1,10,100"), against Pagefind over the same articles, in one run.
// Not a test; `./dev bench` runs it. For each size, the real page 3 plus test pages made by
// tests/support/series.mjs --sentences (new combinations of the real sentences, ten
// statements a page), ingested as an editor would, built as the release is (`site build`,
// crates/site), then measured in headless Chromium, served brotli from the build's
// precompressed files, on the phone profile (4× CPU, 1.6 Mbit/s, 150 ms RTT), cold cache,
// median of RUNS (default 3):
// - build time and the size of dist/ (files, and with their .gz/.br siblings);
// - first load of the newest page's list and of its first article, gzip and brotli
//   (tests/perf/first-load.mjs), and what a returning reader (the code cached) fetches to
//   see the newest page: its list's HTML, brotli (the target: at most 25 KB);
// - a query typed as soon as the box is there: the first answer (from the page at hand)
//   and the answer across the archive (through the sharded index: its buckets and its best
//   statements in, no notice left), from navigation start; the data files that took, their
//   count and bytes on the wire;
// - a second query: what it fetches more;
// - keystroke → results once everything is in, the median of several queries;
// - Pagefind 1.6 over the same articles (tests/perf/pagefind-site.mjs), served the same way:
//   the first answer (its first result's data loaded) and the bytes its search fetched,
//   library included; the reader's times as ratios of it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/harness.mjs';
import { contentFiles, firstLoad, total } from './first-load.mjs';
import { buildPagefindSite } from './pagefind-site.mjs';
import { serveStatic } from '../support/static-server.mjs';
import { siteTool } from '../support/site-tool.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIZES = (process.env.SERIES_PAGES ?? '1,10,100').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);
const QUERY = '残联';
const SECOND = '学校';
const KEYSTROKES = ['最多跑一次', 'jiaoyu', '社区 服务', '残疾人'];
const DATA = /\/data\/(pages-[0-9a-f]{16}\/page-\d+\.json|index-[0-9a-f]{16}\/[ab]\d+\.(bin|json))$/;

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });

/**
 * The site of the real page and `pages - 1` test pages (4, 5, …): its dist, content and build
 * time. With SERIES_REUSE=1, a site this script built before is measured again as it is, its
 * build time the one it recorded (a 1,000-page site takes most of an hour to build).
 */
function build(pages) {
  const dir = `target/series-bench/${pages}`;
  const recorded = join(ROOT, dir, 'build-seconds');
  if (process.env.SERIES_REUSE === '1' && existsSync(recorded)) {
    const content = pages > 1 ? `content/page-003.json:${dir}` : 'content/page-003.json';
    return { dist: join(ROOT, dir, 'dist/'), content, seconds: Number(readFileSync(recorded, 'utf8')) };
  }
  rmSync(join(ROOT, dir), { recursive: true, force: true });
  let content = 'content/page-003.json';
  if (pages > 1) {
    run('node', ['tests/support/series.mjs', '--sentences', `${dir}/source`, '4', String(pages + 2)]);
    const sources = Array.from({ length: pages - 1 }, (_, i) => `${dir}/source/page-${String(i + 4).padStart(3, '0')}.txt`);
    run('cargo', ['run', '--quiet', '--bin', 'ingest', '--', '--out', dir, ...sources]);
    content = `content/page-003.json:${dir}`;
  }
  const t0 = performance.now();
  run(...siteTool('build', '--content', content, '--out', `${dir}/dist`));
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(recorded, `${seconds}\n`);
  return { dist: join(ROOT, dir, 'dist/'), content, seconds };
}

/** Bytes of the files under `dir`: all of them, and without the precompressed siblings. */
function du(dir) {
  let all = 0;
  let plain = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const st = statSync(join(dir, entry));
    if (!st.isFile()) continue;
    all += st.size;
    if (!/\.(br|gz)$/.test(entry)) plain += st.size;
  }
  return { all, plain };
}

/** A mid-range phone: 4× slower CPU, 1.6 Mbit/s down, 150 ms round trips. Records every
 * response's bytes on the wire (`page.wire`: url and encoded bytes with headers). */
async function phone(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Playwright's events, not the page's CDP session: they see Pagefind's worker too.
  page.wire = [];
  page.on('requestfinished', async (r) => {
    const sizes = await r.sizes();
    page.wire.push({ url: r.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
}

/** Records when the list first shows search results, and when it shows them with no
 * notice of pages still to come (the whole archive searched). */
function watch() {
  new MutationObserver(() => {
    const found = /找到/.test(document.querySelector('.list-status')?.textContent ?? '');
    if (found && window.__answered === undefined) window.__answered = performance.now();
    if (found && window.__complete === undefined && !document.querySelector('.pending')) window.__complete = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

const dataOf = (wire) => wire.filter((w) => DATA.test(w.url ?? ''));
const sum = (xs) => xs.reduce((a, w) => a + w.bytes, 0);

/** Waits until the list shows results for the query typed and no notice is left. */
const settled = (page) =>
  page.waitForFunction(() => /找到/.test(document.querySelector('.list-status')?.textContent ?? '') && !document.querySelector('.pending'), null, { timeout: 300_000 });

async function reader(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(watch);
  const page = await context.newPage();
  await phone(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('#search').fill(QUERY);
  await page.waitForFunction(() => window.__complete !== undefined, null, { timeout: 300_000 });
  const { answered, complete } = await page.evaluate(() => ({ answered: window.__answered, complete: window.__complete }));
  const first = dataOf(page.wire);
  await page.locator('#search').fill(SECOND);
  await settled(page);
  await page.waitForTimeout(500);
  const second = dataOf(page.wire).slice(first.length);
  // Keystrokes once everything is in and the app is idle: input event → results in the DOM.
  await page.waitForTimeout(2000);
  const latencies = [];
  for (const q of [...KEYSTROKES, ...KEYSTROKES]) {
    latencies.push(
      await page.evaluate(
        (q) =>
          new Promise((resolve) => {
            const input = document.querySelector('#search');
            const status = document.querySelector('.list-status');
            const before = status.textContent + document.querySelector('.cards')?.textContent;
            const t0 = performance.now();
            // A query whose results look like the last one's would wait for ever: not counted.
            setTimeout(() => resolve(NaN), 10_000);
            const seen = new MutationObserver(() => {
              if (status.textContent + document.querySelector('.cards')?.textContent !== before) {
                seen.disconnect();
                resolve(performance.now() - t0);
              }
            });
            seen.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
            input.value = q;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        q,
      ),
    );
    await page.waitForTimeout(200);
  }
  await context.close();
  return {
    answered, complete, latency: median(latencies.filter(Number.isFinite)),
    files: first.length, bytes: sum(first), moreFiles: second.length, moreBytes: sum(second),
  };
}

/** Pagefind: from navigation start until its first result's data is loaded, and every byte it fetched. */
async function pagefind(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await phone(page);
  await page.goto(`${url}search.html?q=${encodeURIComponent(QUERY)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__answered !== undefined, null, { timeout: 300_000 });
  const answered = await page.evaluate(() => window.__answered);
  await page.waitForTimeout(300);
  const search = page.wire.filter((w) => /\/pagefind\//.test(w.url ?? ''));
  await context.close();
  return { answered, files: search.length, bytes: sum(search) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (x) => `${(x / 1000).toFixed(1)} KB`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;
const ms = (x) => `${x.toFixed(0)} ms`;

const rows = [];
for (const pages of SIZES) {
  console.error(`== building the site of ${pages} page(s)`);
  const { dist, content, seconds } = build(pages);
  const newest = contentFiles(content).length;
  const list = await firstLoad('index.html', dist);
  const ids = readdirSync(join(dist, 'a'));
  const newestPage = Math.max(...ids.map((id) => Number(id.split('-')[0])));
  const firstId = ids.filter((id) => id.startsWith(`${newestPage}-`)).sort()[0];
  const article = await firstLoad(`a/${firstId}/index.html`, dist);
  const site = await serveStatic(dist, { compress: true });
  const anchorSite = await serveStatic(`${buildPagefindSite(content)}/`, { compress: true });
  const browser = await launchBrowser();
  const runs = { reader: [], pagefind: [] };
  for (let i = 0; i < RUNS; i += 1) {
    runs.reader.push(await reader(browser, site.url));
    runs.pagefind.push(await pagefind(browser, anchorSite.url));
  }
  await browser.close();
  await site.close();
  await anchorSite.close();
  const m = (key, who = 'reader') => median(runs[who].map((r) => r[key]));
  rows.push({
    pages: newest, seconds, du: du(dist),
    list: [total(list), total(list, 'br')], article: [total(article, 'gzip'), total(article, 'br')], firstId,
    returning: list.find((f) => f.file === 'index.html').br,
    answered: m('answered'), complete: m('complete'), latency: m('latency'),
    files: m('files'), bytes: m('bytes'), moreFiles: m('moreFiles'), moreBytes: m('moreBytes'),
    anchor: m('answered', 'pagefind'), anchorFiles: m('files', 'pagefind'), anchorBytes: m('bytes', 'pagefind'),
  });
}

console.log(`\nThe archive at ${SIZES.join(', ')} pages (ten statements a page), phone profile, served brotli, cold cache, median of ${RUNS}; query ${QUERY}, then ${SECOND}:`);
console.log('| pages | build | dist/ (with .gz, .br) | first load, list: gzip (brotli) | an article | returning reader | first answer | across the archive | its files, bytes | second query | keystroke | Pagefind: answer, files, bytes | first answer ÷ Pagefind | across ÷ Pagefind |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const cells = [
    r.pages, `${r.seconds.toFixed(0)} s`, `${mb(r.du.plain)} (${mb(r.du.all)})`,
    `${kb(r.list[0])} (${kb(r.list[1])})`, `${kb(r.article[0])} (${kb(r.article[1])})`, kb(r.returning),
    ms(r.answered), ms(r.complete), `${r.files}, ${kb(r.bytes)}`, `${r.moreFiles}, ${kb(r.moreBytes)}`,
    `${r.latency.toFixed(1)} ms`, `${ms(r.anchor)}, ${r.anchorFiles}, ${kb(r.anchorBytes)}`,
    (r.answered / r.anchor).toFixed(2), (r.complete / r.anchor).toFixed(2),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
const one = rows.find((r) => r.pages === 1);
for (const r of rows.filter((r) => one && r !== one)) {
  console.log(`${r.pages} pages: the list's first load is ${(((r.list[0] - one.list[0]) / one.list[0]) * 100).toFixed(1)}% over one page's (gzip; target within 2% at 100)`);
}
