// Tier 3b: the reader on a phone (390 px wide), at the standard and the largest text
// step, light and dark. The first article shows on the first screen; with the on-screen
// keyboard open (544 px of screen left), typing a search brings the results into view;
// the department filter is one line that scrolls sideways; nothing jumps while typing.
// Screenshots land in tests/e2e/out/phone-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, axeViolations, OUT, siteFixture } from './harness.mjs';

const site = siteFixture();

const PHONE = { width: 390, height: 844 };
const KEYBOARD_OPEN = { width: 390, height: 544 };
const MIN_TARGET = { standard: 44, largest: 60 };

/** Opens `hash` on a phone with the text size already stored, as a returning reader. */
function openPhone(hash, { size = 'standard', scheme = 'light', viewport = PHONE } = {}) {
  const init = { fn: (s) => localStorage.setItem('gongshu-reader.text-size', s), arg: size };
  return openPage(site.browser, site.server.url + hash, { viewport, colorScheme: scheme, init });
}

/** The box of the first match of `selector`, in viewport coordinates. */
const box = (page, selector) =>
  page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  });

/** How far the page scrolls sideways (0: not at all). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const size of ['standard', 'largest']) {
  for (const scheme of ['light', 'dark']) {
    test(`phone, ${size} text, ${scheme}: the first article on the first screen, results in view while typing`, async () => {
      const page = await openPhone('', { size, scheme });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), size);
      const author = await box(page, '.card-author strong');
      assert.ok(author.bottom <= PHONE.height, `first card's author at ${author.bottom} px, screen ${PHONE.height}`);
      // The filter is one line: every toggle on the same row, as tall as one target.
      const rows = await page.locator('.chip').evaluateAll((chips) => new Set(chips.map((c) => c.getBoundingClientRect().top)).size);
      assert.equal(rows, 1, 'the department toggles sit on one line');
      const heights = await page.locator('.chip').evaluateAll((chips) => chips.map((c) => c.getBoundingClientRect().height));
      assert.ok(Math.min(...heights) >= MIN_TARGET[size], `toggles ≥ ${MIN_TARGET[size]} px tall (${Math.min(...heights)})`);
      assert.equal(await sideways(page), 0, 'no sideways scrolling of the page');
      await page.screenshot({ path: `${OUT}phone-390x844-${size}-${scheme}.png` });

      // The on-screen keyboard takes the lower part of the screen.
      await page.setViewportSize(KEYBOARD_OPEN);
      await page.locator('#search').click();
      await page.locator('#search').pressSequentially('法律援助');
      await page.waitForFunction(() => document.querySelector('.list-status')?.textContent === '找到 1 篇');
      const search = await box(page, '#search');
      assert.ok(search.top >= 0 && search.top < 40, `the search box moved to the top (${search.top})`);
      const status = await box(page, '.list-status');
      assert.ok(status.top >= search.bottom && status.bottom <= KEYBOARD_OPEN.height, 'the status right under it');
      const hit = await box(page, '.card-author strong');
      const form = await box(page, 'form.search');
      assert.ok(hit.top >= form.bottom, 'the first result is not under the search box');
      assert.ok(hit.bottom <= KEYBOARD_OPEN.height, `first result's author at ${hit.bottom} px, ${KEYBOARD_OPEN.height} px left`);
      assert.equal(await page.locator('.card-title').first().innerText(), '区司法局');
      await page.screenshot({ path: `${OUT}phone-390x544-${size}-${scheme}.png` });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(page.problems, []);
      await page.done();
    });
  }
}

test('nothing jumps while the reader types, however many results each keystroke leaves', async () => {
  const page = await openPhone('', { viewport: KEYBOARD_OPEN, size: 'largest' });
  await page.locator('#search').click();
  const at = await box(page, '#search');
  const scrolled = await page.evaluate(() => window.scrollY);
  // 区 matches every article, 区司法局 few, and then nothing at all: the list shrinks to
  // the empty notice, and the page must not get shorter than the screen below the box.
  let typed = '';
  for (const key of [...'区司法局有没有']) {
    typed += key;
    await page.keyboard.type(key);
    await page.waitForFunction((q) => decodeURIComponent(location.hash) === `#/?q=${q}`, typed);
    await page.waitForTimeout(50);
    assert.equal((await box(page, '#search')).top, at.top, `after “${typed}” the box stays put`);
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, `after “${typed}” the page stays put`);
  }
  await page.waitForSelector('.empty');
  assert.deepEqual(page.problems, []);
  await page.done();
});

test('the filter strip scrolls sideways, keeps the choice in view, and works by keyboard', async () => {
  // A shared link choosing the last department: its toggle is scrolled into view.
  const page = await openPhone('#/?dept=%E5%8C%BA%E6%B0%91%E6%94%BF%E5%B1%80', { size: 'largest' });
  const strip = await box(page, '.chips');
  const chosen = await box(page, '.chip[aria-pressed="true"]');
  assert.equal(await page.locator('.chip[aria-pressed="true"]').innerText().then((t) => t.replace(/\s+/g, '')), '✓区民政局1篇');
  assert.ok(chosen.left >= strip.left && chosen.right <= strip.right, `the chosen toggle is in view: ${JSON.stringify({ strip, chosen })}`);
  assert.ok(await page.locator('.chips').evaluate((e) => e.scrollLeft > 0), 'the strip scrolled to it');
  assert.equal(await page.locator('.list-status').innerText(), '区民政局：1 篇', 'the status names the choice too');
  // 全部 again: back at the start of the strip.
  await page.locator('.chip').first().click();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 10);
  await page.waitForFunction(() => document.querySelector('.chips').scrollLeft === 0);
  // Keyboard: each toggle, once focused, is wholly in view.
  await page.locator('.chip').first().focus();
  for (let i = 1; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      const s = document.querySelector('.chips').getBoundingClientRect();
      return { cls: document.activeElement.className, left: r.left - s.left, right: s.right - r.right };
    });
    assert.match(focused.cls, /chip/);
    assert.ok(focused.left >= 0 && focused.right >= 0, `toggle ${i} in view when focused: ${JSON.stringify(focused)}`);
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  assert.equal(await page.locator('.card-title').innerText(), '区民政局');
  assert.deepEqual(page.problems, []);
  await page.done();
});

for (const size of ['standard', 'largest']) {
  test(`320 px, ${size} text: the list, a search and an article never scroll sideways`, async () => {
    const page = await openPhone('', { size, viewport: { width: 320, height: 640 } });
    assert.equal(await sideways(page), 0, 'list');
    await page.locator('#search').fill('教育');
    await page.waitForSelector('.card mark');
    assert.equal(await sideways(page), 0, 'search');
    await page.locator('.card-link').first().click();
    await page.waitForSelector('.article');
    assert.equal(await sideways(page), 0, 'article');
    assert.deepEqual(page.problems, []);
    await page.done();
  });
}
