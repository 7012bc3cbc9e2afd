//! `praev search`: ranked passages for a free-text query.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::hits::SearchReport;
use praev::query::{self, Feedback, SearchRequest};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: the passages with snippets and scores; json: {query, total_hits, \
hits}; jsonl: one hit per line; csv: one row per hit (README, \"JSON contract\"); csl, bibtex, ris: \
each hit as a citation of its document (CSL-JSON, BibTeX, RIS)";

/// Search passages: words are ranked with BM25 (passages with more of the words first),
/// "quoted phrases" must match as phrases, -word excludes, +word requires.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP)).value_parser(super::args::citing_formats())))]
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

    /// Only quotes of this person, by any form of the name (as `praev quotes --speaker`: `effing`,
    /// `Klaus Effing`); implies quotes.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// The order of the hits: `score` (best first) or `date` (newest document first, ties by
    /// score; undated documents last).
    #[arg(long, value_enum, value_name = "ORDER", default_value = "score")]
    pub sort: super::filters::Sort,

    /// Print how the query was analysed and expanded, with weights, to stderr.
    #[arg(long)]
    pub explain: bool,

    #[command(flatten)]
    pub feedback: FeedbackArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Pseudo-relevance feedback, shared by `search` and `eval`.
#[derive(Debug, Args)]
pub struct FeedbackArgs {
    /// Pseudo-relevance feedback (RM3): search, take the words the best passages share, add the
    /// most weighted ones with a small weight to the query and search again.
    #[arg(long)]
    pub feedback: bool,

    /// With --feedback: how many passages of the first search count as relevant.
    #[arg(long, value_name = "N", requires = "feedback", default_value_t = Feedback::default().passages as u64,
          value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub feedback_passages: u64,

    /// With --feedback: how many terms are added.
    #[arg(long, value_name = "N", requires = "feedback", default_value_t = Feedback::default().terms as u64,
          value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub feedback_terms: u64,

    /// With --feedback: the weight of all added terms together, per query word.
    #[arg(long, value_name = "W", requires = "feedback", default_value_t = Feedback::default().weight,
          value_parser = feedback_weight)]
    pub feedback_weight: f32,
}

impl FeedbackArgs {
    /// The library's feedback settings, when feedback is on.
    pub fn settings(&self) -> Option<Feedback> {
        self.feedback.then_some(Feedback {
            passages: self.feedback_passages as usize,
            terms: self.feedback_terms as usize,
            weight: self.feedback_weight,
        })
    }
}

fn feedback_weight(value: &str) -> Result<f32, String> {
    match value.parse::<f32>() {
        Ok(w) if w.is_finite() && (0.0..=10.0).contains(&w) => Ok(w),
        _ => Err(format!("{value:?} is not a weight from 0 to 10")),
    }
}

pub fn run(args: SearchArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::CITING)?;
    let index = args.index.open()?;
    let request = SearchRequest {
        query: args.query.clone(),
        limit: args.limit as usize,
        filter: args.filters.passage_filter(&index, args.speaker.clone())?,
        exact: args.exact,
        per_file: args.filters.per_file,
        boosts: match &args.theme {
            Some(name) => {
                let themes = super::themes::load(&index, args.themes_file.as_deref())?;
                vec![praev::themes::rank::search_boost(&index, super::themes::resolve(&themes, name)?)]
            }
            None => Vec::new(),
        },
        feedback: args.feedback.settings(),
        sort: args.sort.order(),
    };
    if args.explain {
        let plan = query::plan(&index, &args.query, args.exact);
        eprint!("{}", output::explain::render_search(&plan, &request));
    }
    let results = query::search(&index, &request).with_context(|| format!("searching {:?}", args.query))?;
    if let Some(note) = &results.note {
        super::verbosity::note(note);
    }
    if args.explain && !results.feedback_terms.is_empty() {
        let terms: Vec<String> =
            results.feedback_terms.iter().map(|t| format!("{} {:.3}", t.term, t.weight)).collect();
        eprintln!("feedback terms: {}", terms.join(", "));
    }
    destination.emit(&SearchReport(&results))
}
