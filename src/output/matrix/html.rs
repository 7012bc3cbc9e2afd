//! The matrix as one self-contained HTML page: a heatmap table, its legend and an explanation.

use std::fmt::Write as _;

use super::color::{escape, hex, scale_color, text_color_on, SCALE_STOPS};
use super::{cell_tooltip, cell_value, is_empty, max_strength};
use crate::output::number;
use crate::themes::matrix::ThemeMatrix;

pub(super) const TITLE: &str = "praev – Themen × Kommunen";

pub(super) const HTML_CSS: &str = "
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

pub(super) fn push_html_table(html: &mut String, matrix: &ThemeMatrix) {
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
pub(super) fn css_gradient() -> String {
    let stops: Vec<String> =
        SCALE_STOPS.iter().map(|(at, rgb)| format!("{} {:.0}%", hex(*rgb), at * 100.0)).collect();
    format!("linear-gradient(to right, {})", stops.join(", "))
}

pub(super) fn push_html_legend(html: &mut String, max: f32) {
    let _ = writeln!(
        html,
        "<div class=\"legend\" lang=\"en\"><span>0</span><div class=\"bar\" style=\"background:{}\"></div>\
         <span>{}</span><span>strength (theme score per municipality); colour relative to the \
         strongest cell</span></div>",
        css_gradient(),
        number::fixed(f64::from(max), 1),
    );
}
