// Where the design of one bundle stops: the series at 1, 5 and 20 pages (SERIES_PAGES,
// default "1,5,20"). Not a test; `./dev bench` runs it. For each size, the real page plus
// test pages made by tests/support/series.mjs --sentences (new combinations of the real
// sentences, so each page brings text of its own, ten statements a page), ingested as an
// editor would, built as the release is (`site build`, crates/site), then measured in headless
// Chromium, served brotli as a host would, on the phone profile (4× CPU, 1.6 Mbit/s,
// 150 ms RTT), median of RUNS (default 3):
// - first load of the list, gzip and brotli, and its code and text (tests/perf/first-load.mjs);
// - start-up: navigation until the app has taken the page over (`data-ready`);
// - first search: navigation until the answer to a query typed at once;
// - search latency: a keystroke's input event until the results are in the DOM, once the
//   app is idle (the index built), the median of several queries.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/harness.mjs';
import { code, contentFiles, firstLoad, text, total } from './first-load.mjs';
import { serveStatic } from '../support/static-server.mjs';
import { siteTool } from '../support/site-tool.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIZES = (process.env.SERIES_PAGES ?? '1,5,20').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);
const QUERIES = ['残联', '学校', '最多跑一次', 'jiaoyu', '社区 服务'];

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });

/** The site of the real page and `pages - 1` test pages (4, 5, …); its dist and content. */
function build(pages) {
  const dir = `target/series-bench/${pages}`;
  rmSync(join(ROOT, dir), { recursive: true, force: true });
  let content = 'content/page-003.json';
  if (pages > 1) {
    run('node', ['tests/support/series.mjs', '--sentences', `${dir}/source`, '4', String(pages + 2)]);
    const sources = Array.from({ length: pages - 1 }, (_, i) => `${dir}/source/page-${String(i + 4).padStart(3, '0')}.txt`);
    run('cargo', ['run', '--quiet', '--bin', 'ingest', '--', '--out', dir, ...sources]);
    content = `content/page-003.json:${dir}`;
  }
  run(...siteTool('build', '--content', content, '--out', `${dir}/dist`));
  return { dist: join(ROOT, dir, 'dist/'), content };
}

/** A mid-range phone: 4× slower CPU, 1.6 Mbit/s down, 150 ms round trips. */
async function phone(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Records when the list first shows search results (the status line says 找到). */
function watch() {
  new MutationObserver(() => {
    if (window.__answered === undefined && /找到/.test(document.querySelector('.list-status')?.textContent ?? '')) {
      window.__answered = performance.now();
    }
    if (window.__ready === undefined && document.documentElement.hasAttribute('data-ready')) {
      window.__ready = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(watch);
  const page = await context.newPage();
  await phone(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('#search').fill(QUERIES[0]);
  await page.waitForFunction(() => window.__answered !== undefined && window.__ready !== undefined, null, { timeout: 120_000 });
  const { ready, answered } = await page.evaluate(() => ({ ready: window.__ready, answered: window.__answered }));
  // Keystrokes once the app is idle: input event → results in the DOM.
  await page.waitForTimeout(3000);
  const latencies = [];
  for (const q of [...QUERIES.slice(1), ...QUERIES.slice(1)]) {
    latencies.push(
      await page.evaluate(
        (q) =>
          new Promise((resolve) => {
            const input = document.querySelector('#search');
            const status = document.querySelector('.list-status');
            const before = status.textContent + document.querySelector('.cards')?.textContent;
            const t0 = performance.now();
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
  return { ready, answered, latency: median(latencies) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (x) => `${(x / 1000).toFixed(1)} KB`;

const rows = [];
for (const pages of SIZES) {
  console.error(`== building the site of ${pages} page(s)`);
  const { dist, content } = build(pages);
  const load = await firstLoad('index.html', dist);
  const site = await serveStatic(dist, { compress: true });
  const browser = await launchBrowser();
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await once(browser, site.url));
  await browser.close();
  await site.close();
  rows.push({
    pages: contentFiles(content).length,
    gzip: total(load),
    br: total(load, 'br'),
    code: code(load),
    text: text(load),
    ready: median(runs.map((r) => r.ready)),
    answered: median(runs.map((r) => r.answered)),
    latency: median(runs.map((r) => r.latency)),
  });
}

console.log(`\nThe series at ${SIZES.join(', ')} pages (ten statements a page), phone profile, served brotli, median of ${RUNS}:`);
console.log('| pages | first load gzip | brotli | code | text | app ready | first search answer | keystroke → results |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const cells = [r.pages, kb(r.gzip), kb(r.br), kb(r.code), kb(r.text), `${r.ready.toFixed(0)} ms`, `${r.answered.toFixed(0)} ms`, `${r.latency.toFixed(1)} ms`];
  console.log(`| ${cells.join(' | ')} |`);
}
