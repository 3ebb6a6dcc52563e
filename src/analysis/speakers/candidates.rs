//! The candidates of one quote for the ranker (see [`super::rank`]): what each rule
//! proposed, the cascade's own answer first, no speaker as a candidate too, and the features
//! that describe each.

use super::lexicon::Lexicon;
use super::rank::Candidate;
use super::{is_title, medium, somebody, Attribution, Ctx, Found, FALLBACK_BLOCKS};
use crate::analysis::{EntityKind, Speaker};
use std::collections::HashMap;
use std::ops::Range;

/// The speakers the rules proposed for one quote, each with the rule's name.
#[derive(Default)]
pub(super) struct Proposals(pub Vec<(Speaker, &'static str)>);

impl Proposals {
    pub fn push(&mut self, s: Speaker, rule: &'static str) {
        if !s.name.trim().is_empty() && !super::rank::off(rule) {
            self.0.push((s, rule));
        }
    }
    pub fn add(&mut self, s: Option<Speaker>, rule: &'static str) {
        if let Some(s) = s {
            self.push(s, rule);
        }
    }
}

/// What the speaker pass knows of a quote when it has been through the cascade.
#[derive(Default)]
pub(super) struct Pending {
    pub props: Vec<(Speaker, &'static str)>,
    pub sentence: Range<usize>,
    pub block: Range<usize>,
    /// Nothing but punctuation before the quote in its sentence.
    pub alone: bool,
}

/// The entities by name: the first of each name, and the first person of each name (what
/// the features look a candidate's name up in, once per article rather than per candidate).
#[derive(Default)]
pub(super) struct Names<'a> {
    any: HashMap<&'a str, usize>,
    person: HashMap<&'a str, usize>,
    /// Each person's gender as [`Ctx::entity_gender`] finds it, once asked.
    genders: std::cell::RefCell<HashMap<usize, Option<super::lexicon::Gender>>>,
}

impl<'a> Names<'a> {
    pub fn new(entities: &'a [crate::analysis::Entity]) -> Names<'a> {
        let mut n = Names::default();
        for (i, e) in entities.iter().enumerate() {
            n.any.entry(e.name.as_str()).or_insert(i);
            if e.kind == EntityKind::Person {
                n.person.entry(e.name.as_str()).or_insert(i);
            }
        }
        n
    }
}

/// Where the rules that need no reporting verb look.
pub(super) struct GenericWindow<'a> {
    pub blocks: &'a [Range<usize>],
    pub block_index: usize,
    pub quote_open: usize,
    pub sentence: Range<usize>,
    pub ends: &'a [usize],
}

fn person_speaker(ctx: &Ctx, l: &crate::analysis::entities::Located) -> Option<Speaker> {
    Some(Speaker {
        name: ctx.entities.get(l.entity)?.name.clone(),
        start: l.start,
        end: l.end,
    })
}

/// Proposals that need no reporting verb: the last speaker found within the paragraph or
/// the two before (`recent`), the persons named
/// in the quote's own sentence outside quotes (`insent`), the first person named in the
/// sentence after it (`nextsent`).
pub(super) fn generic_proposals(
    ctx: &Ctx,
    props: &mut Proposals,
    w: &GenericWindow,
    recent: &[Speaker],
) {
    let block = w.blocks.get(w.block_index).cloned().unwrap_or(0..0);
    let floor = w
        .blocks
        .get(w.block_index.saturating_sub(FALLBACK_BLOCKS))
        .map_or(block.start, |b| b.start);
    if let Some(p) = ctx
        .last_mention(w.quote_open, &[EntityKind::Person])
        .filter(|l| l.start >= floor)
    {
        props.add(person_speaker(ctx, p), "lastperson");
    }
    if let Some(r) = recent
        .iter()
        .rev()
        .take(64)
        .find(|s| s.start >= floor && s.start < w.quote_open)
    {
        props.push(r.clone(), "recent");
    }
    let person = |l: &&crate::analysis::entities::Located| {
        ctx.entities
            .get(l.entity)
            .is_some_and(|e| e.kind == EntityKind::Person)
            && !ctx.is_doubtful(l.entity)
            && !ctx.quoted(l.start)
    };
    let idx = ctx.located.partition_point(|l| l.start < w.sentence.start);
    for l in ctx.located[idx..]
        .iter()
        .take_while(|l| l.start < w.sentence.end)
        .filter(person)
        .take(4)
    {
        props.add(person_speaker(ctx, l), "insent");
    }
    let next_end = w
        .ends
        .iter()
        .copied()
        .find(|&e| e > w.sentence.end + 1)
        .unwrap_or(block.end)
        .min(w.sentence.end + 300);
    let idx = ctx.located.partition_point(|l| l.start < w.sentence.end);
    if let Some(l) = ctx.located[idx..]
        .iter()
        .take_while(|l| l.start < next_end)
        .find(person)
    {
        props.add(person_speaker(ctx, l), "nextsent");
    }
}

fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The candidates of a quote: the cascade's answer first (so that a model without weights
/// keeps it), then no speaker, then every other name proposed; a name proposed by several
/// rules is one candidate with all their names.
pub(super) fn candidates(
    ctx: &Ctx,
    names: &Names,
    q: &Found,
    a: &Attribution,
    p: &Pending,
) -> Vec<Candidate> {
    let mut list: Vec<(Option<Speaker>, Vec<&'static str>, bool)> =
        vec![(a.speaker.clone(), Vec::new(), true)];
    if a.speaker.is_some() {
        list.push((None, Vec::new(), false));
    }
    for (s, r) in &p.props {
        let k = key(&s.name);
        match list
            .iter_mut()
            .find(|c| c.0.as_ref().is_some_and(|x| key(&x.name) == k))
        {
            Some(c) => {
                if !c.1.contains(r) {
                    c.1.push(r);
                }
            }
            None => list.push((Some(s.clone()), vec![r], false)),
        }
    }
    list.into_iter()
        .map(|(speaker, rules, casc)| {
            let features = features(ctx, names, q, a, p, speaker.as_ref(), &rules, casc);
            Candidate {
                speaker,
                rules,
                features,
            }
        })
        .collect()
}

/// The kind of speaker a candidate is: `pro` (a pronoun), the kind of the name in it
/// (`per`, `org`, `place`, `other`), or `desc` (a description without a name).
fn kind_of(ctx: &Ctx, names: &Names, s: &Speaker) -> &'static str {
    let span = ctx.text.get(s.start..s.end).unwrap_or("").to_lowercase();
    if Lexicon::of(ctx.lang).pronoun(span.trim()).is_some() {
        return "pro";
    }
    // The name the candidate gives (a pronoun resolved, a speaker carried over), else a
    // name inside its span.
    let by_name = names
        .any
        .get(s.name.as_str())
        .and_then(|&i| ctx.entities.get(i));
    let named = by_name.or_else(|| {
        ctx.mention_in(s.start, s.end)
            .and_then(|m| ctx.entities.get(m.entity))
    });
    match named.map(|e| e.kind) {
        Some(EntityKind::Person) => "per",
        Some(EntityKind::Organization) => "org",
        Some(EntityKind::Place) => "place",
        Some(EntityKind::Other) => "other",
        Some(_) => "num",
        None => "desc",
    }
}

fn bucket(d: usize) -> &'static str {
    match d {
        0..=3 => "adj",
        4..=30 => "near",
        31..=100 => "mid",
        101..=300 => "far",
        _ => "vfar",
    }
}

/// The number of words in a speaker's name and, when they are all titles or articles,
/// what that makes it: `titleonly` (`Sen.`, `Präsident`: nobody is named) or `roleonly`
/// (with an article: `Der Bundespräsident`, which the German corpus marks as the speaker).
/// A compound with a name in it (`WWF-Sprecher`) names a speaker of its own.
fn title_role(ctx: &Ctx, s: &Speaker) -> (usize, Option<&'static str>) {
    let lex = Lexicon::of(ctx.lang);
    let mut words = 0;
    let mut all_titles = true;
    let mut article = false;
    for w in s.name.split_whitespace() {
        let lower = w.to_lowercase();
        let w = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words += 1;
        if !all_titles {
            continue;
        }
        let is_article = lex.is_article(w);
        article |= is_article;
        all_titles = !w.contains('-') && (is_title(w) || lex.is_title(w) || is_article);
    }
    let role = (words > 0 && all_titles).then_some(if article { "roleonly" } else { "titleonly" });
    (words, role)
}

/// Whether the cascade's answer `s` may stand without the ranker: a title alone names nobody
/// (what [`super::rank::admissible`] says of its candidate, without building the candidate).
pub(super) fn admissible_speaker(ctx: &Ctx, s: Option<&Speaker>) -> bool {
    s.is_none_or(|s| title_role(ctx, s).1 != Some("titleonly"))
}

#[allow(clippy::too_many_arguments)]
fn features(
    ctx: &Ctx,
    names: &Names,
    q: &Found,
    a: &Attribution,
    p: &Pending,
    s: Option<&Speaker>,
    rules: &[&'static str],
    casc: bool,
) -> Vec<String> {
    let mut f: Vec<String> = Vec::new();
    let inner = ctx.text.get(q.start..q.end).unwrap_or("");
    let qlen = match inner.split_whitespace().count() {
        0..=3 => "short",
        4..=9 => "mid",
        _ => "long",
    };
    let full = inner
        .trim_end_matches(['"', '\'', '’', '”', '“', '»', '«', ')'])
        .ends_with(['.', '!', '?', '…'])
        && inner.starts_with(char::is_uppercase);
    let shape = format!("q={qlen}{}", if full { "+full" } else { "" });
    let Some(s) = s else {
        f.push("none".into());
        f.push(format!("none&{shape}"));
        if casc {
            f.push("none&casc".into());
            f.push(format!("none&casc={}", a.rule));
        }
        if a.cue {
            f.push("none&cue".into());
        }
        if a.explicit {
            f.push("none&explicit".into());
        }
        if p.alone {
            f.push("none&alone".into());
        }
        f.push(format!("none&props={}", p.props.len().min(3)));
        return f;
    };
    let kind = kind_of(ctx, names, s);
    f.push(format!("k={kind}"));
    for r in rules {
        f.push(format!("r={r}"));
        f.push(format!("r={r}&k={kind}"));
    }
    f.push(format!("n={}", rules.len().min(4)));
    if casc {
        f.push("casc".into());
        f.push(format!("casc&{shape}"));
        if a.explicit {
            f.push("casc&explicit".into());
        }
        if a.cue {
            f.push("casc&cue".into());
        }
        f.push(format!("casc={}", a.rule));
        f.push(format!("casc&k={kind}"));
        f.push(format!("casc&n={}", rules.len().min(3)));
    }
    let (pos, dist) = if s.end <= q.open {
        ("before", q.open - s.end)
    } else if s.start >= q.close_end {
        ("after", s.start - q.close_end)
    } else {
        ("inside", 0)
    };
    let d = bucket(dist);
    f.push(format!("pos={pos}"));
    f.push(format!("d={d}"));
    f.push(format!("pos={pos}&d={d}"));
    let place = if s.start >= p.sentence.start && s.end <= p.sentence.end {
        "sentence"
    } else if s.start >= p.block.start && s.end <= p.block.end {
        "paragraph"
    } else {
        "elsewhere"
    };
    f.push(format!("in={place}"));
    f.push(format!("in={place}&k={kind}"));
    if p.alone {
        f.push(format!("alone&pos={pos}"));
    }
    let lex = Lexicon::of(ctx.lang);
    let span = ctx.text.get(s.start..s.end).unwrap_or("").to_lowercase();
    let entity = names.person.get(s.name.as_str()).copied();
    if let Some(pr) = lex.pronoun(span.trim()) {
        if key(&s.name) == key(&span) {
            f.push("pro=unresolved".into());
        } else {
            let g = entity.and_then(|i| {
                let known = names.genders.borrow().get(&i).copied();
                known.unwrap_or_else(|| {
                    let g = ctx.entities.get(i).and_then(|e| ctx.entity_gender(e));
                    names.genders.borrow_mut().insert(i, g);
                    g
                })
            });
            let agree = match (pr.gender, g) {
                (Some(x), Some(y)) if x == y => "agree",
                (Some(_), Some(_)) => "disagree",
                _ => "unknown",
            };
            f.push(format!("pro={agree}"));
        }
        if pr.person != 3 {
            f.push("pro=notthird".into());
        }
    }
    if ctx.addressee_at(s.start) {
        f.push("addressee".into());
    }
    let (words, role) = title_role(ctx, s);
    if let Some(role) = role {
        f.push(role.into());
    }
    if ctx.title_gender_before(s.start).is_some() {
        f.push("titled".into());
    }
    f.push(format!("len={}", words.min(3)));
    if let Some(e) = names
        .any
        .get(s.name.as_str())
        .and_then(|&i| ctx.entities.get(i))
    {
        f.push(format!("mentions={}", e.mentions.len().min(3)));
    } else {
        f.push("unknown".into());
    }
    if somebody(ctx, s) {
        f.push("somebody".into());
    }
    if medium(ctx, s) {
        f.push("medium".into());
    }
    if ctx.quoted(s.start) {
        f.push("inquote".into());
    }
    f
}
