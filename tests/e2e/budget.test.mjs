// The size budget: what the first visit to any entry page downloads (the page, its
// scripts, stylesheet and WASM; gzip -9) stays within BUDGET (tests/perf/first-load.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET, GOAL, entryPages, firstLoad, total } from '../perf/first-load.mjs';

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
    if (page === 'index.html') t.diagnostic(`first load of the list: ${sum} gzip bytes; budget ${BUDGET}, goal ${GOAL}`);
  }
});
