//! Search hits: the documented hit contract (JSON object, JSON line, CSV row) and the table of
//! `praev search`. `theme`, `similar` and `quotes` extend the same hit.
//!
//! Fields are only ever added: the document's `title`, `url` and `district` came later and
//! stand last in the JSON object and, after any columns a command adds, last in the CSV row.

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

/// The CSV columns of a hit added later, after the columns of [`HEADER`] and those a command
/// adds, so that no column moves.
pub const ADDED: [&str; 7] = ["title", "url", "district", "quote", "truncated", "reported", "page"];

/// A title in a table cell: at most this many characters.
const TITLE_CHARS: usize = 90;

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
    /// The document's title, where it was published and the Kreis of its municipality.
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub district: Option<&'a str>,
    /// Quote passages: the quoted words alone, and whether the quote runs into the end of a
    /// cut text; null and false otherwise.
    pub quote: Option<&'a str>,
    pub truncated: bool,
    /// Quote passages: a reported statement (indirect speech, a signed text) rather than a
    /// direct quote; false otherwise.
    pub reported: bool,
    /// The page of a PDF the passage is on, from 1; null for formats without pages.
    pub page: Option<u64>,
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
            title: hit.title.as_deref(),
            url: hit.url.as_deref(),
            district: hit.district.as_deref(),
            quote: hit.quote.as_deref(),
            truncated: hit.truncated,
            reported: hit.reported,
            page: hit.page,
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

/// The cells of one hit in the order of [`ADDED`].
pub fn added_record(hit: &Hit) -> [String; 7] {
    let [title, url, district, quote] =
        [&hit.title, &hit.url, &hit.district, &hit.quote].map(|value| value.clone().unwrap_or_default());
    let page = hit.page.map(|p| p.to_string()).unwrap_or_default();
    [title, url, district, quote, hit.truncated.to_string(), hit.reported.to_string(), page]
}

/// The CSV of hits extended by `extra` columns, whose cells `cells` gives per item, then the
/// [`ADDED`] columns.
pub fn hits_csv<T>(
    items: &[T],
    hit: impl Fn(&T) -> &Hit,
    extra: &[&str],
    cells: impl Fn(&T) -> Vec<String>,
) -> Csv {
    let mut csv = Csv::new(HEADER.iter().chain(extra).chain(&ADDED).copied());
    for item in items {
        let mut row = hit_record(hit(item));
        row.extend(cells(item));
        row.extend(added_record(hit(item)));
        csv.rows.push(row);
    }
    csv
}

/// Where a hit is: `file#passage`, and ` p. N` for a passage of a PDF.
pub fn place(hit: &Hit) -> String {
    match hit.page {
        Some(page) => format!("{}#{} p. {page}", hit.file, hit.passage),
        None => format!("{}#{}", hit.file, hit.passage),
    }
}

/// The snippet of a hit for a table cell: the passage around its highlights, on one line.
pub fn snippet(hit: &Hit, color: bool) -> String {
    let ranges: Vec<Range<usize>> = hit.highlights.iter().map(|[s, e]| *s..*e).collect();
    let window = snippet_window(&hit.text, &ranges, SNIPPET_CHARS);
    render_snippet(&hit.text, &ranges, window, color)
}

/// The document's title (when it says more than the file name), the snippet, and
/// `file#passage` (with ` p. N` for a passage of a PDF) on the last line.
pub fn snippet_and_place(hit: &Hit, color: bool) -> String {
    let place = place(hit);
    match shown_title(hit) {
        Some(title) => format!("{title}\n{}\n{place}", snippet(hit, color)),
        None => format!("{}\n{place}", snippet(hit, color)),
    }
}

/// The title as a table shows it: cut to [`TITLE_CHARS`]; None when it tells nothing the row
/// does not: the file name, the municipality (`Kreis Düren` atop a profile page), the start of
/// the section heading, or the passage's own first words.
fn shown_title(hit: &Hit) -> Option<String> {
    let title = hit.title.as_deref()?.trim();
    let name = hit.file.rsplit('/').next().unwrap_or(&hit.file);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let opening = title.trim_end_matches('…').trim_end();
    let repeated = title == stem
        || hit.municipality.as_deref() == Some(title)
        || hit.section.as_deref().is_some_and(|section| section.starts_with(opening))
        || hit.text.starts_with(opening);
    if opening.is_empty() || repeated {
        return None;
    }
    if title.chars().count() <= TITLE_CHARS {
        return Some(title.to_string());
    }
    let cut: String = title.chars().take(TITLE_CHARS - 1).collect();
    Some(format!("{}…", cut.trim_end()))
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

    fn cited(&self) -> Option<&[Hit]> {
        Some(&self.0.hits)
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
            title: Some("Übergänge im Kreis Düren".into()),
            url: Some("https://example.org/dueren".into()),
            district: None,
            quote: None,
            truncated: false,
            reported: false,
            page: None,
        }
    }

    fn render(results: &SearchResults, format: Format) -> String {
        let mut out = Vec::new();
        emit(&SearchReport(results), format, &mut out, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn results(hits: Vec<Hit>) -> SearchResults {
        SearchResults {
            query: "Übergänge".into(),
            total_hits: hits.len(),
            hits,
            note: None,
            feedback_terms: Vec::new(),
        }
    }

    #[test]
    fn json_field_names_are_the_contract() {
        let value: serde_json::Value =
            serde_json::from_str(&render(&results(vec![sample_hit()]), Format::Json)).unwrap();
        assert_eq!(value["query"], "Übergänge");
        assert_eq!(value["total_hits"], 1);
        let hit = &value["hits"][0];
        let keys: Vec<&str> = hit.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 18);
        for key in HEADER.iter().chain(&ADDED) {
            assert!(keys.contains(key), "{key}");
        }
        assert_eq!(hit["title"], "Übergänge im Kreis Düren");
        assert!(hit["district"].is_null());
        assert_eq!(hit["highlights"], serde_json::json!([[13, 22]]));
        assert!(hit["section"].is_null());
        assert!(hit["quote"].is_null(), "a passage that is no quote has no quoted words");
        assert_eq!(hit["truncated"], false);
        assert_eq!(hit["reported"], false, "a passage that is no quote is no reported statement");
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
        let header: Vec<&str> = HEADER.iter().chain(&ADDED).copied().collect();
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), header);
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[7], "0-5;10-12");
        assert_eq!(&row[8], "„Zitat“, mit Komma\nund Zeile");
        assert_eq!((&row[9], &row[10]), ("Dr. Klaus Effing", "Landrat"));
        assert_eq!(
            (&row[11], &row[12], &row[13]),
            ("Übergänge im Kreis Düren", "https://example.org/dueren", "")
        );
    }

    #[test]
    fn table_shows_a_title_that_says_more_than_the_file_name() {
        let titled = snippet_and_place(&sample_hit(), false);
        assert_eq!(titled.lines().next(), Some("Übergänge im Kreis Düren"));
        let untold = ["a", "Strukturierte Übergänge", "Strukturierte …"];
        for title in untold {
            let hit = Hit { title: Some(title.into()), section: Some("Ziele".into()), ..sample_hit() };
            assert_eq!(snippet_and_place(&hit, false), "Strukturierte Übergänge\nsub/a.txt#3", "{title}");
        }
        let repeating = [("Ziele", "Ziele: Kinderschutz"), ("Kreis Düren", "Ziele")];
        for (title, section) in repeating {
            let hit = Hit { title: Some(title.into()), section: Some(section.into()), ..sample_hit() };
            assert_eq!(snippet_and_place(&hit, false).lines().count(), 2, "{title}");
        }
        let long = Hit { title: Some("Wort ".repeat(40)), ..sample_hit() };
        let first = snippet_and_place(&long, false).lines().next().unwrap().to_string();
        assert!(first.ends_with('…') && first.chars().count() <= TITLE_CHARS, "{first}");
    }
}
