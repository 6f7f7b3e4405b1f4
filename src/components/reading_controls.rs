//! Reading settings: text size (four steps) and colour theme, as toggle buttons inside a
//! disclosure so they take no room until wanted.

use yew::prelude::*;

use crate::settings::{TextSize, Theme};

/// Props of [`ReadingControls`].
#[derive(Properties, PartialEq)]
pub struct ReadingControlsProps {
    /// The current text size.
    pub text_size: TextSize,
    /// The current theme.
    pub theme: Theme,
    /// Picks a text size.
    pub onsize: Callback<TextSize>,
    /// Picks a theme.
    pub ontheme: Callback<Theme>,
}

/// The settings panel.
#[function_component(ReadingControls)]
pub fn reading_controls(props: &ReadingControlsProps) -> Html {
    let sizes: Html = TextSize::ALL
        .into_iter()
        .map(|size| {
            let onclick = props.onsize.reform(move |_: MouseEvent| size);
            let pressed = (size == props.text_size).to_string();
            html! { <button type="button" class={classes!("seg", format!("size-{}", size.key()))} aria-pressed={pressed} {onclick}>{ size.label() }</button> }
        })
        .collect();
    let themes: Html = Theme::ALL
        .into_iter()
        .map(|theme| {
            let onclick = props.ontheme.reform(move |_: MouseEvent| theme);
            let pressed = (theme == props.theme).to_string();
            html! { <button type="button" class="seg" aria-pressed={pressed} {onclick}>{ theme.label() }</button> }
        })
        .collect();
    html! {
        <details class="settings">
            // On a phone only 字号 shows; the rest stays in the name screen readers hear.
            <summary>{ "字号" }<span class="summary-more">{ "与显示" }</span></summary>
            <div class="settings-panel">
                <div class="seg-group" role="group" aria-labelledby="size-label">
                    <span id="size-label" class="seg-label">{ "字号" }</span>
                    { sizes }
                </div>
                <div class="seg-group" role="group" aria-labelledby="theme-label">
                    <span id="theme-label" class="seg-label">{ "颜色" }</span>
                    { themes }
                </div>
            </div>
        </details>
    }
}
