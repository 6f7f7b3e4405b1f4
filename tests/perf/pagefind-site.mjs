// The anchor the reader's search is compared with: Pagefind (npm `pagefind`, its own
// binary from the npm registry) over the same articles, as a plain static site, one page
// an article, indexed by `pagefind --site`. Its search page uses Pagefind's API alone (no
// UI): it imports pagefind.js, searches the query in the URL, and loads the first result.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentFiles } from './first-load.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One article as a plain page: what Pagefind indexes. */
function articlePage(a) {
  const paragraphs = (ps) => ps.map((p) => `<p>${escape(p)}</p>`).join('');
  const sections = a.sections.map((s) => `<h2>${escape(s.heading)}</h2>${paragraphs(s.paragraphs)}`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(a.department)} ${escape(a.author)}</title></head>
<body><main data-pagefind-body><h1>${escape(a.department)}</h1><p>${escape(a.posts.join('、'))} ${escape(a.author)}</p>
${paragraphs(a.lead)}${sections}<p>${escape(a.signature)}</p></main></body></html>`;
}

/** The search page: time from navigation start until the first result's data is loaded. */
const SEARCH_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><script type="module">
const query = new URLSearchParams(location.search).get('q');
const pagefind = await import('/pagefind/pagefind.js');
const search = await pagefind.search(query);
const first = await search.results[0]?.data();
window.__first = first?.url ?? null;
window.__answered = performance.now();
</script></body></html>`;

/**
 * Builds the site of the pages in `entries` (READER_CONTENT's form: directories and files,
 * `:` between them; `content` by default) in a new temporary folder and indexes it;
 * returns the folder.
 */
export function buildPagefindSite(entries = 'content') {
  const dir = mkdtempSync(join(tmpdir(), 'pagefind-site-'));
  for (const file of contentFiles(entries)) {
    for (const a of JSON.parse(readFileSync(file, 'utf8')).articles) {
      mkdirSync(join(dir, 'a', a.id), { recursive: true });
      writeFileSync(join(dir, 'a', a.id, 'index.html'), articlePage(a));
    }
  }
  writeFileSync(join(dir, 'search.html'), SEARCH_PAGE);
  execFileSync(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', dir, '--quiet'], { stdio: 'inherit' });
  return dir;
}
