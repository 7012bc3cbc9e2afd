//! `praev terms`: the words a municipality or kind of document uses markedly more than the
//! rest of the corpus (keyness by log-likelihood).

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::ingest::{DocKind, PassageKind};
use praev::output;
use praev::output::wording::TermsReport;
use praev::query;
use praev::wording::terms::{self, SubsetFilter};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: term, counts in subset and rest, G²; json: a list of {term, \
surface, subset_count, rest_count, subset_per_million, rest_per_million, log_likelihood}; jsonl: \
one term per line; csv: the same columns";

/// Distinctive terms of the passages the filters select, against the rest of the corpus: the
/// words used markedly more often there, by Dunning's log-likelihood (G²), strongest first.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct TermsArgs {
    #[command(flatten)]
    pub index: IndexArg,

    /// The subset: passages of this municipality (repeatable; a part of the name is enough).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    #[arg(long, short = 'k', value_name = "K", value_parser = super::filters::parse_document_kind,
          help = format!("The subset: passages of documents of this kind (repeatable): {}",
                         super::filters::document_kind_names()))]
    pub kind: Vec<DocKind>,

    /// Show the N most distinctive terms.
    #[command(flatten)]
    pub dates: super::filters::DateFilters,

    #[arg(long, short = 'n', default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub limit: u64,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: TermsArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let dates = args.dates.range()?;
    if args.municipality.is_empty() && args.kind.is_empty() && dates.is_unbounded() {
        return Err(super::UsageError(
            "name a subset to compare: --municipality M, --kind K, --since or --until".into(),
        )
        .into());
    }
    let index = args.index.open()?;
    let filter = SubsetFilter {
        municipalities: query::resolve_municipalities(&index, &args.municipality)
            .map_err(super::usage_or_failure)?,
        kinds: args.kind.into_iter().map(PassageKind::Document).collect(),
        dates,
    };
    let mut list = terms::distinctive_terms(&index, &filter).map_err(|e| match e {
        praev::Error::InvalidArgument(_) => super::usage_or_failure(e),
        other => anyhow::Error::from(other).context("counting the terms"),
    })?;
    list.truncate(args.limit as usize);
    destination.emit(&TermsReport(&list)).context("writing the terms")
}
