//! Rendering results for people (tables) and programs (JSON, JSON lines, CSV).
//!
//! The machine formats are a stable, documented contract (README, "JSON contract"); their field
//! names are fixed here and covered by tests. Nothing in this module searches or decides what
//! to show: it only renders what `query` computed.

pub mod compare;
pub mod csv;
pub mod duplicates;
pub mod eval;
pub mod explain;
pub mod json;
pub mod matrix;
pub mod municipalities;
pub mod quotes;
pub mod similar;
pub mod table;
pub mod themes;
pub mod wording;

use std::io::Write;

use clap::ValueEnum;

use crate::query::SearchResults;

/// The output formats of commands that list hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for reading in a terminal.
    Table,
    /// One JSON object: {"query", "total_hits", "hits": [...]}.
    Json,
    /// One JSON object per hit, one per line.
    Jsonl,
    /// One row per hit, with a header row.
    Csv,
}

/// How to draw for a person: colour (bold highlights) and width.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Terminal width in columns; None when not a terminal.
    pub width: Option<u16>,
}

pub fn write_search_results(
    out: &mut dyn Write,
    results: &SearchResults,
    format: Format,
    style: Style,
) -> std::io::Result<()> {
    match format {
        Format::Table => table::write_hits(out, results, style),
        Format::Json => json::write_results(out, results),
        Format::Jsonl => json::write_hits_lines(out, &results.hits),
        Format::Csv => csv::write_hits(out, &results.hits),
    }
}
