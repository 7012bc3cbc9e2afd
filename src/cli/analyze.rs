//! `praev analyze`: the token stream of a text, like Elasticsearch's `_analyze`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use praev::index::PraevIndex;
use praev::output::explain;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    Table,
    Json,
}

/// Show how praev's German analysis turns a text into index terms: position, term and origin
/// (word, stem, part, hyphen, elliptic, gender) of every token.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The text to analyse, e.g. 'Kinder- und Jugendhilfe' or 'Koordinator:innen'.
    #[arg(allow_hyphen_values = true)]
    pub text: String,

    /// Analyse with this index's configuration and vocabulary (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// table for people, json for programs (a list of {position, term, word, origin, start, end}).
    #[arg(long, short = 'f', value_enum, default_value_t = AnalyzeFormat::Table)]
    pub format: AnalyzeFormat,
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let tokens = index.analyzer.analyze(&args.text);
    match args.format {
        AnalyzeFormat::Table => print!("{}", explain::render_tokens(&args.text, &tokens)),
        AnalyzeFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&explain::tokens_json(&args.text, &tokens))?);
        }
    }
    Ok(())
}
