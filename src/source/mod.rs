//! Where an article's bytes come from besides files and standard input: the web.

pub mod file;
pub mod http;
