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
const TOC_WIDTH: u16 = 28;
const MIN_ARTICLE: u16 = 40;

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
    pub too_small: bool,
}

pub fn layout(width: u16, height: u16, toc: bool, panels: bool) -> Layout {
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

    let mut x = 0;
    let mut w = width;
    let toc_rect = if toc {
        // On a narrow terminal the contents take the whole body while shown.
        let tw = if w >= TOC_WIDTH + MIN_ARTICLE {
            TOC_WIDTH
        } else {
            w
        };
        let r = Rect::new(x, body.y, tw, body.height);
        x += tw;
        w -= tw;
        Some(r)
    } else {
        None
    };
    let (mut quotes, mut entities) = (None, None);
    if panels && w > 0 {
        let pw = if w >= 60 + 36 {
            (w - MAX_TEXT_WIDTH.min(w)).clamp(36, 60).min(w - 60)
        } else {
            w
        };
        let px = x + w - pw;
        let qh = body.height / 2;
        quotes = Some(Rect::new(px, body.y, pw, qh));
        entities = Some(Rect::new(px, body.y + qh, pw, body.height - qh));
        w -= pw;
    }
    let article = Rect::new(x, body.y, w, body.height);
    let tw = w.saturating_sub(2).min(MAX_TEXT_WIDTH).max(1.min(w));
    let text = Rect::new(x + (w - tw) / 2, body.y, tw, body.height);
    Layout {
        header,
        toc: toc_rect,
        article,
        text,
        quotes,
        entities,
        status,
        too_small: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_shows_all_three() {
        let l = layout(160, 45, true, true);
        assert!(l.toc.is_some() && l.quotes.is_some() && l.entities.is_some());
        assert!(
            l.text.width >= 60 && l.text.width <= MAX_TEXT_WIDTH,
            "{l:?}"
        );
        let q = l.quotes.unwrap();
        assert!(l.article.x + l.article.width <= q.x);
        assert_eq!(q.x + q.width, 160);
    }

    #[test]
    fn medium_and_tiny() {
        let l = layout(80, 24, false, false);
        assert_eq!(l.text.width, 78);
        assert_eq!(l.header.map(|h| h.y), Some(0));
        assert_eq!(l.status.y, 23);
        let panels = layout(80, 24, false, true);
        assert_eq!(panels.quotes.map(|q| q.width), Some(80));
        assert!(layout(19, 24, false, false).too_small);
        assert!(layout(80, 4, false, false).too_small);
        let low = layout(30, 6, true, true);
        assert!(!low.too_small && low.header.is_none());
    }

    #[test]
    fn every_size_fits() {
        for w in 0..200u16 {
            for h in [0u16, 1, 5, 9, 10, 24, 100] {
                let l = layout(w, h, w % 2 == 0, w % 3 == 0);
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
