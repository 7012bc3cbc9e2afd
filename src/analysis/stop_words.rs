//! Removes German stop words (`index-config/stopwords.txt`).
//!
//! Expects lower-cased, folded tokens; the list is written with umlauts (`für`, `über`) and
//! folded the same way on load.
//! Removed words leave their position empty, so phrases do not match across a gap.

use rustc_hash::FxHashSet;
use std::sync::Arc;

use super::umlaut_fold::UmlautFold;
use super::{AnalysisStep, AnalyzedToken};

#[derive(Debug, Clone, Default)]
pub struct StopWords {
    words: Arc<FxHashSet<String>>,
    /// Characters of the longest word: a longer word is never a stop word.
    longest: usize,
}

impl StopWords {
    /// Parses the word list: one word per line, `#` starts a comment, blank lines ignored.
    pub fn parse(text: &str) -> StopWords {
        // Both spellings, so the list works with umlaut folding switched off too.
        let words = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or("").trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .flat_map(|w| [UmlautFold::fold(&w), w])
            .collect::<FxHashSet<String>>();
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        StopWords { words: Arc::new(words), longest }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Characters of the longest stop word.
    pub fn longest(&self) -> usize {
        self.longest
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl AnalysisStep for StopWords {
    fn apply(&self, mut tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        tokens.retain(|t| !self.words.contains(&t.text));
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Origin;

    fn token(text: &str, position: usize) -> AnalyzedToken {
        AnalyzedToken {
            text: text.into(),
            offset_from: 0,
            offset_to: 0,
            position,
            origin: Origin::Word,
            marks: Default::default(),
        }
    }

    #[test]
    fn removes_listed_words_and_keeps_positions() {
        let stop = StopWords::parse("# comment\nund\n für  # trailing comment\n\n");
        assert!(stop.contains("fur"), "stop words are folded like tokens");
        assert_eq!(stop.len(), 3, "und, für, fur");
        let out =
            stop.apply(vec![token("kinder", 0), token("und", 1), token("fur", 2), token("familien", 3)]);
        let got: Vec<(&str, usize)> = out.iter().map(|t| (t.text.as_str(), t.position)).collect();
        assert_eq!(got, vec![("kinder", 0), ("familien", 3)]);
    }
}
