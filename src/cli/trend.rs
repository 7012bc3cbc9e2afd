//! `praev trend THEME|TOPIC`: a theme's strength and passages per year, for the corpus or per
//! municipality, as a table, CSV, JSON or an SVG line chart.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::args::{chart_formats, IndexArg, OutputArgs};
use praev::ingest::PassageKind;
use praev::output;
use praev::output::trend::TrendReport;
use praev::query::PassageFilter;
use praev::themes::free_text;
use praev::themes::rank::ThemeRequest;
use praev::themes::trend;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: year, strength and passages (per municipality with --by \
municipality); json: {theme, label, years, series: [{municipality, points: [{year, strength, \
passages}]}], undated_passages}; jsonl: one {theme, municipality, year, strength, passages} per \
line; csv: the same columns; svg: a line chart, one line per series";

/// A theme (or a topic in free text, as `praev theme` takes it) over time: per year of the
/// documents' dates, its strength (the mean score of the year's best 3 passages, the measure of
/// the matrix) and how many passages match. Passages of undated documents are in no year and
/// counted apart.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP)).value_parser(chart_formats())))]
pub struct TrendArgs {
    /// The theme: its id, label or an unambiguous prefix; any other text is a topic.
    #[arg(value_name = "THEME|TOPIC", allow_hyphen_values = true)]
    pub name: String,

    #[command(flatten)]
    pub index: IndexArg,

    /// One series per municipality (the strongest over all years first) instead of one for all
    /// documents.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<By>,

    /// With --by municipality: the number of municipalities to show.
    #[arg(long, short = 'n', default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    /// Only passages of this municipality (repeatable; a part of the name is enough).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    #[arg(long, short = 'k', value_name = "K", value_parser = super::filters::parse_kind,
          help = super::filters::kind_help())]
    pub kind: Vec<PassageKind>,

    #[command(flatten)]
    pub dates: super::filters::DateFilters,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Municipality,
}

pub fn run(args: TrendArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::CHART)?;
    let index = args.index.open()?;
    let themes = super::themes::load(&index, args.themes_file.as_deref())?;
    let selection = free_text::select_in(&index, &themes, &args.name).map_err(super::usage_or_failure)?;
    let theme = selection.theme();
    let request = ThemeRequest {
        limit: args.limit as usize,
        filter: PassageFilter {
            municipalities: praev::query::resolve_municipalities(&index, &args.municipality)
                .map_err(super::usage_or_failure)?,
            kinds: args.kind,
            speaker: None,
            dates: args.dates.range()?,
        },
        per_file: 0,
        ..ThemeRequest::default()
    };
    let by_municipality = args.by == Some(By::Municipality);
    let trend = trend::trend(&index, theme, &request, by_municipality)
        .with_context(|| format!("computing the trend of theme {:?}", theme.id))?;
    destination.emit(&TrendReport(&trend))
}
