// Tier 3b: read-aloud as a listener uses it, in Chromium, against a scripted speech engine
// installed before the page loads (fake-speech.mjs) that reproduces the faults of the
// field: a cut-off with no `end` and a stalled queue, `pause()` acting as `cancel()`,
// `error` events on cancel, dropped speaks, voices arriving late or missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, axeViolations, servePage, reportCspViolations, OUT, siteFixture } from './harness.mjs';
import { fakeSpeech, heard, spoken } from './fake-speech.mjs';

const site = siteFixture();
const PAGE = JSON.parse(readFileSync(new URL('../../content/page-003.json', import.meta.url), 'utf8'));

/** An article's text in the order it is read: title, byline, lead, sections, signature. */
function fullText(id) {
  const a = PAGE.articles.find((x) => x.id === id);
  const blocks = [a.editor_title ?? a.department, `${a.posts.join('、')} ${a.author}`, ...a.lead];
  for (const s of a.sections) blocks.push(s.heading, ...s.paragraphs);
  blocks.push(a.signature);
  return blocks.join('');
}

/** Chrome's cut-off scaled to the fake's pace: 15 s of a voice of 230 ms a character. */
const CUT = (msPerChar) => (15000 * msPerChar) / 230;

async function openArticle(id, speech, options = {}) {
  const page = await openPage(site.browser, `${site.server.url}#/a/${id}`, { ...options, init: { fn: fakeSpeech, arg: speech } });
  await page.waitForSelector('.article');
  return page;
}

/** Waits until reading has stopped (the bar gone, the button back to 朗读全文). */
async function untilDone(page, timeout = 60000) {
  await page.waitForFunction(() => !document.querySelector('.player') && window.__speech.spoken.length > 0, null, { timeout });
}

test('every article is heard whole and in order, on an engine that cuts long utterances off', async () => {
  for (const { id } of PAGE.articles) {
    const speech = { msPerChar: 1, cutoffMs: CUT(1), errorOnCancel: true };
    const page = await openArticle(id, speech);
    await page.getByRole('button', { name: '朗读全文' }).click();
    await untilDone(page);
    assert.equal((await heard(page)).join(''), fullText(id), id);
    const all = await spoken(page);
    assert.ok(all.every((s) => s.complete && s.lang === 'zh-CN' && s.voice === 'Fake 普通话'), `${id}: nothing restarted, voice and lang set`);
    assert.ok(all.every((s) => [...s.text].length <= 30), `${id}: short chunks`);
    assert.equal(await page.getByRole('button', { name: '朗读全文' }).count(), 1);
    assert.deepEqual(page.problems, []);
    await page.done();
  }
});

test('the old way fails on this engine: one paragraph is longer than the cut-off', () => {
  // The fault is real for this text: most paragraphs last longer than 15 s.
  const long = PAGE.articles.flatMap((a) => a.sections.flatMap((s) => s.paragraphs)).filter((p) => p.length * 230 / 0.9 > 15000);
  assert.ok(long.length > 20, `${long.length} paragraphs over 15 s`);
});

test('a stalled queue, dropped speaks and late voices: the watchdog restarts, nothing is lost', async () => {
  const speech = { msPerChar: 1, stallAt: 6, dropAfterCancelMs: 100, errorOnCancel: true, voicesAfterMs: 700 };
  const page = await openArticle('3-01', speech);
  // No button until the voices have come; then it is there.
  await page.getByRole('button', { name: '朗读全文' }).click();
  await untilDone(page, 90000);
  assert.equal((await heard(page)).join(''), fullText('3-01'));
  const all = await spoken(page);
  assert.equal(all.filter((s) => !s.complete).length, 1, 'only the stalled chunk was spoken again');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('pause (a cancel on Android) and resume after a long pause lose nothing; skipping moves by sentences', async () => {
  const speech = { msPerChar: 8, pauseIsCancel: true, errorOnCancel: true, dropAfterCancelMs: 100 };
  const page = await openArticle('3-07', speech);
  await page.getByRole('button', { name: '朗读全文' }).click();
  await page.waitForFunction(() => window.__speech.spoken.length >= 6);
  await page.getByRole('button', { name: '暂停', exact: true }).click();
  assert.match(await page.locator('.player-status').innerText(), /^已暂停 · 第 \d+ 段，共 \d+ 段$/);
  const pausedAt = await page.locator('.reading-now').innerText();
  await page.waitForTimeout(3000);
  assert.equal(await page.evaluate(() => window.speechSynthesis.speaking), false, 'silent while paused');
  await page.getByRole('button', { name: '继续', exact: true }).click();
  await page.waitForFunction((t) => window.__speech.spoken.at(-1)?.text === t, pausedAt);
  // 下一句 skips what is being read; 上一句 goes back to it.
  await page.getByRole('button', { name: '下一句' }).click();
  await page.getByRole('button', { name: '上一句' }).click();
  await untilDone(page, 120000);
  const all = await spoken(page);
  assert.equal((await heard(page)).join(''), fullText('3-07'));
  assert.ok(all.filter((s) => !s.complete).length <= 3, 'only the chunks paused or skipped in were cut');
  assert.equal(await page.evaluate(() => window.__speech.pauses), 0, 'the engine\'s pause() (a cancel on Android) is never relied on');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('tapping a sentence while listening reads from there; the place is offered again later', async () => {
  const page = await openArticle('3-02', { msPerChar: 40 });
  await page.getByRole('button', { name: '朗读全文' }).click();
  await page.waitForSelector('.reading-now');
  const target = page.locator('.article-body [data-chunk]').nth(20);
  const text = await target.innerText();
  await target.click();
  await page.waitForFunction((t) => window.__speech.spoken.at(-1)?.text === t, text);
  assert.equal(await page.locator('.reading-now').innerText(), text);
  await page.getByRole('button', { name: '停止', exact: true }).click();
  assert.equal(await page.locator('.player').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '朗读全文', 'focus back on the button');
  await page.reload();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.waitForSelector('.player');
  assert.match(await page.locator('.player-status').innerText(), /^上次听到第 \d+ 段，共 \d+ 段$/);
  await page.getByRole('button', { name: '从上次位置继续' }).click();
  await page.waitForFunction(() => window.__speech.spoken.length > 0);
  assert.equal((await spoken(page))[0].text, text, 'goes on from the sentence it stopped at');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('the chunk being read stays on screen at the largest text, and the player after scrolling to the end', async () => {
  const init = { fn: fakeSpeech, arg: { msPerChar: 60 } };
  const page = await openPage(site.browser, `${site.server.url}#/a/3-07`, { init });
  await page.evaluate(() => localStorage.setItem('gongshu-reader.text-size', 'largest'));
  await page.reload();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.getByRole('button', { name: '朗读全文' }).click();
  await page.waitForFunction(() => Number(document.querySelector('.reading-now')?.dataset.chunk) >= 14, null, { timeout: 60000 });
  await page.waitForTimeout(800);
  const fit = await page.evaluate(() => {
    const chunk = document.querySelector('.reading-now').getBoundingClientRect();
    const bar = document.querySelector('.player').getBoundingClientRect();
    return { top: chunk.top, bottom: chunk.bottom, bar: bar.top, height: innerHeight, scrolled: scrollY };
  });
  assert.ok(fit.scrolled > 300, `the page followed the reading (${fit.scrolled})`);
  assert.ok(fit.top >= 0 && fit.bottom <= fit.bar, `the chunk is on screen, above the bar: ${JSON.stringify(fit)}`);
  const targets = await page.locator('.player button, .player summary').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  assert.ok(targets.every((h) => h >= 60), `targets ≥ 60 px at the largest text: ${targets}`);
  await page.screenshot({ path: `${OUT}listen-phone-largest.png` });
  // The listener scrolls to the end on purpose: the bar stays, and offers the way back.
  await page.mouse.move(200, 300);
  await page.mouse.wheel(0, 20000);
  await page.waitForSelector('.player-return');
  const controls = await page.locator('.player-controls button').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }));
  assert.deepEqual(controls, [true, true, true, true], 'the controls are on screen');
  await page.screenshot({ path: `${OUT}listen-phone-scrolled.png` });
  await page.getByRole('button', { name: '回到朗读位置' }).click();
  await page.waitForTimeout(1000);
  const back = await page.evaluate(() => {
    const r = document.querySelector('.reading-now').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= document.querySelector('.player').getBoundingClientRect().top;
  });
  assert.ok(back, 'the way back brings the chunk into view');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('a speed change reaches the next chunk and survives a reload', async () => {
  const page = await openArticle('3-04', { msPerChar: 30 });
  await page.getByRole('button', { name: '朗读全文' }).click();
  await page.waitForFunction(() => window.__speech.spoken.length > 0);
  assert.equal((await spoken(page))[0].rate.toFixed(1), '0.9');
  await page.locator('.player-more summary').click();
  await page.getByRole('button', { name: '快', exact: true }).click();
  const before = (await spoken(page)).length;
  await page.waitForFunction((n) => window.__speech.spoken.length > n, before);
  assert.equal((await spoken(page)).at(-1).rate.toFixed(1), '1.3');
  await page.reload();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.getByRole('button', { name: '朗读全文' }).click();
  await page.waitForFunction(() => window.__speech.spoken.length > 0);
  assert.equal((await spoken(page))[0].rate.toFixed(1), '1.3');
  await page.locator('.player-more summary').click();
  assert.equal(await page.getByRole('button', { name: '快', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('keys: Alt+X plays and pauses, Alt+C skips, Esc stops; leaving the page stops the speech', async () => {
  const page = await openArticle('3-03', { msPerChar: 40 });
  await page.keyboard.press('Alt+KeyX');
  await page.waitForSelector('.player');
  assert.match(await page.locator('.player-status').innerText(), /^正在朗读/);
  // One polite status, there before reading started, says where reading is.
  assert.match(await page.locator('[role=status]').filter({ hasText: '正在朗读' }).innerText(), /^正在朗读 · 第 \d+ 段，共 \d+ 段$/);
  await page.keyboard.press('Alt+KeyC');
  await page.waitForFunction(() => window.__speech.spoken.length > 1 && window.__speech.spoken.at(-1).text !== window.__speech.spoken[0].text);
  await page.keyboard.press('Alt+KeyX');
  await page.waitForFunction(() => document.querySelector('.player-status').textContent.startsWith('已暂停'));
  await page.keyboard.press('Alt+KeyX');
  await page.waitForFunction(() => document.querySelector('.player-status').textContent.startsWith('正在朗读'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.player'));
  await page.keyboard.press('Alt+KeyX');
  await page.waitForSelector('.player');
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  await page.waitForFunction(() => !document.querySelector('.player') && !window.speechSynthesis.speaking);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('连续播放: at the end, the next article is announced with a countdown, then read', async () => {
  const page = await openArticle('3-09', { msPerChar: 1 });
  await page.getByRole('button', { name: '朗读全文' }).click();
  await page.locator('.player-more summary').click();
  await page.getByRole('button', { name: /连续播放/ }).click();
  await page.waitForSelector('text=/秒后朗读下一篇：/', { timeout: 30000 });
  const next = await page.locator('.pager-next .pager-label').innerText();
  assert.match(await page.locator('.player-status').innerText(), new RegExp(`^\\d 秒后朗读下一篇：${next}$`));
  await page.waitForFunction(() => location.hash.startsWith('#/a/3-10'), null, { timeout: 8000 });
  await page.waitForFunction(() => window.__speech.spoken.some((s) => s.text === '区民政局'));
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('with only English voices nothing is spoken, and the button says why and what helps', async () => {
  const init = { fn: fakeSpeech, arg: { voices: [{ lang: 'en-US', name: 'English', localService: true }] } };
  const page = await openPage(site.browser, `${site.server.url}#/a/3-01`, { init });
  // A place kept from a visit with a voice is not offered here.
  await page.evaluate(() => localStorage.setItem('gongshu-reader.places', '3-01:4:0'));
  await page.reload();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  const button = page.getByRole('button', { name: '朗读不可用' });
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.match(await page.locator('.read-aloud-why').innerText(), /没有中文朗读语音.*中文语音包/);
  await page.keyboard.press('Alt+KeyX');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__speech.speaks), 0, 'nothing spoken in English');
  assert.equal(await page.locator('.player').count(), 0, 'no offer to go on');
  await page.screenshot({ path: `${OUT}listen-no-chinese.png` });
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('with no speech synthesis at all, the button says why and what helps', async () => {
  const page = await openArticle('3-01', { none: true });
  await page.getByRole('button', { name: '朗读不可用' }).click();
  assert.match(await page.locator('.read-aloud-why').innerText(), /浏览器不能朗读.*在浏览器打开/);
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('axe finds nothing with the player open, in the light, dark and high-contrast themes', async () => {
  for (const [theme, colorScheme] of [['light', 'light'], ['dark', 'dark'], ['contrast', 'light']]) {
    const page = await openArticle('3-05', { msPerChar: 200 }, { colorScheme });
    if (theme === 'contrast') {
      await page.locator('.settings summary').click();
      await page.getByRole('button', { name: '黑底黄字' }).click();
      await page.locator('.settings summary').click();
    }
    await page.getByRole('button', { name: '朗读全文' }).click();
    await page.waitForSelector('.reading-now');
    await page.locator('.player-more summary').click();
    assert.deepEqual(await axeViolations(page), [], theme);
    await page.screenshot({ path: `${OUT}listen-${theme}.png` });
    assert.deepEqual(page.problems, []);
    await page.done();
  }
});

test('at 320 px and the largest text, the player fits without sideways scrolling; the desktop view', async () => {
  const init = { fn: fakeSpeech, arg: { msPerChar: 200 } };
  for (const [viewport, size, name] of [
    [{ width: 320, height: 640 }, 'largest', 'listen-320-largest'],
    [{ width: 390, height: 844 }, 'standard', 'listen-phone'],
    [{ width: 1280, height: 800 }, 'standard', 'listen-desktop'],
  ]) {
    const page = await openPage(site.browser, `${site.server.url}#/a/3-06`, { viewport, init });
    await page.evaluate((s) => localStorage.setItem('gongshu-reader.text-size', s), size);
    await page.reload();
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    await page.getByRole('button', { name: '朗读全文' }).click();
    await page.waitForSelector('.reading-now');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}: no sideways scrolling (${overflow})`);
    await page.screenshot({ path: `${OUT}${name}.png` });
    assert.deepEqual(page.problems, []);
    await page.done();
  }
});

test('in a portal frame the player sits atop the article and the chunk being read is scrolled into the portal\'s view', async () => {
  const portal = await servePage((origin) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>门户（示例）</title>
<style>body { margin: 0; } header { height: 300px; background: #a4161a; } iframe { display: block; width: 100%; border: 0; }</style></head>
<body><header></header>
<iframe data-gongshu-reader title="拱墅区部门学习交流发言" src="${site.server.url}?embed=1&origin=${encodeURIComponent(origin)}#/a/3-07"></iframe>
<script src="${site.server.url}embed.js" defer></script></body></html>`);
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(reportCspViolations);
  await context.addInitScript(fakeSpeech, { msPerChar: 30 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  await page.goto(portal.url);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('html[data-ready]', { state: 'attached' });
  await frame.waitForSelector('.article');
  await frame.getByRole('button', { name: '朗读全文' }).click();
  const position = await frame.evaluate(() => getComputedStyle(document.querySelector('.player')).position);
  assert.equal(position, 'static', 'no fixed bar in a frame');
  await frame.waitForFunction(() => Number(document.querySelector('.reading-now')?.dataset.chunk) >= 30, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const seen = await page.evaluate(async () => {
    const iframe = document.querySelector('iframe');
    const inner = iframe.contentWindow;
    return { frameTop: iframe.getBoundingClientRect().top, scrolled: scrollY, height: innerHeight, inner: !!inner };
  });
  const chunk = await frame.evaluate(() => {
    const r = document.querySelector('.reading-now').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  const top = seen.frameTop + chunk.top;
  const bottom = seen.frameTop + chunk.bottom;
  assert.ok(seen.scrolled > 500, `the portal scrolled (${seen.scrolled})`);
  assert.ok(top >= 0 && bottom <= seen.height, `the chunk is in the portal's view: ${top}..${bottom} of ${seen.height}`);
  await page.screenshot({ path: `${OUT}listen-portal.png` });
  assert.deepEqual(problems, []);
  await context.close();
  await portal.close();
});

for (const [what, speech] of [
  ['a Chinese voice and a remembered place', {}],
  ['voices but no Chinese one', { voices: [{ lang: 'en-US', name: 'English', localService: true }] }],
  ['no speech synthesis', { none: true }],
]) {
  test(`no layout shift when the pre-rendered article page starts, with ${what}`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(reportCspViolations);
    await context.addInitScript(fakeSpeech, speech);
    await context.addInitScript(() => {
      localStorage.setItem('gongshu-reader.places', '3-04:3:0');
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
        .observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    await page.goto(`${site.server.url}a/3-04/`);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    // Past the wait for voices (3 s), when the button shows what the device can do.
    await page.waitForSelector('.read-aloud:not(.waiting)', { timeout: 6000 });
    await page.waitForTimeout(500);
    if (!speech.voices && !speech.none) await page.waitForSelector('text=从上次位置继续');
    assert.deepEqual(await page.evaluate(() => window.__shifts), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
