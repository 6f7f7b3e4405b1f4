//! The app's one state and its reducer. The route always comes from the URL hash; the
//! reducer only records it, so back/forward, reload and shared links all agree.

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
use std::rc::Rc;

use crate::route::Route;
use crate::settings::{TextSize, Theme};

/// Everything the root component renders from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// What the URL says: view, department filter, query.
    pub route: Route,
    /// The reader's text size.
    pub text_size: TextSize,
    /// The reader's colour theme.
    pub theme: Theme,
}

/// What can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The URL hash changed (link, back/forward, typed URL).
    RouteChanged(Route),
    /// The reader picked a text size.
    SetTextSize(TextSize),
    /// The reader picked a theme.
    SetTheme(Theme),
}

impl State {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> State {
        match action {
            Action::RouteChanged(route) => State { route, ..self.clone() },
            Action::SetTextSize(text_size) => State { text_size, ..self.clone() },
            Action::SetTheme(theme) => State { theme, ..self.clone() },
        }
    }
}

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        // Keep the same Rc when nothing changed, so components skip the re-render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::View;

    #[test]
    fn actions_change_only_their_part() {
        let s = State::default();
        let routed = s.apply(Action::RouteChanged(Route::parse("#/a/3-01")));
        assert_eq!(routed.route.view, View::Article("3-01".into()));
        assert_eq!(routed.text_size, TextSize::Standard);
        let sized = routed.apply(Action::SetTextSize(TextSize::Largest));
        assert_eq!((sized.text_size, &sized.route), (TextSize::Largest, &routed.route));
        let themed = sized.apply(Action::SetTheme(Theme::Dark));
        assert_eq!((themed.theme, themed.text_size), (Theme::Dark, TextSize::Largest));
    }
}
