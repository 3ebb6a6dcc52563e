//! Articles: decoding bytes, sanitising for display, recognising structure.

pub mod decode;
pub mod html;
pub mod meta;
pub mod parse;
pub mod sanitize;
pub mod search;

pub use decode::{decode, DecodeError, Decoded, Encoding};
pub use parse::{parse, Article, Block, BlockKind, LanguageLabel, Link, Section};
