//! Output of `praev kwic` (concordance lines) and `praev terms` (distinctive terms).

use std::io::Write;

use comfy_table::CellAlignment;

use super::{Format, Style};
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

pub fn write_kwic(
    out: &mut dyn Write,
    lines: &[KwicLine],
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_kwic_table(out, lines, style),
        Format::Json => write_json(out, lines),
        Format::Jsonl => write_json_lines(out, lines),
        Format::Csv => write_kwic_csv(out, lines),
    }
}

pub fn write_terms(
    out: &mut dyn Write,
    terms: &[KeyTerm],
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_terms_table(out, terms, style),
        Format::Json => write_json(out, terms),
        Format::Jsonl => write_json_lines(out, terms),
        Format::Csv => write_terms_csv(out, terms),
    }
}

fn write_json<T: serde::Serialize>(out: &mut dyn Write, rows: &[T]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, rows)?;
    writeln!(out)
}

fn write_json_lines<T: serde::Serialize>(out: &mut dyn Write, rows: &[T]) -> std::io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *out, row)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Concordance lines: municipality, file#passage, then the left context right-aligned so
/// that the matches stand in one column.
fn write_kwic_table(out: &mut dyn Write, lines: &[KwicLine], style: Style) -> std::io::Result<()> {
    if lines.is_empty() {
        return writeln!(out, "No occurrences.");
    }
    let places: Vec<String> = lines.iter().map(|l| format!("{}#{}", l.file, l.passage)).collect();
    let names: Vec<String> = lines.iter().map(|l| l.municipality.clone().unwrap_or_default()).collect();
    let name_width = column_width(&names, "municipality");
    let place_width = column_width(&places, "passage");
    let left_width = lines.iter().map(|l| l.left.chars().count()).max().unwrap_or(0);
    writeln!(out, "{:<name_width$}  {:<place_width$}  {:>left_width$}match", "municipality", "passage", "")?;
    for ((line, name), place) in lines.iter().zip(&names).zip(&places) {
        let left = one_line(&line.left);
        let matched =
            if style.color { format!("{BOLD}{}{RESET}", line.matched) } else { line.matched.clone() };
        let pad = left_width.saturating_sub(left.chars().count());
        writeln!(
            out,
            "{name:<name_width$}  {place:<place_width$}  {}{left}{matched}{}",
            " ".repeat(pad),
            one_line(&line.right)
        )?;
    }
    Ok(())
}

fn column_width(cells: &[String], header: &str) -> usize {
    cells.iter().map(|c| c.chars().count()).chain([header.chars().count()]).max().unwrap_or(0)
}

/// Context is shown on one line: line breaks and tabs become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect()
}

fn write_kwic_csv(out: &mut dyn Write, lines: &[KwicLine]) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(KWIC_CSV_HEADER)?;
    for l in lines {
        writer.write_record([
            l.file.clone(),
            l.passage.to_string(),
            l.municipality.clone().unwrap_or_default(),
            l.left.clone(),
            l.matched.clone(),
            l.right.clone(),
        ])?;
    }
    writer.flush()
}

fn write_terms_table(out: &mut dyn Write, terms: &[KeyTerm], style: Style) -> std::io::Result<()> {
    if terms.is_empty() {
        return writeln!(out, "No term is over-represented in these passages.");
    }
    let mut table = super::table::new_table(style, vec!["term", "subset", "rest", "G²"]);
    for t in terms {
        table.add_row(vec![
            t.surface.clone(),
            t.subset_count.to_string(),
            t.rest_count.to_string(),
            format!("{:.2}", t.log_likelihood),
        ]);
    }
    for column in 1..4 {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")
}

fn write_terms_csv(out: &mut dyn Write, terms: &[KeyTerm]) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(TERMS_CSV_HEADER)?;
    for t in terms {
        writer.write_record([
            t.term.clone(),
            t.surface.clone(),
            t.subset_count.to_string(),
            t.rest_count.to_string(),
            format!("{:.2}", t.subset_per_million),
            format!("{:.2}", t.rest_per_million),
            format!("{:.4}", t.log_likelihood),
        ])?;
    }
    writer.flush()
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
        let mut out = Vec::new();
        write_kwic(&mut out, &lines, Format::Table, Style { color: false, width: None }).unwrap();
        let text = String::from_utf8(out).unwrap();
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
        write_kwic(&mut out, &[line("a ", "b", " c")], Format::Json, Style { color: false, width: None })
            .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value[0]["match"], "b");
        assert!(value[0].get("matched").is_none());
    }
}
