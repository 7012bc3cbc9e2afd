//! `praev batch`: the answers to a file of queries, one row per (query, rank).
//!
//! A row is the hit of `praev search` (same field names, same meaning: see [`super::hits`])
//! led by the query it answers: `qid`, `query`, `command` and `rank`. CSV and JSON lines are
//! written query by query as the answers come ([`csv_header`], [`csv_rows`], [`json_rows`]),
//! so a long list needs no more memory than one answer; the JSON document and the table hold
//! them all ([`BatchReport`]).

use std::fmt::Write as _;

use serde::Serialize;

use super::hits::{added_record, hit_record, HitJson, SearchReport, ADDED, HEADER};
use super::quotes::QuotesReport;
use super::{Csv, Report, Style};
use crate::query::SearchResults;

/// The columns that lead every row, before the hit's.
pub const LEADING: [&str; 4] = ["qid", "query", "command", "rank"];

/// One query of the file and its answer.
#[derive(Debug, Clone)]
pub struct BatchAnswer {
    pub qid: String,
    /// The query as the file gives it (empty for a `quotes` row without one).
    pub query: String,
    /// `search`, `theme` or `quotes`.
    pub command: &'static str,
    pub results: SearchResults,
}

/// One (query, rank) row: the query's columns, then the hit's fields.
#[derive(Serialize)]
pub struct BatchRowJson<'a> {
    qid: &'a str,
    query: &'a str,
    command: &'a str,
    /// The hit's rank in the query's answer, from 1.
    rank: usize,
    #[serde(flatten)]
    hit: HitJson<'a>,
}

/// One query in the JSON document: its columns, how many passages matched, and its hits.
#[derive(Serialize)]
pub struct QueryJson<'a> {
    qid: &'a str,
    query: &'a str,
    command: &'a str,
    total_hits: usize,
    hits: Vec<HitJson<'a>>,
}

/// `{"queries": [...]}`: the JSON document of `praev batch`.
#[derive(Serialize)]
pub struct BatchJson<'a> {
    queries: Vec<QueryJson<'a>>,
}

/// The CSV header: [`LEADING`], then the hit's columns ([`HEADER`], [`ADDED`]).
pub fn csv_header() -> Vec<&'static str> {
    LEADING.iter().chain(&HEADER).chain(&ADDED).copied().collect()
}

/// The CSV rows of one answer, in the order of [`csv_header`].
pub fn csv_rows(answer: &BatchAnswer) -> Vec<Vec<String>> {
    let leading =
        |rank: usize| [answer.qid.clone(), answer.query.clone(), answer.command.into(), rank.to_string()];
    answer
        .results
        .hits
        .iter()
        .enumerate()
        .map(|(i, hit)| leading(i + 1).into_iter().chain(hit_record(hit)).chain(added_record(hit)).collect())
        .collect()
}

/// The JSON lines of one answer.
pub fn json_rows(answer: &BatchAnswer) -> Vec<BatchRowJson<'_>> {
    answer
        .results
        .hits
        .iter()
        .enumerate()
        .map(|(i, hit)| BatchRowJson {
            qid: &answer.qid,
            query: &answer.query,
            command: answer.command,
            rank: i + 1,
            hit: HitJson::from(hit),
        })
        .collect()
}

/// All answers, for the JSON document and the table.
pub struct BatchReport<'a>(pub &'a [BatchAnswer]);

impl Report for BatchReport<'_> {
    type Document<'a>
        = BatchJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = BatchRowJson<'a>
    where
        Self: 'a;

    fn document(&self) -> BatchJson<'_> {
        let queries = self
            .0
            .iter()
            .map(|a| QueryJson {
                qid: &a.qid,
                query: &a.query,
                command: a.command,
                total_hits: a.results.total_hits,
                hits: a.results.hits.iter().map(HitJson::from).collect(),
            })
            .collect();
        BatchJson { queries }
    }

    fn lines(&self) -> Vec<BatchRowJson<'_>> {
        self.0.iter().flat_map(json_rows).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(csv_header());
        for answer in self.0 {
            csv.rows.extend(csv_rows(answer));
        }
        csv
    }

    /// Each query under a heading line `qid: query (command)`, then its table as its command
    /// draws it.
    fn table(&self, style: Style) -> String {
        let mut out = String::new();
        for answer in self.0 {
            let _ = writeln!(out, "{}: {} ({})", answer.qid, answer.query, answer.command);
            let table = match answer.command {
                "quotes" => QuotesReport(&answer.results).table(style),
                _ => SearchReport(&answer.results).table(style),
            };
            out.push_str(&table);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{emit, Format};
    use crate::query::Hit;

    fn answer(hits: usize) -> BatchAnswer {
        let hit = Hit {
            file: "a.txt".into(),
            passage: 2,
            municipality: Some("Kreis Düren".into()),
            kind: "profile".into(),
            section: None,
            date: Some("2017-05".into()),
            text: "Frühe Hilfen, \"vor Ort\"".into(),
            highlights: vec![[0, 5]],
            score: 2.5,
            speaker: None,
            role: None,
            title: None,
            url: None,
            district: None,
            quote: None,
            truncated: false,
            reported: false,
            page: Some(4),
        };
        BatchAnswer {
            qid: "q1".into(),
            query: "\"Frühe Hilfen\"".into(),
            command: "search",
            results: SearchResults {
                query: "\"Frühe Hilfen\"".into(),
                total_hits: hits,
                hits: vec![hit; hits],
                note: None,
                feedback_terms: Vec::new(),
            },
        }
    }

    #[test]
    fn a_row_is_the_query_then_the_hit_with_its_field_names() {
        let answer = answer(2);
        let rows = json_rows(&answer);
        let text = serde_json::to_string(&rows[1]).unwrap();
        let hit_text = serde_json::to_string(&HitJson::from(&answer.results.hits[0])).unwrap();
        let hit_value: serde_json::Value = serde_json::from_str(&hit_text).unwrap();
        let mut expected: Vec<String> = LEADING.iter().map(|k| k.to_string()).collect();
        let mut hit_keys: Vec<&String> = hit_value.as_object().unwrap().keys().collect();
        hit_keys.sort_by_key(|k| hit_text.find(&format!("\"{k}\":")));
        expected.extend(hit_keys.into_iter().cloned());
        assert_eq!(
            keys_in_order(&text),
            expected,
            "a batch row is the query's columns, then the hit's fields in order"
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!((value["qid"].as_str(), value["rank"].as_u64()), (Some("q1"), Some(2)));
        assert_eq!(value["score"], 2.5);
        assert_eq!(value["page"], 4);
    }

    /// The keys of a flat JSON object in the order written (serde_json's Value sorts them).
    fn keys_in_order(text: &str) -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort_by_key(|k| text.find(&format!("\"{k}\":")));
        keys
    }

    #[test]
    fn csv_rows_line_up_with_the_header() {
        let answer = answer(1);
        let mut out = Vec::new();
        emit(&BatchReport(std::slice::from_ref(&answer)), Format::Csv, &mut out, Style::PLAIN).unwrap();
        let mut reader = ::csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, csv_header());
        let row = reader.records().next().unwrap().unwrap();
        let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
        assert_eq!(cell("query"), "\"Frühe Hilfen\"");
        assert_eq!(cell("rank"), "1");
        assert_eq!(cell("text"), "Frühe Hilfen, \"vor Ort\"");
        assert_eq!(cell("score"), "2.5000");
        assert_eq!(cell("page"), "4");
    }

    #[test]
    fn the_document_lists_every_query_even_without_hits() {
        let answers = [answer(1), BatchAnswer { qid: "q2".into(), ..answer(0) }];
        let mut out = Vec::new();
        emit(&BatchReport(&answers), Format::Json, &mut out, Style::PLAIN).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["queries"][1]["qid"], "q2");
        assert_eq!(value["queries"][1]["total_hits"], 0);
        assert_eq!(value["queries"][1]["hits"].as_array().map(Vec::len), Some(0));
    }
}
