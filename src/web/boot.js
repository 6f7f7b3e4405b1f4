/*
 * Gongshu reader — runs in <head> before the first paint.
 * - Applies the reader's stored text size and theme (or a portal's theme parameter) to the
 *   pre-rendered page, so it does not flash in the default ones until the WASM starts
 *   (keys: src/settings.rs).
 * - In a portal's frame, keeps iframe-resizer's messages that arrive before the app has
 *   started, for the app to answer (src/frame.rs).
 * - When the URL has a hash route (a shared link to an article, a search), hides the
 *   pre-rendered page, which shows something else, until the app has rendered it. Should
 *   the app fail to start (an uncaught error first: a browser too old for the app or the
 *   CSP's 'wasm-unsafe-eval', a failed download) or not start within four seconds, falls
 *   back on the pre-rendered pages: an article link goes to the article's own page
 *   (/a/<id>/, the query string kept), anything else shows this page.
 * Inlined into every page by the build (src/bin/postbuild.rs), allowed by its SHA-256.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  try {
    // Stored as plain keys (earlier versions quoted them: "dark").
    var read = function (key) {
      var value = localStorage.getItem(key);
      return value === null ? null : value.replace(/^"(.*)"$/, '$1');
    };
    var size = read('gongshu-reader.text-size');
    var theme = read('gongshu-reader.theme');
    // A portal's theme parameter (src/embed.rs) wins for this visit.
    var asked = /[?&]theme=(light|dark|system|contrast)(?:&|$)/.exec(location.search);
    if (asked) theme = asked[1];
    if (/^[a-z]{1,10}$/.test(size)) root.setAttribute('data-text-size', size);
    if (/^[a-z]{1,10}$/.test(theme)) root.setAttribute('data-theme', theme);
  } catch (e) {
    /* storage blocked or malformed: the defaults apply */
  }
  // In a frame, an iframe-resizer parent says hello as soon as this page has loaded,
  // before the app has started: keep (a few of) its messages for the app (src/frame.rs).
  if (window.parent !== window) {
    var early = (window.__gongshuEarly = []);
    addEventListener('message', function (e) {
      var data = e.data;
      if (typeof data === 'string' && data.indexOf('[iFrameSizer]') === 0 && data.length <= 4096 && early.length < 16) {
        early.push([e.origin, data]);
      }
    });
  }
  if (/^#[/?]./.test(location.hash)) {
    root.setAttribute('data-pending', '');
    var fallback = function () {
      // The app removes data-pending once it has rendered: then there is nothing to do.
      if (!root.hasAttribute('data-pending')) return;
      var article = /^#\/a\/([A-Za-z0-9-]{1,64})\/?(?:[?#]|$)/.exec(location.hash);
      if (article && location.pathname !== '/a/' + article[1] + '/') {
        location.replace('/a/' + article[1] + '/' + location.search);
      } else {
        root.removeAttribute('data-pending');
      }
    };
    addEventListener('error', fallback);
    addEventListener('unhandledrejection', fallback);
    setTimeout(fallback, 4000);
  }
})();
