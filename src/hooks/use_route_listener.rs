//! Keeps the state's route in step with the address bar: every `hashchange` (links,
//! back/forward, typed URLs, the app's own replacements) becomes `Action::RouteChanged`.
//! A hash that says more than its route (junk parameters, hidden characters, a pasted
//! essay) is first replaced by the route's own form, so what the reader copies is what
//! they see.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::location::{current_hash, current_route};
use crate::route::Route;
use crate::state::{Action, State};

fn tidy() {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    let is_anchor = |id: &str| gloo::utils::document().get_element_by_id(id).is_some();
    if let Some(fixed) = Route::tidy(&path, &current_hash(), is_anchor) {
        let _ = window.location().replace(&fixed);
    }
}

/// Listens to `hashchange` for the lifetime of the component.
#[hook]
pub fn use_route_listener(dispatch: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        tidy();
        let on_hash = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            tidy();
            dispatch.dispatch(Action::RouteChanged(current_route()));
        });
        move || drop(on_hash)
    });
}
