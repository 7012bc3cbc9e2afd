//! `praev compare A B`: two municipalities (or two documents) side by side.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use praev::index::PraevIndex;
use praev::output::{self, Format};
use praev::wording::compare::{compare, side};

/// Compare two municipalities (or two files of the index): theme strengths, each side's
/// distinctive words against the other, the most similar passage pairs, and word sequences of
/// five or more words both share (a copied slogan or Leitbild line).
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// A municipality (a part of the name is enough) or a file of the index.
    pub a: String,

    /// The other municipality or file.
    pub b: String,

    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    /// Output format: table for people; json and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: CompareArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let themes = super::themes::load(&index, args.themes_file.as_deref())?;
    let a = side(&index, &args.a).map_err(super::usage_or_failure)?;
    let b = side(&index, &args.b).map_err(super::usage_or_failure)?;
    let comparison = compare(&index, a, b, &themes).map_err(super::usage_or_failure).context("comparing")?;
    let stdout = std::io::stdout();
    output::compare::write_comparison(&mut stdout.lock(), &comparison, args.format, super::stdout_style())?;
    Ok(())
}
