//! `praev kwic` (concordance lines) and `praev terms` (distinctive terms).

use std::fmt::Write as _;

use serde::Serialize;

use super::number::{self, f64_json};
use super::table::{align_right, new_table};
use super::{Csv, Report, Style};
use crate::wording::kwic::KwicLine;
use crate::wording::terms::KeyTerm;

pub const KWIC_CSV_HEADER: [&str; 6] = ["file", "passage", "municipality", "left", "match", "right"];

pub const TERMS_CSV_HEADER: [&str; 7] = [
    "term",
    "surface",
    "subset_count",
    "rest_count",
    "subset_per_million",
    "rest_per_million",
    "log_likelihood",
];

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// A concordance line as printed.
#[derive(Serialize)]
pub struct KwicLineJson<'a> {
    file: &'a str,
    passage: u64,
    municipality: Option<&'a str>,
    left: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    right: &'a str,
}

/// `praev kwic`: every occurrence of a word in context.
pub struct KwicReport<'a>(pub &'a [KwicLine]);

impl Report for KwicReport<'_> {
    type Document<'a>
        = Vec<KwicLineJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = KwicLineJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<KwicLineJson<'_>> {
        self.lines()
    }

    fn lines(&self) -> Vec<KwicLineJson<'_>> {
        self.0
            .iter()
            .map(|l| KwicLineJson {
                file: &l.file,
                passage: l.passage,
                municipality: l.municipality.as_deref(),
                left: &l.left,
                matched: &l.matched,
                right: &l.right,
            })
            .collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(KWIC_CSV_HEADER);
        for l in self.0 {
            csv.push([
                l.file.clone(),
                l.passage.to_string(),
                l.municipality.clone().unwrap_or_default(),
                l.left.clone(),
                l.matched.clone(),
                l.right.clone(),
            ]);
        }
        csv
    }

    /// Concordance lines: municipality, file#passage, then the left context right-aligned so
    /// that the matches stand in one column (not a grid: the lines stay one line each).
    fn table(&self, style: Style) -> String {
        let lines = self.0;
        if lines.is_empty() {
            return "No occurrences.\n".into();
        }
        let places: Vec<String> = lines.iter().map(|l| format!("{}#{}", l.file, l.passage)).collect();
        let names: Vec<String> = lines.iter().map(|l| l.municipality.clone().unwrap_or_default()).collect();
        let name_width = column_width(&names, "municipality");
        let place_width = column_width(&places, "passage");
        let left_width = lines.iter().map(|l| l.left.chars().count()).max().unwrap_or(0);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<name_width$}  {:<place_width$}  {:>left_width$}match",
            "municipality", "passage", ""
        );
        for ((line, name), place) in lines.iter().zip(&names).zip(&places) {
            let left = one_line(&line.left);
            let matched =
                if style.color { format!("{BOLD}{}{RESET}", line.matched) } else { line.matched.clone() };
            let pad = left_width.saturating_sub(left.chars().count());
            let _ = writeln!(
                out,
                "{name:<name_width$}  {place:<place_width$}  {}{left}{matched}{}",
                " ".repeat(pad),
                one_line(&line.right)
            );
        }
        out
    }
}

fn column_width(cells: &[String], header: &str) -> usize {
    cells.iter().map(|c| c.chars().count()).chain([header.chars().count()]).max().unwrap_or(0)
}

/// Context is shown on one line: line breaks and tabs become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect()
}

/// A distinctive term as printed.
#[derive(Serialize)]
pub struct KeyTermJson<'a> {
    term: &'a str,
    surface: &'a str,
    subset_count: u64,
    rest_count: u64,
    #[serde(serialize_with = "f64_json")]
    subset_per_million: f64,
    #[serde(serialize_with = "f64_json")]
    rest_per_million: f64,
    #[serde(serialize_with = "f64_json")]
    log_likelihood: f64,
}

impl<'a> From<&'a KeyTerm> for KeyTermJson<'a> {
    fn from(t: &'a KeyTerm) -> Self {
        KeyTermJson {
            term: &t.term,
            surface: &t.surface,
            subset_count: t.subset_count,
            rest_count: t.rest_count,
            subset_per_million: t.subset_per_million,
            rest_per_million: t.rest_per_million,
            log_likelihood: t.log_likelihood,
        }
    }
}

/// `praev terms`: the distinctive terms of a subset.
pub struct TermsReport<'a>(pub &'a [KeyTerm]);

impl Report for TermsReport<'_> {
    type Document<'a>
        = Vec<KeyTermJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = KeyTermJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<KeyTermJson<'_>> {
        self.lines()
    }

    fn lines(&self) -> Vec<KeyTermJson<'_>> {
        self.0.iter().map(KeyTermJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(TERMS_CSV_HEADER);
        for t in self.0 {
            csv.push([
                t.term.clone(),
                t.surface.clone(),
                t.subset_count.to_string(),
                t.rest_count.to_string(),
                number::fixed(t.subset_per_million, 2),
                number::fixed(t.rest_per_million, 2),
                number::fixed(t.log_likelihood, 4),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        if self.0.is_empty() {
            return "No term is over-represented in these passages.\n".into();
        }
        let mut table = new_table(style, vec!["term", "subset", "rest", "G²"]);
        for t in self.0 {
            table.add_row(vec![
                t.surface.clone(),
                t.subset_count.to_string(),
                t.rest_count.to_string(),
                number::fixed(t.log_likelihood, 2),
            ]);
        }
        align_right(&mut table, 1..4);
        format!("{table}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(left: &str, matched: &str, right: &str) -> KwicLine {
        KwicLine {
            file: "a.txt".into(),
            passage: 3,
            municipality: Some("Kreis Düren".into()),
            left: left.into(),
            matched: matched.into(),
            right: right.into(),
        }
    }

    #[test]
    fn matches_stand_in_one_column() {
        let lines = [line("…die ", "Übergänge", " werden"), line("Eine lange Kette der ", "Übergangs", ".")];
        let text = KwicReport(&lines).table(Style::PLAIN);
        let columns: Vec<usize> = text
            .lines()
            .skip(1)
            .map(|l| l.chars().collect::<String>().find('Ü').map(|b| l[..b].chars().count()).unwrap())
            .collect();
        assert_eq!(columns[0], columns[1], "{text}");
        assert!(text.contains("a.txt#3"), "{text}");
    }

    #[test]
    fn kwic_json_names_the_match_field_match() {
        let mut out = Vec::new();
        crate::output::emit(
            &KwicReport(&[line("a ", "b", " c")]),
            crate::output::Format::Json,
            &mut out,
            Style::PLAIN,
        )
        .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value[0]["match"], "b");
        assert!(value[0].get("matched").is_none());
    }
}
