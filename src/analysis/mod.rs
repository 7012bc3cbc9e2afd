//! German analysis: from text to index terms, one step per file.
//!
//! The same [`GermanAnalyzer`] turns documents and queries into terms, so the two always meet.
//! It is registered in tantivy under [`ANALYZER_NAME`] on every index open (writer and reader
//! alike), and it can list its tokens with their origin for `praev analyze` and for highlights.
//!
//! Steps, in order: [`tokenize`] (words and their offsets, lower case) → [`stop_words`] →
//! [`umlaut_fold`] (ä→a, ß→ss, ae→a …) → [`stem`] (Snowball German). Each step is a type with one
//! job over a list of [`AnalyzedToken`]s; deeper German analysis adds steps to this chain.
//! The settings come from `index-config/analyzer.toml` (see [`AnalyzerSettings`]).

pub mod stem;
pub mod stop_words;
pub mod tokenize;
pub mod umlaut_fold;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

pub use stem::GermanStemmer;
pub use stop_words::StopWords;
pub use tokenize::WordTokenizer;
pub use umlaut_fold::UmlautFold;

/// The name under which the German analyzer is registered in every praev index.
pub const ANALYZER_NAME: &str = "praev_de";

/// Where a token came from; shown by `praev analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The word as written (lower-cased and folded).
    Word,
    /// The word reduced to its stem.
    Stem,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Word => "word",
            Origin::Stem => "stem",
        }
    }
}

/// One token of the analysed text: its term, where it stands and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyzedToken {
    /// The term as indexed.
    pub text: String,
    /// Byte offsets of the source word in the analysed text.
    pub offset_from: usize,
    pub offset_to: usize,
    /// Word position (tokens of one word share it).
    pub position: usize,
    pub origin: Origin,
}

/// A step of the chain: takes the tokens so far and returns the tokens after this step.
pub trait AnalysisStep: Send + Sync {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken>;
}

/// The analyzer settings of `index-config/analyzer.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyzerSettings {
    /// Fold ä/ö/ü/ß and the transcriptions ae/oe/ue so that all spellings meet.
    #[serde(default = "yes")]
    pub fold_umlauts: bool,
    /// `snowball` (Snowball German via rust-stemmers) or `none`.
    #[serde(default = "default_stemmer")]
    pub stemmer: StemmerChoice,
    /// Words longer than this (in characters) are not indexed: they are noise (URLs, hashes).
    #[serde(default = "default_max_word_chars")]
    pub max_word_chars: usize,
}

fn yes() -> bool {
    true
}
fn default_stemmer() -> StemmerChoice {
    StemmerChoice::Snowball
}
fn default_max_word_chars() -> usize {
    40
}

impl Default for AnalyzerSettings {
    fn default() -> Self {
        AnalyzerSettings {
            fold_umlauts: true,
            stemmer: default_stemmer(),
            max_word_chars: default_max_word_chars(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StemmerChoice {
    Snowball,
    None,
}

/// The German analyzer: a tokenizer followed by the configured steps.
#[derive(Clone)]
pub struct GermanAnalyzer {
    tokenizer: WordTokenizer,
    steps: Arc<Vec<Box<dyn AnalysisStep>>>,
}

impl GermanAnalyzer {
    pub fn new(settings: &AnalyzerSettings, stop_words: StopWords) -> GermanAnalyzer {
        let mut steps: Vec<Box<dyn AnalysisStep>> = vec![Box::new(stop_words)];
        if settings.fold_umlauts {
            steps.push(Box::new(UmlautFold));
        }
        if settings.stemmer == StemmerChoice::Snowball {
            steps.push(Box::new(GermanStemmer::new()));
        }
        GermanAnalyzer {
            tokenizer: WordTokenizer { max_word_chars: settings.max_word_chars },
            steps: Arc::new(steps),
        }
    }

    /// Analyses `text` into the terms that are indexed or searched.
    pub fn analyze(&self, text: &str) -> Vec<AnalyzedToken> {
        let tokens = self.tokenizer.tokenize(text);
        self.steps.iter().fold(tokens, |tokens, step| step.apply(tokens))
    }

    /// The distinct terms of `text`, in order of first appearance.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        self.analyze(text).into_iter().map(|t| t.text).filter(|t| seen.insert(t.clone())).collect()
    }
}

impl Tokenizer for GermanAnalyzer {
    type TokenStream<'a> = AnalyzedTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedTokenStream {
        let tokens = self
            .analyze(text)
            .into_iter()
            .map(|t| Token {
                offset_from: t.offset_from,
                offset_to: t.offset_to,
                position: t.position,
                text: t.text,
                position_length: 1,
            })
            .collect();
        AnalyzedTokenStream { tokens, next: 0 }
    }
}

/// The analysed tokens of one text, handed to tantivy one by one.
pub struct AnalyzedTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for AnalyzedTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> GermanAnalyzer {
        let stop = StopWords::parse("und\nder\ndie\nfür\n");
        GermanAnalyzer::new(&AnalyzerSettings::default(), stop)
    }

    /// (text, expected terms): the whole chain on real phrases of the field.
    const CHAIN_CASES: &[(&str, &[&str])] = &[
        ("Übergänge", &["ubergang"]),
        ("Uebergaenge", &["ubergang"]),
        ("Ubergange", &["ubergang"]),
        ("Übergang", &["ubergang"]),
        ("Frühe Hilfen", &["fruh", "hilf"]),
        ("Kinder und Jugendliche", &["kind", "jugend"]),
        ("Straße", &["strass"]),
        ("Partizipation der Zielgruppe", &["partizipation", "zielgrupp"]),
        ("Quelle Steuer", &["quell", "steu"]),
    ];

    #[test]
    fn chain_turns_spellings_into_one_term() {
        let a = analyzer();
        for (text, expected) in CHAIN_CASES {
            let got: Vec<String> = a.analyze(text).into_iter().map(|t| t.text).collect();
            assert_eq!(&got, expected, "analysing {text:?}: umlaut folding or stemming changed");
        }
    }

    #[test]
    fn positions_keep_gaps_of_removed_stop_words() {
        let tokens = analyzer().analyze("Kinder und Familien");
        let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, vec![0, 2], "stop-word removal must not close position gaps");
    }

    #[test]
    fn token_stream_matches_analyze() {
        let mut a = analyzer();
        let mut stream = a.token_stream("Übergänge gestalten");
        let mut got = Vec::new();
        while let Some(t) = stream.next() {
            got.push(t.text.clone());
        }
        assert_eq!(got, vec!["ubergang", "gestalt"]);
    }
}
