//! krant: a terminal news reader.
//!
//! Data flows one way: bytes → decode → parse → [`article::Article`] → analyze →
//! [`analysis::Analysis`] → model → view. Everything up to the model is pure and
//! knows nothing of terminals.
#![deny(clippy::unwrap_used)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod analysis;
pub mod app;
pub mod article;
pub mod cli;
pub mod document;
pub mod feeds;
pub mod i18n;
pub mod input;
pub mod lang;
pub mod memory;
pub mod output;
pub mod pipeline;
pub mod source;
pub mod store;
pub mod terminal;
#[cfg(test)]
mod test_dir;
pub mod ui;
