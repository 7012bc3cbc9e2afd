//! From a [`QueryPlan`] to what runs: first the list of every weighted match the search makes
//! ([`SearchClauses`]), then that list as one tantivy query ([`SearchClauses::to_tantivy`]).
//!
//! The list is the single account of a search. It holds what the plan implies but does not
//! spell out: each word also as a compound part (`~term`) and in the section heading, the
//! compound written apart in either order, neighbouring query words close together (see
//! [`super::proximity`]), and the bonus for holding all words. The tantivy
//! query is built from the list and nothing else, and `--explain` prints the same list, so
//! what is explained is what is searched.

use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::scoring::WordNormTermQuery;

use super::parse::Occurrence;
use super::plan::{Alternative, QueryPlan, ALL_WORDS_WEIGHT, NEAR_PARTS_SLOP, PART_WEIGHT};
use super::proximity::NearPair;
use super::related_terms;
use crate::analysis::{Origin, PART_MARK, ROOT_MARK};
use crate::index::schema::Fields;

/// Weight of a match in the section heading relative to one in the passage text.
pub const SECTION_BOOST: f32 = 0.3;
/// Longer queries (questions) seldom have all their words in one passage: no bonus clause,
/// which would only cost time.
pub const MAX_ALL_WORDS: usize = 4;
/// Share of the non-best alternatives of a word that still counts.
const TIE_BREAKER: f32 = 0.2;

/// Where a term is looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// The searched field: the passage text (or a quote's role or speaker).
    Text,
    /// The section heading of the passage.
    Heading,
}

/// One thing the search looks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    /// An index term (with [`PART_MARK`]: as a part of a compound).
    Term { place: Place, term: String },
    /// Every one of the terms, each as a word or as a compound part, anywhere in the text.
    AllOf { terms: Vec<String> },
    /// Two parts of a compound written apart: `first` before `second`, at most `slop` words
    /// between them.
    WrittenApart { first: String, second: String, slop: u32 },
    /// Terms at these relative positions.
    Phrase { terms: Vec<(usize, String)> },
}

/// A match and its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedMatch {
    pub what: Match,
    pub weight: f32,
}

/// An alternative of the plan with the matches it becomes.
#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeMatches {
    pub alternative: Alternative,
    pub matches: Vec<WeightedMatch>,
}

/// One clause of the query; a passage scores a group by its best match (disjunction-max).
#[derive(Debug, Clone, PartialEq)]
pub struct SearchClause {
    /// What the user wrote.
    pub source: String,
    pub occur: Occurrence,
    /// One group per written word; each group its alternatives in plan order.
    pub groups: Vec<Vec<AlternativeMatches>>,
}

impl SearchClause {
    /// This clause without the single parts of compounds (`Familie` alone for
    /// `Einwandererfamilien`, or a part's synonym alone) and without related terms: a part
    /// alone is weak evidence of the word, a related term names another thing, and neither
    /// counts as the word being there for the all-words bonus.
    pub(super) fn without_single_parts(&self) -> SearchClause {
        let is_single_part = |a: &AlternativeMatches| {
            matches!(a.alternative.searched(), Alternative::Term { origin: Origin::Part, .. })
                || related_terms::is_related(&a.alternative)
        };
        let groups = self
            .groups
            .iter()
            .map(|group| group.iter().filter(|a| !is_single_part(a)).cloned().collect())
            .collect();
        SearchClause { source: self.source.clone(), occur: self.occur, groups }
    }
}

/// The bonus of a passage that holds every word of the query.
#[derive(Debug, Clone, PartialEq)]
pub struct AllWordsBonus {
    /// The clauses (indexes into [`SearchClauses::clauses`]) that must all match.
    pub clauses: Vec<usize>,
    pub weight: f32,
}

/// Everything a search runs, in the order the tantivy query holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchClauses {
    pub clauses: Vec<SearchClause>,
    /// Neighbouring query words close together, each an optional clause of its own.
    pub near_pairs: Vec<NearPair>,
    pub all_words: Option<AllWordsBonus>,
}

impl SearchClauses {
    /// The search of `plan` in the passage text, with the section heading.
    pub fn of_plan(plan: &QueryPlan) -> SearchClauses {
        SearchClauses::build(plan, true)
    }

    /// The search of `plan` in one field only (a quote's role or speaker): no heading.
    pub fn in_one_field(plan: &QueryPlan) -> SearchClauses {
        SearchClauses::build(plan, false)
    }

    fn build(plan: &QueryPlan, with_heading: bool) -> SearchClauses {
        let clauses: Vec<SearchClause> = plan
            .clauses
            .iter()
            .map(|clause| SearchClause {
                source: clause.source.clone(),
                occur: clause.occur,
                groups: clause
                    .groups
                    .iter()
                    .map(|group| group.iter().map(|a| alternative_matches(a, with_heading)).collect())
                    .collect(),
            })
            .collect();
        // Passages that hold every word of the query, in any of its forms, rank above passages
        // that hold some of them often (the coordination of classic Lucene scoring).
        let words = plan.word_clauses();
        let all_words = (2..=MAX_ALL_WORDS)
            .contains(&words.len())
            .then_some(AllWordsBonus { clauses: words, weight: ALL_WORDS_WEIGHT });
        SearchClauses { clauses, near_pairs: plan.near_pairs.clone(), all_words }
    }

    /// The tantivy query of the list: `text` is the searched field, `heading` the section
    /// heading's; terms are scored over the word counts `fields` keeps for them.
    pub fn to_tantivy(&self, fields: &Fields, text: Field, heading: Field) -> Box<dyn Query> {
        let fields = QueryFields {
            text: ScoredField { field: text, words: fields.words_of(text) },
            heading: ScoredField { field: heading, words: fields.words_of(heading) },
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            self.clauses.iter().map(|clause| (occur_of(clause.occur), fields.clause(clause))).collect();
        for pair in self.near_pairs.iter().filter(|p| p.weight > 0.0) {
            clauses.push((Occur::Should, boosted(fields.near(pair), pair.weight)));
        }
        if let Some(bonus) = &self.all_words {
            let all: Vec<(Occur, Box<dyn Query>)> = bonus
                .clauses
                .iter()
                .map(|&i| (Occur::Must, fields.clause(&self.clauses[i].without_single_parts())))
                .collect();
            clauses.push((Occur::Should, boosted(Box::new(BooleanQuery::new(all)), bonus.weight)));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// The tantivy query of `plan` searched in the passage text and section heading.
pub fn to_tantivy(plan: &QueryPlan, fields: &Fields) -> Box<dyn Query> {
    SearchClauses::of_plan(plan).to_tantivy(fields, fields.text, fields.section)
}

/// The tantivy query of `plan` searched in `field` of `fields` only (a quote's role or
/// speaker).
pub fn to_tantivy_in(plan: &QueryPlan, fields: &Fields, field: Field) -> Box<dyn Query> {
    SearchClauses::in_one_field(plan).to_tantivy(fields, field, field)
}

/// What one alternative of the plan is searched as.
fn alternative_matches(alternative: &Alternative, with_heading: bool) -> AlternativeMatches {
    let term =
        |place: Place, term: String, weight: f32| WeightedMatch { what: Match::Term { place, term }, weight };
    let mut matches = Vec::new();
    match alternative {
        Alternative::Term { term: t, weight, .. } if t.starts_with(ROOT_MARK) => {
            matches.push(term(Place::Text, t.clone(), *weight));
        }
        Alternative::Term { term: t, weight, origin } => {
            matches.push(term(Place::Text, t.clone(), *weight));
            // A related term is searched as itself, not inside other compounds.
            if *origin != Origin::Related {
                matches.push(term(Place::Text, format!("{PART_MARK}{t}"), weight * PART_WEIGHT));
            }
            if with_heading {
                matches.push(term(Place::Heading, t.clone(), weight * SECTION_BOOST));
            }
        }
        Alternative::AllParts { terms, weight, near, near_weight } => {
            if *near && terms.len() == 2 && *near_weight > 0.0 {
                // The compound written apart (`Gesundheit von Kindern`), either order.
                for (first, second) in [(&terms[0], &terms[1]), (&terms[1], &terms[0])] {
                    matches.push(WeightedMatch {
                        what: Match::WrittenApart {
                            first: first.clone(),
                            second: second.clone(),
                            slop: NEAR_PARTS_SLOP,
                        },
                        weight: *near_weight,
                    });
                }
            }
            // A weight of 0 keeps only the written-apart matches (see `without_single_parts`).
            if *weight > 0.0 {
                matches.push(WeightedMatch { what: Match::AllOf { terms: terms.clone() }, weight: *weight });
            }
        }
        Alternative::Phrase { terms, weight, .. } => {
            matches.push(WeightedMatch { what: Match::Phrase { terms: terms.clone() }, weight: *weight });
        }
        Alternative::PartSynonym { alternative: searched, .. } => {
            matches = alternative_matches(searched, with_heading).matches;
        }
    }
    AlternativeMatches { alternative: alternative.clone(), matches }
}

/// The fields a list is compiled against.
struct QueryFields {
    text: ScoredField,
    heading: ScoredField,
}

/// An analysed field and the field holding its word counts, when it has one.
#[derive(Clone, Copy)]
struct ScoredField {
    field: Field,
    words: Option<Field>,
}

impl QueryFields {
    /// One clause: any of its groups.
    fn clause(&self, clause: &SearchClause) -> Box<dyn Query> {
        let groups: Vec<(Occur, Box<dyn Query>)> =
            clause.groups.iter().map(|group| (Occur::Should, self.group(group))).collect();
        Box::new(BooleanQuery::new(groups))
    }

    /// One written word: the best of its matches counts, the others add a little
    /// (disjunction-max), so a word found in several forms or synonyms is not counted twice.
    fn group(&self, group: &[AlternativeMatches]) -> Box<dyn Query> {
        let options: Vec<Box<dyn Query>> =
            group.iter().flat_map(|a| &a.matches).map(|m| boosted(self.matched(&m.what), m.weight)).collect();
        Box::new(DisjunctionMaxQuery::with_tie_breaker(options, TIE_BREAKER))
    }

    /// Two words within the pair's window, in either order (the slop of a two-term phrase
    /// allows swapping them).
    fn near(&self, pair: &NearPair) -> Box<dyn Query> {
        let terms = pair.terms.iter().map(|t| Term::from_field_text(self.text.field, t)).collect();
        let mut near = PhraseQuery::new(terms);
        near.set_slop(pair.slop);
        Box::new(near)
    }

    fn matched(&self, what: &Match) -> Box<dyn Query> {
        match what {
            Match::Term { place: Place::Text, term } => term_query(self.text, term),
            Match::Term { place: Place::Heading, term } => term_query(self.heading, term),
            Match::AllOf { terms } => {
                let all: Vec<(Occur, Box<dyn Query>)> = terms
                    .iter()
                    .map(|t| {
                        let either: Vec<(Occur, Box<dyn Query>)> = vec![
                            (Occur::Should, term_query(self.text, t)),
                            (Occur::Should, term_query(self.text, &format!("{PART_MARK}{t}"))),
                        ];
                        (Occur::Must, Box::new(BooleanQuery::new(either)) as Box<dyn Query>)
                    })
                    .collect();
                Box::new(BooleanQuery::new(all))
            }
            Match::WrittenApart { first, second, slop } => {
                let text = self.text.field;
                let pair = vec![Term::from_field_text(text, first), Term::from_field_text(text, second)];
                let mut written_apart = PhraseQuery::new(pair);
                written_apart.set_slop(*slop);
                Box::new(written_apart)
            }
            Match::Phrase { terms } => {
                let terms = terms
                    .iter()
                    .map(|(offset, t)| (*offset, Term::from_field_text(self.text.field, t)))
                    .collect();
                Box::new(PhraseQuery::new_with_offset(terms))
            }
        }
    }
}

fn boosted(query: Box<dyn Query>, weight: f32) -> Box<dyn Query> {
    if (weight - 1.0).abs() < f32::EPSILON {
        query
    } else {
        Box::new(BoostQuery::new(query, weight))
    }
}

fn occur_of(occurrence: Occurrence) -> Occur {
    match occurrence {
        Occurrence::Should => Occur::Should,
        Occurrence::Must => Occur::Must,
        Occurrence::MustNot => Occur::MustNot,
    }
}

/// `term` in `field`, scored over the field's word counts when it has them (see
/// [`super::scoring`]).
fn term_query(field: ScoredField, term: &str) -> Box<dyn Query> {
    let term = Term::from_field_text(field.field, term);
    match field.words {
        Some(words) => Box::new(WordNormTermQuery::new(term, words)),
        None => Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
    }
}
