//! Keeps the chunk being read in view (`.reading-now`), above the player's bar, unless the
//! listener has scrolled away on purpose (wheel, touch, scrolling keys): then it waits,
//! and the bar offers a way back, until the listener takes it or the chunk being read
//! comes into view again by itself (in a frame: until the way back is taken). The page
//! keeps room for the bar at its end (`--player-space`). In a portal's frame, which does not scroll, the portal
//! is asked to scroll, when the chunk is not wholly in the portal's view (an
//! IntersectionObserver sees the portal's viewport through the frame).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, KeyboardEvent, ResizeObserver};
use yew::prelude::*;

use crate::frame::{is_framed, PortalFrame};

/// Room kept between the chunk and the screen's edges or the bar, in CSS pixels.
const MARGIN: f64 = 16.0;
/// Keys that scroll the page.
const SCROLL_KEYS: [&str; 7] = ["PageUp", "PageDown", "ArrowUp", "ArrowDown", "Home", "End", " "];

/// Whether the reading follows the chunk (false once the listener scrolled away), and the
/// callback that brings the chunk back into view.
#[hook]
pub fn use_follow_along(active: bool, chunk: usize) -> (bool, Callback<()>) {
    let detached = use_state_eq(|| false);
    let last = use_mut_ref(|| None::<usize>);
    let observer: Rc<RefCell<Option<Observer>>> = use_mut_ref(|| None);
    let portal = use_context::<PortalFrame>();
    // The page keeps room for the bar whenever it shows (reading, the offer, the countdown).
    let space = use_mut_ref(PlayerSpace::default);
    use_effect(move || space.borrow_mut().sync());
    // The listener's own scrolling, while reading; focus kept when the bar goes away.
    {
        let detached = detached.setter();
        let was = use_mut_ref(|| false);
        use_effect_with(active, move |&active| {
            if !active {
                detached.set(false);
                if std::mem::replace(&mut *was.borrow_mut(), false) {
                    keep_focus(".article-tools .read-aloud");
                }
            }
            *was.borrow_mut() = active;
            let listeners = active.then(|| user_scrolls(move || detached.set(true)));
            move || drop(listeners)
        });
    }
    {
        let portal = portal.clone();
        let setter = detached.setter();
        use_effect_with((active, chunk, *detached), move |&(active, chunk, detached)| {
            let bar = query(".player").filter(|_| !embedded());
            let moved = last.replace(active.then_some(chunk)) != Some(chunk);
            let (true, Some(el)) = (active, query(".reading-now")) else { return };
            let framed = portal.as_ref().filter(|_| embedded() && is_framed()).map(|p| p.0.clone());
            match framed {
                Some(frame) if !detached => {
                    let target = el.clone();
                    *observer.borrow_mut() = Observer::once(&el, move |seen| {
                        if let (false, Some(frame)) = (seen, frame.borrow().as_ref()) {
                            frame.scroll_to(page_top(&target).max(0.0) as u32);
                        }
                    });
                }
                Some(_) => {}
                None => {
                    let seen = in_view(&el, bar.map_or(0.0, |b| f64::from(b.offset_height())));
                    match (detached, seen) {
                        (true, true) if moved => setter.set(false),
                        (false, false) => bring(&el),
                        _ => {}
                    }
                }
            }
        });
    }
    let onreturn = {
        let detached = detached.setter();
        Callback::from(move |()| {
            detached.set(false);
            // The button goes away: focus to the player's main button.
            keep_focus(".player .player-main");
            if let Some(el) = query(".reading-now") {
                bring(&el);
            }
        })
    };
    (*detached, onreturn)
}

fn query(selector: &str) -> Option<HtmlElement> {
    gloo::utils::document().query_selector(selector).ok().flatten().and_then(|e| e.dyn_into().ok())
}

/// Moves focus to `selector` when it would otherwise fall to the page (its holder went
/// away), without scrolling.
fn keep_focus(selector: &str) {
    let document = gloo::utils::document();
    let lost = document
        .active_element()
        .is_none_or(|a| a.tag_name() == "BODY" || a.closest(".player").ok().flatten().is_some());
    if let (true, Some(el)) = (lost, query(selector)) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Keeps `--player-space` (the page's bottom padding and scroll padding) the height of the
/// fixed bar while it shows, following its size (语速 opened, a status that wraps).
#[derive(Default)]
struct PlayerSpace {
    watched: Option<Watched>,
}

/// The bar, and the observer of its size with its callback.
type Watched = (HtmlElement, ResizeObserver, Closure<dyn FnMut(js_sys::Array, ResizeObserver)>);

impl PlayerSpace {
    fn sync(&mut self) {
        let bar = query(".player").filter(|_| !embedded());
        if self.watched.as_ref().map(|w| &w.0) == bar.as_ref() {
            return;
        }
        self.stop();
        let Some(bar) = bar else { return };
        let measured = bar.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, ResizeObserver)>::new(move |_, _| {
            set_space(Some(measured.offset_height()));
        });
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&bar);
            self.watched = Some((bar, observer, callback));
        }
    }

    /// Stops watching; nothing to undo (nor any browser to ask, when pre-rendering) if
    /// nothing was watched.
    fn stop(&mut self) {
        if let Some((_, observer, _)) = self.watched.take() {
            observer.disconnect();
            set_space(None);
        }
    }
}

impl Drop for PlayerSpace {
    fn drop(&mut self) {
        self.stop();
    }
}

fn set_space(height: Option<i32>) {
    let root = gloo::utils::document().document_element().and_then(|r| r.dyn_into::<HtmlElement>().ok());
    let Some(style) = root.map(|r| r.style()) else { return };
    let _ = match height {
        Some(h) => style.set_property("--player-space", &format!("{h}px")),
        None => style.remove_property("--player-space").map(drop),
    };
}

/// The page is in a portal's frame (compact layout, the bar at the top of the article).
fn embedded() -> bool {
    gloo::utils::document().document_element().is_some_and(|r| r.has_attribute("data-embed"))
}

/// How far below the page's top the element's top is, less some room above it.
fn page_top(el: &Element) -> f64 {
    let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
    el.get_bounding_client_rect().top() + y - 4.0 * MARGIN
}

/// Whether `el` is wholly on screen, above a bar `bar` pixels tall, and not yet in the
/// last fifth above it (where reading on would soon leave the screen).
fn in_view(el: &Element, bar: f64) -> bool {
    let rect = el.get_bounding_client_rect();
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let room = height - bar;
    rect.top() >= MARGIN && rect.bottom() <= room - (room / 5.0).max(MARGIN)
}

/// Scrolls `el` to the middle of the screen, smoothly unless the reader asked for less motion.
fn bring(el: &Element) {
    let reduce = gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(if reduce { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Calls `detach` when the listener scrolls the page themselves (not on the bar).
fn user_scrolls(detach: impl Fn() + 'static) -> [EventListener; 3] {
    let detach = Rc::new(detach);
    let window = gloo::utils::window();
    let passive = EventListenerOptions::default();
    let on = |name: &'static str, keep: fn(&Event) -> bool| {
        let detach = detach.clone();
        EventListener::new_with_options(&window, name, passive, move |e| {
            let on_bar = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest(".player, input, textarea").ok().flatten())
                .is_some();
            if !on_bar && keep(e) {
                detach();
            }
        })
    };
    [
        on("wheel", |_| true),
        on("touchmove", |_| true),
        on("keydown", |e| {
            e.dyn_ref::<KeyboardEvent>().is_some_and(|k| !k.alt_key() && SCROLL_KEYS.contains(&k.key().as_str()))
        }),
    ]
}

/// One look, through an IntersectionObserver, at whether an element is wholly visible in
/// the top-level viewport (for a frame: the portal's window).
struct Observer {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Observer {
    fn once(el: &Element, seen: impl FnOnce(bool) + 'static) -> Option<Observer> {
        let mut seen = Some(seen);
        let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                observer.disconnect();
                let whole = entries
                    .iter()
                    .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                    .any(|e| e.intersection_ratio() >= 0.99);
                if let Some(seen) = seen.take() {
                    seen(whole);
                }
            },
        );
        let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Observer { observer, _callback: callback })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
