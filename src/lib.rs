//! praev: search German municipal prevention texts (Präventionsketten).
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! * [`ingest`]: files → decoded text → boilerplate removed → metadata → passages
//! * [`analysis`]: the German analyzer (tokens, stop words, umlaut folding, stemming)
//! * [`index`]: passages into a tantivy index, built atomically, opened for search
//! * [`query`]: user queries → ranked, highlighted hits
//! * [`output`]: hits → table, JSON, JSON lines, CSV
//!
//! [`themes`] ranks passages and municipalities by the concepts of `index-config/themes.toml`;
//! [`wording`] compares how municipalities word things (concordances, keyness, copied text).
//!
//! [`serve`] offers the same searches as a local web application and JSON API.
//!
//! [`eval`] measures the ranking on judged queries (nDCG@10, R@20, MRR@10, P@5).
//!
//! [`config`] loads the editable resources of `index-config/`; [`bundled`] keeps the default
//! index of the bundled corpus up to date. The library never prints; the binary (`cli`) does.

pub mod analysis;
pub mod bundled;
pub mod config;
pub mod error;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod output;
pub mod query;
pub mod serve;
pub mod themes;
pub mod wording;

pub use error::{Error, Result};
