//! The German rules of the speakers pass: verb-last clauses, subjects before the verb,
//! sources (`laut`, `nach Angaben`, `so`), documents and groups that speak, reported speech
//! in the subjunctive, and the texts a quote stands in.

use super::*;

/// `w` (lower case) is one of `nouns` or a compound ending in one (`Bundesländer`,
/// `Abschlusserklärung`).
pub(super) fn compound_of(w: &str, nouns: &[&str]) -> bool {
    nouns
        .iter()
        .any(|g| w == *g || (w.len() > g.len() + 2 && w.ends_with(g)))
}

word_list!(
    /// Forms of `werden` that make a clause passive: `als „…“ bezeichnet wurde`.
    pub(super) de_passive, "de/rules/passive.txt"
);

word_list!(
    /// German relative pronouns that can be a clause's subject.
    pub(super) de_relative_subjects, "de/rules/relative_subjects.txt"
);

/// The speaker of a quote whose reporting verb follows it (`seg` is the text before the quote,
/// `next` the text after, opening with the verb): the subject of the last clause before the
/// quote, the agent of a passive (`von Musikkennern als „…“ bezeichnet`), or nobody for a
/// passive without one (`Some(None)`). A relative pronoun (`Der Führer Irans, der … als „…“
/// bezeichnete`) is the speaker where it stands, named after the phrase it refers to.
pub(super) fn de_verb_last(
    ctx: &Ctx,
    seg: &Seg,
    next: &Seg,
    recent: &[Speaker],
) -> Option<Option<Speaker>> {
    let n = seg.words.len();
    if n == 0 {
        return None;
    }
    // The clause holding the quote starts after the last comma (or dash, semicolon).
    let from = (1..n)
        .rev()
        .find(|&i| seg.gap(i).contains([',', ';', '–', '—', ':']))
        .unwrap_or(0);
    let passive = seg.lower[from..]
        .iter()
        .chain(next.lower.get(1))
        .any(|w| de_passive().contains(&w.as_str()));
    if passive {
        // The agent stands in the clause's last conjunct: `der von der Sonne ausgeht und als
        // „Sonnenwind“ bezeichnet wird` has none.
        let from = (from..n)
            .rev()
            .find(|&i| seg.lex.is("and_or", &seg.lower[i]))
            .unwrap_or(from);
        let agent = (from..n.saturating_sub(1))
            .find(|&i| seg.lex.is("agent_preps", &seg.lower[i]))
            .and_then(|i| ctx.speaker_after(seg, i + 1, recent));
        // Without an agent, the media or the text it was said in (`In den Medien war der
        // Auftrag als „…“ bezeichnet worden`).
        let source = || {
            (from..n.saturating_sub(1))
                .filter(|&i| seg.lex.is("in_preps", &seg.lower[i]))
                .find_map(|i| {
                    let (a, b) = ctx.np_forward(seg, i + 1)?;
                    let np = ctx.text.get(a..b)?.to_lowercase();
                    np.split_whitespace()
                        .any(|w| {
                            de_media().contains(&w) || de_documents().iter().any(|d| w.ends_with(d))
                        })
                        .then(|| ctx.speaker_from_np(a, b, recent))
                        .flatten()
                })
        };
        return Some(agent.or_else(source));
    }
    if from > 0 && de_relative_subjects().contains(&seg.lower[from].as_str()) {
        // The antecedent: the noun phrase that ends at the comma, from its article.
        let comma = from;
        // The first article whose phrase runs up to the comma (`Der Vorsitzende der Partei`,
        // not `der Partei`; `ein Kommentar`, not `der Zeitung erschien ein Kommentar`).
        let articles: Vec<usize> = (comma.saturating_sub(6)..comma)
            .filter(|&i| {
                ctx.lex().has(Words::Determiners, seg.lower[i].as_str())
                    && (i + 1..comma).all(|k| !seg.gap(k).contains(','))
            })
            .collect();
        let start = articles
            .iter()
            .copied()
            .find(|&i| {
                ctx.np_forward(seg, i)
                    .is_some_and(|(_, b)| b >= seg.words[comma - 1].end)
            })
            .or_else(|| articles.last().copied())
            .or_else(|| {
                (comma.saturating_sub(3)..comma)
                    .find(|&i| starts_upper(seg.words[i].as_str(seg.text)))
            });
        let w = seg.words[from];
        let antecedent = start.and_then(|i| {
            let (a, b) = ctx.np_forward(seg, i)?;
            ctx.speaker_from_np(a, b.min(seg.words[comma - 1].end), recent)
        });
        return Some(Some(Speaker {
            name: antecedent
                .map_or_else(|| seg.words[from].as_str(seg.text).to_string(), |a| a.name),
            start: w.start,
            end: w.end,
        }));
    }
    if from > 0 {
        let sub = Seg::new(ctx, seg.words[from].start..seg.words[n - 1].end);
        if let Some(s) = de_subject(ctx, &sub, sub.words.len(), recent) {
            return Some(Some(s));
        }
    }
    de_subject(ctx, seg, n, recent).map(Some)
}

/// A capitalised word at the start of a German clause that looks like an adverb or an adjective
/// (its ending), is no known name and no role.
pub(super) fn de_adverb_like(ctx: &Ctx, seg: &Seg, i: usize) -> bool {
    let l = seg.lower[i].as_str();
    let w = seg.words[i];
    if is_title(l) || ctx.mention_in(w.start, w.end).is_some() {
        return false;
    }
    seg.lex.is("capitalised_adverbs", l)
        || seg
            .lex
            .rule("adverb_suffixes")
            .iter()
            .any(|suf| l.len() > suf.len() + 2 && l.ends_with(suf))
}

/// Word `j` opens a noun phrase: a determiner or a form of the indefinite article
/// (`eine`, `einer`).
fn opens_phrase(seg: &Seg, j: usize) -> bool {
    let l = seg.lower[j].as_str();
    seg.lex.has(Words::Determiners, l)
        || seg
            .lex
            .rule("indefinite_stems")
            .iter()
            .any(|s| l.starts_with(s))
}

/// A German text that says something: `einem Positionspapier des Ministeriums`.
pub(super) fn document(ctx: &Ctx, s: &Speaker) -> bool {
    ctx.lang == Lang::De
        && ctx.slice(s.start..s.end).split_whitespace().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            compound_of(&w, de_documents())
        })
}

word_list!(
    /// German nouns for groups and institutions that speak (lower case; compounds ending in
    /// one count too: `Bundesländer`, `Umweltschutzorganisation`).
    pub(super) de_groups, "de/rules/groups.txt"
);

word_list!(
    /// German words for the press as a whole.
    pub(super) de_media, "de/rules/media.txt"
);

word_list!(
    /// German nouns for texts that say something (`In einem Positionspapier heißt es`), compounds
    /// included (`Abschlusserklärung`).
    pub(super) de_documents, "de/rules/documents.txt"
);

word_list!(
    /// German subjunctive forms that mark a sentence as reported speech: `Es sei der „Normalfall“
    /// gewesen`. The quoted words in such a sentence are somebody's words.
    pub(super) de_subjunctive, "de/rules/subjunctive.txt"
);

pub(super) fn reported_speech(ctx: &Ctx, range: Range<usize>) -> bool {
    if ctx.lang != Lang::De {
        return false;
    }
    let seg = Seg::new(ctx, range);
    seg.lower
        .iter()
        .any(|w| de_subjunctive().contains(&w.as_str()))
}

word_list!(
    /// Words that may open German text after a quote whose subject comes before the verb:
    /// `wie X sagte`, `so X`, and auxiliaries of an inverted clause (`wird X zitiert`).
    /// Object and reflexive pronouns that may stand between a German verb and its subject:
    /// `so charakterisierte ihn der Funktionär`, `äußerte sich der Minister`.
    pub(super) de_object_pronouns, "de/rules/object_pronouns.txt"
);

word_list!(pub(super) de_after_openers, "de/rules/after_openers.txt");

word_list!(
    /// German words that open a clause without being its subject: prepositions (which govern the
    /// noun phrase after them), adverbs and conjunctions (lower case).
    pub(super) de_non_subject, "de/rules/non_subject.txt"
);

word_list!(
    /// Conjunctions that open a German subordinate clause: `Da …, warnte X`.
    pub(super) de_subordinators, "de/rules/subordinators.txt"
);

/// The first word from `k` on that is no object or reflexive pronoun (`so charakterisierte
/// ihn der Funktionär`, `äußerte sich der Minister`).
pub(super) fn skip_object_pronouns(seg: &Seg, mut k: usize) -> usize {
    while k < seg.words.len() && de_object_pronouns().contains(&seg.lower[k].as_str()) {
        k += 1;
    }
    k
}

/// `nach Angaben des Ministeriums`, `nach den Worten von X` at word `i`.
pub(super) fn de_source_nach_forward(seg: &Seg, i: usize) -> bool {
    if !seg.lex.is("source_nach", &seg.lower[i]) {
        return false;
    }
    let noun = |k: usize| {
        seg.lower
            .get(k)
            .is_some_and(|w| de_source_nouns().contains(&w.as_str()))
    };
    noun(i + 1)
        || (seg
            .lower
            .get(i + 1)
            .is_some_and(|w| seg.lex.has(Words::Determiners, w))
            && noun(i + 2))
        || (de_genitive_name(seg, i + 1) && noun(i + 2))
}

/// German: word `i` is a name in the genitive before its noun (`Schäubles`, `Merkels`).
pub(super) fn de_genitive_name(seg: &Seg, i: usize) -> bool {
    let Some(w) = seg.words.get(i) else {
        return false;
    };
    let w = w.as_str(seg.text);
    i + 1 < seg.words.len()
        && gap_is_space(seg.gap(i + 1))
        && starts_upper(w)
        && w.chars().count() > 3
        && w.ends_with('s')
        && !de_source_nouns().contains(&seg.lower[i].as_str())
}

/// A source `nach` at word `i`: `nach Angaben X`, or the postposition in
/// `seiner Ansicht nach`.
pub(super) fn de_source_nach(seg: &Seg, i: usize) -> bool {
    de_source_nach_forward(seg, i)
        || (seg.lex.is("source_nach", &seg.lower[i])
            && i >= 2
            && seg.lex.is("genitive_possessives", &seg.lower[i - 2])
            && de_source_nouns().contains(&seg.lower[i - 1].as_str()))
}

/// `…, so Elshorst weiter: „…“`, `„…“, so die FIFA`: `so` after a comma (or opening the
/// text) followed by a name or an article.
pub(super) fn de_source_so(seg: &Seg, i: usize) -> bool {
    seg.lex.is("source_so", &seg.lower[i])
        && (i == 0 || seg.gap(i).contains(','))
        && seg.words.get(i + 1).is_some_and(|w| {
            let l = seg.lower[i + 1].as_str();
            (starts_upper(w.as_str(seg.text))
                || seg.lex.has(Words::Determiners, l)
                || seg.lex.is("so_subjects", l))
                && !seg.lex.is("so_non_subjects", l)
        })
}

word_list!(
    /// Nouns after `nach` that make it a source: `nach Angaben des Ministeriums`.
    pub(super) de_source_nouns, "de/rules/source_nouns.txt"
);

/// `„…“, heißt es in der Erklärung`, `In dem Antrag heißt es: „…“`: the document that
/// `heißt es` points to speaks. `c` is the verb.
pub(super) fn de_document(ctx: &Ctx, seg: &Seg, c: usize, recent: &[Speaker]) -> Option<Speaker> {
    let n = seg.words.len();
    // `In der Erklärung hatte es geheißen`: an auxiliary before `es … geheißen`.
    let perfect = seg.lex.is("perfect_auxiliaries", &seg.lower[c])
        && seg
            .lower
            .get(c + 1)
            .is_some_and(|w| seg.lex.is("impersonal_es", w))
        && seg.lower[c + 2..n.min(c + 6)]
            .iter()
            .any(|w| seg.lex.is("said_participle", w));
    if !perfect && !seg.lex.is("document_verbs", &seg.lower[c]) {
        return None;
    }
    let from_prep = |k: usize| -> Option<Speaker> {
        let k = k + 1;
        if k >= n {
            return None;
        }
        if seg.lex.is("document_articles", &seg.lower[k]) {
            let (a, b) = ctx.np_forward(seg, k + 1)?;
            return ctx.speaker_from_np(seg.words[k].start, b.max(a), recent);
        }
        ctx.speaker_after(seg, k, recent)
    };
    let is_prep = |k: usize| seg.lex.is("document_preps", &seg.lower[k]);
    // `Darin steht: „…“`: `darin` points back to a text named before, which this clause does
    // not name.
    if !perfect && c == 1 && seg.lex.is("document_pointers", &seg.lower[0]) {
        return None;
    }
    if !perfect {
        if let Some(k) = (c + 1..n.min(c + 5)).find(|&k| is_prep(k)) {
            if !seg.gap(k).contains(['.', ':', ';']) {
                return from_prep(k);
            }
        }
    }
    // The phrase before the verb belongs to its clause: `In dem Antrag heißt es`, not
    // `war man sich bei dem Gespräch nicht einig geworden, hieß es`. A relative clause may
    // stand between (`Im Schreiben, das der Rat verschickte, heißt es`).
    let mut end = c;
    if c > 0 && seg.gap(c).contains(',') {
        let rel = (1..c)
            .rev()
            .find(|&j| seg.gap(j).contains([',', ';', ':', '.']))?;
        if !seg.gap(rel).contains(',') || !seg.lex.is("relative_forms", &seg.lower[rel]) {
            return None;
        }
        end = rel - 1;
    }
    let clean = |i: usize| !seg.gap(i).contains([',', ';', ':', '.']);
    // The first preposition of the phrase: `In einer Erklärung der Minister vom Dienstag`.
    let mut k = (0..end)
        .rev()
        .find(|&k| is_prep(k) && (k + 1..=end).all(clean))?;
    while let Some(j) = (0..k).rev().find(|&j| is_prep(j) && (j + 1..=k).all(clean)) {
        k = j;
    }
    from_prep(k)
}

/// Whether a German noun phrase found after a verb can be its subject: a pronoun, an article
/// or a capitalised word (not `hat` in `bezeichnet hat`).
pub(super) fn de_subject_start(ctx: &Ctx, seg: &Seg, i: usize) -> bool {
    let Some(l) = seg.lower.get(i) else {
        return false;
    };
    let l = l.as_str();
    !seg.lex.is("object_articles", l)
        && !de_non_subject().contains(&l)
        && (ctx.lex().is_pronoun(l)
            || ctx.lex().has(Words::Determiners, l)
            || seg.lex.is("subject_possessives", l)
            || starts_upper(seg.words[i].as_str(seg.text)))
}

word_list!(
    /// Adverbs and conjunctions that may open a German clause before the verb.
    pub(super) de_openers, "de/rules/openers.txt"
);

/// The subject of a German clause with its verb at word `c` (or `c == words` for a clause
/// with no reporting verb, `Hier sparte der Bundespräsident nicht mit Kritik: „…“`):
/// the first noun phrase of the clause that no preposition governs, before the verb in
/// verb-second order; after the verb when everything before it is a prepositional phrase or
/// an adverb (`Als Antwort sagte ein Sprecher`, `Am Montag äußerte sich der Minister`).
pub(super) fn de_subject(ctx: &Ctx, seg: &Seg, c: usize, recent: &[Speaker]) -> Option<Speaker> {
    let n = seg.words.len();
    if c < n {
        if let Some(d) = de_document(ctx, seg, c, recent) {
            return Some(d);
        }
    }
    if let Some(sp) = de_wie_source(ctx, seg, c, recent) {
        return Some(sp);
    }
    let s = de_clause_start(ctx, seg, c);
    if de_particle_name(ctx, seg, s, c) {
        let (a, b) = (seg.words[0].start, seg.words[c - 1].end);
        return ctx.speaker_from_np(a, b, recent);
    }
    // `hunderttausende Demonstranten, die skandierten: „…“`: a relative pronoun that opens
    // the verb's clause stands for the phrase before its comma.
    if s > 0 && c < n && c > s + 1 {
        if let Some(sp) = de_relative_subject(ctx, seg, s, c, recent) {
            return Some(sp);
        }
    }
    let cands = de_subject_candidates(ctx, seg, s, c, recent);
    let after = de_inverted_subject(ctx, seg, c, recent);
    de_choose_subject(ctx, seg, c, &cands, after)
}

/// German `Wie der Minister erklärte, sieht die Regierung …`: the `wie` clause that opens the
/// clause of the verb at word `c` names the source.
fn de_wie_source(ctx: &Ctx, seg: &Seg, c: usize, recent: &[Speaker]) -> Option<Speaker> {
    let n = seg.words.len();
    if seg.lower.first().is_some_and(|w| seg.lex.is("wie", w)) {
        if let Some(f) = (1..=c.min(n.saturating_sub(1))).find(|&i| seg.gap(i).contains(',')) {
            // `Wie CBS berichtet, gab Regierungssprecher X eine Stellungnahme ab: „…“`: the
            // main clause's own reporting verb with a person after it is the speaker's.
            let main_person = c >= f
                && c + 1 < n
                && de_subject_start(ctx, seg, c + 1)
                && ctx
                    .speaker_after(seg, c + 1, recent)
                    .is_some_and(|s| ctx.person_at(s.start));
            if let Some(v) = (1..f).find(|&i| seg.is_verb(i)).filter(|_| !main_person) {
                if let Some(sp) = de_subject(ctx, seg, v, recent) {
                    return Some(sp);
                }
            }
        }
    }
    None
}

/// Where the clause of the verb at word `c` starts: after the comma, parenthesis or dash
/// that opens it, or at the first word.
fn de_clause_start(ctx: &Ctx, seg: &Seg, c: usize) -> usize {
    let n = seg.words.len();
    let mut s = 0;
    // `X, der …, sagte`: a verb right after a comma closes an apposition or a relative
    // clause, and the subject opens the sentence.
    let after_comma = c < n
        && c > 0
        && seg.gap(c).contains(',')
        && !de_subordinators().contains(&seg.lower[0].as_str());
    // `Ministerin X wies dies zurück, die Sprecherin Y erklärte: …`: when the first chunk is
    // a main clause of its own (a verb inside it, not at its end), the verb after the comma
    // has its own subject in the last chunk.
    let after_comma = after_comma
        && !(c < n
            && (1..c).find(|&i| seg.gap(i).contains(',')).is_some_and(|f| {
                f >= 3
                    && !ctx.lex().has(Words::Relatives, seg.lower[0].as_str())
                    && (1..f - 1).any(|i| seg.is_verb(i))
            }));
    // A clause with no verb before a colon: its subject opens the sentence.
    let after_comma = after_comma || c >= n;
    // A parenthesis closed before the verb belongs to the phrase before it: `Renate Schmidt
    // (SPD) äußerte …`.
    let mut before_paren = None;
    for i in 1..c.min(n) {
        let gap = seg.gap(i);
        if after_comma {
            continue;
        }
        if gap.contains(')') && !gap.contains([',', '(', '–', '—', ';', ':']) {
            if let Some(b) = before_paren.take() {
                s = b;
                continue;
            }
        }
        if gap.contains('(') && !gap.contains(')') {
            before_paren = Some(s);
        }
        if gap.contains([',', '(', ')', '–', '—', ';', ':']) {
            s = i;
        }
    }
    if let Some(b) = before_paren {
        if c < n && seg.gap(c).contains(')') {
            s = b;
        }
    }
    // `Theo Zwanziger, Präsident des Verbands (DFB) nannte …`: an apposition whose closing
    // comma is missing; the name that opens the sentence is the subject.
    if s > 0
        && s < n
        && seg.gap(s).contains(',')
        && is_title(&seg.lower[s])
        && ctx.person_at(seg.words[0].start)
        && (1..s).all(|i| !seg.gap(i).contains([',', ';', ':', '(', ')']))
    {
        s = 0;
    }
    // `Da ihre Mandantin Angst hatte, habe Celebi „…“`: a subordinate clause opens the
    // sentence, the main clause and its subject follow its comma.
    if c >= n
        && seg
            .lower
            .first()
            .is_some_and(|w| de_subordinators().contains(&w.as_str()) && !seg.lex.is("wie", w))
    {
        if let Some(i) = (1..n).find(|&i| seg.gap(i).contains(',')) {
            s = i;
        }
    }
    s
}

/// `Von der Leyen betonte`: the clause from `s` to the verb at word `c` is a name with a
/// particle, right before the verb, not a prepositional phrase.
fn de_particle_name(ctx: &Ctx, seg: &Seg, s: usize, c: usize) -> bool {
    let n = seg.words.len();
    s == 0
        && c < n
        && (2..=4).contains(&c)
        && seg.lex.is("leading_particles", &seg.lower[0])
        && starts_upper(seg.words[c - 1].as_str(seg.text))
        && (1..c).all(|i| {
            gap_is_space(seg.gap(i))
                && (starts_upper(seg.words[i].as_str(seg.text))
                    || seg.lex.is("particle_articles", &seg.lower[i]))
        })
        && !(c + 1 < n && de_subject_start(ctx, seg, c + 1))
}

/// The phrases of the clause from word `s` to the verb at word `c` that may be its subject,
/// in order, at most three: those no preposition governs.
fn de_subject_candidates(
    ctx: &Ctx,
    seg: &Seg,
    s: usize,
    c: usize,
    recent: &[Speaker],
) -> Vec<Speaker> {
    let n = seg.words.len();
    // A relative clause or a subordinate clause: its subject is still a fine speaker.
    let np_at = |i: usize| -> Option<Speaker> {
        let (a, b) = ctx.np_forward(seg, i)?;
        let limit = if c < n { seg.words[c].start } else { b };
        let b = b.min(limit.max(a));
        if b <= a {
            return None;
        }
        ctx.speaker_from_np(a, b, recent)
    };
    // Candidates in order; the first that is somebody wins (`Jegliche Verantwortung weist
    // Hartmann von sich`: the object opens the clause, the speaker follows the verb).
    let mut cands: Vec<Speaker> = Vec::new();
    let skip_np = |i: usize| -> usize {
        match ctx.np_forward(seg, i) {
            Some((_, b)) => {
                let mut k = i + 1;
                while k < c.min(n) && seg.words[k].start < b {
                    k += 1;
                }
                k
            }
            None => i + 1,
        }
    };
    let mut governed = false;
    let mut i = s;
    while i < c.min(n) && cands.len() < 3 {
        let l = seg.lower[i].as_str();
        let w = seg.words[i].as_str(seg.text);
        // A name that starts with a preposition-like word: `Von der Leyen betonte`.
        if !governed && starts_upper(w) && ctx.person_at(seg.words[i].start) {
            cands.extend(np_at(i));
            i = skip_np(i);
            continue;
        }
        if de_non_subject().contains(&l) {
            governed = true;
            i += 1;
            continue;
        }
        if governed {
            // Skip the governed phrase: determiners and adjectives up to its noun (or name),
            // with genitives (`des Bundestages`) and following name words.
            if starts_upper(w) && !ctx.lex().has(Words::Determiners, l) {
                i += 1;
                while i < c.min(n)
                    && (starts_upper(seg.words[i].as_str(seg.text))
                        && !ctx.lex().has(Words::Determiners, seg.lower[i].as_str()))
                    && gap_is_space(seg.gap(i))
                {
                    i += 1;
                }
                if i < c.min(n) && seg.lex.is("genitive_articles", &seg.lower[i]) {
                    // A genitive keeps the phrase going.
                    i += 1;
                    continue;
                }
                governed = false;
                continue;
            }
            i += 1;
            continue;
        }
        if ctx.lex().is_pronoun(l) {
            cands.extend(np_at(i));
            i += 1;
            continue;
        }
        if de_openers().contains(&l) || ctx.lex().has(Words::Relatives, l) && i == s && s > 0 {
            i += 1;
            continue;
        }
        if i == s && i + 1 < n && de_adverb_like(ctx, seg, i) {
            // `Passend zu …`, `Aktuell lässt …`, `Höhnisch, wohl …`: an adverb opens the
            // sentence, capitalised only by its place.
            i += 1;
            continue;
        }
        if ctx.lex().has(Words::Determiners, l)
            || seg.lex.is("subject_openers", l)
            || starts_upper(w)
        {
            if seg.lex.is("object_articles", l) {
                // Dative and accusative articles open objects, not subjects.
                governed = true;
                i += 1;
                continue;
            }
            cands.extend(np_at(i));
            i = skip_np(i);
            continue;
        }
        i += 1;
    }
    cands
}

/// The subject right after the verb at word `c` (inverted order), past object pronouns.
pub(super) fn de_inverted_subject(
    ctx: &Ctx,
    seg: &Seg,
    c: usize,
    recent: &[Speaker],
) -> Option<Speaker> {
    let k = skip_object_pronouns(seg, c + 1);
    (c < seg.words.len() && de_subject_start(ctx, seg, k))
        .then(|| ctx.speaker_after(seg, k, recent))
        .flatten()
}

/// Chooses the subject of the verb at word `c` among the phrases before it (`cands`) and the
/// one after it (`after`).
fn de_choose_subject(
    ctx: &Ctx,
    seg: &Seg,
    c: usize,
    cands: &[Speaker],
    after: Option<Speaker>,
) -> Option<Speaker> {
    let n = seg.words.len();
    // `sagte er`: `er` right after the verb can only be its subject; so is the subject
    // after the verb when a subordinate clause fills the place before it (`Als er gefragt
    // wurde, was …, entgegnete Suttner`).
    let subordinate_first = c < n
        && c > 0
        && seg.gap(c).contains(',')
        && de_subordinators().contains(&seg.lower[0].as_str());
    if (c + 1 < n && seg.lex.is("inverted_er", &seg.lower[c + 1]) && gap_is_space(seg.gap(c + 1)))
        || (subordinate_first && after.is_some())
    {
        return after;
    }
    let first = cands.first().cloned();
    let person = |x: &Speaker| {
        let np = ctx.slice(x.start..x.end).to_lowercase();
        ctx.lex().is_pronoun(np.as_str()) || ctx.person_at(x.start)
    };
    if first.as_ref().is_some_and(person) {
        return first;
    }
    // `Das Staatsoberhaupt Neuseelands, die britische Königin Elisabeth II., bat …`: a person
    // in apposition to the first phrase is its name.
    if let (Some(f), Some(second)) = (first.as_ref(), cands.get(1)) {
        let between = ctx.slice(f.end..second.start).trim_start();
        if between
            .strip_prefix(',')
            .is_some_and(|rest| !rest.contains([',', ';', ':', '.', '(', ')']))
            && ctx.person_at(second.start)
        {
            return Some(second.clone());
        }
    }
    // `Der Zeitung sagte Filep Karma: „…“`: a name right after the verb, and last before
    // the quote, is its subject (not `warf Obama vor, …`, `würdigte Kluncker als …`).
    let last_before_quote = |a: &Speaker| {
        let seg_end = seg.words.last().map_or(a.end, |w| w.end);
        a.end >= seg_end
    };
    if let Some(a) = after.as_ref().filter(|a| {
        c + 1 < n
            && a.start == seg.words[c + 1].start
            && ctx.person_at(a.start)
            && last_before_quote(a)
    }) {
        return Some(a.clone());
    }
    if first.as_ref().is_some_and(|f| somebody(ctx, f)) {
        return first;
    }
    if let Some(a) = after.as_ref().filter(|a| somebody(ctx, a)) {
        return Some(a.clone());
    }
    if let Some(x) = cands.iter().skip(1).find(|x| somebody(ctx, x)) {
        return Some(x.clone());
    }
    first.or(after)
}

/// German: the relative pronoun at word `s` that opens the clause of the verb at word `c`
/// (verb last) as a speaker: its span, named after the phrase before its comma.
pub(super) fn de_relative_subject(
    ctx: &Ctx,
    seg: &Seg,
    s: usize,
    c: usize,
    recent: &[Speaker],
) -> Option<Speaker> {
    let n = seg.words.len();
    let upper = |i: usize| starts_upper(seg.words[i].as_str(seg.text));
    if !de_relative_subjects().contains(&seg.lower[s].as_str())
        || !seg.gap(s).contains(',')
        || seg.gap(s).contains(['.', ';', ':', '(', ')'])
        || !upper(s - 1)
        || (s + 1..=c).any(|i| seg.gap(i).contains([',', ';', ':', '(', ')', '.']))
        || (c + 1 < n && !seg.gap(c + 1).contains([',', ':', ';', '.']))
    {
        return None;
    }
    // An article opens a noun phrase (`die neue Regierung erklärte`); a relative pronoun
    // is followed by another determiner, or by words that are no noun.
    let next = seg.lower[s + 1].as_str();
    let relative = ctx.lex().has(Words::Determiners, next)
        || seg.lex.is("relative_followers", next)
        || (!upper(s + 1) && (s + 2 >= c || !upper(s + 2)));
    if !relative {
        return None;
    }
    let mut a = s - 1;
    while a > 0 && s - a < 4 && upper(a - 1) && gap_is_space(seg.gap(a)) {
        a -= 1;
    }
    if a > 0
        && ctx.lex().has(Words::Determiners, seg.lower[a - 1].as_str())
        && gap_is_space(seg.gap(a))
    {
        a -= 1;
    }
    let name = ctx
        .speaker_from_np(seg.words[a].start, seg.words[s - 1].end, recent)?
        .name;
    Some(Speaker {
        name,
        start: seg.words[s].start,
        end: seg.words[s].end,
    })
}

/// German: whether the words say that a text stands somewhere (`war … zu lesen`, `fand sich`,
/// `war von … die Rede`, `auf dem geschrieben stand`).
pub(super) fn de_text_stands(seg: &Seg) -> bool {
    let l = &seg.lower;
    (1..l.len()).any(|i| {
        let (a, b) = (l[i - 1].as_str(), l[i].as_str());
        seg.lex
            .rule("text_stands")
            .iter()
            .any(|p| p.split_once('+') == Some((a, b)))
    })
}

/// German: a quote that stands somewhere (`Auf dem Transparent war die Parole „…“ zu lesen`,
/// `In der Zeitung fand sich die Feststellung „…“`, `ein Zettel, auf dem geschrieben stand:
/// „…“`): the text that bears it speaks. `darauf`, `darin`, `dort` stand for the last
/// document named before the sentence.
pub(super) fn de_text_place(
    ctx: &Ctx,
    before: Range<usize>,
    after: Range<usize>,
    recent: &[Speaker],
) -> Option<Speaker> {
    if ctx.lang != Lang::De {
        return None;
    }
    let seg = Seg::new(ctx, before);
    let next = Seg::new(ctx, after);
    if !de_text_stands(&seg) && !de_text_stands(&next) {
        return None;
    }
    let n = seg.words.len();
    let k = (0..n).find(|&k| seg.lex.is("text_places", &seg.lower[k]))?;
    let w = &seg.words[k];
    if seg.lex.is("text_pointers", &seg.lower[k]) {
        return Some(Speaker {
            name: w.as_str(ctx.text).to_string(),
            start: w.start,
            end: w.end,
        });
    }
    let art = seg.lower.get(k + 1)?.as_str();
    if k > 0 && seg.gap(k).contains(',') && seg.lex.is("relative_datives", art) {
        // `ein Zettel, auf dem geschrieben stand`: the phrase the relative clause follows.
        let a = (k.saturating_sub(4)..k)
            .rev()
            .take_while(|&j| j == k - 1 || !seg.gap(j + 1).contains([',', '.', ';', ':']))
            .find(|&j| opens_phrase(&seg, j))?;
        return ctx.speaker_from_np(seg.words[a].start, seg.words[k - 1].end, recent);
    }
    if seg.lex.is("document_articles", art) {
        let (_, b) = ctx.np_forward(&seg, k + 2)?;
        return ctx.speaker_from_np(seg.words[k + 1].start, b, recent);
    }
    ctx.speaker_after(&seg, k + 1, recent)
}
