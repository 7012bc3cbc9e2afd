//! `praev duplicates`: word sequences several documents share — template boilerplate, copied
//! Leitbild lines, programme text quoted in press releases.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use praev::index::PraevIndex;
use praev::output::duplicates::{write_duplicates, DuplicatesFormat};
use praev::wording::duplicates::{find_duplicates, DuplicatesRequest};

/// List word sequences of at least --min-words words that appear in several documents, longest
/// shared run per set of documents. By default only sequences shared across municipalities
/// (a document without municipality counts as its own); --same-municipality adds those shared
/// within one municipality. Matching ignores case, umlaut spelling and punctuation.
#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    /// Index folder to search (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Shortest sequence to report, in words (at least 2).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub min_words: usize,

    /// Also show sequences shared only by documents of one municipality.
    #[arg(long)]
    pub same_municipality: bool,

    /// Number of groups to show.
    #[arg(long, short = 'n', default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    /// Output format: table for people; json and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = DuplicatesFormat::Table)]
    pub format: DuplicatesFormat,
}

pub fn run(args: DuplicatesArgs) -> anyhow::Result<()> {
    let request = DuplicatesRequest {
        min_words: args.min_words,
        same_municipality: args.same_municipality,
        limit: args.limit as usize,
    };
    praev::wording::duplicates::check_min_words(request.min_words).map_err(super::usage_or_failure)?;
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let duplicates = find_duplicates(&index, &request).context("finding shared word sequences")?;
    let stdout = std::io::stdout();
    write_duplicates(&mut stdout.lock(), &duplicates, args.format, super::stdout_style())?;
    Ok(())
}
