//! `praev compare A B`: two municipalities (or two documents) side by side.
//!
//! Either side may also be a file that is not in the index (a coordinator's unpublished
//! draft, in any format `praev index` reads) or `-` for standard input. Such a file is compared
//! through a temporary index built with the index's own configuration from the draft and the
//! other side's documents, read again from the indexed folder: the draft is analysed exactly
//! as indexed documents are, and the comparison's statistics are those of the two sides.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use super::UsageError;
use praev::index::{BuildProgress, BuildRequest, PraevIndex};
use praev::ingest::formats::{self, FileFormat};
use praev::output;
use praev::output::compare::CompareReport;
use praev::output::long::{self, LongReport};
use praev::wording::compare::{compare, side, Side};

/// What `--format` prints.
const FORMAT_HELP: &str = "table: theme strengths, distinctive words, similar passages, shared \
sequences; json: {a, b, themes, distinctive_a, distinctive_b, similar_passages, shared_sequences}; \
jsonl: that object on one line; csv: one row per item, section,name,a,b,detail. With --long: only the \
theme strengths, one row per (theme, side) with theme, municipality, strength, passages, documents, label, side \
(json: an array of rows)";

/// Compare two municipalities (or two files of the index): theme strengths, each side's
/// distinctive words against the other, the most similar passage pairs, and word sequences of
/// five or more words both share (a copied slogan or Leitbild line).
///
/// One side may be a file outside the index (text, HTML, PDF, DOCX, ODT) or `-` for standard
/// input: a draft compared with a municipality.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct CompareArgs {
    /// A municipality (a part of the name is enough), a file of the index, or a file outside
    /// it (`-`: standard input).
    #[arg(allow_hyphen_values = true)]
    pub a: String,

    /// The other municipality or file.
    #[arg(allow_hyphen_values = true)]
    pub b: String,

    #[command(flatten)]
    pub index: IndexArg,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    /// Only the theme strengths, in long (tidy) form: one row per theme and side with the
    /// columns theme, municipality (the side's name), strength, passages, documents, label,
    /// side (a or b).
    #[arg(long)]
    pub long: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: CompareArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let themes = super::themes::load(&index, args.themes_file.as_deref())?;
    let (a_outside, b_outside) = (is_outside_file(&index, &args.a), is_outside_file(&index, &args.b));
    let comparison = match (a_outside, b_outside) {
        (true, true) => {
            return Err(UsageError("compare a file outside the index with a municipality or a file of the index, not with another outside file".into()).into())
        }
        (false, false) => {
            let a = side(&index, &args.a).map_err(super::usage_or_failure)?;
            let b = side(&index, &args.b).map_err(super::usage_or_failure)?;
            compare(&index, a, b, &themes)
        }
        (true, false) => {
            let other = side(&index, &args.b).map_err(super::usage_or_failure)?;
            let draft = Draft::read(&args.a)?;
            let overlay = overlay(&index, &draft, &other)?;
            let a = side(&overlay.index, &overlay.draft_file).map_err(super::usage_or_failure)?;
            compare(&overlay.index, a, other, &themes)
        }
        (false, true) => {
            let other = side(&index, &args.a).map_err(super::usage_or_failure)?;
            let draft = Draft::read(&args.b)?;
            let overlay = overlay(&index, &draft, &other)?;
            let b = side(&overlay.index, &overlay.draft_file).map_err(super::usage_or_failure)?;
            compare(&overlay.index, other, b, &themes)
        }
    };
    let comparison = comparison.map_err(super::usage_or_failure).context("comparing")?;
    match args.long {
        true => destination.emit(&LongReport(long::comparison_rows(&comparison))),
        false => destination.emit(&CompareReport(&comparison)),
    }
}

/// `-`, or an existing file that is not named like a file of the index.
fn is_outside_file(index: &PraevIndex, name: &str) -> bool {
    if name == "-" {
        return true;
    }
    let in_index = side(index, name).is_ok_and(|s| s.kind == "file");
    !in_index && Path::new(name).is_file()
}

/// A file outside the index: its file name, and its bytes.
struct Draft {
    name: String,
    bytes: Vec<u8>,
}

impl Draft {
    fn read(name: &str) -> anyhow::Result<Draft> {
        if name == "-" {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
            let extension = match formats::detect(&bytes, None) {
                FileFormat::Text => "txt",
                FileFormat::Html => "html",
                FileFormat::Pdf => "pdf",
                FileFormat::Docx => "docx",
                FileFormat::Odt => "odt",
                FileFormat::Rtf => "rtf",
            };
            return Draft::checked(format!("standard-input.{extension}"), bytes, "standard input");
        }
        let path = Path::new(name);
        let bytes = std::fs::read(path).map_err(|e| UsageError(format!("cannot read {name}: {e}")))?;
        let file_name =
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| name.into());
        Draft::checked(file_name, bytes, name)
    }

    /// The draft, if its format has text to give (else a usage error with the reason).
    fn checked(name: String, bytes: Vec<u8>, shown: &str) -> anyhow::Result<Draft> {
        let extension = formats::extension_of(Path::new(&name));
        let supported = extension.as_deref().is_some_and(formats::is_supported_extension);
        if !supported {
            return Err(UsageError(format!(
                "cannot read {shown}: praev reads {}",
                formats::SUPPORTED_EXTENSIONS.join(", ")
            ))
            .into());
        }
        formats::read(&bytes, extension.as_deref())
            .map_err(|reason| UsageError(format!("cannot read {shown}: {reason}")))?;
        Ok(Draft { name, bytes })
    }
}

/// A temporary index of a draft and the documents of the other side.
struct Overlay {
    index: PraevIndex,
    /// The draft's path in the temporary index: its file name, in a folder `entwurf/` if a
    /// document of the other side has the same name.
    draft_file: String,
    _dir: tempfile::TempDir,
}

/// Quiet: the documents were indexed before; the draft was checked on reading.
struct Quiet;
impl BuildProgress for Quiet {}

fn overlay(index: &PraevIndex, draft: &Draft, other: &Side) -> anyhow::Result<Overlay> {
    let dir = tempfile::tempdir().context("creating a temporary folder")?;
    let corpus = dir.path().join("corpus");
    let root = Path::new(&index.meta.corpus_root);
    for file in &other.files {
        let target = corpus.join(file);
        std::fs::create_dir_all(target.parent().unwrap_or(&corpus))?;
        std::fs::copy(root.join(file), &target).map_err(|e| {
            UsageError(format!(
                "comparing a file needs the documents of {} from the indexed folder {}: {}: {e}",
                other.name,
                root.display(),
                file
            ))
        })?;
    }
    let manifest = root.join(praev::ingest::Manifest::FILE_NAME);
    if manifest.is_file() {
        std::fs::copy(&manifest, corpus.join(praev::ingest::Manifest::FILE_NAME))?;
    }
    let same_name = other.files.iter().any(|f| f.rsplit('/').next() == Some(draft.name.as_str()));
    let draft_file = if same_name { format!("entwurf/{}", draft.name) } else { draft.name.clone() };
    let draft_path = corpus.join(&draft_file);
    std::fs::create_dir_all(draft_path.parent().unwrap_or(&corpus))?;
    std::fs::write(&draft_path, &draft.bytes)?;
    let request = BuildRequest {
        corpus,
        index: dir.path().join("index"),
        config: index.config_files.clone(),
        config_dir: None,
    };
    praev::index::build(&request, &Quiet).context("indexing the file to compare")?;
    let overlay = PraevIndex::open(&request.index)?;
    Ok(Overlay { index: overlay, draft_file, _dir: dir })
}
