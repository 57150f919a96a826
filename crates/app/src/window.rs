//! What the whole window listens to: keys, the URL hash, files dropped
//! anywhere. Each hook turns browser events into [`Action`]s.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::library::PickedFiles;
use crate::state::{Action, AppState};

/// Listens to `event` on the window for as long as the component lives.
#[hook]
fn use_window_listener<F: Fn(web_sys::Event) + 'static>(event: &'static str, handler: F) {
    use_effect_with((), move |_| {
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
    });
}

/// How far down the text must be before the bars hide, and how far a
/// scroll must go to count (a finger's jitter is not a scroll).
const BARS_HIDE_AFTER_PX: i32 = 48;
const SCROLL_STEP_PX: i32 = 8;

/// On a phone, the bars leave the screen to the text while the reader
/// scrolls down it, and come back on the way up (CSS applies the class
/// on narrow screens only). Returns whether they are hidden now.
#[hook]
pub fn use_bars_hidden_on_scroll() -> bool {
    let hidden = use_state_eq(|| false);
    let last = use_mut_ref(|| 0i32);
    {
        let hidden = hidden.clone();
        use_effect_with((), move |_| {
            // Scroll events do not bubble: listen in the capture phase.
            let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).filter(|el| el.matches("main.reading").unwrap_or(false)) else { return };
                let top = el.scroll_top();
                let before = std::mem::replace(&mut *last.borrow_mut(), top);
                if top > before + SCROLL_STEP_PX && top > BARS_HIDE_AFTER_PX {
                    hidden.set(true);
                } else if top + SCROLL_STEP_PX < before || top <= BARS_HIDE_AFTER_PX {
                    hidden.set(false);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback_and_bool("scroll", listener.as_ref().unchecked_ref(), true);
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback_and_bool("scroll", listener.as_ref().unchecked_ref(), true);
                }
            }
        });
    }
    *hidden
}

thread_local! {
    /// The app's own hash changes whose events are still to come.
    static HASH_ECHOES: std::cell::RefCell<crate::hash_echoes::HashEchoes> = Default::default();
}

/// Shows `hash` in the address bar as a new history entry, remembered as
/// the app's own so that its late `hashchange` is not followed
/// ([`crate::hash_echoes`]).
pub fn push_hash(window: &web_sys::Window, hash: &str) {
    let location = window.location();
    let before = location.href().unwrap_or_default();
    let _ = location.set_hash(hash);
    let after = location.href().unwrap_or_default();
    HASH_ECHOES.with(|echoes| echoes.borrow_mut().wrote(&before, &after));
}

/// The screen follows the URL hash (links, reload, back and forward), but
/// not the echoes of the app's own changes ([`push_hash`]).
#[hook]
pub fn use_hash_navigation(dispatcher: UseReducerDispatcher<AppState>) {
    use_window_listener("hashchange", move |e| {
        let echo = e.dyn_ref::<web_sys::HashChangeEvent>().is_some_and(|e| HASH_ECHOES.with(|echoes| echoes.borrow_mut().is_echo(&e.new_url())));
        if echo {
            return;
        }
        if let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) {
            if let Some(route) = tongwen::view::Route::parse(&hash) {
                dispatcher.dispatch(Action::FollowLink(route, tongwen::view::Shown::parse(&hash)));
            }
        }
    });
}

/// Keys: n / p step through passages, Escape leaves the compare view,
/// `?` shows the shortcuts, `/` goes to the search box.
#[hook]
pub fn use_keys(dispatcher: UseReducerDispatcher<AppState>) {
    use_window_listener("keydown", move |e: web_sys::Event| {
        let Ok(e) = e.dyn_into::<web_sys::KeyboardEvent>() else { return };
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        match e.key().as_str() {
            "n" => dispatcher.dispatch(Action::Step(1)),
            "p" => dispatcher.dispatch(Action::Step(-1)),
            "Escape" => dispatcher.dispatch(Action::CloseCompare),
            "?" => dispatcher.dispatch(Action::ToggleHelp),
            // `/` jumps to the search box, as on many sites.
            "/" => {
                e.prevent_default();
                if let Some(input) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("search")) {
                    let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            _ => {}
        }
    });
}

/// Files dropped anywhere on the window go to `on_files`; `true` while
/// something is dragged over it.
#[hook]
pub fn use_file_drop(on_files: Callback<PickedFiles>) -> bool {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        use_window_listener("dragover", move |e| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        });
    }
    {
        let dragging = dragging.clone();
        use_window_listener("dragleave", move |e| {
            // Leaving the window, not moving between its elements.
            if e.dyn_ref::<web_sys::DragEvent>().is_some_and(|d| d.client_x() <= 0 && d.client_y() <= 0) {
                dragging.set(false);
            }
        });
    }
    {
        let dragging = dragging.clone();
        use_window_listener("drop", move |e| {
            e.prevent_default();
            dragging.set(false);
            let Some(list) = e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|t| t.files()) else { return };
            let on_files = on_files.clone();
            wasm_bindgen_futures::spawn_local(async move { on_files.emit(crate::files::read_files(list).await) });
        });
    }
    *dragging
}

/// Scrolls the first element `selector` finds into view, at `block`
/// (`Center` for a word; `Start` for a long run, whose top a centred view
/// would hide; its CSS `scroll-margin-top` keeps it clear of the bars).
pub fn scroll_into_view(selector: &str, block: web_sys::ScrollLogicalPosition) {
    let found = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(el) = found {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(block);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Moves keyboard focus to the text on screen: the first paragraph of the
/// article (the next Tab reaches its first highlight), else the main pane.
/// The skip link calls it, so the bars need not be tabbed through.
pub fn focus_text() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let target = ["main.reading p.para", "main.reading"].iter().find_map(|s| document.query_selector(s).ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // Focusable by script only; Tab order is unchanged.
        let _ = element.set_attribute("tabindex", "-1");
        let _ = element.focus();
    }
}
