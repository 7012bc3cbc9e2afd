//! The command line: clap definitions, one file per subcommand, and the mapping of errors to
//! exit codes. Commands turn raw arguments into typed library requests and decide what the
//! user sees; the library itself never prints.

mod analyze;
mod args;
mod batch;
mod batch_file;
mod compare;
mod completions;
mod documents;
mod duplicates;
mod eval;
mod export;
mod filters;
mod index;
mod kwic;
mod man;
mod matrix;
mod municipalities;
pub mod panic;
mod progress;
mod quotes;
mod search;
mod serve;
mod similar;
mod speakers;
mod synonyms;
mod terms;
mod theme;
mod themes;
mod trend;
mod verbosity;

use std::sync::LazyLock;

use clap::{Parser, Subcommand};

/// Search German municipal prevention texts: Leitbilder, goals, quotes and press releases of
/// districts and cities about their Präventionsketten.
///
/// Without --index (and without PRAEV_INDEX) commands use the bundled sample corpus, indexed
/// into a per-user cache folder on first use.
#[derive(Debug, Parser)]
#[command(name = "praev", version = VERSION.as_str(), about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Print errors only: no progress bar, warnings, notes or `wrote FILE` lines.
    #[arg(long, short = 'q', global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Say more on stderr: the index opened and the time taken, and every file `praev index`
    /// skips for its type (`.xlsx`, `.jpg`).
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
}

/// `praev --version`: the program's version and the index format it reads and writes, so a
/// refused index can be matched to the praev that built it.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    format!("{} (index format {})", env!("CARGO_PKG_VERSION"), praev::index::FORMAT_VERSION)
});

#[derive(Debug, Subcommand)]
pub enum Command {
    Index(index::IndexArgs),
    Search(search::SearchArgs),
    Analyze(analyze::AnalyzeArgs),
    Eval(eval::EvalArgs),
    Themes(themes::ThemesArgs),
    Theme(theme::ThemeArgs),
    Matrix(matrix::MatrixArgs),
    Trend(trend::TrendArgs),
    Quotes(quotes::QuotesArgs),
    Speakers(speakers::SpeakersArgs),
    Municipalities(municipalities::MunicipalitiesArgs),
    Documents(documents::DocumentsArgs),
    Similar(similar::SimilarArgs),
    Compare(compare::CompareArgs),
    Duplicates(duplicates::DuplicatesArgs),
    Kwic(kwic::KwicArgs),
    Terms(terms::TermsArgs),
    Synonyms(synonyms::SynonymsArgs),
    Batch(batch::BatchArgs),
    Export(export::ExportArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
    Serve(serve::ServeArgs),
}

/// An error in what the user asked for (exit code 2), as opposed to a failure (exit code 1).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs the command; a panic becomes one error line (see [`panic`]).
pub fn run(cli: Cli) -> anyhow::Result<()> {
    panic::contain(|| run_command(cli))
}

fn run_command(cli: Cli) -> anyhow::Result<()> {
    verbosity::Verbosity::from_flags(cli.quiet, cli.verbose).install();
    let started = std::time::Instant::now();
    let result = dispatch(cli.command);
    verbosity::detail(&format!("seconds: {:.3}", started.elapsed().as_secs_f64()));
    result
}

fn dispatch(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Index(args) => index::run(args),
        Command::Search(args) => search::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Themes(args) => themes::run(args),
        Command::Theme(args) => theme::run(args),
        Command::Matrix(args) => matrix::run(args),
        Command::Trend(args) => trend::run(args),
        Command::Quotes(args) => quotes::run(args),
        Command::Speakers(args) => speakers::run(args),
        Command::Municipalities(args) => municipalities::run(args),
        Command::Documents(args) => documents::run(args),
        Command::Similar(args) => similar::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Duplicates(args) => duplicates::run(args),
        Command::Kwic(args) => kwic::run(args),
        Command::Terms(args) => terms::run(args),
        Command::Synonyms(args) => synonyms::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Export(args) => export::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Serve(args) => serve::run(args),
    }
}

/// Maps library errors about arguments to usage errors (exit code 2).
pub fn usage_or_failure(error: praev::Error) -> anyhow::Error {
    match error {
        praev::Error::InvalidArgument(message) => UsageError(message).into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every subcommand describes itself in its own words: a doc comment on a flattened
    /// argument group must never become a subcommand's description.
    #[test]
    fn every_subcommand_has_its_own_description() {
        let cli = Cli::command();
        let mut seen = std::collections::HashMap::new();
        for command in cli.get_subcommands() {
            let about = command.get_about().map(|about| about.to_string()).unwrap_or_default();
            assert!(!about.is_empty(), "`{}` has no description", command.get_name());
            if let Some(other) = seen.insert(about.clone(), command.get_name().to_string()) {
                panic!("`{}` and `{other}` share the description {about:?}", command.get_name());
            }
        }
        let eval = cli.find_subcommand("eval").expect("eval subcommand");
        assert!(eval.get_about().unwrap().to_string().starts_with("Measure ranking quality"));
    }
}
