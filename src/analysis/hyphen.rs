//! Hyphenated compounds: `Kita-Grundschule`, `KeKiz-Workshop`, `Schule-Beruf` are indexed as
//! the joined word (`kitagrundschule`, so `Kitagrundschule` finds them) and as each of their
//! parts (`kita`, `grundschule`) at the same position; the parts are words in their own right,
//! so they count as whole words, unlike the parts the decompounder finds.
//! Expects lower-cased, folded tokens whose text keeps the hyphens.

use super::{AnalysisStep, AnalyzedToken, Origin};

#[derive(Debug, Clone, Copy, Default)]
pub struct HyphenatedCompounds;

impl AnalysisStep for HyphenatedCompounds {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        let mut out = Vec::with_capacity(tokens.len());
        for mut token in tokens {
            if !token.text.contains('-') {
                out.push(token);
                continue;
            }
            let parts: Vec<String> =
                token.text.split('-').filter(|p| !p.is_empty()).map(str::to_string).collect();
            token.text = parts.concat();
            let part_tokens: Vec<AnalyzedToken> =
                parts.into_iter().map(|part| token.derived(part, Origin::Hyphen)).collect();
            out.push(token);
            out.extend(part_tokens);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokenize::WordTokenizer;

    #[test]
    fn joined_form_and_parts() {
        let cases: &[(&str, &[&str])] = &[
            ("Kita-Grundschule", &["kitagrundschule", "kita", "grundschule"]),
            ("KeKiz-Workshop", &["kekizworkshop", "kekiz", "workshop"]),
            ("Schule-Beruf-Übergang", &["schuleberufübergang", "schule", "beruf", "übergang"]),
            ("Grundschule", &["grundschule"]),
        ];
        for (text, expected) in cases {
            let tokens = HyphenatedCompounds.apply(WordTokenizer { max_word_chars: 40 }.tokenize(text));
            let got: Vec<String> = tokens.into_iter().map(|t| t.text).collect();
            assert_eq!(&got, expected, "splitting {text:?}");
        }
    }
}
