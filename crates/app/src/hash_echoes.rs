//! Telling the `hashchange` events the app caused from the reader's own.
//!
//! The address bar follows the screen: a move to a new screen sets the
//! URL's hash, which the browser answers with a `hashchange` event, as a
//! task of its own, later. By then the reader may have gone on: typing a
//! query sets the hash at the first character and rewrites it in place
//! (no event) at each next one. Following that late event read the hash
//! of a screen already left, and put the query back to what it was,
//! dropping a character just typed (`阿斯塔纳` became `阿塔纳`).
//! The app's own hash changes are therefore remembered here, as the
//! browser spells the URL after each, and their events are not followed.
//! Links, Back and Forward, and a hash typed by hand still are.

use std::collections::VecDeque;

/// The URLs the app set a new hash to, whose `hashchange` events have not
/// come yet, oldest first.
#[derive(Debug, Default)]
pub struct HashEchoes {
    awaited: VecDeque<String>,
}

/// More than this many awaited echoes means events were lost (a page
/// hidden while it navigated, say): the oldest are forgotten rather than
/// kept for ever.
const MAX_AWAITED: usize = 16;

impl HashEchoes {
    /// The app moved the address bar from `before` to `after` (whole
    /// URLs, as `location.href` gives them). No change, no event to await.
    pub fn wrote(&mut self, before: &str, after: &str) {
        if before != after {
            if self.awaited.len() == MAX_AWAITED {
                self.awaited.pop_front();
            }
            self.awaited.push_back(after.to_owned());
        }
    }

    /// Whether a `hashchange` to `new_url` is the echo of one of the app's
    /// own changes. It is then forgotten, with any older ones still
    /// awaited (their events come in order, so those were lost).
    pub fn is_echo(&mut self, new_url: &str) -> bool {
        match self.awaited.iter().position(|url| url == new_url) {
            Some(at) => {
                self.awaited.drain(..=at);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const READ: &str = "http://x/#/read/a.txt/0";
    const SEARCH: &str = "http://x/#/search/%E9%98%BF";

    #[test]
    fn the_apps_own_change_is_an_echo_once() {
        let mut echoes = HashEchoes::default();
        echoes.wrote(READ, SEARCH);
        assert!(echoes.is_echo(SEARCH));
        // Back to the same URL later (Back, then Forward): the reader's.
        assert!(!echoes.is_echo(SEARCH));
    }

    #[test]
    fn a_change_the_app_did_not_make_is_followed() {
        let mut echoes = HashEchoes::default();
        assert!(!echoes.is_echo(SEARCH));
        echoes.wrote(SEARCH, READ);
        assert!(!echoes.is_echo("http://x/#/overview"));
        // The awaited echo is still known after a change of the reader's.
        assert!(echoes.is_echo(READ));
    }

    #[test]
    fn writing_the_url_it_already_has_awaits_nothing() {
        let mut echoes = HashEchoes::default();
        echoes.wrote(SEARCH, SEARCH);
        assert!(!echoes.is_echo(SEARCH));
    }

    #[test]
    fn an_echo_forgets_the_older_ones_still_awaited() {
        let mut echoes = HashEchoes::default();
        echoes.wrote(READ, SEARCH);
        echoes.wrote(SEARCH, "http://x/#/overview");
        echoes.wrote("http://x/#/overview", READ);
        assert!(echoes.is_echo("http://x/#/overview"));
        assert!(!echoes.is_echo(SEARCH), "older than the echo that came");
        assert!(echoes.is_echo(READ), "newer than it: still awaited");
    }

    #[test]
    fn lost_echoes_are_forgotten_oldest_first() {
        let mut echoes = HashEchoes::default();
        let url = |i: usize| format!("http://x/#/read/a.txt/{i}");
        for i in 0..=MAX_AWAITED {
            echoes.wrote(&url(i + 100), &url(i));
        }
        assert!(!echoes.is_echo(&url(0)), "the oldest was dropped");
        assert!(echoes.is_echo(&url(1)));
        assert!(echoes.is_echo(&url(MAX_AWAITED)));
    }
}
