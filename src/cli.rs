//! The command line: the options, the usage errors and the `--help` text. Every word a person
//! reads comes from the interface catalogue; only the option names stay as they are.

use crate::i18n::I18n;
use crate::input::Source;
use crate::lang::Lang;
use std::ffi::OsString;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

/// The narrowest and widest `--width`.
pub const WIDTHS: std::ops::RangeInclusive<usize> = 10..=1000;
/// `--width` when none is given.
pub const DEFAULT_WIDTH: usize = 80;

/// What is wrong with the arguments, with the argument at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
    /// An option krant does not know, such as `--foo`.
    UnknownOption(String),
    /// An option that needs a value came last, such as `--width`.
    MissingValue(String),
    /// `--width` with something other than a number in `WIDTHS`.
    BadWidth(String),
    /// `--lang` with something other than one of the six languages.
    BadLang(String),
    /// A second article (krant opens one at a time).
    SecondFile(String),
}

impl CliError {
    /// The error in the interface language, one line.
    pub fn message(&self, i: &I18n) -> String {
        let s = |v: &str| fluent_bundle::FluentValue::from(v.to_owned());
        match self {
            CliError::UnknownOption(o) => i.tr_args("cli-unknown-option", &[("option", s(o))]),
            CliError::MissingValue(o) => i.tr_args("cli-missing-value", &[("option", s(o))]),
            CliError::BadWidth(v) => i.tr_args(
                "cli-bad-width",
                &[
                    ("option", s("--width")),
                    ("min", (*WIDTHS.start()).into()),
                    ("max", (*WIDTHS.end()).into()),
                    ("value", s(v)),
                ],
            ),
            CliError::BadLang(v) => {
                i.tr_args("cli-bad-lang", &[("option", s("--lang")), ("value", s(v))])
            }
            CliError::SecondFile(f) => i.tr_args("cli-second-file", &[("file", s(f))]),
        }
    }
}

/// The text of `--help` in the interface language: option names on the left, what they do on
/// the right, wrapped to 80 columns.
pub fn help_text(i: &I18n) -> String {
    const COLUMNS: usize = 80;
    let rows = [
        (i.tr("cli-file"), i.tr("cli-help-file")),
        ("--dump".to_owned(), i.tr("cli-help-dump")),
        (
            format!("--width {}", i.tr("cli-number")),
            i.tr_n("cli-help-width", "default", DEFAULT_WIDTH),
        ),
        ("--analyze".to_owned(), i.tr("cli-help-analyze")),
        (
            format!("--list {}", i.tr("cli-feed")),
            i.tr("cli-help-list"),
        ),
        (format!("--add {}", i.tr("cli-feed")), i.tr("cli-help-add")),
        ("--remove URL".to_owned(), i.tr("cli-help-remove")),
        (
            format!("--import {}", i.tr("cli-file")),
            i.tr("cli-help-import"),
        ),
        ("--export".to_owned(), i.tr("cli-help-export")),
        ("--refresh".to_owned(), i.tr("cli-help-refresh")),
        (
            format!("--lang {}", i.tr("cli-code")),
            i.tr("cli-help-lang"),
        ),
        ("-h, --help".to_owned(), i.tr("cli-help-help")),
        ("-V, --version".to_owned(), i.tr("cli-help-version")),
    ];
    let left = rows.iter().map(|(o, _)| o.width()).max().unwrap_or(0) + 4;
    // A long first line goes on under its first word, past "krant: ".
    let about = textwrap::Options::new(COLUMNS).subsequent_indent("       ");
    let about = textwrap::fill(&format!("krant: {}", i.tr("cli-about")), about);
    let mut out = format!("{about}\n\n{}\n\n", i.tr("cli-usage"));
    for (option, what) in &rows {
        let first = format!("  {option}{}", " ".repeat(left - 2 - option.width()));
        let rest = " ".repeat(left);
        let opts = textwrap::Options::new(COLUMNS)
            .initial_indent(&first)
            .subsequent_indent(&rest);
        for line in textwrap::wrap(what, opts) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&i.tr("cli-help-keys"));
    out
}

/// A `--lang` value: a code (`de`) or a locale name (`de-AT`, `de_DE.UTF-8`).
fn lang_value(v: &str) -> Option<Lang> {
    Lang::from_code(v).filter(|l| l.code().len() == v.len() || v.contains(['-', '_']))
}

/// The last good `--lang` among the arguments, whatever else is wrong with them: the language a
/// usage error is told in.
pub fn requested_lang(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        let value = match a.as_ref() {
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            s => s.strip_prefix("--lang=").map(str::to_owned),
        };
        if let Some(l) = value.as_deref().and_then(lang_value) {
            found = Some(l);
        }
    }
    found
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Read,
    Dump,
    Analyze,
    /// `--list FEED`: the feed's items as JSON.
    List,
    /// `--add URL|FILE`: subscribe to a feed.
    Add(String),
    /// `--remove URL`: unsubscribe.
    Remove(String),
    /// `--import FILE`: subscribe to the feeds of an OPML or newsboat `urls` file.
    Import(String),
    /// `--export`: the subscriptions as OPML.
    Export,
    /// `--refresh`: fetch every subscription, print a summary.
    Refresh,
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

/// Parses the arguments (without the program name).
pub fn parse<I: IntoIterator<Item = OsString>>(args: I) -> Result<Options, CliError> {
    let mut o = Options {
        command: Command::Read,
        source: Source::Sample,
        width: DEFAULT_WIDTH,
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
        let mut value = |name: &str| -> Result<String, CliError> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .ok_or_else(|| CliError::MissingValue(name.to_owned())),
            }
        };
        match flag.as_str() {
            _ if only_files => set_file(&mut file, Source::File(PathBuf::from(arg)))?,
            "--" => only_files = true,
            "-h" | "--help" => o.command = Command::Help,
            "-V" | "--version" => o.command = Command::Version,
            "--dump" => o.command = Command::Dump,
            "--analyze" => o.command = Command::Analyze,
            "--add" => o.command = Command::Add(value("--add")?),
            "--remove" => o.command = Command::Remove(value("--remove")?),
            "--import" => o.command = Command::Import(value("--import")?),
            "--export" => o.command = Command::Export,
            "--refresh" => o.command = Command::Refresh,
            "--list" => {
                let v = value("--list")?;
                o.command = Command::List;
                let feed = match v.as_str() {
                    "-" => Source::Stdin,
                    u if crate::source::http::is_url(u) => Source::Url(v.clone()),
                    _ => Source::File(PathBuf::from(v)),
                };
                set_file(&mut file, feed)?;
            }
            "--width" => {
                let v = value("--width")?;
                o.width = v
                    .parse::<usize>()
                    .ok()
                    .filter(|w| WIDTHS.contains(w))
                    .ok_or(CliError::BadWidth(v))?;
            }
            "--lang" => {
                let v = value("--lang")?;
                o.lang = Some(lang_value(&v).ok_or(CliError::BadLang(v))?);
            }
            "-" => set_file(&mut file, Source::Stdin)?,
            f if f.starts_with('-') => return Err(CliError::UnknownOption(f.to_owned())),
            _ if crate::source::http::is_url(&s) => set_file(&mut file, Source::Url(s.clone()))?,
            _ => set_file(&mut file, Source::File(PathBuf::from(arg)))?,
        }
    }
    if let Some(f) = file {
        o.source = f;
    }
    Ok(o)
}

fn set_file(slot: &mut Option<Source>, s: Source) -> Result<(), CliError> {
    if slot.is_some() {
        let name = match &s {
            Source::File(p) => crate::article::sanitize::path_for_display(p),
            Source::Url(u) => crate::article::sanitize::one_line(u).into_owned(),
            Source::Stdin | Source::Sample => "-".to_owned(),
        };
        return Err(CliError::SecondFile(name));
    }
    *slot = Some(s);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, CliError> {
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
        let list = p(&["--list", "https://a.example/feed"]).unwrap();
        assert_eq!(
            (list.command, list.source),
            (Command::List, Source::Url("https://a.example/feed".into()))
        );
        assert_eq!(
            p(&["--list=f.xml"]).unwrap().source,
            Source::File("f.xml".into())
        );
        assert_eq!(
            p(&["--add", "https://a.example/"]).unwrap().command,
            Command::Add("https://a.example/".into())
        );
        assert_eq!(
            p(&["--import=urls"]).unwrap().command,
            Command::Import("urls".into())
        );
        assert_eq!(p(&["--export"]).unwrap().command, Command::Export);
        assert_eq!(
            p(&["--remove"]).err(),
            Some(CliError::MissingValue("--remove".into()))
        );
        assert_eq!(
            p(&["--list"]).err(),
            Some(CliError::MissingValue("--list".into()))
        );
        assert_eq!(p(&[]).unwrap().source, Source::Sample);
        assert_eq!(
            p(&["--", "--dump"]).unwrap().source,
            Source::File("--dump".into())
        );
    }

    #[test]
    fn bad_options_name_the_argument_at_fault() {
        let err = |args: &[&str]| p(args).err();
        assert_eq!(err(&["--width", "x"]), Some(CliError::BadWidth("x".into())));
        assert_eq!(err(&["--width=0"]), Some(CliError::BadWidth("0".into())));
        assert_eq!(
            err(&["--width"]),
            Some(CliError::MissingValue("--width".into()))
        );
        assert_eq!(err(&["--lang", "xx"]), Some(CliError::BadLang("xx".into())));
        assert_eq!(
            err(&["--bogus=1"]),
            Some(CliError::UnknownOption("--bogus".into()))
        );
        assert_eq!(
            err(&["a", "b\x1b.txt"]),
            Some(CliError::SecondFile("b␛.txt".into()))
        );
    }

    #[test]
    fn a_usage_error_speaks_the_requested_language_if_any() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            requested_lang(&args(&["--lang", "fr", "--foo"])),
            Some(Lang::Fr)
        );
        assert_eq!(
            requested_lang(&args(&["--lang=de", "--lang", "pt_BR"])),
            Some(Lang::Pt)
        );
        assert_eq!(requested_lang(&args(&["--lang", "xx", "--foo"])), None);
        assert_eq!(requested_lang(&args(&["--lang"])), None);
        assert_eq!(requested_lang(&args(&["--", "--lang", "de"])), None);
    }

    fn every_error() -> Vec<(CliError, &'static str)> {
        vec![
            (CliError::UnknownOption("--bogus".into()), "--bogus"),
            (CliError::MissingValue("--width".into()), "--width"),
            (CliError::BadWidth("wide".into()), "wide"),
            (CliError::BadLang("xx".into()), "xx"),
            (CliError::SecondFile("b.txt".into()), "b.txt"),
        ]
    }

    /// The words of `s` a reader reads: three letters or more, outside option names (`--dump`)
    /// and outside `skip` (the argument at fault, the program's name).
    fn words(s: &str, skip: &str) -> std::collections::BTreeSet<String> {
        let s = if skip.is_empty() {
            s.to_owned()
        } else {
            s.replace(skip, " ")
        };
        s.split_whitespace()
            .filter(|t| !t.starts_with('-'))
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.chars().count() >= 3 && *w != "krant")
            .map(str::to_owned)
            .collect()
    }

    /// Words that are the same in English and in that language.
    const SAME: &[(Lang, &str)] = &[
        (Lang::Fr, "article"),
        (Lang::Fr, "option"),
        (Lang::Fr, "structure"),
        (Lang::Fr, "terminal"),
        (Lang::Fr, "standard"),
        (Lang::Fr, "interface"),
        (Lang::Fr, "version"),
        (Lang::Fr, "OPTIONS"),
        (Lang::Fr, "page"),
        (Lang::Fr, "web"),
        (Lang::Es, "web"),
        (Lang::Pt, "web"),
        (Lang::Es, "terminal"),
        (Lang::Pt, "terminal"),
        (Lang::Pt, "interface"),
        (Lang::Nl, "terminal"),
        (Lang::Nl, "interface"),
    ];

    /// No word of the English text `english` in `theirs` (the same text in `lang`).
    fn assert_no_english(lang: Lang, english: &str, theirs: &str, skip: &str) {
        let own = words(theirs, skip);
        for w in words(english, skip) {
            assert!(
                !own.contains(&w)
                    || SAME.contains(&(lang, w.as_str()))
                    || matches!(
                        w.as_str(),
                        "JSON" | "http" | "s" | "OPML" | "URL" | "urls" | "newsboat"
                    ),
                "{lang:?}: English {w:?} in {theirs:?}"
            );
        }
    }

    #[test]
    fn every_usage_error_is_translated_and_one_line() {
        let en = I18n::new(Lang::En);
        for (e, arg) in every_error() {
            let english = e.message(&en);
            assert!(english.contains(arg), "{english}");
            for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
                let theirs = e.message(&I18n::new(lang));
                assert!(theirs.contains(arg), "{lang:?}: {theirs}");
                assert!(!theirs.contains(['\n', '{', '}']), "{lang:?}: {theirs}");
                assert_no_english(lang, &english, &theirs, arg);
            }
        }
    }

    #[test]
    fn help_is_translated_and_fits_80_columns() {
        let english = help_text(&I18n::new(Lang::En));
        for lang in Lang::ALL {
            let help = help_text(&I18n::new(lang));
            for option in [
                "--dump",
                "--width",
                "--analyze",
                "--list",
                "--add",
                "--remove",
                "--import",
                "--export",
                "--lang",
                "--help",
                "--version",
            ] {
                assert!(help.contains(option), "{lang:?} lacks {option}");
            }
            assert!(help.lines().all(|l| l.width() <= 80), "{lang:?}:\n{help}");
            assert!(!help.contains(['{', '}']), "{lang:?}:\n{help}");
            if lang != Lang::En {
                assert_no_english(lang, &english, &help, "");
            }
        }
        assert!(english.contains("--width N"), "{english}");
        assert!(english.contains("(default 80)"), "{english}");
    }
}
