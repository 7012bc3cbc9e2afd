//! The matrix as a terminal table: each cell shaded in five steps by its strength relative to
//! the strongest cell, by colour or, without colour, by a block glyph, so the picture survives
//! a pipe. Columns that do not fit the width continue in further blocks.

use std::fmt::Write as _;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};

use super::{cell_value, has_strength, is_empty, unit, LEGEND};
use crate::output::terminal::{escape_controls, Newlines};
use crate::output::Style;
use crate::themes::matrix::{MatrixCell, ThemeMatrix};

/// Theme labels longer than this wrap.
pub(super) const LABEL_MAX_CHARS: usize = 32;
/// Column headers wrap at spaces and hyphens to lines of about this many characters.
pub(super) const HEADER_LINE_CHARS: usize = 9;
/// A single word of a header longer than this is cut with `…`.
pub(super) const HEADER_WORD_MAX_CHARS: usize = 16;
/// The shade glyphs of the five steps, from nothing to the strongest quarter.
pub(super) const SHADE_GLYPHS: [char; 5] = [' ', '░', '▒', '▓', '█'];
/// 256-colour backgrounds of steps 1 to 4 (step 0 is unshaded): pale cyan to dark blue.
pub(super) const SHADE_BACKGROUNDS: [u8; 4] = [195, 153, 68, 24];
/// Text colours on those backgrounds: black on the pale ones, white on the dark ones.
pub(super) const SHADE_FOREGROUNDS: [u8; 4] = [16, 16, 231, 231];

/// The shading step of a cell: 0 for no strength, then 1 to 4 by quarter of `relative`.
pub(super) fn shade_step(strength: f32, relative: f32) -> usize {
    if !has_strength(strength) {
        return 0;
    }
    1 + ((unit(relative) * 4.0).floor() as usize).min(3)
}

/// The shaded table, its columns split into blocks that fit the style's width, and the legend.
pub(super) fn render(matrix: &ThemeMatrix, style: Style) -> String {
    if is_empty(matrix) {
        return "The theme matrix is empty (no themes or no municipalities).\n".into();
    }
    let layout = TableLayout::new(matrix);
    let mut out = String::new();
    for (i, columns) in layout.column_chunks(usize::from(style.width)).into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let table = build_table(matrix, &layout, &columns, style);
        let _ = writeln!(out, "{table}");
    }
    let _ = writeln!(out, "{}", legend_line(style.color));
    out
}

/// The widths and headers of the table, computed once for all chunks of columns.
pub(super) struct TableLayout {
    headers: Vec<String>,
    /// Content width of each municipality column, without the padding spaces.
    column_widths: Vec<usize>,
    /// Width of the widest cell value, so values line up behind their glyphs.
    value_width: usize,
    label_width: usize,
}

impl TableLayout {
    pub(super) fn new(matrix: &ThemeMatrix) -> TableLayout {
        let value_width =
            matrix.cells.iter().map(|c| cell_value(c.strength).chars().count()).max().unwrap_or(1);
        // A cell is "<glyph> <value>".
        let cell_width = value_width + 2;
        let headers: Vec<String> = column_headers(&matrix.municipalities)
            .iter()
            .map(|h| wrap_header(h, HEADER_LINE_CHARS.max(cell_width)))
            .collect();
        let column_widths = headers.iter().map(|h| widest_line(h).max(cell_width)).collect();
        let label_width = matrix
            .themes
            .iter()
            .map(|t| t.label.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(5, LABEL_MAX_CHARS);
        TableLayout { headers, column_widths, value_width, label_width }
    }

    /// Municipality columns split into groups that each fit `width` next to the label column;
    /// every group holds at least one column.
    fn column_chunks(&self, width: usize) -> Vec<Vec<usize>> {
        // Outer border, then each column with its two padding spaces and right border.
        let label_outer = 1 + self.label_width + 3;
        let mut chunks: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = Vec::new();
        let mut used = label_outer;
        for (m, content) in self.column_widths.iter().enumerate() {
            let outer = content + 3;
            if !current.is_empty() && used + outer > width {
                chunks.push(std::mem::take(&mut current));
                used = label_outer;
            }
            current.push(m);
            used += outer;
        }
        if !current.is_empty() {
            chunks.push(current);
        }
        chunks
    }
}

pub(super) fn build_table(
    matrix: &ThemeMatrix,
    layout: &TableLayout,
    columns: &[usize],
    style: Style,
) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    let mut header = vec![Cell::new("theme")];
    header.extend(columns.iter().map(|&m| {
        Cell::new(escape_controls(&pad_lines(&layout.headers[m]), Newlines::Keep))
            .set_alignment(CellAlignment::Right)
    }));
    table.set_header(header);
    for (t, theme) in matrix.themes.iter().enumerate() {
        let mut row = vec![Cell::new(escape_controls(&theme.label, Newlines::Keep))];
        row.extend(columns.iter().map(|&m| {
            shaded_cell(matrix.cell(t, m), layout.column_widths[m], layout.value_width, style.color)
        }));
        table.add_row(row);
    }
    // Data columns carry their own padding spaces so that a background colours the whole cell.
    for column in table.column_iter_mut().skip(1) {
        column.set_padding((0, 0));
    }
    table
}

/// A table cell: the value on a shaded background with colour; without colour the value behind
/// a bar of its shade glyph that fills the cell, so the shading still reads as a picture.
pub(super) fn shaded_cell(cell: &MatrixCell, column_width: usize, value_width: usize, color: bool) -> Cell {
    let step = shade_step(cell.strength, cell.relative);
    let value = cell_value(cell.strength);
    let content = if color {
        format!(" {value:>column_width$} ")
    } else {
        let bar: String = std::iter::repeat_n(SHADE_GLYPHS[step], column_width - value_width - 1).collect();
        format!(" {bar} {value:>value_width$} ")
    };
    let cell = Cell::new(content).set_alignment(CellAlignment::Right);
    match step {
        0 => cell,
        _ if color => cell
            .bg(Color::AnsiValue(SHADE_BACKGROUNDS[step - 1]))
            .fg(Color::AnsiValue(SHADE_FOREGROUNDS[step - 1])),
        _ => cell,
    }
}

/// The line under the table: what the numbers are and what the shades mean (quarters of the
/// strongest cell), as glyphs or as coloured swatches.
pub(super) fn legend_line(color: bool) -> String {
    let key: String = (0..SHADE_BACKGROUNDS.len())
        .map(|i| {
            if color {
                let (bg, fg) = (SHADE_BACKGROUNDS[i], SHADE_FOREGROUNDS[i]);
                format!("\u{1b}[48;5;{bg}m\u{1b}[38;5;{fg}m{} \u{1b}[0m", i + 1)
            } else {
                SHADE_GLYPHS[i + 1].to_string()
            }
        })
        .collect();
    format!("{LEGEND} ({key} = quarters)")
}

/// Authority words in front of municipality names, with their short forms for when the bare
/// name would be ambiguous ("Kreis Düren" next to the city "Düren").
pub(super) const AUTHORITY_PREFIXES: [(&str, &str); 6] = [
    ("kreisfreie Stadt ", "St. "),
    ("Landkreis ", "Lkr. "),
    ("Städteregion ", "StR. "),
    ("Kreis ", "Kr. "),
    ("Stadt ", "St. "),
    ("Gemeinde ", "Gem. "),
];

/// Column headers: municipality names without their authority word where the rest is still
/// unambiguous, otherwise with the word shortened.
pub(super) fn column_headers(municipalities: &[String]) -> Vec<String> {
    let bare: Vec<String> = municipalities.iter().map(|m| strip_authority(m).1.to_string()).collect();
    municipalities
        .iter()
        .zip(&bare)
        .map(|(full, name)| {
            let ambiguous = bare.iter().filter(|b| *b == name).count() > 1;
            match strip_authority(full) {
                (Some(short), rest) if ambiguous => format!("{short}{rest}"),
                _ => name.clone(),
            }
        })
        .collect()
}

/// The short authority word (if the name starts with one) and the rest of the name.
pub(super) fn strip_authority(name: &str) -> (Option<&'static str>, &str) {
    for (prefix, short) in AUTHORITY_PREFIXES {
        if let Some(rest) = name.strip_prefix(prefix) {
            if !rest.trim().is_empty() {
                return (Some(short), rest);
            }
        }
    }
    (None, name)
}

/// Wraps a header into lines of about `line_chars`, breaking at spaces and after hyphens;
/// overlong single words are cut with `…`.
pub(super) fn wrap_header(header: &str, line_chars: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in header_words(header) {
        let word = cut_word(&word, HEADER_WORD_MAX_CHARS);
        let joined_len = line.chars().count() + usize::from(needs_space(&line)) + word.chars().count();
        if !line.is_empty() && joined_len > line_chars {
            lines.push(std::mem::take(&mut line));
        }
        if needs_space(&line) {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// A line continues with a space unless it is empty or ends in a hyphen.
pub(super) fn needs_space(line: &str) -> bool {
    !line.is_empty() && !line.ends_with('-')
}

/// The words of a header: split at whitespace, and after each hyphen (which stays).
pub(super) fn header_words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in header.split_whitespace() {
        let mut word = String::new();
        for c in part.chars() {
            word.push(c);
            if c == '-' {
                words.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

pub(super) fn cut_word(word: &str, max_chars: usize) -> String {
    if word.chars().count() <= max_chars {
        return word.to_string();
    }
    let mut cut: String = word.chars().take(max_chars - 1).collect();
    cut.push('…');
    cut
}

pub(super) fn widest_line(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Every line with a space on each side (the padding of data columns).
pub(super) fn pad_lines(text: &str) -> String {
    text.lines().map(|l| format!(" {l} ")).collect::<Vec<_>>().join("\n")
}
