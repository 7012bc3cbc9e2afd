//! The related terms of a query word in the plan: the other core terms of a theme whose core
//! term the word is (`Monitoring` → `Sozialberichterstattung`, `Kennzahl`; see
//! [`crate::analysis::related_terms`]). They join the word's group at their low weight, searched
//! as the term itself (a word, or a phrase for a term of several words), never through their
//! parts or word family; at search time [`prune`] drops them for a word that is generic in the
//! indexed texts, and drops a related term that is generic there (both only add noise), and
//! [`raise_unseen`] raises them for a word the index lacks (as its synonyms are raised).

use super::plan::{phrase, Alternative};
use crate::analysis::synonyms::Expansion;
use crate::analysis::{GermanAnalyzer, Origin};

/// What a related term `expansion` is searched as: the single term of a one-word term, the
/// phrase of a term of several words; None when it analyses to nothing.
pub(super) fn alternative(analyzer: &GermanAnalyzer, expansion: &Expansion) -> Option<Alternative> {
    phrase(&analyzer.analyze(&expansion.alternative), expansion.weight, Origin::Related)
}

/// Weight of the related terms of a query word that no passage holds in any of its own forms
/// and that has no synonyms: the only evidence of its concept. (A word with synonyms raises
/// its related terms with its synonyms, by the same factor: see
/// `QueryPlan::back_off_unseen_words`.)
pub const UNSEEN_WORD_RELATED_WEIGHT: f32 = 0.35;

/// Raises the related terms of a word the index lacks, and that has no synonyms, to
/// [`UNSEEN_WORD_RELATED_WEIGHT`].
pub(super) fn raise_unseen(group: &mut [Alternative]) {
    for alternative in group.iter_mut().filter(|a| is_related(a)) {
        if let Alternative::Term { weight, .. } | Alternative::Phrase { weight, .. } = alternative {
            *weight = weight.max(UNSEEN_WORD_RELATED_WEIGHT);
        }
    }
}

/// Whether an alternative is a related term.
pub(super) fn is_related(alternative: &Alternative) -> bool {
    matches!(
        alternative,
        Alternative::Term { origin: Origin::Related, .. }
            | Alternative::Phrase { origin: Origin::Related, .. }
    )
}

/// Drops the related terms of `group` when its word (`word_term`, the first whole-word term) is
/// generic in the indexed texts, and each related term that is (`is_generic`).
pub(super) fn prune(
    group: &mut Vec<Alternative>,
    word_term: Option<&str>,
    is_generic: impl Fn(&str) -> bool,
) {
    let word_is_generic = word_term.is_some_and(&is_generic);
    group.retain(|alternative| match alternative {
        Alternative::Term { term, origin: Origin::Related, .. } => !word_is_generic && !is_generic(term),
        Alternative::Phrase { origin: Origin::Related, .. } => !word_is_generic,
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::related_terms::RELATED_WEIGHT;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords, Synonyms};
    use crate::query::compile::{Match, SearchClauses};
    use crate::query::plan::QueryPlan;

    fn analyzer() -> GermanAnalyzer {
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("und\nder\nzur\n"),
            Lexicon::new(Lexicon::parse_curated("Sozial\nBericht\nArmut\nKinder\n"), None),
        )
    }

    /// Synonyms with one domain group and the core terms of two themes as related terms.
    fn synonyms() -> Synonyms {
        Synonyms::parse("[[group]]\nterms = [\"Armut\", \"Bedürftigkeit\"]\nweight = 0.6\n")
            .unwrap()
            .with_related(vec![
                vec!["Monitoring".into(), "Sozialberichterstattung".into(), "Kennzahl".into()],
                vec!["Kinderarmut".into(), "Armut".into(), "Armutsprävention".into()],
            ])
    }

    /// The related terms planned for the first word of `query`, with their weights.
    fn related_of(query: &str) -> Vec<(String, f32)> {
        let plan = QueryPlan::new(&analyzer(), query, Some(&synonyms()));
        plan.clauses[0].groups[0]
            .iter()
            .filter_map(|a| match a {
                Alternative::Term { term, weight, origin: Origin::Related } => Some((term.clone(), *weight)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_core_term_of_a_theme_is_searched_as_the_themes_other_core_terms() {
        let w = RELATED_WEIGHT;
        let cases: &[(&str, &[(&str, f32)])] = &[
            ("Monitoring und Kennzahlen", &[("sozialberichterstatt", w), ("kennzahl", w)]),
            ("Kennzahlen der Stadt", &[("monitoring", w), ("sozialberichterstatt", w)]),
            // Beside its domain synonyms, a word keeps its related terms.
            ("Armut in Familien", &[("kinderarmut", w), ("armutspravention", w)]),
            ("Jahresbericht der Stadt", &[]),
        ];
        for (query, expected) in cases {
            let expected: Vec<(String, f32)> = expected.iter().map(|(t, w)| (t.to_string(), *w)).collect();
            assert_eq!(related_of(query), expected, "{query}");
        }
    }

    #[test]
    fn related_terms_of_a_word_the_index_lacks_count_more() {
        let mut plan = QueryPlan::new(&analyzer(), "Monitoring", Some(&synonyms()));
        plan.back_off_unseen_words(|term| term == "kennzahl");
        let weights: Vec<f32> =
            plan.clauses[0].groups[0].iter().filter(|a| is_related(a)).map(Alternative::weight).collect();
        assert_eq!(weights, vec![UNSEEN_WORD_RELATED_WEIGHT; 2]);
        // A word with synonyms: its related terms rise with them and stay below them.
        let mut plan = QueryPlan::new(&analyzer(), "Armut", Some(&synonyms()));
        plan.back_off_unseen_words(|term| term == "kinderarmut");
        let group = &plan.clauses[0].groups[0];
        let synonym = group.iter().find(|a| a.weight() > 0.5 && !is_related(a) && a.weight() < 1.0);
        let related: Vec<f32> = group.iter().filter(|a| is_related(a)).map(Alternative::weight).collect();
        let raised = RELATED_WEIGHT * 0.7 / 0.6;
        assert_eq!(synonym.map(Alternative::weight), Some(0.7), "{group:?}");
        assert!(related.len() == 2 && related.iter().all(|w| (w - raised).abs() < 1e-5), "{related:?}");
        let mut seen = QueryPlan::new(&analyzer(), "Monitoring", Some(&synonyms()));
        seen.back_off_unseen_words(|_| true);
        assert!(seen.clauses[0].groups[0]
            .iter()
            .filter(|a| is_related(a))
            .all(|a| a.weight() == RELATED_WEIGHT));
    }

    #[test]
    fn related_terms_of_a_generic_word_and_generic_related_terms_are_dropped() {
        let plan = QueryPlan::new(&analyzer(), "Armut", Some(&synonyms()));
        let related = |generic: &[&str]| {
            let mut group = plan.clauses[0].groups[0].clone();
            prune(&mut group, Some("armut"), |t| generic.contains(&t));
            group.iter().filter(|a| is_related(a)).count()
        };
        assert_eq!(related(&[]), 2);
        assert_eq!(related(&["kinderarmut"]), 1, "a generic related term goes");
        assert_eq!(related(&["armut"]), 0, "a generic word has no related terms");
    }

    #[test]
    fn a_related_term_is_searched_as_itself_and_not_for_the_all_words_bonus() {
        let plan = QueryPlan::new(&analyzer(), "Monitoring Armut", Some(&synonyms()));
        let clauses = SearchClauses::of_plan(&plan);
        let matches: Vec<&Match> = clauses.clauses[0].groups[0]
            .iter()
            .filter(|a| is_related(&a.alternative))
            .flat_map(|a| a.matches.iter().map(|m| &m.what))
            .collect();
        assert!(!matches.is_empty());
        for what in matches {
            let Match::Term { term, .. } = what else { panic!("a related term is one term: {what:?}") };
            assert!(!term.starts_with(crate::analysis::PART_MARK), "not inside other compounds: {term}");
        }
        let bonus_clause = clauses.clauses[0].without_single_parts();
        assert!(
            !bonus_clause.groups[0].iter().any(|a| is_related(&a.alternative)),
            "a related term does not count as the word for the all-words bonus"
        );
        assert!(bonus_clause.groups[0].iter().any(|a| !is_related(&a.alternative)));
    }
}
