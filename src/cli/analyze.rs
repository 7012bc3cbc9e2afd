//! `praev analyze`: the token stream of a text, like Elasticsearch's `_analyze`.

use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::output;
use praev::output::analyze::AnalyzeReport;

const INDEX_HELP: &str =
    "Analyse with this index's configuration and vocabulary (default: the bundled corpus's index)";

/// What `--format` prints.
const FORMAT_HELP: &str = "table: position, term, origin and word of every token; json: a list of \
{position, term, word, origin, start, end}; jsonl: one token per line; csv: the same columns";

/// Show how praev's German analysis turns a text into index terms: position, term and origin
/// (word, stem, part, hyphen, elliptic, gender) of every token.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
#[command(mut_arg("index", |a| a.help(INDEX_HELP)))]
pub struct AnalyzeArgs {
    /// The text to analyse, e.g. 'Kinder- und Jugendhilfe' or 'Koordinator:innen'.
    #[arg(allow_hyphen_values = true)]
    pub text: String,

    #[command(flatten)]
    pub index: IndexArg,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let tokens = index.analyzer.analyze(&args.text);
    destination.emit(&AnalyzeReport { text: &args.text, tokens: &tokens })
}
