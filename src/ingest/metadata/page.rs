//! The line view every extractor reads: the non-empty, trimmed lines of the cleaned text.
//!
//! Paragraph breaks carry no meaning the extractors need (scraped pages put a blank line after
//! every line or none at all), so they are dropped here once instead of in every extractor.
//! The scraper's leading ` date 2018-12 ` marker is taken off the first line and kept apart: it
//! is the document's date, not part of its title or first sentence.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::dates;
use super::prefilter::SearchText;

/// How many lines from the top count as the document's head: title, press header, dateline.
pub(super) const HEAD_LINES: usize = 10;

static DATE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)").expect("valid regex"));

/// Whether `line` has at most `max` characters, mostly told by its length in bytes alone: a
/// character takes one to four bytes. Asked for every line by several extractors.
pub(super) fn at_most_chars(line: &str, max: usize) -> bool {
    line.len() <= max || (line.len() <= 4 * max && line.chars().count() <= max)
}

/// A cleaned document as a list of lines.
pub(super) struct Page<'a> {
    /// Non-empty lines, trimmed (Unicode whitespace, so a line of no-break spaces is empty).
    pub lines: Vec<&'a str>,
    /// The ISO date of a leading ` date … ` marker, if the text starts with a valid one.
    pub marker_date: Option<String>,
    /// The text the lines are cut from (without the marker), and where in it each one starts.
    pub body: &'a str,
    /// The body as the guarded patterns search it (see [`SearchText`]).
    pub search: SearchText<'a>,
    starts: Vec<usize>,
    /// The document date and the opening headline, each found once: kind, title and date
    /// detection all ask for them.
    date: OnceLock<Option<String>>,
    headline: OnceLock<Option<String>>,
}

impl<'a> Page<'a> {
    pub fn new(text: &'a str) -> Page<'a> {
        let marker = DATE_MARKER
            .captures(text)
            .and_then(|c| Some((c.get(0)?.end(), dates::normalise_iso(c.get(1)?.as_str())?)));
        let (body, marker_date) = match marker {
            Some((end, iso)) => (&text[end..], Some(iso)),
            None => (text, None),
        };
        // As `body.lines().map(str::trim)`: the `\r` of a `\r\n` is trimmed with the rest.
        let (mut lines, mut starts) = (Vec::new(), Vec::new());
        let mut offset = 0;
        for raw in body.split('\n') {
            let line = raw.trim();
            if !line.is_empty() {
                lines.push(line);
                starts.push(offset + raw.len() - raw.trim_start().len());
            }
            offset += raw.len() + 1;
        }
        let search = SearchText::new(body);
        Page { lines, marker_date, body, search, starts, date: OnceLock::new(), headline: OnceLock::new() }
    }

    /// Where `needle` occurs, as (line number, byte offset in the line): what
    /// `line.match_indices(needle)` finds in each line, with one search of the whole text.
    /// `needle` must not start or end with whitespace (then no occurrence can reach beyond the
    /// trimmed line) nor hold a line break.
    pub fn occurrences(&self, needle: &str) -> Vec<(usize, usize)> {
        debug_assert!(needle.trim() == needle && !needle.contains('\n'), "{needle:?} could span lines");
        self.body
            .match_indices(needle)
            .filter_map(|(at, _)| self.line_at_or_before(at).map(|line| (line, at - self.starts[line])))
            .collect()
    }

    /// The line that holds the span `start..end` of the body, with where the line starts;
    /// `None` for a span outside every line (in white space between lines, or across two).
    pub fn line_holding(&self, start: usize, end: usize) -> Option<(&'a str, usize)> {
        let line = self.line_at_or_before(start)?;
        let first = self.starts[line];
        (end <= first + self.lines[line].len()).then_some((self.lines[line], first))
    }

    /// The number of the last line that starts at or before byte `at` of the body.
    fn line_at_or_before(&self, at: usize) -> Option<usize> {
        self.starts.partition_point(|&start| start <= at).checked_sub(1)
    }

    /// The first [`HEAD_LINES`] lines.
    pub fn head(&self) -> &[&'a str] {
        &self.lines[..self.lines.len().min(HEAD_LINES)]
    }

    /// The document's own date ([`dates::document_date`]), computed on first use.
    pub fn document_date(&self) -> Option<&str> {
        self.date.get_or_init(|| dates::document_date(self)).as_deref()
    }

    /// The headline the page opens with ([`super::title::detect`]), computed on first use.
    pub fn headline(&self) -> Option<&str> {
        self.headline.get_or_init(|| super::title::detect(self)).as_deref()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn at_most_chars_counts_characters_not_bytes() {
        // (line, limit, expected)
        let cases = [
            ("Kontakt", 7, true),
            ("Kontakt", 6, false),
            ("Größe", 5, true),
            ("ÄÖÜäöüß", 7, true),
            ("ÄÖÜäöüß", 6, false),
            ("", 0, true),
            ("€€€", 3, true),
            ("€€€€", 3, false),
        ];
        for (line, max, expected) in cases {
            assert_eq!(super::at_most_chars(line, max), expected, "{line:?} within {max}");
        }
    }

    use super::*;

    #[test]
    fn lines_and_marker() {
        // (text, expected lines, expected marker date)
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            ("", &[], None),
            ("\n\n \u{a0}\n", &[], None),
            ("Titel\n\n  Text  \n", &["Titel", "Text"], None),
            (" date 2018-12 Ab sofort koordiniert", &["Ab sofort koordiniert"], Some("2018-12")),
            (" date 2020-12-03\nText", &["Text"], Some("2020-12-03")),
            // An impossible month is no marker; the text stays as it is.
            ("date 2018-13 Text", &["date 2018-13 Text"], None),
            ("Update 2018-12 Text", &["Update 2018-12 Text"], None),
        ];
        for (text, lines, marker) in cases {
            let page = Page::new(text);
            assert_eq!(&page.lines, lines, "lines of {text:?}: trimming or marker removal broke");
            assert_eq!(page.marker_date.as_deref(), *marker, "marker of {text:?}");
        }
    }

    #[test]
    fn occurrences_are_those_in_each_line() {
        let text = " date 2018-12 Stadt Olpe\r\n\n \u{a0}Olpe, OlpeOlpe \r\nOl\npe Olpe\n";
        let page = Page::new(text);
        for needle in ["Olpe", "OlpeOlpe", "Stadt Olpe", "Ol", "e"] {
            let expected: Vec<(usize, usize)> = (page.lines.iter().enumerate())
                .flat_map(|(i, line)| line.match_indices(needle).map(move |(at, _)| (i, at)))
                .collect();
            assert!(!expected.is_empty(), "{needle:?} is in the text");
            assert_eq!(page.occurrences(needle), expected, "occurrences of {needle:?}");
        }
    }
}
