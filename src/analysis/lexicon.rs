//! The words a compound may be split into: the editable parts list of
//! `index-config/compound-parts.txt` plus the corpus's own vocabulary.
//!
//! The corpus vocabulary is collected at index time and stored in the index generation as an
//! FST set (`vocabulary.fst`), so that queries split compounds exactly as the documents were
//! split, and opening it for one search costs a file read rather than building a hash set of
//! every word. All entries are lower-cased and umlaut-folded like the tokens they are tested
//! against.

use std::collections::HashSet;
use std::sync::Arc;

use fst::{Set, SetBuilder};

use super::umlaut_fold::UmlautFold;

/// Corpus words shorter than this never count as compound parts: short corpus tokens are too
/// often abbreviations or fragments (`ers`, `tes`). The curated list may hold shorter words.
pub const MIN_CORPUS_PART_CHARS: usize = 4;

#[derive(Clone, Default)]
pub struct Lexicon {
    curated: Arc<HashSet<String>>,
    corpus: Option<Arc<Set<Vec<u8>>>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("curated", &self.curated.len())
            .field("corpus", &self.corpus.as_ref().map(|s| s.len()))
            .finish()
    }
}

impl Lexicon {
    /// Parses the curated parts list: one word per line, `#` comments.
    pub fn parse_curated(text: &str) -> HashSet<String> {
        text.lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter(|w| !w.is_empty())
            .map(|w| UmlautFold::fold(&w.to_lowercase()))
            .collect()
    }

    pub fn new(curated: HashSet<String>, corpus: Option<Set<Vec<u8>>>) -> Lexicon {
        Lexicon { curated: Arc::new(curated), corpus: corpus.map(Arc::new) }
    }

    /// Loads a corpus vocabulary written by [`Lexicon::corpus_set_bytes`].
    pub fn corpus_set(bytes: Vec<u8>) -> Result<Set<Vec<u8>>, fst::Error> {
        Set::new(bytes)
    }

    /// Builds the FST bytes of a corpus vocabulary from folded words (any order, repeats fine).
    pub fn corpus_set_bytes(words: impl IntoIterator<Item = String>) -> Vec<u8> {
        let mut sorted: Vec<String> =
            words.into_iter().filter(|w| w.chars().count() >= MIN_CORPUS_PART_CHARS).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut builder = SetBuilder::memory();
        for word in &sorted {
            builder.insert(word).expect("sorted, deduplicated input");
        }
        builder.into_inner().expect("in-memory FST")
    }

    /// Is `word` (folded, lower case) a possible compound part?
    pub fn contains(&self, word: &str) -> bool {
        self.curated.contains(word)
            || (word.chars().count() >= MIN_CORPUS_PART_CHARS
                && self.corpus.as_ref().is_some_and(|set| set.contains(word)))
    }

    pub fn curated_len(&self) -> usize {
        self.curated.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_and_corpus_words_are_parts() {
        let curated = Lexicon::parse_curated("# parts\nKinder\nSchutz  # a comment\nAmt\n");
        let corpus = Lexicon::corpus_set(Lexicon::corpus_set_bytes(
            ["fachkrafte", "ers", "fachkrafte", "netzwerk"].map(String::from),
        ))
        .unwrap();
        let lexicon = Lexicon::new(curated, Some(corpus));
        for word in ["kinder", "schutz", "amt", "fachkrafte", "netzwerk"] {
            assert!(lexicon.contains(word), "{word} should be a part");
        }
        assert!(!lexicon.contains("ers"), "short corpus words are not parts");
        assert!(!lexicon.contains("kind"));
    }

    #[test]
    fn curated_words_are_folded() {
        let curated = Lexicon::parse_curated("Prävention\nBegrüßung\n");
        assert!(curated.contains("pravention") && curated.contains("begrussung"));
    }
}
