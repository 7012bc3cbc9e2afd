//! `praev trend`: a theme's strength and passages per year, as a table, JSON, JSON lines, CSV
//! and an SVG line chart (one line per series, years along the x axis).
//!
//! The SVG is built by a small typed writer: every text that comes from the index or the
//! config (theme label, municipality names) goes through the XML escape.

use std::fmt::Write as _;

use serde::Serialize;

use super::matrix::escape;
use super::number::{self, f32_json};
use super::table::{align_right, new_table};
use super::{Csv, Format, Report, Style};
use crate::themes::trend::{Series, Trend};

/// The trend in every format of `praev trend`.
pub struct TrendReport<'a>(pub &'a Trend);

/// `--format json`: the whole trend.
#[derive(Serialize)]
pub struct TrendJson<'a> {
    theme: &'a str,
    label: &'a str,
    years: &'a [u32],
    series: Vec<SeriesJson<'a>>,
    undated_passages: usize,
}

#[derive(Serialize)]
pub struct SeriesJson<'a> {
    municipality: Option<&'a str>,
    points: Vec<PointJson>,
}

#[derive(Serialize)]
pub struct PointJson {
    year: u32,
    #[serde(serialize_with = "f32_json")]
    strength: f32,
    passages: usize,
}

/// `--format jsonl`: one point of one series per line.
#[derive(Serialize)]
pub struct TrendLineJson<'a> {
    theme: &'a str,
    municipality: Option<&'a str>,
    year: u32,
    #[serde(serialize_with = "f32_json")]
    strength: f32,
    passages: usize,
}

const CSV_HEADER: [&str; 5] = ["theme", "municipality", "year", "strength", "passages"];

/// Strengths are rounded to four decimals in JSON and CSV, as in the matrix.
fn rounded(strength: f32) -> f32 {
    (strength * 10_000.0).round() / 10_000.0
}

impl Report for TrendReport<'_> {
    type Document<'a>
        = TrendJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = TrendLineJson<'a>
    where
        Self: 'a;

    fn document(&self) -> TrendJson<'_> {
        let trend = self.0;
        let series = trend
            .series
            .iter()
            .map(|s| SeriesJson {
                municipality: s.municipality.as_deref(),
                points: s
                    .points
                    .iter()
                    .map(|p| PointJson { year: p.year, strength: rounded(p.strength), passages: p.passages })
                    .collect(),
            })
            .collect();
        TrendJson {
            theme: &trend.theme,
            label: &trend.label,
            years: &trend.years,
            series,
            undated_passages: trend.undated_passages,
        }
    }

    fn lines(&self) -> Vec<TrendLineJson<'_>> {
        let trend = self.0;
        trend
            .series
            .iter()
            .flat_map(|s| {
                s.points.iter().map(move |p| TrendLineJson {
                    theme: &trend.theme,
                    municipality: s.municipality.as_deref(),
                    year: p.year,
                    strength: rounded(p.strength),
                    passages: p.passages,
                })
            })
            .collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for s in &self.0.series {
            for p in &s.points {
                csv.push([
                    self.0.theme.clone(),
                    s.municipality.clone().unwrap_or_default(),
                    p.year.to_string(),
                    number::fixed(f64::from(p.strength), 4),
                    p.passages.to_string(),
                ]);
            }
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        let trend = self.0;
        let undated =
            format!("{} matching passages of undated documents are in no year.\n", trend.undated_passages);
        if trend.years.is_empty() {
            return format!("No dated passage is about the theme {:?}.\n{undated}", trend.label);
        }
        let by_municipality = trend.series.iter().any(|s| s.municipality.is_some());
        let mut header = vec!["year", "strength", "passages"];
        if by_municipality {
            header.insert(0, "municipality");
        }
        let mut table = new_table(style, header);
        for s in &trend.series {
            for p in &s.points {
                let mut row =
                    vec![p.year.to_string(), number::fixed(f64::from(p.strength), 3), p.passages.to_string()];
                if by_municipality {
                    row.insert(0, s.municipality.clone().unwrap_or_default());
                }
                table.add_row(row);
            }
        }
        let first_number = usize::from(by_municipality);
        align_right(&mut table, first_number..first_number + 3);
        format!("theme: {} ({})\n{table}\n{undated}", trend.label, trend.theme)
    }

    fn picture(&self, format: Format) -> Option<String> {
        (format == Format::Svg).then(|| render_svg(self.0))
    }
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 400.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 200.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 48.0;
/// Line colours, one per series in turn (a colour-blind-safe palette).
const PALETTE: [&str; 8] =
    ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

/// The chart area: where a year and a strength are drawn.
struct Plot {
    first_year: u32,
    last_year: u32,
    max_strength: f32,
}

impl Plot {
    fn x(&self, year: u32) -> f64 {
        let span = f64::from((self.last_year - self.first_year).max(1));
        let inner = WIDTH - LEFT - RIGHT;
        if self.first_year == self.last_year {
            return LEFT + inner / 2.0;
        }
        LEFT + inner * f64::from(year - self.first_year) / span
    }

    fn y(&self, strength: f32) -> f64 {
        let inner = HEIGHT - TOP - BOTTOM;
        let share = if self.max_strength > 0.0 { f64::from(strength / self.max_strength) } else { 0.0 };
        HEIGHT - BOTTOM - inner * share.clamp(0.0, 1.0)
    }
}

/// One standalone SVG line chart: title, axes with years and strengths, a polyline with a dot
/// per year for each series, and a legend naming the series.
pub fn render_svg(trend: &Trend) -> String {
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let title = format!("{} – strength per year", trend.label);
    let _ = writeln!(svg, "<title>{}</title>", escape(&title));
    let _ = writeln!(svg, "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>");
    let _ = writeln!(
        svg,
        "<text x=\"{LEFT}\" y=\"28\" font-size=\"16\" font-weight=\"bold\">{}</text>",
        escape(&title)
    );
    let (Some(&first_year), Some(&last_year)) = (trend.years.first(), trend.years.last()) else {
        let _ = writeln!(
            svg,
            "<text x=\"{LEFT}\" y=\"{}\">no dated passage is about the theme</text>",
            HEIGHT / 2.0
        );
        svg.push_str("</svg>\n");
        return svg;
    };
    let max_strength =
        trend.series.iter().flat_map(|s| &s.points).map(|p| p.strength).fold(0.0_f32, f32::max);
    let plot = Plot { first_year, last_year, max_strength };
    push_axes(&mut svg, trend, &plot);
    for (i, series) in trend.series.iter().enumerate() {
        push_series(&mut svg, series, &plot, PALETTE[i % PALETTE.len()]);
        push_legend_entry(&mut svg, series, i, PALETTE[i % PALETTE.len()]);
    }
    svg.push_str("</svg>\n");
    svg
}

fn push_axes(svg: &mut String, trend: &Trend, plot: &Plot) {
    let (bottom, right) = (HEIGHT - BOTTOM, WIDTH - RIGHT);
    let _ = writeln!(
        svg,
        "<line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\" stroke=\"#444444\"/>"
    );
    let _ =
        writeln!(svg, "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\" stroke=\"#444444\"/>");
    // At most about twelve year labels, evenly spaced.
    let step = trend.years.len().div_ceil(12).max(1);
    for year in trend.years.iter().step_by(step) {
        let x = plot.x(*year);
        let _ = writeln!(
            svg,
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>",
            bottom + 18.0
        );
    }
    for tick in 0..=4 {
        let strength = plot.max_strength * tick as f32 / 4.0;
        let y = plot.y(strength);
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{y:.1}\" dy=\"0.35em\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            number::fixed(f64::from(strength), 1)
        );
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#e0e0e0\"/>"
        );
    }
    let _ = writeln!(
        svg,
        "<text transform=\"translate(16,{:.1}) rotate(-90)\" text-anchor=\"middle\">strength</text>",
        (TOP + bottom) / 2.0
    );
}

fn series_name(series: &Series) -> &str {
    series.municipality.as_deref().unwrap_or("all documents")
}

fn push_series(svg: &mut String, series: &Series, plot: &Plot, color: &str) {
    let points: Vec<String> =
        series.points.iter().map(|p| format!("{:.1},{:.1}", plot.x(p.year), plot.y(p.strength))).collect();
    let _ = writeln!(
        svg,
        "<polyline class=\"series\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{}\"/>",
        points.join(" ")
    );
    for p in &series.points {
        let tooltip = format!(
            "{} {}: strength {}, {} passages",
            series_name(series),
            p.year,
            number::fixed(f64::from(p.strength), 2),
            p.passages
        );
        let _ = writeln!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{color}\"><title>{}</title></circle>",
            plot.x(p.year),
            plot.y(p.strength),
            escape(&tooltip)
        );
    }
}

fn push_legend_entry(svg: &mut String, series: &Series, i: usize, color: &str) {
    let x = WIDTH - RIGHT + 16.0;
    let y = TOP + 18.0 * i as f64;
    let _ = writeln!(
        svg,
        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"12\" height=\"4\" fill=\"{color}\"/>\
         <text x=\"{:.1}\" y=\"{y:.1}\" dy=\"0.35em\">{}</text>",
        y - 2.0,
        x + 18.0,
        escape(series_name(series))
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::emit;
    use crate::themes::trend::YearPoint;

    fn trend() -> Trend {
        let points = |values: [(u32, f32, usize); 3]| {
            values.iter().map(|&(year, strength, passages)| YearPoint { year, strength, passages }).collect()
        };
        Trend {
            theme: "fruehe-hilfen".into(),
            label: "Frühe Hilfen".into(),
            years: vec![2019, 2020, 2021],
            series: vec![
                Series {
                    municipality: Some("Stadt <A> & B".into()),
                    points: points([(2019, 1.5, 2), (2020, 0.0, 0), (2021, 3.0, 4)]),
                },
                Series {
                    municipality: Some("Kreis Düren".into()),
                    points: points([(2019, 0.5, 1), (2020, 0.25, 1), (2021, 0.0, 0)]),
                },
            ],
            undated_passages: 7,
        }
    }

    fn emitted(format: Format) -> String {
        let mut out = Vec::new();
        emit(&TrendReport(&trend()), format, &mut out, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_and_jsonl_have_one_row_per_series_and_year() {
        let csv = emitted(Format::Csv);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "theme,municipality,year,strength,passages");
        assert_eq!(lines[1], "fruehe-hilfen,Stadt <A> & B,2019,1.5000,2");
        assert_eq!(lines.len(), 7);
        let jsonl = emitted(Format::Jsonl);
        let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
        assert_eq!(
            first,
            serde_json::json!({"theme": "fruehe-hilfen", "municipality": "Stadt <A> & B", "year": 2019, "strength": 1.5, "passages": 2})
        );
    }

    #[test]
    fn the_svg_escapes_names_and_draws_one_line_per_series() {
        let svg = emitted(Format::Svg);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Stadt &lt;A&gt; &amp; B"), "names are escaped");
        assert!(!svg.contains("<A>"));
        assert_eq!(svg.matches("<polyline class=\"series\"").count(), 2);
        assert_eq!(svg.matches("<circle").count(), 6);
        // The strongest point (3.0) is at the top of the plot, a zero on the x axis.
        assert!(svg.contains(&format!("{:.1},{:.1}", WIDTH - RIGHT, TOP)));
        assert!(svg.contains(&format!("{:.1},{:.1}", (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - BOTTOM)));
    }

    #[test]
    fn the_table_names_the_undated_passages() {
        let table = emitted(Format::Table);
        assert!(table.contains("Kreis Düren"));
        assert!(table.contains("7 matching passages of undated documents"));
    }
}
