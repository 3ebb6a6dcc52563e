//! The command line.

use crate::input::Source;
use crate::lang::Lang;
use std::path::PathBuf;

pub const USAGE: &str = "\
krant: read a news article in the terminal, with its quotes and named entities

usage: krant [OPTIONS] [FILE]

  FILE            the article to open (plain text, or an http(s) address);
                  - reads standard input;
                  without FILE the bundled sample article opens
  --dump          print the formatted article as plain text and exit
                  (also what happens when standard output is not a terminal)
  --width N       wrap --dump output at N columns (default 80)
  --analyze       print the article's structure, quotes and entities as JSON
  --lang CODE     interface language: nl, en, de, fr, es or pt
  -h, --help      show this help
  -V, --version   show the version

keys: press ? in the reader";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Read,
    Dump,
    Analyze,
    Help,
    Version,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub command: Command,
    pub source: Source,
    pub width: usize,
    pub lang: Option<Lang>,
}

/// Parses the arguments (without the program name). Errors are one line.
pub fn parse<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Result<Options, String> {
    let mut o = Options {
        command: Command::Read,
        source: Source::Sample,
        width: 80,
        lang: None,
    };
    let mut file: Option<Source> = None;
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        let s = arg.to_string_lossy().into_owned();
        let (flag, inline) = match s.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (s.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .ok_or_else(|| format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            _ if only_files => set_file(&mut file, Source::File(PathBuf::from(arg)))?,
            "--" => only_files = true,
            "-h" | "--help" => o.command = Command::Help,
            "-V" | "--version" => o.command = Command::Version,
            "--dump" => o.command = Command::Dump,
            "--analyze" => o.command = Command::Analyze,
            "--width" => {
                let v = value("--width")?;
                o.width = v
                    .parse::<usize>()
                    .ok()
                    .filter(|w| (10..=1000).contains(w))
                    .ok_or_else(|| format!("--width takes a number from 10 to 1000, not {v:?}"))?;
            }
            "--lang" => {
                let v = value("--lang")?;
                o.lang = Some(
                    Lang::from_code(&v)
                        .filter(|l| l.code().len() == v.len() || v.contains(['-', '_']))
                        .ok_or_else(|| {
                            format!("--lang takes nl, en, de, fr, es or pt, not {v:?}")
                        })?,
                );
            }
            "-" => set_file(&mut file, Source::Stdin)?,
            f if f.starts_with('-') => return Err(format!("unknown option {f}")),
            _ if crate::source::http::is_url(&s) => set_file(&mut file, Source::Url(s.clone()))?,
            _ => set_file(&mut file, Source::File(PathBuf::from(arg)))?,
        }
    }
    if let Some(f) = file {
        o.source = f;
    }
    Ok(o)
}

fn set_file(slot: &mut Option<Source>, s: Source) -> Result<(), String> {
    if slot.is_some() {
        return Err("only one article at a time".to_owned());
    }
    *slot = Some(s);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, String> {
        parse(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn options() {
        let o = p(&["--dump", "--width", "60", "a.txt"]).unwrap();
        assert_eq!(
            (o.command, o.width, o.source),
            (Command::Dump, 60, Source::File("a.txt".into()))
        );
        assert_eq!(p(&["--width=40", "-"]).unwrap().source, Source::Stdin);
        assert_eq!(p(&["--lang", "de"]).unwrap().lang, Some(Lang::De));
        assert_eq!(p(&[]).unwrap().source, Source::Sample);
        assert_eq!(
            p(&["--", "--dump"]).unwrap().source,
            Source::File("--dump".into())
        );
    }

    #[test]
    fn bad_options_are_one_line() {
        for bad in [
            &["--width", "x"][..],
            &["--width"],
            &["--lang", "xx"],
            &["--bogus"],
            &["a", "b"],
            &["--width", "0"],
        ] {
            let e = p(bad).unwrap_err();
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
