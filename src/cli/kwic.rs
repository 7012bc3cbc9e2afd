//! `praev kwic`: every occurrence of a word in context (a concordance).

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use praev::index::PraevIndex;
use praev::ingest::PassageKind;
use praev::output::{self, Format};
use praev::query;
use praev::wording::kwic::{self, KwicRequest};

/// Keyword in context: each occurrence of TERM (inflected forms and compounds included, no
/// synonyms) with the words to its left and right, matches lined up in one column.
#[derive(Debug, Args)]
pub struct KwicArgs {
    /// The word to look for, e.g. 'Übergang' (also finds Übergänge, Übergangsmanagement).
    pub term: String,

    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

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

    /// Output format: table for people; json, jsonl and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: KwicArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
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
    let stdout = std::io::stdout();
    output::wording::write_kwic(&mut stdout.lock(), &lines, args.format, super::stdout_style())
        .context("writing the lines")?;
    Ok(())
}
