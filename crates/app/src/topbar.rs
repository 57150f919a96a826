//! The top bar: status and progress, search, the views, and the reader's
//! settings (reuse settings, words, theme, language, export, keys).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{use_strings, Lang};
use crate::send;
use crate::state::{Action, AppState, Status, View, WordsStatus};
use tongwen::analysis::Stage;
use tongwen::export::TextFormat;
use tongwen::protocol::ExportKind;
use tongwen::reuse::Settings;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub state: UseReducerHandle<AppState>,
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    /// Stop the running analysis.
    pub on_cancel: Callback<()>,
    pub on_export: Callback<ExportKind>,
}

#[function_component(TopBar)]
pub fn top_bar(props: &TopBarProps) -> Html {
    let t = use_strings();
    let state = &props.state;
    let status = match &state.status {
        Status::Loading => t.loading.to_owned(),
        Status::Analyzing(Stage::Reflow(done, total)) => (t.reflowing)(*done, *total),
        Status::Analyzing(Stage::Passages) => t.finding.to_owned(),
        Status::Ready if state.corpus.as_ref().is_some_and(|c| c.documents.iter().any(|d| d.passim)) => {
            format!("{} · {}", (t.ready)(state.sources.len(), state.passage_count()), t.passim_clusters)
        }
        Status::Ready => (t.ready)(state.sources.len(), state.passage_count()),
        Status::Cancelled => t.cancelled.to_owned(),
        Status::Failed(problem) => (t.error)(&t.messages.problem(problem)),
        Status::Crashed(message) => (t.crashed)(message),
    };
    let words_status = match &state.words {
        WordsStatus::Segmenting(done, total) => Some((t.segmenting)(*done, *total)),
        WordsStatus::Failed(f) => Some((t.words_failed)(&(t.messages.failure)(f))),
        _ => None,
    };
    let on_query = send(state, |e: InputEvent| {
        let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
        Action::Query(value)
    });
    let on_search_focus = send(state, |_: FocusEvent| Action::SearchFocused);
    let on_query_key = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => dispatcher.dispatch(Action::OpenFirstHit),
            "Escape" => dispatcher.dispatch(Action::Query(String::new())),
            _ => {}
        })
    };
    // Theme: auto (follow the system), light or dark; remembered.
    let theme = use_state(crate::prefs::theme);
    use_effect_with((*theme).clone(), |t| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = if t == "auto" { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", t) };
        }
        crate::prefs::set_theme(t);
        || ()
    });
    // A menu, not a cycle: on a light system a cycle's first step (auto to
    // light) changed nothing on screen, and looked broken.
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                theme.set(select.value());
            }
        })
    };
    let other_lang = if props.lang == Lang::Zh { Lang::En } else { Lang::Zh };
    // The export menu closes once a format is chosen, so it never covers the text.
    let export_menu = use_node_ref();
    let export = |kind: ExportKind| {
        let (on_export, menu) = (props.on_export.clone(), export_menu.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(details) = menu.cast::<web_sys::Element>() {
                let _ = details.remove_attribute("open");
            }
            on_export.emit(kind)
        })
    };
    let reading = state.view != View::Overview;
    // On a phone every control but the status folds behind one menu.
    let menu = use_state_eq(|| false);
    let toggle_menu = {
        let menu = menu.clone();
        Callback::from(move |_| menu.set(!*menu))
    };
    html! {
        <header class={classes!("topbar", menu.then_some("menu-open"))}>
            <h1 class="brand">{"同文"}<span class="brand-latin">{" tongwen"}</span></h1>
            <p class="status" role="status" aria-live="polite"
               data-state={match state.status { Status::Ready => "ready", Status::Loading => "loading", Status::Analyzing(_) => "analyzing", Status::Failed(_) | Status::Cancelled => "failed", Status::Crashed(_) => "crashed" }}>
                {status}
                if let Status::Analyzing(stage) = &state.status {
                    <progress class="progress" max="100" aria-label={t.progress}
                              value={match stage { Stage::Reflow(d, t) => (d * 90 / (*t).max(1)).to_string(), Stage::Passages => "90".to_owned() }}></progress>
                    <button class="toggle cancel" onclick={props.on_cancel.reform(|_| ())}>{ t.cancel }</button>
                }
            </p>
            <button class="toggle menu-toggle" aria-expanded={menu.to_string()} aria-label={t.menu} onclick={toggle_menu}>{ "☰" }</button>
            <input class="search" id="search" type="search" placeholder={t.search_placeholder} aria-label={t.search_label}
                   value={state.query.clone()} oninput={on_query} onkeydown={on_query_key} onfocus={on_search_focus} />
            if let Some(w) = words_status { <span class="words-status" role="status" title={w.clone()}>{ w }</span> }
            <nav class="views" aria-label={t.views}>
                <button class={classes!("toggle", reading.then_some("current"))}
                        aria-pressed={reading.to_string()} onclick={send(state, |_| Action::CloseCompare)}>{ t.read }</button>
                <button class={classes!("toggle", (!reading).then_some("current"))}
                        aria-pressed={(!reading).to_string()} onclick={send(state, |_| Action::ShowOverview)}>{ t.overview }</button>
            </nav>
            <button class={classes!("toggle", "word-view", state.word_view.then_some("current"))} aria-pressed={state.word_view.to_string()}
                    onclick={send(state, |_| Action::ToggleWordView)} title={t.word_view_hint}>{ t.word_view }</button>
            <button class="toggle" aria-expanded={state.dictionary_open.to_string()} onclick={send(state, |_| Action::ToggleDictionary)}>{ t.dictionary }</button>
            // Settings, theme and language in one menu: the bar fits one
            // row at 1280 px, and the search keeps its whole placeholder.
            <details class="settings-menu">
                <summary class="toggle">{ t.settings }</summary>
                <div class="settings-items">
                    <SettingsBar settings={state.settings} on_change={send(state, Action::Settings)} />
                    <select class="theme" onchange={on_theme} title={t.theme} aria-label={t.theme}>
                        { for [("auto", t.theme_auto), ("light", t.theme_light), ("dark", t.theme_dark)].into_iter().map(|(value, name)| html! {
                            <option value={value} selected={theme.as_str() == value}>{ name }</option>
                        }) }
                    </select>
                    <button class="toggle lang" onclick={props.on_lang.reform(move |_| other_lang)} title={t.language}
                            aria-label={format!("{} · {}", t.switch_to, t.language)}>{ t.switch_to }</button>
                </div>
            </details>
            <details class="export-menu" ref={export_menu.clone()}>
                <summary class="toggle">{ t.export }</summary>
                <div class="export-items" role="menu">
                    <button role="menuitem" id="export-json" onclick={export(ExportKind::Json)}>{ t.export_json }</button>
                    <button role="menuitem" id="export-md" onclick={export(ExportKind::Articles(TextFormat::Markdown))}>{ t.export_md }</button>
                    <button role="menuitem" id="export-md-zip" onclick={export(ExportKind::ArticlesZip(TextFormat::Markdown))}>{ t.export_md_zip }</button>
                    <button role="menuitem" id="export-txt-zip" onclick={export(ExportKind::ArticlesZip(TextFormat::Plain))}>{ t.export_txt_zip }</button>
                    <button role="menuitem" id="export-csv" onclick={export(ExportKind::PassagesCsv)}>{ t.export_csv }</button>
                    <button role="menuitem" id="export-passim" onclick={export(ExportKind::PassimJsonl)}>{ t.export_passim }</button>
                </div>
            </details>
            <button class="toggle" onclick={send(state, |_| Action::ToggleHelp)} aria-keyshortcuts="?" aria-expanded={state.help.to_string()}>{ t.keys }</button>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

/// Minimum passage length, boilerplate and stock phrases, applied live.
#[function_component(SettingsBar)]
pub fn settings_bar(props: &SettingsProps) -> Html {
    let t = use_strings();
    let s = props.settings;
    let input = |e: &Event| e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    // A change the input cannot give (not a number) changes nothing.
    let on = |f: fn(Settings, web_sys::HtmlInputElement) -> Option<Settings>| {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(next) = input(&e).and_then(|i| f(s, i)) {
                on_change.emit(next);
            }
        })
    };
    let on_len = on(|s, i| Some(Settings { min_len: i.value().trim().parse().ok()?, ..s }.clamped()));
    let on_boiler = on(|s, i| Some(Settings { boilerplate: i.checked(), ..s }));
    let on_stock = on(|s, i| Some(Settings { stock: i.checked(), ..s }));
    html! {
        <div class="settings" role="group" aria-label={t.settings}>
            <label>{ t.min_len }{" "}
                <input id="min-len" type="number" min="8" max="200" value={s.min_len.to_string()} onchange={on_len} />
            </label>
            <label><input id="show-boilerplate" type="checkbox" checked={s.boilerplate} onchange={on_boiler} />{" "}{ t.boilerplate }</label>
            <label><input id="show-stock" type="checkbox" checked={s.stock} onchange={on_stock} />{" "}{ t.stock }</label>
        </div>
    }
}
