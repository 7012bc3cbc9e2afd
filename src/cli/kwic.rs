//! `praev kwic`: every occurrence of a word in context (a concordance).

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::ingest::PassageKind;
use praev::output;
use praev::output::wording::KwicReport;
use praev::query;
use praev::wording::kwic::{self, KwicRequest};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: municipality, file#passage and the line, matches in one column; \
json: a list of {file, passage, municipality, left, match, right}; jsonl: one line object per \
line; csv: the same columns";

/// Keyword in context: each occurrence of TERM (inflected forms and compounds included, no
/// synonyms) with the words to its left and right, matches lined up in one column.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct KwicArgs {
    /// The word to look for, e.g. 'Übergang' (also finds Übergänge, Übergangsmanagement).
    #[arg(allow_hyphen_values = true)]
    pub term: String,

    #[command(flatten)]
    pub index: IndexArg,

    /// Characters of context on each side, cut at word boundaries.
    #[arg(long, short = 'w', value_name = "N", default_value_t = kwic::DEFAULT_WIDTH as u64,
          value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub width: u64,

    /// Only passages of this municipality (repeatable; a part of the name is enough).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    #[arg(long, short = 'k', value_name = "K", value_parser = super::filters::parse_kind,
          help = super::filters::kind_help())]
    pub kind: Vec<PassageKind>,

    /// Show at most N lines.
    #[arg(long, short = 'n', default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub limit: u64,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: KwicArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let request = KwicRequest {
        width: args.width as usize,
        municipalities: query::resolve_municipalities(&index, &args.municipality)
            .map_err(super::usage_or_failure)?,
        kinds: args.kind,
        limit: args.limit as usize,
    };
    let lines = kwic::kwic(&index, &args.term, &request).map_err(|e| match e {
        praev::Error::InvalidArgument(_) => super::usage_or_failure(e),
        other => anyhow::Error::from(other).context(format!("looking for {:?}", args.term)),
    })?;
    destination.emit(&KwicReport(&lines)).context("writing the lines")
}
