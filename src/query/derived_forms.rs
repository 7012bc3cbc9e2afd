//! Adjectives and nouns of one family that the German stemmer keeps apart: `kommunal` ↔
//! `Kommune`, `kulturell` ↔ `Kultur`, `finanziell` ↔ `Finanzen`, `demografisch` ↔
//! `Demografie`, `mobil` ↔ `Mobilität`. (Snowball already joins `-lich`, `-heit`, `-keit`,
//! `-isch` and `-ik`: `wirksam` = `Wirksamkeit`, `politisch` = `Politik`.)
//!
//! A query word is also searched as the stems its other form would have, with
//! [`DERIVED_FORM_WEIGHT`], below the word's own forms and its word family. Which way a word is
//! turned follows how it is written: a lower-case word as an adjective into the noun, a
//! capitalised one as a noun into the adjective, and only with the endings that form such pairs:
//! `-al` after `-e` or `-ion` (`Kommune` → `kommunal`, `Region` → `regional`), `-ell` after
//! `-ur` or `-ion`, `-iell` after `-nz` or `-ie` (never `Person` → `Personal`, `personell`).
//! Candidates are made blindly from the endings; [`prune`] keeps only those the index holds,
//! so `strukturell` never becomes a search for a word no text uses.

use super::plan::Alternative;
use crate::analysis::{GermanAnalyzer, Origin, ROOT_MARK};

/// Weight of the other form of a word (below a word-family member, 0.5).
pub const DERIVED_FORM_WEIGHT: f32 = 0.4;
/// Candidate stems shorter than this are not searched (`normal` → `norm`, `Qualität` → `qual`).
const MIN_STEM_CHARS: usize = 5;

/// The stems of the other forms of the written query word `word` (one word) whose stem is
/// `stem`, as alternatives of origin `Root`.
pub(super) fn alternatives(analyzer: &GermanAnalyzer, word: &str, stem: &str) -> Vec<Alternative> {
    let Some(first) = word.chars().next() else { return Vec::new() };
    let folded = analyzer.primary_terms(word);
    if folded.len() != 1 || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let lower = crate::analysis::UmlautFold::fold(&word.to_lowercase());
    let candidates =
        if first.is_uppercase() { adjective_stems(&lower, stem) } else { noun_stems(&lower, stem) };
    let mut alternatives: Vec<Alternative> = Vec::new();
    for candidate in candidates {
        let exists =
            alternatives.iter().any(|a| matches!(a, Alternative::Term { term, .. } if *term == candidate));
        if candidate != stem && candidate.chars().count() >= MIN_STEM_CHARS && !exists {
            alternatives.push(Alternative::Term {
                term: candidate,
                weight: DERIVED_FORM_WEIGHT,
                origin: Origin::Root,
            });
        }
    }
    alternatives
}

/// The noun stems of an adjective (`word` folded, lower case; `stem` its stem).
fn noun_stems(word: &str, stem: &str) -> Vec<String> {
    let mut stems = Vec::new();
    if let Some(base) = stem.strip_suffix("iell") {
        stems.push(base.to_string()); // finanziell → finanz
        stems.push(format!("{base}i")); // industriell → industri(e)
    } else if let Some(base) = stem.strip_suffix("ell") {
        stems.push(base.to_string()); // kulturell → kultur
    }
    if let Some(base) = stem.strip_suffix("al") {
        stems.push(base.to_string()); // kommunal → kommun, regional → region
    }
    if ["isch", "ische", "ischen", "ischem", "ischer", "isches"].iter().any(|e| word.ends_with(e)) {
        stems.push(format!("{stem}i")); // demografisch → demografi(e)
    }
    stems.push(format!("{stem}itat")); // mobil → mobilitat
    stems
}

/// The adjective stems of a noun (`word` folded, lower case; `stem` its stem).
fn adjective_stems(word: &str, stem: &str) -> Vec<String> {
    let mut stems = Vec::new();
    if let Some(base) = stem.strip_suffix("itat") {
        stems.push(base.to_string()); // Mobilität → mobil
        return stems;
    }
    if stem.ends_with("ur") || stem.ends_with("ion") {
        stems.push(format!("{stem}ell")); // Kultur → kulturell, Tradition → traditionell
    }
    if stem.ends_with("nz") || stem.ends_with('i') {
        // Finanzen → finanziell, Industrie → industriell
        stems.push(format!("{}iell", stem.strip_suffix('i').unwrap_or(stem)));
    }
    if word.ends_with('e') || word.ends_with("en") || stem.ends_with("ion") {
        stems.push(format!("{stem}al")); // Kommune → kommunal, Region → regional
    }
    if word.ends_with("ie") || word.ends_with("ien") {
        if let Some(base) = stem.strip_suffix('i') {
            stems.push(base.to_string()); // Demografie → demograf(isch)
        }
    }
    stems
}

/// Drops the other forms (terms of origin `Root` without the root mark) that the index does not
/// hold as a word (`doc_freq` of the term in passages) and those that are generic in it
/// (`is_generic`: `kommunal` in texts on municipal prevention says nothing of a `Kommune`).
pub(super) fn prune(
    group: &mut Vec<Alternative>,
    doc_freq: impl Fn(&str) -> u64,
    is_generic: impl Fn(&str) -> bool,
) {
    group.retain(|a| match a {
        Alternative::Term { term, origin: Origin::Root, .. } if !term.starts_with(ROOT_MARK) => {
            doc_freq(term) > 0 && !is_generic(term)
        }
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};

    fn analyzer() -> GermanAnalyzer {
        GermanAnalyzer::new(&AnalyzerSettings::default(), StopWords::parse("und\n"), Lexicon::default())
    }

    /// (written word, a stem its other form has, whether it is searched): adjectives meet their
    /// nouns and nouns their adjectives; look-alikes of other meaning do not meet.
    const CASES: &[(&str, &str, bool)] = &[
        ("kommunale", "kommun", true),
        ("Kommune", "kommunal", true),
        ("kulturell", "kultur", true),
        ("Kultur", "kulturell", true),
        ("finanzielle", "finanz", true),
        ("Finanzen", "finanziell", true),
        ("demografisch", "demografi", true),
        ("Demografie", "demograf", true),
        ("Mobilität", "mobil", true),
        ("regionalen", "region", true),
        ("Region", "regional", true),
        // a noun in -al is not an adjective, a noun not in -e/-ion takes no -al
        ("Person", "personal", false),
        ("Person", "personell", false),
        ("Personal", "person", false),
        // too short to be safe
        ("normal", "norm", false),
        ("Qualität", "qual", false),
    ];

    #[test]
    fn adjectives_and_nouns_of_one_family_meet() {
        let analyzer = analyzer();
        for &(word, other, expected) in CASES {
            let stem = analyzer.primary_terms(word).remove(0);
            let found: Vec<String> = alternatives(&analyzer, word, &stem)
                .into_iter()
                .filter_map(|a| match a {
                    Alternative::Term { term, weight, origin: Origin::Root } => {
                        assert!(weight < 0.5, "{word}: below the word family");
                        Some(term)
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(found.contains(&other.to_string()), expected, "{word} ({stem}) → {found:?}");
        }
    }

    #[test]
    fn only_forms_the_index_holds_are_searched() {
        let analyzer = analyzer();
        let mut group = alternatives(&analyzer, "Kultur", "kultur");
        group.push(Alternative::Term { term: "^kultur".into(), weight: 0.5, origin: Origin::Root });
        prune(&mut group, |term| u64::from(term == "kulturell"), |_| false);
        let terms: Vec<&str> = group
            .iter()
            .filter_map(|a| match a {
                Alternative::Term { term, .. } => Some(term.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(terms, vec!["kulturell", "^kultur"]);
    }
}
