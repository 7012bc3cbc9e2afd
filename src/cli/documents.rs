//! `praev documents`: every document of the index with what was detected about it, so that a
//! user can check the metadata and correct it in `praev-manifest.tsv`.

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::index::documents::{self, DocumentFilter};
use praev::ingest::DocKind;
use praev::output;
use praev::output::documents::DocumentsReport;
use praev::query;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: file, title, kind, municipality, district, date, passages and quotes \
per document, then the counts; json: {total, counts, documents}; jsonl: one document {file, title, kind, \
municipality, district, date, url, passages, quotes, encoding, …} per line; csv: the same, one row per \
document";

/// List the documents of the index with their detected title, kind, municipality, district,
/// date, url, passages and quotes, and count them: what to check before trusting filters by
/// municipality or kind. Wrong values are fixed in praev-manifest.tsv (see the README).
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct DocumentsArgs {
    #[command(flatten)]
    pub index: IndexArg,

    /// Only documents of this municipality, or of a municipality in this district (repeatable;
    /// case- and umlaut-insensitive, a part of the name is enough).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    /// Only documents of this kind (repeatable).
    #[arg(long, short = 'k', value_name = "K", value_parser = parse_kind, help = kind_help())]
    pub kind: Vec<DocKind>,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: DocumentsArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let filter = DocumentFilter {
        municipalities: query::resolve_municipalities(&index, &args.municipality)
            .map_err(super::usage_or_failure)?,
        kinds: args.kind,
    };
    let list = documents::list(&index, &filter).context("reading the index's documents")?;
    destination.emit(&DocumentsReport(&list))
}

fn kind_help() -> String {
    let kinds: Vec<&str> = DocKind::ALL.iter().map(|kind| kind.as_str()).collect();
    format!("Only documents of this kind (repeatable): {}", kinds.join(", "))
}

fn parse_kind(value: &str) -> Result<DocKind, String> {
    DocKind::parse(value).ok_or_else(|| {
        let kinds: Vec<&str> = DocKind::ALL.iter().map(|kind| kind.as_str()).collect();
        format!("unknown kind {value:?} ({})", kinds.join(", "))
    })
}
