//! `praev quotes`: the hit contract of `search` (whose hits carry `speaker` and `role`), and a
//! table that shows who said what.

use std::fmt::Write as _;

use super::hits::{hits_csv, snippet, HitJson, ResultsJson};
use super::table::new_table;
use super::{Csv, Report, Style};
use crate::query::{Hit, SearchResults};

/// What precedes a reported statement in the table: it is not the person's own wording.
const REPORTED_MARK: &str = "(reported) ";

fn form_mark(hit: &Hit) -> &'static str {
    if hit.reported {
        REPORTED_MARK
    } else {
        ""
    }
}

/// Quotes, ranked by relevance or listed by municipality.
pub struct QuotesReport<'a>(pub &'a SearchResults);

impl Report for QuotesReport<'_> {
    type Document<'a>
        = ResultsJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = HitJson<'a>
    where
        Self: 'a;

    fn document(&self) -> ResultsJson<'_> {
        ResultsJson::from(self.0)
    }

    fn lines(&self) -> Vec<HitJson<'_>> {
        self.0.hits.iter().map(HitJson::from).collect()
    }

    fn csv(&self) -> Csv {
        hits_csv(&self.0.hits, |h| h, &[], |_| Vec::new())
    }

    fn cited(&self) -> Option<&[Hit]> {
        Some(&self.0.hits)
    }

    fn table(&self, style: Style) -> String {
        let results = self.0;
        if results.hits.is_empty() {
            return "No quotes found.\n".into();
        }
        let mut table = new_table(style, vec!["#", "municipality", "speaker", "role", "date", "quote"]);
        for (rank, hit) in results.hits.iter().enumerate() {
            table.add_row(vec![
                (rank + 1).to_string(),
                hit.municipality.clone().unwrap_or_else(|| "–".into()),
                hit.speaker.clone().unwrap_or_else(|| "–".into()),
                hit.role.clone().unwrap_or_else(|| "–".into()),
                hit.date.clone().unwrap_or_default(),
                format!("{}{}\n{}", form_mark(hit), snippet(hit, style.color), super::hits::place(hit)),
            ]);
        }
        let mut out = format!("{table}\n");
        let what = if results.query.is_empty() { String::new() } else { format!(" for {:?}", results.query) };
        let _ = writeln!(out, "{} of {} quotes{what}", results.hits.len(), results.total_hits);
        out
    }
}
