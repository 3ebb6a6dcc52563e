//! Interface strings through Project Fluent: one bundle per language, English beneath every
//! other language as the fallback, bidi isolation marks off (they break width arithmetic).

use crate::article::sanitize;
use crate::lang::Lang;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::borrow::Cow;
use unic_langid::LanguageIdentifier;

/// The catalogues, embedded in the binary.
pub const CATALOGUES: &[(Lang, &str)] = &[
    (Lang::En, include_str!("../i18n/en/krant.ftl")),
    (Lang::Nl, include_str!("../i18n/nl/krant.ftl")),
    (Lang::De, include_str!("../i18n/de/krant.ftl")),
    (Lang::Fr, include_str!("../i18n/fr/krant.ftl")),
    (Lang::Es, include_str!("../i18n/es/krant.ftl")),
    (Lang::Pt, include_str!("../i18n/pt/krant.ftl")),
];

fn catalogue(lang: Lang) -> Option<&'static str> {
    CATALOGUES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s)
}

/// Whether the interface can speak `lang`.
pub fn has_catalogue(lang: Lang) -> bool {
    catalogue(lang).is_some()
}

/// A bundle from catalogue text; syntax errors lose only the broken messages.
pub fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        // A catalogue with syntax errors still yields the messages that parsed.
        Err((r, _)) => r,
    };
    // Duplicate ids keep the first definition.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The interface language's strings.
pub struct I18n {
    lang: Lang,
    chosen: Option<FluentBundle<FluentResource>>,
    english: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("lang", &self.lang).finish()
    }
}

impl I18n {
    pub fn new(lang: Lang) -> I18n {
        let english = bundle(Lang::En, catalogue(Lang::En).unwrap_or_default());
        let chosen = match lang {
            Lang::En => None,
            _ => catalogue(lang).map(|src| bundle(lang, src)),
        };
        let lang = if lang == Lang::En || chosen.is_some() {
            lang
        } else {
            Lang::En
        };
        I18n {
            lang,
            chosen,
            english,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with arguments; arguments are sanitised, the result is one safe line.
    pub fn tr_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            let v = match v {
                FluentValue::String(s) => {
                    FluentValue::String(Cow::Owned(sanitize::one_line(s).into_owned()))
                }
                other => other.clone(),
            };
            fargs.set(*k, v);
        }
        for b in self.chosen.iter().chain(std::iter::once(&self.english)) {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let s = b.format_pattern(pattern, Some(&fargs), &mut errors);
                return sanitize::one_line(&s).into_owned();
            }
        }
        id.to_owned()
    }

    /// `text` between the interface language's quotation marks: “…” (en, nl), „…“ (de),
    /// « … » (fr, with no-break spaces inside), «…» (es, pt). The text is not formatted.
    pub fn quoted(&self, text: &str) -> String {
        format!("{}{text}{}", self.tr("quote-open"), self.tr("quote-close"))
    }

    /// Why a read or a write failed: the common cases in the interface language, others as
    /// the system words them (without its "(os error N)").
    pub fn io_reason(&self, e: &std::io::Error) -> String {
        match e.kind() {
            std::io::ErrorKind::PermissionDenied => self.tr("reason-permission-denied"),
            std::io::ErrorKind::StorageFull => self.tr("reason-storage-full"),
            _ => {
                let s = e.to_string();
                s.split(" (os error").next().unwrap_or(&s).to_owned()
            }
        }
    }

    pub fn tr(&self, id: &str) -> String {
        self.tr_args(id, &[])
    }

    /// A message with one numeric argument.
    pub fn tr_n(&self, id: &str, name: &str, n: usize) -> String {
        self.tr_args(id, &[(name, FluentValue::from(n))])
    }

    /// A message with one string argument.
    pub fn tr_s(&self, id: &str, name: &str, s: &str) -> String {
        self.tr_args(id, &[(name, FluentValue::from(s.to_owned()))])
    }
}

/// The language to start in: `--lang`, else the saved one, else the locale, else English.
pub fn negotiate(
    cli: Option<Lang>,
    saved: Option<Lang>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Lang {
    let from_env = || {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(&v))
    };
    cli.or(saved)
        .or_else(from_env)
        .filter(|l| has_catalogue(*l))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_fallback() {
        let en = I18n::new(Lang::En);
        assert_eq!(en.tr_n("status-left", "minutes", 1), "1 minute left");
        assert_eq!(en.tr_n("status-left", "minutes", 5), "5 minutes left");
        assert_eq!(en.tr("no-such-message"), "no-such-message");
        // No isolation marks around arguments.
        assert_eq!(
            en.tr_s("error-not-found", "path", "a.txt"),
            "a.txt: no such file"
        );
    }

    #[test]
    fn arguments_are_sanitised() {
        let en = I18n::new(Lang::En);
        let s = en.tr_s("error-not-found", "path", "evil\x1b]0;x\x07\nname");
        assert!(!s.chars().any(char::is_control), "{s:?}");
    }

    /// Message ids and, per message, the variables it uses (from the parsed catalogue).
    fn messages(
        src: &str,
    ) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        use fluent_syntax::ast;
        let res = fluent_syntax::parser::parse(src).unwrap_or_else(|(r, _)| r);
        let mut out = std::collections::BTreeMap::new();
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = std::collections::BTreeSet::new();
                if let Some(p) = &m.value {
                    collect_vars(p, &mut vars);
                }
                // Fluent keeps the first of two definitions: a second one is a mistake.
                let id = m.id.name.to_owned();
                assert!(out.insert(id.clone(), vars).is_none(), "{id} defined twice");
            }
        }
        out
    }

    fn collect_vars(
        p: &fluent_syntax::ast::Pattern<&str>,
        vars: &mut std::collections::BTreeSet<String>,
    ) {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        fn inline(e: &InlineExpression<&str>, vars: &mut std::collections::BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    vars.insert(id.name.to_owned());
                }
                InlineExpression::Placeable { expression } => expr(expression, vars),
                _ => {}
            }
        }
        fn expr(e: &Expression<&str>, vars: &mut std::collections::BTreeSet<String>) {
            match e {
                Expression::Select { selector, variants } => {
                    inline(selector, vars);
                    for v in variants {
                        for el in &v.value.elements {
                            if let PatternElement::Placeable { expression } = el {
                                expr(expression, vars);
                            }
                        }
                    }
                }
                Expression::Inline(i) => inline(i, vars),
            }
        }
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, vars);
            }
        }
    }

    #[test]
    fn every_language_has_every_message_and_variable() {
        let english = messages(catalogue(Lang::En).unwrap());
        assert!(english.len() > 50);
        for lang in Lang::ALL {
            let src = catalogue(lang).unwrap_or_else(|| panic!("no catalogue for {lang:?}"));
            let (_, errors) = match fluent_syntax::parser::parse(src) {
                Ok(r) => (r, vec![]),
                Err((r, e)) => (r, e),
            };
            assert!(errors.is_empty(), "{lang:?} has syntax errors: {errors:?}");
            let theirs = messages(src);
            for (id, vars) in &english {
                let Some(v) = theirs.get(id) else {
                    panic!("{lang:?} lacks message {id}");
                };
                assert_eq!(v, vars, "{lang:?} {id}: variables differ from English");
            }
            for id in theirs.keys() {
                assert!(
                    english.contains_key(id),
                    "{lang:?} has {id}, English does not"
                );
            }
        }
    }

    #[test]
    fn hostile_catalogues_load_and_render_safely() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/i18n");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let src = String::from_utf8_lossy(&bytes);
            let b = bundle(Lang::En, &src);
            for id in [
                "app-title",
                "quit",
                "reading",
                "section-count",
                "cyc-a",
                "lol9",
            ] {
                if let Some(p) = b.get_message(id).and_then(|m| m.value()) {
                    let mut errors = vec![];
                    let mut args = FluentArgs::new();
                    args.set("count", 3);
                    args.set("title", "x");
                    let s = b.format_pattern(p, Some(&args), &mut errors);
                    let safe = sanitize::one_line(&s);
                    assert!(!safe.chars().any(char::is_control), "{path:?} {id}");
                }
            }
        }
    }

    #[test]
    fn every_language_speaks_its_own_words() {
        for lang in Lang::ALL {
            let i = I18n::new(lang);
            assert_eq!(i.lang(), lang);
            let hint = i.tr("status-hints");
            assert!(!hint.contains("status-"), "{lang:?}");
            if lang != Lang::En {
                assert_ne!(
                    i.tr("toc-title"),
                    "Contents",
                    "{lang:?} falls back to English"
                );
            }
        }
        assert_eq!(
            I18n::new(Lang::Nl).tr_n("status-left", "minutes", 5),
            "nog 5 minuten"
        );
    }

    #[test]
    fn each_language_quotes_with_its_own_marks() {
        for (lang, want) in [
            (Lang::En, "“Ja.”"),
            (Lang::Nl, "“Ja.”"),
            (Lang::De, "„Ja.“"),
            (Lang::Fr, "«\u{a0}Ja.\u{a0}»"),
            (Lang::Es, "«Ja.»"),
            (Lang::Pt, "«Ja.»"),
        ] {
            let quoted = I18n::new(lang).quoted("Ja.");
            assert_eq!(quoted, want, "{lang:?}");
            // One column per mark and per no-break space: nothing wide, nothing invisible.
            use unicode_width::UnicodeWidthStr;
            assert_eq!(quoted.width(), quoted.chars().count(), "{lang:?}");
        }
    }

    /// The English names of keys, by message id.
    const KEYS: [(&str, &str); 11] = [
        ("key-space", "Space"),
        ("key-enter", "Enter"),
        ("key-tab", "Tab"),
        ("key-shift", "Shift"),
        ("key-esc", "Esc"),
        ("key-pgup", "PgUp"),
        ("key-pgdn", "PgDn"),
        ("key-home", "Home"),
        ("key-end", "End"),
        ("key-ctrl", "Ctrl"),
        ("key-backspace", "Backspace"),
    ];

    /// Keys whose usual name in that language is the English one (Dutch keyboards are
    /// American ones; Portuguese says "tecla Enter", "tecla Shift").
    const SAME_KEYS: &[(Lang, &str)] = &[
        (Lang::Nl, "Enter"),
        (Lang::Nl, "Tab"),
        (Lang::Nl, "Shift"),
        (Lang::Nl, "Esc"),
        (Lang::Nl, "PgUp"),
        (Lang::Nl, "PgDn"),
        (Lang::Nl, "Home"),
        (Lang::Nl, "End"),
        (Lang::Nl, "Ctrl"),
        (Lang::Nl, "Backspace"),
        (Lang::De, "Tab"),
        (Lang::De, "Esc"),
        (Lang::Fr, "Tab"),
        (Lang::Fr, "Ctrl"),
        (Lang::Es, "Tab"),
        (Lang::Es, "Esc"),
        (Lang::Es, "Ctrl"),
        (Lang::Pt, "Enter"),
        (Lang::Pt, "Tab"),
        (Lang::Pt, "Shift"),
        (Lang::Pt, "Esc"),
        (Lang::Pt, "Ctrl"),
    ];

    /// `word` in `s` with no letter on either side.
    fn has_word(s: &str, word: &str) -> bool {
        s.match_indices(word).any(|(i, w)| {
            !s[..i].chars().next_back().is_some_and(char::is_alphabetic)
                && !s[i + w.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        })
    }

    #[test]
    fn help_and_hints_name_keys_in_the_interface_language() {
        let english = I18n::new(Lang::En);
        for (id, name) in KEYS {
            assert_eq!(english.tr(id), name);
        }
        let texts = [
            "help-close",
            "help-page",
            "help-ends",
            "help-focus",
            "help-enter",
            "help-quit",
            "help-back",
            "search-hint",
            "switcher-hint",
        ];
        assert!(has_word(&english.tr("help-page"), "PgUp"));
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let i = I18n::new(lang);
            for (id, name) in KEYS {
                let theirs = i.tr(id);
                let same = SAME_KEYS.contains(&(lang, name));
                assert_eq!(theirs == name, same, "{lang:?} {id}: {theirs}");
                if same {
                    continue;
                }
                for text in texts {
                    let t = i.tr(text);
                    assert!(
                        !has_word(&t, name),
                        "{lang:?} {text}: English {name} in {t}"
                    );
                }
            }
        }
        let de = I18n::new(Lang::De);
        assert_eq!(
            de.tr("help-focus"),
            "Tab Umschalt+Tab  Inhalt, Artikel, Bereiche"
        );
        assert_eq!(de.tr("help-quit"), "q Strg+C  beenden · Strg+Z  anhalten");
    }

    #[test]
    fn common_io_failures_are_told_in_the_interface_language() {
        use std::io::{Error, ErrorKind};
        let de = I18n::new(Lang::De);
        let denied = Error::from(ErrorKind::PermissionDenied);
        assert_eq!(de.io_reason(&denied), "keine Berechtigung");
        let full = Error::from_raw_os_error(libc::ENOSPC);
        assert_eq!(de.io_reason(&full), "kein Platz mehr auf dem Gerät");
        // Others as the system words them, without the error number.
        let other = Error::from_raw_os_error(libc::EIO);
        assert_eq!(de.io_reason(&other), "Input/output error");
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let i = I18n::new(lang);
            let en = I18n::new(Lang::En);
            assert_ne!(i.io_reason(&denied), en.io_reason(&denied), "{lang:?}");
            assert_ne!(i.io_reason(&full), en.io_reason(&full), "{lang:?}");
        }
    }

    #[test]
    fn negotiation_order() {
        let env = |k: &str| (k == "LANG").then(|| "de_DE.UTF-8".to_owned());
        let none = |_: &str| None;
        assert_eq!(negotiate(Some(Lang::En), Some(Lang::De), &env), Lang::En);
        assert_eq!(negotiate(None, None, &none), Lang::En);
        assert_eq!(negotiate(None, None, &env), Lang::De);
        assert_eq!(negotiate(None, Some(Lang::Fr), &env), Lang::Fr);
        let all = |k: &str| match k {
            "LC_ALL" => Some("es_ES.UTF-8".to_owned()),
            "LANG" => Some("de_DE.UTF-8".to_owned()),
            _ => None,
        };
        assert_eq!(negotiate(None, None, &all), Lang::Es);
        let c = |_: &str| Some("C".to_owned());
        assert_eq!(negotiate(None, None, &c), Lang::En);
    }
}
