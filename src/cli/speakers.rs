//! `praev speakers`: the people quoted in the index, one row per person.

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::speakers::SpeakersReport;
use praev::query::speakers::list_speakers;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: speaker, roles, municipalities, quotes, first and last date; json: a list \
of {name, forms, roles, municipalities, quotes, first_date, last_date}; jsonl: one speaker per line; csv: the \
same columns, lists joined by \"; \"";

/// The people quoted in the index, most quoted first: every form of a name the texts use counts
/// as one person (`Kraft` and `Hannelore Kraft`), with roles, municipalities, number of quotes
/// and the first and last date of their quotes' documents.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct SpeakersArgs {
    #[command(flatten)]
    pub index: IndexArg,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: SpeakersArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let speakers = list_speakers(&index).context("listing the quoted speakers")?;
    destination.emit(&SpeakersReport(&speakers))
}
