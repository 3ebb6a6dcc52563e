//! Acceptance tests on the bundled Dutch sample and on short articles written for these tests
//! in each of the six languages.

use super::*;

/// Blocks: the non-empty lines of `text`, without a trailing list of language names.
pub fn line_blocks(text: &str) -> Vec<Range<usize>> {
    let mut v = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let t = line.trim();
        if !t.is_empty() && Lang::from_label(t).is_none() {
            v.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    v
}

const SAMPLE: &str = include_str!("../../assets/sample.txt");

#[test]
fn debug_sample() {
    let a = analyze(SAMPLE, &line_blocks(SAMPLE), Lang::Nl);
    for q in &a.quotes {
        eprintln!(
            "{:?} {:?} <- {:?}",
            q.kind,
            q.text,
            q.speaker
                .as_ref()
                .map(|s| (&s.name, &SAMPLE[s.start..s.end]))
        );
    }
    for e in &a.entities {
        eprintln!(
            "{:?} {:?} {:?} {:?}",
            e.kind,
            e.name,
            e.value,
            e.mentions
                .iter()
                .map(|m| &SAMPLE[m.start..m.end])
                .collect::<Vec<_>>()
        );
    }
}
