// The app's code does not depend on the content (issue 27): three sites built from other
// pages — page 3 alone (the reference site), pages 3, 4 and 5 (the series test site) and
// pages 3 and 4 (`./dev test` builds each) — have the same hashed code files (WASM, scripts,
// stylesheet), byte for byte, while each page carries its own site's content as data. So
// a reader who comes back after a page is added downloads no code again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE, assertFresh } from './harness.mjs';
import { contentFiles } from '../perf/first-load.mjs';

const target = (name) => fileURLToPath(new URL(`../../target/${name}/`, import.meta.url));
const SITES = [
  { dist: target('series-dist'), content: 'content/page-003.json:tests/fixtures/series' },
  { dist: target('series-34-dist'), content: 'content/page-003.json:tests/fixtures/series/page-004.json' },
  { dist: REFERENCE, content: 'content/page-003.json' },
];

/** The site's code files (at its root, named by a hash of their bytes), by name. */
function codeFiles(dist) {
  const names = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
  return new Map(names.map((name) => [name, readFileSync(join(dist, name))]));
}

/** The data a page carries for the app. */
function pageData(file) {
  const html = readFileSync(file, 'utf8');
  const found = html.match(/<script type="application\/json" id="reader-data">([^<]*)<\/script>/);
  assert.ok(found, `${file} carries the app's data`);
  return JSON.parse(found[1]);
}

test('sites of other pages have the same code files, byte for byte', () => {
  for (const site of SITES) assertFresh(site.dist);
  const [first, ...rest] = SITES.map((s) => codeFiles(s.dist));
  const kinds = new Set([...first.keys()].map((n) => n.split('.').pop()));
  assert.deepEqual([...kinds].sort(), ['css', 'js', 'wasm'], [...first.keys()].join(', '));
  for (const [i, files] of rest.entries()) {
    const dist = SITES[i + 1].dist;
    assert.deepEqual([...files.keys()], [...first.keys()], `${dist}: the same names (each a hash of its bytes)`);
    for (const [name, bytes] of files) assert.ok(bytes.equals(first.get(name)), `${dist}${name}: the same bytes`);
  }
});

test("each page carries its own site's content, and only as data", () => {
  for (const site of SITES) {
    const ids = contentFiles(site.content).flatMap((f) => JSON.parse(readFileSync(f)).articles.map((a) => a.id));
    for (const page of ['index.html', `a/${ids.at(-1)}/index.html`, '404.html']) {
      const data = pageData(join(site.dist, page));
      const carried = data.pages.flatMap((p) => p.articles.map((a) => a.id));
      assert.deepEqual(carried.sort(), [...ids].sort(), `${site.dist}${page}`);
      assert.equal(data.names.length, ids.length, 'the derived names of every article');
      assert.equal(data.insights.length, ids.length, 'the insights of every article');
    }
  }
  // The text is in the data, not in the code: an article's last paragraph is in no code file.
  const last = JSON.parse(readFileSync(contentFiles('content/page-003.json')[0])).articles[0].lead.at(-1);
  for (const [name, bytes] of codeFiles(REFERENCE)) {
    assert.ok(!bytes.includes(Buffer.from(last.slice(0, 12))), `${name} holds no article text`);
  }
});
