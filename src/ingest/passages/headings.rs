//! Section headings: which lines are headings and what a section is called.
//!
//! Owns the known-headings list (`index-config/headings.txt`, parsed by [`parse_headings`])
//! and the shape of an unknown heading: a short line, at most ten words, no sentence-final
//! punctuation, not a bullet, caption, date or link, starting with a capital or a list number.
//! Whether a heading-shaped line really is a heading depends on what follows it; that is
//! decided in `outline`, not here.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::text::{ends_sentence, is_bullet};
use crate::ingest::german::quotation_marks::{APOSTROPHE, OPENING};

/// Longest line (in characters) that can be an unknown heading.
const MAX_HEADING_CHARS: usize = 90;
/// Most words an unknown heading may have.
const MAX_HEADING_WORDS: usize = 10;
/// From this many words on, a finite auxiliary verb makes the line a sentence, not a title
/// (`UN-Kinderrechtskonvention: Kinder haben das Recht auf Beteiligung`).
const SENTENCE_CHECK_WORDS: usize = 6;
/// Share of letters among the non-space characters; times, phone numbers and dates have less.
const MIN_LETTER_SHARE: f64 = 0.6;

#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten",
    "kann", "können", "konnte", "soll", "sollen", "sollte", "muss", "müssen", "darf", "dürfen", "will",
    "wollen", "gibt", "gilt", "bin", "seid",
];

/// Image credits and captions look like headings but never are.
const CAPTION_MARKS: &[&str] = &["Foto:", "Fotos:", "Bild:", "Quelle:", "Grafik:", "Abb.", "©"];
const LINK_MARKS: &[&str] = &["://", "www.", "@", "(at)"];

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = "(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)";
    Regex::new(&format!(
        r"^(\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{1,2}}\.\s*{month}|{month}\s+\d{{4}}|\d{{4}}-\d{{2}})"
    ))
    .expect("valid date pattern")
});
/// `I. Gutes miteinander vernetzen`, `2. Ziele`, `2.1 Ziele`, `a) Ziele`.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([IVX]+\.|\d{1,2}(\.\d{1,2})*\.?|[a-z]\))\s+\S").expect("valid numbering pattern")
});
static LEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([IVX]+\.|\d{1,2}(\.\d{1,2})*\.?|[a-z]\))\s+").expect("valid numbering pattern")
});
static TRAILING_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+([ivxlc]+|\d{1,4})$").expect("valid numeral pattern"));

/// Parses `headings.txt`: one heading per line, `#` starts a comment line, blank lines are
/// ignored, surrounding whitespace is trimmed.
pub fn parse_headings(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
}

/// The known headings, normalised for matching (prepared once per build, not per document).
pub struct KnownHeadings(HashSet<String>);

impl KnownHeadings {
    pub fn new(list: &[String]) -> Self {
        KnownHeadings(list.iter().map(|h| normalise(h)).filter(|h| !h.is_empty()).collect())
    }

    /// Whether `line` is a known heading: compared case-insensitively, ignoring a leading list
    /// number (`2. Ziele`), a trailing `:` and a trailing roman or arabic numeral
    /// (`Strategisches Ziel III`, `Ausgangslage 2012`).
    pub(crate) fn matches(&self, line: &str) -> bool {
        // Known headings are short; most lines are running text and are decided at once.
        if line.len() > MAX_KNOWN_HEADING_BYTES {
            return false;
        }
        let name = normalise(&LEADING_NUMBER.replace(line.trim(), ""));
        self.0.contains(&name)
            || TRAILING_NUMBER
                .find(&name)
                .is_some_and(|m| self.0.contains(normalise(&name[..m.start()]).as_str()))
    }
}

/// Longer lines are never a known heading (the longest listed ones have about 60 bytes).
const MAX_KNOWN_HEADING_BYTES: usize = 160;

fn normalise(heading: &str) -> String {
    let words: Vec<&str> = heading.split_whitespace().collect();
    words.join(" ").trim_end_matches(':').trim_end().to_lowercase()
}

/// Whether the line has the shape of a heading (see the module doc).
pub(crate) fn looks_like_heading(line: &str) -> bool {
    // Most lines are paragraphs far too long for a heading: they are not counted in words.
    if !(2..=MAX_HEADING_CHARS).contains(&line.chars().count()) {
        return false;
    }
    let words = word_count(line);
    (1..=MAX_HEADING_WORDS).contains(&words)
        && !is_bullet(line)
        && !line.starts_with('(')
        && !ends_sentence(line)
        && !line.ends_with([',', ';'])
        && starts_like_heading(line)
        && letter_share(line) >= MIN_LETTER_SHARE
        && !DATE_LINE.is_match(line)
        && !CAPTION_MARKS.iter().chain(LINK_MARKS).any(|m| line.contains(m))
        && !(words >= SENTENCE_CHECK_WORDS && has_auxiliary(line))
}

/// A heading starts with a capital (after opening quotes) or with a list number.
fn starts_like_heading(line: &str) -> bool {
    let body = line.trim_start_matches(|c: char| OPENING.contains(&c) || c == APOSTROPHE);
    match body.chars().next() {
        Some(c) if c.is_alphabetic() => c.is_uppercase(),
        Some(c) if c.is_ascii_digit() => NUMBERED.is_match(body),
        _ => false,
    }
}

/// Whether a heading is numbered (`I. …`, `2. …`, `a) …`): such headings are sub-headings
/// of the last unnumbered one.
pub(crate) fn is_numbered(heading: &str) -> bool {
    NUMBERED.is_match(heading)
}

/// True for a line that is all upper case (at least two letters), like `DIE WICHTIGSTEN FORMEN`.
pub(crate) fn is_all_caps(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

/// The heading as a section name: without trailing colons.
pub(crate) fn section_name(heading: &str) -> String {
    heading.trim().trim_end_matches(':').trim_end().to_string()
}

pub(crate) fn word_count(line: &str) -> usize {
    line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn letter_share(line: &str) -> f64 {
    let visible = line.chars().filter(|c| !c.is_whitespace()).count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters as f64 / visible.max(1) as f64
}

fn has_auxiliary(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic()).any(|w| AUXILIARIES.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownHeadings {
        let list = parse_headings("# comment\nZiele\nStrategisches Ziel\nAusgangslage\n\n  ZITAT der kommunalen Spitze  \nLeitlinien:\n");
        KnownHeadings::new(&list)
    }

    #[test]
    fn parse_headings_skips_comments_and_blanks() {
        assert_eq!(parse_headings("# Überschriften\n\n Ziele \n#x\nLeitbild\n"), ["Ziele", "Leitbild"]);
    }

    #[test]
    fn known_headings_match_loosely() {
        let known = known();
        let cases = [
            ("Ziele", true, "exact"),
            ("ziele:", true, "case and colon"),
            ("Strategisches Ziel III", true, "trailing roman numeral"),
            ("Ausgangslage 2012", true, "trailing year"),
            ("2. Ziele", true, "leading list number"),
            ("Leitlinien", true, "list entry had a colon"),
            ("zitat der  KOMMUNALEN Spitze", true, "case and spacing"),
            ("Ziele und Bausteine des Ansatzes", false, "longer line is not the known heading"),
            ("Zielgruppen", false, "not in this list"),
        ];
        for (line, want, why) in cases {
            assert_eq!(known.matches(line), want, "{why}: {line:?}");
        }
    }

    #[test]
    fn heading_shape() {
        let cases = [
            ("Leitbild – „Präventionsnetz im Kreis Steinfurt“", true, "title with quotes"),
            ("I. Gutes miteinander vernetzen", true, "roman numbered"),
            ("Verwaltung und Organisation: Integriertes Handeln im Sinne der Familien", true, "nine words"),
            ("LEITBILD ZUM AUFBAU EINER KOMMUNALEN PRÄVENTIONSKETTE IN KREFELD", true, "all caps"),
            ("„Jedes Kind ist ein Diamant“", true, "quoted title, short"),
            ("Gute Förderung und gesellschaftliche Teilhabe wird ermöglicht.", false, "sentence end"),
            (
                "UN-Kinderrechtskonvention: Kinder haben das Recht auf Beteiligung",
                false,
                "finite verb, 7 words",
            ),
            (
                "Mönchengladbach als eine von 18 NRW Städten und Kreisen an Modellvorhaben beteiligt",
                false,
                "too long",
            ),
            ("• Kinderschutz", false, "bullet"),
            ("(Landrat Dr. Sommer)", false, "bracketed attribution"),
            ("Foto: Judith Michaelis", false, "photo credit"),
            ("Kinder in einem Kindergarten (Foto: AP)", false, "caption"),
            ("14.01.2019, Kreis Düren", false, "date"),
            ("11. August 2010", false, "date with month"),
            ("Montag        10.00 - 13.00 Uhr", false, "opening hours: few letters"),
            ("Nr. 209 Steinfurt, 26. Mai 2017", false, "press number and date"),
            ("https://p.dw.com/p/OiFC", false, "link"),
            ("language", false, "starts lower case"),
            ("2. Zur Hauptnavigation springen", true, "numbered"),
            ("48565 Steinfurt", false, "postcode is no list number"),
        ];
        for (line, want, why) in cases {
            assert_eq!(looks_like_heading(line), want, "{why}: {line:?}");
        }
    }

    #[test]
    fn numbering_and_names() {
        assert!(is_numbered("I. Gutes miteinander vernetzen"));
        assert!(is_numbered("2.1 Ziele"));
        assert!(!is_numbered("Strategisches Ziel III"), "a trailing numeral is a name, not a list number");
        assert!(!is_numbered("Ich bin"));
        assert_eq!(section_name("Leitlinien: "), "Leitlinien");
        assert_eq!(section_name("Das haben wir vor:"), "Das haben wir vor");
    }
}
