//! Lines and paragraphs: the text as the passage splitter sees it.
//!
//! Owns the cut into paragraphs (runs of non-blank lines, each line trimmed) and the repairs
//! PDF conversions need before anything else can be judged: a word hyphenated at a line end
//! (`Verbes-\nserung`, also across blank lines: `Einzel-\n\nmaßnahmen`) is rejoined, a
//! paragraph that starts in lower case continues the one before it, and a text with a blank
//! line after every line has its soft breaks closed. It knows nothing about headings or sizes.

use crate::ingest::german::quotation_marks::{APOSTROPHE, CLOSING};

/// A run of non-blank, trimmed lines.
pub(crate) type Paragraph = Vec<String>;

/// Characters that open a list item. ASCII ones need a space after them, so that `-2` or
/// `*innen` are not taken for bullets.
const BULLETS: &[char] = &['•', '·', '▪', '◦', '●', '○', '■', '►', '▶', '➢', '→', '✓', '-', '–', '*', '>'];

/// Words after a line-end hyphen that mark an elliptic compound (`Kinder-\nund Jugendhilfe`):
/// the hyphen is real and stays.
const ELLIPSIS_WORDS: &[&str] = &["und", "oder", "sowie", "bis", "bzw", "noch", "wie", "als", "statt"];

/// A text is double-spaced (a blank line after every line, from a PDF conversion) when at
/// least this share of its paragraphs are single lines and sentences visibly run on across
/// blank lines at least this often.
const MIN_DOUBLE_SPACED_SHARE: f64 = 0.7;
const MIN_DOUBLE_SPACED_JOINS: usize = 2;

/// How many blank lines a hyphenated word may straddle; more is a real break.
const MAX_BLANKS_IN_HYPHENATION: usize = 2;

/// Closing quotation marks, apostrophes and brackets, which may follow a sentence-final mark.
pub(crate) fn is_closer(c: char) -> bool {
    CLOSING.contains(&c) || matches!(c, APOSTROPHE | ')' | ']')
}

pub(crate) fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if BULLETS.contains(&c) => match chars.next() {
            None => true,
            Some(next) => next.is_whitespace() || !c.is_ascii() && c != '–',
        },
        _ => false,
    }
}

/// True when the line ends a sentence: `.`, `!`, `?` or `…`, maybe followed by closing
/// quotes or brackets.
pub(crate) fn ends_sentence(line: &str) -> bool {
    matches!(line.trim_end_matches(is_closer).chars().last(), Some('.' | '!' | '?' | '…'))
}

/// The paragraphs of `text`, repaired (see the module doc).
pub(crate) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines = rejoin_hyphenated(text.lines().map(|l| l.trim().to_string()).collect());
    let grouped = group(lines);
    let one_line_share = grouped.iter().filter(|p| p.len() == 1).count() as f64 / grouped.len().max(1) as f64;
    let (paragraphs, lower_joins) = join_lowercase_starts(grouped);
    if lower_joins >= MIN_DOUBLE_SPACED_JOINS && one_line_share >= MIN_DOUBLE_SPACED_SHARE {
        join_soft_breaks(paragraphs)
    } else {
        paragraphs
    }
}

/// Rejoins words split by a hyphen at a line end when the next line (maybe after a blank
/// line or two) goes on in lower case; blank lines in between were a conversion artefact and
/// go. The completed word stays on the first line so the line structure survives.
pub(crate) fn rejoin_hyphenated(mut lines: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = std::mem::take(&mut lines[i]);
        let next = (i + 1..lines.len()).take(MAX_BLANKS_IN_HYPHENATION + 1).find(|&j| !lines[j].is_empty());
        if let (Some(stem), Some(j)) = (hyphen_stem(&line), next) {
            if let Some((word, rest)) = continuation(&lines[j]) {
                out.push(format!("{stem}{word}"));
                lines[j] = rest;
                // An emptied line must not turn into a paragraph break.
                i = if lines[j].is_empty() { j + 1 } else { j };
                continue;
            }
        }
        out.push(line);
        i += 1;
    }
    out
}

/// The line without its final hyphen, when it ends in letter + hyphen (not a ` -` dash).
fn hyphen_stem(line: &str) -> Option<&str> {
    let stem = line.strip_suffix(['-', '\u{ad}', '‐'])?;
    stem.chars().last().filter(|c| c.is_alphabetic()).map(|_| stem)
}

/// The first word of `next` and the rest, when `next` continues a hyphenated word.
fn continuation(next: &str) -> Option<(String, String)> {
    let first = next.chars().next()?;
    if !first.is_lowercase() {
        return None;
    }
    let (word, rest) = next.split_once(char::is_whitespace).unwrap_or((next, ""));
    let bare: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    if ELLIPSIS_WORDS.contains(&bare.as_str()) {
        return None;
    }
    Some((word.to_string(), rest.trim().to_string()))
}

fn group(lines: Vec<String>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// German sentences and paragraphs start with a capital (nouns too), so a paragraph that
/// starts in lower case after one that did not end a sentence is the same sentence, broken by
/// a stray blank line. Returns the paragraphs and how many joins were made.
fn join_lowercase_starts(paragraphs: Vec<Paragraph>) -> (Vec<Paragraph>, usize) {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    let mut joins = 0;
    for para in paragraphs {
        let starts_lower = para[0].chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(prev) if starts_lower && !closes_clause(prev.last().map_or("", String::as_str)) => {
                prev.extend(para);
                joins += 1;
            }
            _ => out.push(para),
        }
    }
    (out, joins)
}

/// A line after which a new paragraph may start: sentence end, colon or semicolon.
fn closes_clause(line: &str) -> bool {
    ends_sentence(line) || line.ends_with([':', ';'])
}

/// In a double-spaced text, a paragraph that does not close a clause runs on into the next
/// one (unless a list item starts or ends there).
fn join_soft_breaks(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for para in paragraphs {
        match out.last_mut() {
            Some(prev)
                if !closes_clause(prev.last().map_or("", String::as_str))
                    && !is_bullet(&para[0])
                    && !prev.last().is_some_and(|l| is_bullet(l)) =>
            {
                prev.extend(para)
            }
            _ => out.push(para),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        paragraphs(text).into_iter().map(|p| p.join("\n")).collect()
    }

    #[test]
    fn hyphenation_is_repaired_only_where_a_word_was_broken() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("die Verbes-\nserung der Lage", &["die Verbesserung\nder Lage"], "line-end hyphen, lower case"),
            ("Einzel-\n\nmaßnahmen werden", &["Einzelmaßnahmen\nwerden"], "across a blank line"),
            ("die Verbes-\nserung\nder Lage", &["die Verbesserung\nder Lage"], "emptied line vanishes"),
            ("Kinder-\nund Jugendhilfe", &["Kinder-\nund Jugendhilfe"], "elliptic compound keeps -"),
            ("Gesundheits-\n\noder Sozialwesen", &["Gesundheits-\noder Sozialwesen"], "elliptic, blank line"),
            ("Nordrhein-\nWestfalen", &["Nordrhein-\nWestfalen"], "capital after hyphen: kept"),
            ("Ziele -\nwir", &["Ziele -\nwir"], "a dash, not a hyphen"),
            ("Kinder-,\nJugend-", &["Kinder-,\nJugend-"], "comma after hyphen"),
        ];
        for (input, want, why) in cases {
            assert_eq!(paras(input), *want, "{why}: {input:?}");
        }
    }

    #[test]
    fn lower_case_paragraph_continues_the_one_before() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("Die Stadt hat\n\nbeschlossen, dass", &["Die Stadt hat\nbeschlossen, dass"], "broken sentence"),
            ("Das ist gut.\n\nkinderstark ist", &["Das ist gut.", "kinderstark ist"], "after sentence end"),
            ("Ziele:\n\nmehr Kitas", &["Ziele:", "mehr Kitas"], "after a colon"),
            ("Text\n\n• fehlende Hilfe", &["Text", "• fehlende Hilfe"], "bullet starts a list"),
        ];
        for (input, want, why) in cases {
            assert_eq!(paras(input), *want, "{why}: {input:?}");
        }
    }

    #[test]
    fn double_spaced_conversion_is_closed_up() {
        let text = "Die Stadt Musterstadt hat\n\nim Jahr 2017 eine\n\nPräventionskette aufgebaut.\n\n\
                    Dazu gehören Kitas und\n\nSchulen. Viele\n\nFamilien nutzen das\n\nAngebot.\n\nZiele\n\n\
                    Mehr Kinder sollen\n\nerreicht werden.";
        let got = paras(text);
        assert_eq!(got.len(), 3, "three real paragraphs expected, got {got:#?}");
        assert!(got[0].ends_with("Präventionskette aufgebaut."), "{got:#?}");
        assert!(got[2].starts_with("Ziele\nMehr Kinder"), "a heading line opens its paragraph: {got:#?}");
    }

    #[test]
    fn bullets_need_a_space_after_ascii_markers() {
        let cases = [
            ("• Kinderschutz", true),
            ("•Kinderschutz", true),
            ("- Kitas", true),
            ("-", true),
            ("-2 Grad", false),
            ("*innen", false),
            ("> Faltblatt", true),
            ("– Landrat", true),
        ];
        for (line, want) in cases {
            assert_eq!(is_bullet(line), want, "{line:?}");
        }
    }
}
