//! `praev compare A B`: two municipalities (or two documents) side by side.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::compare::CompareReport;
use praev::wording::compare::{compare, side};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: theme strengths, distinctive words, similar passages, shared \
sequences; json: {a, b, themes, distinctive_a, distinctive_b, similar_passages, shared_sequences}; \
jsonl: that object on one line; csv: one row per item, section,name,a,b,detail";

/// Compare two municipalities (or two files of the index): theme strengths, each side's
/// distinctive words against the other, the most similar passage pairs, and word sequences of
/// five or more words both share (a copied slogan or Leitbild line).
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct CompareArgs {
    /// A municipality (a part of the name is enough) or a file of the index.
    pub a: String,

    /// The other municipality or file.
    pub b: String,

    #[command(flatten)]
    pub index: IndexArg,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: CompareArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let themes = super::themes::load(&index, args.themes_file.as_deref())?;
    let a = side(&index, &args.a).map_err(super::usage_or_failure)?;
    let b = side(&index, &args.b).map_err(super::usage_or_failure)?;
    let comparison = compare(&index, a, b, &themes).map_err(super::usage_or_failure).context("comparing")?;
    destination.emit(&CompareReport(&comparison))
}
