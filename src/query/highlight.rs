//! Which words of a passage matched the query, as character ranges, and the best window of
//! a passage to show as a snippet.
//!
//! Highlights come from analysing the passage with the index's own analyzer and marking every
//! word whose term the query searched for: exactly the words that made the passage match,
//! inflected forms and spelling variants included.

use std::ops::Range;

use crate::analysis::{GermanAnalyzer, TermMatcher};

/// Character ranges (start inclusive, end exclusive) of the words of `text` whose analysed
/// term is one of the matcher's, sorted and merged.
pub fn highlights(analyzer: &mut GermanAnalyzer, text: &str, terms: &TermMatcher) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    let mut byte_ranges: Vec<Range<usize>> = analyzer.words_matching(text, terms);
    byte_ranges.sort_by_key(|r| (r.start, r.end));
    byte_ranges.dedup();
    let char_ranges = byte_ranges.into_iter().map(|r| char_index(text, r.start)..char_index(text, r.end));
    merge(char_ranges)
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn merge(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The character window of at most `max_chars` that holds the most highlights, widened to
/// word boundaries. For a passage that fits, the whole passage.
pub fn snippet_window(text: &str, highlights: &[Range<usize>], max_chars: usize) -> Range<usize> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max_chars {
        return 0..chars.len();
    }
    let best_start = highlights
        .iter()
        .map(|h| h.start)
        .max_by_key(|&start| {
            let count = highlights.iter().filter(|h| h.start >= start && h.end <= start + max_chars).count();
            (count, std::cmp::Reverse(start))
        })
        .unwrap_or(0);
    // Show a little context before the first highlight.
    let mut start = best_start.saturating_sub(max_chars / 5);
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    let mut end = (start + max_chars).min(chars.len());
    if end < chars.len() {
        while end > start + 1 && !chars[end].is_whitespace() {
            end -= 1;
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};

    fn analyzer() -> GermanAnalyzer {
        GermanAnalyzer::new(&AnalyzerSettings::default(), StopWords::parse("und\nder"), Lexicon::default())
    }

    #[test]
    fn highlights_inflected_forms_in_characters() {
        let text = "Ein Übergang, viele Übergänge und Uebergaenge.";
        let terms = TermMatcher::new(analyzer().terms("Übergänge").into_iter().collect());
        let got: Vec<&str> = highlights(&mut analyzer(), text, &terms)
            .into_iter()
            .map(|r| {
                let start = text.char_indices().nth(r.start).unwrap().0;
                let end = text.char_indices().nth(r.end).map(|(b, _)| b).unwrap_or(text.len());
                &text[start..end]
            })
            .collect();
        assert_eq!(got, vec!["Übergang", "Übergänge", "Uebergaenge"]);
    }

    #[test]
    fn snippet_window_centres_on_the_matches() {
        let text = format!("{} Übergänge gestalten {}", "Vorwort ".repeat(40), "Nachwort ".repeat(40));
        let terms = TermMatcher::new(analyzer().terms("Übergänge").into_iter().collect());
        let hl = highlights(&mut analyzer(), &text, &terms);
        let window = snippet_window(&text, &hl, 100);
        assert!(window.start <= hl[0].start && hl[0].end <= window.end, "the match is inside the window");
        assert!(window.len() <= 100);
    }
}
