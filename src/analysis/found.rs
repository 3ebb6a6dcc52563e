//! What the reader keeps of an article's analysis, compactly: each entity once (its name
//! interned), every mention a 12-byte span that names its entity, and the quotes of reported
//! speech without copies of their text. Mentions of one entity are found when asked for, by a
//! scan of the spans, instead of being kept twice.
//!
//! Analyses of consecutive batches of an article are added in text order ([`Found::add`]).

use super::{Analysis, EntityKind, QuoteKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Articles are at most 1 GiB, so offsets fit in 32 bits.
fn offset(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// One mention of an entity: where it stands and which entity it is (an index into
/// [`Found::entities`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub entity: u32,
}

impl Span {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// An entity, once per (kind, name) in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntity {
    pub name: Arc<str>,
    pub kind: EntityKind,
    /// A normalised value (an amount, a number), where the analysis gives one.
    pub value: Option<Box<str>>,
    /// How many mentions it has.
    pub count: u32,
    /// Where its first mention starts.
    pub first: u32,
}

/// A quote of reported speech (`start..end` is the quoted text) and who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    pub start: u32,
    pub end: u32,
    pub speaker: Option<FoundSpeaker>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSpeaker {
    pub name: Arc<str>,
    /// Where the attribution names or refers to the speaker.
    pub start: u32,
    pub end: u32,
}

impl FoundQuote {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Debug, Default)]
pub struct Found {
    pub quotes: Vec<FoundQuote>,
    pub entities: Vec<FoundEntity>,
    /// Every mention, sorted by start (then end).
    pub spans: Vec<Span>,
    index: HashMap<(EntityKind, Arc<str>), u32>,
    /// Speaker names, each kept once.
    speakers: HashMap<Arc<str>, ()>,
}

impl Found {
    /// Adds the analysis of the next batch (batches arrive in text order). Scare quotes are
    /// not kept: only speech is shown.
    pub fn add(&mut self, part: Analysis) {
        for q in part.quotes {
            if q.kind != QuoteKind::Direct {
                continue;
            }
            let speaker = q.speaker.map(|s| FoundSpeaker {
                name: self.intern_speaker(&s.name),
                start: offset(s.start),
                end: offset(s.end),
            });
            self.quotes.push(FoundQuote {
                start: offset(q.start),
                end: offset(q.end),
                speaker,
            });
        }
        let first_new = self.spans.len();
        for e in part.entities {
            if e.mentions.is_empty() {
                continue;
            }
            let id = self.intern_entity(e.kind, &e.name, e.value);
            let entity = &mut self.entities[id as usize];
            entity.count = entity
                .count
                .saturating_add(u32::try_from(e.mentions.len()).unwrap_or(u32::MAX));
            let earliest = e.mentions.iter().map(|m| offset(m.start)).min();
            if let Some(s) = earliest {
                entity.first = entity.first.min(s);
            }
            self.spans.extend(e.mentions.iter().map(|m| Span {
                start: offset(m.start),
                end: offset(m.end),
                entity: id,
            }));
        }
        // A batch's mentions all follow the earlier batches': only the new ones need sorting.
        self.spans[first_new..].sort_unstable_by_key(|s| (s.start, s.end));
        if first_new > 0 && self.spans.len() > first_new {
            let (before, after) = (self.spans[first_new - 1], self.spans[first_new]);
            if (after.start, after.end) < (before.start, before.end) {
                // Out of text order after all (a caller adding batches out of order): sort all.
                self.spans.sort_by_key(|s| (s.start, s.end));
            }
        }
    }

    fn intern_entity(&mut self, kind: EntityKind, name: &str, value: Option<String>) -> u32 {
        let name: Arc<str> = Arc::from(name);
        if let Some(&id) = self.index.get(&(kind, Arc::clone(&name))) {
            return id;
        }
        let id = offset(self.entities.len());
        self.entities.push(FoundEntity {
            name: Arc::clone(&name),
            kind,
            value: value.map(String::into_boxed_str),
            count: 0,
            first: u32::MAX,
        });
        self.index.insert((kind, name), id);
        id
    }

    fn intern_speaker(&mut self, name: &str) -> Arc<str> {
        match self.speakers.get_key_value(name) {
            Some((k, _)) => Arc::clone(k),
            None => {
                let k: Arc<str> = Arc::from(name);
                self.speakers.insert(Arc::clone(&k), ());
                k
            }
        }
    }

    /// The mentions of entity `id`, in text order.
    pub fn mentions(&self, id: usize) -> Vec<Range<usize>> {
        let Ok(id) = u32::try_from(id) else {
            return Vec::new();
        };
        self.spans
            .iter()
            .filter(|s| s.entity == id)
            .map(Span::range)
            .collect()
    }

    /// The entity a mention belongs to.
    pub fn entity_of(&self, span: &Span) -> Option<&FoundEntity> {
        self.entities.get(span.entity as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Entity, Mention, Quote, Speaker};

    fn entity(name: &str, kind: EntityKind, at: &[usize]) -> Entity {
        Entity {
            name: name.into(),
            kind,
            mentions: at
                .iter()
                .map(|&s| Mention {
                    start: s,
                    end: s + name.len(),
                })
                .collect(),
            value: None,
        }
    }

    fn quote(start: usize, kind: QuoteKind, speaker: Option<&str>) -> Quote {
        Quote {
            start,
            end: start + 5,
            text: "words".into(),
            kind,
            speaker: speaker.map(|n| Speaker {
                name: n.into(),
                start: start + 10,
                end: start + 10 + n.len(),
            }),
        }
    }

    #[test]
    fn batches_join_entities_and_keep_mentions_in_order() {
        let mut f = Found::default();
        f.add(Analysis {
            quotes: vec![
                quote(0, QuoteKind::Direct, Some("Rutte")),
                quote(40, QuoteKind::Scare, None),
            ],
            entities: vec![
                entity("Rutte", EntityKind::Person, &[30, 10]),
                entity("Den Haag", EntityKind::Place, &[20]),
            ],
        });
        f.add(Analysis {
            quotes: vec![quote(100, QuoteKind::Direct, Some("Rutte"))],
            entities: vec![
                entity("Rutte", EntityKind::Person, &[120]),
                // The same name as another kind is another entity.
                entity("Rutte", EntityKind::Organization, &[110]),
            ],
        });
        assert_eq!(f.entities.len(), 3);
        let rutte = &f.entities[0];
        assert_eq!((rutte.count, rutte.first), (3, 10));
        let starts: Vec<u32> = f.spans.iter().map(|s| s.start).collect();
        assert_eq!(starts, [10, 20, 30, 110, 120]);
        assert_eq!(f.mentions(0), [10..15, 30..35, 120..125]);
        assert_eq!(
            f.entity_of(&f.spans[3]).map(|e| e.kind),
            Some(EntityKind::Organization)
        );
        // Scare quotes are dropped; a speaker's name is kept once.
        assert_eq!(f.quotes.len(), 2);
        let (a, b) = (&f.quotes[0].speaker, &f.quotes[1].speaker);
        let (Some(a), Some(b)) = (a, b) else {
            panic!("speakers")
        };
        assert!(Arc::ptr_eq(&a.name, &b.name));
        assert_eq!(f.quotes[1].range(), 100..105);
    }

    #[test]
    fn batches_out_of_order_are_still_sorted() {
        let mut f = Found::default();
        f.add(Analysis {
            quotes: vec![],
            entities: vec![entity("Lisboa", EntityKind::Place, &[500])],
        });
        f.add(Analysis {
            quotes: vec![],
            entities: vec![entity("Porto", EntityKind::Place, &[5])],
        });
        let starts: Vec<u32> = f.spans.iter().map(|s| s.start).collect();
        assert_eq!(starts, [5, 500]);
        assert_eq!(f.mentions(1), vec![5..10]);
    }
}
