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
/// Without DIR, rebuilds the default index of the bundled corpus. The new index replaces the
/// old one only when complete: a failed or interrupted build leaves the previous index usable.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folder of documents to index. A `praev-manifest.tsv` in it may set municipality, kind
    /// and date per file (see README).
    pub dir: Option<PathBuf>,

    /// Index folder to build (created if missing; must be empty or a praev index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Folder of analyzer settings, word lists and synonyms; files it lacks come from the
    /// bundled index-config.
    #[arg(long, value_name = "DIR")]
    pub config: Option<PathBuf>,
}

pub fn run(args: IndexArgs) -> anyhow::Result<()> {
    let progress = IndexProgress::new("index");
    let report = match (args.dir, args.index) {
        (None, None) => praev::bundled::rebuild_index(&progress).map_err(super::usage_or_failure)?,
        (None, Some(_)) => {
            return Err(UsageError("name the folder to index: praev index DIR --index IDX".into()).into())
        }
        (Some(_), None) => {
            return Err(
                UsageError("say where to write the index: --index IDX (or set PRAEV_INDEX)".into()).into()
            )
        }
        (Some(dir), Some(index)) => {
            let config = match &args.config {
                Some(path) => ConfigFiles::read_dir(path).map_err(super::usage_or_failure)?,
                None => praev::bundled::config()?,
            };
            let request = BuildRequest { corpus: dir.clone(), index: index.clone(), config };
            praev::index::build(&request, &progress)
                .map_err(super::usage_or_failure)
                .with_context(|| format!("indexing {} into {}", dir.display(), index.display()))?
        }
    };
    progress.finish();
    print_summary(&report);
    Ok(())
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
