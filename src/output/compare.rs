//! `praev compare`: sections for themes, distinctive words, similar passages and shared word
//! sequences. JSON is the whole comparison (JSON lines: the same document on one line, as the
//! sections have no common row), CSV one row per item of a section.

use std::fmt::Write as _;

use serde::Serialize;

use super::duplicates::SequenceJson;
use super::number::{self, f32_json};
use super::table::new_table;
use super::wording::KeyTermJson;
use super::{Csv, Report, Style};
use crate::wording::compare::{Comparison, PassagePair, PassageRef, Side, ThemeStrengths};

pub const CSV_HEADER: [&str; 5] = ["section", "name", "a", "b", "detail"];

#[derive(Serialize)]
pub struct SideJson<'a> {
    name: &'a str,
    kind: &'a str,
    files: &'a [String],
}

impl<'a> From<&'a Side> for SideJson<'a> {
    fn from(side: &'a Side) -> Self {
        SideJson { name: &side.name, kind: side.kind, files: &side.files }
    }
}

#[derive(Serialize)]
pub struct ThemeRowJson<'a> {
    theme: &'a str,
    label: &'a str,
    #[serde(serialize_with = "f32_json")]
    a: f32,
    #[serde(serialize_with = "f32_json")]
    b: f32,
}

impl<'a> From<&'a ThemeStrengths> for ThemeRowJson<'a> {
    fn from(row: &'a ThemeStrengths) -> Self {
        ThemeRowJson { theme: &row.theme, label: &row.label, a: row.a, b: row.b }
    }
}

#[derive(Serialize)]
pub struct PassageJson<'a> {
    file: &'a str,
    passage: u64,
    text: &'a str,
}

impl<'a> From<&'a PassageRef> for PassageJson<'a> {
    fn from(p: &'a PassageRef) -> Self {
        PassageJson { file: &p.file, passage: p.passage, text: &p.text }
    }
}

#[derive(Serialize)]
pub struct PairJson<'a> {
    a: PassageJson<'a>,
    b: PassageJson<'a>,
    #[serde(serialize_with = "f32_json")]
    similarity: f32,
}

impl<'a> From<&'a PassagePair> for PairJson<'a> {
    fn from(pair: &'a PassagePair) -> Self {
        PairJson { a: PassageJson::from(&pair.a), b: PassageJson::from(&pair.b), similarity: pair.similarity }
    }
}

/// The comparison as printed.
#[derive(Serialize)]
pub struct ComparisonJson<'a> {
    a: SideJson<'a>,
    b: SideJson<'a>,
    themes: Vec<ThemeRowJson<'a>>,
    distinctive_a: Vec<KeyTermJson<'a>>,
    distinctive_b: Vec<KeyTermJson<'a>>,
    similar_passages: Vec<PairJson<'a>>,
    shared_sequences: Vec<SequenceJson<'a>>,
}

/// Two sides compared.
pub struct CompareReport<'a>(pub &'a Comparison);

impl Report for CompareReport<'_> {
    type Document<'a>
        = ComparisonJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = ComparisonJson<'a>
    where
        Self: 'a;

    fn document(&self) -> ComparisonJson<'_> {
        let c = self.0;
        ComparisonJson {
            a: SideJson::from(&c.a),
            b: SideJson::from(&c.b),
            themes: c.themes.iter().map(ThemeRowJson::from).collect(),
            distinctive_a: c.distinctive_a.iter().map(KeyTermJson::from).collect(),
            distinctive_b: c.distinctive_b.iter().map(KeyTermJson::from).collect(),
            similar_passages: c.similar_passages.iter().map(PairJson::from).collect(),
            shared_sequences: c.shared_sequences.iter().map(SequenceJson::from).collect(),
        }
    }

    fn lines(&self) -> Vec<ComparisonJson<'_>> {
        vec![self.document()]
    }

    fn csv(&self) -> Csv {
        csv(self.0)
    }

    fn table(&self, style: Style) -> String {
        tables(self.0, style)
    }
}

fn tables(c: &Comparison, style: Style) -> String {
    let mut out = String::new();
    let (a, b) = (&c.a.name, &c.b.name);
    let _ = writeln!(out, "{a} ({} documents) vs {b} ({} documents)\n", c.a.files.len(), c.b.files.len());
    let mut themes = new_table(style, vec!["theme".to_string(), a.clone(), b.clone()]);
    for row in c.themes.iter().filter(|r| r.a > 0.0 || r.b > 0.0) {
        themes.add_row(vec![
            row.label.clone(),
            number::fixed(f64::from(row.a), 2),
            number::fixed(f64::from(row.b), 2),
        ]);
    }
    let _ = writeln!(out, "Theme strength\n{themes}\n");
    let mut words = new_table(style, vec![format!("more in {a}"), format!("more in {b}")]);
    let rows = c.distinctive_a.len().max(c.distinctive_b.len()).min(15);
    for i in 0..rows {
        let cell = |list: &[crate::wording::terms::KeyTerm]| {
            list.get(i)
                .map(|t| format!("{} ({}:{})", t.surface, t.subset_count, t.rest_count))
                .unwrap_or_default()
        };
        words.add_row(vec![cell(&c.distinctive_a), cell(&c.distinctive_b)]);
    }
    let _ = writeln!(out, "Distinctive words (count here:there)\n{words}\n");
    let mut pairs = new_table(style, vec!["similarity".to_string(), a.clone(), b.clone()]);
    for pair in &c.similar_passages {
        pairs.add_row(vec![
            number::fixed(f64::from(pair.similarity), 2),
            format!("{}\n{}#{}", cut(&pair.a.text, 200), pair.a.file, pair.a.passage),
            format!("{}\n{}#{}", cut(&pair.b.text, 200), pair.b.file, pair.b.passage),
        ]);
    }
    let _ = writeln!(out, "Most similar passages\n{pairs}\n");
    if c.shared_sequences.is_empty() {
        out.push_str("Shared word sequences: none of five or more words.\n");
        return out;
    }
    let mut shared = new_table(style, vec!["words", "text"]);
    for sequence in &c.shared_sequences {
        shared.add_row(vec![sequence.words.to_string(), sequence.text.clone()]);
    }
    let _ = writeln!(out, "Shared word sequences\n{shared}");
    out
}

fn cut(text: &str, chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= chars {
        return flat;
    }
    format!("{}…", flat.chars().take(chars).collect::<String>())
}

fn csv(c: &Comparison) -> Csv {
    let mut csv = Csv::new(CSV_HEADER);
    for row in &c.themes {
        csv.push([
            "theme".to_string(),
            row.theme.clone(),
            number::fixed(f64::from(row.a), 4),
            number::fixed(f64::from(row.b), 4),
            row.label.clone(),
        ]);
    }
    for (section, list) in [("distinctive_a", &c.distinctive_a), ("distinctive_b", &c.distinctive_b)] {
        for t in list {
            csv.push([
                section.to_string(),
                t.surface.clone(),
                t.subset_count.to_string(),
                t.rest_count.to_string(),
                number::fixed(t.log_likelihood, 4),
            ]);
        }
    }
    for pair in &c.similar_passages {
        let name = format!("{}#{} ~ {}#{}", pair.a.file, pair.a.passage, pair.b.file, pair.b.passage);
        csv.push([
            "similar".to_string(),
            name,
            pair.a.text.clone(),
            pair.b.text.clone(),
            number::fixed(f64::from(pair.similarity), 4),
        ]);
    }
    for sequence in &c.shared_sequences {
        let files = |side: &[String]| {
            sequence
                .occurrences
                .iter()
                .filter(|o| side.contains(&o.file))
                .map(|o| format!("{}#{}", o.file, o.passage))
                .collect::<Vec<_>>()
                .join("; ")
        };
        csv.push([
            "shared".to_string(),
            sequence.words.to_string(),
            files(&c.a.files),
            files(&c.b.files),
            sequence.text.clone(),
        ]);
    }
    csv
}
