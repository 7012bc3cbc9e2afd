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

    /// A TOML syntax or type error of `text`, at the line where its span starts.
    pub fn of_toml(text: &str, error: &toml::de::Error) -> Self {
        let line = error.span().map_or(1, |span| line_of(text, span.start));
        LineError::new(line, error.message().trim())
    }
}

/// 1-based line number of a byte offset of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The line of the `n`-th (0-based) table header `header` (`[[theme]]`) of a TOML text: where
/// an error of that entry is reported.
pub fn table_line(text: &str, header: &str, n: usize) -> usize {
    text.lines().enumerate().filter(|(_, line)| line.trim() == header).nth(n).map_or(1, |(i, _)| i + 1)
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
