//! The reading settings on the page and in storage: the text size and theme apply to
//! `<html>` (the stylesheet does the rest), and the reader's own choices are remembered,
//! as their plain keys (`dark`), which boot.js also reads before the first paint.

use yew::prelude::*;

use crate::embed::EmbedConfig;
use crate::settings::{to_store, TextSize, Theme, TEXT_SIZE_KEY, THEME_KEY};
use crate::storage::{store, stored};

/// The settings to start with: the stored ones, except a portal's theme for this visit.
pub fn initial_settings(embed: &EmbedConfig) -> (TextSize, Theme) {
    let stored_theme = || stored(THEME_KEY).map(|k| Theme::from_key(&k)).unwrap_or_default();
    (
        stored(TEXT_SIZE_KEY).map(|k| TextSize::from_key(&k)).unwrap_or_default(),
        embed.theme.unwrap_or_else(stored_theme),
    )
}

/// Applies `text_size` and `theme` whenever they change. The first run applies what was
/// loaded; later, only the setting the reader changed is stored (`to_store`), so a portal's
/// theme parameter never becomes the reader's preference.
#[hook]
pub fn use_settings_sync(text_size: TextSize, theme: Theme) {
    let last = use_mut_ref(|| None::<(TextSize, Theme)>);
    use_effect_with((text_size, theme), move |&now| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-text-size", text_size.key());
            let _ = root.set_attribute("data-theme", theme.key());
        }
        if let Some(before) = last.borrow_mut().replace(now) {
            for (key, value) in to_store(before, now) {
                store(key, value);
            }
        }
    });
}
