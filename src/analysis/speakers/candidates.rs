//! The candidates of one quote for the ranker (see [`super::rank`]): what each rule
//! proposed, the cascade's own answer first, no speaker as a candidate too, and the features
//! that describe each.

use super::rank::Candidate;
use super::{is_title, medium, somebody, Attribution, Ctx, Found, FALLBACK_BLOCKS};
use crate::analysis::lexicon::{Gender, Lexicon, Pronoun, Words};
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
    /// Only a word or two and no sentence end stand between this quote and the next.
    pub joined_next: bool,
}

/// The entities by name: the first of each name, and the first person of each name (what
/// the features look a candidate's name up in, once per article rather than per candidate).
#[derive(Default)]
pub(super) struct Names<'a> {
    any: HashMap<&'a str, usize>,
    person: HashMap<&'a str, usize>,
    /// Each person's gender as [`Ctx::entity_gender`] finds it, once asked.
    genders: std::cell::RefCell<HashMap<usize, Option<Gender>>>,
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
    let mut verbs = verb_spans(ctx, p.sentence.start..q.open.max(p.sentence.start));
    verbs.extend(verb_spans(
        ctx,
        q.close_end.min(p.sentence.end)..p.sentence.end,
    ));
    let corefs = coref_alternatives(ctx, p, a.speaker.as_ref());
    let attributing = attributing_pronoun(ctx, p, a.speaker.as_ref());
    for (s, r) in p.props.iter().chain(&corefs) {
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
            let mut features = features(ctx, names, q, a, p, speaker.as_ref(), &rules, casc);
            if let Some(s) = speaker.as_ref() {
                verb_relation(ctx, s, &p.sentence, &verbs, &mut features);
            }
            if let (Some(pr), Some(s)) = (attributing, speaker.as_ref()) {
                let agree = match (pr.gender, person_gender(ctx, names, &s.name)) {
                    (Some(x), Some(y)) if x == y => "agree",
                    (Some(_), Some(_)) => "disagree",
                    _ => "unknown",
                };
                features.push(format!("qpro={agree}"));
            }
            if p.joined_next {
                let next = if rules.contains(&"nextquote") {
                    "next"
                } else if speaker.is_none() {
                    "none"
                } else {
                    "other"
                };
                features.push(format!("joined&{next}"));
            }
            Candidate {
                speaker,
                rules,
                features,
            }
        })
        .collect()
}

/// The reporting verbs of `range` (a quote's sentence before or after it) outside quotes, as
/// byte ranges.
fn verb_spans(ctx: &Ctx, range: Range<usize>) -> Vec<Range<usize>> {
    if range.is_empty() {
        return Vec::new();
    }
    let seg = super::Seg::new(ctx, range);
    (0..seg.words.len())
        .filter(|&i| seg.is_verb(i) && !ctx.quoted(seg.words[i].start))
        .map(|i| seg.words[i].start..seg.words[i].end)
        .collect()
}

/// How a candidate in the quote's sentence stands to the sentence's reporting verbs
/// (`verbs`): how many words (and whether punctuation) after the nearest verb before it
/// (`vp=`), before the nearest verb after it (`vn=`); and the determiner it opens with
/// (`det=`, which in German tells the subject's case from the others'). A candidate outside
/// the sentence is `vrel=out`, and the text between is not read.
fn verb_relation(
    ctx: &Ctx,
    s: &Speaker,
    sentence: &Range<usize>,
    verbs: &[Range<usize>],
    f: &mut Vec<String>,
) {
    if s.start < sentence.start || s.end > sentence.end {
        f.push("vrel=out".into());
        return;
    }
    let first = ctx
        .text
        .get(s.start..s.end)
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("")
        .to_lowercase();
    if Lexicon::of(ctx.lang).has(Words::Determiners, &first) {
        f.push(format!("det={first}"));
    }
    let words = |a: usize, b: usize| {
        let t = ctx.text.get(a..b).unwrap_or("");
        let n = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let punct = t.contains([',', ':', '„', '“', '”', '"', '«', '»']);
        format!("{}{}", n.min(3), if punct { "p" } else { "" })
    };
    match verbs.iter().rev().find(|v| v.end <= s.start) {
        Some(v) => f.push(format!("vp={}", words(v.end, s.start))),
        None => f.push("vp=none".into()),
    }
    match verbs.iter().find(|v| v.start >= s.end) {
        Some(v) => f.push(format!("vn={}", words(s.end, v.start))),
        None => f.push("vn=none".into()),
    }
}

/// The persons a third-person pronoun that names the speaker may stand for (and the
/// organisations, for `they`): the three latest named before it in its paragraph and the
/// one before, each as the pronoun's span
/// with the person's name (rule `coref`), so that the ranker, not the nearest name alone,
/// resolves `he said`.
fn coref_alternatives(
    ctx: &Ctx,
    p: &Pending,
    cascade: Option<&Speaker>,
) -> Vec<(Speaker, &'static str)> {
    let lex = Lexicon::of(ctx.lang);
    let pronoun_span = |s: &Speaker| {
        let span = ctx
            .text
            .get(s.start..s.end)
            .unwrap_or("")
            .trim()
            .to_lowercase();
        lex.pronoun(&span).is_some_and(|pr| pr.person == 3)
    };
    let Some(pro) = cascade
        .into_iter()
        .chain(p.props.iter().map(|(s, _)| s))
        .find(|s| pronoun_span(s))
    else {
        return Vec::new();
    };
    // A pronoun that can be plural or has no gender may stand for an organisation too.
    let word = ctx
        .text
        .get(pro.start..pro.end)
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let groups = lex
        .pronoun(&word)
        .is_some_and(|pr| pr.plural_only || pr.gender.is_none());
    let floor = p.block.start.saturating_sub(1500);
    let idx = ctx.located.partition_point(|l| l.start < pro.start);
    let mut seen: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for l in ctx.located[..idx]
        .iter()
        .rev()
        .take_while(|l| l.start >= floor)
    {
        if seen.len() >= 3 {
            break;
        }
        let Some(e) = ctx.entities.get(l.entity) else {
            continue;
        };
        let kind_fits =
            e.kind == EntityKind::Person || groups && e.kind == EntityKind::Organization;
        if !kind_fits
            || ctx.is_doubtful(l.entity)
            || ctx.quoted(l.start)
            || seen.contains(&l.entity)
        {
            continue;
        }
        seen.push(l.entity);
        out.push((
            Speaker {
                name: e.name.clone(),
                start: pro.start,
                end: pro.end,
            },
            "coref",
        ));
    }
    if let Some(d) = unnamed_antecedent(ctx, p, pro.start) {
        out.push((
            Speaker {
                name: d,
                start: pro.start,
                end: pro.end,
            },
            "descref",
        ));
    }
    out
}

/// The nearest sentence before `pos` (in the quote's paragraph or the one before) that opens
/// with an indefinite description naming no person and reports speech (`A district official,
/// who …, said …`): the description, which a pronoun after it may take up (`“…,” he said`).
fn unnamed_antecedent(ctx: &Ctx, p: &Pending, pos: usize) -> Option<String> {
    let floor = p.block.start.saturating_sub(600);
    let head = ctx.text.get(..pos)?;
    let indefinite = &crate::analysis::lexicon::NameWords::of(ctx.lang).indefinites;
    let mut starts: Vec<usize> = head
        .char_indices()
        .rev()
        .take_while(|&(i, _)| i >= floor)
        .filter(|&(i, c)| ctx.ends_sentence(i, c))
        .map(|(i, c)| i + c.len_utf8())
        .take(4)
        .collect();
    if floor == 0 {
        starts.push(0);
    }
    starts.into_iter().find_map(|start| {
        let end = head[start..]
            .char_indices()
            .find(|&(i, c)| ctx.ends_sentence(start + i, c))
            .map_or(pos, |(e, _)| start + e);
        let sentence = ctx.text.get(start..end)?;
        let first = sentence.split_whitespace().next()?;
        if !crate::analysis::text::starts_upper(first)
            || !indefinite.contains(first.to_lowercase().as_str())
        {
            return None;
        }
        let seg = super::Seg::new(ctx, start..end);
        seg.first_verb()?;
        let (a, b) = ctx.np_from(&seg, 0, false)?;
        let np = ctx.text.get(a..b)?.trim();
        // A place or an organisation may place the description (`a nurse from Manila`); a
        // person named in it would be the speaker.
        let names_person = ctx
            .mention_in(a, b)
            .and_then(|l| ctx.entities.get(l.entity))
            .is_some_and(|e| e.kind == crate::analysis::EntityKind::Person);
        (np.split_whitespace().count() >= 2 && !names_person).then(|| np.to_string())
    })
}

/// The pronoun with a gender that attributes the quote in its own sentence (`…,” she
/// said`), when the cascade or a rule found one: each candidate agrees with it or not.
fn attributing_pronoun(ctx: &Ctx, p: &Pending, cascade: Option<&Speaker>) -> Option<Pronoun> {
    let lex = Lexicon::of(ctx.lang);
    cascade
        .into_iter()
        .chain(p.props.iter().map(|(s, _)| s))
        .filter(|s| s.start >= p.sentence.start && s.end <= p.sentence.end)
        .find_map(|s| {
            let span = ctx.text.get(s.start..s.end)?.trim().to_lowercase();
            lex.pronoun(&span)
                .filter(|pr| pr.person == 3 && pr.gender.is_some())
        })
}

/// The gender of the person named `name`, as [`Ctx::entity_gender`] finds it (once per
/// person and article).
fn person_gender(ctx: &Ctx, names: &Names, name: &str) -> Option<Gender> {
    let i = *names.person.get(name)?;
    let known = names.genders.borrow().get(&i).copied();
    known.unwrap_or_else(|| {
        let g = ctx.entities.get(i).and_then(|e| ctx.entity_gender(e));
        names.genders.borrow_mut().insert(i, g);
        g
    })
}

/// How prominent a named person is where the quote stands: how many other persons were
/// named since their last mention (`sal=0` the latest), whether that mention opens its
/// sentence (the subject, in news prose), and whether it is the person spoken to.
fn salience(ctx: &Ctx, names: &Names, s: &Speaker, q: &Found, p: &Pending, f: &mut Vec<String>) {
    let Some(&entity) = names
        .person
        .get(s.name.as_str())
        .or_else(|| names.any.get(s.name.as_str()))
    else {
        return;
    };
    let block_start = p.block.start;
    let idx = ctx
        .located
        .partition_point(|l| l.start < q.open.min(s.start.max(q.open)));
    let mut others: Vec<usize> = Vec::new();
    for l in ctx.located[..idx].iter().rev().take(200) {
        if l.entity == entity {
            let sal = others.len().min(3);
            f.push(format!("sal={sal}"));
            let para = if l.start >= block_start {
                "para"
            } else {
                "before"
            };
            f.push(format!("sal={sal}&{para}"));
            f.push(format!("sal&mb={}", token_before(ctx.text, l.start)));
            if opens_sentence(ctx, l.start) {
                f.push("sal&subj".into());
                f.push(format!("sal&subj&{para}"));
            }
            if ctx.addressee_at(l.start) {
                f.push("sal&addressee".into());
            }
            return;
        }
        let person = ctx
            .entities
            .get(l.entity)
            .is_some_and(|e| e.kind == EntityKind::Person);
        if person && !others.contains(&l.entity) {
            others.push(l.entity);
        }
    }
}

/// Whether nothing but capitalised words (titles, first names) stands between `pos` and the
/// start of its sentence; the full stop of an abbreviated title or an initial ends no sentence
/// (`Ms. Varga, a Democrat, met …`).
pub(super) fn opens_sentence(ctx: &Ctx, pos: usize) -> bool {
    let head = ctx.text.get(..pos).unwrap_or("");
    let from = head
        .char_indices()
        .rev()
        .take(80)
        .find(|&(i, c)| matches!(c, ':' | ';' | '—') || ctx.ends_sentence(i, c))
        .map(|(i, c)| i + c.len_utf8());
    let Some(from) = from else {
        return head.len() < 80
            && head
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
    };
    head[from..]
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase))
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

/// What stands right before `pos` in its paragraph, as a feature value: `^` (nothing), a
/// punctuation mark, a word in lower case, or `Aa` for a word with a capital.
fn token_before(text: &str, pos: usize) -> String {
    let head = text.get(..pos).unwrap_or("");
    let trimmed = head.trim_end_matches([' ', '\t', '\u{a0}', '\u{202f}']);
    match trimmed.chars().next_back() {
        None | Some('\n') => "^".into(),
        Some(c) if !c.is_alphanumeric() => c.to_string(),
        Some(_) => {
            let start = trimmed
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
                .map_or(0, |(i, c)| i + c.len_utf8());
            word_class(&trimmed[start..])
        }
    }
}

/// What stands right after `pos`, as [`token_before`] describes it (`$` for nothing).
fn token_after(text: &str, pos: usize) -> String {
    let tail = text.get(pos..).unwrap_or("");
    let trimmed = tail.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
    match trimmed.chars().next() {
        None | Some('\n') => "$".into(),
        Some(c) if !c.is_alphanumeric() => c.to_string(),
        Some(_) => {
            let end = trimmed
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
                .map_or(trimmed.len(), |(i, _)| i);
            word_class(&trimmed[..end])
        }
    }
}

fn word_class(w: &str) -> String {
    if w.starts_with(char::is_lowercase) {
        w.to_lowercase()
    } else if w.starts_with(char::is_numeric) {
        "0".into()
    } else {
        "Aa".into()
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
    let before = token_before(ctx.text, q.open);
    let after = token_after(ctx.text, q.close_end);
    let Some(s) = s else {
        return none_features(&shape, &before, &after, a, p, casc);
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
    f.push(format!("qb={before}&pos={pos}"));
    f.push(format!("qa={after}&pos={pos}"));
    f.push(format!("cb={}", token_before(ctx.text, s.start)));
    f.push(format!("ca={}", token_after(ctx.text, s.end)));
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
            let g = entity.and_then(|_| person_gender(ctx, names, &s.name));
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
    } else if ctx.title_before(s.start) {
        f.push("jobtitle".into());
    }
    f.push(format!("len={}", words.min(3)));
    salience(ctx, names, s, q, p, &mut f);
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

/// The features of the candidate that names no speaker: the quote's shape, the tokens
/// around it, what the cascade found.
fn none_features(
    shape: &str,
    before: &str,
    after: &str,
    a: &Attribution,
    p: &Pending,
    casc: bool,
) -> Vec<String> {
    let mut f = vec![
        "none".to_string(),
        format!("none&{shape}"),
        format!("none&qb={before}"),
        format!("none&qa={after}"),
    ];
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
    f
}
