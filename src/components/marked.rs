//! Text with highlighted ranges, built as text nodes and `<mark>` elements — never as an
//! HTML string, so nothing in the text can become markup.

use std::ops::Range;

use yew::prelude::*;

/// Props of [`Marked`].
#[derive(Properties, PartialEq)]
pub struct MarkedProps {
    /// The text.
    pub text: AttrValue,
    /// Byte ranges to highlight: sorted, disjoint, on character boundaries.
    #[prop_or_default]
    pub marks: Vec<Range<usize>>,
}

/// The text with its marked ranges in `<mark>`.
#[function_component(Marked)]
pub fn marked(props: &MarkedProps) -> Html {
    let text = props.text.as_str();
    let mut nodes = Vec::new();
    let mut at = 0;
    for m in &props.marks {
        // Ranges come from the search core; anything off is skipped, never sliced.
        let (Some(before), Some(inside)) = (text.get(at..m.start), text.get(m.start..m.end)) else { continue };
        nodes.push(html! { { before.to_owned() } });
        nodes.push(html! { <mark>{ inside.to_owned() }</mark> });
        at = m.end;
    }
    nodes.push(html! { { text.get(at..).unwrap_or_default().to_owned() } });
    nodes.into_iter().collect()
}
