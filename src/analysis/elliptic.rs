//! Completes elliptic compounds: in `Kinder- und Jugendhilfe` the truncated `Kinder-` borrows
//! the head of the last compound and also yields `kinderhilfe`; likewise
//! `Gesundheits- und Sozialwesen` → `gesundheitswesen`, `Kinder-, Jugend- und Familienhilfe`
//! → `kinderhilfe`, `jugendhilfe`, with `und`, `oder`, `bis`, `sowie`, `bzw.` or commas.
//!
//! Expects lower-cased, folded tokens with the tokenizer's `open_hyphen` marks, before
//! stop-word removal (it must see the conjunctions). The completed word is added at the
//! truncated word's position; the truncated word itself stays.

use super::decompound::Decompounder;
use super::{AnalysisStep, AnalyzedToken, Origin};

/// Words that may stand between the parts of an elliptic series.
const CONJUNCTIONS: [&str; 6] = ["und", "oder", "bis", "sowie", "bzw", "beziehungsweise"];
/// How many tokens a series may span (`Kinder-, Jugend-, Familien- und Bildungsarbeit`).
const MAX_SERIES_TOKENS: usize = 10;

#[derive(Debug, Clone)]
pub struct EllipticCompounds {
    decompounder: Decompounder,
}

impl EllipticCompounds {
    pub fn new(decompounder: Decompounder) -> EllipticCompounds {
        EllipticCompounds { decompounder }
    }

    /// The head that the open words before `tokens[start]` borrow: the last part of the first
    /// complete word after a run of open words and conjunctions.
    fn borrowed_head(&self, tokens: &[AnalyzedToken], start: usize) -> Option<String> {
        let mut previous_position = tokens[start].position;
        for token in tokens.iter().skip(start + 1).take(MAX_SERIES_TOKENS) {
            if token.position > previous_position + 1 {
                return None; // a skipped word in between: not one series
            }
            previous_position = token.position;
            if token.marks.open_hyphen || CONJUNCTIONS.contains(&token.text.as_str()) {
                continue;
            }
            let last_word = token.text.rsplit('-').next().unwrap_or(&token.text);
            return self.decompounder.head(last_word);
        }
        None
    }
}

impl AnalysisStep for EllipticCompounds {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        if !tokens.iter().any(|t| t.marks.open_hyphen) {
            return tokens;
        }
        let mut out = Vec::with_capacity(tokens.len() + 2);
        for (i, token) in tokens.iter().enumerate() {
            out.push(token.clone());
            if !token.marks.open_hyphen {
                continue;
            }
            if let Some(head) = self.borrowed_head(&tokens, i) {
                let mut completed = token.derived(format!("{}{head}", token.text), Origin::Elliptic);
                completed.marks.open_hyphen = false;
                out.push(completed);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::tokenize::WordTokenizer;
    use crate::analysis::umlaut_fold::UmlautFold;

    fn completed(text: &str) -> Vec<String> {
        let lexicon = Lexicon::new(
            Lexicon::parse_curated(
                "Jugend\nHilfe\nSozial\nWesen\nBeruf\nAusbildung\nFamilie\nArbeit\nGesundheit\n",
            ),
            None,
        );
        let step = EllipticCompounds::new(Decompounder::new(lexicon));
        let tokens = UmlautFold.apply(WordTokenizer { max_word_chars: 40 }.tokenize(text));
        step.apply(tokens).into_iter().filter(|t| t.origin == Origin::Elliptic).map(|t| t.text).collect()
    }

    /// (text, completed words): a failure means a series form no longer borrows its head.
    const CASES: &[(&str, &[&str])] = &[
        ("Kinder- und Jugendhilfe", &["kinderhilfe"]),
        ("Gesundheits- und Sozialwesen", &["gesundheitswesen"]),
        ("Gesundheits- und Sozialwesens", &["gesundheitswesens"]),
        ("Schul- und Berufsausbildung", &["schulausbildung"]),
        ("Kinder-, Jugend- und Familienhilfe", &["kinderhilfe", "jugendhilfe"]),
        ("Kinder- oder Jugendhilfe", &["kinderhilfe"]),
        ("Kinder- sowie Jugendhilfe", &["kinderhilfe"]),
        ("Kinder- bis Jugendhilfe", &["kinderhilfe"]),
        ("Kinder-, Familienarbeit", &["kinderarbeit"]),
        ("Kinder- und Jugendliche", &[]),
        ("Kinder und Jugendhilfe", &[]),
        ("Kinder- und viel Jugendhilfe", &[]),
    ];

    #[test]
    fn completes_elliptic_series() {
        for (text, expected) in CASES {
            assert_eq!(completed(text), expected.to_vec(), "completing {text:?}");
        }
    }
}
