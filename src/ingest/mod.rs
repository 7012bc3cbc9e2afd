//! Ingest: from a folder of raw files to understood documents cut into passages.
//!
//! The stages, one file each, run in this order for every file:
//! `walk` (which files) → `formats` (PDF, DOCX, ODT to text; text and HTML through `decode`:
//! bytes to NFC text) → `boilerplate`
//! (drop web noise) → `metadata` (kind, municipality, figures, contact; the
//! `manifest` may override kind and municipality) → `passages` (paragraph-level units with
//! their section heading) → `quotes` (who said what, with speaker and role) → `dedup`
//! (a passage or quote repeated inside the document kept once). Across files, `dedup` also
//! finds the documents with the same text, which the build indexes once.
//!
//! What the stages know about German text (quotation marks, sentence ends and abbreviations,
//! office words, the profile template's labels) is written once, in `german`.
//!
//! This module owns the plain data types that later stages (index, query) consume. It never
//! prints: problems with single files are returned as [`Skipped`] entries, counted by the caller.

pub mod boilerplate;
pub mod decode;
pub mod dedup;
pub mod formats;
pub(crate) mod german;
mod html_nesting;
pub mod manifest;
pub mod metadata;
pub mod passages;
pub mod quotes;
pub mod walk;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use boilerplate::Boilerplate;
pub use dedup::{Duplicate, Fingerprint};
pub use manifest::Manifest;
pub use metadata::{Contact, DocumentMeta};
pub use passages::Passage;

/// What kind of text a document is. Detected from the text; the manifest can override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A municipality's programme page (figures, head quote, Leitbild, contact).
    Profile,
    /// A mission statement (Leitbild) as a document of its own.
    Leitbild,
    /// A press release issued by the municipality.
    Press,
    /// A news article: running text about the work by a newspaper, portal or blog.
    Article,
    /// A report: Fachbeitrag, Bericht, Positionspapier, Dokumentation, Handreichung, Studie.
    Report,
    /// A speech: Grußwort, Rede, Ansprache.
    Speech,
    /// Anything else.
    Other,
}

impl DocKind {
    /// The kinds of documents.
    pub const ALL: [DocKind; 7] = [
        DocKind::Profile,
        DocKind::Leitbild,
        DocKind::Press,
        DocKind::Article,
        DocKind::Report,
        DocKind::Speech,
        DocKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Profile => "profile",
            DocKind::Leitbild => "leitbild",
            DocKind::Press => "press",
            DocKind::Article => "article",
            DocKind::Report => "report",
            DocKind::Speech => "speech",
            DocKind::Other => "other",
        }
    }

    /// Parses a kind name as users write it (case-insensitive; `news`, the evaluation
    /// manifests' name, is accepted as `article`).
    pub fn parse(name: &str) -> Option<DocKind> {
        match name.trim().to_lowercase().as_str() {
            "news" => Some(DocKind::Article),
            name => DocKind::ALL.into_iter().find(|kind| kind.as_str() == name),
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of passage an indexed passage is: a passage of a document of some kind, or one
/// quote of a person (see [`quotes`]), indexed as a passage of its own next to the document's
/// passages. Kept apart from [`DocKind`] because a quote is no kind of document: a manifest or
/// the detection can never say `quote`, only the index and the `--kind` filter can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PassageKind {
    Document(DocKind),
    Quote,
}

impl PassageKind {
    /// Every passage kind, in the order lists of kinds name them (help texts, errors).
    pub const ALL: [PassageKind; 8] = [
        PassageKind::Document(DocKind::Profile),
        PassageKind::Document(DocKind::Leitbild),
        PassageKind::Document(DocKind::Press),
        PassageKind::Document(DocKind::Article),
        PassageKind::Document(DocKind::Report),
        PassageKind::Document(DocKind::Speech),
        PassageKind::Document(DocKind::Other),
        PassageKind::Quote,
    ];

    /// The name stored in the index's `kind` field and facet.
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Document(kind) => kind.as_str(),
            PassageKind::Quote => "quote",
        }
    }

    /// Parses a kind name as users write it: a document kind (see [`DocKind::parse`]) or
    /// `quote`.
    pub fn parse(name: &str) -> Option<PassageKind> {
        if name.trim().eq_ignore_ascii_case("quote") {
            return Some(PassageKind::Quote);
        }
        DocKind::parse(name).map(PassageKind::Document)
    }

    /// The kind names, comma-separated (`profile, leitbild, press, article, report, speech,
    /// other, quote`).
    pub fn names() -> String {
        PassageKind::ALL.map(PassageKind::as_str).join(", ")
    }
}

impl fmt::Display for PassageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the corpus root, with `/` separators: the file's id everywhere.
    pub rel_path: String,
    pub abs_path: PathBuf,
    /// Why the walk, which found this path, already knows it is no document (a FIFO, a folder
    /// named like a document, a link loop); None for a regular file.
    pub not_a_document: Option<SkipReason>,
}

/// Why a file was not indexed. Every skipped file is reported with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    Empty,
    Binary,
    Unreadable(String),
    /// The file has text, but nothing is left after boilerplate removal.
    NoText,
    /// A FIFO, socket or device with a document's name: reading it could block or never end.
    SpecialFile(&'static str),
    /// A folder with a document's name (its files are walked as usual).
    Folder,
    /// A symbolic link that cannot be followed (a loop, or one through a file).
    BrokenLink(String),
    /// A document format that has no text to give (a scan, an encrypted or broken file), or a
    /// file type praev does not read.
    Format(formats::ReadError),
}

impl SkipReason {
    /// A short label used to count skipped files by reason in the summary; an unsupported
    /// file type is counted by its extension (`.xlsx`).
    pub fn label(&self) -> String {
        let label = match self {
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::NoText => "no text",
            SkipReason::SpecialFile(_) => "not a regular file",
            SkipReason::Folder => "folder",
            SkipReason::BrokenLink(_) => "link loop",
            SkipReason::Format(formats::ReadError::NoTextLayer) => "no text layer",
            SkipReason::Format(formats::ReadError::Encrypted) => "encrypted",
            SkipReason::Format(formats::ReadError::Broken(_)) => "broken",
            SkipReason::Format(formats::ReadError::Unsupported(extension)) => {
                return if extension.is_empty() { "no extension".into() } else { format!(".{extension}") }
            }
        };
        label.to_string()
    }
}

impl SkipReason {
    /// A file of a type praev does not read: counted by type, not warned about one by one.
    pub fn is_unsupported_type(&self) -> bool {
        matches!(self, SkipReason::Format(formats::ReadError::Unsupported(_)))
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => f.write_str("empty file"),
            SkipReason::Binary => f.write_str("binary file (not text)"),
            SkipReason::Unreadable(why) => write!(f, "unreadable: {why}"),
            SkipReason::NoText => f.write_str("no text left after removing boilerplate"),
            SkipReason::SpecialFile(what) => write!(f, "not a regular file but a {what}"),
            SkipReason::Folder => f.write_str("a folder, not a file (its files are indexed)"),
            SkipReason::BrokenLink(why) => write!(f, "symbolic link that cannot be followed: {why}"),
            SkipReason::Format(error) => write!(f, "{error}"),
        }
    }
}

/// A file that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub rel_path: String,
    pub reason: SkipReason,
}

/// A document after decoding and understanding: clean text, metadata and passages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the corpus root, `/`-separated.
    pub file: String,
    /// The encoding the file was read in (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: String,
    pub meta: DocumentMeta,
    pub passages: Vec<Passage>,
    /// The quotes of people in the text, with speaker and role.
    pub quotes: Vec<quotes::Quote>,
    /// For paged formats (PDF): where each page starts in the cleaned text, to give quotes
    /// (by their offset) a page. Empty for formats without pages.
    #[serde(skip)]
    pub page_starts: formats::pages::PageStarts,
    /// The fingerprint of the cleaned text: documents with equal ones are duplicates (see
    /// [`dedup`]).
    #[serde(skip)]
    pub fingerprint: Fingerprint,
}

/// Everything the ingest stages need besides the files themselves.
pub struct IngestSettings<'a> {
    pub boilerplate: &'a Boilerplate,
    pub known_headings: &'a passages::KnownHeadings,
    pub municipalities: &'a metadata::Gazetteer,
    pub manifest: &'a Manifest,
}

/// The detected metadata of one cleaned text with the manifest's corrections applied. The
/// manifest's url is evidence for the detection; a municipality the manifest sets gets its
/// district from the gazetteer unless the manifest names the district too.
fn read_metadata(text: &str, rel_path: &str, settings: &IngestSettings) -> DocumentMeta {
    let places = settings.municipalities;
    let mut meta = metadata::extract_with_url(text, rel_path, settings.manifest.url(rel_path), places);
    let detected = meta.municipality.clone();
    settings.manifest.apply(rel_path, &mut meta);
    if meta.municipality != detected && !settings.manifest.names_district(rel_path) {
        meta.district = meta.municipality.as_deref().and_then(|m| places.district_of(m)).map(String::from);
    }
    meta
}

/// Reads, understands and splits one file from its `bytes` (read once by the caller, who
/// hashes them too). A file that cannot be indexed gives a [`SkipReason`].
pub fn ingest_file(
    file: &SourceFile,
    bytes: Vec<u8>,
    settings: &IngestSettings,
) -> Result<Document, SkipReason> {
    if let Some(reason) = &file.not_a_document {
        return Err(reason.clone());
    }
    let extracted = formats::read(&bytes, formats::extension_of(&file.abs_path).as_deref())?;
    drop(bytes);
    let text = settings.boilerplate.clean(&extracted.text);
    if text.trim().is_empty() {
        return Err(SkipReason::NoText);
    }
    let meta = read_metadata(&text, &file.rel_path, settings);
    let mut passages = dedup::drop_repeated_passages(passages::split_with(&text, settings.known_headings));
    if passages.is_empty() {
        return Err(SkipReason::NoText);
    }
    let page_starts = formats::pages::PageStarts(extracted.page_starts).carried_to(&extracted.text, &text);
    set_pages(&mut passages, &page_starts, &text);
    let quotes = dedup::drop_repeated_quotes(quotes::extract_with_reported(&text));
    Ok(Document {
        file: file.rel_path.clone(),
        encoding: extracted.encoding.to_string(),
        meta,
        passages,
        quotes,
        page_starts,
        fingerprint: Fingerprint::of(&text),
    })
}

/// Gives each passage of a paged document its page (see [`formats::pages`]).
fn set_pages(passages: &mut [Passage], page_starts: &formats::pages::PageStarts, text: &str) {
    if page_starts.is_empty() {
        return;
    }
    let pages = page_starts.of_passages(text, passages.iter().map(|p| p.text.as_str()));
    for (passage, page) in passages.iter_mut().zip(pages) {
        passage.page = page;
    }
}

/// Lists the indexable files under `root` (see [`walk::list_files`]).
pub fn list_files(root: &Path) -> std::io::Result<Vec<SourceFile>> {
    walk::list_files(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_is_a_passage_kind_and_no_document_kind() {
        assert_eq!(DocKind::parse("quote"), None);
        assert_eq!(PassageKind::parse(" Quote "), Some(PassageKind::Quote));
        assert_eq!(PassageKind::parse("news"), Some(PassageKind::Document(DocKind::Article)));
        assert_eq!(DocKind::parse("NEWS"), Some(DocKind::Article));
        assert_eq!(DocKind::parse("report"), Some(DocKind::Report));
        assert_eq!(DocKind::parse("Speech"), Some(DocKind::Speech));
        assert_eq!(PassageKind::names(), "profile, leitbild, press, article, report, speech, other, quote");
        for kind in PassageKind::ALL {
            assert_eq!(PassageKind::parse(kind.as_str()), Some(kind), "{kind} parses back");
        }
    }
}
