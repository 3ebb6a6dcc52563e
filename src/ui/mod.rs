//! Drawing: one widget per screen region, each borrowing the model and drawing only what is
//! visible.

pub mod wrap;
