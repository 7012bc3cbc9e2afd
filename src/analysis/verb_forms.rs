//! Finite verbs and participles meet their infinitive: `erreicht`, `erreichte`, `erreichten`
//! → `erreichen`; `bereitet` → `bereiten`; `gefördert` → `fördern`.
//!
//! Snowball German strips `-en`, `-e` and `-s` but not the `-t` of the third person and the
//! weak participle, so `Eltern werden erreicht` and `Eltern erreichen` would not meet. An
//! ending is only taken for an inflection when the infinitive it leaves is a word of the
//! corpus vocabulary, which keeps nouns like `Arbeit`, `Geburt` or `Kosten` whole: `arbeien`,
//! `geburen` and `kosen` are not words. The infinitive is added at the word's position and
//! stemmed by the next step. Expects lower-cased, folded, unstemmed tokens.

use super::lexicon::Lexicon;
use super::{AnalysisStep, AnalyzedToken, Origin, PART_MARK, ROOT_MARK};

/// Endings of the weak past, the third person and the participle (also as an adjective:
/// `die erreichten Familien`), longest first.
const ENDINGS: [&str; 13] =
    ["eten", "eter", "etes", "etem", "ete", "ten", "ter", "tes", "tem", "tet", "et", "te", "t"];
/// The shortest stem left after the ending: shorter ones (`geh`, `hal`) are too often noise.
const MIN_STEM_CHARS: usize = 4;

#[derive(Clone, Debug)]
pub struct VerbForms {
    lexicon: Lexicon,
}

impl VerbForms {
    pub fn new(lexicon: Lexicon) -> VerbForms {
        VerbForms { lexicon }
    }

    /// The infinitive `word` is a form of, if the vocabulary knows it (and it is not `word`).
    pub fn infinitive(&self, word: &str) -> Option<String> {
        ENDINGS.iter().filter_map(|ending| word.strip_suffix(ending)).find_map(|stem| {
            let without_ge = stem.strip_prefix("ge");
            std::iter::once(stem).chain(without_ge).find_map(|stem| self.known_infinitive(stem))
        })
    }

    /// `stem` + `en`, or `stem` + `n` for `-ern`/`-eln` verbs (`förder` → `fördern`).
    fn known_infinitive(&self, stem: &str) -> Option<String> {
        if stem.chars().count() < MIN_STEM_CHARS || !stem.chars().all(char::is_alphabetic) {
            return None;
        }
        let candidate = if stem.ends_with("er") || stem.ends_with("el") || stem.ends_with('e') {
            format!("{stem}n")
        } else {
            format!("{stem}en")
        };
        self.lexicon.contains(&candidate).then_some(candidate)
    }
}

impl AnalysisStep for VerbForms {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        let mut out = Vec::with_capacity(tokens.len() + 1);
        for token in tokens {
            let whole_word = !token.text.starts_with([PART_MARK, ROOT_MARK])
                && matches!(token.origin, Origin::Word | Origin::Hyphen | Origin::Elliptic);
            let infinitive = whole_word
                .then(|| self.infinitive(&token.text))
                .flatten()
                .map(|inf| token.derived(inf, Origin::Stem));
            out.push(token);
            out.extend(infinitive);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn verb_forms() -> VerbForms {
        let words: HashSet<String> =
            ["erreichen", "bereiten", "fordern", "arbeiten", "vernetzen", "starken", "kosten", "bereit"]
                .into_iter()
                .map(String::from)
                .collect();
        VerbForms::new(Lexicon::new(words, None))
    }

    #[test]
    fn inflected_verbs_meet_their_infinitive() {
        let forms = verb_forms();
        for (word, infinitive) in [
            ("erreicht", "erreichen"),
            ("erreichte", "erreichen"),
            ("erreichten", "erreichen"),
            ("bereitet", "bereiten"),
            ("gefordert", "fordern"),
            ("fordert", "fordern"),
            ("arbeitet", "arbeiten"),
            ("vernetzt", "vernetzen"),
            ("gestarkt", "starken"),
        ] {
            assert_eq!(forms.infinitive(word).as_deref(), Some(infinitive), "{word}");
        }
    }

    #[test]
    fn nouns_ending_in_t_stay_whole() {
        let forms = verb_forms();
        for word in ["arbeit", "kosten", "bereit", "geburt", "erreichen", "zeit", "projekt"] {
            assert_eq!(forms.infinitive(word), None, "{word}");
        }
    }
}
