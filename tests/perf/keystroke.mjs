// Keystroke → results in the app (not a test: it prints figures; `./dev bench` runs it
// after a release build). In headless Chromium, against the built site: for each query, the
// time from the search box's `input` event to the last change of the page that follows it
// (the app's round trip through the URL, the search and the render), from an empty box and
// with the query's last character typed after the rest. Each round is a task of its own,
// as a reader's keystrokes are.
//
//   node tests/perf/keystroke.mjs [DIST]
import { launchBrowser, openPage } from '../e2e/harness.mjs';
import { DIST } from './first-load.mjs';
import { serveStatic } from '../support/static-server.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 15);

/** The in-browser benchmark's mixes (tests/bench_web.rs), typed into the app. */
const MIXES = {
  'the usual mix': ['残联', '教育局', '谢建青', '解放思想', 'canlian', 'can lian', 'jiaoyu', 'czj', '残疾人 服务', '殘聯',
    'BIM技术', '足球', 'jiefangsixiang', 'ch'],
  forgiving: ['社区矫证', '预酸', '法律援住', '谢建清', '开创工作新局而', '教育局党委书记', '社区矫正工作站', '人社局',
    'minzheng局', 'lvyou', '量子计算机', '设曲交正', '黄局长', '拱墅区住房和城乡建设局', '十家', '3所', 'minzehng', 'canlain',
    '穷人', '王局长'],
};

/** In the page: sets the box to `to` after `from` has settled; ms until the page settled. */
async function keystroke([from, to]) {
  const input = document.querySelector('.search-input');
  const type = (value) => {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  };
  // The time of the last change to the page, once none has come for 50 ms.
  const settled = (since) => new Promise((resolve) => {
    let last = since;
    const watch = new MutationObserver(() => { last = performance.now(); });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const check = () => {
      if (performance.now() - last > 50) {
        watch.disconnect();
        resolve(last);
      } else setTimeout(check, 10);
    };
    setTimeout(check, 10);
  });
  type(from);
  await settled(performance.now());
  await new Promise((r) => setTimeout(r, 0));
  const t = performance.now();
  type(to);
  return (await settled(t)) - t;
}

const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];

const browser = await launchBrowser();
const server = await serveStatic(process.argv[2] ?? DIST, { compress: true });
try {
  const page = await openPage(browser, server.url);
  // The app answers once it has started and indexed.
  await page.locator('.search-input').fill('残联');
  await page.waitForFunction(() => document.querySelector('.list-status')?.textContent.startsWith('找到'));
  console.log(`Keystroke → page settled in the app, Chromium, ${ROUNDS} rounds a query:`);
  for (const [mix, queries] of Object.entries(MIXES)) {
    const all = { list: [], last: [] };
    const rows = [];
    for (const q of queries) {
      const less = [...q].slice(0, -1).join('');
      const mine = { list: [], last: [] };
      for (let i = 0; i < ROUNDS; i++) {
        mine.list.push(await page.evaluate(keystroke, ['', q]));
        mine.last.push(await page.evaluate(keystroke, [less, q]));
      }
      const status = await page.locator('.list-status').textContent();
      for (const k of ['list', 'last']) {
        mine[k].sort((a, b) => a - b);
        all[k].push(...mine[k]);
      }
      rows.push(`| ${q} | ${status} | ${pct(mine.list, 0.5).toFixed(2)} | ${pct(mine.list, 0.95).toFixed(2)} | ${pct(mine.last, 0.5).toFixed(2)} | ${pct(mine.last, 0.95).toFixed(2)} |`);
    }
    for (const [k, what] of [['list', 'from the full list'], ['last', 'the last character']]) {
      const s = all[k].sort((a, b) => a - b);
      console.log(`${mix}, ${what}: p50 ${pct(s, 0.5).toFixed(2)} ms, p95 ${pct(s, 0.95).toFixed(2)} ms, max ${s.at(-1).toFixed(2)} ms (${s.length} samples)`);
    }
    console.log(`| query | status | from the list p50 ms | p95 ms | last character p50 ms | p95 ms |\n|---|---|---|---|---|---|\n${rows.join('\n')}`);
  }
  await page.done();
} finally {
  await server.close();
  await browser.close();
}
