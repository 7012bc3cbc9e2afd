//! The table people read in a terminal: rank, municipality, kind, section, snippet, score.
//!
//! The only user of comfy-table. Matched words are bold when colour is on (a terminal without
//! `NO_COLOR`); the table fits the terminal width, or 120 columns when piped.

use std::io::Write;
use std::ops::Range;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::Style;
use crate::query::highlight::snippet_window;
use crate::query::SearchResults;

pub(super) const SNIPPET_CHARS: usize = 240;
pub(super) const PIPED_WIDTH: u16 = 120;
const BOLD: &str = "\u{1b}[1m";
const RESET: &str = "\u{1b}[0m";

/// A table in the house style: condensed UTF-8 borders, fitted to the terminal width (or
/// [`PIPED_WIDTH`]), styled only when colour is on.
pub(super) fn new_table<C: Into<comfy_table::Cell>>(style: Style, header: Vec<C>) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width.unwrap_or(PIPED_WIDTH))
        .set_header(header);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

pub fn write_hits(out: &mut dyn Write, results: &SearchResults, style: Style) -> std::io::Result<()> {
    if results.hits.is_empty() {
        return writeln!(out, "No hits for {:?}.", results.query);
    }
    let mut table = new_table(style, vec!["#", "municipality", "kind", "section", "passage", "score"]);
    for (rank, hit) in results.hits.iter().enumerate() {
        let ranges: Vec<Range<usize>> = hit.highlights.iter().map(|[s, e]| *s..*e).collect();
        let window = snippet_window(&hit.text, &ranges, SNIPPET_CHARS);
        let snippet = render_snippet(&hit.text, &ranges, window, style.color);
        table.add_row(vec![
            (rank + 1).to_string(),
            hit.municipality.clone().unwrap_or_else(|| "–".into()),
            hit.kind.clone(),
            hit.section.clone().unwrap_or_default(),
            format!("{snippet}\n{}#{}", hit.file, hit.passage),
            format!("{:.2}", hit.score),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{} of {} hits for {:?}", results.hits.len(), results.total_hits, results.query)
}

/// The window of the text as one line, with `…` where it was cut and matches in bold (or,
/// without colour, as they are).
pub(super) fn render_snippet(
    text: &str,
    highlights: &[Range<usize>],
    window: Range<usize>,
    color: bool,
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    if window.start > 0 {
        out.push('…');
    }
    let mut i = window.start;
    while i < window.end {
        let inside = highlights.iter().find(|h| h.start <= i && i < h.end);
        match inside {
            Some(h) if color => {
                let end = h.end.min(window.end);
                out.push_str(BOLD);
                out.extend(chars[i..end].iter().map(|&c| flatten(c)));
                out.push_str(RESET);
                i = end;
            }
            _ => {
                out.push(flatten(chars[i]));
                i += 1;
            }
        }
    }
    if window.end < chars.len() {
        out.push('…');
    }
    out
}

/// A snippet is one line: line breaks become spaces.
fn flatten(c: char) -> char {
    if c == '\n' || c == '\t' {
        ' '
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one highlighted word, as a list of ranges
    fn bold_only_with_colour() {
        let text = "Strukturierte Übergänge und Inklusion";
        let hl = [14..23];
        assert_eq!(render_snippet(text, &hl, 0..text.chars().count(), false), text);
        let coloured = render_snippet(text, &hl, 0..text.chars().count(), true);
        assert_eq!(coloured, format!("Strukturierte {BOLD}Übergänge{RESET} und Inklusion"));
    }

    #[test]
    fn cut_snippets_show_ellipses_and_one_line() {
        let text = "eins zwei\ndrei vier";
        assert_eq!(render_snippet(text, &[], 5..14, false), "…zwei drei…");
    }
}
