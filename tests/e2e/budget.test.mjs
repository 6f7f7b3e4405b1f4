// The size budget. Every page carries its site's content as data (issue 27), so every page
// of the series adds to each first load; what must not grow is the code. For each built
// site (the reference site pinned to page 3, dist/ with the real content,
// target/series-dist/ with the test pages of the series), what the first visit to any
// entry page downloads (the page, its scripts, stylesheet and WASM; gzip -9), less its text
// (the page's HTML with its data, and the WASM's data section), stays within CODE_BUDGET
// (tests/perf/first-load.mjs); the text is reported, and what each page brings. On the
// reference site, whose content never changes, the whole first load stays within BUDGET.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { REFERENCE, assertFresh } from './harness.mjs';
import { BUDGET, CODE_BUDGET, DIST, GOAL, code, contentFiles, entryPages, firstLoad, pageTextGzip, text, total } from '../perf/first-load.mjs';

const SITES = [
  { name: 'the reference site', dist: REFERENCE, content: 'content/page-003.json', whole: true },
  { name: 'the real content', dist: DIST, content: 'content' },
  {
    name: 'the series test site',
    dist: fileURLToPath(new URL('../../target/series-dist/', import.meta.url)),
    content: 'content/page-003.json:tests/fixtures/series',
  },
];

for (const site of SITES) {
  test(`${site.name}: the code of every entry page's first load stays within the budget`, async (t) => {
    assertFresh(site.dist);
    const files = contentFiles(site.content);
    const articles = files.reduce((n, f) => n + JSON.parse(readFileSync(f)).articles.length, 0);
    const pages = await entryPages(site.dist);
    const lists = files.length > 1 ? 1 + files.length + 1 : 1;
    assert.equal(pages.length, lists + articles, `the lists and ${articles} article pages: ${pages.length}`);
    let largest = 0;
    for (const page of pages) {
      const load = await firstLoad(page, site.dist);
      const kinds = new Set(load.map((f) => f.file.split('.').pop()));
      // A first load without its WASM or glue would pass any budget: make sure they are counted.
      for (const kind of ['html', 'js', 'wasm']) assert.ok(kinds.has(kind), `${page} loads no .${kind}: ${[...kinds]}`);
      // The stylesheet is in the page (or, were it not, loaded): counted either way.
      assert.ok(kinds.has('css') || load[0].codeGzip > 1000, `${page} has no stylesheet`);
      const detail = load.map((f) => `${f.file} ${f.codeGzip ?? f.gzip}`).join(', ');
      assert.ok(code(load) <= CODE_BUDGET, `${page}: code ${code(load)} gzip bytes > ${CODE_BUDGET} (${detail})`);
      if (site.whole) assert.ok(total(load) <= BUDGET, `${page}: ${total(load)} gzip bytes > budget ${BUDGET} (${detail})`);
      largest = Math.max(largest, total(load));
      if (page === 'index.html') {
        const sizes = `${total(load)} gzip bytes (${total(load, 'br')} brotli): code ${code(load)}, text ${text(load)}`;
        t.diagnostic(`first load of the list: ${sizes}; code budget ${CODE_BUDGET}`);
      }
    }
    const perPage = files.map((f) => `${basename(f)} ${pageTextGzip(f)}`).join(', ');
    t.diagnostic(`largest first load ${largest} (budget for one page ${BUDGET}, goal ${GOAL}); each page's text, gzip alone: ${perPage}`);
  });
}

test('every HTML, CSS, JS and WASM file has precompressed .gz and .br siblings of the same bytes', async () => {
  const files = (await readdir(DIST, { recursive: true })).filter((f) => /\.(html|css|js|wasm)$/.test(f));
  assert.ok(files.length >= 17, `the pages, stylesheets, scripts and WASM (${files.length})`);
  for (const file of files) {
    const body = await readFile(join(DIST, file));
    assert.ok(gunzipSync(await readFile(join(DIST, `${file}.gz`))).equals(body), `${file}.gz`);
    assert.ok(brotliDecompressSync(await readFile(join(DIST, `${file}.br`))).equals(body), `${file}.br`);
  }
});
