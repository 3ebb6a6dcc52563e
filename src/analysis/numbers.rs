//! Numbers, amounts of money and dates, read the way each language writes them:
//! `28.500` is 28500 in Dutch, German, Spanish and Portuguese, `28,500` in English,
//! `28 500` in French; `$3 miljard` is "3000000000 USD".

use super::lexicon::{currency_signs, Lexicon, NumberWords};
use super::EntityKind;
use crate::lang::Lang;
use std::ops::Range;

/// One number, amount or date found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// The normalised value: "28500", "3000000000 USD", "2025", "2024-03-03".
    pub value: String,
}

pub use super::calendar::{month, weekday};

/// A parsed numeral: digits without separators and the number of decimals.
#[derive(Debug, Clone, Copy)]
struct Numeral {
    start: usize,
    end: usize,
    mantissa: u128,
    decimals: u32,
    grouped: bool,
    digits: usize,
}

fn separators(lang: Lang) -> (&'static [char], char) {
    match lang {
        Lang::En => (&[','], '.'),
        Lang::Fr => (&[' ', '\u{a0}', '\u{202f}', '.'], ','),
        _ => (&['.'], ','),
    }
}

/// Reads a numeral starting at byte `i` (an ASCII digit not preceded by a letter or digit).
fn read_numeral(bytes: &str, i: usize, lang: Lang) -> Numeral {
    let (groups, decimal) = separators(lang);
    let s = bytes.as_bytes();
    let mut j = i;
    let mut mantissa: u128 = 0;
    let mut digits = 0usize;
    let mut run = 0usize;
    let mut grouped = false;
    let push = |m: u128, d: u8| m.saturating_mul(10).saturating_add(u128::from(d - b'0'));
    while j < s.len() && s[j].is_ascii_digit() {
        mantissa = push(mantissa, s[j]);
        digits += 1;
        run += 1;
        j += 1;
    }
    // Thousands groups: exactly three digits after each separator, at most three before the first.
    while let Some(c) = bytes.get(j..).and_then(|r| r.chars().next()) {
        if !groups.contains(&c) || run > 3 {
            break;
        }
        let k = j + c.len_utf8();
        let three = s.len() >= k + 3
            && s[k..k + 3].iter().all(|b| b.is_ascii_digit())
            && s.get(k + 3).is_none_or(|b| !b.is_ascii_digit());
        if !three {
            break;
        }
        for &b in &s[k..k + 3] {
            mantissa = push(mantissa, b);
        }
        digits += 3;
        run = 3;
        grouped = true;
        j = k + 3;
    }
    let mut decimals = 0u32;
    if bytes.get(j..).and_then(|r| r.chars().next()) == Some(decimal)
        && s.get(j + 1).is_some_and(|b| b.is_ascii_digit())
    {
        let mut k = j + 1;
        while k < s.len() && s[k].is_ascii_digit() && decimals < 12 {
            mantissa = push(mantissa, s[k]);
            decimals += 1;
            k += 1;
        }
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        j = k;
    }
    Numeral {
        start: i,
        end: j,
        mantissa,
        decimals,
        grouped,
        digits,
    }
}

fn format_value(mantissa: u128, decimals: u32, scale: u32) -> String {
    if scale >= decimals {
        let v = mantissa.saturating_mul(10u128.saturating_pow(scale - decimals));
        v.to_string()
    } else {
        let d = decimals - scale;
        let p = 10u128.saturating_pow(d);
        let int = mantissa / p;
        let frac = mantissa % p;
        let mut f = format!("{frac:0width$}", width = d as usize);
        while f.ends_with('0') {
            f.pop();
        }
        if f.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{f}")
        }
    }
}

/// The next word (letters, `$`, `€` …) after `at`, skipping spaces: (start, end).
fn next_word(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?;
    let skip = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
    if skip > 3 {
        return None;
    }
    let s = at + skip;
    let r = text.get(s..)?;
    let len = r
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '$' || c == '€' || c == '£'))
        .map_or(r.len(), |(i, _)| i);
    if len == 0 {
        None
    } else {
        Some((s, s + len))
    }
}

/// The ISO code of a currency named `word_lower`: a name of the article's language, a
/// symbol or a code.
fn currency(word_lower: &str, nw: &NumberWords) -> Option<&'static str> {
    nw.currencies.get(word_lower).copied().or_else(|| {
        currency_signs()
            .iter()
            .find(|(sign, _)| *sign == word_lower)
            .map(|&(_, code)| code)
    })
}

/// Finds the numbers, amounts and dates in `range` of `text`, appending to `out`.
pub fn find(text: &str, range: Range<usize>, lang: Lang, out: &mut Vec<Found>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let bytes = slice.as_bytes();
    let mut i = 0usize;
    let mut lower = String::new();
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-'))
            || slice
                .get(..i)
                .and_then(|s| s.chars().next_back())
                .is_some_and(|c| c.is_alphabetic())
        {
            i += 1;
            continue;
        }
        let n = read_numeral(slice, i, lang);
        // A numeral glued to letters (IT2, 3D) is a name, not a number.
        let glued = slice
            .get(n.end..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_alphabetic());
        let found = (!glued).then(|| number_at(slice, n, &mut lower, &Lexicon::of(lang).numbers));
        i = found.as_ref().map_or(n.end, |f| f.end).max(i + 1);
        while i < bytes.len() && !slice.is_char_boundary(i) {
            i += 1;
        }
        if let Some(found) = found {
            out.push(Found {
                start: found.start + range.start,
                end: found.end + range.start,
                ..found
            });
        }
    }
}

/// The number, amount, percentage or date that the numeral `n` of `slice` is part of.
fn number_at(slice: &str, n: Numeral, lower: &mut String, nw: &NumberWords) -> Found {
    let mut start = n.start;
    let mut end = n.end;
    let mut cur = currency_before(slice, start).map(|(code, at)| {
        start = at;
        code
    });
    let mut power = 0u32;
    let mut pos = end;
    if let Some((p, e)) = scale_after(slice, pos, cur.is_some(), lower, nw) {
        power = p;
        pos = e;
        end = e;
    }
    if cur.is_none() {
        if let Some((code, e)) = currency_after(slice, pos, lower, nw) {
            cur = Some(code);
            end = e;
        }
    }
    let percent = cur.is_none() && {
        let after = percent_after(slice, pos, lower, nw);
        end = after.unwrap_or(end);
        after.is_some()
    };
    let value = format_value(n.mantissa, n.decimals, power);
    let number = |value: String| Found {
        start,
        end,
        kind: EntityKind::Number,
        value,
    };
    if let Some(code) = cur {
        Found {
            start,
            end,
            kind: EntityKind::Money,
            value: format!("{value} {code}"),
        }
    } else if !percent
        && power == 0
        && !n.grouped
        && n.decimals == 0
        && n.digits == 4
        && (1000..=2100).contains(&n.mantissa)
    {
        year_or_date(slice, n, lower, nw)
    } else if !percent
        && power == 0
        && n.decimals == 0
        && n.digits <= 2
        && (1..=31).contains(&n.mantissa)
    {
        day_month_year(slice, n, lower, nw).unwrap_or_else(|| number(value))
    } else if percent {
        number(format!("{value}%"))
    } else {
        number(value)
    }
}

/// A currency symbol just before byte `start` of `slice` (`$3`, `€ 2,5`, `US$ 5`): its code
/// and where it starts.
fn currency_before(slice: &str, start: usize) -> Option<(&'static str, usize)> {
    let before = slice.get(..start).unwrap_or("");
    let b = before.trim_end_matches([' ', '\u{a0}']);
    if before.len() - b.len() > 1 {
        return None;
    }
    // The last few characters, lower case: a sign is a symbol (`US$`), not a code.
    let tail_start = b.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    let tail = b[tail_start..].to_lowercase();
    currency_signs()
        .iter()
        .filter(|(sign, _)| !sign.chars().all(char::is_alphabetic))
        .find(|(sign, _)| tail.ends_with(sign) && tail.len() == b.len() - tail_start)
        .map(|&(sign, code)| (code, b.len() - sign.len()))
}

/// A scale word after byte `pos` (`3 Milliarden`, `5 Mio.`): its power of ten and where it
/// ends (after an abbreviation's full stop). A thousand before a larger scale multiplies it
/// (`3 mil millones`, `3 mil milhões`); some words are scales only after a currency (`$3 m`).
fn scale_after(
    slice: &str,
    pos: usize,
    currency: bool,
    lower: &mut String,
    nw: &NumberWords,
) -> Option<(u32, usize)> {
    let (ws, we) = next_word(slice, pos)?;
    let w = super::text::lower_into(&slice[ws..we], lower);
    let &(mut p, only_after_currency) = nw.scales.get(w)?;
    if only_after_currency && !currency {
        return None;
    }
    let mut end = we;
    if p == 3 {
        if let Some((ws2, we2)) = next_word(slice, we) {
            let w2 = super::text::lower_into(&slice[ws2..we2], lower);
            if let Some(&(p2, _)) = nw.scales.get(w2) {
                if p2 >= 6 {
                    p = 3 + p2;
                    end = we2;
                }
            }
        }
    }
    if slice.get(end..end + 1) == Some(".") && we - ws <= 3 {
        end += 1;
    }
    Some((p, end))
}

/// A currency named after byte `pos`: `dollar`, `Dollar`, `de dollars`, `de dólares`, `EUR`;
/// its code and where it ends.
fn currency_after(
    slice: &str,
    pos: usize,
    lower: &mut String,
    nw: &NumberWords,
) -> Option<(&'static str, usize)> {
    let mut p = pos;
    for _ in 0..2 {
        let (ws, we) = next_word(slice, p)?;
        let w = super::text::lower_into(&slice[ws..we], lower);
        if let Some(c) = currency(w, nw) {
            return Some((c, we));
        }
        if !nw.links.contains(&w) {
            return None;
        }
        p = we;
    }
    None
}

/// Where a percentage sign or word after byte `pos` ends (`3 procent`, `3,5 %`).
fn percent_after(slice: &str, pos: usize, lower: &mut String, nw: &NumberWords) -> Option<usize> {
    let mut end = None;
    if let Some((ws, we)) = next_word(slice, pos) {
        let w = super::text::lower_into(&slice[ws..we], lower);
        if nw.percent.contains(&w) {
            end = Some(we);
        }
    }
    if slice.get(pos..).is_some_and(|r| {
        let t = r.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        t.starts_with('%') && r.len() - t.len() <= 3
    }) {
        end = Some(slice[..pos].len() + (slice[pos..].find('%').unwrap_or(0)) + 1);
    }
    end
}

/// A year, widened to "maart 2024" / "March 2024" when a month precedes it.
fn year_or_date(slice: &str, n: Numeral, lower: &mut String, nw: &NumberWords) -> Found {
    let year = n.mantissa as u32;
    let before = slice.get(..n.start).unwrap_or("");
    let b = before.trim_end_matches([' ', ',', '\u{a0}']);
    let b = nw
        .date_links
        .iter()
        .find_map(|l| b.strip_suffix(l)?.strip_suffix(' '))
        .unwrap_or(b);
    let wstart = b
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    if let Some(m) = month(super::text::lower_into(&b[wstart..], lower)) {
        // "March 3, 2024" is handled from the day; here "March 2024".
        return Found {
            start: wstart,
            end: n.end,
            kind: EntityKind::Date,
            value: format!("{year:04}-{m:02}"),
        };
    }
    Found {
        start: n.start,
        end: n.end,
        kind: EntityKind::Date,
        value: year.to_string(),
    }
}

/// "3 maart 2024", "3. März 2024", "3 de março de 2024", "March 3, 2024", "3 mars".
fn day_month_year(slice: &str, n: Numeral, lower: &mut String, nw: &NumberWords) -> Option<Found> {
    let day = n.mantissa as u32;
    let mut pos = n.end;
    if slice.get(pos..pos + 1) == Some(".") {
        pos += 1;
    }
    // Day first.
    let mut word = next_word(slice, pos);
    if let Some((ws, we)) = word {
        if nw
            .date_links
            .contains(&super::text::lower_into(&slice[ws..we], lower))
        {
            word = next_word(slice, we);
        }
    }
    let start;
    let mut end;
    let day_first = word.and_then(|(ws, we)| {
        month(super::text::lower_into(&slice[ws..we], lower)).map(|m| (m, we))
    });
    let m = if let Some((m, we)) = day_first {
        start = n.start;
        end = we;
        m
    } else {
        // Month first: "March 3, 2024".
        let before = slice.get(..n.start)?.trim_end_matches(' ');
        let wstart = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let m = month(super::text::lower_into(&before[wstart..], lower))?;
        start = wstart;
        end = n.end;
        m
    };
    // An optional year.
    let mut after = slice.get(end..)?;
    let linked = after.strip_prefix(' ').and_then(|r| {
        nw.date_links
            .iter()
            .find_map(|l| r.strip_prefix(l)?.strip_prefix(' '))
    });
    let rest = after
        .strip_prefix(", ")
        .or(linked)
        .or_else(|| after.strip_prefix(' '));
    let mut skip = 0;
    if let Some(r) = rest {
        skip = after.len() - r.len();
        after = r;
    }
    let ylen = after.bytes().take_while(|b| b.is_ascii_digit()).count();
    if ylen == 4 && !after[4..].starts_with(|c: char| c.is_alphanumeric()) {
        let year: u32 = after[..4].parse().unwrap_or(0);
        end += skip + 4;
        return Some(Found {
            start,
            end,
            kind: EntityKind::Date,
            value: format!("{year:04}-{m:02}-{day:02}"),
        });
    }
    Some(Found {
        start,
        end,
        kind: EntityKind::Date,
        value: format!("--{m:02}-{day:02}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: Lang) -> Vec<(EntityKind, String, &str)> {
        let mut out = Vec::new();
        find(text, 0..text.len(), lang, &mut out);
        out.into_iter()
            .map(|f| (f.kind, f.value, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn thousands_per_language() {
        assert_eq!(values("de 28.500 troepen", Lang::Nl)[0].1, "28500");
        assert_eq!(values("the 28,500 troops", Lang::En)[0].1, "28500");
        assert_eq!(values("les 28 500 soldats", Lang::Fr)[0].1, "28500");
        assert_eq!(values("die 28.500 Soldaten", Lang::De)[0].1, "28500");
        assert_eq!(values("a 2.5 rate", Lang::En)[0].1, "2.5");
        assert_eq!(values("een 2,5 ratio", Lang::Nl)[0].1, "2.5");
    }

    #[test]
    fn money_in_six_languages() {
        let m = |t: &str, l: Lang| {
            let v = values(t, l);
            assert_eq!(v.len(), 1, "{t}: {v:?}");
            assert_eq!(v[0].0, EntityKind::Money, "{t}");
            (v[0].1.clone(), v[0].2.to_string())
        };
        assert_eq!(
            m("meer dan $3 miljard voor", Lang::Nl),
            ("3000000000 USD".into(), "$3 miljard".into())
        );
        assert_eq!(
            m("rund 350 Milliarden Dollar in", Lang::De).0,
            "350000000000 USD"
        );
        assert_eq!(
            m("environ 3 milliards de dollars pour", Lang::Fr).0,
            "3000000000 USD"
        );
        assert_eq!(m("kost € 2,5 miljoen.", Lang::Nl).0, "2500000 EUR");
        assert_eq!(
            m("unos 3.000 millones de dólares", Lang::Es).0,
            "3000000000 USD"
        );
        assert_eq!(
            m("cerca de 3 mil milhões de euros", Lang::Pt).0,
            "3000000000 EUR"
        );
        assert_eq!(m("about $1.2 billion in aid", Lang::En).0, "1200000000 USD");
    }

    /// A scale word is read as the article's language means it: a German or French
    /// `Billion` is a million millions, an English `billion` a thousand millions; `m` is a
    /// million only after a currency, and only in English.
    #[test]
    fn scales_of_the_article_language() {
        let value = |t: &str, l: Lang| values(t, l).first().map(|v| v.1.clone());
        assert_eq!(
            value("rund 1 Billion Euro Schulden", Lang::De).as_deref(),
            Some("1000000000000 EUR")
        );
        assert_eq!(
            value("près de 2 billions de dollars", Lang::Fr).as_deref(),
            Some("2000000000000 USD")
        );
        assert_eq!(
            value("nearly 1 billion euros in debt", Lang::En).as_deref(),
            Some("1000000000 EUR")
        );
        assert_eq!(
            value("some 3 thousand million pounds", Lang::En).as_deref(),
            Some("3000000000 GBP")
        );
        assert_eq!(
            value("a £3 m deal", Lang::En).as_deref(),
            Some("3000000 GBP")
        );
        assert_eq!(value("über 3 m hoch", Lang::De).as_deref(), Some("3"));
        assert_eq!(value("€ 3 m hoch", Lang::De).as_deref(), Some("3 EUR"));
    }

    #[test]
    fn dates() {
        assert_eq!(
            values("in 2025 gehouden", Lang::Nl),
            [(EntityKind::Date, "2025".to_string(), "2025")]
        );
        assert_eq!(values("op 3 maart 2024 zei", Lang::Nl)[0].1, "2024-03-03");
        assert_eq!(values("am 3. März 2024 sagte", Lang::De)[0].1, "2024-03-03");
        assert_eq!(values("el 3 de marzo de 2024", Lang::Es)[0].1, "2024-03-03");
        assert_eq!(values("em 3 de março de 2024", Lang::Pt)[0].1, "2024-03-03");
        assert_eq!(values("en marzo de 2024", Lang::Es)[0].1, "2024-03");
        assert_eq!(values("on March 3, 2024 he", Lang::En)[0].1, "2024-03-03");
        assert_eq!(values("en mars 2024", Lang::Fr)[0].1, "2024-03");
    }

    #[test]
    fn not_numbers() {
        assert!(values("de F16 en MH17", Lang::Nl).is_empty());
        assert_eq!(values("12% meer", Lang::Nl)[0].1, "12%");
    }
}
