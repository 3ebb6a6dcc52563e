//! A large file shown from its start while its whole structure is built in the background:
//! what waits for the whole article, and what is kept when the whole replaces the start.

use super::action::{Action, Mode};
use std::path::PathBuf;

/// The whole article being read and parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Growing {
    pub path: PathBuf,
    /// The file's size.
    pub len: u64,
    /// How far the work has come.
    pub percent: usize,
    /// What was asked for that needs the whole article, in order, with everything after it.
    pub queued: Vec<Action>,
    /// A saved reading position beyond the start, to go to when the whole is known.
    pub restore: Option<usize>,
}

impl Growing {
    pub fn new(path: PathBuf, len: u64) -> Growing {
        Growing {
            path,
            len,
            percent: 0,
            queued: Vec::new(),
            restore: None,
        }
    }

    /// Whether `action` is to wait for the whole article: what needs all of it (the end, the
    /// next section, search, the language versions, links), and everything asked for after
    /// something that waits, so that keys keep their order.
    pub fn waits(&self, action: &Action) -> bool {
        // What the user asks for; resizes, quitting, Esc and background results never wait.
        let asked = matches!(
            action,
            Action::Line(_)
                | Action::Page(_)
                | Action::HalfPage(_)
                | Action::Top
                | Action::FocusNext
                | Action::FocusPrev
                | Action::Activate
                | Action::ToggleToc
                | Action::TogglePanels
                | Action::ToggleHighlight
                | Action::Help
                | Action::Wheel { .. }
                | Action::Click { .. }
        );
        let needs_whole = matches!(
            action,
            Action::Bottom
                | Action::NextSection
                | Action::PrevSection
                | Action::SearchStart
                | Action::SearchInput(_)
                | Action::SearchBackspace
                | Action::SearchSubmit
                | Action::NextMatch
                | Action::PrevMatch
                | Action::OpenSwitcher
                | Action::SwitcherPick(_)
                | Action::OpenLinks
                | Action::LinkPick(_)
                | Action::Open(_)
                | Action::Back
        );
        needs_whole || (asked && !self.queued.is_empty())
    }

    /// The mode keys are to be read in once the waiting actions have been done (typing a
    /// query while the article is being read must not run commands).
    pub fn mode_after(&self, now: Mode) -> Mode {
        self.queued.iter().fold(now, |mode, a| match a {
            Action::SearchStart => Mode::Searching,
            Action::OpenSwitcher => Mode::Switcher,
            Action::OpenLinks => Mode::Links,
            Action::SearchSubmit | Action::SwitcherPick(_) | Action::LinkPick(_) => Mode::Normal,
            _ => mode,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_needs_the_whole_waits_and_what_follows_it_too() {
        let mut g = Growing::new("a.txt".into(), 1 << 30);
        assert!(!g.waits(&Action::Line(1)));
        assert!(!g.waits(&Action::Page(1)));
        assert!(!g.waits(&Action::Top));
        assert!(g.waits(&Action::Bottom));
        assert!(g.waits(&Action::SearchStart));
        assert!(g.waits(&Action::NextSection));
        g.queued.push(Action::Bottom);
        assert!(g.waits(&Action::Line(1)));
        assert!(!g.waits(&Action::Quit));
        assert!(!g.waits(&Action::Resize(80, 24)));
        assert!(!g.waits(&Action::StructureProgress(50)));
        assert!(!g.waits(&Action::StructureFailed("gone".into())));
    }

    #[test]
    fn keys_typed_into_a_waiting_search_are_read_as_the_query() {
        let mut g = Growing::new("a.txt".into(), 1 << 30);
        assert_eq!(g.mode_after(Mode::Normal), Mode::Normal);
        g.queued.push(Action::SearchStart);
        assert_eq!(g.mode_after(Mode::Normal), Mode::Searching);
        g.queued.push(Action::SearchInput('q'));
        assert_eq!(g.mode_after(Mode::Normal), Mode::Searching);
        g.queued.push(Action::SearchSubmit);
        assert_eq!(g.mode_after(Mode::Normal), Mode::Normal);
        g.queued.push(Action::OpenSwitcher);
        assert_eq!(g.mode_after(Mode::Normal), Mode::Switcher);
    }
}
