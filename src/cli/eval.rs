//! `praev eval`: ranking quality on judged queries, query-by-query comparison of two runs, the
//! accuracy of the detected metadata (`--metadata`) and of the extracted quotes (`--quotes`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::args::{Destination, OutputArgs};
use super::progress::IndexProgress;
use super::UsageError;
use praev::eval::metadata::Truth;
use praev::eval::quotes::{ExtractedQuote, QuoteTruth};
use praev::eval::run::Ranker;
use praev::eval::{self, Dataset, Run};
use praev::index::{BuildRequest, PraevIndex};
use praev::ingest::Manifest;
use praev::output;
use praev::output::eval::metadata::MetadataReport;
use praev::output::eval::quotes::QuoteEvaluationReport;
use praev::output::eval::{EvalComparisonReport, EvaluationReport};
use praev::query::quotes::{find_quotes, QuoteForm, QuoteRequest};

/// The `system` name of praev's runs.
const SYSTEM: &str = "praev";

/// What `--format` writes, per mode of `eval`.
const FORMAT_HELP: &str = "table: the metrics per query, per intent and overall; json: {dataset, system, k, \
gain, queries, judged_queries, answered, overall, by_intent, per_query}; jsonl: one query {qid, query, intent, \
metrics} per line; csv: the same, one row per query. With --compare: the changed queries; json: {dataset, k, a, \
b, deltas}; jsonl and csv: one delta {qid, query, intent, a, b, delta} per line or row. With --metadata: \
accuracy per field and the misses; json: {dataset, documents, not_indexed, accuracy, misses}; jsonl and csv: one \
miss {file, field, detected, expected} per line or row. With --quotes: recall, precision, speaker and role \
accuracy and the problems; json: {dataset, quotes, found, extracted, borderline, false_positives, recall, \
precision, speaker_accuracy, role_accuracy, problems}; jsonl and csv: one problem {file, quote, problem, detected, \
expected} per line or row, problem one of missed, false_positive, speaker, role";

/// Measure ranking quality on judged queries: nDCG@k, Recall@20, MRR@10 and P@5 per query,
/// per intent and overall (the metrics of ../shared/baselines/eval.py).
///
/// DATASET is a folder with corpus/ (the documents), queries.tsv (qid, query, intent) and
/// qrels.tsv (qid, file, grade 1-3, phrase). Without --index, DATASET/corpus is indexed into a
/// temporary folder with the current index-config. Every query runs through the same search as
/// `praev search`.
///
/// With --compare A.jsonl B.jsonl, scores two run files instead and lists the queries whose
/// nDCG changed most. With --metadata, scores the detected municipality, kind and date of the
/// documents against DATASET/manifest.tsv instead; with --quotes, the extracted quotes against
/// DATASET/quotes.tsv.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct EvalArgs {
    /// The dataset folder.
    pub dataset: PathBuf,

    /// Search this index instead of building one of DATASET/corpus.
    #[arg(long, value_name = "IDX", conflicts_with = "compare")]
    pub index: Option<PathBuf>,

    /// The nDCG cutoff.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub k: u64,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Also write the ranked passages of every query to this run file (JSON lines).
    #[arg(long, value_name = "OUT.jsonl", conflicts_with = "compare")]
    pub run: Option<PathBuf>,

    /// Passages kept per query (the metrics look at the first 20).
    #[arg(long, short = 'n', default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=10_000), conflicts_with = "compare")]
    pub limit: u64,

    /// Answer the queries with `praev search` (default), `praev theme` (each query names a
    /// theme) or `praev quotes`.
    #[arg(long, value_enum, default_value_t = EvalCommand::Search, conflicts_with = "compare")]
    pub command: EvalCommand,

    /// Search without synonyms, like `praev search --exact`.
    #[arg(long, conflicts_with = "compare")]
    pub exact: bool,

    /// Search with pseudo-relevance feedback, like `praev search --feedback`.
    #[command(flatten)]
    pub feedback: super::search::FeedbackArgs,

    /// Only the queries of this intent (e.g. `theme`).
    #[arg(long, value_name = "INTENT")]
    pub intent: Option<String>,

    /// Only these queries (comma-separated or repeated qids, e.g. `--qid d04,d06`).
    #[arg(long, value_name = "QID", value_delimiter = ',')]
    pub qid: Vec<String>,

    /// Compare two run files query by query instead of searching.
    #[arg(long, num_args = 2, value_names = ["A.jsonl", "B.jsonl"])]
    pub compare: Option<Vec<PathBuf>>,

    /// Score the detected municipality, kind and date of the documents against
    /// DATASET/manifest.tsv (file, municipality, kind, date; `-` for none) instead of ranking:
    /// accuracy per field and the misses. The manifest is the answer, so it is not applied.
    #[arg(long, conflicts_with_all = ["compare", "run", "exact", "intent", "qid", "command", "limit", "k"])]
    pub metadata: bool,

    /// Score the extracted quotes against DATASET/quotes.tsv (file, quote_start, speaker, role,
    /// note; every direct quote of the corpus) and DATASET/quotes_borderline.tsv if present
    /// (cases counted neither way) instead of ranking: recall, precision, speaker and role
    /// accuracy, and the problems. A quote is found when an extracted quote of its file starts
    /// with the words of quote_start (punctuation and case aside).
    #[arg(long, conflicts_with_all = ["compare", "run", "exact", "intent", "qid", "command", "limit", "k", "metadata"])]
    pub quotes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalCommand {
    /// The ranking of `praev search`.
    Search,
    /// The ranking of `praev theme`.
    Theme,
    /// The ranking of `praev quotes`.
    Quotes,
}

pub fn run(args: EvalArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    if args.metadata {
        return evaluate_metadata(&args, &destination);
    }
    if args.quotes {
        return evaluate_quotes(&args, &destination);
    }
    let mut dataset = Dataset::read(&args.dataset).map_err(super::usage_or_failure)?;
    if let Some(intent) = &args.intent {
        dataset.queries.retain(|q| &q.intent == intent);
        if dataset.queries.is_empty() {
            return Err(UsageError(format!(
                "no query of {} has the intent {intent:?}",
                args.dataset.display()
            ))
            .into());
        }
    }
    if !args.qid.is_empty() {
        if let Some(unknown) = args.qid.iter().find(|qid| !dataset.queries.iter().any(|q| &q.qid == *qid)) {
            return Err(UsageError(format!(
                "--qid {unknown}: no such query in {} (after --intent)",
                args.dataset.display()
            ))
            .into());
        }
        dataset.queries.retain(|q| args.qid.contains(&q.qid));
    }
    for warning in &dataset.warnings {
        super::verbosity::warning(&warning.to_string());
    }
    let k = args.k as usize;
    match &args.compare {
        Some(runs) => compare(&dataset, &runs[0], &runs[1], k, &destination),
        None => evaluate(&dataset, &args, k, &destination),
    }
}

fn evaluate(dataset: &Dataset, args: &EvalArgs, k: usize, destination: &Destination) -> anyhow::Result<()> {
    // Keeps the temporary index alive until the searches are done.
    let (index, _temp) = open_index(args.index.as_deref(), &dataset.root)?;
    let ranker = match args.command {
        EvalCommand::Search => Ranker::Search { exact: args.exact, feedback: args.feedback.settings() },
        EvalCommand::Theme => Ranker::Theme,
        EvalCommand::Quotes => Ranker::Quotes,
    };
    let run = eval::run::run_all(&index, dataset, args.limit as usize, SYSTEM, ranker)
        .map_err(super::usage_or_failure)
        .context("answering the queries")?;
    if let Some(path) = &args.run {
        write_run(&run, path)?;
    }
    let evaluation = eval::evaluate(dataset, &run, k);
    destination.emit(&EvaluationReport(&evaluation))
}

/// `--metadata`: the detected metadata of the documents against `DATASET/manifest.tsv`.
fn evaluate_metadata(args: &EvalArgs, destination: &Destination) -> anyhow::Result<()> {
    if !args.dataset.is_dir() {
        let message = format!("dataset folder {} does not exist", args.dataset.display());
        return Err(UsageError(message).into());
    }
    let truth = Truth::read(&args.dataset).map_err(super::usage_or_failure)?;
    let corpus_manifest = args.dataset.join("corpus").join(Manifest::FILE_NAME);
    if args.index.is_none() && corpus_manifest.is_file() {
        super::verbosity::warning(&format!(
            "{} corrects the detected metadata being scored",
            corpus_manifest.display()
        ));
    }
    let (index, _temp) = open_index(args.index.as_deref(), &args.dataset)?;
    let documents = index.documents().context("reading the indexed documents")?;
    let evaluation = eval::metadata::evaluate_metadata(&args.dataset, &truth, &documents);
    destination.emit(&MetadataReport(&evaluation))
}

/// `--quotes`: the extracted quotes against `DATASET/quotes.tsv`.
fn evaluate_quotes(args: &EvalArgs, destination: &Destination) -> anyhow::Result<()> {
    if !args.dataset.is_dir() {
        let message = format!("dataset folder {} does not exist", args.dataset.display());
        return Err(UsageError(message).into());
    }
    let truth = QuoteTruth::read(&args.dataset).map_err(super::usage_or_failure)?;
    let (index, _temp) = open_index(args.index.as_deref(), &args.dataset)?;
    // The truth lists direct quotes: reported statements are neither found nor false.
    let listing =
        QuoteRequest { limit: usize::MAX, form: Some(QuoteForm::Direct), ..QuoteRequest::default() };
    let quotes = find_quotes(&index, &listing).context("listing the extracted quotes")?;
    let extracted: Vec<ExtractedQuote> = quotes
        .hits
        .into_iter()
        .map(|hit| ExtractedQuote {
            file: hit.file,
            text: hit.quote.unwrap_or(hit.text),
            speaker: hit.speaker,
            role: hit.role,
        })
        .collect();
    let evaluation = eval::quotes::evaluate_quotes(&args.dataset, &truth, &extracted);
    destination.emit(&QuoteEvaluationReport(&evaluation))
}

/// `--index IDX`, else an index of `DATASET/corpus` in a temporary folder, which the returned
/// guard keeps until it is dropped.
fn open_index(
    index: Option<&Path>,
    dataset: &Path,
) -> anyhow::Result<(PraevIndex, Option<tempfile::TempDir>)> {
    let (path, temp) = match index {
        Some(path) => (path.to_path_buf(), None),
        None => {
            let temp = build_temporary_index(dataset)?;
            (temp.path().join("index"), Some(temp))
        }
    };
    super::panic::note_index(&path);
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    Ok((index, temp))
}

/// Indexes `DATASET/corpus` with the current index-config into a new temporary folder.
fn build_temporary_index(dataset: &Path) -> anyhow::Result<tempfile::TempDir> {
    let corpus = dataset.join("corpus");
    if !corpus.is_dir() {
        let message = format!(
            "{} does not exist: a dataset folder holds corpus/, queries.tsv and qrels.tsv (or pass --index IDX)",
            corpus.display()
        );
        return Err(UsageError(message).into());
    }
    let temp =
        tempfile::Builder::new().prefix("praev-eval-").tempdir().context("creating a temporary folder")?;
    let config = praev::bundled::config().context("reading the index-config")?;
    let request =
        BuildRequest { corpus: corpus.clone(), index: temp.path().join("index"), config, config_dir: None };
    let progress = IndexProgress::new("dataset corpus");
    praev::index::build(&request, &progress)
        .map_err(super::usage_or_failure)
        .with_context(|| format!("indexing {}", corpus.display()))?;
    progress.finish();
    Ok(temp)
}

fn write_run(run: &Run, path: &Path) -> anyhow::Result<()> {
    let context = || format!("writing the run file {}", path.display());
    let mut out = BufWriter::new(File::create(path).with_context(context)?);
    run.write_jsonl(&mut out).with_context(context)?;
    out.flush().with_context(context)
}

fn compare(dataset: &Dataset, a: &Path, b: &Path, k: usize, destination: &Destination) -> anyhow::Result<()> {
    for path in [a, b] {
        if !path.is_file() {
            return Err(UsageError(format!("run file {} does not exist", path.display())).into());
        }
    }
    let a = Run::read_jsonl(a)?;
    let b = Run::read_jsonl(b)?;
    let comparison = eval::compare(dataset, &a, &b, k);
    destination.emit(&EvalComparisonReport(&comparison))
}
