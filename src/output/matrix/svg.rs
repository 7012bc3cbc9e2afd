//! The matrix as one standalone SVG image: title, rotated municipality names, theme labels, a
//! rectangle with its value per cell, and a gradient legend.

use std::fmt::Write as _;

use super::color::{escape, hex, scale_color, text_color_on, SCALE_STOPS};
use super::html::TITLE;
use super::{cell_tooltip, cell_value, max_strength};
use crate::output::number;
use crate::themes::matrix::ThemeMatrix;

pub(super) const MARGIN: f64 = 16.0;
pub(super) const FONT_SIZE: f64 = 12.0;
/// A generous average glyph width of a sans-serif font at [`FONT_SIZE`], so labels fit.
pub(super) const CHAR_WIDTH: f64 = 7.2;
pub(super) const TITLE_SIZE: f64 = 16.0;
pub(super) const TITLE_HEIGHT: f64 = 30.0;
pub(super) const CELL_HEIGHT: f64 = 24.0;
pub(super) const MIN_CELL_WIDTH: f64 = 44.0;
pub(super) const LABEL_GAP: f64 = 8.0;
pub(super) const LEGEND_BAR_WIDTH: f64 = 200.0;
pub(super) const LEGEND_BAR_HEIGHT: f64 = 12.0;
pub(super) const LEGEND_CAPTION: &str =
    "strength: theme score per municipality; colour relative to the strongest cell";

pub(super) fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH
}

/// Positions of the SVG heatmap, computed from the labels and the size of the matrix.
pub(super) struct SvgLayout {
    pub(super) grid_left: f64,
    pub(super) grid_top: f64,
    pub(super) cell_width: f64,
    pub(super) legend_top: f64,
    pub(super) width: f64,
    pub(super) height: f64,
}

impl SvgLayout {
    pub(super) fn new(matrix: &ThemeMatrix) -> SvgLayout {
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
pub(super) fn push_svg_headers(svg: &mut String, matrix: &ThemeMatrix, layout: &SvgLayout) {
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
pub(super) fn push_svg_rows(svg: &mut String, matrix: &ThemeMatrix, layout: &SvgLayout) {
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
pub(super) fn push_svg_legend(svg: &mut String, max: f32, layout: &SvgLayout) {
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
        "<text x=\"{:.1}\" y=\"{labels_y:.1}\" text-anchor=\"end\">{}</text>",
        MARGIN + LEGEND_BAR_WIDTH,
        number::fixed(f64::from(max), 1)
    );
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" dy=\"0.35em\" fill=\"#444444\">{}</text>",
        MARGIN + LEGEND_BAR_WIDTH + 12.0,
        top + LEGEND_BAR_HEIGHT / 2.0,
        escape(LEGEND_CAPTION)
    );
}
