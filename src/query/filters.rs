//! Which passages a search, a theme ranking, a quote search or a wording command looks at:
//! municipality, passage kind, speaker; one type, [`PassageFilter`], for every caller.
//!
//! Filters restrict and never score (their clauses are boosted by 0), so a filtered search
//! ranks the remaining passages exactly like an unfiltered one. The filter also owns the rule
//! that quotes are left out unless asked for: a quote repeats words of the passage it stands in,
//! so without a kind or a speaker every hit would be found twice.

use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::Term;

use crate::index::PraevIndex;
use crate::ingest::PassageKind;

/// Restrictions on the passages searched; the default restricts nothing but the quotes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PassageFilter {
    /// Exact municipality names (see [`super::resolve_municipalities`]); empty means all.
    pub municipalities: Vec<String>,
    /// Empty means every kind of document passage, but no quotes (unless `speaker` is set).
    pub kinds: Vec<PassageKind>,
    /// Only quotes of a speaker whose name holds all these words (`effing`, `Dr. Effing`).
    pub speaker: Option<String>,
}

impl PassageFilter {
    /// Only quotes (of these municipalities; empty: all).
    pub fn quotes(municipalities: Vec<String>) -> PassageFilter {
        PassageFilter { municipalities, kinds: vec![PassageKind::Quote], speaker: None }
    }

    /// The filter's tantivy clauses, none of which scores.
    pub fn clauses(&self, index: &PraevIndex) -> Vec<(Occur, Box<dyn Query>)> {
        let fields = &index.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !self.municipalities.is_empty() {
            clauses.push((
                Occur::Must,
                facet_any(fields.municipality_facet, self.municipalities.iter().map(String::as_str)),
            ));
        }
        if !self.kinds.is_empty() {
            clauses.push((Occur::Must, facet_any(fields.kind_facet, self.kinds.iter().map(|k| k.as_str()))));
        } else if self.speaker.is_none() {
            // A quote repeats words of the passage it stands in: searched only when asked for.
            clauses.push((
                Occur::MustNot,
                facet_any(fields.kind_facet, [PassageKind::Quote.as_str()].into_iter()),
            ));
        }
        if let Some(speaker) = &self.speaker {
            clauses.push((Occur::Must, all_words_in(index, fields.speaker, speaker)));
        }
        clauses
    }

    /// `query` restricted to the filter's passages (scores unchanged).
    pub fn restrict(&self, index: &PraevIndex, query: Box<dyn Query>) -> Box<dyn Query> {
        let filters = self.clauses(index);
        if filters.is_empty() {
            return query;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
        clauses.extend(filters);
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Matches documents whose `field` holds every word of `text` (analysed; no score).
pub fn all_words_in(index: &PraevIndex, field: Field, text: &str) -> Box<dyn Query> {
    let words: Vec<(Occur, Box<dyn Query>)> = index
        .analyzer
        .primary_terms(text)
        .into_iter()
        .map(|term| {
            let query: Box<dyn Query> =
                Box::new(TermQuery::new(Term::from_field_text(field, &term), IndexRecordOption::WithFreqs));
            (Occur::Must, query)
        })
        .collect();
    if words.is_empty() {
        return Box::new(EmptyQuery);
    }
    Box::new(BoostQuery::new(Box::new(BooleanQuery::new(words)), 0.0))
}

/// Matches documents having any of `values` as facet; filters do not add to the score.
fn facet_any<'a>(field: Field, values: impl Iterator<Item = &'a str>) -> Box<dyn Query> {
    let options: Vec<(Occur, Box<dyn Query>)> = values
        .map(|v| {
            let term = Term::from_facet(field, &Facet::from_path([v]));
            let q: Box<dyn Query> =
                Box::new(BoostQuery::new(Box::new(TermQuery::new(term, IndexRecordOption::Basic)), 0.0));
            (Occur::Should, q)
        })
        .collect();
    if options.is_empty() {
        return Box::new(EmptyQuery);
    }
    Box::new(BooleanQuery::new(options))
}
