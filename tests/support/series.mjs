// Printed-page sources for test pages of the series, made from the real page's text: each
// test article is a fictional statement (placeholder names, a line saying it is a test
// sample) whose paragraphs and headings are recombined from the real articles by a fixed
// pseudo-random sequence, laid out as the extracted print is (a title block, lines of one
// column width, a signature line after each article). They go through the editors' own
// ingest, so a test site of several pages is built the way README tells editors to.
//
//   node tests/support/series.mjs [--sentences] OUT_DIR FIRST LAST [ARTICLES]
//
// writes OUT_DIR/page-<NNN>.txt for pages FIRST..LAST (ARTICLES each, default 10). With
// --sentences, paragraphs are new combinations of the real sentences instead of real
// paragraphs: every page then brings text of its own, as a real page would (the linker
// keeps one copy of identical strings, so repeated paragraphs would cost the WASM nothing).
// tests/fixtures/series/source/ was made with `… tests/fixtures/series/source 4 4 6` and
// `… 5 5 4`; the archive benchmark (tests/perf/series.mjs) makes its 10- and 100-page sites,
// and `./dev test` the long test site (`… target/series-long/source 4 12 2`),
// with it.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The column the real page is set in, in ems (a Han character is one, ASCII half). */
const COLUMN = 22;
/** A paragraph's last line must be this much shorter than the column for ingest to end
 * the paragraph there (SHORT_LINE_MARGIN in src/content/ingest/reflow.rs, plus slack). */
const SHORT = COLUMN - 2;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DEPARTMENTS = ['区教育局', '区财政局', '区民政局', '区卫生健康局', '区城管局', '区残联', '区司法局', '区科技局'];
const POSTS = ['党委书记、局长', '党组书记、局长', '党委副书记、副局长'];
const NAMES = ['张三', '李四', '王五', '赵六', '孙七', '周八', '吴九', '郑十'];
export const MARKER = '测试样例：本篇由第三期各篇的段落重新组合而成，不是真实发言。';

const width = (s) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 128 ? 0.5 : 1), 0);

/** The printed lines of one paragraph, or null when ingest could not find its end. */
function wrap(text) {
  if (/\s/.test(text)) return null;
  const lines = [];
  let line = '';
  for (const c of text) {
    if (width(line + c) > COLUMN) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  lines.push(line);
  // A line ending in a post reads as a signature to ingest: not a paragraph to print.
  if (lines.slice(0, -1).some((l) => /(书记|长|主任|委员|理事)$/.test(l))) return null;
  return width(line) <= SHORT && /[。！？；]["”’）)]*$/.test(line) ? lines : null;
}

/** A deterministic sequence: Knuth's MMIX linear congruential generator. */
function sequence(seed) {
  let state = BigInt(seed);
  return (bound) => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number((state >> 33n) % BigInt(bound));
  };
}

/**
 * The source text of test page `number` with `count` articles, from the real `page`; with
 * `sentences`, its paragraphs are made of the real sentences recombined.
 */
export function pageSource(page, number, count = 10, sentences = false) {
  const blocks = page.articles.flatMap((a) => [...a.lead, ...a.sections.flatMap((s) => s.paragraphs)]);
  let paragraphs = blocks.map((p) => [p, wrap(p)]).filter(([p, lines]) => lines && !/^[一二三四五六七八九十]、/.test(p));
  if (sentences) {
    const pool = blocks.flatMap((p) => p.match(/[^。！？；]+[。！？；]["”’）)]*/g) ?? []).filter((t) => !/^[一二三四五六七八九十]、/.test(t));
    const mix = sequence(number * 7919);
    paragraphs = [];
    while (paragraphs.length < 400) {
      const text = Array.from({ length: 2 + mix(4) }, () => pool[mix(pool.length)]).join('');
      const lines = wrap(text);
      if (lines) paragraphs.push([text, lines]);
    }
  }
  const headings = page.articles
    .flatMap((a) => a.sections.map((s) => s.heading.replace(/^[一二三四五六七八九十]+、/, '')))
    .map((h) => [h, wrap(`一、${h}`)])
    .filter(([, lines]) => lines);
  const next = sequence(number);
  const numeral = number <= 10 ? NUMERALS[number - 1] : String(number);
  const out = [page.campaign, page.title.replace(/（[^（）]*）$/, `（${numeral}）`), ''];
  // No paragraph twice on a page: two short articles of the same one paragraph would be one
  // article printed twice, which ingest refuses.
  const used = new Set();
  const paragraph = () => {
    let k = next(paragraphs.length);
    while (used.has(k)) k = (k + 1) % paragraphs.length;
    used.add(k);
    return paragraphs[k][1];
  };
  for (let i = 0; i < count; i++) {
    out.push(...wrap(MARKER));
    for (let p = 0; p < 1 + next(2); p++) out.push(...paragraph());
    const sections = next(3);
    for (let s = 0; s < sections; s++) {
      out.push(...wrap(`${NUMERALS[s]}、${headings[next(headings.length)][0]}`));
      for (let p = 0; p < 1 + next(2); p++) out.push(...paragraph());
    }
    const department = DEPARTMENTS[(number + i * 3) % DEPARTMENTS.length];
    out.push(`${department}${POSTS[(number + i) % POSTS.length]} ${NAMES[(number * 3 + i) % NAMES.length]}`, '');
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const sentences = args[0] === '--sentences';
  const [out, first, last, count] = sentences ? args.slice(1) : args;
  if (!out || !first || !last) {
    console.error('usage: node tests/support/series.mjs [--sentences] OUT_DIR FIRST LAST [ARTICLES]');
    process.exit(2);
  }
  const page = JSON.parse(readFileSync(join(ROOT, 'content/page-003.json'), 'utf8'));
  mkdirSync(out, { recursive: true });
  for (let n = Number(first); n <= Number(last); n++) {
    const file = join(out, `page-${String(n).padStart(3, '0')}.txt`);
    writeFileSync(file, pageSource(page, n, count ? Number(count) : 10, sentences));
    console.log(file);
  }
}
