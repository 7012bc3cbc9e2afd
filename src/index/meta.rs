//! `praev.json`: what an index generation records about itself.
//!
//! The format version guards against opening an index that this praev would misread; the
//! config hash tells what analysis built it. The per-document records (figures, contact, head
//! quote) are kept apart in `documents.jsonl`, read only by the views that need them, so that
//! opening a large index for one search stays cheap.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ingest::DocumentMeta;

/// Bump whenever the schema, the analysis or this file's layout changes incompatibly.
/// 5: passages store the document's district, title and url; `districts.json`.
/// 6: compounds do not split off the feminine plural `-innen` as a part; spelling variants
/// fold together (ph/f, -ntial/-nzial), umlaut-distinct stems keep their transcription
/// (fördern ≠ fordern), more feminine person nouns meet their base (Ärztin); `…_words`
/// fields whose norms are the word counts BM25 normalises by.
/// 10: passages index their document's first and last day (`date_first`, `date_last`) for
/// date filters; a generation keeps its ingested documents (`ingested.jsonl`) for updates.
/// 11: Latin singulars in `-ium`, `-eum`, `-rum`, `-uum` stem like their plurals
/// (`Familienzentrum` meets `Familienzentren`); the ingest record is binary (`ingested.bin`).
pub const FORMAT_VERSION: u32 = 11;
pub const META_FILE: &str = "praev.json";
pub const DOCUMENTS_FILE: &str = "documents.jsonl";
pub const MUNICIPALITIES_FILE: &str = "municipalities.json";
pub const DISTRICTS_FILE: &str = "districts.json";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexMeta {
    pub format_version: u32,
    pub praev_version: String,
    /// The folder that was indexed, as given (absolute).
    pub corpus_root: String,
    /// The config folder it was built with, absolute; None for the bundled config. With
    /// `corpus_root`, what `praev index --index IDX` alone updates from.
    #[serde(default)]
    pub config_dir: Option<String>,
    pub config_hash: String,
    /// Unix seconds when the build finished.
    pub built_at: u64,
    pub documents: usize,
    pub passages: usize,
    /// Quotes of people, indexed as passages of kind `quote` besides `passages`.
    #[serde(default)]
    pub quotes: usize,
    /// How many distinct municipalities the documents name (the names are in
    /// `municipalities.json`, read only when a filter needs them).
    pub municipalities: usize,
    pub skipped: Vec<SkippedRecord>,
    /// Files not indexed because an earlier file (in path order) has the same text.
    #[serde(default)]
    pub duplicates: Vec<DuplicateRecord>,
}

/// One indexed document and its metadata.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub file: String,
    pub encoding: String,
    pub passages: usize,
    /// How many direct quotes were found in it (reported statements not counted).
    #[serde(default)]
    pub quotes: usize,
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// The number of pages of a paged document (PDF); None for other formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SkippedRecord {
    pub file: String,
    pub reason: String,
}

/// A file left out of the index as a duplicate, and the file indexed in its place.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DuplicateRecord {
    pub file: String,
    pub same_as: String,
}

/// Just the version, read first so that a newer layout still yields a clear message.
#[derive(Deserialize)]
struct VersionOnly {
    format_version: u32,
}

impl IndexMeta {
    pub fn write(&self, dir: &Path) -> Result<()> {
        let path = dir.join(META_FILE);
        let json = serde_json::to_string_pretty(self).expect("index metadata serialises");
        std::fs::write(&path, json).map_err(|source| Error::Io { path, source })
    }

    /// Reads `praev.json` of an index generation; `index_path` names the index in errors.
    pub fn read(dir: &Path, index_path: &Path) -> Result<IndexMeta> {
        let path = dir.join(META_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::Damaged {
            path: index_path.to_path_buf(),
            message: format!("cannot read {}: {e}", path.display()),
        })?;
        let damaged = |e: serde_json::Error| Error::Damaged {
            path: index_path.to_path_buf(),
            message: format!("{}: {e}", path.display()),
        };
        let version: VersionOnly = serde_json::from_str(&text).map_err(damaged)?;
        if version.format_version != FORMAT_VERSION {
            return Err(Error::FormatVersion {
                path: index_path.to_path_buf(),
                found: version.format_version,
                expected: FORMAT_VERSION,
            });
        }
        serde_json::from_str(&text).map_err(damaged)
    }

    /// Writes the document records, one JSON object per line.
    pub fn write_documents(dir: &Path, documents: &[DocumentRecord]) -> Result<()> {
        let path = dir.join(DOCUMENTS_FILE);
        let mut text = String::new();
        for document in documents {
            text.push_str(&serde_json::to_string(document).expect("document records serialise"));
            text.push('\n');
        }
        std::fs::write(&path, text).map_err(|source| Error::Io { path, source })
    }

    /// Writes the sorted, distinct municipality names.
    pub fn write_municipalities(dir: &Path, names: &[String]) -> Result<()> {
        write_names(&dir.join(MUNICIPALITIES_FILE), names)
    }

    /// Reads the municipality names of an index generation.
    pub fn read_municipalities(dir: &Path, index_path: &Path) -> Result<Vec<String>> {
        read_names(&dir.join(MUNICIPALITIES_FILE), index_path)
    }

    /// Writes the sorted, distinct district names (the Kreise of the municipalities).
    pub fn write_districts(dir: &Path, names: &[String]) -> Result<()> {
        write_names(&dir.join(DISTRICTS_FILE), names)
    }

    /// Reads the district names of an index generation.
    pub fn read_districts(dir: &Path, index_path: &Path) -> Result<Vec<String>> {
        read_names(&dir.join(DISTRICTS_FILE), index_path)
    }

    /// Reads the document records of an index generation.
    pub fn read_documents(dir: &Path, index_path: &Path) -> Result<Vec<DocumentRecord>> {
        let path = dir.join(DOCUMENTS_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::Damaged {
            path: index_path.to_path_buf(),
            message: format!("cannot read {}: {e}", path.display()),
        })?;
        text.lines()
            .enumerate()
            .map(|(i, line)| {
                serde_json::from_str(line).map_err(|e| Error::Damaged {
                    path: index_path.to_path_buf(),
                    message: format!("{} line {}: {e}", path.display(), i + 1),
                })
            })
            .collect()
    }
}

fn write_names(path: &Path, names: &[String]) -> Result<()> {
    let json = serde_json::to_string(names).expect("names serialise");
    std::fs::write(path, json).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

fn read_names(path: &Path, index_path: &Path) -> Result<Vec<String>> {
    let damaged = |message: String| Error::Damaged { path: index_path.to_path_buf(), message };
    let text =
        std::fs::read_to_string(path).map_err(|e| damaged(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| damaged(format!("{}: {e}", path.display())))
}
