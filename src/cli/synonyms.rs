//! `praev synonyms`: what the synonym entries are searched as, and `--check` for members whose
//! search term unrelated words of the corpus share (`Erziehende` → `erzieh`, also Erzieher).

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::analysis::Lexicon;
use praev::index::VOCABULARY_FILE;
use praev::output;
use praev::output::synonyms::SynonymsReport;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: entry, member, term and the other words with this term; json: a \
list of {entry, member, term, words}; jsonl: one member per line; csv: the same columns (words \
space-separated)";

/// The one-word members of the synonym entries (index-config/synonyms.toml of the index), the
/// term each is searched as, and the words of the index's corpus that share that term without
/// being inflected forms of the member.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct SynonymsArgs {
    /// List only the members whose term other words share (collisions): candidates for a wrong
    /// synonym, to be reworded, weighted down or removed.
    #[arg(long)]
    pub check: bool,

    #[command(flatten)]
    pub index: IndexArg,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: SynonymsArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let path = index.generation.join(VOCABULARY_FILE);
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let vocabulary = Lexicon::corpus_set(bytes).with_context(|| format!("reading {}", path.display()))?;
    use fst::IntoStreamer;
    let words =
        vocabulary.into_stream().into_strs().with_context(|| format!("reading {}", path.display()))?;
    let mut members = index.analysis.synonyms.member_terms(&index.analyzer, words);
    if args.check {
        members.retain(|m| !m.words.is_empty());
    }
    destination.emit(&SynonymsReport { members: &members, check: args.check }).context("writing the synonyms")
}
