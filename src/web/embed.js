/*
 * Gongshu reader — parent-side helper for portals (served as /embed.js).
 *
 * Include once on the portal page, after the frame(s):
 *   <iframe data-gongshu-reader src="https://READER/?embed=1&origin=https://PORTAL"
 *           title="拱墅区部门学习交流发言" style="width:100%;border:0"></iframe>
 *   <script src="https://READER/embed.js" defer></script>
 *
 * It sizes each frame to its content and scrolls a frame into view when the reader asks
 * (after opening an article or going back, or to bring its search box to the top of a
 * phone's screen). It trusts a message only when it comes from
 * the frame's own window and origin, is a string, parses as JSON and carries a known type
 * and version 1. It never evaluates anything it receives.
 */
(function () {
  'use strict';
  var PREFIX = 'gongshu-reader:';
  var VERSION = 1;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-gongshu-reader]'));
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch (e) {
      return null;
    }
  }

  function ask(frame) {
    var origin = originOf(frame);
    if (origin && frame.contentWindow) {
      frame.contentWindow.postMessage(JSON.stringify({ type: PREFIX + 'request-height', version: VERSION }), origin);
    }
  }

  function stillBlank(frame) {
    try {
      return frame.contentWindow.location.href === 'about:blank';
    } catch (e) {
      return false; // cross-origin: the reader has loaded
    }
  }

  window.addEventListener('message', function (event) {
    if (typeof event.data !== 'string' || event.data.length > 4096) return;
    var frame = frames().filter(function (f) { return f.contentWindow === event.source; })[0];
    if (!frame || event.origin !== originOf(frame)) return;
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!message || message.version !== VERSION || typeof message.type !== 'string') return;
    if (message.type === PREFIX + 'height') {
      var height = Number(message.height);
      if (isFinite(height) && height > 0 && height < 1e6) frame.style.height = Math.ceil(height) + 'px';
    } else if (message.type === PREFIX + 'scroll-top') {
      // Only when the frame's top is out of view: a reader who can see it is left alone.
      var top = frame.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight) frame.scrollIntoView({ block: 'start' });
    } else if (message.type === PREFIX + 'scroll-to') {
      // The search box was focused on a phone: put it at the top so results show below.
      var offset = Number(message.top);
      if (isFinite(offset) && offset >= 0 && offset < 1e6) {
        window.scrollTo(0, window.scrollY + frame.getBoundingClientRect().top + offset);
      }
    }
  });

  frames().forEach(function (frame) {
    frame.setAttribute('scrolling', 'no');
    frame.style.overflow = 'hidden';
    frame.addEventListener('load', function () { ask(frame); });
    // A frame that already loaded will not fire 'load' again: ask now. One still on its
    // initial about:blank would make postMessage log an origin mismatch, so wait for it.
    if (!stillBlank(frame)) ask(frame);
  });
})();
