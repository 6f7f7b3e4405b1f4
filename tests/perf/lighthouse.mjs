// Lighthouse 12 (npm) against the built site in Debian's Chromium: the performance,
// accessibility, best-practices and SEO scores of the list and an article page, and every
// audit that kept a score below 100. Part of `./dev bench`; not a test.
//
//   node tests/perf/lighthouse.mjs [DIST]
//
// Served by nginx with deploy/nginx.conf, as a host serves it (compressed, its headers).
// Then the paints again with the throttling applied to the browser (devtools) rather than
// simulated: the simulation counts every request that starts before the largest paint as
// holding it up (the WASM's is started only after the first paint, `src/site.rs`).
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startNginx } from '../support/nginx.mjs';

// The built site: dist/, or the folder named.
const DIST = process.argv[2] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const { base, server } = await startNginx(DIST, 'https://portal.example');

const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const [name, path] of [['list', ''], ['article', 'a/3-01/']]) {
    const { lhr } = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const scores = CATEGORIES.map((c) => `${c} ${Math.round(lhr.categories[c].score * 100)}`).join(', ');
    console.log(`\nLighthouse ${lhr.lighthouseVersion}, ${name} (${lhr.configSettings.formFactor}, simulated throttling): ${scores}`);
    for (const key of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      console.log(`  ${lhr.audits[key].title}: ${lhr.audits[key].displayValue}`);
    }
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`  below 100 in ${c}: ${audit.id} (${Math.round(audit.score * 100)}) ${audit.displayValue ?? ''}`);
        }
      }
    }
  }
  for (const [name, path] of [['list', ''], ['article', 'a/3-01/']]) {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], throttlingMethod: 'devtools' };
    const { lhr } = await lighthouse(`${base}${path}`, flags);
    const paints = ['first-contentful-paint', 'largest-contentful-paint'].map((k) => `${lhr.audits[k].title} ${lhr.audits[k].displayValue}`);
    console.log(`\nLighthouse, ${name}, throttling applied (devtools): performance ${Math.round(lhr.categories.performance.score * 100)}; ${paints.join(', ')}`);
  }
} finally {
  await chrome.kill();
  server.kill();
}
