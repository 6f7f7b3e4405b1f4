/*
 * Gongshu reader — the last line of defence, put at the top of Trunk's start-up script by
 * the build (src/site.rs `harden`, src/bin/postbuild.rs), so it listens before the WASM runs.
 * The release WASM is built with panics as immediate aborts (see README): a panic is a
 * WebAssembly trap, which reaches JavaScript as an uncaught RuntimeError (from an event
 * handler) or an unhandled rejection (from a future). Either way the app has stopped and
 * cannot be trusted again, so the notice is built here with plain DOM calls: above the
 * still-readable page, with a link that reloads the reader at the article list (a full page
 * load, which a hash-only link would not cause). Shown once, however often it is called.
 */
(function () {
  'use strict';
  var ID = 'panic-notice';
  function show(error) {
    // (No WebAssembly at all, as in iOS Lockdown Mode: no trap to report.)
    if (typeof WebAssembly === 'undefined' || !(error instanceof WebAssembly.RuntimeError)) return;
    if (document.getElementById(ID) || !document.body) return;
    console.error('拱墅区阅读器内部错误: ' + error);
    var notice = document.createElement('div');
    notice.id = ID;
    notice.className = 'panic-notice';
    notice.setAttribute('role', 'alert');
    var part = function (tag, name, text) {
      var e = document.createElement(tag);
      e.className = name;
      e.textContent = text;
      return notice.appendChild(e);
    };
    part('p', 'panic-title', '页面出现问题');
    part('p', 'panic-text', '阅读器遇到意外错误，暂时无法操作。已显示的文字仍可阅读；重新加载即可恢复。');
    var reload = part('a', 'panic-reload', '重新加载');
    // Origin first: a path such as //elsewhere.example/ must not become an off-site link.
    reload.href = location.origin + location.pathname + location.search;
    document.body.insertBefore(notice, document.body.firstChild);
    // Whatever boot.js hid while the app was starting must be readable now.
    document.documentElement.removeAttribute('data-pending');
    reload.focus();
  }
  addEventListener('error', function (e) { show(e.error); });
  addEventListener('unhandledrejection', function (e) { show(e.reason); });
})();
