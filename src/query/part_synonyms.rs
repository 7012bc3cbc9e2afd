//! Synonyms of a compound's parts: a query compound that no synonym covers as a whole
//! (`Einwandererfamilien`, `Präventionsprogramme`) meets its concept through the synonyms of
//! its parts (`Einwanderer` → `Zuwanderer`, `Migrant`; `Prävention` → `Vorbeugung`).
//!
//! For each part of the compound's first split (at least [`MIN_QUERY_PART_CHARS`] long as
//! written, no stop word) and each one-word synonym of it (the domain groups, else the general
//! thesaurus, as [`Synonyms::expand`] gives them), the plan searches, in the word's group:
//! - the compound with the part replaced (`Zuwandererfamilien`), at the synonym's weight ×
//!   [`RECOMBINED_WEIGHT`];
//! - the synonym and the other parts in one passage (`Zuwanderer … Familien`), at the
//!   synonym's weight × [`ALL_PARTS_WEIGHT`];
//! - the synonym alone, at the synonym's weight × [`SINGLE_PART_WEIGHT`];
//!
//! so a part's synonym never outscores the literal word or the compound's own parts. At search
//! time [`prune`] drops what the index cannot match, and every synonym of a part that is generic
//! in the indexed texts (`Familie` in texts about families: its synonyms only add noise). When
//! the index lacks the compound, [`raise_unseen`] raises them as the compound's own parts are.

use super::plan::{
    Alternative, ALL_PARTS_WEIGHT, MIN_QUERY_PART_CHARS, SINGLE_PART_WEIGHT,
    UNSEEN_COMPOUND_ALL_PARTS_WEIGHT, UNSEEN_COMPOUND_SINGLE_PART_WEIGHT, UNSEEN_WORD_SYNONYM_WEIGHT,
};
use crate::analysis::decompound::takes_linking_s;
use crate::analysis::{GermanAnalyzer, Origin, SynonymSource, Synonyms, UmlautFold, WrittenPart};

/// Weight of the compound with a part replaced by its synonym, times the synonym's weight:
/// below a synonym of the whole word, since the replaced compound may mean a little else.
pub const RECOMBINED_WEIGHT: f32 = 0.8;

/// The alternatives through the synonyms of the parts of the query word `word` (none when it
/// is no compound, or no part has a synonym).
pub(super) fn alternatives(analyzer: &GermanAnalyzer, synonyms: &Synonyms, word: &str) -> Vec<Alternative> {
    let Some((folded, parts)) = analyzer.written_parts(word) else { return Vec::new() };
    if parts.len() < 2 {
        return Vec::new();
    }
    let own_term = primary(analyzer, &folded);
    let part_terms: Vec<Option<String>> =
        parts.iter().map(|part| searched_part_term(analyzer, &folded, part)).collect();
    let mut found = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let Some(part_term) = &part_terms[i] else { continue };
        let others: Vec<&String> =
            part_terms.iter().enumerate().filter(|(j, _)| *j != i).filter_map(|(_, t)| t.as_ref()).collect();
        for expansion in synonyms.expand(analyzer, std::slice::from_ref(&part.lemma)) {
            let synonym = expansion.alternative.trim();
            if synonym.split_whitespace().count() != 1 {
                continue;
            }
            let Some(synonym_term) = primary(analyzer, synonym).filter(|t| t != part_term) else { continue };
            let weight = expansion.weight;
            let wrap = |alternative: Alternative| Alternative::PartSynonym {
                part: folded[part.start..part.end].to_string(),
                part_term: part_term.clone(),
                synonym_weight: weight,
                source: expansion.source,
                alternative: Box::new(alternative),
            };
            let folded_synonym = UmlautFold::fold(&synonym.to_lowercase());
            for compound in recombined(&folded, &parts, i, &folded_synonym) {
                if let Some(term) = primary(analyzer, &compound).filter(|t| Some(t) != own_term.as_ref()) {
                    let term = Alternative::Term {
                        term,
                        weight: weight * RECOMBINED_WEIGHT,
                        origin: Origin::Synonym,
                    };
                    add_best(&mut found, wrap(term));
                }
            }
            if !others.is_empty() {
                let mut terms: Vec<String> = others.iter().map(|t| t.to_string()).collect();
                terms.insert(i.min(terms.len()), synonym_term.clone());
                let together = Alternative::AllParts {
                    terms,
                    weight: weight * ALL_PARTS_WEIGHT,
                    near: false,
                    near_weight: 0.0,
                };
                add_best(&mut found, wrap(together));
            }
            let alone = Alternative::Term {
                term: synonym_term,
                weight: weight * SINGLE_PART_WEIGHT,
                origin: Origin::Part,
            };
            add_best(&mut found, wrap(alone));
        }
    }
    found
}

/// The search term of a part, when it is searched at all: long enough as written and no stop
/// word (as the compound's own parts, see `plan::compound_parts`).
fn searched_part_term(analyzer: &GermanAnalyzer, folded: &str, part: &WrittenPart) -> Option<String> {
    let written = &folded[part.start..part.end];
    if written.chars().count() < MIN_QUERY_PART_CHARS || analyzer.is_stop_word(written) {
        return None;
    }
    primary(analyzer, &part.lemma)
}

/// The single search term of a one-word text.
fn primary(analyzer: &GermanAnalyzer, word: &str) -> Option<String> {
    match analyzer.primary_terms(word).as_slice() {
        [term] => Some(term.clone()),
        _ => None,
    }
}

/// The compound `folded` with part `i` replaced by `synonym`: a modifier keeps the linking
/// element it had, or takes the `s` its suffix asks for (`Prävention|s|programme` →
/// `Vorbeugung|s|programme`, `präventiv|programme`); a head replaces the rest of the word.
fn recombined(folded: &str, parts: &[WrittenPart], i: usize, synonym: &str) -> Vec<String> {
    let before = &folded[..parts[i].start];
    let Some(next) = parts.get(i + 1) else { return vec![format!("{before}{synonym}")] };
    let link = &folded[parts[i].end..next.start];
    let rest = &folded[next.start..];
    let mut links = vec![link];
    if takes_linking_s(synonym) {
        links.push("s");
    } else if link == "s" {
        links.push("");
    }
    links.dedup();
    links.into_iter().map(|link| format!("{before}{synonym}{link}{rest}")).collect()
}

/// What an alternative searches, for telling repeats apart.
fn searched_key(alternative: &Alternative) -> String {
    match alternative.searched() {
        Alternative::Term { term, .. } => term.clone(),
        Alternative::AllParts { terms, .. } => terms.join("+"),
        Alternative::Phrase { terms, .. } => {
            terms.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" ")
        }
        Alternative::PartSynonym { .. } => String::new(),
    }
}

/// Adds `new` unless the same search is there already; of two, the higher weight stays.
fn add_best(found: &mut Vec<Alternative>, new: Alternative) {
    let key = searched_key(&new);
    match found.iter_mut().find(|a| searched_key(a) == key) {
        Some(old) if old.weight() < new.weight() => *old = new,
        Some(_) => {}
        None => found.push(new),
    }
}

/// Drops from `group` the part synonyms the index cannot match (`df_anywhere`: passages
/// holding a term as a word or a part) and those of a generic part (`is_generic`).
pub(super) fn prune(
    group: &mut Vec<Alternative>,
    df_anywhere: impl Fn(&str) -> u64,
    is_generic: impl Fn(&str) -> bool,
) {
    group.retain(|alternative| {
        let Alternative::PartSynonym { part_term, alternative, .. } = alternative else { return true };
        if is_generic(part_term) {
            return false;
        }
        match alternative.as_ref() {
            Alternative::Term { term, .. } => df_anywhere(term) > 0,
            Alternative::AllParts { terms, .. } => terms.iter().all(|t| df_anywhere(t) > 0),
            _ => true,
        }
    });
}

/// Raises the match of a part's synonym (`synonym_weight`) of a compound the index lacks, as
/// the compound's own parts and synonyms are raised (see `QueryPlan::back_off_unseen_words`).
pub(super) fn raise_unseen(alternative: &mut Alternative, synonym_weight: f32) {
    match alternative {
        Alternative::Term { weight, origin: Origin::Synonym, .. } => {
            *weight = weight.max(synonym_weight * UNSEEN_WORD_SYNONYM_WEIGHT);
        }
        Alternative::Term { weight, .. } => {
            *weight = weight.max(synonym_weight * UNSEEN_COMPOUND_SINGLE_PART_WEIGHT);
        }
        Alternative::AllParts { weight, .. } => {
            *weight = weight.max(synonym_weight * UNSEEN_COMPOUND_ALL_PARTS_WEIGHT);
        }
        _ => {}
    }
}

/// What `--explain` says an alternative through a part's synonym is.
pub fn describe(alternative: &Alternative) -> Option<String> {
    let Alternative::PartSynonym { part, source, alternative, .. } = alternative else { return None };
    let what = match alternative.as_ref() {
        Alternative::Term { origin: Origin::Synonym, .. } => "the compound with it",
        Alternative::Term { .. } => "alone",
        _ => "with the other parts, each as a word or ~part",
    };
    let kind = match source {
        SynonymSource::Domain => "synonym",
        SynonymSource::Thesaurus | SynonymSource::ThesaurusOfSynonym => "thesaurus synonym",
        SynonymSource::Related => "related term",
    };
    Some(format!("{kind} of part {part}, {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};
    use crate::query::plan::QueryPlan;

    fn analyzer() -> GermanAnalyzer {
        let parts = "Einwanderer\nFamilien\nPrävention\nProgramm\nKinder\nSchutz\nDoppel\nStrukturen\n";
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("und\nvon\naus\n"),
            Lexicon::new(Lexicon::parse_curated(parts), None),
        )
    }

    fn synonyms(analyzer: &GermanAnalyzer) -> Synonyms {
        Synonyms::parse(
            "[[group]]\nterms = [\"Einwanderer\", \"Zuwanderer\"]\nweight = 0.7\n\
             [[group]]\nterms = [\"Prävention\", \"Vorbeugung\"]\nweight = 0.8\n\
             [[group]]\nterms = [\"Kinderschutz\", \"Kindeswohl\"]\nweight = 0.6\n",
        )
        .unwrap()
        .with_keys(analyzer)
    }

    /// (what a part synonym searches, its kind, its weight) for every part synonym of `query`'s
    /// first word.
    fn part_synonyms_of(query: &str) -> Vec<(String, &'static str, f32)> {
        let analyzer = analyzer();
        let plan = QueryPlan::new(&analyzer, query, Some(&synonyms(&analyzer)));
        plan.clauses[0].groups[0]
            .iter()
            .filter(|a| matches!(a, Alternative::PartSynonym { .. }))
            .map(|a| match a.searched() {
                Alternative::Term { term, origin: Origin::Synonym, weight } => {
                    (term.clone(), "compound", *weight)
                }
                Alternative::Term { term, weight, .. } => (term.clone(), "alone", *weight),
                Alternative::AllParts { terms, weight, .. } => (terms.join("+"), "together", *weight),
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    /// What a part synonym searches, its kind, its weight.
    type Expected = (&'static str, &'static str, f32);

    /// (query, expected part synonyms): the compound recombined with the synonym, the synonym
    /// with the other parts, the synonym alone, each weaker than the literal word.
    const CASES: &[(&str, &[Expected])] = &[
        (
            "Einwandererfamilien",
            &[
                ("zuwandererfamili", "compound", 0.7 * RECOMBINED_WEIGHT),
                ("zuwand+famili", "together", 0.7 * ALL_PARTS_WEIGHT),
                ("zuwand", "alone", 0.7 * SINGLE_PART_WEIGHT),
            ],
        ),
        (
            "Präventionsprogramme",
            &[
                ("vorbeugungsprogramm", "compound", 0.8 * RECOMBINED_WEIGHT),
                ("vorbeug+programm", "together", 0.8 * ALL_PARTS_WEIGHT),
                ("vorbeug", "alone", 0.8 * SINGLE_PART_WEIGHT),
            ],
        ),
        // A word with synonyms of its own is searched through them, not through its parts'.
        ("Kinderschutz", &[]),
        // No part has a synonym.
        ("Doppelstrukturen", &[]),
    ];

    #[test]
    fn a_compound_without_synonyms_is_searched_through_its_parts_synonyms() {
        for (query, expected) in CASES {
            let found = part_synonyms_of(query);
            let expected: Vec<(String, &str, f32)> =
                expected.iter().map(|(t, kind, w)| (t.to_string(), *kind, *w)).collect();
            assert_eq!(found.len(), expected.len(), "{query}: {found:?}");
            for ((term, kind, weight), (want_term, want_kind, want_weight)) in found.iter().zip(&expected) {
                assert_eq!((term, kind), (want_term, want_kind), "{query}: {found:?}");
                assert!((weight - want_weight).abs() < 1e-5, "{query}: {found:?}");
                assert!(*weight < 1.0, "a part synonym stays below the literal word");
            }
        }
    }

    #[test]
    fn the_search_drops_what_the_index_lacks_and_the_synonyms_of_generic_parts() {
        let analyzer = analyzer();
        let plan = QueryPlan::new(&analyzer, "Einwandererfamilien", Some(&synonyms(&analyzer)));
        let kept = |held: &[&str], generic: &[&str]| -> Vec<String> {
            let mut group = plan.clauses[0].groups[0].clone();
            prune(&mut group, |t| u64::from(held.contains(&t)), |t| generic.contains(&t));
            group.iter().filter(|a| matches!(a, Alternative::PartSynonym { .. })).map(searched_key).collect()
        };
        assert_eq!(kept(&["zuwand", "famili"], &[]), vec!["zuwand+famili", "zuwand"]);
        assert_eq!(kept(&["zuwandererfamili", "zuwand", "famili"], &["einwand"]), Vec::<String>::new());
        assert_eq!(kept(&["zuwandererfamili"], &["famili"]), vec!["zuwandererfamili"]);
    }

    #[test]
    fn a_modifier_takes_the_linking_element_of_its_synonym() {
        let analyzer = analyzer();
        let (folded, parts) = analyzer.written_parts("Präventionsprogramme").unwrap();
        assert_eq!(recombined(&folded, &parts, 0, "vorbeugung"), vec!["vorbeugungsprogramme"]);
        assert_eq!(
            recombined(&folded, &parts, 0, "praventiv"),
            vec!["praventivsprogramme", "praventivprogramme"]
        );
        assert_eq!(recombined(&folded, &parts, 1, "angebote"), vec!["praventionsangebote"]);
    }
}
