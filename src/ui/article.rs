//! The article: only the visible rows are wrapped and drawn.

use super::theme::Theme;
use crate::app::model::{Model, Nav, Pos};
use crate::article::BlockKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// Raw ranges (absolute) overlapping `within`, from a list sorted by start.
fn overlapping<'a, T>(
    list: &'a [T],
    within: &Range<usize>,
    range: impl Fn(&T) -> Range<usize> + Copy + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    // Ranges are short; look back a little for ones that start before `within`.
    let first = list.partition_point(|x| range(x).start < within.start.saturating_sub(4096));
    let end = within.end;
    let start = within.start;
    list[first..]
        .iter()
        .take_while(move |x| range(x).start < end)
        .filter(move |x| range(x).end > start)
}

/// Styled segments of one screen row.
fn row_line(m: &Model, theme: &Theme, pos: Pos) -> Line<'static> {
    let Some(chunk) = m.doc.chunks.get(pos.chunk) else {
        return Line::default();
    };
    let w = m.wrapped(pos.chunk);
    let Some(row) = w.rows.get(pos.row).cloned() else {
        return Line::default();
    };
    let base = match m.doc.chunk_kind(pos.chunk) {
        BlockKind::Lead => theme.lead(),
        BlockKind::Heading => theme.heading(),
        BlockKind::Caption => theme.caption(),
        BlockKind::Quote => Style::new().italic(),
        _ => Style::new(),
    };
    // Layers, lowest first: (display range within the chunk, style).
    let mut layers: Vec<(Range<usize>, Style)> = Vec::new();
    let raw_lo = chunk.range.start + w.to_raw(row.start);
    let raw_hi = chunk.range.start + w.to_raw(row.end);
    let raw_row = raw_lo..raw_hi.max(raw_lo + 1);
    let to_disp = |r: &Range<usize>| {
        let s = w.to_display(r.start.saturating_sub(chunk.range.start));
        let e = w.to_display(
            r.end
                .saturating_sub(chunk.range.start)
                .min(chunk.range.len()),
        );
        s.max(row.start)..e.min(row.end)
    };
    if m.highlight {
        if let Some(a) = &m.analysis {
            for q in overlapping(&a.quotes, &raw_row, |q| q.range()) {
                layers.push((to_disp(&q.range()), theme.quote()));
            }
            for x in overlapping(&a.spans, &raw_row, |x| x.range()) {
                if let Some(e) = a.entity_of(x) {
                    layers.push((to_disp(&x.range()), theme.entity(e.kind)));
                }
            }
        }
    }
    for l in overlapping(&m.doc.article.links, &raw_row, |l| l.range.clone()) {
        layers.push((to_disp(&l.range), theme.link()));
    }
    if m.search.active() {
        // Matches on this row, found in its chunk (never a list of the whole article).
        let cur = matches!(m.nav, Nav::Search)
            .then(|| m.search.current.clone())
            .flatten();
        let chunk_text = &m.doc.article.text[chunk.range.clone()];
        let q = &m.search.query;
        let mut from = raw_row.start.saturating_sub(chunk.range.start + 64);
        while let Some(r) = q.find(chunk_text, from) {
            let abs = chunk.range.start + r.start..chunk.range.start + r.end;
            if abs.start >= raw_row.end {
                break;
            }
            from = r.end.max(r.start + 1);
            if abs.end <= raw_row.start {
                continue;
            }
            let style = if cur.as_ref() == Some(&abs) {
                theme.search_current()
            } else {
                theme.search_match()
            };
            layers.push((to_disp(&abs), style));
        }
    }
    if let Some(f) = &m.flash {
        if f.start < raw_row.end && f.end > raw_row.start {
            layers.push((to_disp(f), theme.flash()));
        }
    }
    let mut cuts: Vec<usize> = vec![row.start, row.end];
    for (r, _) in &layers {
        if r.start < r.end {
            cuts.push(r.start);
            cuts.push(r.end);
        }
    }
    cuts.retain(|&c| c >= row.start && c <= row.end && w.display.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|p| {
            let mut style = base;
            for (r, s) in &layers {
                if r.start <= p[0] && p[1] <= r.end {
                    style = style.patch(*s);
                }
            }
            Span::styled(w.display[p[0]..p[1]].to_owned(), style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

pub fn render(m: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    for (i, pos) in m.visible_rows().into_iter().enumerate() {
        let y = area.y + i as u16;
        if y >= area.y + area.height {
            break;
        }
        let line = row_line(m, theme, pos);
        buf.set_line(area.x, y, &line, area.width);
    }
}
