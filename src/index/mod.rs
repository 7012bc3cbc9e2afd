//! The index: schema, atomic and exclusive builds, and opening for search.
//!
//! It owns the on-disk layout (see [`store`]) and the mapping of passages to tantivy documents
//! (see [`schema`]); it knows nothing about queries or output. Reading never writes: a
//! generation is opened through [`read_only`], and [`check`] names the damaged file of an index
//! when a read failed.

pub mod build;
pub mod check;
pub mod documents;
pub mod file_ids;
pub mod ingested;
pub mod meta;
pub mod profiles;
pub mod read_only;
pub mod reader;
mod reading;
pub mod schema;
pub mod store;

pub use build::{build, remembered_sources, BuildProgress, BuildReport, BuildRequest};
pub use meta::{IndexMeta, FORMAT_VERSION};
pub use reader::PraevIndex;

/// Where a generation keeps the copy of the config it was built with.
pub const CONFIG_DIR: &str = "config";
/// Where a generation keeps its corpus vocabulary (an FST set): compound parts for queries.
pub const VOCABULARY_FILE: &str = "vocabulary.fst";
/// The synonyms of the config, parsed once at build time (JSON reads faster than TOML).
pub const SYNONYMS_FILE: &str = "synonyms.json";
/// The general thesaurus compiled for the corpus (see `analysis::thesaurus`); an index without
/// it searches without the thesaurus layer.
pub const THESAURUS_FILE: &str = "thesaurus.tsv";
