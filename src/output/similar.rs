//! Output of `praev similar`: the hit contract of `search` plus `similarity` and
//! `shared_terms`.

use std::io::Write;
use std::ops::Range;

use serde::Serialize;

use super::json::HitJson;
use super::table::{render_snippet, SNIPPET_CHARS};
use super::{Format, Style};
use crate::query::highlight::snippet_window;
use crate::wording::similar::{SimilarHit, SimilarResults};

#[derive(Serialize)]
struct SimilarHitJson<'a> {
    #[serde(flatten)]
    hit: HitJson<'a>,
    similarity: f32,
    shared_terms: &'a [String],
}

impl<'a> From<&'a SimilarHit> for SimilarHitJson<'a> {
    fn from(hit: &'a SimilarHit) -> Self {
        SimilarHitJson {
            hit: HitJson::from(&hit.hit),
            similarity: hit.similarity,
            shared_terms: &hit.shared_terms,
        }
    }
}

#[derive(Serialize)]
struct ResultsJson<'a> {
    source_municipality: Option<&'a str>,
    hits: Vec<SimilarHitJson<'a>>,
}

pub fn write_similar(
    out: &mut dyn Write,
    results: &SimilarResults,
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_table(out, results, style),
        Format::Json => {
            let json = ResultsJson {
                source_municipality: results.source_municipality.as_deref(),
                hits: results.hits.iter().map(SimilarHitJson::from).collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for hit in &results.hits {
                serde_json::to_writer(&mut *out, &SimilarHitJson::from(hit))?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut writer = ::csv::Writer::from_writer(out);
            let mut header = super::csv::HEADER.to_vec();
            header.extend(["similarity", "shared_terms"]);
            writer.write_record(header)?;
            for hit in &results.hits {
                let mut row = super::csv::hit_record(&hit.hit);
                row.push(format!("{:.4}", hit.similarity));
                row.push(hit.shared_terms.join("; "));
                writer.write_record(row)?;
            }
            writer.flush()
        }
    }
}

fn write_table(out: &mut dyn Write, results: &SimilarResults, style: Style) -> std::io::Result<()> {
    if results.hits.is_empty() {
        return writeln!(out, "No similar passage found.");
    }
    let mut table =
        super::table::new_table(style, vec!["#", "municipality", "similarity", "passage", "shared words"]);
    for (rank, hit) in results.hits.iter().enumerate() {
        let ranges: Vec<Range<usize>> = hit.hit.highlights.iter().map(|[s, e]| *s..*e).collect();
        let window = snippet_window(&hit.hit.text, &ranges, SNIPPET_CHARS);
        table.add_row(vec![
            (rank + 1).to_string(),
            hit.hit.municipality.clone().unwrap_or_else(|| "–".into()),
            format!("{:.2}", hit.similarity),
            format!(
                "{}\n{}#{}",
                render_snippet(&hit.hit.text, &ranges, window, style.color),
                hit.hit.file,
                hit.hit.passage
            ),
            hit.shared_terms.iter().take(8).cloned().collect::<Vec<_>>().join(", "),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out, "similarity: cosine of the analysed words (tf-idf), 0 to 1")
}
