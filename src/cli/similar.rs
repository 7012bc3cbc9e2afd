//! `praev similar`: passages worded like a passage, a text or a file.

use std::path::PathBuf;

use anyhow::Context;
use clap::{ArgGroup, Args};

use praev::index::PraevIndex;
use praev::output::{self, Format};
use praev::wording::similar::{similar, SimilarRequest, Source};

use super::UsageError;

/// List the passages most similar in wording to a passage (`--passage FILE#N`, as hits show it),
/// a text or a file: by the analysed words they share (tf-idf, cosine similarity 0–1), from
/// other municipalities unless --same-municipality.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["passage", "text", "file"])))]
pub struct SimilarArgs {
    /// A passage of the index, written as hits show it: `004_b2df2b7532f9f2ee.txt#1`.
    #[arg(long, value_name = "FILE#N")]
    pub passage: Option<String>,

    /// A text to find passages like.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,

    /// A file whose text to find passages like (UTF-8 text).
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Number of passages to show.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=1_000))]
    pub limit: u64,

    /// Also list passages of the source passage's own municipality.
    #[arg(long)]
    pub same_municipality: bool,

    /// Output format: table for people; json, jsonl and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: SimilarArgs) -> anyhow::Result<()> {
    let source = source(&args)?;
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let request =
        SimilarRequest { source, limit: args.limit as usize, same_municipality: args.same_municipality };
    let results =
        similar(&index, &request).map_err(super::usage_or_failure).context("finding similar passages")?;
    let stdout = std::io::stdout();
    output::similar::write_similar(&mut stdout.lock(), &results, args.format, super::stdout_style())?;
    Ok(())
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
