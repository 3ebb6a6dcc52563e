//! Keys to actions, depending on the mode (searching, an overlay open, normal reading).

use super::action::{Action, FeedAction, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

pub fn key(mode: Mode, k: KeyEvent) -> Option<Action> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match (ctrl, k.code) {
        (true, KeyCode::Char('c')) => return Some(Action::Quit),
        (true, KeyCode::Char('z')) => return Some(Action::Suspend),
        _ => {}
    }
    match mode {
        Mode::Searching => match k.code {
            KeyCode::Esc => Some(Action::Escape),
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
            _ => None,
        },
        Mode::Help => match k.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') => Some(Action::Escape),
            _ => None,
        },
        Mode::Switcher => match k.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('L') => Some(Action::Escape),
            KeyCode::Char(c @ '1'..='9') => Some(Action::SwitcherPick(c as usize - '1' as usize)),
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Line(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Line(-1)),
            KeyCode::Enter => Some(Action::Activate),
            _ => None,
        },
        Mode::Links => match k.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('o') => Some(Action::Escape),
            KeyCode::Char(c @ '1'..='9') => Some(Action::LinkPick(c as usize - '1' as usize)),
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Line(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Line(-1)),
            KeyCode::Enter => Some(Action::Activate),
            _ => None,
        },
        Mode::Feeds => feeds(k),
        Mode::FeedSearch => Some(Action::Feeds(match k.code {
            KeyCode::Esc => FeedAction::SearchCancel,
            KeyCode::Enter => FeedAction::SearchSubmit,
            KeyCode::Backspace => FeedAction::SearchBackspace,
            KeyCode::Char(c) if !ctrl => FeedAction::SearchInput(c),
            _ => return None,
        })),
        Mode::Normal => normal(k),
    }
}

/// The keys of the feed list and the item lists, as in the reader and newsboat.
fn feeds(k: KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(Action::Feeds(match k.code {
        KeyCode::Char('f') if ctrl => FeedAction::Page(1),
        KeyCode::Char('b') if ctrl => FeedAction::Page(-1),
        _ if ctrl => return None,
        KeyCode::Char('j') | KeyCode::Down => FeedAction::Line(1),
        KeyCode::Char('k') | KeyCode::Up => FeedAction::Line(-1),
        KeyCode::Char(' ') | KeyCode::PageDown => FeedAction::Page(1),
        KeyCode::Char('b') | KeyCode::PageUp => FeedAction::Page(-1),
        KeyCode::Char('g') | KeyCode::Home => FeedAction::Top,
        KeyCode::Char('G') | KeyCode::End => FeedAction::Bottom,
        KeyCode::Enter => FeedAction::Open,
        KeyCode::Backspace | KeyCode::Esc => FeedAction::Back,
        KeyCode::Char('q') => FeedAction::Quit,
        KeyCode::Char('r') => FeedAction::RefreshOne,
        KeyCode::Char('R') => FeedAction::RefreshAll,
        KeyCode::Char('n') => FeedAction::NextUnread,
        KeyCode::Char('A') => FeedAction::MarkAllRead,
        KeyCode::Char('s') => FeedAction::Star,
        KeyCode::Char('/') => FeedAction::SearchStart,
        KeyCode::Char('?') => FeedAction::Help,
        _ => return None,
    }))
}

fn normal(k: KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char('f') if ctrl => Action::Page(1),
        KeyCode::Char('b') if ctrl => Action::Page(-1),
        KeyCode::Char('d') if ctrl => Action::HalfPage(1),
        KeyCode::Char('u') if ctrl => Action::HalfPage(-1),
        _ if ctrl => return None,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Esc => Action::Escape,
        KeyCode::Char('j') | KeyCode::Down => Action::Line(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Line(-1),
        KeyCode::Char(' ') | KeyCode::PageDown => Action::Page(1),
        KeyCode::Char('b') | KeyCode::PageUp => Action::Page(-1),
        KeyCode::Char('d') => Action::HalfPage(1),
        KeyCode::Char('u') => Action::HalfPage(-1),
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Char(']') => Action::NextSection,
        KeyCode::Char('[') => Action::PrevSection,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Enter => Action::Activate,
        KeyCode::Char('t') => Action::ToggleToc,
        KeyCode::Char('p') => Action::TogglePanels,
        KeyCode::Char('h') => Action::ToggleHighlight,
        KeyCode::Char('/') => Action::SearchStart,
        KeyCode::Char('n') => Action::NextMatch,
        KeyCode::Char('N') => Action::PrevMatch,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('L') => Action::OpenSwitcher,
        KeyCode::Backspace => Action::Back,
        KeyCode::Char('o') => Action::OpenLinks,
        _ => return None,
    })
}

pub fn mouse(m: MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
            column: m.column,
            row: m.row,
            delta: if m.kind == MouseEventKind::ScrollDown {
                3
            } else {
                -3
            },
        }),
        MouseEventKind::Down(crossterm::event::MouseButton::Left) => Some(Action::Click {
            column: m.column,
            row: m.row,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn pager_keys() {
        assert_eq!(
            key(Mode::Normal, k(KeyCode::Char('G'))),
            Some(Action::Bottom)
        );
        assert_eq!(
            key(Mode::Normal, k(KeyCode::Char(' '))),
            Some(Action::Page(1))
        );
        assert_eq!(
            key(Mode::Normal, k(KeyCode::Char(']'))),
            Some(Action::NextSection)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Searching, Mode::Help, Mode::Switcher] {
            assert_eq!(key(mode, ctrl_c), Some(Action::Quit));
        }
    }

    #[test]
    fn typing_in_search_does_not_trigger_commands() {
        assert_eq!(
            key(Mode::Searching, k(KeyCode::Char('q'))),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            key(Mode::Searching, k(KeyCode::Char('G'))),
            Some(Action::SearchInput('G'))
        );
        assert_eq!(key(Mode::Help, k(KeyCode::Char('q'))), Some(Action::Escape));
        assert_eq!(
            key(Mode::Switcher, k(KeyCode::Char('3'))),
            Some(Action::SwitcherPick(2))
        );
    }
}
