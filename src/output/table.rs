//! The house style of tables people read in a terminal, and the snippets in their cells.
//!
//! The tables of every command are built here (the shaded matrix table adds its own cell
//! colours in `matrix::table`). Matched words are bold when colour is on (a terminal without
//! `NO_COLOR`); a table fits the width of its [`Style`]. Every cell's text has its control
//! characters made visible before the table measures it (see [`super::terminal`]): document
//! text with a stray ESC byte must neither break the width computation nor reach the terminal.

use std::fmt;
use std::ops::{Deref, DerefMut, Range};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement};

use super::terminal::{escape_controls, escape_controls_keeping_styles, Newlines};
use super::Style;

/// A table whose rows are escaped for the terminal as they are added; everything else is
/// comfy-table's.
pub struct Table(comfy_table::Table);

impl Table {
    /// Adds a row; the text of each cell is escaped (see [`SafeCell`]).
    pub fn add_row<C: SafeCell>(&mut self, cells: impl IntoIterator<Item = C>) -> &mut Self {
        self.0.add_row(cells.into_iter().map(SafeCell::into_safe_cell).collect::<Vec<_>>());
        self
    }

    fn set_header<C: SafeCell>(&mut self, cells: impl IntoIterator<Item = C>) -> &mut Self {
        self.0.set_header(cells.into_iter().map(SafeCell::into_safe_cell).collect::<Vec<_>>());
        self
    }
}

impl Deref for Table {
    type Target = comfy_table::Table;
    fn deref(&self) -> &comfy_table::Table {
        &self.0
    }
}

impl DerefMut for Table {
    fn deref_mut(&mut self) -> &mut comfy_table::Table {
        &mut self.0
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What a table cell can be made of. Text keeps praev's own styles (bold matches) and has every
/// other control character escaped; a ready [`Cell`] is the caller's and is taken as it is.
pub trait SafeCell {
    fn into_safe_cell(self) -> Cell;
}

impl SafeCell for String {
    fn into_safe_cell(self) -> Cell {
        Cell::new(escape_controls_keeping_styles(&self))
    }
}

impl SafeCell for &String {
    fn into_safe_cell(self) -> Cell {
        Cell::new(escape_controls_keeping_styles(self))
    }
}

impl SafeCell for &str {
    fn into_safe_cell(self) -> Cell {
        Cell::new(escape_controls_keeping_styles(self))
    }
}

impl SafeCell for Cell {
    fn into_safe_cell(self) -> Cell {
        self
    }
}

pub(super) const SNIPPET_CHARS: usize = 240;
const BOLD: &str = "\u{1b}[1m";
const RESET: &str = "\u{1b}[0m";

/// A table in the house style: condensed UTF-8 borders, fitted to the style's width, styled
/// only when colour is on.
pub(super) fn new_table<C: SafeCell>(style: Style, header: Vec<C>) -> Table {
    let mut table = Table(comfy_table::Table::new());
    table.set_header(header);
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// The width of the terminal stdout is on, if it is one.
pub fn terminal_width() -> Option<u16> {
    comfy_table::Table::new().width()
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

/// A snippet is one line: line breaks become spaces, other control characters are made
/// visible (the snippet's own bold marks are the only escape sequences in it).
fn flatten(c: char) -> char {
    match c {
        '\n' | '\t' => ' ',
        _ if c.is_control() => {
            let mut buffer = [0; 4];
            escape_controls(c.encode_utf8(&mut buffer), Newlines::Escape).chars().next().unwrap_or(c)
        }
        _ => c,
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
