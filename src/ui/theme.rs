//! Styles. Every distinction also reads without colour (NO_COLOR): bold, underline, reverse.

use crate::analysis::EntityKind;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn lead(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    /// Picture credits: dim and italic.
    pub fn caption(&self) -> Style {
        self.dim().add_modifier(Modifier::ITALIC)
    }
    /// Byline and dateline in the header: the header's style, dimmed.
    pub fn header_meta(&self) -> Style {
        self.header().add_modifier(Modifier::DIM | Modifier::ITALIC)
    }
    pub fn title(&self, focused: bool) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if focused {
            s.add_modifier(Modifier::REVERSED)
        } else {
            s
        }
    }
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
    pub fn current(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn quote(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::UNDERLINED)
    }
    pub fn entity(&self, kind: EntityKind) -> Style {
        let c = match kind {
            EntityKind::Person => Color::LightBlue,
            EntityKind::Organization => Color::LightMagenta,
            EntityKind::Place => Color::LightYellow,
            EntityKind::Other => Color::LightCyan,
            EntityKind::Money | EntityKind::Number | EntityKind::Date => Color::LightGreen,
        };
        self.fg(c).add_modifier(Modifier::BOLD)
    }
    pub fn search_match(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn search_current(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn link(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }
    pub fn flash(&self) -> Style {
        self.fg(Color::LightRed)
            .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
    }
    pub fn marker(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
}
