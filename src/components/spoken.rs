//! A block of the article as read aloud: its chunks as spans, the one being read marked
//! (`.reading-now`), each one a place to read from when tapped (`data-chunk`).

use yew::prelude::*;

use crate::listen::script::Script;

/// Block `block` of `script`, with chunk `current` marked.
pub fn spoken(script: &Script, block: usize, current: usize) -> Html {
    let Some(b) = script.blocks.get(block) else { return Html::default() };
    b.chunks
        .clone()
        .map(|i| {
            let text = AttrValue::from(script.text(i).to_owned());
            let class = classes!("chunk", (i == current).then_some("reading-now"));
            html! { <span {class} data-chunk={i.to_string()}>{ text }</span> }
        })
        .collect()
}
