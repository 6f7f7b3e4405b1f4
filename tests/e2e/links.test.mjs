// Every link of every pre-rendered page leads somewhere: without JavaScript the links are
// relative paths between the built files, and a wrong depth or a page the build did not
// write would be a dead end (the host's 404). For the reference site, dist/ and the
// series test site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../perf/first-load.mjs';
import { REFERENCE, assertFresh } from './harness.mjs';

const SERIES = fileURLToPath(new URL('../../target/series-dist/', import.meta.url));

for (const [name, root] of [['reference site', REFERENCE], ['dist', DIST], ['series test site', SERIES]]) {
  test(`${name}: every relative link of every pre-rendered page resolves to a built file`, () => {
    assertFresh(root);
    const pages = readdirSync(root, { recursive: true }).filter((f) => f.endsWith('index.html'));
    assert.ok(pages.length > 10, `${pages.length} pages`);
    let links = 0;
    for (const page of pages) {
      const html = readFileSync(join(root, page), 'utf8').replace(/<noscript>[\s\S]*?<\/noscript>/gi, '');
      for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="?([^"\s>]+)/g)) {
        if (/^([a-z]+:|#|\/\/)/.test(href)) continue;
        const path = href.startsWith('/') ? join(root, href) : join(dirname(join(root, page)), href.split('#')[0]);
        const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
        assert.ok(existsSync(file), `${page}: ${href} leads nowhere`);
        links += 1;
      }
    }
    assert.ok(links > pages.length, `${links} links checked`);
  });
}
