//! krant: a terminal news reader.
//!
//! Data flows one way: bytes → decode → parse → [`article::Article`] → analyze →
//! [`analysis::Analysis`] → model → view. Everything up to the model is pure and
//! knows nothing of terminals.
#![deny(clippy::unwrap_used)]

pub mod analysis;
pub mod article;
pub mod document;
pub mod i18n;
pub mod input;
pub mod lang;
pub mod ui;
