//! Search hits: the documented hit contract (JSON object, JSON line, CSV row) and the table of
//! `praev search`. `theme`, `similar` and `quotes` extend the same hit.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use super::number::{self, f32_json};
use super::table::{new_table, render_snippet, SNIPPET_CHARS};
use super::{Csv, Report, Style};
use crate::query::highlight::snippet_window;
use crate::query::{Hit, SearchResults};

/// The CSV columns of a hit.
pub const HEADER: [&str; 11] = [
    "file",
    "passage",
    "municipality",
    "kind",
    "section",
    "date",
    "score",
    "highlights",
    "text",
    "speaker",
    "role",
];

/// One hit as printed: the field names and their order are the contract.
#[derive(Serialize)]
pub struct HitJson<'a> {
    pub file: &'a str,
    pub passage: u64,
    pub municipality: Option<&'a str>,
    pub kind: &'a str,
    pub section: Option<&'a str>,
    pub date: Option<&'a str>,
    pub text: &'a str,
    pub highlights: &'a [[usize; 2]],
    #[serde(serialize_with = "f32_json")]
    pub score: f32,
    /// Quote passages: who said it, in which office; null otherwise.
    pub speaker: Option<&'a str>,
    pub role: Option<&'a str>,
}

impl<'a> From<&'a Hit> for HitJson<'a> {
    fn from(hit: &'a Hit) -> Self {
        HitJson {
            file: &hit.file,
            passage: hit.passage,
            municipality: hit.municipality.as_deref(),
            kind: &hit.kind,
            section: hit.section.as_deref(),
            date: hit.date.as_deref(),
            text: &hit.text,
            highlights: &hit.highlights,
            score: hit.score,
            speaker: hit.speaker.as_deref(),
            role: hit.role.as_deref(),
        }
    }
}

/// `{"query", "total_hits", "hits"}`: the document of `search` and `quotes`.
#[derive(Serialize)]
pub struct ResultsJson<'a> {
    query: &'a str,
    total_hits: usize,
    hits: Vec<HitJson<'a>>,
}

impl<'a> From<&'a SearchResults> for ResultsJson<'a> {
    fn from(results: &'a SearchResults) -> Self {
        ResultsJson {
            query: &results.query,
            total_hits: results.total_hits,
            hits: results.hits.iter().map(HitJson::from).collect(),
        }
    }
}

/// The cells of one hit, in the order of [`HEADER`].
pub fn hit_record(hit: &Hit) -> Vec<String> {
    let highlights: Vec<String> = hit.highlights.iter().map(|[s, e]| format!("{s}-{e}")).collect();
    vec![
        hit.file.clone(),
        hit.passage.to_string(),
        hit.municipality.clone().unwrap_or_default(),
        hit.kind.clone(),
        hit.section.clone().unwrap_or_default(),
        hit.date.clone().unwrap_or_default(),
        number::fixed(f64::from(hit.score), 4),
        highlights.join(";"),
        hit.text.clone(),
        hit.speaker.clone().unwrap_or_default(),
        hit.role.clone().unwrap_or_default(),
    ]
}

/// The CSV of hits extended by `extra` columns, whose cells `cells` gives per item.
pub fn hits_csv<T>(
    items: &[T],
    hit: impl Fn(&T) -> &Hit,
    extra: &[&str],
    cells: impl Fn(&T) -> Vec<String>,
) -> Csv {
    let mut csv = Csv::new(HEADER.iter().chain(extra).copied());
    for item in items {
        let mut row = hit_record(hit(item));
        row.extend(cells(item));
        csv.rows.push(row);
    }
    csv
}

/// The snippet of a hit for a table cell: the passage around its highlights, on one line.
pub fn snippet(hit: &Hit, color: bool) -> String {
    let ranges: Vec<Range<usize>> = hit.highlights.iter().map(|[s, e]| *s..*e).collect();
    let window = snippet_window(&hit.text, &ranges, SNIPPET_CHARS);
    render_snippet(&hit.text, &ranges, window, color)
}

/// The snippet with `file#passage` on the next line.
pub fn snippet_and_place(hit: &Hit, color: bool) -> String {
    format!("{}\n{}#{}", snippet(hit, color), hit.file, hit.passage)
}

/// `praev search`: ranked passages.
pub struct SearchReport<'a>(pub &'a SearchResults);

impl Report for SearchReport<'_> {
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

    fn table(&self, style: Style) -> String {
        let results = self.0;
        if results.hits.is_empty() {
            return format!("No hits for {:?}.\n", results.query);
        }
        let mut table = new_table(style, vec!["#", "municipality", "kind", "section", "passage", "score"]);
        for (rank, hit) in results.hits.iter().enumerate() {
            table.add_row(vec![
                (rank + 1).to_string(),
                hit.municipality.clone().unwrap_or_else(|| "–".into()),
                hit.kind.clone(),
                hit.section.clone().unwrap_or_default(),
                snippet_and_place(hit, style.color),
                number::fixed(f64::from(hit.score), 2),
            ]);
        }
        let mut out = format!("{table}\n");
        let _ =
            writeln!(out, "{} of {} hits for {:?}", results.hits.len(), results.total_hits, results.query);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{emit, Format};

    fn sample_hit() -> Hit {
        Hit {
            file: "sub/a.txt".into(),
            passage: 3,
            municipality: Some("Kreis Düren".into()),
            kind: "profile".into(),
            section: None,
            date: None,
            text: "Strukturierte Übergänge".into(),
            highlights: vec![[13, 22]],
            score: 1.5,
            speaker: None,
            role: None,
        }
    }

    fn render(results: &SearchResults, format: Format) -> String {
        let mut out = Vec::new();
        emit(&SearchReport(results), format, &mut out, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn results(hits: Vec<Hit>) -> SearchResults {
        SearchResults { query: "Übergänge".into(), total_hits: hits.len(), hits, note: None }
    }

    #[test]
    fn json_field_names_are_the_contract() {
        let value: serde_json::Value =
            serde_json::from_str(&render(&results(vec![sample_hit()]), Format::Json)).unwrap();
        assert_eq!(value["query"], "Übergänge");
        assert_eq!(value["total_hits"], 1);
        let hit = &value["hits"][0];
        let keys: Vec<&str> = hit.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 11);
        for key in HEADER {
            assert!(keys.contains(&key), "{key}");
        }
        assert_eq!(hit["highlights"], serde_json::json!([[13, 22]]));
        assert!(hit["section"].is_null());
    }

    #[test]
    fn jsonl_prints_one_object_per_line() {
        let text = render(&results(vec![sample_hit(), sample_hit()]), Format::Jsonl);
        assert_eq!(text.lines().count(), 2);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["file"], "sub/a.txt");
        }
    }

    #[test]
    fn csv_header_and_quoted_rows() {
        let hit = Hit {
            text: "„Zitat“, mit Komma\nund Zeile".into(),
            highlights: vec![[0, 5], [10, 12]],
            speaker: Some("Dr. Klaus Effing".into()),
            role: Some("Landrat".into()),
            ..sample_hit()
        };
        let csv = render(&results(vec![hit]), Format::Csv);
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), HEADER.to_vec());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[7], "0-5;10-12");
        assert_eq!(&row[8], "„Zitat“, mit Komma\nund Zeile");
        assert_eq!((&row[9], &row[10]), ("Dr. Klaus Effing", "Landrat"));
    }
}
