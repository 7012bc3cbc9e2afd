//! Output of `praev quotes`: the hit contract of `search` (whose hits carry `speaker` and
//! `role`), and a table that shows who said what.

use std::io::Write;
use std::ops::Range;

use super::table::{render_snippet, SNIPPET_CHARS};
use super::{Format, Style};
use crate::query::highlight::snippet_window;
use crate::query::SearchResults;

pub fn write_quotes(
    out: &mut dyn Write,
    results: &SearchResults,
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_table(out, results, style),
        Format::Json => super::json::write_results(out, results),
        Format::Jsonl => super::json::write_hits_lines(out, &results.hits),
        Format::Csv => super::csv::write_hits(out, &results.hits),
    }
}

fn write_table(out: &mut dyn Write, results: &SearchResults, style: Style) -> std::io::Result<()> {
    if results.hits.is_empty() {
        return writeln!(out, "No quotes found.");
    }
    let mut table =
        super::table::new_table(style, vec!["#", "municipality", "speaker", "role", "date", "quote"]);
    for (rank, hit) in results.hits.iter().enumerate() {
        let ranges: Vec<Range<usize>> = hit.highlights.iter().map(|[s, e]| *s..*e).collect();
        let window = snippet_window(&hit.text, &ranges, SNIPPET_CHARS);
        let quote = render_snippet(&hit.text, &ranges, window, style.color);
        table.add_row(vec![
            (rank + 1).to_string(),
            hit.municipality.clone().unwrap_or_else(|| "–".into()),
            hit.speaker.clone().unwrap_or_else(|| "–".into()),
            hit.role.clone().unwrap_or_else(|| "–".into()),
            hit.date.clone().unwrap_or_default(),
            format!("„{quote}“\n{}#{}", hit.file, hit.passage),
        ]);
    }
    writeln!(out, "{table}")?;
    let what = if results.query.is_empty() { String::new() } else { format!(" for {:?}", results.query) };
    writeln!(out, "{} of {} quotes{what}", results.hits.len(), results.total_hits)
}
