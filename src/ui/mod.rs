//! Drawing: one widget per screen region, each borrowing the model and drawing only what is
//! visible.

pub mod article;
pub mod feeds;
pub mod items;
pub mod layout;
pub mod list;
pub mod panels;
pub mod text;
pub mod theme;
pub mod toc;
pub mod toc_width;
pub mod view;
pub mod wrap;

pub use theme::Theme;
pub use view::{draw, view};
