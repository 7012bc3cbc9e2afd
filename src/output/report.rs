//! The one output path: a [`Report`] says what a result looks like in each format, [`emit`]
//! writes it.

use std::io::{self, Write};

use serde::Serialize;

use super::citation;
use super::terminal::escape_controls_keeping_styles;
use super::{Format, Style};
use crate::query::Hit;

/// A result as the formats show it. Implemented by the view types of each command's module.
pub trait Report {
    /// The whole result as one JSON document (`--format json`).
    type Document<'a>: Serialize
    where
        Self: 'a;
    /// One object of `--format jsonl`.
    type Line<'a>: Serialize
    where
        Self: 'a;

    /// Whether the JSON document is indented; the matrix prints its document on one line.
    const INDENTED_JSON: bool = true;

    fn document(&self) -> Self::Document<'_>;

    /// The objects of `--format jsonl`, one per line: usually the items the document lists.
    fn lines(&self) -> Vec<Self::Line<'_>>;

    /// The header and rows of `--format csv`.
    fn csv(&self) -> Csv;

    /// The table for people (`--format table`), ending with a newline.
    fn table(&self, style: Style) -> String;

    /// A heatmap (`html`, `svg`) where the report draws one; None for the other formats.
    fn picture(&self, _format: Format) -> Option<String> {
        None
    }

    /// The hits to cite (`csl`, `bibtex`, `ris`) where the report lists hits of documents;
    /// None where it has nothing to cite.
    fn cited(&self) -> Option<&[Hit]> {
        None
    }
}

/// The cells of a CSV file: a header row and the rows, written with RFC 4180 quoting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Csv {
        Csv { header: header.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    pub fn push<S: Into<String>>(&mut self, row: impl IntoIterator<Item = S>) {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }
}

/// Writes `report` to `out` in `format`; `style` matters for the table only. A table reaches
/// the terminal with no control character but line breaks and praev's own styles.
pub fn emit<R: Report + ?Sized>(
    report: &R,
    format: Format,
    out: &mut dyn Write,
    style: Style,
) -> io::Result<()> {
    match format {
        // Cells were escaped before they were measured; this also covers the lines around them.
        Format::Table => out.write_all(escape_controls_keeping_styles(&report.table(style)).as_bytes()),
        Format::Json if R::INDENTED_JSON => write_json_line(out, &report.document(), true),
        Format::Json => write_json_line(out, &report.document(), false),
        Format::Jsonl => {
            for line in report.lines() {
                write_json_line(out, &line, false)?;
            }
            Ok(())
        }
        Format::Csv => write_csv(out, &report.csv()),
        Format::Html | Format::Svg => match report.picture(format) {
            Some(picture) => out.write_all(picture.as_bytes()),
            None => Err(no_such_format(format)),
        },
        Format::Csl | Format::Bibtex | Format::Ris => {
            let hits = report.cited().ok_or_else(|| no_such_format(format))?;
            let text = match format {
                Format::Csl => citation::csl(hits),
                Format::Bibtex => citation::bibtex(hits),
                _ => citation::ris(hits),
            };
            out.write_all(text.as_bytes())
        }
    }
}

fn no_such_format(format: Format) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("this output has no {} format", format.name()))
}

fn write_json_line<T: Serialize>(out: &mut dyn Write, value: &T, indented: bool) -> io::Result<()> {
    if indented {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)
}

fn write_csv(out: &mut dyn Write, csv: &Csv) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(&csv.header).map_err(io_error)?;
    for row in &csv.rows {
        writer.write_record(row).map_err(io_error)?;
    }
    writer.flush()
}

/// A CSV error as the I/O error it is (keeping its kind, so that a closed pipe stays a closed
/// pipe), else as an error of kind `Other`.
pub fn io_error(error: ::csv::Error) -> io::Error {
    if !error.is_io_error() {
        return io::Error::other(error);
    }
    match error.into_kind() {
        ::csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}
