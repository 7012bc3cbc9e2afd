//! `praev.json`: what an index generation records about itself.
//!
//! The format version guards against opening an index that this praev would misread; the
//! config hash and corpus fingerprint tell the bundled index when to rebuild; the document
//! records keep each document's metadata for the views that need more than passages.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ingest::{DocKind, DocumentMeta};

/// Bump whenever the schema, the analysis or this file's layout changes incompatibly.
pub const FORMAT_VERSION: u32 = 1;
pub const META_FILE: &str = "praev.json";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexMeta {
    pub format_version: u32,
    pub praev_version: String,
    /// The folder that was indexed, as given (absolute).
    pub corpus_root: String,
    pub config_hash: String,
    /// Unix seconds when the build finished.
    pub built_at: u64,
    pub documents: Vec<DocumentRecord>,
    pub skipped: Vec<SkippedRecord>,
}

/// One indexed document and its metadata.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub file: String,
    pub encoding: String,
    pub passages: usize,
    #[serde(flatten)]
    pub meta: DocumentMeta,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SkippedRecord {
    pub file: String,
    pub reason: String,
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

    /// The distinct municipalities of the indexed documents, sorted.
    pub fn municipalities(&self) -> Vec<String> {
        let mut names: Vec<String> =
            self.documents.iter().filter_map(|d| d.meta.municipality.clone()).collect();
        names.sort();
        names.dedup();
        names
    }

    pub fn passage_count(&self) -> usize {
        self.documents.iter().map(|d| d.passages).sum()
    }

    pub fn kinds(&self) -> Vec<DocKind> {
        let mut kinds: Vec<DocKind> = self.documents.iter().map(|d| d.meta.kind).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }
}
