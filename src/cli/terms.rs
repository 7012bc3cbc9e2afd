//! `praev terms`: the words a municipality or kind of document uses markedly more than the
//! rest of the corpus (keyness by log-likelihood).

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use praev::index::PraevIndex;
use praev::ingest::PassageKind;
use praev::output::{self, Format};
use praev::query;
use praev::wording::terms::{self, SubsetFilter};

/// Distinctive terms of the passages the filters select, against the rest of the corpus: the
/// words used markedly more often there, by Dunning's log-likelihood (G²), strongest first.
#[derive(Debug, Args)]
pub struct TermsArgs {
    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// The subset: passages of this municipality (repeatable; a part of the name is enough).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    /// The subset: passages of documents of this kind (repeatable): profile, leitbild, press,
    /// article, other.
    #[arg(long, short = 'k', value_name = "K", value_parser = super::filters::parse_kind)]
    pub kind: Vec<PassageKind>,

    /// Show the N most distinctive terms.
    #[arg(long, short = 'n', default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub limit: u64,

    /// Output format: table for people; json, jsonl and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: TermsArgs) -> anyhow::Result<()> {
    if args.municipality.is_empty() && args.kind.is_empty() {
        return Err(super::UsageError("name a subset to compare: --municipality M or --kind K".into()).into());
    }
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let filter = SubsetFilter {
        municipalities: query::resolve_municipalities(&index, &args.municipality)
            .map_err(super::usage_or_failure)?,
        kinds: args.kind,
    };
    let mut list = terms::distinctive_terms(&index, &filter).map_err(|e| match e {
        praev::Error::InvalidArgument(_) => super::usage_or_failure(e),
        other => anyhow::Error::from(other).context("counting the terms"),
    })?;
    list.truncate(args.limit as usize);
    let stdout = std::io::stdout();
    output::wording::write_terms(&mut stdout.lock(), &list, args.format, super::stdout_style())
        .context("writing the terms")?;
    Ok(())
}
