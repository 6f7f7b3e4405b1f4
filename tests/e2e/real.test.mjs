// The real site, dist/, built from whatever content/ holds: the other end-to-end tests
// drive the reference site (content pinned to page 3, see harness.mjs), so that they keep
// their meaning when editors add pages; this one follows content/ and checks what an
// editor's new page must bring: the newest page first, every page and article
// pre-rendered with its title, and search finding every page's statements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, contentFiles } from '../perf/first-load.mjs';
import { openPage, axeViolations, siteFixture } from './harness.mjs';

const site = siteFixture(DIST);
const pages = contentFiles('content')
  .map((f) => JSON.parse(readFileSync(f, 'utf8')))
  .sort((a, b) => a.number - b.number);
const newest = pages.at(-1);

test('the list opens on the newest page, and every page of content/ has its own list', async () => {
  const page = await openPage(site.browser, site.server.url);
  assert.equal(await page.locator('h1').innerText(), newest.title);
  assert.equal(await page.title(), `${newest.title} · 拱墅区`);
  assert.equal(await page.locator('.card').count(), newest.articles.length);
  assert.deepEqual(await axeViolations(page), []);
  if (pages.length > 1) {
    for (const p of pages) assert.ok(existsSync(join(DIST, 'p', String(p.number), 'index.html')), `p/${p.number}/`);
    assert.equal(await page.locator('.pages .chip').count(), pages.length + 1, 'each page, and every page');
  } else {
    assert.equal(await page.locator('.pages').count(), 0, 'one page: no page selector');
  }
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('every article of content/ is pre-rendered under its title, naming its page', () => {
  for (const p of pages) {
    for (const a of p.articles) {
      const html = readFileSync(join(DIST, 'a', a.id, 'index.html'), 'utf8');
      const title = `${a.department_short} ${a.author}：${p.title} · 拱墅区`;
      assert.ok(html.includes(`<title>${title}</title>`), `a/${a.id}/ is titled ${title}`);
      assert.match(html, new RegExp(`class="?article-page"?><a [^>]*>${p.title.replace(/[()]/g, '\\$&')}</a>`), `a/${a.id}/ names its page`);
      const description = html.match(/<meta content="([^"]*)" name="?description"?>/)?.[1];
      assert.ok(description, `a/${a.id}/ has a description`);
      if (pages.length > 1) assert.ok(description.startsWith('第'), `a/${a.id}/ description names its page: ${description}`);
    }
  }
});

test("search finds each page's statements, from the list of the newest", async () => {
  const page = await openPage(site.browser, site.server.url);
  for (const p of pages) {
    const first = p.articles[0];
    await page.locator('#search').fill(first.author);
    await page.waitForFunction(
      (id) => [...document.querySelectorAll('.card-link')].some((a) => a.getAttribute('href').includes(`/a/${id}`)),
      first.id,
    );
  }
  assert.deepEqual(page.problems, []);
  await page.done();
});
