//! Rendering the theme × municipality strength matrix ([`ThemeMatrix`]) for people and programs.
//!
//! One matrix, five pictures of it: a shaded terminal table, a wide CSV for spreadsheets, JSON
//! (the serde form of the matrix), and two self-contained heatmaps, an HTML page and an SVG
//! image, to put into reports. Rows are themes, columns municipalities in every format.
//!
//! The HTML and SVG heatmaps share one sequential colour scale ([`scale_color`]) so they look
//! alike; the terminal table shades in five steps, by colour or, without colour, by a block
//! glyph, so the picture survives a pipe. Nothing here computes strengths: that is
//! `themes::matrix`.

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};
use serde::Serialize;

use super::Style;
use crate::themes::matrix::{MatrixCell, ThemeMatrix};

/// The output formats of the theme matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    /// A shaded table for reading in a terminal.
    Table,
    /// One row per theme, one column per municipality, for spreadsheets.
    Csv,
    /// One JSON object: {"themes", "municipalities", "cells": [...]}.
    Json,
    /// A self-contained HTML page with a heatmap.
    Html,
    /// A standalone SVG image of the heatmap.
    Svg,
}

/// Writes the matrix in the chosen format. `style` matters only for the table.
pub fn write_matrix(
    out: &mut dyn Write,
    matrix: &ThemeMatrix,
    format: MatrixFormat,
    style: Style,
) -> io::Result<()> {
    match format {
        MatrixFormat::Table => write_table(out, matrix, style),
        MatrixFormat::Csv => write_csv(out, matrix),
        MatrixFormat::Json => write_json(out, matrix),
        MatrixFormat::Html => out.write_all(render_html(matrix).as_bytes()),
        MatrixFormat::Svg => out.write_all(render_svg(matrix).as_bytes()),
    }
}

/// The explanation printed with every picture of the matrix.
const LEGEND: &str =
    "strength: theme score per municipality (see README); shading relative to the strongest cell";

/// How a cell with no matching passage shows its value.
const NO_VALUE: &str = "–";

/// The value as shown in a cell: one decimal, a dash for nothing.
fn cell_value(strength: f32) -> String {
    if has_strength(strength) {
        format!("{strength:.1}")
    } else {
        NO_VALUE.to_string()
    }
}

fn has_strength(strength: f32) -> bool {
    strength.is_finite() && strength > 0.0
}

/// `relative` as a usable fraction: NaN and out-of-range values clamped into 0..=1.
fn unit(relative: f32) -> f64 {
    if relative.is_nan() {
        0.0
    } else {
        f64::from(relative.clamp(0.0, 1.0))
    }
}

/// The strongest cell's strength, 0 for an empty matrix.
fn max_strength(matrix: &ThemeMatrix) -> f32 {
    matrix.cells.iter().map(|c| c.strength).filter(|s| s.is_finite()).fold(0.0, f32::max)
}

fn is_empty(matrix: &ThemeMatrix) -> bool {
    matrix.themes.is_empty() || matrix.municipalities.is_empty()
}

/// "Theme – Municipality: strength X, N passages", the tooltip of a heatmap cell.
fn cell_tooltip(theme_label: &str, cell: &MatrixCell) -> String {
    let noun = if cell.passages == 1 { "passage" } else { "passages" };
    format!("{theme_label} – {}: strength {:.2}, {} {noun}", cell.municipality, cell.strength, cell.passages)
}

// ---------------------------------------------------------------------------------------------
// Terminal table
// ---------------------------------------------------------------------------------------------

const PIPED_WIDTH: u16 = 120;
/// Theme labels longer than this wrap.
const LABEL_MAX_CHARS: usize = 32;
/// Column headers wrap at spaces and hyphens to lines of about this many characters.
const HEADER_LINE_CHARS: usize = 9;
/// A single word of a header longer than this is cut with `…`.
const HEADER_WORD_MAX_CHARS: usize = 16;
/// The shade glyphs of the five steps, from nothing to the strongest quarter.
const SHADE_GLYPHS: [char; 5] = [' ', '░', '▒', '▓', '█'];
/// 256-colour backgrounds of steps 1 to 4 (step 0 is unshaded): pale cyan to dark blue.
const SHADE_BACKGROUNDS: [u8; 4] = [195, 153, 68, 24];
/// Text colours on those backgrounds: black on the pale ones, white on the dark ones.
const SHADE_FOREGROUNDS: [u8; 4] = [16, 16, 231, 231];

/// The shading step of a cell: 0 for no strength, then 1 to 4 by quarter of `relative`.
fn shade_step(strength: f32, relative: f32) -> usize {
    if !has_strength(strength) {
        return 0;
    }
    1 + ((unit(relative) * 4.0).floor() as usize).min(3)
}

fn write_table(out: &mut dyn Write, matrix: &ThemeMatrix, style: Style) -> io::Result<()> {
    if is_empty(matrix) {
        return writeln!(out, "The theme matrix is empty (no themes or no municipalities).");
    }
    let layout = TableLayout::new(matrix);
    let width = usize::from(style.width.unwrap_or(PIPED_WIDTH));
    for (i, columns) in layout.column_chunks(width).into_iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let table = build_table(matrix, &layout, &columns, style);
        writeln!(out, "{table}")?;
    }
    writeln!(out, "{}", legend_line(style.color))
}

/// The widths and headers of the table, computed once for all chunks of columns.
struct TableLayout {
    headers: Vec<String>,
    /// Content width of each municipality column, without the padding spaces.
    column_widths: Vec<usize>,
    /// Width of the widest cell value, so values line up behind their glyphs.
    value_width: usize,
    label_width: usize,
}

impl TableLayout {
    fn new(matrix: &ThemeMatrix) -> TableLayout {
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

fn build_table(matrix: &ThemeMatrix, layout: &TableLayout, columns: &[usize], style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width.unwrap_or(PIPED_WIDTH));
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    let mut header = vec![Cell::new("theme")];
    header.extend(
        columns.iter().map(|&m| Cell::new(pad_lines(&layout.headers[m])).set_alignment(CellAlignment::Right)),
    );
    table.set_header(header);
    for (t, theme) in matrix.themes.iter().enumerate() {
        let mut row = vec![Cell::new(&theme.label)];
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
fn shaded_cell(cell: &MatrixCell, column_width: usize, value_width: usize, color: bool) -> Cell {
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
fn legend_line(color: bool) -> String {
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
const AUTHORITY_PREFIXES: [(&str, &str); 6] = [
    ("kreisfreie Stadt ", "St. "),
    ("Landkreis ", "Lkr. "),
    ("Städteregion ", "StR. "),
    ("Kreis ", "Kr. "),
    ("Stadt ", "St. "),
    ("Gemeinde ", "Gem. "),
];

/// Column headers: municipality names without their authority word where the rest is still
/// unambiguous, otherwise with the word shortened.
fn column_headers(municipalities: &[String]) -> Vec<String> {
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
fn strip_authority(name: &str) -> (Option<&'static str>, &str) {
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
fn wrap_header(header: &str, line_chars: usize) -> String {
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
fn needs_space(line: &str) -> bool {
    !line.is_empty() && !line.ends_with('-')
}

/// The words of a header: split at whitespace, and after each hyphen (which stays).
fn header_words(header: &str) -> Vec<String> {
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

fn cut_word(word: &str, max_chars: usize) -> String {
    if word.chars().count() <= max_chars {
        return word.to_string();
    }
    let mut cut: String = word.chars().take(max_chars - 1).collect();
    cut.push('…');
    cut
}

fn widest_line(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Every line with a space on each side (the padding of data columns).
fn pad_lines(text: &str) -> String {
    text.lines().map(|l| format!(" {l} ")).collect::<Vec<_>>().join("\n")
}

// ---------------------------------------------------------------------------------------------
// CSV and JSON
// ---------------------------------------------------------------------------------------------

/// Wide CSV: `theme,label,<municipality>…`, one row per theme, strengths with 3 decimals.
fn write_csv(out: &mut dyn Write, matrix: &ThemeMatrix) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    let mut header = vec!["theme".to_string(), "label".to_string()];
    header.extend(matrix.municipalities.iter().cloned());
    writer.write_record(&header)?;
    for (t, theme) in matrix.themes.iter().enumerate() {
        let mut record = vec![theme.id.clone(), theme.label.clone()];
        record.extend((0..matrix.municipalities.len()).map(|m| format!("{:.3}", matrix.cell(t, m).strength)));
        writer.write_record(&record)?;
    }
    writer.flush()
}

/// A cell as written to JSON: the numbers rounded to 4 decimals.
#[derive(Serialize)]
struct JsonCell<'a> {
    theme: &'a str,
    municipality: &'a str,
    strength: f64,
    relative: f64,
    passages: usize,
}

#[derive(Serialize)]
struct JsonMatrix<'a> {
    themes: &'a [crate::themes::matrix::MatrixTheme],
    municipalities: &'a [String],
    cells: Vec<JsonCell<'a>>,
}

fn round4(x: f32) -> f64 {
    if x.is_finite() {
        (f64::from(x) * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

fn write_json(out: &mut dyn Write, matrix: &ThemeMatrix) -> io::Result<()> {
    let json = JsonMatrix {
        themes: &matrix.themes,
        municipalities: &matrix.municipalities,
        cells: matrix
            .cells
            .iter()
            .map(|c| JsonCell {
                theme: &c.theme,
                municipality: &c.municipality,
                strength: round4(c.strength),
                relative: round4(c.relative),
                passages: c.passages,
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &json)?;
    writeln!(out)
}

// ---------------------------------------------------------------------------------------------
// Colour scale shared by HTML and SVG
// ---------------------------------------------------------------------------------------------

/// Stops of the sequential scale, white through green-blue to dark blue. Every channel falls
/// from stop to stop, so the scale gets darker all the way.
const SCALE_STOPS: [(f64, [u8; 3]); 5] = [
    (0.0, [0xff, 0xff, 0xff]),
    (0.25, [0xcc, 0xeb, 0xc5]),
    (0.5, [0x7b, 0xcc, 0xc4]),
    (0.75, [0x2b, 0x8c, 0xbe]),
    (1.0, [0x08, 0x40, 0x81]),
];

/// The colour of `relative` (0 to 1, clamped) as "#rrggbb".
pub fn scale_color(relative: f32) -> String {
    hex(scale_rgb(unit(relative)))
}

fn scale_rgb(x: f64) -> [u8; 3] {
    let upper = SCALE_STOPS.iter().position(|(at, _)| x <= *at).unwrap_or(SCALE_STOPS.len() - 1).max(1);
    let (x0, c0) = SCALE_STOPS[upper - 1];
    let (x1, c1) = SCALE_STOPS[upper];
    let f = ((x - x0) / (x1 - x0)).clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    [mix(c0[0], c1[0]), mix(c0[1], c1[1]), mix(c0[2], c1[2])]
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white).
fn luminance(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

const DARK_TEXT: &str = "#1a1a1a";
const LIGHT_TEXT: &str = "#ffffff";

/// White text where it reaches the WCAG AA contrast (4.5:1) on the scale colour, near-black
/// text on the lighter colours.
fn text_color_on(relative: f32) -> &'static str {
    let contrast_with_white = 1.05 / (luminance(scale_rgb(unit(relative))) + 0.05);
    if contrast_with_white >= 4.5 {
        LIGHT_TEXT
    } else {
        DARK_TEXT
    }
}

/// Escapes text for HTML and XML, attributes included.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

const TITLE: &str = "praev – Themen × Kommunen";

const HTML_CSS: &str = "
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 2rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; margin-bottom: 0.3rem; }
p.explain { color: #444; margin-top: 0; max-width: 60rem; }
table.matrix { border-collapse: collapse; font-size: 0.85rem; }
table.matrix th, table.matrix td { border: 1px solid #d0d0d0; }
table.matrix th.theme { text-align: left; padding: 0.25rem 0.6rem; font-weight: 600; white-space: nowrap; }
table.matrix th.municipality { vertical-align: bottom; padding: 0.4rem 0.2rem; font-weight: 600; }
table.matrix th.municipality span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
table.matrix td.cell { min-width: 2.8rem; text-align: center; padding: 0.25rem 0.3rem; font-variant-numeric: tabular-nums; }
table.matrix th.corner { border: none; }
.legend { display: flex; align-items: center; gap: 0.5rem; margin-top: 1rem; font-size: 0.85rem; }
.legend .bar { width: 14rem; height: 0.9rem; border: 1px solid #999; }
";

/// One self-contained HTML page with the heatmap, its legend and an explanation.
pub fn render_html(matrix: &ThemeMatrix) -> String {
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(html, "<title>{}</title>", escape(TITLE));
    let _ = writeln!(html, "<style>{HTML_CSS}</style>\n</head>\n<body>");
    let _ = writeln!(html, "<h1>{}</h1>", escape(TITLE));
    let _ = writeln!(
        html,
        "<p class=\"explain\" lang=\"en\">Rows are themes, columns municipalities; a cell shows the \
         theme&#39;s strength in the municipality&#39;s texts (theme score, see the praev README), \
         coloured relative to the strongest cell. Hover a cell for its number of passages.</p>"
    );
    if is_empty(matrix) {
        html.push_str("<p lang=\"en\">The theme matrix is empty (no themes or no municipalities).</p>\n");
    } else {
        push_html_table(&mut html, matrix);
        push_html_legend(&mut html, max_strength(matrix));
    }
    html.push_str("</body>\n</html>\n");
    html
}

fn push_html_table(html: &mut String, matrix: &ThemeMatrix) {
    html.push_str("<table class=\"matrix\">\n<thead>\n<tr><th class=\"corner\"></th>");
    for municipality in &matrix.municipalities {
        let name = escape(municipality);
        let _ = write!(
            html,
            "<th class=\"municipality\" scope=\"col\" title=\"{name}\"><span>{name}</span></th>"
        );
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");
    for (t, theme) in matrix.themes.iter().enumerate() {
        let _ = write!(html, "<tr><th class=\"theme\" scope=\"row\">{}</th>", escape(&theme.label));
        for m in 0..matrix.municipalities.len() {
            let cell = matrix.cell(t, m);
            let _ = write!(
                html,
                "<td class=\"cell\" style=\"background:{};color:{}\" title=\"{}\">{}</td>",
                scale_color(cell.relative),
                text_color_on(cell.relative),
                escape(&cell_tooltip(&theme.label, cell)),
                escape(&cell_value(cell.strength)),
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
}

/// The CSS gradient through the scale's stops, left (0) to right (1).
fn css_gradient() -> String {
    let stops: Vec<String> =
        SCALE_STOPS.iter().map(|(at, rgb)| format!("{} {:.0}%", hex(*rgb), at * 100.0)).collect();
    format!("linear-gradient(to right, {})", stops.join(", "))
}

fn push_html_legend(html: &mut String, max: f32) {
    let _ = writeln!(
        html,
        "<div class=\"legend\" lang=\"en\"><span>0</span><div class=\"bar\" style=\"background:{}\"></div>\
         <span>{:.1}</span><span>strength (theme score per municipality); colour relative to the \
         strongest cell</span></div>",
        css_gradient(),
        max,
    );
}

// ---------------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------------

const MARGIN: f64 = 16.0;
const FONT_SIZE: f64 = 12.0;
/// A generous average glyph width of a sans-serif font at [`FONT_SIZE`], so labels fit.
const CHAR_WIDTH: f64 = 7.2;
const TITLE_SIZE: f64 = 16.0;
const TITLE_HEIGHT: f64 = 30.0;
const CELL_HEIGHT: f64 = 24.0;
const MIN_CELL_WIDTH: f64 = 44.0;
const LABEL_GAP: f64 = 8.0;
const LEGEND_BAR_WIDTH: f64 = 200.0;
const LEGEND_BAR_HEIGHT: f64 = 12.0;
const LEGEND_CAPTION: &str = "strength: theme score per municipality; colour relative to the strongest cell";

fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH
}

/// Positions of the SVG heatmap, computed from the labels and the size of the matrix.
struct SvgLayout {
    grid_left: f64,
    grid_top: f64,
    cell_width: f64,
    legend_top: f64,
    width: f64,
    height: f64,
}

impl SvgLayout {
    fn new(matrix: &ThemeMatrix) -> SvgLayout {
        let label_width = matrix.themes.iter().map(|t| text_width(&t.label)).fold(0.0, f64::max);
        let header_height = matrix.municipalities.iter().map(|m| text_width(m)).fold(0.0, f64::max);
        let widest_value =
            matrix.cells.iter().map(|c| text_width(&cell_value(c.strength))).fold(0.0, f64::max);
        let cell_width = (widest_value + 12.0).max(MIN_CELL_WIDTH);
        let grid_left = MARGIN + label_width + LABEL_GAP;
        let grid_top = MARGIN + TITLE_HEIGHT + header_height + LABEL_GAP;
        let grid_right = grid_left + cell_width * matrix.municipalities.len() as f64;
        let legend_top = grid_top + CELL_HEIGHT * matrix.themes.len() as f64 + 20.0;
        let legend_right = MARGIN + LEGEND_BAR_WIDTH + 12.0 + text_width(LEGEND_CAPTION);
        let title_right = MARGIN + text_width(TITLE) * TITLE_SIZE / FONT_SIZE;
        let width = grid_right.max(legend_right).max(title_right) + MARGIN;
        // Legend bar, the 0/max labels under it, then the margin.
        let height = legend_top + LEGEND_BAR_HEIGHT + 18.0 + MARGIN;
        SvgLayout { grid_left, grid_top, cell_width, legend_top, width: width.ceil(), height: height.ceil() }
    }
}

/// One standalone SVG image of the heatmap: title, rotated municipality names, theme labels,
/// a rectangle with its value per cell, and a gradient legend.
pub fn render_svg(matrix: &ThemeMatrix) -> String {
    let layout = SvgLayout::new(matrix);
    let (w, h) = (layout.width, layout.height);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"sans-serif\" font-size=\"{FONT_SIZE}\">"
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(TITLE));
    let _ = writeln!(svg, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    let _ = writeln!(
        svg,
        "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\">{}</text>",
        MARGIN + TITLE_SIZE,
        escape(TITLE)
    );
    push_svg_headers(&mut svg, matrix, &layout);
    push_svg_rows(&mut svg, matrix, &layout);
    push_svg_legend(&mut svg, max_strength(matrix), &layout);
    svg.push_str("</svg>\n");
    svg
}

/// Municipality names above the columns, reading upwards from just above the grid.
fn push_svg_headers(svg: &mut String, matrix: &ThemeMatrix, layout: &SvgLayout) {
    let y = layout.grid_top - LABEL_GAP / 2.0;
    for (m, municipality) in matrix.municipalities.iter().enumerate() {
        let x = layout.grid_left + layout.cell_width * (m as f64 + 0.5);
        let _ = writeln!(
            svg,
            "<text transform=\"translate({x:.1},{y:.1}) rotate(-90)\" dy=\"0.35em\">{}</text>",
            escape(municipality)
        );
    }
}

/// Per theme: its label right-aligned left of the grid, then one cell per municipality.
fn push_svg_rows(svg: &mut String, matrix: &ThemeMatrix, layout: &SvgLayout) {
    for (t, theme) in matrix.themes.iter().enumerate() {
        let top = layout.grid_top + CELL_HEIGHT * t as f64;
        let middle = top + CELL_HEIGHT / 2.0;
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{middle:.1}\" dy=\"0.35em\" text-anchor=\"end\">{}</text>",
            layout.grid_left - LABEL_GAP,
            escape(&theme.label)
        );
        for m in 0..matrix.municipalities.len() {
            let cell = matrix.cell(t, m);
            let left = layout.grid_left + layout.cell_width * m as f64;
            let _ = writeln!(
                svg,
                "<g><title>{tooltip}</title><rect class=\"cell\" x=\"{left:.1}\" y=\"{top:.1}\" \
                 width=\"{cw:.1}\" height=\"{CELL_HEIGHT}\" fill=\"{fill}\" stroke=\"#d0d0d0\"/>\
                 <text x=\"{cx:.1}\" y=\"{middle:.1}\" dy=\"0.35em\" text-anchor=\"middle\" \
                 fill=\"{ink}\">{value}</text></g>",
                tooltip = escape(&cell_tooltip(&theme.label, cell)),
                cw = layout.cell_width,
                fill = scale_color(cell.relative),
                cx = left + layout.cell_width / 2.0,
                ink = text_color_on(cell.relative),
                value = escape(&cell_value(cell.strength)),
            );
        }
    }
}

/// A gradient bar from 0 to the strongest cell's strength, with its caption.
fn push_svg_legend(svg: &mut String, max: f32, layout: &SvgLayout) {
    svg.push_str("<defs><linearGradient id=\"scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">");
    for (at, rgb) in SCALE_STOPS {
        let _ = write!(svg, "<stop offset=\"{at}\" stop-color=\"{}\"/>", hex(rgb));
    }
    svg.push_str("</linearGradient></defs>\n");
    let top = layout.legend_top;
    let labels_y = top + LEGEND_BAR_HEIGHT + 14.0;
    let _ = writeln!(
        svg,
        "<rect class=\"legend\" x=\"{MARGIN}\" y=\"{top:.1}\" width=\"{LEGEND_BAR_WIDTH}\" \
         height=\"{LEGEND_BAR_HEIGHT}\" fill=\"url(#scale)\" stroke=\"#999999\"/>"
    );
    let _ = writeln!(svg, "<text x=\"{MARGIN}\" y=\"{labels_y:.1}\">0</text>");
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{labels_y:.1}\" text-anchor=\"end\">{max:.1}</text>",
        MARGIN + LEGEND_BAR_WIDTH
    );
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" dy=\"0.35em\" fill=\"#444444\">{}</text>",
        MARGIN + LEGEND_BAR_WIDTH + 12.0,
        top + LEGEND_BAR_HEIGHT / 2.0,
        escape(LEGEND_CAPTION)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::matrix::MatrixTheme;

    const ODD_NAME: &str = "Stadt <Zülpich> & Söhne";

    /// 2 themes × 3 municipalities; "Kreis Düren" / "Gütersloh" / the odd name; one zero cell.
    fn sample() -> ThemeMatrix {
        let themes = vec![
            MatrixTheme { id: "fruehe-hilfen".into(), label: "Frühe Hilfen".into() },
            MatrixTheme { id: "uebergaenge".into(), label: "Übergänge".into() },
        ];
        let municipalities: Vec<String> = vec!["Kreis Düren".into(), "Gütersloh".into(), ODD_NAME.into()];
        let strengths = [[12.5_f32, 3.25, 0.0], [6.0, 1.0, 9.75]];
        let max = 12.5;
        let mut cells = Vec::new();
        for (t, theme) in themes.iter().enumerate() {
            for (m, municipality) in municipalities.iter().enumerate() {
                let strength = strengths[t][m];
                cells.push(MatrixCell {
                    theme: theme.id.clone(),
                    municipality: municipality.clone(),
                    strength,
                    relative: strength / max,
                    passages: if strength > 0.0 { m + 1 } else { 0 },
                });
            }
        }
        ThemeMatrix { themes, municipalities, cells }
    }

    fn render(format: MatrixFormat, style: Style) -> String {
        let mut out = Vec::new();
        write_matrix(&mut out, &sample(), format, style).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("output is UTF-8")
    }

    fn plain() -> Style {
        Style { color: false, width: None }
    }

    #[test]
    fn csv_is_wide_with_three_decimals() {
        let csv = render(MatrixFormat::Csv, plain());
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, ["theme", "label", "Kreis Düren", "Gütersloh", ODD_NAME]);
        let rows: Vec<::csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "fruehe-hilfen");
        assert_eq!(&rows[0][1], "Frühe Hilfen");
        assert_eq!(&rows[0][2], "12.500");
        assert_eq!(&rows[0][4], "0.000");
        assert_eq!(&rows[1][4], "9.750");
    }

    #[test]
    fn json_holds_themes_municipalities_and_every_cell() {
        let json = render(MatrixFormat::Json, plain());
        assert!(json.ends_with("}\n"));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["themes"][1]["id"], "uebergaenge");
        assert_eq!(value["themes"][1]["label"], "Übergänge");
        assert_eq!(value["municipalities"][2], ODD_NAME);
        let cells = value["cells"].as_array().unwrap();
        assert_eq!(cells.len(), 6);
        assert_eq!(cells[1]["municipality"], "Gütersloh");
        assert_eq!(cells[1]["strength"], 3.25);
        assert_eq!(cells[1]["relative"], 0.26);
        assert_eq!(cells[1]["passages"], 2);
        assert_eq!(cells[2]["strength"], 0.0);
    }

    #[test]
    fn html_is_one_escaped_document_with_a_cell_per_pair() {
        let html = render(MatrixFormat::Html, plain());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<title>praev – Themen × Kommunen</title>"));
        assert_eq!(html.matches("<td").count(), 6);
        assert!(html.contains("Stadt &lt;Zülpich&gt; &amp; Söhne"));
        assert!(!html.contains("<Zülpich>"), "data must not appear unescaped");
        assert!(!html.contains("& Söhne"));
        assert!(html.contains("title=\"Frühe Hilfen – Kreis Düren: strength 12.50, 1 passage\""));
        assert!(html.contains("class=\"legend\""));
        assert!(html.contains("linear-gradient"));
        assert!(html.contains("<span>12.5</span>"), "legend shows the maximum");
        assert!(!html.contains("<script"));
        assert!(!html.contains("http://") && !html.contains("https://"), "no external resources");
        assert!(html.trim_end().ends_with("</html>"));
        // The strongest cell is darkest, the empty one white.
        assert!(html.contains("background:#084081;color:#ffffff\""));
        assert!(html.contains("background:#ffffff;color:#1a1a1a\""));
    }

    #[test]
    fn svg_is_standalone_with_a_rect_per_cell() {
        let svg = render(MatrixFormat::Svg, plain());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches("</svg>").count(), 1);
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<rect class=\"cell\"").count(), 6);
        assert!(svg.contains(">Stadt &lt;Zülpich&gt; &amp; Söhne</text>"));
        assert!(!svg.contains("<Zülpich>"));
        assert!(svg.contains("rotate(-90)"));
        assert!(svg.contains("url(#scale)"));
        assert!(svg.contains("font-family=\"sans-serif\""));
        assert!(svg.contains(">12.5</text>"), "legend shows the maximum");
        let layout = SvgLayout::new(&sample());
        assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", layout.width, layout.height)));
    }

    #[test]
    fn svg_leaves_room_for_long_labels() {
        let mut matrix = sample();
        let short = SvgLayout::new(&matrix);
        matrix.themes[0].label = "Ein sehr langer Themenname mit vielen Wörtern".into();
        matrix.municipalities[1] = "Städteregion Aachen und Umgebung".into();
        let long = SvgLayout::new(&matrix);
        assert!(long.grid_left >= MARGIN + text_width(&matrix.themes[0].label));
        assert!(long.grid_top > short.grid_top);
        let grid_right = long.grid_left + long.cell_width * 3.0;
        assert!(long.width >= grid_right + MARGIN);
    }

    #[test]
    fn plain_table_shades_with_glyphs() {
        let table = render(MatrixFormat::Table, plain());
        assert!(table.contains("Frühe Hilfen"));
        assert!(table.contains("Übergänge"));
        assert!(!table.contains('\u{1b}'), "no ANSI escapes without colour");
        assert!(table.contains("█ 12.5"), "strongest cell in the darkest shade");
        assert!(table.contains("░  1.0"), "weak cell in the palest shade");
        assert!(table.contains("▒▒▒▒  3.2"), "bars fill the cell: {table}");
        assert!(table.contains("      – "), "empty cell unshaded");
        assert!(table.contains("Düren") && !table.contains("Kreis Düren"), "authority word dropped");
        assert!(table.contains("shading relative to the strongest cell"));
        assert!(table.lines().all(|l| l.chars().count() <= 120));
        assert_eq!(table.lines().last(), Some(legend_line(false).as_str()));
    }

    #[test]
    fn coloured_table_uses_ansi_backgrounds() {
        let table = render(MatrixFormat::Table, Style { color: true, width: Some(100) });
        assert!(table.contains('\u{1b}'));
        assert!(!table.contains('█'), "colour replaces the glyphs");
        assert!(table.contains("Frühe Hilfen"));
    }

    #[test]
    fn narrow_tables_split_columns_into_blocks() {
        let mut matrix = sample();
        matrix.municipalities = (0..12).map(|i| format!("Kommune Nummer {i}")).collect();
        matrix.cells = (0..2 * 12)
            .map(|i| MatrixCell {
                theme: "t".into(),
                municipality: String::new(),
                strength: i as f32,
                relative: i as f32 / 23.0,
                passages: 1,
            })
            .collect();
        let mut out = Vec::new();
        write_table(&mut out, &matrix, Style { color: false, width: Some(60) }).unwrap();
        let text = String::from_utf8(out).unwrap();
        let table_lines = text.lines().filter(|l| !l.starts_with("strength:"));
        assert!(table_lines.into_iter().all(|l| l.chars().count() <= 60), "{text}");
        assert!(text.matches("Frühe Hilfen").count() > 1, "label column repeated per block");
        assert_eq!(text.matches("Nummer").count(), 12, "every municipality once: {text}");
        assert!(text.contains("23.0"), "the last cell is shown");
    }

    #[test]
    fn headers_drop_authority_words_unless_ambiguous() {
        let names: Vec<String> = ["Kreis Düren", "Düren", "Kreis Borken", "Städteregion Aachen"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(column_headers(&names), ["Kr. Düren", "Düren", "Borken", "Aachen"]);
        assert_eq!(wrap_header("Siegen-Wittgenstein", 9), "Siegen-\nWittgenstein");
        assert_eq!(wrap_header("Rhein-Sieg-Kreis", 12), "Rhein-Sieg-\nKreis");
        assert_eq!(wrap_header("Oberbergischer Kreis", 9), "Oberbergischer\nKreis");
        assert_eq!(wrap_header("Olpe", 9), "Olpe");
        assert_eq!(cut_word("Hochsauerlandkreisverwaltung", 16).chars().count(), 16);
    }

    #[test]
    fn shade_steps_follow_relative_strength() {
        assert_eq!(shade_step(0.0, 0.0), 0);
        assert_eq!(shade_step(0.1, 0.01), 1);
        assert_eq!(shade_step(5.0, 0.3), 2);
        assert_eq!(shade_step(5.0, 0.6), 3);
        assert_eq!(shade_step(5.0, 0.8), 4);
        assert_eq!(shade_step(5.0, 1.0), 4);
        assert_eq!(shade_step(5.0, f32::NAN), 1);
    }

    #[test]
    fn colour_scale_runs_from_white_to_dark_blue_and_darkens() {
        assert_eq!(scale_color(0.0), "#ffffff");
        assert_eq!(scale_color(1.0), "#084081");
        assert_eq!(scale_color(-1.0), "#ffffff");
        assert_eq!(scale_color(2.0), "#084081");
        assert_eq!(scale_color(f32::NAN), "#ffffff");
        let mut previous = f64::INFINITY;
        for i in 0..=100 {
            let l = luminance(scale_rgb(f64::from(i) / 100.0));
            assert!(l <= previous, "luminance rises at {i}");
            previous = l;
        }
        assert_eq!(text_color_on(0.0), DARK_TEXT);
        assert_eq!(text_color_on(1.0), LIGHT_TEXT);
    }

    #[test]
    fn escape_covers_markup_characters() {
        assert_eq!(escape(r#"a&b<c>"d"'e'"#), "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;");
        assert_eq!(escape("Düren"), "Düren");
    }

    #[test]
    fn empty_matrix_renders_without_panicking() {
        let empty = ThemeMatrix { themes: vec![], municipalities: vec![], cells: vec![] };
        for format in [
            MatrixFormat::Table,
            MatrixFormat::Csv,
            MatrixFormat::Json,
            MatrixFormat::Html,
            MatrixFormat::Svg,
        ] {
            let mut out = Vec::new();
            write_matrix(&mut out, &empty, format, plain()).unwrap();
            assert!(!out.is_empty());
        }
    }
}
