//! Pseudo-relevance feedback (RM3): the words that the best passages of a first search share
//! are added, with a small weight, to the query of a second search.
//!
//! The first search's top [`Feedback::passages`] passages are taken as relevant, each weighted
//! by its share of their scores. Of each, every word's primary term (its stem, as
//! [`crate::analysis::GermanAnalyzer::primary_terms`] gives it, without the costlier parts and
//! roots) gets the relevance-model weight Σ p(passage) · tf / words. The
//! [`Feedback::terms`] terms of highest weight that the query does not already search become
//! one more optional clause, each term weighted by its share, the clause as a whole by
//! [`Feedback::weight`] per query word. Off by default: see the README for the measurements.

use std::collections::{HashMap, HashSet};

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};
use tantivy::Term;

use super::scoring::WordNormTermQuery;
use crate::index::schema::Fields;

/// How the feedback search is made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Feedback {
    /// How many passages of the first search count as relevant.
    pub passages: usize,
    /// How many terms are added.
    pub terms: usize,
    /// Weight of all added terms together, per word of the query (1.0: the added terms count
    /// as much as the query's own words, RM3's usual even mix).
    pub weight: f32,
}

impl Default for Feedback {
    fn default() -> Feedback {
        Feedback { passages: 10, terms: 10, weight: 0.5 }
    }
}

/// A term the feedback adds and its share of the added weight.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackTerm {
    pub term: String,
    pub weight: f32,
}

/// Terms shorter than this (in characters) are not added: abbreviations and fragments.
const MIN_TERM_CHARS: usize = 3;

/// The relevance model of some passages: each passage's primary terms with its retrieval
/// score. Returns the `feedback.terms` best terms not in `searched`, weights summing to 1.
pub fn relevance_model(
    passages: &[(f32, Vec<String>)],
    searched: &HashSet<String>,
    feedback: &Feedback,
) -> Vec<FeedbackTerm> {
    let total_score: f32 = passages.iter().map(|(score, _)| score.max(0.0)).sum();
    if total_score <= 0.0 {
        return Vec::new();
    }
    let mut weights: HashMap<&str, f32> = HashMap::new();
    for (score, terms) in passages {
        if terms.is_empty() {
            continue;
        }
        let share = score.max(0.0) / total_score / terms.len() as f32;
        for term in terms {
            *weights.entry(term.as_str()).or_default() += share;
        }
    }
    let mut ranked: Vec<(&str, f32)> =
        weights.into_iter().filter(|(term, _)| is_candidate(term) && !searched.contains(*term)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.truncate(feedback.terms);
    let sum: f32 = ranked.iter().map(|(_, w)| w).sum();
    ranked.into_iter().map(|(term, w)| FeedbackTerm { term: term.to_string(), weight: w / sum }).collect()
}

/// Words, not numbers or fragments.
fn is_candidate(term: &str) -> bool {
    term.chars().count() >= MIN_TERM_CHARS && term.chars().all(char::is_alphabetic)
}

/// The optional clause of the added terms, each scored like a query word over the passage
/// text, all together weighing `feedback.weight` per query word.
pub fn expansion_query(
    fields: &Fields,
    terms: &[FeedbackTerm],
    query_words: usize,
    feedback: &Feedback,
) -> Option<Box<dyn Query>> {
    if terms.is_empty() {
        return None;
    }
    let total = feedback.weight * query_words.max(1) as f32;
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .iter()
        .map(|t| {
            let term = WordNormTermQuery::new(Term::from_field_text(fields.text, &t.term), fields.text_words);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(term), total * t.weight)) as Box<dyn Query>)
        })
        .collect();
    Some(Box::new(BooleanQuery::new(clauses)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFiles;

    fn analysed(texts: &[(f32, &str)]) -> Vec<(f32, Vec<String>)> {
        let config = ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let analyzer = config.german_analyzer(None);
        texts.iter().map(|(score, text)| (*score, analyzer.primary_terms(text))).collect()
    }

    /// Words shared by the top passages lead; the query's own terms, numbers and parts are not
    /// added; the weights sum to 1.
    #[test]
    fn shared_words_of_the_best_passages_lead() {
        let passages = analysed(&[
            (8.0, "Die Familienhebammen besuchen Familien nach der Geburt zu Hause. 2019 waren es 300."),
            (6.0, "Familienhebammen begleiten Familien im ersten Lebensjahr."),
            (1.0, "Der Sportverein lädt zum Sommerfest ein."),
        ]);
        let searched: HashSet<String> = ["geburt".to_string()].into();
        let feedback = Feedback { terms: 3, ..Feedback::default() };
        let terms = relevance_model(&passages, &searched, &feedback);
        let names: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(names.len(), 3);
        assert!(names.contains(&"familienhebamm"), "{names:?}");
        assert!(names.contains(&"famili"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with('~') || n.contains("geburt") || n.contains("2019")));
        let sum: f32 = terms.iter().map(|t| t.weight).sum();
        assert!((sum - 1.0).abs() < 1e-4);
    }

    #[test]
    fn no_scores_no_terms() {
        let passages = analysed(&[(0.0, "Frühe Hilfen für Familien")]);
        assert!(relevance_model(&passages, &HashSet::new(), &Feedback::default()).is_empty());
    }
}
