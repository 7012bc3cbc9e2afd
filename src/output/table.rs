//! The house style of tables people read in a terminal, and the snippets in their cells.
//!
//! The tables of every command are built here (the shaded matrix table adds its own cell
//! colours in `matrix::table`). Matched words are bold when colour is on (a terminal without
//! `NO_COLOR`); a table fits the width of its [`Style`].

use std::ops::Range;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement};

pub use comfy_table::Table;

use super::Style;

pub(super) const SNIPPET_CHARS: usize = 240;
const BOLD: &str = "\u{1b}[1m";
const RESET: &str = "\u{1b}[0m";

/// A table in the house style: condensed UTF-8 borders, fitted to the style's width, styled
/// only when colour is on.
pub(super) fn new_table<C: Into<comfy_table::Cell>>(style: Style, header: Vec<C>) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width)
        .set_header(header);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// The width of the terminal stdout is on, if it is one.
pub fn terminal_width() -> Option<u16> {
    Table::new().width()
}

/// Right-aligns the cells of `columns`.
pub(super) fn align_right(table: &mut Table, columns: Range<usize>) {
    for i in columns {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
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
