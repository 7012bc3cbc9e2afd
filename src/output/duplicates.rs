//! `praev duplicates`: groups of shared word sequences as a table, a JSON list of groups (one
//! group per JSON line), or CSV with one row per occurrence (so a spreadsheet can filter by file
//! or municipality).

use std::fmt::Write as _;

use serde::Serialize;

use super::table::new_table;
use super::{Csv, Report, Style};
use crate::wording::duplicates::{Duplicates, Occurrence, SharedSequence};

pub const CSV_HEADER: [&str; 6] = ["group", "text", "words", "file", "passage", "municipality"];

/// Columns taken by everything but the text column (borders, #, words, documents, municipalities).
const OTHER_COLUMNS: usize = 60;

/// Where a shared sequence occurs, as printed.
#[derive(Serialize)]
pub struct OccurrenceJson<'a> {
    file: &'a str,
    passage: u64,
    municipality: Option<&'a str>,
}

/// A shared word sequence as printed (also in `compare`'s `shared_sequences`).
#[derive(Serialize)]
pub struct SequenceJson<'a> {
    text: &'a str,
    words: usize,
    documents: usize,
    municipalities: &'a [String],
    occurrences: Vec<OccurrenceJson<'a>>,
}

impl<'a> From<&'a SharedSequence> for SequenceJson<'a> {
    fn from(s: &'a SharedSequence) -> Self {
        SequenceJson {
            text: &s.text,
            words: s.words,
            documents: s.documents,
            municipalities: &s.municipalities,
            occurrences: s.occurrences.iter().map(OccurrenceJson::from).collect(),
        }
    }
}

impl<'a> From<&'a Occurrence> for OccurrenceJson<'a> {
    fn from(o: &'a Occurrence) -> Self {
        OccurrenceJson { file: &o.file, passage: o.passage, municipality: o.municipality.as_deref() }
    }
}

/// The groups `praev duplicates` found.
pub struct DuplicatesReport<'a>(pub &'a Duplicates);

impl Report for DuplicatesReport<'_> {
    type Document<'a>
        = Vec<SequenceJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = SequenceJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<SequenceJson<'_>> {
        self.lines()
    }

    fn lines(&self) -> Vec<SequenceJson<'_>> {
        self.0.groups.iter().map(SequenceJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for (n, group) in self.0.groups.iter().enumerate() {
            for o in &group.occurrences {
                csv.push([
                    (n + 1).to_string(),
                    group.text.clone(),
                    group.words.to_string(),
                    o.file.clone(),
                    o.passage.to_string(),
                    o.municipality.clone().unwrap_or_default(),
                ]);
            }
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        let duplicates = self.0;
        if duplicates.groups.is_empty() {
            return "No shared word sequences found.\n".into();
        }
        let text_chars = usize::from(style.width).saturating_sub(OTHER_COLUMNS).max(20);
        let mut table = new_table(style, vec!["#", "words", "documents", "municipalities", "text"]);
        for (n, group) in duplicates.groups.iter().enumerate() {
            table.add_row(vec![
                (n + 1).to_string(),
                group.words.to_string(),
                group.documents.to_string(),
                municipalities(group),
                cut(&group.text, text_chars),
            ]);
        }
        let mut out = format!("{table}\n");
        let _ = writeln!(out, "{} of {} groups", duplicates.groups.len(), duplicates.total_groups);
        out
    }
}

fn municipalities(group: &SharedSequence) -> String {
    if group.municipalities.is_empty() {
        "–".into()
    } else {
        group.municipalities.join(", ")
    }
}

/// The text on one line, at most `max` characters, with an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_one_line_with_an_ellipsis() {
        assert_eq!(cut("eins\nzwei  drei", 40), "eins zwei drei");
        assert_eq!(cut("eins zwei drei", 6), "eins …");
    }
}
