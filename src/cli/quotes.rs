//! `praev quotes`: who said what, in which office, where and when.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use praev::index::PraevIndex;
use praev::output::{self, Format};
use praev::query::quotes::{find_quotes, QuoteRequest};
use praev::query::resolve_municipalities;

/// List quotes of people (Landräte, mayors, heads of youth offices, coordinators …) with
/// speaker, role, municipality and date: ranked by relevance when QUERY is given (words naming a
/// role or a speaker are matched against them: `praev quotes "Landrat Zitat"`), otherwise
/// listed by municipality.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// What the quote is about, and who said it: 'Landrat Zitat',
    /// 'Oberbürgermeister Herkunft Chancen'.
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,

    /// Index folder to search (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Number of quotes to show.
    #[arg(long, short = 'n', default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    /// Only quotes of this speaker (all words of NAME in the speaker's name: `effing`).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only quotes of speakers in this role (`Landrat` also finds `Landrätin`).
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// Only quotes from documents about this municipality (repeatable; a part of the name is enough).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    /// No synonyms for the words about the content.
    #[arg(long)]
    pub exact: bool,

    /// Output format: table for people; json, jsonl and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: QuotesArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let request = QuoteRequest {
        query: args.query.clone(),
        speaker: args.speaker,
        role: args.role,
        municipalities: resolve_municipalities(&index, &args.municipality)
            .map_err(super::usage_or_failure)?,
        limit: args.limit as usize,
        exact: args.exact,
    };
    let results = find_quotes(&index, &request).context("finding quotes")?;
    let stdout = std::io::stdout();
    output::quotes::write_quotes(&mut stdout.lock(), &results, args.format, super::stdout_style())?;
    Ok(())
}
