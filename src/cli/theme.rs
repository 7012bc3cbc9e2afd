//! `praev theme NAME`: passages, or with `--by municipality` municipalities, ranked by theme.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};

use praev::index::PraevIndex;
use praev::output::{self, Format};
use praev::query::PassageFilter;
use praev::themes::rank::{self, ThemeRequest};

/// Rank passages by a theme of index-config/themes.toml (`praev themes` lists them): a theme
/// is a concept, searched as its weighted terms and phrases.
#[derive(Debug, Args)]
pub struct ThemeArgs {
    /// The theme: its id, its label or an unambiguous prefix, case- and umlaut-insensitive
    /// (`uebergaenge`, 'fruehe hilfen', `Partizipation`).
    pub name: String,

    /// Index folder to search (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Number of passages (or municipalities) to show.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    /// Rank municipalities by theme strength instead of passages.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<By>,

    #[command(flatten)]
    pub filters: super::filters::PassageFilters,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    /// Output format: table for people; json, jsonl and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per municipality: its theme strength and best passage.
    Municipality,
}

pub fn run(args: ThemeArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let themes = super::themes::load(&index, args.themes_file.as_deref())?;
    let theme = super::themes::resolve(&themes, &args.name)?;
    let request = ThemeRequest {
        limit: args.limit as usize,
        filter: PassageFilter {
            municipalities: args.filters.municipalities(&index)?,
            kinds: args.filters.kind,
            speaker: None,
        },
        per_file: args.filters.per_file,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let style = super::stdout_style();
    match args.by {
        Some(By::Municipality) => {
            let ranking = rank::rank_municipalities(&index, theme, &request)
                .with_context(|| format!("ranking municipalities by theme {:?}", theme.id))?;
            output::themes::write_municipality_ranking(&mut out, &ranking, args.format, style)?;
        }
        None => {
            let results = rank::rank_passages(&index, theme, &request)
                .with_context(|| format!("ranking passages by theme {:?}", theme.id))?;
            output::themes::write_theme_results(&mut out, &results, args.format, style)?;
        }
    }
    Ok(())
}
