//! Output of `praev compare`: sections for themes, distinctive words, similar passages and
//! shared word sequences; JSON is the comparison itself, CSV one row per item of a section.

use std::io::Write;

use super::{Format, Style};
use crate::wording::compare::Comparison;

pub const CSV_HEADER: [&str; 5] = ["section", "name", "a", "b", "detail"];

pub fn write_comparison(
    out: &mut dyn Write,
    comparison: &Comparison,
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_tables(out, comparison, style),
        Format::Json | Format::Jsonl => {
            serde_json::to_writer_pretty(&mut *out, comparison)?;
            writeln!(out)
        }
        Format::Csv => write_csv(out, comparison),
    }
}

fn write_tables(out: &mut dyn Write, c: &Comparison, style: Style) -> std::io::Result<()> {
    let (a, b) = (&c.a.name, &c.b.name);
    writeln!(out, "{a} ({} documents) vs {b} ({} documents)\n", c.a.files.len(), c.b.files.len())?;
    let mut themes = super::table::new_table(style, vec!["theme".to_string(), a.clone(), b.clone()]);
    for row in c.themes.iter().filter(|r| r.a > 0.0 || r.b > 0.0) {
        themes.add_row(vec![row.label.clone(), format!("{:.2}", row.a), format!("{:.2}", row.b)]);
    }
    writeln!(out, "Theme strength\n{themes}\n")?;
    let mut words = super::table::new_table(style, vec![format!("more in {a}"), format!("more in {b}")]);
    let rows = c.distinctive_a.len().max(c.distinctive_b.len()).min(15);
    for i in 0..rows {
        let cell = |list: &[crate::wording::terms::KeyTerm]| {
            list.get(i)
                .map(|t| format!("{} ({}:{})", t.surface, t.subset_count, t.rest_count))
                .unwrap_or_default()
        };
        words.add_row(vec![cell(&c.distinctive_a), cell(&c.distinctive_b)]);
    }
    writeln!(out, "Distinctive words (count here:there)\n{words}\n")?;
    let mut pairs = super::table::new_table(style, vec!["similarity".to_string(), a.clone(), b.clone()]);
    for pair in &c.similar_passages {
        pairs.add_row(vec![
            format!("{:.2}", pair.similarity),
            format!("{}\n{}#{}", cut(&pair.a.text, 200), pair.a.file, pair.a.passage),
            format!("{}\n{}#{}", cut(&pair.b.text, 200), pair.b.file, pair.b.passage),
        ]);
    }
    writeln!(out, "Most similar passages\n{pairs}\n")?;
    if c.shared_sequences.is_empty() {
        return writeln!(out, "Shared word sequences: none of five or more words.");
    }
    let mut shared = super::table::new_table(style, vec!["words", "text"]);
    for sequence in &c.shared_sequences {
        shared.add_row(vec![sequence.words.to_string(), sequence.text.clone()]);
    }
    writeln!(out, "Shared word sequences\n{shared}")
}

fn cut(text: &str, chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= chars {
        return flat;
    }
    format!("{}…", flat.chars().take(chars).collect::<String>())
}

fn write_csv(out: &mut dyn Write, c: &Comparison) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for row in &c.themes {
        writer.write_record([
            "theme",
            &row.theme,
            &format!("{:.4}", row.a),
            &format!("{:.4}", row.b),
            &row.label,
        ])?;
    }
    for (section, list) in [("distinctive_a", &c.distinctive_a), ("distinctive_b", &c.distinctive_b)] {
        for t in list {
            let g2 = format!("{:.4}", t.log_likelihood);
            writer.write_record([
                section,
                &t.surface,
                &t.subset_count.to_string(),
                &t.rest_count.to_string(),
                &g2,
            ])?;
        }
    }
    for pair in &c.similar_passages {
        let name = format!("{}#{} ~ {}#{}", pair.a.file, pair.a.passage, pair.b.file, pair.b.passage);
        writer.write_record([
            "similar",
            &name,
            &pair.a.text,
            &pair.b.text,
            &format!("{:.4}", pair.similarity),
        ])?;
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
        writer.write_record([
            "shared",
            &sequence.words.to_string(),
            &files(&c.a.files),
            &files(&c.b.files),
            &sequence.text,
        ])?;
    }
    writer.flush()
}
