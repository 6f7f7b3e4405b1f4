// Tier 3b: the reader inside an example portal page served from another origin (another
// port of 127.0.0.1), sized by the shipped /embed.js through the documented messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFits, servePage, reportCspViolations, OUT, siteFixture } from './harness.mjs';

const site = siteFixture();

/** An example portal: a header, a column holding the reader's frame, a footer. */
function portalHtml(width, params) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>拱墅区门户（示例）</title>
<style>
  body { margin: 0; font-family: "Noto Sans CJK SC", sans-serif; background: #eee; }
  header { height: 160px; padding: 1rem; background: #a4161a; color: #fff; }
  .column { width: ${width}; margin: 1rem auto; background: #fff; }
  iframe { display: block; width: 100%; border: 0; }
  footer { height: 600px; padding: 1rem; }
</style></head>
<body>
  <header><h1>拱墅区门户网站（示例）</h1></header>
  <div class="column">
    <iframe data-gongshu-reader title="拱墅区部门学习交流发言" src="${site.server.url}?${params}"></iframe>
  </div>
  <footer>门户页脚</footer>
  <script src="${site.server.url}embed.js" defer></script>
</body></html>`;
}

async function openPortal({ width = '760px', viewport = { width: 1280, height: 800 }, params = '' } = {}) {
  const portalServer = await servePage((origin) =>
    portalHtml(width, `embed=1&origin=${encodeURIComponent(origin)}${params ? `&${params}` : ''}`));
  const context = await site.browser.newContext({ viewport });
  await context.addInitScript(reportCspViolations);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.text()} at ${m.location().url}`); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(portalServer.url);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('html[data-ready]', { state: 'attached' });
  return { page, frame, problems, close: async () => { await context.close(); await portalServer.close(); } };
}

test('the frame sizes itself after load, filtering, opening an article and going back', async (t) => {
  const { page, frame, problems, close } = await openPortal();
  t.after(close);
  const start = await assertFits(page, frame, 'after load');
  assert.ok(start.content > 1000, `the whole list is shown (${start.content})`);
  await frame.getByRole('button', { name: /区财政局/ }).click();
  await frame.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  const filtered = await assertFits(page, frame, 'after filtering');
  assert.ok(filtered.content < start.content, 'the frame shrank with the list');
  // Scroll the portal so the frame's top is out of view, then open an article.
  await page.evaluate(() => window.scrollTo(0, 900));
  await frame.locator('.card-link').first().click();
  await frame.waitForSelector('.article');
  await assertFits(page, frame, 'after opening an article');
  await page.waitForFunction(() => Math.abs(document.querySelector('iframe').getBoundingClientRect().top) < 2);
  await page.screenshot({ path: `${OUT}portal-article.png` });
  await frame.locator('.back').click();
  await frame.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  await assertFits(page, frame, 'after going back');
  assert.deepEqual(problems, []);
});

test('a 320 px frame stays usable and fits', async (t) => {
  const { page, frame, problems, close } = await openPortal({ width: '320px', viewport: { width: 390, height: 844 } });
  t.after(close);
  await assertFits(page, frame, 'narrow, after load');
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow})`);
  await page.screenshot({ path: `${OUT}portal-320.png` });
  await frame.locator('.card-link').nth(3).click();
  await frame.waitForSelector('.article');
  await assertFits(page, frame, 'narrow, article');
  assert.deepEqual(problems, []);
});

test('on a phone, focusing the search box in the frame brings it to the top of the portal page', async (t) => {
  const { page, frame, problems, close } = await openPortal({ width: '100%', viewport: { width: 390, height: 544 } });
  t.after(close);
  await assertFits(page, frame, 'phone, after load');
  const frameTop = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().top);
  const formTop = await frame.locator('form.search').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(frameTop + formTop > 100, 'the search box starts further down');
  // The frame cannot scroll (it is as tall as its content): the portal page scrolls.
  await frame.locator('#search').focus();
  await page.waitForFunction((want) => Math.abs(document.querySelector('iframe').getBoundingClientRect().top + want) < 2, formTop);
  await frame.locator('#search').pressSequentially('法律援助');
  await frame.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  await assertFits(page, frame, 'phone, one result');
  const author = await frame.locator('.card-author strong').evaluate((e) => e.getBoundingClientRect().bottom);
  const now = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().top);
  assert.ok(now + author <= 544, `the result's author is on screen (${now + author})`);
  await page.screenshot({ path: `${OUT}portal-phone-search.png` });
  assert.deepEqual(problems, []);
});

test('embed parameters: theme, preset departments, hidden title, links out', async (t) => {
  const dept = encodeURIComponent('区教育局');
  const { page, frame, problems, close } = await openPortal({ params: `theme=dark&dept=${dept}&title=0` });
  t.after(close);
  await frame.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await frame.locator('.masthead').evaluate((e) => getComputedStyle(e).display), 'none');
  const full = frame.getByRole('link', { name: '打开完整阅读器' });
  assert.equal(await full.getAttribute('target'), '_top');
  const href = await full.getAttribute('href');
  assert.ok(href.startsWith(site.server.url) && !href.includes('embed=') && href.includes('dept='), href);
  // Links inside the reader stay in the frame; any link that leaves it must open a new tab
  // without an opener, or (the full reader) replace the portal page.
  const links = await frame.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => ({
    href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') ?? '',
  })));
  assert.ok(links.length >= 4, `skip link, brand, full reader and cards found (${links.length})`);
  for (const link of links) {
    const inside = link.href.startsWith('#') && link.target === null;
    const top = link.target === '_top';
    const out = link.target === '_blank' && /\bnoopener\b/.test(link.rel);
    assert.ok(inside || top || out, `link leaves the frame unsafely: ${JSON.stringify(link)}`);
  }
  await assertFits(page, frame, 'dark, filtered');
  await page.screenshot({ path: `${OUT}portal-dark.png` });
  assert.deepEqual(problems, []);
});

test("the browser's JSON.parse reads portal messages: any valid form is answered, anything else is not", async (t) => {
  const { page, frame, problems, close } = await openPortal();
  t.after(close);
  await assertFits(page, frame, 'after load');
  const answers = (message) => page.evaluate(async (m) => {
    let heights = 0;
    const count = (e) => { if (typeof e.data === 'string' && e.data.includes('"gongshu-reader:height"')) heights += 1; };
    window.addEventListener('message', count);
    const target = document.querySelector('iframe');
    target.contentWindow.postMessage(m, new URL(target.src).origin);
    await new Promise((r) => setTimeout(r, 200));
    window.removeEventListener('message', count);
    return heights;
  }, message);
  for (const good of [
    '{"type":"gongshu-reader:request-height","version":1}',
    ' {"version":1.0, "type":"gongshu-reader:request\\u002dheight", "nested":{"a":[1,{"b":null}]}, "pair":"\\ud83d\\ude00"} ',
  ]) assert.equal(await answers(good), 1, good);
  for (const bad of [
    '{"type":"gongshu-reader:request-height","version":"1"}',
    '["gongshu-reader:request-height",1]',
    '{"type":"gongshu-reader:request-height","version":1',
    '{"type":"gongshu-reader:request-height","version":1,"type":"x"}',
    'null',
    '"gongshu-reader:request-height"',
  ]) assert.equal(await answers(bad), 0, bad);
  assert.deepEqual(problems, []);
});

test('iframe-resizer parents get answers in their own format; unknown messages are ignored', async (t) => {
  const { page, frame, problems, close } = await openPortal();
  t.after(close);
  const replies = await page.evaluate(async () => {
    const seen = [];
    window.addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith('[iFrameSizer]')) seen.push(e.data); });
    const target = document.querySelector('iframe');
    const origin = new URL(target.src).origin;
    target.contentWindow.postMessage('[iFrameSizer]portalFrame:8:false:true:32:true:true:null:bodyOffset:null:null:0:false:parent:scroll', origin);
    for (const bad of [
      '{"type":"gongshu-reader:request-height","version":9}',
      '{"type":"gongshu-reader:eval","version":1,"code":"document.body.remove()"}',
      '<img src=x onerror=alert(1)>',
    ]) target.contentWindow.postMessage(bad, origin);
    target.contentWindow.postMessage({ type: 'gongshu-reader:request-height', version: 1 }, origin);
    await new Promise((r) => setTimeout(r, 300));
    return seen;
  });
  assert.ok(replies.length >= 1, 'answered');
  assert.match(replies[0], /^\[iFrameSizer\]portalFrame:\d+:\d+:init$/);
  assert.equal(await frame.locator('.card').count(), 10, 'the reader is untouched');
  assert.deepEqual(problems, []);
});

test("a portal's theme is for its visit: choices made in the frame store only what the reader changed", async (t) => {
  const { frame, problems, close } = await openPortal({ params: 'theme=dark' });
  t.after(close);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await frame.locator('summary', { hasText: '字号' }).click();
  await frame.getByRole('button', { name: '特大', exact: true }).click();
  await frame.waitForFunction(() => document.documentElement.dataset.textSize === 'largest');
  const stored = () => frame.evaluate(() => ({
    size: localStorage.getItem('gongshu-reader.text-size'),
    theme: localStorage.getItem('gongshu-reader.theme'),
  }));
  assert.deepEqual(await stored(), { size: 'largest', theme: null }, "the size is the reader's; the theme the portal's");
  // The reader's own choice of theme is theirs, and stored.
  await frame.getByRole('button', { name: '黑底黄字', exact: true }).click();
  await frame.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
  assert.deepEqual(await stored(), { size: 'largest', theme: 'contrast' });
  assert.deepEqual(problems, []);
});
