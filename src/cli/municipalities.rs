//! `praev municipalities`: one row per municipality of the index.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use praev::index::profiles::{self, SortBy};
use praev::index::PraevIndex;
use praev::output::{self, Format};

/// One row per municipality: kind of authority, year joined, population, children under 18
/// and their share, documents, passages, quotes and contact.
#[derive(Debug, Args)]
pub struct MunicipalitiesArgs {
    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Sort by this column (figures largest first, the year joined earliest first).
    #[arg(long, value_enum, default_value_t = SortBy::Name)]
    pub sort: SortBy,

    /// Output format: table for people; json, jsonl and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: MunicipalitiesArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let mut list = profiles::profiles(&index).context("reading the index's documents")?;
    profiles::sort(&mut list, args.sort);
    let stdout = std::io::stdout();
    output::municipalities::write_profiles(&mut stdout.lock(), &list, args.format, super::stdout_style())?;
    Ok(())
}
