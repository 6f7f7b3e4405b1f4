/*
 * Gongshu reader — runs in <head> before the first paint.
 * - Applies the reader's stored text size and theme (or a portal's theme parameter) to the
 *   pre-rendered page, so it does not flash in the default ones until the WASM starts
 *   (keys: src/settings.rs).
 * - When the URL has a hash route (a shared link to an article, a search), hides the
 *   pre-rendered page, which shows something else, until the app has rendered it; shows
 *   it anyway after four seconds should the app never start.
 * Inlined into every page by the build (src/bin/postbuild.rs), allowed by its SHA-256.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  try {
    var size = JSON.parse(localStorage.getItem('gongshu-reader.text-size') || 'null');
    var theme = JSON.parse(localStorage.getItem('gongshu-reader.theme') || 'null');
    // A portal's theme parameter (src/embed.rs) wins for this visit.
    var asked = /[?&]theme=(light|dark|system)(?:&|$)/.exec(location.search);
    if (asked) theme = asked[1];
    if (/^[a-z]{1,10}$/.test(size)) root.setAttribute('data-text-size', size);
    if (/^[a-z]{1,10}$/.test(theme)) root.setAttribute('data-theme', theme);
  } catch (e) {
    /* storage blocked or malformed: the defaults apply */
  }
  if (/^#[/?]./.test(location.hash)) {
    root.setAttribute('data-pending', '');
    // Should the app never start, show the page anyway.
    setTimeout(function () { root.removeAttribute('data-pending'); }, 4000);
  }
})();
