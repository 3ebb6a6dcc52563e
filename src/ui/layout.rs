//! Where each region goes, for any terminal size. Pure: a function of the size and toggles.

use ratatui::layout::Rect;

/// Narrower or lower than this, only a notice is shown.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// The article is wrapped at most this wide.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// The contents are shown by default from this width.
pub const TOC_AUTO_WIDTH: u16 = 110;
/// The panels are shown beside the article by default from this width.
pub const PANELS_AUTO_WIDTH: u16 = 140;
/// The contents column, sized to the headings within these bounds.
pub const TOC_MIN_WIDTH: u16 = 22;
pub const TOC_MAX_WIDTH: u16 = 44;
/// The panels column.
const PANELS_MIN_WIDTH: u16 = 36;
const PANELS_MAX_WIDTH: u16 = 60;
/// The article never gets less than this beside other columns: what does not fit beside it
/// goes over it (when asked for) or away.
pub const MIN_ARTICLE: u16 = 40;
/// The panels are wide and consulted now and then: beside them the article keeps more.
const MIN_ARTICLE_BESIDE_PANELS: u16 = 60;
/// The article's width with its margins when it has all it wants.
const FULL_ARTICLE: u16 = MAX_TEXT_WIDTH + 2;

/// A region shown over the article because there was no room beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cover {
    Toc,
    Panels,
}

/// What is asked for: the contents and panels beside the article where they fit, and the one
/// opened by a key press where they did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wants {
    pub toc: bool,
    pub panels: bool,
    pub cover: Option<Cover>,
    /// Columns the contents would like: their longest entry, with mark and separator.
    pub toc_width: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub header: Option<Rect>,
    pub toc: Option<Rect>,
    pub article: Rect,
    /// Where the article's text goes inside `article` (centred, at most MAX_TEXT_WIDTH).
    pub text: Rect,
    pub quotes: Option<Rect>,
    pub entities: Option<Rect>,
    pub status: Rect,
    /// The region drawn over the article, if any (its rectangle is `toc` or the panels').
    pub covering: Option<Cover>,
    pub too_small: bool,
}

/// The contents' width: what they would like, within bounds, leaving the article its full
/// width when the window has room for that, else at least MIN_ARTICLE.
fn toc_width(w: u16, wanted: u16, panels: u16) -> u16 {
    let wanted = wanted.clamp(TOC_MIN_WIDTH, TOC_MAX_WIDTH);
    let spare = w.saturating_sub(panels + FULL_ARTICLE);
    wanted.min(spare.max(TOC_MIN_WIDTH))
}

fn panels_width(w: u16) -> u16 {
    w.saturating_sub(FULL_ARTICLE)
        .clamp(PANELS_MIN_WIDTH, PANELS_MAX_WIDTH)
        .min(w.saturating_sub(MIN_ARTICLE_BESIDE_PANELS))
}

pub fn layout(width: u16, height: u16, want: Wants) -> Layout {
    let full = Rect::new(0, 0, width, height);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Layout {
            article: full,
            text: full,
            status: full,
            too_small: true,
            ..Layout::default()
        };
    }
    let header_h = u16::from(height >= 10);
    let header = (header_h > 0).then(|| Rect::new(0, 0, width, 1));
    let status = Rect::new(0, height - 1, width, 1);
    let body = Rect::new(0, header_h, width, height - header_h - 1);

    // Beside the article: the contents first, then the panels, each only where the article
    // keeps MIN_ARTICLE columns.
    let want_toc = want.toc || want.cover == Some(Cover::Toc);
    let want_panels = want.panels || want.cover == Some(Cover::Panels);
    let toc_beside = want_toc && width >= TOC_MIN_WIDTH + MIN_ARTICLE;
    let panels_room = if toc_beside {
        width - TOC_MIN_WIDTH
    } else {
        width
    };
    let panels_beside = want_panels && panels_room >= PANELS_MIN_WIDTH + MIN_ARTICLE_BESIDE_PANELS;
    // The contents are sized to their entries first; the panels take what is left.
    let tw = if toc_beside {
        let panels_min = if panels_beside { PANELS_MIN_WIDTH } else { 0 };
        toc_width(width, want.toc_width, panels_min)
    } else {
        0
    };
    let pw = if panels_beside {
        panels_width(width - tw)
    } else {
        0
    };
    let mut toc = toc_beside.then(|| Rect::new(0, body.y, tw, body.height));
    let (x, w) = (tw, width - tw - pw);
    let split = |r: Rect| {
        let qh = r.height / 2;
        (
            Rect::new(r.x, r.y, r.width, qh),
            Rect::new(r.x, r.y + qh, r.width, r.height - qh),
        )
    };
    let (mut quotes, mut entities) = if panels_beside {
        let (q, e) = split(Rect::new(x + w, body.y, pw, body.height));
        (Some(q), Some(e))
    } else {
        (None, None)
    };
    // What was opened by hand but does not fit goes over the whole body.
    let covering = match want.cover {
        Some(Cover::Toc) if !toc_beside => {
            toc = Some(body);
            Some(Cover::Toc)
        }
        Some(Cover::Panels) if !panels_beside => {
            let (q, e) = split(body);
            (quotes, entities) = (Some(q), Some(e));
            Some(Cover::Panels)
        }
        _ => None,
    };
    let article = Rect::new(x, body.y, w, body.height);
    let text_w = w.saturating_sub(2).min(MAX_TEXT_WIDTH).max(1.min(w));
    let text = Rect::new(x + (w - text_w) / 2, body.y, text_w, body.height);
    Layout {
        header,
        toc,
        article,
        text,
        quotes,
        entities,
        status,
        covering,
        too_small: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn want(toc: bool, panels: bool, cover: Option<Cover>, toc_width: u16) -> Wants {
        Wants {
            toc,
            panels,
            cover,
            toc_width,
        }
    }

    #[test]
    fn wide_shows_all_three_with_whole_headings() {
        let l = layout(160, 45, want(true, true, None, 38));
        assert_eq!(l.toc.map(|t| t.width), Some(38), "{l:?}");
        assert_eq!(l.text.width, MAX_TEXT_WIDTH, "{l:?}");
        let q = l.quotes.unwrap();
        assert!(q.width >= PANELS_MIN_WIDTH);
        assert!(l.article.x + l.article.width <= q.x);
        assert_eq!(q.x + q.width, 160);
        // Contents alone at 120: sized to the headings from the margin the article leaves.
        let l = layout(120, 40, want(true, false, None, 38));
        assert_eq!((l.toc.unwrap().width, l.text.width), (38, MAX_TEXT_WIDTH));
        // Long headings take no more than the bound.
        let l = layout(200, 40, want(true, false, None, 90));
        assert_eq!(l.toc.unwrap().width, TOC_MAX_WIDTH);
    }

    #[test]
    fn medium_and_tiny() {
        let l = layout(80, 24, want(false, false, None, 30));
        assert_eq!(l.text.width, 78);
        assert_eq!(l.header.map(|h| h.y), Some(0));
        assert_eq!(l.status.y, 23);
        assert!(layout(19, 24, want(false, false, None, 30)).too_small);
        assert!(layout(80, 4, want(false, false, None, 30)).too_small);
        let low = layout(30, 6, want(true, true, None, 30));
        assert!(!low.too_small && low.header.is_none());
    }

    #[test]
    fn what_does_not_fit_goes_away_or_over_the_article() {
        // Wanted beside but no room: away, the article keeps the window.
        let l = layout(60, 24, want(true, true, None, 30));
        assert!(l.toc.is_none() && l.quotes.is_none() && l.covering.is_none());
        assert_eq!(l.article.width, 60);
        // At 80 the contents fit beside (the article keeps 58), the panels do not.
        let l = layout(80, 24, want(true, true, None, 30));
        assert_eq!(
            (l.toc.map(|t| t.width), l.quotes),
            (Some(TOC_MIN_WIDTH), None)
        );
        // Opened by hand: over the article, which keeps its own width underneath.
        let l = layout(80, 24, want(false, false, Some(Cover::Panels), 30));
        assert_eq!(l.covering, Some(Cover::Panels));
        assert_eq!(l.quotes.map(|q| q.width), Some(80));
        assert_eq!(l.text.width, 78);
        let l = layout(50, 24, want(true, false, Some(Cover::Toc), 30));
        assert_eq!(
            (l.covering, l.toc.map(|t| t.width)),
            (Some(Cover::Toc), Some(50))
        );
        // Opened by hand where it fits: beside, not over.
        let l = layout(160, 45, want(false, false, Some(Cover::Panels), 30));
        assert!(l.covering.is_none() && l.quotes.is_some());
    }

    #[test]
    fn the_article_keeps_a_readable_width_at_every_size() {
        for w in MIN_WIDTH..260u16 {
            for toc_width in [0, 30, 70] {
                for (toc, panels) in [(true, true), (true, false), (false, true)] {
                    let l = layout(w, 30, want(toc, panels, None, toc_width));
                    assert!(l.article.width >= MIN_ARTICLE.min(w), "{w} {l:?}");
                    if w >= 160 {
                        assert_eq!(l.toc.is_some(), toc, "{w}");
                        assert_eq!(l.quotes.is_some(), panels, "{w}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_size_fits() {
        for w in 0..200u16 {
            for h in [0u16, 1, 5, 9, 10, 24, 100] {
                let cover = [None, Some(Cover::Toc), Some(Cover::Panels)][w as usize % 3];
                let l = layout(w, h, want(w % 2 == 0, w % 5 < 2, cover, w / 2));
                for r in [
                    Some(l.article),
                    Some(l.text),
                    l.toc,
                    l.quotes,
                    l.entities,
                    l.header,
                ] {
                    let r = r.unwrap_or_default();
                    assert!(
                        r.x + r.width <= w.max(r.x) && r.y + r.height <= h.max(r.y),
                        "{w}x{h} {l:?}"
                    );
                }
            }
        }
    }
}
