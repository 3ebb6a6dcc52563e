//! Interface strings through Project Fluent: one bundle per language, English beneath every
//! other language as the fallback, bidi isolation marks off (they break width arithmetic).

use crate::article::sanitize;
use crate::lang::Lang;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::borrow::Cow;
use unic_langid::LanguageIdentifier;

/// The catalogues, embedded in the binary.
pub const CATALOGUES: &[(Lang, &str)] = &[(Lang::En, include_str!("../i18n/en/krant.ftl"))];

fn catalogue(lang: Lang) -> Option<&'static str> {
    CATALOGUES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s)
}

/// Whether the interface can speak `lang`.
pub fn has_catalogue(lang: Lang) -> bool {
    catalogue(lang).is_some()
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
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

    #[test]
    fn negotiation_order() {
        let env = |k: &str| (k == "LANG").then(|| "de_DE.UTF-8".to_owned());
        let none = |_: &str| None;
        assert_eq!(negotiate(Some(Lang::En), Some(Lang::De), &env), Lang::En);
        assert_eq!(negotiate(None, None, &none), Lang::En);
        let c = |_: &str| Some("C".to_owned());
        assert_eq!(negotiate(None, None, &c), Lang::En);
    }
}
