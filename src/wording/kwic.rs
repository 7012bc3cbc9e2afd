//! Keyword in context (a concordance): every occurrence of a word in the passages, with the
//! words to its left and right, lined up so that the forms a municipality uses can be read
//! down one column.
//!
//! Matching is the search's own: the term is planned with the German analysis (no synonyms),
//! so `Übergang` finds `Übergänge`, `Übergangs` and `Übergangsmanagement`, and the occurrences
//! are the words the search highlights in each hit. Quotes are left out, as in search.

use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::ingest::PassageKind;
use crate::query::{self, Hit, PassageFilter, SearchRequest};

/// Context width in characters on each side, by default.
pub const DEFAULT_WIDTH: usize = 40;
/// Passages searched for occurrences: all of them on any realistic corpus.
const MAX_PASSAGES: usize = 100_000;
/// Marks context cut off at a word boundary.
pub const ELLIPSIS: char = '…';

/// One occurrence with its context. `left`, `matched` and `right` are, without the leading
/// and trailing `…`, consecutive parts of the passage text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KwicLine {
    pub file: String,
    pub passage: u64,
    pub municipality: Option<String>,
    pub left: String,
    #[serde(rename = "match")]
    pub matched: String,
    pub right: String,
}

/// What to look for besides the term.
#[derive(Debug, Clone, Default)]
pub struct KwicRequest {
    /// Characters of context on each side (cut at word boundaries).
    pub width: usize,
    /// Exact municipality names; empty means all.
    pub municipalities: Vec<String>,
    /// Empty means all kinds but quotes.
    pub kinds: Vec<PassageKind>,
    /// At most this many lines (0: no limit).
    pub limit: usize,
}

/// The occurrences of `term` in the passages, the best-matching passages first, occurrences
/// within a passage in text order.
pub fn kwic(index: &PraevIndex, term: &str, request: &KwicRequest) -> Result<Vec<KwicLine>> {
    let search = SearchRequest {
        query: term.to_string(),
        limit: MAX_PASSAGES,
        filter: PassageFilter {
            municipalities: request.municipalities.clone(),
            kinds: request.kinds.clone(),
            ..PassageFilter::default()
        },
        exact: true,
        per_file: 0,
        ..SearchRequest::default()
    };
    let results = query::search(index, &search)?;
    if let Some(note) = results.note {
        return Err(Error::InvalidArgument(note));
    }
    let lines = results.hits.iter().flat_map(|hit| lines_of(hit, request.width));
    Ok(match request.limit {
        0 => lines.collect(),
        limit => lines.take(limit).collect(),
    })
}

/// One line per highlighted word of a hit.
fn lines_of(hit: &Hit, width: usize) -> Vec<KwicLine> {
    let chars: Vec<char> = hit.text.chars().collect();
    hit.highlights
        .iter()
        .filter(|[start, end]| start < end && *end <= chars.len())
        .map(|&[start, end]| KwicLine {
            file: hit.file.clone(),
            passage: hit.passage,
            municipality: hit.municipality.clone(),
            left: left_context(&chars[..start], width),
            matched: chars[start..end].iter().collect(),
            right: right_context(&chars[end..], width),
        })
        .collect()
}

/// The last `width` characters before a match, cut at a word boundary and marked with `…`
/// when something was left out.
pub fn left_context(before: &[char], width: usize) -> String {
    if before.len() <= width {
        return before.iter().collect();
    }
    let window = &before[before.len() - width..];
    let starts_mid_word = !before[before.len() - width - 1].is_whitespace();
    let kept = match window.iter().position(|c| c.is_whitespace()) {
        Some(space) if starts_mid_word => &window[space..],
        _ => window,
    };
    let kept: String = kept.iter().collect();
    format!("{ELLIPSIS}{}", kept.trim_start())
}

/// The first `width` characters after a match, cut at a word boundary and marked with `…`
/// when something was left out.
pub fn right_context(after: &[char], width: usize) -> String {
    if after.len() <= width {
        return after.iter().collect();
    }
    let window = &after[..width];
    let ends_mid_word = !after[width].is_whitespace();
    let kept = match window.iter().rposition(|c| c.is_whitespace()) {
        Some(space) if ends_mid_word => &window[..space],
        _ => window,
    };
    let kept: String = kept.iter().collect();
    format!("{}{ELLIPSIS}", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn short_context_is_kept_whole() {
        assert_eq!(left_context(&chars("Die "), 10), "Die ");
        assert_eq!(right_context(&chars(" werden"), 10), " werden");
    }

    #[test]
    fn long_context_is_cut_at_a_word_boundary() {
        assert_eq!(left_context(&chars("Wir gestalten die "), 10), "…die ");
        assert_eq!(right_context(&chars(" werden gestaltet und"), 12), " werden…");
    }

    #[test]
    fn cut_exactly_between_words_keeps_the_whole_window() {
        assert_eq!(left_context(&chars("ab cdefgh "), 7), "…cdefgh ");
        assert_eq!(right_context(&chars(" abcdef gh"), 7), " abcdef…");
    }

    #[test]
    fn one_long_word_is_cut_inside() {
        assert_eq!(left_context(&chars("Gesundheitsförderung"), 5), "…erung");
        assert_eq!(right_context(&chars("Gesundheitsförderung"), 5), "Gesun…");
    }
}
