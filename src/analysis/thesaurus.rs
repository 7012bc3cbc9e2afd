//! The general German thesaurus layer (`index-config/thesaurus-de.txt`, generated from
//! OpenThesaurus by `tools/openthesaurus/build.py`): words of everyday German that mean the same
//! (`Resilienz` ↔ `Widerstandsfähigkeit`, `Fortbildung` ↔ `Weiterbildung`), searched below the
//! domain synonyms of `synonyms.toml` and only for words no domain group covers.
//!
//! The file holds some 20,000 synsets, far too many to analyse at every search. An index
//! compiles it once, at build time, against its own corpus ([`Thesaurus::compile`]): only
//! synsets with a member the corpus holds as a word survive, each member is keyed by its
//! analysed term, and only members the corpus holds are kept as alternatives. The result
//! ([`CorpusThesaurus`]) is a sorted text of `term<TAB>member;member` lines that a search reads
//! as it is and binary-searches, so a search pays for a file read and a few comparisons.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::analysis::{GermanAnalyzer, UmlautFold};
use crate::error::LineError;

/// The weight of a thesaurus synonym: below the domain groups (0.4–0.9) and the weakest
/// related terms of `synonyms.toml`, so a literal match always ranks first.
pub const THESAURUS_WEIGHT: f32 = 0.3;
/// A word in more synsets than this has too many meanings (`Chance`: Gelegenheit, Aussicht,
/// Möglichkeit, Weg …) for a synonym to be safe without knowing which one the user meant.
pub const MAX_SENSES: usize = 2;
/// A word in more than this share of the corpus's passages is not expanded: the corpus speaks
/// of it in its own words (`Kinder` needs no `Heranwachsende`), and a general synonym would
/// only add noise; the thesaurus is for words the corpus rarely or never uses.
pub const MAX_KEY_SHARE: f64 = 0.01;

/// The synsets of the thesaurus file, validated.
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    synsets: Vec<Vec<String>>,
}

impl Thesaurus {
    /// Parses `thesaurus-de.txt`: `#` comments, blank lines, else one synset per line with at
    /// least two `;`-separated members.
    pub fn parse(text: &str) -> Result<Thesaurus, LineError> {
        let mut synsets = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let members: Vec<String> = line.split(';').map(|m| m.trim().to_string()).collect();
            if members.len() < 2 || members.iter().any(|m| m.is_empty() || m.contains('\t')) {
                return Err(LineError::new(
                    i + 1,
                    format!("a synset needs at least two non-empty `;`-separated members: {line:?}"),
                ));
            }
            synsets.push(members);
        }
        Ok(Thesaurus { synsets })
    }

    pub fn len(&self) -> usize {
        self.synsets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.synsets.is_empty()
    }

    /// The thesaurus of one corpus of `passages` passages: every member of a synset that has a
    /// member the corpus holds (`passages_with` its analysed term above 0), keyed by its analysed
    /// term, pointing to the members of its synsets the corpus holds (other than itself). Left
    /// out: members that analyse to more or fewer than one term (stop words, phrases), words of
    /// more than [`MAX_SENSES`] synsets, and as keys words in more than [`MAX_KEY_SHARE`] of the
    /// passages. `holds_a_form(word)` (a folded, lower-case word) is a cheap test of the
    /// corpus's words: whether they hold `word` with one of [`NOUN_ENDINGS`]. Only synsets with a
    /// member the corpus may hold in some inflected form are analysed at all.
    pub fn compile(
        &self,
        analyzer: &GermanAnalyzer,
        passages: u64,
        passages_with: impl Fn(&str) -> u64,
        holds_a_form: impl Fn(&str) -> bool,
    ) -> CorpusThesaurus {
        let common = |term: &str| passages_with(term) as f64 > MAX_KEY_SHARE * passages as f64;
        let folded: Vec<Vec<String>> = self
            .synsets
            .iter()
            .map(|synset| synset.iter().map(|m| UmlautFold::fold(&m.to_lowercase())).collect())
            .collect();
        let mut surface_senses: FxHashMap<&str, usize> = FxHashMap::default();
        for synset in &folded {
            for word in synset {
                *surface_senses.entry(word.as_str()).or_default() += 1;
            }
        }
        let candidates = self.synsets.iter().zip(&folded).filter(|(_, words)| {
            words
                .iter()
                .any(|w| surface_senses[w.as_str()] <= MAX_SENSES && may_hold_a_form(w, &holds_a_form))
        });
        let keyed_synsets: Vec<Vec<(String, &String)>> = candidates
            .map(|(synset, words)| {
                synset
                    .iter()
                    .zip(words)
                    .filter(|(_, word)| surface_senses[word.as_str()] <= MAX_SENSES)
                    .filter_map(|(member, _)| single_term(analyzer, member).map(|term| (term, member)))
                    .collect()
            })
            .collect();
        let mut senses: FxHashMap<&str, usize> = FxHashMap::default();
        for keyed in &keyed_synsets {
            for (term, _) in keyed {
                *senses.entry(term.as_str()).or_default() += 1;
            }
        }
        // A word of many meanings is neither expanded nor searched as an expansion.
        let clear = |term: &str| senses[term] <= MAX_SENSES;
        let mut alternatives: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for keyed in &keyed_synsets {
            let indexed: Vec<&(String, &String)> =
                keyed.iter().filter(|(term, _)| clear(term) && passages_with(term) > 0).collect();
            if indexed.is_empty() {
                continue;
            }
            for (key, _) in keyed.iter().filter(|(term, _)| clear(term) && !common(term)) {
                let entry = alternatives.entry(key.clone()).or_default();
                for (term, member) in &indexed {
                    if term != key && !entry.contains(member) {
                        entry.push((*member).clone());
                    }
                }
            }
        }
        let mut text = String::new();
        for (key, members) in alternatives.into_iter().filter(|(_, m)| !m.is_empty()) {
            text.push_str(&key);
            text.push('\t');
            text.push_str(&members.join(";"));
            text.push('\n');
        }
        CorpusThesaurus { text: Arc::from(text) }
    }
}

/// Endings that make the inflected forms of a German noun from its base form (after folding:
/// `Übergang` → `ubergange`, `Haus` → `hauser`).
pub const NOUN_ENDINGS: &[&str] = &["", "e", "en", "n", "s", "es", "er", "ern", "nen"];

/// Whether the corpus may hold `word` (folded, lower-case) in one of its inflected forms
/// (`holds_a_form`, see [`Thesaurus::compile`]); a hyphenated word is not tested (the corpus
/// keeps its parts apart).
fn may_hold_a_form(word: &str, holds_a_form: &impl Fn(&str) -> bool) -> bool {
    word.contains('-') || holds_a_form(word)
}

/// The one term a single word analyses to, if it is one word.
fn single_term(analyzer: &GermanAnalyzer, member: &str) -> Option<String> {
    let mut terms = analyzer.primary_terms(member);
    (terms.len() == 1).then(|| terms.pop()).flatten()
}

/// A thesaurus compiled for one corpus: `term<TAB>member;member` lines sorted by term (see
/// [`Thesaurus::compile`]); cheap to clone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusThesaurus {
    text: Arc<str>,
}

impl CorpusThesaurus {
    /// Reads a compiled thesaurus; lines out of order or without a tab make it empty (a
    /// damaged file must not give wrong synonyms).
    pub fn from_text(text: String) -> CorpusThesaurus {
        let mut previous = "";
        for line in text.lines() {
            match line.split_once('\t') {
                Some((key, _)) if key > previous => previous = key,
                _ => return CorpusThesaurus::default(),
            }
        }
        CorpusThesaurus { text: Arc::from(text) }
    }

    pub fn as_text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The members the corpus holds that share a synset with a word analysed to `term`.
    pub fn alternatives(&self, term: &str) -> Vec<&str> {
        match self.line_of(term) {
            Some(line) => line.split(';').collect(),
            None => Vec::new(),
        }
    }

    /// Binary search over the sorted lines, by byte offset: no line index is built.
    fn line_of(&self, term: &str) -> Option<&str> {
        let text: &str = &self.text;
        let bytes = text.as_bytes();
        let (mut low, mut high) = (0, text.len());
        while low < high {
            let middle = low + (high - low) / 2;
            // Line starts and ends are at `\n` bytes, always char boundaries in UTF-8.
            let start = bytes[..middle].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let end = bytes[start..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| start + i);
            let (key, members) = text[start..end].split_once('\t')?;
            match key.cmp(term) {
                std::cmp::Ordering::Equal => return Some(members),
                std::cmp::Ordering::Less => low = end + 1,
                std::cmp::Ordering::Greater => high = start,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};

    fn analyzer() -> GermanAnalyzer {
        GermanAnalyzer::new(&AnalyzerSettings::default(), StopWords::parse("und\n"), Lexicon::default())
    }

    const FILE: &str = "# comment\n\
        Robustheit;Zähigkeit;Widerstandsfähigkeit;Resilienz\n\
        Fortbildung;Schulung;Weiterbildung;Training\n\
        Atomspaltung;Kernspaltung\n";

    #[test]
    fn parse_rejects_a_synset_of_one_member_naming_its_line() {
        assert_eq!(Thesaurus::parse(FILE).unwrap().len(), 3);
        let err = Thesaurus::parse("# c\nA;B\nnur eins\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(Thesaurus::parse("A;;B\n").is_err());
    }

    #[test]
    fn compile_keeps_only_members_the_corpus_holds() {
        let analyzer = analyzer();
        let corpus: Vec<String> = ["Widerstandsfähigkeit", "Fortbildungen", "Weiterbildung"]
            .iter()
            .map(|w| analyzer.primary_terms(w)[0].clone())
            .collect();
        let in_corpus = |t: &str| corpus.iter().any(|c| c == t) as u64;
        let words = ["widerstandsfahigkeit", "fortbildungen", "weiterbildung"];
        let holds_a_form =
            |w: &str| NOUN_ENDINGS.iter().any(|ending| words.contains(&format!("{w}{ending}").as_str()));
        let compiled = Thesaurus::parse(FILE).unwrap().compile(&analyzer, 100, in_corpus, holds_a_form);
        let term = |w: &str| analyzer.primary_terms(w)[0].clone();
        let table: Vec<(&str, Vec<&str>)> = vec![
            ("Resilienz", vec!["Widerstandsfähigkeit"]),
            ("Zähigkeit", vec!["Widerstandsfähigkeit"]),
            ("Widerstandsfähigkeit", vec![]),
            ("Schulungen", vec!["Fortbildung", "Weiterbildung"]),
            ("Fortbildung", vec!["Weiterbildung"]),
            ("Weiterbildungen", vec!["Fortbildung"]),
            ("Kernspaltung", vec![]),
            ("Unbekannt", vec![]),
        ];
        for (word, expected) in table {
            assert_eq!(compiled.alternatives(&term(word)), expected, "{word}");
        }
        let reread = CorpusThesaurus::from_text(compiled.as_text().to_string());
        assert_eq!(reread, compiled, "the compiled text reads back as it was written");
    }

    #[test]
    fn an_unsorted_compiled_file_gives_no_synonyms() {
        let damaged = CorpusThesaurus::from_text("b\tx\na\ty\n".to_string());
        assert!(damaged.is_empty() && damaged.alternatives("a").is_empty());
        assert_eq!(CorpusThesaurus::from_text("a\ty\nb\tx;z\n".into()).alternatives("b"), vec!["x", "z"]);
    }

    #[test]
    fn the_shipped_thesaurus_loads() {
        let thesaurus = Thesaurus::parse(include_str!("../../index-config/thesaurus-de.txt")).unwrap();
        assert!(thesaurus.len() > 10_000);
    }
}
