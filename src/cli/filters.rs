//! The passage filters that `search`, `theme` and the rows of `batch` share: municipality,
//! kind, date, passages per file; and the date bounds alone, which `quotes`, `matrix`, `terms`
//! and `trend` take too.

use clap::Args;

use praev::index::PraevIndex;
use praev::ingest::metadata::DatePeriod;
use praev::ingest::{DocKind, PassageKind};
use praev::query::filters::DateRange;
use praev::query::search::SortOrder;
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

    #[command(flatten)]
    pub dates: DateFilters,
}

impl Default for PassageFilters {
    /// No restriction, and the default cap of passages per file.
    fn default() -> PassageFilters {
        PassageFilters {
            municipality: Vec::new(),
            kind: Vec::new(),
            per_file: query::search::DEFAULT_PER_FILE,
            dates: DateFilters::default(),
        }
    }
}

/// `--since` and `--until`: documents by their date.
#[derive(Debug, Default, Args)]
pub struct DateFilters {
    /// Only documents dated in or after this period: YYYY, YYYY-MM or YYYY-MM-DD (`2021` means
    /// from 2021-01-01). A document dated less precisely counts when its period overlaps;
    /// undated documents are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<DatePeriod>,

    /// Only documents dated in or before this period: YYYY, YYYY-MM or YYYY-MM-DD (`2021` means
    /// up to 2021-12-31). Undated documents are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<DatePeriod>,
}

impl DateFilters {
    /// The library's range; a usage error when `--since` begins after `--until` ends.
    pub fn range(&self) -> anyhow::Result<DateRange> {
        let range = DateRange { since: self.since.map(|p| p.first), until: self.until.map(|p| p.last) };
        if let (Some(since), Some(until)) = (range.since, range.until) {
            if since > until {
                return Err(super::UsageError(
                    "--since names a date after --until: nothing is in between".into(),
                )
                .into());
            }
        }
        Ok(range)
    }
}

/// `--sort`: the usual order, or newest document first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    Score,
    Date,
}

impl Sort {
    pub fn order(self) -> SortOrder {
        match self {
            Sort::Score => SortOrder::Score,
            Sort::Date => SortOrder::Date,
        }
    }
}

pub(super) fn parse_date(value: &str) -> Result<DatePeriod, String> {
    DatePeriod::parse(value).map_err(|e| e.to_string())
}

impl PassageFilters {
    /// The library's filter of these flags, with the quotes of `speaker` when given.
    pub fn passage_filter(
        &self,
        index: &PraevIndex,
        speaker: Option<String>,
    ) -> anyhow::Result<PassageFilter> {
        Ok(PassageFilter {
            municipalities: self.municipalities(index)?,
            kinds: self.kind.clone(),
            speaker,
            dates: self.dates.range()?,
        })
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
