//! Word families of Latin-derived verbs and nouns: `koordinieren`, `Koordination`,
//! `Koordinator`, `Koordinierungsstelle` share the root `koordin`; `partizipieren` and
//! `Partizipation` share `partizip`. German administrative prose switches between these forms
//! freely, and no stemmer joins them.
//!
//! The step adds the root, marked with [`ROOT_MARK`], at the word's position, for whole words
//! and compound parts alike. Queries search roots with a low weight, so a different member of
//! the family ranks below the word itself. Expects lower-cased, folded, unstemmed tokens.

use super::decompound::PART_MARK;
use super::{AnalysisStep, AnalyzedToken, Origin};

/// The mark of a family root in the index.
pub const ROOT_MARK: char = '^';
/// Family suffixes, longest first.
const SUFFIXES: [&str; 22] = [
    "atorinnen",
    "ierungen",
    "ationen",
    "atorin",
    "atoren",
    "ierung",
    "ierten",
    "ierter",
    "iertes",
    "ierend",
    "ativen",
    "ieren",
    "ierte",
    "ation",
    "ative",
    "ativ",
    "ator",
    "iert",
    "iere",
    "ierst",
    "ier",
    "at",
];
const MIN_ROOT_CHARS: usize = 5;

#[derive(Debug, Clone, Copy, Default)]
pub struct WordFamilies;

impl WordFamilies {
    /// The family root of `word`, if it ends like a Latin-derived verb or noun.
    pub fn root(word: &str) -> Option<&str> {
        SUFFIXES
            .iter()
            .filter(|s| **s != "at" && **s != "ier")
            .find_map(|suffix| word.strip_suffix(suffix))
            .filter(|root| root.chars().count() >= MIN_ROOT_CHARS && root.chars().all(char::is_alphabetic))
    }
}

impl AnalysisStep for WordFamilies {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        let mut out = Vec::with_capacity(tokens.len() + 1);
        for token in tokens {
            let word = token.text.strip_prefix(PART_MARK).unwrap_or(&token.text);
            // A root repeated at one position (a word and its parts share it) is dropped by
            // the chain's final deduplication.
            let root_token =
                WordFamilies::root(word).map(|r| token.derived(format!("{ROOT_MARK}{r}"), Origin::Root));
            out.push(token);
            out.extend(root_token);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (word, root): members of one family must share the root; other words get none.
    const CASES: &[(&str, Option<&str>)] = &[
        ("koordinieren", Some("koordin")),
        ("koordination", Some("koordin")),
        ("koordinator", Some("koordin")),
        ("koordinatorinnen", Some("koordin")),
        ("koordinierung", Some("koordin")),
        ("koordiniert", Some("koordin")),
        ("partizipation", Some("partizip")),
        ("partizipieren", Some("partizip")),
        ("kooperation", Some("kooper")),
        ("kooperieren", Some("kooper")),
        ("integration", Some("integr")),
        ("integrieren", Some("integr")),
        ("evaluation", Some("evalu")),
        ("evaluieren", Some("evalu")),
        ("kinder", None),
        ("station", None),
        ("nation", None),
        ("papier", None),
        ("senator", None),
    ];

    #[test]
    fn families_share_a_root() {
        for (word, root) in CASES {
            assert_eq!(WordFamilies::root(word), *root, "root of {word}");
        }
    }
}
