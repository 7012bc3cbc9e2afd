//! The passage filters that `search`, `theme` and the rows of `batch` share: municipality,
//! kind, passages per file.

use clap::Args;

use praev::index::PraevIndex;
use praev::ingest::{DocKind, PassageKind};
use praev::query::{self, PassageFilter};

#[derive(Debug, Args)]
pub struct PassageFilters {
    /// Only passages of this municipality (repeatable; case- and umlaut-insensitive, a part of
    /// the name is enough: `--municipality steinfurt`).
    #[arg(long, short = 'm', value_name = "M")]
    pub municipality: Vec<String>,

    #[arg(long, short = 'k', value_name = "K", value_parser = parse_kind, help = kind_help())]
    pub kind: Vec<PassageKind>,

    /// Show at most N passages of one file (0: all), so that one long document does not fill
    /// the list.
    #[arg(long, value_name = "N", default_value_t = query::search::DEFAULT_PER_FILE)]
    pub per_file: usize,
}

impl Default for PassageFilters {
    /// No restriction, and the default cap of passages per file.
    fn default() -> PassageFilters {
        PassageFilters {
            municipality: Vec::new(),
            kind: Vec::new(),
            per_file: query::search::DEFAULT_PER_FILE,
        }
    }
}

impl PassageFilters {
    /// The library's filter of these flags, with the quotes of `speaker` when given.
    pub fn passage_filter(
        &self,
        index: &PraevIndex,
        speaker: Option<String>,
    ) -> anyhow::Result<PassageFilter> {
        Ok(PassageFilter { municipalities: self.municipalities(index)?, kinds: self.kind.clone(), speaker })
    }

    /// The index's names of the municipalities asked for (a usage error for unknown ones).
    pub fn municipalities(&self, index: &PraevIndex) -> anyhow::Result<Vec<String>> {
        query::resolve_municipalities(index, &self.municipality).map_err(super::usage_or_failure)
    }
}

/// The help of `--kind`, from the same list of kinds as [`parse_kind`]'s error.
pub(super) fn kind_help() -> String {
    format!(
        "Only passages of documents of this kind (repeatable): {}; `{}` for the quotes of people",
        document_kind_names(),
        PassageKind::Quote
    )
}

/// The document kinds, comma-separated, from [`DocKind::ALL`].
pub(super) fn document_kind_names() -> String {
    DocKind::ALL.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(", ")
}

/// A `--kind` value that must name a document kind (not `quote`).
pub(super) fn parse_document_kind(value: &str) -> Result<DocKind, String> {
    DocKind::parse(value)
        .ok_or_else(|| format!("unknown document kind {value:?} ({})", document_kind_names()))
}

/// A `--kind` value: a document kind, or `quote`.
pub(super) fn parse_kind(value: &str) -> Result<PassageKind, String> {
    PassageKind::parse(value).ok_or_else(|| format!("unknown kind {value:?} ({})", PassageKind::names()))
}
