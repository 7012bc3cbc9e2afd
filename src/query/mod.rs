//! Queries over an open index: parsing the user's syntax, ranking, highlighting.
//!
//! Returns plain result structs ([`SearchResults`], [`Hit`]); turning them into tables or JSON
//! is the job of `output`.

pub mod highlight;
pub mod parse;
pub mod plan;
pub mod quotes;
pub mod search;
pub mod synonyms;

pub use search::{plan, resolve_municipalities, search, Hit, SearchRequest, SearchResults};
