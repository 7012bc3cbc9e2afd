//! `praev quotes`: who said what, in which office, where and when.

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::quotes::QuotesReport;
use praev::query::quotes::{find_quotes, QuoteForm, QuoteRequest};
use praev::query::resolve_municipalities;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: municipality, speaker, role, date and quote (a reported \
statement marked \"(reported)\"); json: {query, total_hits, hits} with speaker, role and \
reported; jsonl: one quote per line; csv: one row per quote (the hit columns of search); csl, \
bibtex, ris: each quote as a citation with the speaker as author";

/// List quotes of people (Landräte, mayors, heads of youth offices, coordinators …) with
/// speaker, role, municipality and date: ranked by relevance when QUERY is given (words naming a
/// role or a speaker are matched against them: `praev quotes "Landrat Zitat"`), otherwise
/// listed by municipality. Reported statements (indirect speech: `Sie betonte, dass …`; texts a
/// person signs: `Grußwort von …`) are listed too, marked "(reported)", after direct quotes
/// that match as well.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP)).value_parser(super::args::citing_formats())))]
pub struct QuotesArgs {
    /// What the quote is about, and who said it: 'Landrat Zitat',
    /// 'Oberbürgermeister Herkunft Chancen'.
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,

    #[command(flatten)]
    pub index: IndexArg,

    /// Number of quotes to show.
    #[arg(long, short = 'n', default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    /// Only quotes of this person, by any form of the name: `effing`, `Klaus Effing` and
    /// `Dr. Klaus Effing` find `Dr. Klaus Effing`, and `Hannelore Kraft` finds `Kraft`.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only quotes of speakers in this office or a narrower one (`Landrat` also finds
    /// `Landrätin`, `Dezernent` finds `Sozialdezernent`, `OB` finds `Oberbürgermeister`).
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,

    /// Only quotes from documents about this municipality (repeatable; a part of the name is enough).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    /// No synonyms for the words about the content.
    #[arg(long)]
    pub exact: bool,

    /// Only direct quotes (the person's words in quotation marks).
    #[arg(long, conflicts_with = "reported")]
    pub direct: bool,

    /// Only reported statements (indirect speech, texts the person signs).
    #[arg(long)]
    pub reported: bool,

    #[command(flatten)]
    pub dates: super::filters::DateFilters,

    /// The order of the quotes: `score` (by relevance with a query, by municipality without)
    /// or `date` (newest document first; undated last).
    #[arg(long, value_enum, value_name = "ORDER", default_value = "score")]
    pub sort: super::filters::Sort,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: QuotesArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::CITING)?;
    let index = args.index.open()?;
    let request = QuoteRequest {
        query: args.query.clone(),
        speaker: args.speaker,
        role: args.role,
        municipalities: resolve_municipalities(&index, &args.municipality)
            .map_err(super::usage_or_failure)?,
        limit: args.limit as usize,
        exact: args.exact,
        form: match (args.direct, args.reported) {
            (true, _) => Some(QuoteForm::Direct),
            (_, true) => Some(QuoteForm::Reported),
            _ => None,
        },
        dates: args.dates.range()?,
        sort: args.sort.order(),
    };
    let results = find_quotes(&index, &request).map_err(super::usage_or_failure).context("finding quotes")?;
    destination.emit(&QuotesReport(&results))
}
