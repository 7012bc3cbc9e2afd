//! Snowball German stemming via rust-stemmers: `Übergänge` and `Übergang` share a stem.
//!
//! Expects lower-cased, folded tokens. Tokens with digits are left alone (`u3`, `sgb`,
//! `2017` are names and numbers, not inflected words); parts keep their mark.

use rust_stemmers::{Algorithm, Stemmer};

use super::{AnalysisStep, AnalyzedToken, Origin, PART_MARK};

pub struct GermanStemmer {
    stemmer: Stemmer,
}

impl GermanStemmer {
    pub fn new() -> GermanStemmer {
        GermanStemmer { stemmer: Stemmer::create(Algorithm::German) }
    }

    pub fn stem(&self, word: &str) -> String {
        if word.chars().any(|c| c.is_ascii_digit()) {
            return word.to_string();
        }
        self.stemmer.stem(word).into_owned()
    }
}

impl Default for GermanStemmer {
    fn default() -> Self {
        GermanStemmer::new()
    }
}

impl AnalysisStep for GermanStemmer {
    fn apply(&self, mut tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        for token in &mut tokens {
            if token.text.starts_with(super::ROOT_MARK) {
                continue; // a family root is already as short as it gets
            }
            let (mark, word) = match token.text.strip_prefix(PART_MARK) {
                Some(word) => (Some(PART_MARK), word),
                None => (None, token.text.as_str()),
            };
            let stem = self.stem(word);
            if stem == word {
                continue;
            }
            token.text = match mark {
                Some(mark) => format!("{mark}{stem}"),
                None => stem,
            };
            if token.origin == Origin::Word {
                token.origin = Origin::Stem;
            }
        }
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &[(&str, &str)] = &[
        ("ubergange", "ubergang"),
        ("ubergang", "ubergang"),
        ("kinder", "kind"),
        ("familien", "famili"),
        ("partizipation", "partizipation"),
        ("u3", "u3"),
        ("2017", "2017"),
    ];

    #[test]
    fn stems_inflected_forms_together() {
        let stemmer = GermanStemmer::new();
        for (word, expected) in CASES {
            assert_eq!(stemmer.stem(word), *expected, "stemming {word:?}");
        }
    }

    #[test]
    fn parts_keep_their_mark() {
        let token = AnalyzedToken {
            text: "~kinder".into(),
            offset_from: 0,
            offset_to: 0,
            position: 0,
            origin: Origin::Part,
            marks: Default::default(),
        };
        let out = GermanStemmer::new().apply(vec![token]);
        assert_eq!(out[0].text, "~kind");
        assert_eq!(out[0].origin, Origin::Part);
    }
}
