//! Queries over an open index: parsing the user's syntax, planning and compiling it into a
//! tantivy query, filtering, ranking, building hits, highlighting.
//!
//! This is the search core the other rankings (themes, wording, quotes) build on: they pass
//! their own scoring queries as [`Boost`]s or compile their own [`plan::QueryPlan`]s, restrict
//! with a [`PassageFilter`] and build hits with [`hits::HitBuilder`]. The core knows nothing of
//! themes or wording. Returns plain result structs ([`SearchResults`], [`Hit`]); turning them
//! into tables or JSON is the job of `output`.

pub mod compile;
pub mod derived_forms;
pub mod document;
pub mod feedback;
pub mod file_evidence;
pub mod filters;
pub mod frames;
pub mod highlight;
pub mod hits;
pub mod hypernyms;
pub mod parse;
pub mod part_synonyms;
pub mod plan;
pub mod proximity;
pub mod quotes;
pub mod related_terms;
pub mod roles;
pub mod scoring;
pub mod search;
pub mod speakers;

pub use feedback::Feedback;
pub use filters::PassageFilter;
pub use hits::Hit;
pub use search::{plan, resolve_municipalities, search, Boost, SearchRequest, SearchResults};
