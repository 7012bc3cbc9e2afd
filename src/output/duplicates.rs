//! Output of `praev duplicates`: groups of shared word sequences as a table, one JSON list, or
//! CSV with one row per occurrence (so a spreadsheet can filter by file or municipality).

use std::io::Write;

use clap::ValueEnum;

use super::table::PIPED_WIDTH;
use super::Style;
use crate::wording::duplicates::{Duplicates, SharedSequence};

/// The formats of `praev duplicates`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DuplicatesFormat {
    /// A table for reading in a terminal.
    Table,
    /// One JSON list of groups: [{text, words, documents, municipalities, occurrences}].
    Json,
    /// One row per occurrence: group,text,words,file,passage,municipality.
    Csv,
}

pub const CSV_HEADER: [&str; 6] = ["group", "text", "words", "file", "passage", "municipality"];

/// Columns taken by everything but the text column (borders, #, words, documents, municipalities).
const OTHER_COLUMNS: usize = 60;

pub fn write_duplicates(
    out: &mut dyn Write,
    duplicates: &Duplicates,
    format: DuplicatesFormat,
    style: Style,
) -> std::io::Result<()> {
    match format {
        DuplicatesFormat::Table => write_table(out, duplicates, style),
        DuplicatesFormat::Json => write_json(out, &duplicates.groups),
        DuplicatesFormat::Csv => write_csv(out, &duplicates.groups),
    }
}

fn write_json(out: &mut dyn Write, groups: &[SharedSequence]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, groups)?;
    writeln!(out)
}

fn write_csv(out: &mut dyn Write, groups: &[SharedSequence]) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for (n, group) in groups.iter().enumerate() {
        for o in &group.occurrences {
            writer.write_record([
                (n + 1).to_string(),
                group.text.clone(),
                group.words.to_string(),
                o.file.clone(),
                o.passage.to_string(),
                o.municipality.clone().unwrap_or_default(),
            ])?;
        }
    }
    writer.flush()
}

fn write_table(out: &mut dyn Write, duplicates: &Duplicates, style: Style) -> std::io::Result<()> {
    if duplicates.groups.is_empty() {
        return writeln!(out, "No shared word sequences found.");
    }
    let width = style.width.unwrap_or(PIPED_WIDTH);
    let text_chars = (width as usize).saturating_sub(OTHER_COLUMNS).max(20);
    let mut table = super::table::new_table(style, vec!["#", "words", "documents", "municipalities", "text"]);
    table.set_width(width);
    for (n, group) in duplicates.groups.iter().enumerate() {
        table.add_row(vec![
            (n + 1).to_string(),
            group.words.to_string(),
            group.documents.to_string(),
            municipalities(group),
            cut(&group.text, text_chars),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{} of {} groups", duplicates.groups.len(), duplicates.total_groups)
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
