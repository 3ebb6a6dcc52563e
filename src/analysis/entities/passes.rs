//! The rule passes of [`super::find`] by name, and the switch that turns some off for the
//! evaluation (`krant-eval ner --off NAME,… | --ablate`). The switch is a thread-local the
//! reader never sets: the app always runs every pass. [`with_off`] sets it for one call,
//! and the analysis carries it into the threads it starts ([`current`]).

use crate::lang::Lang;
use std::cell::Cell;

/// One rule pass of the entity analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Persons named right after a title (`generaal Xavier Brunson`).
    Titled,
    /// A minister's portfolio joined by the model to the name after it is the department,
    /// and the name the title's person (`minister van [Defensie] [Hegseth]`).
    Portfolios,
    /// A name between commas a few words after a title (`The Defence Secretary, Pete
    /// Hegseth, said`).
    Apposition,
    /// German adjectives of nationality are `other` (`polnischer`).
    DeNationality,
    /// German adjectives of a place in `-er` are `other` (`Kieler`).
    DePlaceAdjectives,
    /// An indefinite article or quantifier does not open a name.
    Article,
    /// A sentence opener does not end a name (`Paula Toller Isso`).
    Opener,
    /// A span that does not look like a name is none ([`super::plausible_name`]).
    Plausible,
    /// A span in lower case is no name (but a nationality, `other`); not in German, where
    /// the lower-case names the model finds are press agencies (`dpa`, `ddp`).
    LowerCase,
    /// A pronoun alone is no name (`Cela`).
    Pronoun,
    /// A title alone is no name (`President`).
    TitleAlone,
    /// Job titles are no name, alone or in a row (`Police Superintendent`), and a person's
    /// name does not open with them (`House Speaker [Deborah King]`).
    JobTitles,
    /// A span of the model that holds job titles and then a person's name is that name, a
    /// person (`[Senate Minority Leader] Nia Hughes`).
    TitleInside,
    /// In a headline in Title Case a name is one only as far as the rest of the article
    /// names it (`[Nevada] Governor Debate`).
    TitleCase,
    /// Words of a sum, number or date are no name; a name keeps its number (`Formule 1`).
    Numbers,
    /// A name of two words followed by an age is a person's (`Odessa Love, 74,`).
    Age,
    /// A named storm is `other` (`Storm Imogen`).
    Storms,
    /// The gazetteer's kind wins over the model's for a known place or organisation.
    GazetteerKind,
    /// A title's person wins over a model span of the same extent.
    TitleWins,
    /// A lone first or last name joins the person named in full.
    GroupPeople,
    /// German: a lone person never named in full and unknown as a name is none.
    DeLonePersons,
    /// German: a genitive in `-s` of a known or mentioned name is shown by the base form
    /// (`Südkoreas` → `Südkorea`).
    DeGenitives,
    /// Two person spans of the model with one space between are one name (`[Treasurer
    /// Wade] [Bishop]`).
    Joined,
    /// The surname of a person named in full is that person wherever it stands alone,
    /// whether the model marked it or not (`Wade Bishop` … `Bishop said`).
    Surnames,
    /// A person span of the model with a conjunction between capitalised words is two
    /// persons (`[Bishop and Whitcomb] spoke`).
    Coordinated,
    /// A nickname in quotation marks between a first name and a surname is part of one
    /// person's name (`[Walter] “Buddy” [Pellham]` → `[Walter “Buddy” Pellham]`).
    Nicknames,
}

impl Pass {
    /// Every pass, in the order [`super::find`] runs them.
    pub const ALL: [Pass; 26] = [
        Pass::Titled,
        Pass::Portfolios,
        Pass::Apposition,
        Pass::DeNationality,
        Pass::DePlaceAdjectives,
        Pass::Article,
        Pass::Opener,
        Pass::Plausible,
        Pass::LowerCase,
        Pass::Pronoun,
        Pass::TitleAlone,
        Pass::JobTitles,
        Pass::TitleInside,
        Pass::TitleCase,
        Pass::Numbers,
        Pass::Age,
        Pass::Storms,
        Pass::GazetteerKind,
        Pass::TitleWins,
        Pass::GroupPeople,
        Pass::DeLonePersons,
        Pass::DeGenitives,
        Pass::Joined,
        Pass::Surnames,
        Pass::Coordinated,
        Pass::Nicknames,
    ];

    /// The name `--off` takes.
    pub fn name(self) -> &'static str {
        match self {
            Pass::Titled => "titled",
            Pass::Portfolios => "portfolios",
            Pass::Apposition => "apposition",
            Pass::DeNationality => "de-nationality",
            Pass::DePlaceAdjectives => "de-place-adjectives",
            Pass::Article => "article",
            Pass::Opener => "opener",
            Pass::Plausible => "plausible",
            Pass::LowerCase => "lower-case",
            Pass::Pronoun => "pronoun",
            Pass::TitleAlone => "title-alone",
            Pass::JobTitles => "job-titles",
            Pass::TitleInside => "title-inside",
            Pass::Numbers => "numbers",
            Pass::Age => "age",
            Pass::Storms => "storms",
            Pass::GazetteerKind => "gazetteer-kind",
            Pass::TitleWins => "title-wins",
            Pass::GroupPeople => "group-people",
            Pass::DeLonePersons => "de-lone-persons",
            Pass::DeGenitives => "de-genitives",
            Pass::Joined => "joined",
            Pass::Surnames => "surnames",
            Pass::Coordinated => "coordinated",
            Pass::Nicknames => "nicknames",
            Pass::TitleCase => "title-case",
        }
    }

    /// The pass called `name`.
    pub fn from_name(name: &str) -> Option<Pass> {
        Pass::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The languages the pass changes anything in (the others never run it, or lack the
    /// words it reads).
    pub fn langs(self) -> &'static [Lang] {
        match self {
            Pass::DeNationality
            | Pass::DePlaceAdjectives
            | Pass::DeLonePersons
            | Pass::DeGenitives => &[Lang::De],
            Pass::LowerCase => &[Lang::Nl, Lang::En, Lang::Fr, Lang::Es, Lang::Pt],
            _ => &Lang::ALL,
        }
    }

    fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

/// A set of passes switched off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Off(u64);

impl Off {
    /// `passes` off.
    pub fn of(passes: &[Pass]) -> Off {
        Off(passes.iter().fold(0, |b, p| b | p.bit()))
    }

    /// The passes called `names` (comma-separated) off; `Err` names one that is unknown.
    pub fn parse(names: &str) -> Result<Off, String> {
        let mut off = Off::default();
        for n in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let p = Pass::from_name(n).ok_or_else(|| format!("no entity pass {n:?}"))?;
            off.0 |= p.bit();
        }
        Ok(off)
    }

    pub fn contains(self, p: Pass) -> bool {
        self.0 & p.bit() != 0
    }
}

thread_local! {
    static OFF: Cell<Off> = const { Cell::new(Off(0)) };
}

/// The passes switched off on this thread (none unless inside [`with_off`]).
pub fn current() -> Off {
    OFF.with(Cell::get)
}

/// `p` runs on this thread.
pub(super) fn on(p: Pass) -> bool {
    !current().contains(p)
}

/// Runs `f` with the passes of `off` switched off on this thread, then switches them back.
pub fn with_off<R>(off: Off, f: impl FnOnce() -> R) -> R {
    struct Restore(Off);
    impl Drop for Restore {
        fn drop(&mut self) {
            OFF.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OFF.with(|o| o.replace(off)));
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_are_named_and_switched_off_for_one_call() {
        for p in Pass::ALL {
            assert_eq!(Pass::from_name(p.name()), Some(p));
        }
        assert_eq!(
            Off::parse("titled, storms"),
            Ok(Off::of(&[Pass::Titled, Pass::Storms]))
        );
        assert!(Off::parse("titled,nothing").is_err());
        let off = Off::of(&[Pass::Storms]);
        assert!(with_off(off, || !on(Pass::Storms) && on(Pass::Titled)));
        assert!(on(Pass::Storms));
    }
}
