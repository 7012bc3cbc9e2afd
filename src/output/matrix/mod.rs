//! The theme × municipality strength matrix ([`ThemeMatrix`]) for people and programs.
//!
//! One matrix, six pictures of it: a shaded terminal table ([`table`]), a wide CSV for
//! spreadsheets and JSON ([`data`]), and two self-contained heatmaps to put into reports, an
//! HTML page ([`html`]) and an SVG image ([`svg`]), which share one colour scale ([`color`]).
//! Rows are themes, columns municipalities in every format. Nothing here computes strengths:
//! that is `themes::matrix`.

mod color;
mod data;
mod html;
mod svg;
mod table;

pub(crate) use color::escape;
pub use color::scale_color;
pub(crate) use data::round4;
pub use data::{JsonCell, JsonMatrix};
pub use html::render_html;
pub use svg::render_svg;

use super::{number, Csv, Format, Report, Style};
use crate::themes::matrix::{MatrixCell, ThemeMatrix};

/// The matrix in every format of `praev matrix`.
pub struct MatrixReport<'a>(pub &'a ThemeMatrix);

impl Report for MatrixReport<'_> {
    type Document<'a>
        = JsonMatrix<'a>
    where
        Self: 'a;
    type Line<'a>
        = JsonCell<'a>
    where
        Self: 'a;

    /// The document is one line, as it always was.
    const INDENTED_JSON: bool = false;

    fn document(&self) -> JsonMatrix<'_> {
        data::json(self.0)
    }

    fn lines(&self) -> Vec<JsonCell<'_>> {
        data::cells(self.0)
    }

    fn csv(&self) -> Csv {
        data::csv(self.0)
    }

    fn table(&self, style: Style) -> String {
        table::render(self.0, style)
    }

    fn picture(&self, format: Format) -> Option<String> {
        match format {
            Format::Html => Some(render_html(self.0)),
            Format::Svg => Some(render_svg(self.0)),
            _ => None,
        }
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
        number::fixed(f64::from(strength), 1)
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
    let strength = number::fixed(f64::from(cell.strength), 2);
    format!("{theme_label} – {}: strength {strength}, {} {noun}", cell.municipality, cell.passages)
}

#[cfg(test)]
mod tests {
    use super::color::{escape, luminance, scale_rgb, text_color_on, DARK_TEXT, LIGHT_TEXT};
    use super::svg::{text_width, SvgLayout, MARGIN};
    use super::table::{column_headers, cut_word, legend_line, shade_step, wrap_header};
    use super::*;
    use crate::output::emit;
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
                    documents: if strength > 0.0 { 1 } else { 0 },
                });
            }
        }
        ThemeMatrix { themes, municipalities, cells }
    }

    fn render(format: Format, style: Style) -> String {
        let mut out = Vec::new();
        emit(&MatrixReport(&sample()), format, &mut out, style).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("output is UTF-8")
    }

    fn plain() -> Style {
        Style::PLAIN
    }

    #[test]
    fn csv_is_wide_with_three_decimals() {
        let csv = render(Format::Csv, plain());
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
        let json = render(Format::Json, plain());
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
    fn no_negative_zero_in_any_format() {
        let mut matrix = sample();
        matrix.cells[2].strength = -0.0;
        matrix.cells[2].relative = -0.0;
        for format in [Format::Table, Format::Csv, Format::Json, Format::Jsonl, Format::Html, Format::Svg] {
            let mut out = Vec::new();
            emit(&MatrixReport(&matrix), format, &mut out, plain()).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(!text.contains("-0.0") && !text.contains("-0,"), "{format:?}: {text}");
        }
    }

    #[test]
    fn jsonl_is_one_cell_per_line() {
        let text = render(Format::Jsonl, plain());
        assert_eq!(text.lines().count(), 6);
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["theme"], "fruehe-hilfen");
        assert_eq!(first["municipality"], "Kreis Düren");
    }

    #[test]
    fn html_is_one_escaped_document_with_a_cell_per_pair() {
        let html = render(Format::Html, plain());
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
        let svg = render(Format::Svg, plain());
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
        let table = render(Format::Table, plain());
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
        let table = render(Format::Table, Style { color: true, width: 100 });
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
                documents: 1,
            })
            .collect();
        let text = table::render(&matrix, Style { color: false, width: 60 });
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
        for format in [Format::Table, Format::Csv, Format::Json, Format::Jsonl, Format::Html, Format::Svg] {
            let mut out = Vec::new();
            emit(&MatrixReport(&empty), format, &mut out, plain()).unwrap();
            assert!(!out.is_empty() || format == Format::Jsonl);
        }
    }
}
