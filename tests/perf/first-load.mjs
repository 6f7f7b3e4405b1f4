// What a browser with JavaScript fetches to show a page of the built site and start the
// app: the page itself, every script and stylesheet it references (not what only
// <noscript> loads), and what those scripts import or fetch (the glue and the WASM), each
// raw, gzip -9 and brotli -11 (what the build's precompressed siblings hold). Shared by the
// budget test and the report.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The goal for the first load, gzip bytes. Not met yet: see README "Size budget". */
export const GOAL = 150 * 1024;
/**
 * The guard the budget test enforces, for a site of one page (BUDGET_PAGE): today's size
 * plus a little room. Lower it whenever the first load shrinks; never raise it without
 * saying why in the commit. (169 → 175 KiB: the series of pages, issue 20, +5.9 KB; 175 →
 * 180 KiB: keywords, related articles and sharing, issue 17, +3.0 KB of code, +1.0 KB of
 * data, +1.3 KB of each article page's HTML; 180 → 187 KiB: search that forgives, issue
 * 16, +9.1 KB of code, its tables paid for by packing the others, −2.3 KB of data; 187 →
 * 212 KiB: the read-aloud player, issue 25, +23.3 KB of code, +1.8 KB of data; 212 → 210
 * KiB: the core crate's build, issue 26, −2.5 KB of code, largest page 213.4 KB; 210 → 211
 * KiB: search that speaks as readers do, issue 28: officials by surname and post, full
 * official names and the public's words, +1.0 KB of code and +1.0 KB of data, largest
 * page 213,671 → 215,750 B; 211 → 214 KiB: numbers either way, issue 28, +2.6 KB of code,
 * largest page 218,958 B; 214 → 215 KiB: pinyin with a slip, issue 28, +0.9 KB of code,
 * largest page 219,937 B; 215 → 216 KiB: keystrokes write the address after the render,
 * issue 28, +0.6 KB of code, largest page 220,620 B; 216 → 220 KiB: the code apart from the content, issue 27: the WASM no
 * longer holds the content (the same bytes whatever content/ holds) and each page carries it
 * as JSON, which the app reads (+5.6 KB of code, −1.1 KB of text), largest page 224,352 B; 220
 * → 230 KiB: the other pages fetched as they are needed, issue 27 (+9.5 KB of code, +0.7 KB
 * of text: the series' catalogue), largest page 234,620 B; 230 → 232 KiB: the page
 * selector for a long series, issue 27 (+2.0 KB of code), largest page 236,635 B; 232 → 243
 * KiB: the search across the archive through the sharded index, issue 27 (+10.8 KB of
 * code), largest page 247,385 B; 243 → 244 KiB: a search held to departments across the
 * archive and the list of every page a few pages at a time, issue 27 (+1.5 KB of code),
 * largest page 248,964 B; 244 → 245 KiB: the jump box atop the page directory, issue 27
 * (+1.3 KB of code), largest page 250,439 B; 245 → 247 KiB: a catalogue that every page
 * of a long series can carry, issue 27: its columns read in the WASM and the directory's
 * numbers put in when it opens (+1.2 KB of code; at 100 pages each list carries about 2
 * KB gzip less, at 1,000 pages about 16 KB), largest page 251,941 B; 247 → 248 KiB: the list
 * of every page held to departments lists their statements newest first, issue 27 (+1.3 KB
 * of code), largest page 253,421 B; 248 → 249 KiB: the WASM fetched once the page has been
 * painted (Lighthouse 100) and keystrokes at a thousand pages 85 → 34 ms, issue 27 (+0.9 KB
 * of code), largest page 254,667 B; 249 → 250 KiB: the series' departments on every page's
 * filter, issue 27 (+0.7 KB of code); at 250 KiB still: a query typed before the app starts
 * has its buckets asked for as the app starts, issue 27 (+0.7 KB of code, −0.2 KB for the
 * catalogue without lengths and digests; largest page 256,028 B), and wasm-opt told that
 * the low 1 KB of memory is unused, run to a fixed point (−1.9 KB of code).)
 */
export const BUDGET = 250 * 1024;

/**
 * Every entry page of the site in `dist` (dist/ by default): the list, each page of the
 * series' list (with several) and each pre-rendered article, relative to `dist`.
 */
export async function entryPages(dist = DIST) {
  const articles = await readdir(join(dist, 'a'));
  const pages = existsSync(join(dist, 'p')) ? await readdir(join(dist, 'p')) : [];
  return [
    'index.html',
    ...pages.sort().map((p) => `p/${p}/index.html`),
    ...articles.sort().map((id) => `a/${id}/index.html`),
  ];
}

const measured = new Map();
/** Raw, gzip -9 and brotli -11 bytes of the file at `path`, measured once per process. */
function sizes(path, body) {
  if (!measured.has(path)) {
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const found = { raw: body.length, gzip: gzip(body), br };
    if (path.endsWith('.wasm')) {
      const { data, code } = wasmParts(body);
      Object.assign(found, { dataGzip: gzip(data), codeGzip: gzip(code) });
    } else if (path.endsWith('.html')) {
      // The stylesheet inlined into the page is code; the rest of the page is its text.
      const styles = [...body.toString('utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
      const codeGzip = styles ? gzip(Buffer.from(styles)) : 0;
      Object.assign(found, { codeGzip, dataGzip: found.gzip - codeGzip });
    }
    measured.set(path, found);
  }
  return measured.get(path);
}

/**
 * The first load of `page` (relative to `dist`): [{ file, raw, gzip, br }], the page first;
 * the WASM also with `codeGzip` and `dataGzip`, its parts (see `code`).
 */
export async function firstLoad(page, dist = DIST) {
  const files = [];
  const queue = [page];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.some((f) => f.file === file)) continue;
    const body = await readFile(join(dist, file));
    files.push({ file, ...sizes(join(dist, file), body) });
    const text = body.toString('utf8');
    if (file.endsWith('.html')) {
      const html = text.replace(/<noscript>[\s\S]*?<\/noscript>/gi, '');
      queue.push(...[...html.matchAll(/(?:src|href)="?\/([^"\s>]+\.(?:js|css))/g)].map((m) => m[1]));
    } else if (file.endsWith('.js')) {
      // Root-relative module imports and the WASM path Trunk's start script passes to init.
      queue.push(...[...text.matchAll(/["'`]\/([^"'`\s]+\.(?:js|wasm))["'`]/g)].map((m) => m[1]));
    }
  }
  return files;
}

/** The gzip bytes of a first load (`key` 'br': the brotli bytes). */
export const total = (files, key = 'gzip') => files.reduce((sum, f) => sum + f[key], 0);

// The code and the text. The WASM holds no content (issue 27): each page carries its
// site's pages, their insights and the search tables made for their characters as JSON
// (`<script type="application/json" id="reader-data">`), and the pre-rendered HTML of a
// list grows with its cards too (every page's, `p/all/`, with the newest three). So a first load
// is split into the **code**, the same bytes whatever the content is (the CSS, inlined in
// each page, the scripts and the WASM without its data section), and the **text** (the
// rest of the page's HTML, its data included, and the WASM's data section: the app's own
// strings and tables). The budget test holds the code of every site within CODE_BUDGET,
// and the whole first load of the reference site (content pinned to page 3) within
// BUDGET, which also catches static data of the app's own (UI strings, tables) that the
// code figure leaves out.

/**
 * The most a first load's code may take, gzip -9 bytes: today's (159.3 KB: the CSS, the
 * start script, the glue and the WASM's code) plus a little room. Lower it as the code
 * shrinks; never raise it without saying why in the commit. (127,000 → 130,000: keywords,
 * related articles and the share button, issue 17, +3.0 KB; 130,000 → 139,000: search
 * that forgives, issue 16, +9.1 KB: the approximate pass, homophones, short names,
 * pinyin among characters, marks in the posts, the UI's note; 139,000 → 163,000: the
 * read-aloud player, issue 25, +23.3 KB: chunks, the player's rules and watchdog, voices,
 * the bar, follow-along, the high-contrast theme; 163,000 → 161,000: issue 26, the core
 * in a crate of its own cost +2.1 KB (cross-crate inlining, even under fat LTO), and
 * `-Zcross-crate-inline-threshold=always` in the size build took back 4.6 KB; 161,000 →
 * 164,000: numbers either way, issue 28, +2.6 KB: reading and writing Chinese numerals,
 * a term's other spellings and the check that a count is not part of a longer number;
 * 164,000 → 165,000: pinyin with a slip, issue 28, +0.9 KB; 165,000 → 171,000: the code
 * apart from the content, issue 27, +5.6 KB: reading the page's data (src/content/embedded/read.rs);
 * 171,000 → 181,000: the other pages of the series fetched when a route needs them, issue
 * 27, +9.5 KB: fetching and checking a page's file, reading the catalogue and bylines,
 * pages joining the catalog and the index, the fetch's state and its notice; 181,000 →
 * 183,000: the page selector for a long series, issue 27, +2.0 KB: the newest pages as chips
 * and every page by tens in a directory (view/page_choices.rs), fetched pages joining in
 * batches; 183,000 → 194,000: the search across the archive through the sharded index,
 * issue 27, +10.8 KB: a query's plan (its keys, each way to read pinyin, its candidates
 * ranked: search/shard/keys.rs, plan.rs), reading a bucket and an article's file, what a
 * route needs of them and the count's estimate (across.rs), articles joining their pages;
 * 194,000 → 195,500: a search held to departments across the archive, and the list of
 * every page a few pages at a time, issue 27, +1.5 KB: the departments' keys and
 * candidates within them (across.rs), the newest pages browsed and 显示更早的期次;
 * 195,500 → 197,000: the jump box atop the page directory, issue 27, +1.3 KB: the form,
 * reading a typed number (digits, full width, a Chinese numeral, 第…期) and the field's
 * message for a number no page has; 197,000 → 198,500: issue 27, +1.2 KB for a catalogue
 * every page of a long series can carry (its columns read, the directory's numbers put in
 * when it opens) and +1.3 KB for the list of every page held to departments, their
 * statements newest first through the index (`across::department_statements`);
 * 198,500 → 198,600: issue 27, +0.1 KB for the start script fetching the WASM once the page
 * has been painted rather than a preload before it, for Lighthouse's 100; 198,600 → 199,400:
 * issue 27, +0.7 KB for keystrokes at a thousand pages (85 → 34 ms, 4× CPU): the directory's
 * numbers in while it is open only, its links made from one encoded query, pages and
 * articles looked up by binary search rather than read through; 199,400 → 200,200: issue
 * 27, +0.7 KB for the department filter of every page naming and counting the series'
 * departments, which the index now lists (read, filtered by, counted); 200,200 → 199,000:
 * issue 27, −0.2 KB for the catalogue without each file's length and digest, +0.7 KB for
 * asking for a query's buckets as the app starts when it was typed before (a search across
 * the archive answers about 140 ms sooner on the phone profile), −1.9 KB from wasm-opt's
 * `--low-memory-unused --converge` (index.html).)
 */
export const CODE_BUDGET = 199_000;

/** The WASM module in `body` split into its data section and everything else. */
export function wasmParts(body) {
  const parts = { data: [], code: [body.subarray(0, 8)] };
  // Sections: an id byte, the payload's length as unsigned LEB128, the payload.
  for (let at = 8; at < body.length; ) {
    const start = at;
    const id = body[at++];
    let length = 0;
    for (let shift = 0, byte = 0x80; byte & 0x80; shift += 7) {
      byte = body[at++];
      length += (byte & 0x7f) * 2 ** shift;
    }
    at += length;
    (id === 11 ? parts.data : parts.code).push(body.subarray(start, at));
  }
  return { data: Buffer.concat(parts.data), code: Buffer.concat(parts.code) };
}

const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** A first load's code: the gzip bytes of its stylesheet (inlined in the page), scripts and WASM, less the WASM's data section. */
export const code = (files) => files.reduce((sum, f) => sum + (f.codeGzip ?? f.gzip), 0);
/** A first load's text: the gzip bytes of its page's HTML (its stylesheet aside) and of the WASM's data section. */
export const text = (files) => files.reduce((sum, f) => sum + (f.dataGzip ?? 0), 0);

/** Every string of a content file (a page of the series), in order. */
export function pageStrings(file) {
  const strings = [];
  const walk = (v) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')));
  return strings;
}

/** gzip -9 bytes of a content file's distinct strings: the text that page brings. */
export const pageTextGzip = (file) => gzip(Buffer.from([...new Set(pageStrings(file))].join(''), 'utf8'));

/** The content files a built site carries: READER_CONTENT's directories and files, as the build reads them. */
export function contentFiles(entries = 'content') {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return entries
    .split(':')
    .filter(Boolean)
    .flatMap((d) =>
      d.endsWith('.json')
        ? [join(root, d)]
        : readdirSync(join(root, d)).filter((f) => f.endsWith('.json')).sort().map((f) => join(root, d, f)),
    );
}
