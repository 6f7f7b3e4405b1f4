// The size budget: what the first visit to any entry page downloads (the page, its
// scripts, stylesheet and WASM; gzip -9) stays within BUDGET (tests/perf/first-load.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BUDGET, DIST, GOAL, entryPages, firstLoad, total } from '../perf/first-load.mjs';

test('the first load of every entry page stays within the size budget', async (t) => {
  const pages = await entryPages();
  assert.equal(pages.length, 11, 'the list and ten article pages');
  for (const page of pages) {
    const files = await firstLoad(page);
    const kinds = new Set(files.map((f) => f.file.split('.').pop()));
    // A first load without its WASM or glue would pass any budget: make sure they are counted.
    for (const kind of ['html', 'js', 'css', 'wasm']) assert.ok(kinds.has(kind), `${page} loads no .${kind}: ${[...kinds]}`);
    const sum = total(files);
    const detail = files.map((f) => `${f.file} ${f.gzip}`).join(', ');
    assert.ok(sum <= BUDGET, `${page}: ${sum} gzip bytes > budget ${BUDGET} (${detail})`);
    if (page === 'index.html') {
      t.diagnostic(`first load of the list: ${sum} gzip bytes (${total(files, 'br')} brotli); budget ${BUDGET}, goal ${GOAL}`);
    }
  }
});

test('every HTML, CSS, JS and WASM file has precompressed .gz and .br siblings of the same bytes', async () => {
  const files = (await readdir(DIST, { recursive: true })).filter((f) => /\.(html|css|js|wasm)$/.test(f));
  assert.ok(files.length >= 17, `the pages, stylesheets, scripts and WASM (${files.length})`);
  for (const file of files) {
    const body = await readFile(join(DIST, file));
    assert.ok(gunzipSync(await readFile(join(DIST, `${file}.gz`))).equals(body), `${file}.gz`);
    assert.ok(brotliDecompressSync(await readFile(join(DIST, `${file}.br`))).equals(body), `${file}.br`);
  }
});
