//! Makes gender forms meet: `Koordinator:innen`, `Koordinator*innen`, `KoordinatorInnen`,
//! `Koordinator/-innen` and `Koordinatorinnen` also yield `koordinator`, so they are found by
//! `Koordinator`, `Koordinatoren` and `Koordinatorin`, and the reverse.
//!
//! A word written with a gender marker (see the tokenizer) loses its `in`/`innen` ending
//! unconditionally. A plainly written word ending in `in`/`innen` does only when the rest ends
//! like a German person noun (`-or`, `-er`, `-ent`, `-ant`, `-eur`, `-ist`, `-at`, …), so that
//! `Medizin`, `Termin` or `beginnen` stay whole. The base form is added at the same position.
//! Expects lower-cased, folded tokens.

use super::{AnalysisStep, AnalyzedToken, Origin};

/// Endings of person nouns that take a feminine `-in`: Koordinator, Lehrer, Referent,
/// Praktikant, Akteur, Sozialarbeiter, Jurist, Landrat (folded: landrätin → landratin),
/// Kollege (kollegin: `-eg`), Psychologe (psychologin: `-og`), Kunde (kundin: `-nd`), Arzt
/// (ärztin, folded arztin: `-zt`), Anwalt (anwältin: `-lt`), Therapeut (`-eut`), Beamter
/// (beamtin: `-mt`), Koch (köchin: `-och`), Chef (`-ef`). With umlauts folded, the feminine
/// plural `Ärztinnen` then meets the masculine plural `Ärzte` through their stem `arzt`.
const PERSON_ENDINGS: [&str; 18] = [
    "or", "er", "ent", "ant", "eur", "ist", "at", "ar", "eg", "og", "nd", "ier", "zt", "lt", "eut", "mt",
    "och", "ef",
];
const MIN_BASE_CHARS: usize = 4;

#[derive(Debug, Clone, Copy, Default)]
pub struct GenderForms;

impl GenderForms {
    /// The base form of a feminine or gender-inclusive word, if it is one.
    pub fn base(word: &str, marked: bool) -> Option<&str> {
        let base = word.strip_suffix("innen").or_else(|| word.strip_suffix("in"))?;
        if base.chars().count() < MIN_BASE_CHARS || !base.chars().all(char::is_alphabetic) {
            return None;
        }
        if marked || PERSON_ENDINGS.iter().any(|e| base.ends_with(e)) {
            Some(base)
        } else {
            None
        }
    }
}

impl AnalysisStep for GenderForms {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        let mut out = Vec::with_capacity(tokens.len());
        for token in tokens {
            let base = match token.origin {
                Origin::Part => None,
                _ => GenderForms::base(&token.text, token.marks.gender).map(str::to_string),
            };
            let base_token = base.map(|base| token.derived(base, Origin::Gender));
            out.push(token);
            out.extend(base_token);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (word, written with a marker, expected base): a failure means a gender form no longer
    /// meets its base word, or a plain word lost its ending.
    const CASES: &[(&str, bool, Option<&str>)] = &[
        ("koordinatorinnen", true, Some("koordinator")),
        ("koordinatorinnen", false, Some("koordinator")),
        ("koordinatorin", false, Some("koordinator")),
        ("sprecherinnen", true, Some("sprecher")),
        ("expertinnen", true, Some("expert")),
        ("akteurinnen", false, Some("akteur")),
        ("landratin", false, Some("landrat")),
        ("burgermeisterin", false, Some("burgermeister")),
        ("referentinnen", false, Some("referent")),
        ("kollegin", false, Some("kolleg")),
        ("arztinnen", false, Some("arzt")),
        ("arztin", false, Some("arzt")),
        ("anwaltin", false, Some("anwalt")),
        ("therapeutinnen", false, Some("therapeut")),
        ("beamtin", false, Some("beamt")),
        ("lehrerinnen", false, Some("lehrer")),
        ("medizin", false, None),
        ("termin", false, None),
        ("beginnen", false, None),
        ("innen", false, None),
        ("berlin", false, None),
        ("disziplin", false, None),
        ("koordinator", false, None),
    ];

    #[test]
    fn finds_the_base_of_gender_forms() {
        for (word, marked, expected) in CASES {
            assert_eq!(GenderForms::base(word, *marked), *expected, "base of {word} (marked: {marked})");
        }
    }
}
