//! `praev index`: build an index of a folder of documents.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::progress::IndexProgress;
use super::UsageError;
use praev::config::ConfigFiles;
use praev::index::{BuildReport, BuildRequest};

/// Index a folder of documents (.txt, .md, .html, .htm, .pdf, .docx, .odt, .rtf, searched
/// recursively). Files of other types are counted as skipped by type.
///
/// Without DIR and --index, rebuilds the default index of the bundled corpus; with --index
/// alone, updates that index from the folder and config it was built with. On an existing
/// index only added and changed files are read (by content hash); the summary says what
/// changed (`added N, changed N, removed N, unchanged N` on stderr). The new index replaces the
/// old one only when complete: a failed or interrupted build leaves the previous index usable.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folder of documents to index. A `praev-manifest.tsv` in it may set municipality, kind
    /// and date per file (see README). Without it, --index IDX is updated from the folder it
    /// was built from.
    pub dir: Option<PathBuf>,

    /// Index folder to build (created if missing; must be empty or a praev index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Folder of analyzer settings, word lists and synonyms; files it lacks come from the
    /// bundled index-config. The index remembers it for updates (`praev index --index IDX`);
    /// when its files changed, every document is read anew.
    #[arg(long, value_name = "DIR")]
    pub config: Option<PathBuf>,
}

pub fn run(args: IndexArgs) -> anyhow::Result<()> {
    let progress = IndexProgress::new("index");
    let report = match (args.dir, args.index) {
        (None, None) => praev::bundled::rebuild_index(&progress).map_err(super::usage_or_failure)?,
        (None, Some(index)) => {
            let (dir, remembered_config) =
                praev::index::remembered_sources(&index).map_err(super::usage_or_failure)?;
            let config_dir = args.config.or(remembered_config);
            build(dir, index, config_dir, &progress)?
        }
        (Some(_), None) => {
            return Err(
                UsageError("say where to write the index: --index IDX (or set PRAEV_INDEX)".into()).into()
            )
        }
        (Some(dir), Some(index)) => build(dir, index, args.config, &progress)?,
    };
    progress.finish();
    if let Some(changes) = report.changes.as_ref().filter(|_| super::verbosity::normal()) {
        eprintln!(
            "added {}, changed {}, removed {}, unchanged {} (files read: {})",
            changes.added, changes.changed, changes.removed, changes.unchanged, report.files_read
        );
    }
    print_summary(&report);
    Ok(())
}

/// Builds (or updates) the index at `index` of the folder `dir` with the config in
/// `config_dir` (None: the bundled config).
fn build(
    dir: PathBuf,
    index: PathBuf,
    config_dir: Option<PathBuf>,
    progress: &IndexProgress,
) -> anyhow::Result<BuildReport> {
    let config = match &config_dir {
        Some(path) => ConfigFiles::read_dir(path).map_err(super::usage_or_failure)?,
        None => praev::bundled::config()?,
    };
    let request = BuildRequest { corpus: dir.clone(), index: index.clone(), config, config_dir };
    praev::index::build(&request, progress)
        .map_err(super::usage_or_failure)
        .with_context(|| format!("indexing {} into {}", dir.display(), index.display()))
}

fn print_summary(report: &BuildReport) {
    let skipped = if report.skipped.is_empty() {
        "0".to_string()
    } else {
        let by_reason: Vec<String> =
            report.skipped_by_reason().iter().map(|(reason, n)| format!("{n} {reason}")).collect();
        format!("{} ({})", report.skipped.len(), by_reason.join(", "))
    };
    println!("index:          {}", report.index.display());
    println!("documents:      {}", report.documents);
    println!("passages:       {}", report.passages);
    println!("quotes:         {}", report.quotes);
    println!("municipalities: {}", report.municipalities);
    println!("skipped:        {skipped}");
    println!("duplicates:     {}", report.duplicates.len());
    println!("seconds:        {:.2}", report.seconds);
}
