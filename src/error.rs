//! The library's typed errors. The binary adds context with `anyhow` and maps them to exit codes.

use std::path::PathBuf;

use thiserror::Error;

/// A problem on one line of a configuration or manifest file. The loader adds the file name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {message}")]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl LineError {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        LineError { line, message: message.into() }
    }
}

/// Errors of the praev library.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Config { path: PathBuf, source: LineError },

    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    #[error("the index at {} is locked: another `praev index` is building it right now", path.display())]
    Locked { path: PathBuf },

    #[error("no index at {} (build one with `praev index DIR --index {}`)", path.display(), path.display())]
    NoIndex { path: PathBuf },

    #[error("the index at {} has format version {found}, this praev reads version {expected}: rebuild it with `praev index`", path.display())]
    FormatVersion { path: PathBuf, found: u32, expected: u32 },

    #[error("the index at {} is damaged: {message}; rebuild it with `praev index`", path.display())]
    Damaged { path: PathBuf, message: String },

    #[error("{0}")]
    InvalidArgument(String),

    #[error("tantivy: {0}")]
    Tantivy(#[from] tantivy::TantivyError),

    #[error("query: {0}")]
    Query(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
