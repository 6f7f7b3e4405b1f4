// The app's code does not depend on the content (issue 27): three sites built from other
// pages — page 3 alone (the reference site), pages 3, 4 and 5 (the series test site) and
// pages 3 and 4 (`./dev test` builds each) — have the same hashed code files (WASM, scripts,
// stylesheet), byte for byte, while each page carries its own page's articles as data, with
// the catalogue of the series that names the other pages' files (`data/pages-<digest>/page-N.json`).
// So a reader who comes back after a page is added downloads no code again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** FNV-1a, 64 bits, in hex: the digest the build names data files by (crates/core/src/content/digest.rs). */
function digest(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

/** The data a page carries for the app. */
function pageData(file) {
  const html = readFileSync(file, 'utf8');
  const found = html.match(/<script type="application\/json" id="reader-data">([^<]*)<\/script>/);
  assert.ok(found, `${file} carries the app's data`);
  return JSON.parse(found[1]);
}

/** The catalogue a page carries, a column a field (`reader_core::content::bundle::Series`), as entries. */
function entries(series) {
  let number = 0;
  return series.number_steps.map((step, i) => {
    number += step;
    return { number, articles: series.articles[i], file: `${series.data}page-${number}.json` };
  });
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

test("each page carries its own page's articles and the catalogue of the series, only as data", () => {
  for (const site of SITES) {
    const pages = contentFiles(site.content).map((f) => JSON.parse(readFileSync(f)));
    const newest = pages.reduce((a, b) => (a.number > b.number ? a : b));
    const ids = (p) => p.articles.map((a) => a.id);
    const cases = [['index.html', newest], ['404.html', newest], ...pages.map((p) => [`a/${ids(p).at(-1)}/index.html`, p])];
    for (const [file, own] of cases) {
      const data = pageData(join(site.dist, file));
      const carried = data.pages.flatMap((p) => p.articles.map((a) => a.id));
      assert.deepEqual(carried, ids(own), `${site.dist}${file}: its own page's articles`);
      assert.equal(data.names.length, carried.length, 'the derived names of each');
      assert.equal(data.insights.length, carried.length, 'the insights of each');
      const series = entries(data.series).map((e) => [e.number, e.articles]);
      assert.deepEqual(series, pages.map((p) => [p.number, p.articles.length]).sort((a, b) => a[0] - b[0]), 'every page listed');
      assert.ok(Object.values(data.series).every((c) => typeof c === 'string' || c.length === series.length), 'columns of one length');
      for (const entry of entries(data.series)) {
        // The file as the page names it (relative to the page; the 404 page's from the root).
        const path = file === '404.html' ? entry.file.replace(/^\//, '') : join(dirname(file), entry.file);
        const text = readFileSync(join(site.dist, path), 'utf8');
        const [sum, json] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
        assert.equal(digest(Buffer.from(json)), sum, `${path}: sealed with its digest`);
        assert.deepEqual(JSON.parse(json).pages.map((p) => p.number), [entry.number], `${path}: its page`);
        assert.match(path, new RegExp(`data/pages-[0-9a-f]{16}/page-${entry.number}\\.json$`));
      }
    }
    if (pages.length > 1) {
      const every = pageData(join(site.dist, 'p/all/index.html')).pages.map((p) => p.number).sort((a, b) => a - b);
      const newest = pages.map((p) => p.number).sort((a, b) => a - b).slice(-3);
      assert.deepEqual(every, newest, 'the list of every page carries the newest three, which it shows');
    }
  }
  // The text is in the data, not in the code: an article's last paragraph is in no code file.
  const last = JSON.parse(readFileSync(contentFiles('content/page-003.json')[0])).articles[0].lead.at(-1);
  for (const [name, bytes] of codeFiles(REFERENCE)) {
    assert.ok(!bytes.includes(Buffer.from(last.slice(0, 12))), `${name} holds no article text`);
  }
});
