//! The six languages krant knows: article languages and interface languages.

use serde::Serialize;

/// One of the six languages an article is analysed in and the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
    De,
    Fr,
    Es,
    Pt,
}

impl Lang {
    /// All languages, in the order the sample lists them.
    pub const ALL: [Lang; 6] = [Lang::Nl, Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Pt];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// The language's name in itself (the label a switcher shows).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Pt => "Português",
        }
    }

    /// Parses a code such as `de`, `de-AT`, `de_DE.UTF-8` or `pt_BR`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Recognises a language label written in any of the six languages,
    /// e.g. `Nederlands`, `Dutch`, `Niederländisch`, `néerlandais`, `neerlandés`, `holandês`.
    pub fn from_label(label: &str) -> Option<Lang> {
        let l = label
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if l.is_empty() {
            return None;
        }
        LABELS
            .iter()
            .find(|(names, _)| names.contains(&l.as_str()))
            .map(|(_, lang)| *lang)
    }
}

/// Names of each language in the six languages (lower case).
const LABELS: [(&[&str], Lang); 6] = [
    (
        &[
            "nederlands",
            "dutch",
            "niederländisch",
            "néerlandais",
            "neerlandés",
            "holandés",
            "neerlandês",
            "holandês",
            "vlaams",
        ],
        Lang::Nl,
    ),
    (
        &[
            "english", "engels", "englisch", "anglais", "inglés", "inglês",
        ],
        Lang::En,
    ),
    (
        &["deutsch", "german", "duits", "allemand", "alemán", "alemão"],
        Lang::De,
    ),
    (
        &[
            "français",
            "francais",
            "french",
            "frans",
            "französisch",
            "francés",
            "francês",
        ],
        Lang::Fr,
    ),
    (
        &[
            "español",
            "espanol",
            "spanish",
            "spaans",
            "spanisch",
            "espagnol",
            "castellano",
            "espanhol",
        ],
        Lang::Es,
    ),
    (
        &[
            "português",
            "portugues",
            "portuguese",
            "portugees",
            "portugiesisch",
            "portugais",
            "portugués",
        ],
        Lang::Pt,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_every_language() {
        assert_eq!(Lang::from_label("Nederlands"), Some(Lang::Nl));
        assert_eq!(Lang::from_label("Niederländisch"), Some(Lang::Nl));
        assert_eq!(Lang::from_label("ALLEMAND"), Some(Lang::De));
        assert_eq!(Lang::from_label(" Português "), Some(Lang::Pt));
        assert_eq!(Lang::from_label("Klingon"), None);
        assert_eq!(Lang::from_label(""), None);
    }

    #[test]
    fn codes_from_locales() {
        assert_eq!(Lang::from_code("de_DE.UTF-8"), Some(Lang::De));
        assert_eq!(Lang::from_code("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("C"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(Lang::from_label(l.native_name()), Some(l));
        }
    }
}
