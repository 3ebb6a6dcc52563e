//! What can happen to the model: every key, click, resize and background result becomes one
//! of these, and `update` is the only place that acts on them.

use crate::analysis::Analysis;
use crate::feeds::refresh::{Report, Summary};
use crate::feeds::store::{FeedRow, ItemRow, ItemText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Toc,
    Article,
    Quotes,
    Entities,
}

/// The mode that decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Searching,
    Help,
    Switcher,
    Links,
    /// The feed list or an item list.
    Feeds,
    /// Typing a search of all items.
    FeedSearch,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Move the focused list's cursor, or scroll the article, by this many lines.
    Line(isize),
    Page(isize),
    HalfPage(isize),
    Top,
    Bottom,
    NextSection,
    PrevSection,
    FocusNext,
    FocusPrev,
    Activate,
    ToggleToc,
    TogglePanels,
    ToggleHighlight,
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    SearchSubmit,
    NextMatch,
    PrevMatch,
    Escape,
    Help,
    OpenSwitcher,
    /// Pick the n-th entry (0-based) of the language switcher.
    SwitcherPick(usize),
    /// List the article's links.
    OpenLinks,
    /// Open the n-th link (0-based) of the list.
    LinkPick(usize),
    /// The mouse wheel at a place on the screen: scrolls what is there.
    Wheel {
        column: u16,
        row: u16,
        delta: isize,
    },
    /// All matches of the query of `generation`, counted in the background.
    SearchCounted {
        generation: u64,
        all: MatchList,
    },
    Click {
        column: u16,
        row: u16,
    },
    Resize(u16, u16),
    /// What sanitising neutralises in the whole article.
    Neutralised(crate::article::sanitize::Neutralised),
    /// The analysis stopped on an internal error.
    AnalysisFailed,
    /// The analysis of the next batch; `percent` of the article is done.
    AnalysisPart {
        part: Box<Analysis>,
        percent: usize,
        last: bool,
    },
    /// Open another article in the reader (the current one can be gone back to).
    Open(super::load::Request),
    /// How the download of the article being opened goes.
    LoadProgress {
        received: u64,
        total: Option<u64>,
    },
    /// The article being opened, ready.
    Loaded(super::load::Payload<crate::document::Document>),
    /// The article could not be opened: why, in the interface language.
    LoadFailed(String),
    /// How far reading and parsing the whole of a large article has come, in percent.
    StructureProgress(usize),
    /// The whole article, to replace its start.
    Structure(super::load::Payload<crate::document::Document>),
    /// The whole article could not be read: why, in the interface language (the start stays).
    StructureFailed(String),
    /// Back to the article read before (or stop a download under way).
    Back,
    Quit,
    Suspend,
    /// On the feed screens.
    Feeds(FeedAction),
}

/// All matches of one query, counted in the background.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchList {
    pub starts: Vec<u32>,
    /// More matches exist than were listed.
    pub capped: bool,
}

/// What happens on the feed screens: keys, and the database thread's answers.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedAction {
    Line(isize),
    Page(isize),
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    RefreshOne,
    RefreshAll,
    NextUnread,
    MarkAllRead,
    Star,
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    SearchSubmit,
    SearchCancel,
    /// Open or close the keys' help.
    Help,
    /// The feed list, read.
    FeedList(Vec<FeedRow>),
    /// The items of a feed (`feed`) or of a search (None), read.
    Items {
        feed: Option<i64>,
        rows: Vec<ItemRow>,
    },
    /// An item's text, to open.
    ItemText(Box<ItemText>),
    Refreshed(Report),
    RefreshDone(Summary),
    /// The database failed: why, in the interface language.
    Failed(String),
}
