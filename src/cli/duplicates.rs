//! `praev duplicates`: word sequences several documents share — template boilerplate, copied
//! Leitbild lines, programme text quoted in press releases.

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::duplicates::DuplicatesReport;
use praev::wording::duplicates::{find_duplicates, DuplicatesRequest};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: the groups with words, documents, municipalities and text; json: \
a list of {text, words, documents, municipalities, occurrences}; jsonl: one group per line; csv: \
one row per occurrence, group,text,words,file,passage,municipality";

/// List word sequences of at least --min-words words that appear in several documents, longest
/// shared run per set of documents. By default only sequences shared across municipalities
/// (a document without municipality counts as its own); --same-municipality adds those shared
/// within one municipality. Matching ignores case, umlaut spelling and punctuation.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct DuplicatesArgs {
    #[command(flatten)]
    pub index: IndexArg,

    /// Shortest sequence to report, in words (at least 2).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub min_words: usize,

    /// Also show sequences shared only by documents of one municipality.
    #[arg(long)]
    pub same_municipality: bool,

    /// Number of groups to show.
    #[arg(long, short = 'n', default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: DuplicatesArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let request = DuplicatesRequest {
        min_words: args.min_words,
        same_municipality: args.same_municipality,
        limit: args.limit as usize,
    };
    praev::wording::duplicates::check_min_words(request.min_words).map_err(super::usage_or_failure)?;
    let index = args.index.open()?;
    let duplicates = find_duplicates(&index, &request).context("finding shared word sequences")?;
    destination.emit(&DuplicatesReport(&duplicates))
}
