//! Output of the theme commands: passages ranked by theme (the hit contract of `search` plus
//! `matched_terms`), municipalities ranked by theme strength, and the list of themes.

use std::io::Write;
use std::ops::Range;

use super::table::new_table;
use serde::Serialize;

use super::json::HitJson;
use super::table::{render_snippet, SNIPPET_CHARS};
use super::{Format, Style};
use crate::query::highlight::snippet_window;
use crate::query::Hit;
use crate::themes::rank::{MunicipalityRanking, ThemeCoverage, ThemeHit, ThemeResults};

/// A theme hit as printed: the fields of a search hit plus `matched_terms`.
#[derive(Serialize)]
struct ThemeHitJson<'a> {
    #[serde(flatten)]
    hit: HitJson<'a>,
    matched_terms: &'a [String],
}

impl<'a> From<&'a ThemeHit> for ThemeHitJson<'a> {
    fn from(hit: &'a ThemeHit) -> Self {
        ThemeHitJson { hit: HitJson::from(&hit.hit), matched_terms: &hit.matched_terms }
    }
}

#[derive(Serialize)]
struct ThemeResultsJson<'a> {
    theme: &'a str,
    label: &'a str,
    total_hits: usize,
    hits: Vec<ThemeHitJson<'a>>,
}

#[derive(Serialize)]
struct MunicipalityJson<'a> {
    municipality: &'a str,
    strength: f32,
    passages: usize,
    best: ThemeHitJson<'a>,
}

#[derive(Serialize)]
struct RankingJson<'a> {
    theme: &'a str,
    label: &'a str,
    municipalities: Vec<MunicipalityJson<'a>>,
}

fn snippet(hit: &Hit, color: bool) -> String {
    let ranges: Vec<Range<usize>> = hit.highlights.iter().map(|[s, e]| *s..*e).collect();
    let window = snippet_window(&hit.text, &ranges, SNIPPET_CHARS);
    format!("{}\n{}#{}", render_snippet(&hit.text, &ranges, window, color), hit.file, hit.passage)
}

/// Passages ranked by a theme.
pub fn write_theme_results(
    out: &mut dyn Write,
    results: &ThemeResults,
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => {
            if results.hits.is_empty() {
                return writeln!(out, "No passage matches the theme {:?}.", results.label);
            }
            let mut table = super::table::new_table(
                style,
                vec!["#", "municipality", "kind", "passage", "theme terms", "score"],
            );
            for (rank, hit) in results.hits.iter().enumerate() {
                table.add_row(vec![
                    (rank + 1).to_string(),
                    hit.hit.municipality.clone().unwrap_or_else(|| "–".into()),
                    hit.hit.kind.clone(),
                    snippet(&hit.hit, style.color),
                    hit.matched_terms.join(", "),
                    format!("{:.2}", hit.hit.score),
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(
                out,
                "{} of {} passages for the theme {:?}",
                results.hits.len(),
                results.total_hits,
                results.label
            )
        }
        Format::Json => {
            let json = ThemeResultsJson {
                theme: &results.theme,
                label: &results.label,
                total_hits: results.total_hits,
                hits: results.hits.iter().map(ThemeHitJson::from).collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for hit in &results.hits {
                serde_json::to_writer(&mut *out, &ThemeHitJson::from(hit))?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut writer = ::csv::Writer::from_writer(out);
            let mut header = super::csv::HEADER.to_vec();
            header.push("matched_terms");
            writer.write_record(header)?;
            for hit in &results.hits {
                let mut row = super::csv::hit_record(&hit.hit);
                row.push(hit.matched_terms.join("; "));
                writer.write_record(row)?;
            }
            writer.flush()
        }
    }
}

/// Municipalities ranked by theme strength.
pub fn write_municipality_ranking(
    out: &mut dyn Write,
    ranking: &MunicipalityRanking,
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    let rows = || {
        ranking.municipalities.iter().map(|m| MunicipalityJson {
            municipality: &m.municipality,
            strength: m.strength,
            passages: m.passages,
            best: ThemeHitJson::from(&m.best),
        })
    };
    match format {
        Format::Table => {
            if ranking.municipalities.is_empty() {
                return writeln!(out, "No municipality writes about the theme {:?}.", ranking.label);
            }
            let mut table = new_table(
                style,
                vec!["#", "municipality", "strength", "passages", "best passage", "theme terms"],
            );
            for (rank, m) in ranking.municipalities.iter().enumerate() {
                table.add_row(vec![
                    (rank + 1).to_string(),
                    m.municipality.clone(),
                    format!("{:.2}", m.strength),
                    m.passages.to_string(),
                    snippet(&m.best.hit, style.color),
                    m.best.matched_terms.join(", "),
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(
                out,
                "strength: mean score of a municipality's best {} passages on the theme {:?}",
                crate::themes::rank::STRENGTH_PASSAGES,
                ranking.label
            )
        }
        Format::Json => {
            let json = RankingJson {
                theme: &ranking.theme,
                label: &ranking.label,
                municipalities: rows().collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for row in rows() {
                serde_json::to_writer(&mut *out, &row)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut writer = ::csv::Writer::from_writer(out);
            writer.write_record([
                "municipality",
                "strength",
                "passages",
                "best_file",
                "best_passage",
                "best_score",
                "matched_terms",
                "best_text",
            ])?;
            for m in &ranking.municipalities {
                writer.write_record([
                    m.municipality.as_str(),
                    &format!("{:.4}", m.strength),
                    &m.passages.to_string(),
                    &m.best.hit.file,
                    &m.best.hit.passage.to_string(),
                    &format!("{:.4}", m.best.hit.score),
                    &m.best.matched_terms.join("; "),
                    &m.best.hit.text,
                ])?;
            }
            writer.flush()
        }
    }
}

/// The themes with how widely they are written about.
pub fn write_coverage(
    out: &mut dyn Write,
    themes: &[ThemeCoverage],
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => {
            let mut table = super::table::new_table(
                style,
                vec!["id", "theme", "passages", "municipalities", "description"],
            );
            for theme in themes {
                table.add_row(vec![
                    theme.id.clone(),
                    theme.label.clone(),
                    theme.passages.to_string(),
                    theme.municipalities.to_string(),
                    theme.description.clone(),
                ]);
            }
            writeln!(out, "{table}")
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, themes)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for theme in themes {
                serde_json::to_writer(&mut *out, theme)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut writer = ::csv::Writer::from_writer(out);
            writer.write_record(["id", "label", "passages", "municipalities", "description"])?;
            for t in themes {
                writer.write_record([
                    t.id.as_str(),
                    &t.label,
                    &t.passages.to_string(),
                    &t.municipalities.to_string(),
                    &t.description,
                ])?;
            }
            writer.flush()
        }
    }
}
