//! `praev similar`: passages worded like a passage, a text or a file.

use std::path::PathBuf;

use anyhow::Context;
use clap::{ArgGroup, Args};

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::similar::SimilarReport;
use praev::wording::similar::{similar, SimilarRequest, Source};

use super::UsageError;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: the passages with similarity and shared words; json: \
{source_municipality, hits}; jsonl: one hit per line; csv: one row per hit; hits are search hits \
plus similarity and shared_terms";

/// List the passages most similar in wording to a passage (`--passage FILE#N`, as hits show it),
/// a text or a file: by the analysed words they share (tf-idf, cosine similarity 0–1), from
/// other municipalities unless --same-municipality.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
#[command(group(ArgGroup::new("source").required(true).args(["passage", "text", "file"])))]
pub struct SimilarArgs {
    /// A passage of the index, written as hits show it: `004_b2df2b7532f9f2ee.txt#1`.
    #[arg(long, value_name = "FILE#N")]
    pub passage: Option<String>,

    /// A text to find passages like.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub text: Option<String>,

    /// A file whose text to find passages like (UTF-8 text).
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub index: IndexArg,

    /// Number of passages to show.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=1_000))]
    pub limit: u64,

    /// Also list passages of the source passage's own municipality.
    #[arg(long)]
    pub same_municipality: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: SimilarArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let source = source(&args)?;
    let index = args.index.open()?;
    let request =
        SimilarRequest { source, limit: args.limit as usize, same_municipality: args.same_municipality };
    let results =
        similar(&index, &request).map_err(super::usage_or_failure).context("finding similar passages")?;
    destination.emit(&SimilarReport(&results))
}

fn source(args: &SimilarArgs) -> anyhow::Result<Source> {
    if let Some(address) = &args.passage {
        let (file, number) = address
            .rsplit_once('#')
            .ok_or_else(|| UsageError(format!("--passage {address:?}: write FILE#N, as hits show it")))?;
        let passage = number
            .parse()
            .map_err(|_| UsageError(format!("--passage {address:?}: {number:?} is not a passage number")))?;
        return Ok(Source::Passage { file: file.to_string(), passage });
    }
    if let Some(path) = &args.file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))?;
        return Ok(Source::Text(text));
    }
    Ok(Source::Text(args.text.clone().unwrap_or_default()))
}
