//! The notice where results or an article would be while pages of the series are being
//! fetched, or did not arrive: what happened, and the button that helps (重试, or 刷新本页
//! after a new deployment). A plain function, not a component: it has no state of its
//! own, and each component costs the WASM about a kilobyte.

use yew::prelude::*;

use crate::archive::{Pending, Remedy};

/// The notice about pages not at hand; `onremedy` carries out its button's remedy.
pub fn pending_notice(pending: &Pending, onremedy: &Callback<Remedy>) -> Html {
    let button = pending.remedy.map(|remedy| {
        let label = match remedy {
            Remedy::Retry => "重试",
            Remedy::Reload => "刷新本页",
        };
        let onclick = onremedy.reform(move |_: MouseEvent| remedy);
        html! { <button type="button" class="button" {onclick}>{ label }</button> }
    });
    let class = classes!("pending", pending.remedy.is_some().then_some("pending-fault"));
    html! {
        <div {class} role="status">
            <p>{ pending.text }</p>
            { for button }
        </div>
    }
}
