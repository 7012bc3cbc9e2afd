//! `praev matrix`: the theme × municipality strength matrix, as a shaded table, CSV, JSON or a
//! self-contained HTML or SVG heatmap.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::args::{picture_formats, IndexArg, OutputArgs};
use super::UsageError;
use praev::output;
use praev::output::long::{self, LongReport};
use praev::output::matrix::MatrixReport;
use praev::query;
use praev::themes::{rank, Theme};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: the matrix with shaded cells; json: {themes, municipalities, cells} on one line; \
jsonl: one cell {theme, municipality, strength, relative, passages, documents} per line; csv: one row per theme, one \
column per municipality; html, svg: a self-contained heatmap. With --long: one row per (theme, municipality) with \
theme, municipality, strength, passages, documents, label in every format (json: an array of rows)";

/// The theme × municipality matrix: how strongly each municipality writes about each theme
/// (the strength of `praev theme NAME --by municipality`).
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP)).value_parser(picture_formats())))]
pub struct MatrixArgs {
    #[command(flatten)]
    pub index: IndexArg,

    /// Only these themes (ids, labels or prefixes; comma-separated or repeated). Default: all.
    #[arg(long, value_name = "T,…", value_delimiter = ',')]
    pub themes: Vec<String>,

    /// Only these municipalities (comma-separated or repeated; a part of the name is enough).
    /// Default: every municipality of the index.
    #[arg(long, value_name = "M,…", value_delimiter = ',')]
    pub municipalities: Vec<String>,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    /// Long (tidy) form: one row per theme and municipality with the columns theme,
    /// municipality, strength, passages, documents, label (for R, pandas, pivot tables).
    #[arg(long)]
    pub long: bool,

    #[command(flatten)]
    pub dates: super::filters::DateFilters,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: MatrixArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(if args.long { output::LISTING } else { output::PICTURES })?;
    if args.long && !output::LISTING.contains(&destination.format()) {
        return Err(UsageError(format!(
            "--long prints table, json, jsonl or csv, not {}",
            destination.format().name()
        ))
        .into());
    }
    let index = args.index.open()?;
    let all = super::themes::load(&index, args.themes_file.as_deref())?;
    let themes: Vec<&Theme> = if args.themes.is_empty() {
        all.themes.iter().collect()
    } else {
        let names = args.themes.iter().map(|n| n.trim()).filter(|n| !n.is_empty());
        names.map(|name| super::themes::resolve(&all, name)).collect::<anyhow::Result<_>>()?
    };
    let municipalities =
        query::resolve_municipalities(&index, &args.municipalities).map_err(super::usage_or_failure)?;
    let matrix = rank::matrix(&index, &themes, &municipalities, args.dates.range()?)
        .context("computing the theme matrix")?;
    match args.long {
        true => destination.emit(&LongReport(long::matrix_rows(&matrix))),
        false => destination.emit(&MatrixReport(&matrix)),
    }
}
