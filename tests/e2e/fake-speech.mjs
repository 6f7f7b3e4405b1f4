// A scripted speech engine, installed before the page loads (addInitScript), that
// misbehaves as real ones do in the field:
// - `cutoffMs`: an utterance that would last longer stops there, fires no `end`, and the
//   queue stalls until `cancel()` (Chrome's network voices, after ~15 s of speech);
// - `pauseIsCancel`: `pause()` ends the utterance like `cancel()` (Chrome on Android);
// - `errorOnCancel`: `cancel()` fires `error` (`interrupted`, then `canceled`) on what it removes;
// - `dropAfterCancelMs`: a `speak()` this soon after `cancel()` is dropped without a word;
// - `stallAt`: the n-th `speak()` (1-based) never starts, stalling the queue;
// - `voicesAfterMs`: `getVoices()` is empty until then, then `voiceschanged` fires;
// - `voices`: what the device has (default: one local zh-CN voice); `none: true`: no
//   speech synthesis at all (Android WebView, in-app browsers).
// Speech lasts `msPerChar` a character at rate 1. Everything it was asked to say is in
// `window.__speech.spoken` ({ text, rate, lang, voice, complete }) in order.

/** The init script; pass it to addInitScript with the options. */
export function fakeSpeech(options = {}) {
  const o = {
    msPerChar: 1,
    cutoffMs: null,
    pauseIsCancel: false,
    errorOnCancel: false,
    dropAfterCancelMs: 0,
    stallAt: null,
    voicesAfterMs: 0,
    voices: [{ lang: 'zh-CN', name: 'Fake 普通话', localService: true }],
    none: false,
    ...options,
  };
  if (o.none) {
    delete window.speechSynthesis;
    delete window.SpeechSynthesisUtterance;
    delete Window.prototype.speechSynthesis;
    return;
  }
  const log = (window.__speech = { spoken: [], speaks: 0, cancels: 0, dropped: 0, pauses: 0 });
  class FakeVoice {
    constructor(v) {
      Object.assign(this, { voiceURI: v.name, name: v.name, lang: v.lang, localService: v.localService, default: false });
    }
  }
  class FakeUtterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
    }
  }
  const fire = (u, type, extra = {}) => {
    const e = new Event(type);
    Object.assign(e, { utterance: u, charIndex: 0, elapsedTime: 0 }, extra);
    u.dispatchEvent(e);
  };
  let voices = o.voicesAfterMs ? [] : o.voices.map((v) => new FakeVoice(v));
  const synth = new EventTarget();
  let queue = [];
  let current = null;
  let timers = [];
  let stuck = false;
  let lastCancel = -Infinity;
  const later = (ms, f) => timers.push(setTimeout(f, ms));
  const pump = () => {
    if (current || stuck || queue.length === 0) return;
    const u = queue.shift();
    current = u;
    const entry = { text: u.text, rate: u.rate, lang: u.lang, voice: u.voice && u.voice.name, complete: false };
    log.spoken.push(entry);
    if (u.__stalls) {
      stuck = true;
      return;
    }
    later(20, () => {
      fire(u, 'start');
      const duration = (u.text.length * o.msPerChar) / u.rate;
      if (o.cutoffMs !== null && duration > o.cutoffMs) {
        later(o.cutoffMs, () => { stuck = true; });
      } else {
        later(duration, () => {
          entry.complete = true;
          current = null;
          fire(u, 'end');
          pump();
        });
      }
    });
  };
  Object.defineProperties(synth, {
    speaking: { get: () => current !== null },
    pending: { get: () => queue.length > 0 },
    paused: { get: () => false },
  });
  synth.getVoices = () => voices.slice();
  synth.speak = (u) => {
    log.speaks += 1;
    if (performance.now() - lastCancel < o.dropAfterCancelMs) {
      log.dropped += 1;
      return;
    }
    u.__stalls = log.speaks === o.stallAt;
    queue.push(u);
    pump();
  };
  synth.cancel = () => {
    log.cancels += 1;
    const removed = [current, ...queue].filter(Boolean);
    timers.forEach(clearTimeout);
    timers = [];
    current = null;
    queue = [];
    stuck = false;
    lastCancel = performance.now();
    if (o.errorOnCancel) {
      removed.forEach((u, i) => setTimeout(() => fire(u, 'error', { error: i === 0 ? 'interrupted' : 'canceled' }), 0));
    }
  };
  synth.pause = () => {
    log.pauses += 1;
    if (o.pauseIsCancel) synth.cancel();
  };
  synth.resume = () => {};
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = FakeUtterance;
  window.SpeechSynthesisVoice = FakeVoice;
  if (o.voicesAfterMs) {
    setTimeout(() => {
      voices = o.voices.map((v) => new FakeVoice(v));
      synth.dispatchEvent(new Event('voiceschanged'));
    }, o.voicesAfterMs);
  }
}

/** The texts the engine spoke to their end, in order. */
export function heard(page) {
  return page.evaluate(() => window.__speech.spoken.filter((s) => s.complete).map((s) => s.text));
}

/** Every utterance the engine was asked to start speaking, in order. */
export function spoken(page) {
  return page.evaluate(() => window.__speech.spoken);
}
