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

    /// A file whose text to find passages like: text, HTML, PDF, DOCX, ODT or RTF, read as `praev
    /// index` reads it; `-` reads standard input (the format is told from the bytes).
    #[arg(long, value_name = "PATH", allow_hyphen_values = true)]
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
        return Source::passage_address(address).map_err(|e| UsageError(format!("--passage {e}")).into());
    }
    if let Some(path) = &args.file {
        return Ok(Source::Text(read_source_file(path)?));
    }
    Ok(Source::Text(args.text.clone().unwrap_or_default()))
}

/// The text of a file (or of standard input for `-`) through the same readers as `praev
/// index`; a file without text to give is a usage error naming the reason.
pub(crate) fn read_source_file(path: &std::path::Path) -> anyhow::Result<String> {
    use praev::ingest::formats;
    let extracted = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
        formats::read(&bytes, None)
    } else {
        formats::read_path(path)
    };
    let name =
        if path.as_os_str() == "-" { "standard input".to_string() } else { path.display().to_string() };
    Ok(extracted.map_err(|reason| UsageError(format!("cannot read {name}: {reason}")))?.text)
}
