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

/// A set of words stored as an FST: membership tests and, for the decompounder, every word
/// that starts at a given place of a text in one walk.
#[derive(Clone)]
pub struct Lexicon {
    words: Arc<Set<Vec<u8>>>,
    /// Words that look like compounds of parts but are not and are never split (`Dienstag`,
    /// `Freitag`): the `!` lines of the curated list, folded.
    unsplittable: Arc<HashSet<String>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new(HashSet::new(), None)
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("words", &self.words.len()).finish()
    }
}

impl Lexicon {
    /// Parses the curated parts list: one word per line, `#` comments; a word marked `!`
    /// (never split) is a part as well.
    pub fn parse_curated(text: &str) -> HashSet<String> {
        curated_lines(text).map(|w| fold(w.trim_start_matches('!').trim())).collect()
    }

    /// The lexicon of an index: its stored vocabulary (which already holds the curated words,
    /// see [`Lexicon::vocabulary_bytes`]); without one, the curated words alone.
    pub fn new(curated: HashSet<String>, vocabulary: Option<Set<Vec<u8>>>) -> Lexicon {
        let words = vocabulary.unwrap_or_else(|| {
            Set::new(set_bytes(curated.into_iter().collect())).expect("a freshly built FST is valid")
        });
        Lexicon { words: Arc::new(words), unsplittable: Arc::default() }
    }

    /// This lexicon with words that are never split (see [`Lexicon::parse_unsplittable`]).
    pub fn with_unsplittable(mut self, words: HashSet<String>) -> Lexicon {
        self.unsplittable = Arc::new(words);
        self
    }

    /// The words of the curated list marked `!` (never split), folded.
    pub fn parse_unsplittable(text: &str) -> HashSet<String> {
        curated_lines(text).filter_map(|w| w.strip_prefix('!')).map(|w| fold(w.trim())).collect()
    }

    /// Whether `word` (folded, lower case) is never split.
    pub fn is_unsplittable(&self, word: &str) -> bool {
        self.unsplittable.contains(word)
    }

    /// Loads a vocabulary written by [`Lexicon::vocabulary_bytes`].
    pub fn corpus_set(bytes: Vec<u8>) -> Result<Set<Vec<u8>>, fst::Error> {
        Set::new(bytes)
    }

    /// The FST bytes of an index's vocabulary: the corpus words (folded; any order, repeats
    /// fine) of at least [`MIN_CORPUS_PART_CHARS`] characters, and every curated word.
    pub fn vocabulary_bytes(corpus: impl IntoIterator<Item = String>, curated: &HashSet<String>) -> Vec<u8> {
        let mut words: Vec<String> =
            corpus.into_iter().filter(|w| w.chars().count() >= MIN_CORPUS_PART_CHARS).collect();
        words.extend(curated.iter().cloned());
        set_bytes(words)
    }

    /// Whether `set` holds `stem` followed by one of `endings`. The stem is looked up once and
    /// each ending from where it ends: the thesaurus asks this of 100,000 words per build.
    pub fn holds_with_ending(set: &Set<Vec<u8>>, stem: &str, endings: &[&str]) -> bool {
        let fst = set.as_fst();
        let Some(after_stem) = walk(fst, fst.root(), stem.as_bytes()) else { return false };
        endings
            .iter()
            .any(|ending| walk(fst, after_stem, ending.as_bytes()).is_some_and(|node| node.is_final()))
    }

    /// Is `word` (folded, lower case) a possible compound part?
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The end offsets (bytes) of every lexicon word that starts at byte `start` of `text`.
    pub fn word_ends(&self, text: &str, start: usize) -> Vec<usize> {
        let mut ends = Vec::new();
        self.word_ends_into(text, start, &mut ends);
        ends
    }

    /// [`Lexicon::word_ends`] into a buffer the caller reuses (cleared first).
    pub fn word_ends_into(&self, text: &str, start: usize, ends: &mut Vec<usize>) {
        ends.clear();
        let fst = self.words.as_fst();
        let mut node = fst.root();
        for (i, byte) in text.as_bytes()[start..].iter().enumerate() {
            let Some(index) = node.find_input(*byte) else { break };
            node = fst.node(node.transition(index).addr);
            if node.is_final() {
                ends.push(start + i + 1);
            }
        }
    }
}

/// The non-empty lines of the curated list without comments, trimmed.
fn curated_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|line| line.split('#').next().unwrap_or("").trim()).filter(|w| !w.is_empty())
}

fn fold(word: &str) -> String {
    UmlautFold::fold(&word.to_lowercase())
}

fn set_bytes(mut words: Vec<String>) -> Vec<u8> {
    words.sort_unstable();
    words.dedup();
    let mut builder = SetBuilder::memory();
    for word in &words {
        builder.insert(word).expect("sorted, deduplicated input");
    }
    builder.into_inner().expect("in-memory FST")
}

/// The node of `fst` reached from `node` by `bytes`, if the FST has that path.
fn walk<'f>(
    fst: &'f fst::raw::Fst<Vec<u8>>,
    mut node: fst::raw::Node<'f>,
    bytes: &[u8],
) -> Option<fst::raw::Node<'f>> {
    for &byte in bytes {
        let transition = node.transition(node.find_input(byte)?);
        node = fst.node(transition.addr);
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_and_corpus_words_are_parts() {
        let curated = Lexicon::parse_curated("# parts\nKinder\nSchutz  # a comment\nAmt\n");
        let corpus = Lexicon::corpus_set(Lexicon::vocabulary_bytes(
            ["fachkrafte", "ers", "fachkrafte", "netzwerk"].map(String::from),
            &curated,
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
    fn marked_words_are_never_split_but_still_parts() {
        let text = "Dienst\n!Dienstag  # no compound\nTag\n";
        let lexicon = Lexicon::new(Lexicon::parse_curated(text), None)
            .with_unsplittable(Lexicon::parse_unsplittable(text));
        assert!(lexicon.is_unsplittable("dienstag") && !lexicon.is_unsplittable("dienst"));
        assert!(lexicon.contains("dienstag") && lexicon.contains("tag"));
    }

    #[test]
    fn curated_words_are_folded() {
        let curated = Lexicon::parse_curated("Prävention\nBegrüßung\n");
        assert!(curated.contains("pravention") && curated.contains("begrussung"));
    }
}

#[cfg(test)]
mod walk_tests {
    use super::*;

    #[test]
    fn word_ends_lists_every_word_starting_at_a_place() {
        let lexicon = Lexicon::new(Lexicon::parse_curated("Kind\nKinder\nSchutz\nKinderschutz\n"), None);
        let text = "kinderschutzfachkraft";
        let ends: Vec<&str> = lexicon.word_ends(text, 0).into_iter().map(|e| &text[..e]).collect();
        assert_eq!(ends, vec!["kind", "kinder", "kinderschutz"]);
        assert_eq!(lexicon.word_ends(text, 6), vec![12]);
        assert!(lexicon.word_ends(text, 1).is_empty());
    }

    #[test]
    fn holds_with_ending_finds_a_stem_with_one_of_the_endings_only() {
        let set = Lexicon::corpus_set(Lexicon::vocabulary_bytes(
            ["ubergange", "schulung", "hauser", "fortbildungen"].map(String::from),
            &HashSet::new(),
        ))
        .unwrap();
        let endings = ["", "e", "en", "er"];
        assert!(Lexicon::holds_with_ending(&set, "ubergang", &endings));
        assert!(Lexicon::holds_with_ending(&set, "schulung", &endings), "the empty ending");
        assert!(Lexicon::holds_with_ending(&set, "haus", &endings));
        assert!(Lexicon::holds_with_ending(&set, "fortbildung", &endings));
        assert!(!Lexicon::holds_with_ending(&set, "fortbil", &endings), "-dungen is no ending");
        assert!(!Lexicon::holds_with_ending(&set, "uber", &endings), "a prefix of a word is no form of it");
        assert!(!Lexicon::holds_with_ending(&set, "kita", &endings));
    }
}
