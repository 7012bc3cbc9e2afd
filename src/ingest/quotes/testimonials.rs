//! Testimonials: a statement in the first person without quotation marks, signed on a line of
//! its own below by a first name and an age (`Johannes 11 Jahre`, `Lea, 9 Jahre`, `Mia Roth,
//! 34 Jahre alt`). Participation pages and brochures let children, young people and parents
//! speak this way; the age makes the line a signature, the first person makes the paragraph a
//! statement.

use crate::ingest::german::quotation_marks::is_quotation_mark;

use super::words::{is_capitalized, looks_like_noun, NOT_NAMES};
use super::Quote;

/// Most characters of a signature line.
const MAX_SIGNATURE_CHARS: usize = 40;
/// Fewest words of a signed statement: a sentence, not a caption.
const MIN_STATEMENT_WORDS: usize = 8;
/// Most lines of a signed statement's paragraph: each signature looks at most this far up, so
/// a text of many short lines costs time in proportion to its size.
const MAX_STATEMENT_LINES: usize = 30;
/// Most words of a heading line above a statement.
const MAX_HEADING_WORDS: usize = 6;
/// Blank lines that may stand between the statement and its signature.
const MAX_BLANK_LINES: usize = 2;
/// Words that show a text speaks in the first person.
const FIRST_PERSON: &[&str] =
    &["ich", "mir", "mich", "mein", "meine", "meinen", "meiner", "wir", "uns", "unser", "unsere", "unseren"];

/// The signed first-person statements of `text`, in text order.
pub(super) fn testimonials(text: &str) -> Vec<Quote> {
    if !text.contains(" Jahre") {
        return Vec::new(); // no age anywhere: the cheap common case
    }
    let lines = lines_with_offsets(text);
    let mut quotes = Vec::new();
    for (k, &(_, line)) in lines.iter().enumerate() {
        let Some(name) = signature_name(line) else { continue };
        let Some((from, to)) = statement_above(&lines, k) else { continue };
        let statement = super::text::collapse(&text[from..to]);
        quotes.push(Quote {
            citation: format!("{statement} ({})", line.trim()),
            text: statement,
            speaker: Some(name),
            role: None,
            start: from,
            truncated: false,
            reported: false,
        });
    }
    quotes
}

/// Each line with the byte offset where it starts.
fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    text.split('\n')
        .map(|line| {
            let start = offset;
            offset += line.len() + 1;
            (start, line)
        })
        .collect()
}

/// The name of a signature line `Johannes 11 Jahre`, `Lea, 9 Jahre`, `Mia Roth, 34 Jahre alt`:
/// one or two name words, an age of one or two digits, `Jahre` (and `alt`), nothing else.
fn signature_name(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_SIGNATURE_CHARS {
        return None;
    }
    let rest = line.strip_suffix(" alt").unwrap_or(line);
    let rest = rest.strip_suffix(" Jahre")?;
    let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let name = rest[..rest.len() - digits].trim_end().trim_end_matches(',').trim_end();
    let words: Vec<&str> = name.split(' ').collect();
    let is_name_word = |w: &&str| {
        is_capitalized(w)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_NAMES.contains(w)
            && !looks_like_noun(w)
    };
    ((1..=2).contains(&words.len()) && words.iter().all(is_name_word)).then(|| name.to_string())
}

/// The paragraph right above line `k` (after at most [`MAX_BLANK_LINES`] blank lines) when it
/// is a first-person statement without quotation marks: its byte range.
fn statement_above(lines: &[(usize, &str)], k: usize) -> Option<(usize, usize)> {
    let mut last = k.checked_sub(1)?;
    let mut blanks = 0;
    while lines[last].1.trim().is_empty() {
        blanks += 1;
        if blanks > MAX_BLANK_LINES {
            return None;
        }
        last = last.checked_sub(1)?;
    }
    let mut first = last;
    while first > 0 && !lines[first - 1].1.trim().is_empty() {
        if last - first + 1 >= MAX_STATEMENT_LINES {
            return None; // a block this long is no signed statement (and the walk stays bounded)
        }
        first -= 1;
    }
    // A heading above the statement in the same block is not part of it.
    while first < last && is_heading(lines[first].1) {
        first += 1;
    }
    let (from, to) = (lines[first].0, lines[last].0 + lines[last].1.trim_end().len());
    let paragraph: Vec<&str> = lines[first..=last].iter().map(|&(_, line)| line).collect();
    let words: Vec<String> = paragraph
        .iter()
        .flat_map(|line| line.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let quoted = paragraph.iter().any(|line| line.chars().any(is_quotation_mark));
    let first_person = words.iter().any(|w| FIRST_PERSON.contains(&w.as_str()));
    (words.len() >= MIN_STATEMENT_WORDS && first_person && !quoted).then_some((from, to))
}

/// A short line that ends no sentence: `Kinderbeteiligung`, `Das sagen die Kinder`.
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= MAX_HEADING_WORDS && !line.ends_with(['.', '!', '?', ',', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_person_paragraph_signed_with_a_name_and_an_age_is_a_quote() {
        let statement =
            "Ich finde es gut, dass wir im Kinderrat mitreden dürfen. Die Erwachsenen hören uns zu.";
        let cases: &[(String, Option<&str>)] = &[
            (format!("{statement}\n\n\nJohannes 11 Jahre\n"), Some("Johannes")),
            (format!("Kinderbeteiligung\n{statement}\nLea, 9 Jahre"), Some("Lea")),
            (format!("{statement}\n\nMia Roth, 34 Jahre alt"), Some("Mia Roth")),
            // Not in the first person: a report, not a statement.
            (
                "Der Kinderrat tagt viermal im Jahr und berät über Spielplätze und Schulwege.\n\nJohannes 11 Jahre"
                    .to_string(),
                None,
            ),
            // Quoted already: the quotation marks' own rules apply.
            (format!("„{statement}“\n\nJohannes 11 Jahre"), None),
            // An age line that is no signature.
            (format!("{statement}\n\nSeit 20 Jahre"), None),
            (format!("{statement}\n\nKinder bis 14 Jahre"), None),
            // Too short to be a statement.
            ("Ich bin dabei.\n\nJohannes 11 Jahre".to_string(), None),
            // A block of many lines is no signed statement.
            (format!("{}{statement}\nJohannes 11 Jahre", "Ich bin dabei.\n".repeat(40)), None),
        ];
        for (text, speaker) in cases {
            let found = testimonials(text);
            assert_eq!(found.first().and_then(|q| q.speaker.as_deref()), *speaker, "{text:?}");
            if speaker.is_some() {
                assert_eq!(found[0].text, statement, "{text:?}");
                assert!(found[0].citation.starts_with(statement), "{text:?}");
            }
        }
    }
}
