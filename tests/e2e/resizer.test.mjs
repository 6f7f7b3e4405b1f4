// Tier 3b: the reader in portals that size their frames with iframe-resizer's own parent
// scripts, from npm, as such a portal would load them: iframe-resizer 4.4.5 (MIT,
// `iFrameResize`) and @iframe-resizer/parent 5.5.9 (GPL-3.0, `iframeResize`; a test
// fixture only, never shipped). Neither needs any script of ours. Their hello arrives as
// soon as the frame's document loads, before the WASM has started: boot.js keeps it for
// the app to answer. At 1000 and 320 px: after load, after filtering and after opening an
// article, the frame is as tall as its content (within 3 px) with no scrollbar of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertFits, reportCspViolations, servePage, OUT, siteFixture } from './harness.mjs';

const site = siteFixture();

const LIBRARY = (path) => readFileSync(fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url)), 'utf8');
const PARENTS = {
  v4: { script: LIBRARY('iframe-resizer/js/iframeResizer.min.js'), call: 'iFrameResize' },
  v5: { script: LIBRARY('@iframe-resizer/parent/index.umd.js'), call: 'iframeResize', license: 'GPLv3' },
};

/** A portal page that loads the parent library and sizes `#reader` with it. */
function portalHtml(parent, width, readerUrl, readerOrigin) {
  const options = JSON.stringify({ checkOrigin: [readerOrigin], ...(parent.license ? { license: parent.license } : {}) });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户（示例）</title>
<style>body { margin: 0; background: #eee; } header { height: 120px; } .column { width: ${width}; margin: 0 auto; }
iframe { display: block; width: 100%; border: 0; } footer { height: 400px; }</style></head>
<body><header>门户</header><div class="column">
<iframe id="reader" title="拱墅区部门学习交流发言" src="${readerUrl}"></iframe></div><footer>页脚</footer>
<script>${parent.script}</script>
<script>${parent.call}(${options}, '#reader');</script></body></html>`;
}

for (const [version, parent] of Object.entries(PARENTS)) {
  for (const [width, viewport] of [['1000px', { width: 1280, height: 900 }], ['320px', { width: 390, height: 844 }]]) {
    test(`iframe-resizer ${version} sizes the frame at ${width}: load, filter, article`, async (t) => {
      const readerOrigin = site.server.url.replace(/\/$/, '');
      const portal = await servePage((origin) =>
        portalHtml(parent, width, `${site.server.url}?origin=${encodeURIComponent(origin)}`, readerOrigin));
      const context = await site.browser.newContext({ viewport });
      await context.addInitScript(reportCspViolations);
      const page = await context.newPage();
      const problems = [];
      page.on('console', (m) => {
        if (m.type() !== 'error' && m.type() !== 'warning') return;
        // v5's own notice of the licence it runs under, on every page that loads it; and
        // its note that the frame runs no @iframe-resizer/child of its own version (the
        // reader speaks the child protocol itself and does not pretend to be that script).
        const own = ['GPLv3 License Version', 'Legacy version detected'];
        if (version === 'v5' && own.some((note) => m.text().includes(note))) return;
        problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      t.after(async () => { await context.close(); await portal.close(); });
      await page.goto(portal.url);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame.waitForSelector('html[data-ready]', { state: 'attached' });
      const start = await assertFits(page, frame, 'after load');
      assert.ok(start.box > 1000, `grown from its initial 150 px to the whole list (${start.box})`);
      await frame.getByRole('button', { name: /区财政局/ }).click();
      await frame.waitForFunction(() => document.querySelectorAll('.card').length === 1);
      const filtered = await assertFits(page, frame, 'after filtering');
      assert.ok(filtered.box < start.box, 'shrunk with the list');
      await frame.locator('.card-link').first().click();
      await frame.waitForSelector('.article');
      await assertFits(page, frame, 'after opening an article');
      await page.screenshot({ path: `${OUT}resizer-${version}-${width}.png` });
      assert.deepEqual(problems, []);
    });
  }
}
