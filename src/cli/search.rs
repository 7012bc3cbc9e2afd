//! `praev search`: ranked passages for a free-text query.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::hits::SearchReport;
use praev::query::{self, PassageFilter, SearchRequest};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: the passages with snippets and scores; json: {query, total_hits, \
hits}; jsonl: one hit per line; csv: one row per hit (README, \"JSON contract\")";

/// Search passages: words are ranked with BM25 (passages with more of the words first),
/// "quoted phrases" must match as phrases, -word excludes, +word requires.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct SearchArgs {
    /// The query, e.g. 'Übergänge', '"Frühe Hilfen" Kita', 'Kinderschutz -Jugendamt'.
    #[arg(allow_hyphen_values = true)]
    pub query: String,

    #[command(flatten)]
    pub index: IndexArg,

    /// Number of hits to show.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,

    #[command(flatten)]
    pub filters: super::filters::PassageFilters,

    /// Search only the words as typed (and their inflected forms, compounds, gender forms):
    /// no synonyms.
    #[arg(long)]
    pub exact: bool,

    /// Only passages about this theme (id, label or prefix; see `praev themes`), those more
    /// about it ranked higher.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    /// Read the themes for --theme from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE", requires = "theme")]
    pub themes_file: Option<PathBuf>,

    /// Only quotes of this speaker (all words of NAME in the speaker's name); implies quotes.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Print how the query was analysed and expanded, with weights, to stderr.
    #[arg(long)]
    pub explain: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: SearchArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let request = SearchRequest {
        query: args.query.clone(),
        limit: args.limit as usize,
        filter: PassageFilter {
            municipalities: args.filters.municipalities(&index)?,
            kinds: args.filters.kind,
            speaker: args.speaker.clone(),
        },
        exact: args.exact,
        per_file: args.filters.per_file,
        boosts: match &args.theme {
            Some(name) => {
                let themes = super::themes::load(&index, args.themes_file.as_deref())?;
                vec![praev::themes::rank::search_boost(&index, super::themes::resolve(&themes, name)?)]
            }
            None => Vec::new(),
        },
    };
    if args.explain {
        let plan = query::plan(&index, &args.query, args.exact);
        eprint!("{}", output::explain::render_search(&plan, &request));
    }
    let results = query::search(&index, &request).with_context(|| format!("searching {:?}", args.query))?;
    if let Some(note) = &results.note {
        eprintln!("note: {note}");
    }
    destination.emit(&SearchReport(&results))
}
