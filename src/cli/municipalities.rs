//! `praev municipalities`: one row per municipality of the index.

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::index::profiles::{self, SortBy};
use praev::output;
use praev::output::municipalities::ProfilesReport;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: one row per municipality; json: a list of {name, authority, \
year_joined, population, children_under_18, children_share, documents, passages, quotes, contact, \
district}; jsonl: one municipality per line; csv: the same columns, the contact spread over contact_* columns";

/// One row per municipality: kind of authority, year joined, population, children under 18
/// and their share, documents, passages, quotes and contact.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct MunicipalitiesArgs {
    #[command(flatten)]
    pub index: IndexArg,

    /// Sort by this column (figures largest first, the year joined earliest first).
    #[arg(long, value_enum, default_value_t = SortBy::Name)]
    pub sort: SortBy,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: MunicipalitiesArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let mut list = profiles::profiles(&index).context("reading the index's documents")?;
    profiles::sort(&mut list, args.sort);
    destination.emit(&ProfilesReport(&list))
}
