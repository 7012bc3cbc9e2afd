//! Rendering results for people (tables, heatmaps) and programs (JSON, JSON lines, CSV).
//!
//! Every command that lists results hands a [`Report`] to the one function [`emit`], which
//! writes it in the chosen [`Format`]; the per-command modules only say what the JSON document,
//! the JSON lines, the CSV rows and the table of their result are. The machine formats are a
//! stable, documented contract (README, "JSON contract"): the wire types and field names live
//! here and are pinned by tests. Nothing in this module searches or decides what to show: it
//! only renders what the library computed. Numbers go through [`number`], so none prints as
//! negative zero.

pub mod analyze;
pub mod batch;
pub mod citation;
pub mod compare;
pub mod documents;
pub mod duplicates;
pub mod eval;
pub mod explain;
pub mod export;
pub mod hits;
pub mod long;
pub mod matrix;
pub mod municipalities;
pub mod number;
pub mod quotes;
mod report;
pub mod similar;
pub mod speakers;
pub mod synonyms;
pub mod table;
pub mod terminal;
pub mod themes;
pub mod trend;
pub mod wording;

use std::path::Path;

use clap::ValueEnum;

pub use report::{emit, io_error as csv_io_error, Csv, Report};

/// The output formats. Every command that lists results takes the first four ([`LISTING`]);
/// `praev matrix` also draws heatmaps ([`PICTURES`]), `search` and `quotes` also write
/// citations ([`CITING`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for reading in a terminal.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A header row, then one row per item (RFC 4180).
    Csv,
    /// A self-contained HTML page.
    Html,
    /// A standalone SVG image.
    Svg,
    /// CSL-JSON citations (Zotero, Pandoc, citeproc).
    Csl,
    /// BibTeX citations.
    Bibtex,
    /// RIS citations.
    Ris,
}

/// The formats of every command that lists results.
pub const LISTING: &[Format] = &[Format::Table, Format::Json, Format::Jsonl, Format::Csv];

/// [`LISTING`] plus the citations of `praev search` and `praev quotes`.
pub const CITING: &[Format] =
    &[Format::Table, Format::Json, Format::Jsonl, Format::Csv, Format::Csl, Format::Bibtex, Format::Ris];
/// [`LISTING`] plus the line chart of `praev trend`.
pub const CHART: &[Format] = &[Format::Table, Format::Json, Format::Jsonl, Format::Csv, Format::Svg];

/// [`LISTING`] plus the heatmaps of `praev matrix`.
pub const PICTURES: &[Format] =
    &[Format::Table, Format::Json, Format::Jsonl, Format::Csv, Format::Html, Format::Svg];

impl Format {
    /// The format a file name asks for by its extension: `.json`, `.jsonl`, `.csv`, `.html`
    /// (`.htm`), `.svg`, `.bib`, `.ris`, and `.txt` for a table; None for any other or no
    /// extension (CSL-JSON has none of its own: `.json` is praev's JSON).
    pub fn from_extension(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Some(Format::Table),
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "html" | "htm" => Some(Format::Html),
            "svg" => Some(Format::Svg),
            "bib" => Some(Format::Bibtex),
            "ris" => Some(Format::Ris),
            _ => None,
        }
    }

    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Svg => "svg",
            Format::Csl => "csl",
            Format::Bibtex => "bibtex",
            Format::Ris => "ris",
        }
    }
}

/// Tables fit this many columns when nothing else says how wide to draw.
pub const DEFAULT_WIDTH: u16 = 120;

/// How to draw for a person: colour (bold highlights, shaded cells) and the width tables fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Columns a table may take.
    pub width: u16,
}

impl Style {
    /// No colour, [`DEFAULT_WIDTH`] columns: files, pipes and tests.
    pub const PLAIN: Style = Style { color: false, width: DEFAULT_WIDTH };
}
