//! The interactive reader: model, actions, keymap, update and the event loop.

pub mod action;
pub mod feeds;
pub mod feeds_io;
pub mod grow;
pub mod keymap;
pub mod load;
pub mod model;
pub mod run;
pub mod update;

pub use action::{Action, Focus};
pub use model::Model;
pub use update::update;

#[cfg(test)]
mod tests;
