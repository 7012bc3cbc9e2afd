//! `praev theme NAME`: passages, or with `--by municipality` municipalities, ranked by theme;
//! a topic that names no theme (`"Kooperation von Schule und Jugendhilfe"`) becomes a theme
//! built from its words.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::themes::{RankingReport, ThemeReport};
use praev::themes::free_text;
use praev::themes::rank::{self, ThemeRequest};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: the passages (or municipalities) with theme terms; json: {theme, \
label, total_hits, hits} (with --by municipality: {theme, label, municipalities}); jsonl: one hit \
(municipality) per line; csv: one row per hit (municipality)";

/// Rank passages by a theme of index-config/themes.toml (`praev themes` lists them), or by a
/// topic in free text: a theme is a concept, searched as its weighted terms and phrases; a
/// topic that names no theme becomes one built from its words, their domain synonyms and the
/// terms of the closest theme (the table's first lines and the JSON's `terms` list them).
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct ThemeArgs {
    /// The theme: its id, its label or an unambiguous prefix, case- and umlaut-insensitive
    /// (`uebergaenge`, 'fruehe hilfen', `Partizipation`); any other text is a topic
    /// ('familienfreundliche Kommune').
    #[arg(value_name = "NAME|TOPIC", allow_hyphen_values = true)]
    pub name: String,

    #[command(flatten)]
    pub index: IndexArg,

    /// Number of passages (or municipalities) to show.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    /// Rank municipalities by theme strength instead of passages.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<By>,

    #[command(flatten)]
    pub filters: super::filters::PassageFilters,

    /// The order of the passages: `score` (most about the theme first) or `date` (newest
    /// document first, ties by score; undated last). Not with --by municipality.
    #[arg(long, value_enum, value_name = "ORDER", default_value = "score", conflicts_with = "by")]
    pub sort: super::filters::Sort,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per municipality: its theme strength and best passage.
    Municipality,
}

pub fn run(args: ThemeArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let themes = super::themes::load(&index, args.themes_file.as_deref())?;
    let selection = free_text::select_in(&index, &themes, &args.name).map_err(super::usage_or_failure)?;
    let theme = selection.theme();
    let request = ThemeRequest {
        limit: args.limit as usize,
        filter: args.filters.passage_filter(&index, None)?,
        per_file: args.filters.per_file,
        sort: args.sort.order(),
    };
    match args.by {
        Some(By::Municipality) => {
            let ranking = rank::rank_municipalities(&index, theme, &request)
                .with_context(|| format!("ranking municipalities by theme {:?}", theme.id))?;
            destination.emit(&RankingReport { ranking: &ranking, selection: &selection })
        }
        None => {
            let results = rank::rank_passages(&index, theme, &request)
                .with_context(|| format!("ranking passages by theme {:?}", theme.id))?;
            destination.emit(&ThemeReport { results: &results, selection: &selection })
        }
    }
}
