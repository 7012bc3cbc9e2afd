//! From the user's query to what is searched: a plan of clauses and weighted alternatives.
//!
//! Each query word is analysed like the documents. Its whole-word terms (the stem, the base of
//! a gender form, the parts of a hyphenated word) are searched with full weight; the same term
//! as a part of an indexed compound (`~term`) with [`PART_WEIGHT`]; a compound's parts all
//! together (`Armutsfolgenprävention` finds `Prävention von Armutsfolgen`) with
//! [`ALL_PARTS_WEIGHT`], and close together like the compound itself ([`NEAR_PARTS_WEIGHT`]);
//! other members of its word family with [`ROOT_WEIGHT`]; its synonyms with their group's
//! weight. The search scores each written word by its best alternative (disjunction-max), so a
//! literal whole-word match always ranks above a part-only or synonym match, and adds
//! [`ALL_WORDS_WEIGHT`] when a passage holds every word of a query of two to four words. The
//! plan is what [`super::compile`] turns into the list of clauses that `--explain` prints and
//! the search runs (with the compound-part, section-heading and written-apart matches).

use crate::analysis::{AnalyzedToken, GermanAnalyzer, Origin, PART_MARK};

use super::frames;
use super::parse::{parse, Clause, Occurrence};
use crate::analysis::Synonyms;

/// Weight of a query term found as a part of an indexed compound.
pub const PART_WEIGHT: f32 = 0.6;
/// Weight of all parts of a query compound found as words or parts.
pub const ALL_PARTS_WEIGHT: f32 = 0.5;
/// Weight of each single part of a query compound (`Präventionskonferenz` also finds texts
/// about a `Konferenz` or `Prävention` alone, ranked below texts with both).
pub const SINGLE_PART_WEIGHT: f32 = 0.2;
/// Weight of another member of a word family (`Koordination` for `Koordinator`).
pub const ROOT_WEIGHT: f32 = 0.5;
/// Parts shorter than this are not searched on their own.
const MIN_QUERY_PART_CHARS: usize = 4;
/// Weight of the two parts of a query compound standing close together, in either order (the
/// compound written apart: `Kindergesundheit` → `Gesundheit von Kindern`): like the compound
/// itself. Measured on the dev set: nDCG@10 0.782 → 0.795 (variant 0.712 → 0.80).
pub const NEAR_PARTS_WEIGHT: f32 = 1.0;
/// At most this many words between the two parts: one short noun phrase.
pub const NEAR_PARTS_SLOP: u32 = 4;
/// Bonus of a passage that holds every word of the query (in any of its forms); measured on
/// the dev set: nDCG@10 0.769 → 0.782, the same from 1.0 up.
pub const ALL_WORDS_WEIGHT: f32 = 1.0;
/// Weight of derived forms (gender base, completed elliptic compound, hyphen parts).
pub const DERIVED_WEIGHT: f32 = 0.8;
/// A query word that no passage holds in any form is findable only through its synonyms:
/// their weights are scaled so that the best counts like this (as much as a literal match of
/// another query word), instead of the lower weight that keeps them below the literal word.
pub const UNSEEN_WORD_SYNONYM_WEIGHT: f32 = 0.7;

/// One way a clause can match.
#[derive(Debug, Clone, PartialEq)]
pub enum Alternative {
    /// A term in the text (or, marked, as a compound part).
    Term { term: String, weight: f32, origin: Origin },
    /// Every one of these terms, each as a word or as a part, anywhere in the passage (not
    /// searched when the weight is 0); `near`: also rewarded when they stand close together
    /// (the compound written apart: `Gesundheit von Kindern`).
    AllParts { terms: Vec<String>, weight: f32, near: bool },
    /// Terms at relative positions.
    Phrase { terms: Vec<(usize, String)>, weight: f32, origin: Origin },
}

impl Alternative {
    pub fn weight(&self) -> f32 {
        match self {
            Alternative::Term { weight, .. }
            | Alternative::AllParts { weight, .. }
            | Alternative::Phrase { weight, .. } => *weight,
        }
    }

    pub(super) fn scale_weight(&mut self, factor: f32) {
        match self {
            Alternative::Term { weight, .. }
            | Alternative::AllParts { weight, .. }
            | Alternative::Phrase { weight, .. } => *weight *= factor,
        }
    }

    /// Whether this alternative comes from a synonym of the word (the parts of a synonym's
    /// compound are searched without `near`).
    fn is_synonym(&self) -> bool {
        match self {
            Alternative::Term { origin, .. } | Alternative::Phrase { origin, .. } => {
                *origin == Origin::Synonym
            }
            Alternative::AllParts { near, .. } => !near,
        }
    }
}

/// A clause of the query with its alternatives.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedClause {
    /// What the user wrote.
    pub source: String,
    pub occur: Occurrence,
    pub is_phrase: bool,
    /// A clause of synonyms of a run of query words, or one that a question frame added (a
    /// concept it asks for, a framing word at a low weight): not a word of the query.
    pub is_synonym: bool,
    /// Alternatives of one written word; several words in one clause (`Kita/Schule`) give
    /// several groups.
    pub groups: Vec<Vec<Alternative>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryPlan {
    pub clauses: Vec<PlannedClause>,
    /// What the question frames did with the query's words, one line per frame applied.
    pub frames: Vec<String>,
}

impl QueryPlan {
    /// Plans `query`; `synonyms` is None for `--exact`.
    pub fn new(analyzer: &GermanAnalyzer, query: &str, synonyms: Option<&Synonyms>) -> QueryPlan {
        let framed = analyzer.question_frames().apply(parse(query));
        let mut clauses: Vec<PlannedClause> =
            framed.clauses.iter().filter_map(|c| plan_clause(analyzer, c)).collect();
        if let Some(synonyms) = synonyms {
            add_synonyms(analyzer, synonyms, &mut clauses);
        }
        clauses.extend(frames::planned_clauses(analyzer, &framed));
        QueryPlan { clauses, frames: framed.notes }
    }

    /// The clauses of the words the user typed (not exclusions, not phrases, not synonym runs):
    /// what the all-words bonus requires (their indexes in [`QueryPlan::clauses`]).
    pub fn word_clauses(&self) -> Vec<usize> {
        self.clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| c.occur == Occurrence::Should && !c.is_phrase && !c.is_synonym)
            .map(|(i, _)| i)
            .collect()
    }

    /// Raises the synonyms of every word that no passage holds in any of its own forms (see
    /// [`UNSEEN_WORD_SYNONYM_WEIGHT`]); `is_indexed` tells whether a term occurs in the index.
    pub fn back_off_unseen_words(&mut self, is_indexed: impl Fn(&str) -> bool) {
        let seen = |term: &str| is_indexed(term) || is_indexed(&format!("{PART_MARK}{term}"));
        for clause in self.clauses.iter_mut().filter(|c| !c.is_phrase && !c.is_synonym) {
            for group in &mut clause.groups {
                let own_form_seen = group.iter().any(|a| match a {
                    Alternative::Term { term, origin, .. } => *origin != Origin::Synonym && seen(term),
                    Alternative::AllParts { terms, near: true, .. } => terms.iter().all(|t| seen(t)),
                    _ => false,
                });
                let best_synonym =
                    group.iter().filter(|a| a.is_synonym()).map(Alternative::weight).fold(0.0_f32, f32::max);
                if own_form_seen || best_synonym <= 0.0 {
                    continue;
                }
                let scale = UNSEEN_WORD_SYNONYM_WEIGHT / best_synonym;
                for alternative in group.iter_mut().filter(|a| a.is_synonym()) {
                    alternative.scale_weight(scale);
                }
            }
        }
    }

    /// Drops the single parts of query compounds, found or hyphenated (`Familienhebamme` →
    /// `Hebamme` alone, `Eltern-Kind-Gruppe` → `Kind` alone), and the parts anywhere in a
    /// passage: for a theme term, a part alone (`Familie`, `Kind`) is no evidence of the theme.
    /// The two parts of a compound written apart (weight 0 on the parts anywhere) still count.
    pub fn without_single_parts(mut self) -> QueryPlan {
        for group in self.clauses.iter_mut().flat_map(|c| c.groups.iter_mut()) {
            group.retain(|a| match a {
                Alternative::Term { origin, .. } => !matches!(origin, Origin::Part | Origin::Hyphen),
                Alternative::AllParts { terms, near, .. } => *near && terms.len() == 2,
                Alternative::Phrase { .. } => true,
            });
            for alternative in group.iter_mut() {
                if let Alternative::AllParts { weight, .. } = alternative {
                    *weight = 0.0;
                }
            }
        }
        self
    }

    /// Whether anything positive is searched.
    pub fn has_positive(&self) -> bool {
        self.clauses.iter().any(|c| c.occur != Occurrence::MustNot)
    }

    /// The terms whose words are highlighted in hits (positive clauses only).
    pub fn highlight_terms(&self) -> std::collections::HashSet<String> {
        let mut terms = std::collections::HashSet::new();
        for clause in self.clauses.iter().filter(|c| c.occur != Occurrence::MustNot) {
            for alternative in clause.groups.iter().flatten() {
                match alternative {
                    Alternative::Term { term, .. } => {
                        terms.insert(term.clone());
                        terms.insert(format!("{PART_MARK}{term}"));
                    }
                    // The parts of a synonym's compound are no evidence on their own.
                    Alternative::AllParts { terms: parts, near, .. } if *near => {
                        for part in parts {
                            terms.insert(part.clone());
                            terms.insert(format!("{PART_MARK}{part}"));
                        }
                    }
                    Alternative::AllParts { .. } => {}
                    Alternative::Phrase { terms: phrase, .. } => {
                        terms.extend(phrase.iter().map(|(_, t)| t.clone()))
                    }
                }
            }
        }
        terms
    }
}

pub(super) fn plan_clause(analyzer: &GermanAnalyzer, clause: &Clause) -> Option<PlannedClause> {
    let tokens = analyzer.analyze(&clause.text);
    let groups: Vec<Vec<Alternative>> = if clause.is_phrase {
        phrase(&tokens, 1.0, Origin::Word).map(|p| vec![vec![p]]).unwrap_or_default()
    } else {
        by_position(&tokens)
            .into_iter()
            .map(|word| word_alternatives(analyzer, &word, 1.0, true))
            .filter(|g| !g.is_empty())
            .collect()
    };
    if groups.is_empty() {
        return None;
    }
    Some(PlannedClause {
        source: clause.text.clone(),
        occur: clause.occur,
        is_phrase: clause.is_phrase,
        is_synonym: false,
        groups,
    })
}

/// The tokens of one text grouped by word position.
fn by_position(tokens: &[AnalyzedToken]) -> Vec<Vec<AnalyzedToken>> {
    let mut groups: Vec<Vec<AnalyzedToken>> = Vec::new();
    for token in tokens {
        match groups.last_mut() {
            Some(group) if group[0].position == token.position => group.push(token.clone()),
            _ => groups.push(vec![token.clone()]),
        }
    }
    groups
}

/// The alternatives of one written word, each weight scaled by `scale`; `single_parts` adds
/// each part of a compound on its own.
fn word_alternatives(
    analyzer: &GermanAnalyzer,
    word: &[AnalyzedToken],
    scale: f32,
    single_parts: bool,
) -> Vec<Alternative> {
    let mut alternatives = Vec::new();
    for token in word.iter().filter(|t| t.origin != Origin::Part) {
        let weight = match token.origin {
            Origin::Word | Origin::Stem => 1.0,
            Origin::Root => ROOT_WEIGHT,
            _ => DERIVED_WEIGHT,
        };
        alternatives.push(Alternative::Term {
            term: token.text.clone(),
            weight: weight * scale,
            origin: token.origin,
        });
    }
    // Particles split off as parts (`mit|bestimmung`, `über|gang`) carry no topic of their own.
    let leaves: Vec<String> = word
        .iter()
        .filter(|t| t.origin == Origin::Part && t.marks.leaf)
        .map(|t| t.bare().to_string())
        .filter(|leaf| leaf.chars().count() >= MIN_QUERY_PART_CHARS && !analyzer.is_stop_word(leaf))
        .collect();
    if leaves.len() > 1 {
        for leaf in leaves.iter().filter(|_| single_parts) {
            alternatives.push(Alternative::Term {
                term: leaf.clone(),
                weight: SINGLE_PART_WEIGHT * scale,
                origin: Origin::Part,
            });
        }
        alternatives.push(Alternative::AllParts {
            terms: leaves,
            weight: ALL_PARTS_WEIGHT * scale,
            near: single_parts,
        });
    }
    alternatives
}

/// A phrase of the primary term of each word, or the single term of a one-word phrase.
fn phrase(tokens: &[AnalyzedToken], weight: f32, origin: Origin) -> Option<Alternative> {
    let words = by_position(tokens);
    let primaries: Vec<(usize, String)> = words
        .iter()
        .filter_map(|w| {
            w.iter().find(|t| !matches!(t.origin, Origin::Part)).map(|t| (t.position, t.text.clone()))
        })
        .collect();
    match primaries.len() {
        0 => None,
        1 => Some(Alternative::Term { term: primaries[0].1.clone(), weight, origin }),
        _ => {
            let first = primaries[0].0;
            Some(Alternative::Phrase {
                terms: primaries.into_iter().map(|(p, t)| (p - first, t)).collect(),
                weight,
                origin,
            })
        }
    }
}

/// Adds the synonyms of the positive words: those of a single word join that word's group
/// (one concept, scored once: see the search's disjunction-max), those of a run of words
/// form a clause of their own.
fn add_synonyms(analyzer: &GermanAnalyzer, synonyms: &Synonyms, clauses: &mut Vec<PlannedClause>) {
    let words: Vec<(usize, String)> = clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.occur != Occurrence::MustNot && !c.is_phrase)
        .map(|(i, c)| (i, c.source.clone()))
        .collect();
    let texts: Vec<String> = words.iter().map(|(_, w)| w.clone()).collect();
    let mut extra = Vec::new();
    for expansion in synonyms.expand(analyzer, &texts) {
        let weight = expansion.weight;
        let tokens = analyzer.analyze(&expansion.alternative);
        let alternatives: Vec<Alternative> = if by_position(&tokens).len() > 1 {
            phrase(&tokens, weight, Origin::Synonym).into_iter().collect()
        } else {
            word_alternatives(analyzer, &tokens, weight, false)
                .into_iter()
                .map(|a| match a {
                    Alternative::Term { term, weight, .. } => {
                        Alternative::Term { term, weight, origin: Origin::Synonym }
                    }
                    other => other,
                })
                .collect()
        };
        if alternatives.is_empty() {
            continue;
        }
        if expansion.end - expansion.start == 1 {
            let clause = &mut clauses[words[expansion.start].0];
            if let Some(group) = clause.groups.first_mut() {
                group.extend(alternatives);
                continue;
            }
        }
        let source =
            format!("{} → {}", texts[expansion.start..expansion.end].join(" "), expansion.alternative);
        extra.push(PlannedClause {
            source,
            occur: Occurrence::Should,
            is_phrase: false,
            is_synonym: true,
            groups: vec![alternatives],
        });
    }
    clauses.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};

    fn analyzer() -> GermanAnalyzer {
        let parts = Lexicon::parse_curated("Kinder\nSchutz\nGesundheit\n");
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("und\nvon\n"),
            Lexicon::new(parts, None),
        )
    }

    fn synonyms() -> Synonyms {
        Synonyms::parse("[[group]]\nterms = [\"Beteiligung\", \"Partizipation\"]\nweight = 0.6\n").unwrap()
    }

    fn weights(group: &[Alternative]) -> Vec<(String, f32)> {
        group
            .iter()
            .filter_map(|a| match a {
                Alternative::Term { term, weight, .. } => Some((term.clone(), *weight)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_compound_searches_itself_first_then_its_parts() {
        let plan = QueryPlan::new(&analyzer(), "Kinderschutz", None);
        assert_eq!(plan.clauses.len(), 1);
        let group = &plan.clauses[0].groups[0];
        let terms = weights(group);
        assert_eq!(
            terms[0],
            ("kinderschutz".to_string(), 1.0),
            "the literal word comes first at full weight"
        );
        assert!(terms.contains(&("kind".to_string(), SINGLE_PART_WEIGHT)));
        let all_parts = group.iter().find_map(|a| match a {
            Alternative::AllParts { terms, weight, near } => Some((terms.clone(), *weight, *near)),
            _ => None,
        });
        assert_eq!(all_parts, Some((vec!["kind".to_string(), "schutz".to_string()], ALL_PARTS_WEIGHT, true)));
    }

    #[test]
    fn synonyms_join_the_group_of_their_word_with_a_lower_weight() {
        let plan = QueryPlan::new(&analyzer(), "Beteiligung Kinder", Some(&synonyms()));
        assert_eq!(plan.clauses.len(), 2, "no separate synonym clause for a one-word expansion");
        let terms = weights(&plan.clauses[0].groups[0]);
        assert!(terms.contains(&("beteil".to_string(), 1.0)));
        assert!(terms.contains(&("partizipation".to_string(), 0.6)));
        assert_eq!(plan.word_clauses().len(), 2, "both words count for the all-words bonus");
    }

    #[test]
    fn synonyms_of_a_word_the_index_lacks_count_more() {
        let mut plan = QueryPlan::new(&analyzer(), "Beteiligung Kinder", Some(&synonyms()));
        plan.back_off_unseen_words(|term| term == "partizipation" || term == "kind");
        let terms = weights(&plan.clauses[0].groups[0]);
        assert!(terms.contains(&("partizipation".to_string(), UNSEEN_WORD_SYNONYM_WEIGHT)), "{terms:?}");
        let mut seen = QueryPlan::new(&analyzer(), "Beteiligung Kinder", Some(&synonyms()));
        seen.back_off_unseen_words(|_| true);
        assert!(weights(&seen.clauses[0].groups[0]).contains(&("partizipation".to_string(), 0.6)));
    }

    #[test]
    fn exact_plans_no_synonyms_and_exclusions_are_not_highlighted() {
        let plan = QueryPlan::new(&analyzer(), "Beteiligung -Schutz", None);
        let terms = plan.highlight_terms();
        assert!(terms.contains("beteil") && !terms.contains("partizipation"));
        assert!(!terms.contains("schutz"), "excluded words are not highlighted");
        assert!(plan.has_positive());
        assert!(!QueryPlan::new(&analyzer(), "-Schutz", None).has_positive());
    }
}
