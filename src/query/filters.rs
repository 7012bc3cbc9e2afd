//! Which passages a search, a theme ranking, a quote search or a wording command looks at:
//! municipality, passage kind, speaker, date; one type, [`PassageFilter`], for every caller. A
//! municipality name also matches the passages of its Gemeinden: `Kreis Mettmann` takes in
//! the passages about Velbert, whose district it is.
//!
//! Filters restrict and never score (their clauses are boosted by 0), so a filtered search
//! ranks the remaining passages exactly like an unfiltered one. The filter also owns the rule
//! that quotes are left out unless asked for: a quote repeats words of the passage it stands in,
//! so without a kind or a speaker every hit would be found twice.
//!
//! A date range keeps the passages of documents whose date overlaps it (a document dated
//! `2021` is in `--since 2021-06`); documents without a date are left out whenever a bound is
//! given, since nothing says they belong to the period. The bounds run in the query, on the
//! indexed first and last day of each document's date, so limits count only passages in range.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::Term;

use crate::index::PraevIndex;
use crate::ingest::PassageKind;

/// Restrictions on the passages searched; the default restricts nothing but the quotes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PassageFilter {
    /// Exact municipality or district names (see [`super::resolve_municipalities`]): a
    /// passage matches when its municipality or its district is one of them; empty means all.
    pub municipalities: Vec<String>,
    /// Empty means every kind of document passage, but no quotes (unless `speaker` is set).
    pub kinds: Vec<PassageKind>,
    /// Only quotes of this person, by any form of the name (`Effing`, `Dr. Effing`, `Klaus
    /// Effing` all find `Dr. Klaus Effing`; a quote credited to `Effing` alone is found by
    /// `Klaus Effing`).
    pub speaker: Option<String>,
    /// Only passages of documents dated within this range (unbounded: all, dated or not).
    pub dates: DateRange,
}

/// Bounds on a document's date, as `yyyymmdd` day numbers (see
/// [`crate::ingest::metadata::DatePeriod`]), both inclusive: `since` is the first day of
/// `--since`'s period, `until` the last day of `--until`'s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<u32>,
    pub until: Option<u32>,
}

impl DateRange {
    pub fn is_unbounded(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a document dated from day `first` to day `last` overlaps the range.
    pub fn overlaps(&self, first: u32, last: u32) -> bool {
        self.since.is_none_or(|since| last >= since) && self.until.is_none_or(|until| first <= until)
    }

    /// Whether a document with this date (ISO, any precision; None: undated) is in range.
    pub fn holds(&self, date: Option<&str>) -> bool {
        if self.is_unbounded() {
            return true;
        }
        let period = date.and_then(|d| crate::ingest::metadata::DatePeriod::parse(d).ok());
        period.is_some_and(|p| self.overlaps(p.first, p.last))
    }
}

impl PassageFilter {
    /// Only quotes (of these municipalities; empty: all).
    pub fn quotes(municipalities: Vec<String>) -> PassageFilter {
        PassageFilter { municipalities, kinds: vec![PassageKind::Quote], ..PassageFilter::default() }
    }

    /// What the filter restricts, in the order its clauses run (what `--explain` lists).
    pub fn restrictions(&self) -> Vec<Restriction<'_>> {
        let mut restrictions = Vec::new();
        if !self.municipalities.is_empty() {
            restrictions.push(Restriction::Municipalities(&self.municipalities));
        }
        if !self.kinds.is_empty() {
            restrictions.push(Restriction::Kinds(&self.kinds));
        } else if self.speaker.is_none() {
            // A quote repeats words of the passage it stands in: searched only when asked for.
            restrictions.push(Restriction::NoQuotes);
        }
        if let Some(speaker) = &self.speaker {
            restrictions.push(Restriction::Speaker(speaker));
        }
        if !self.dates.is_unbounded() {
            restrictions.push(Restriction::Dates(self.dates));
        }
        restrictions
    }

    /// The filter's tantivy clauses, none of which scores.
    pub fn clauses(&self, index: &PraevIndex) -> Vec<(Occur, Box<dyn Query>)> {
        self.restrictions().into_iter().map(|restriction| restriction.clause(index)).collect()
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

/// One restriction of a [`PassageFilter`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Restriction<'a> {
    /// Only passages of these municipalities, or of municipalities in these districts.
    Municipalities(&'a [String]),
    /// Only passages of these kinds.
    Kinds(&'a [PassageKind]),
    /// No quotes: neither a kind nor a speaker was asked for.
    NoQuotes,
    /// Only quotes of this person, by any form of the name.
    Speaker(&'a str),
    /// Only passages of documents whose date overlaps the range.
    Dates(DateRange),
}

impl Restriction<'_> {
    fn clause(self, index: &PraevIndex) -> (Occur, Box<dyn Query>) {
        let fields = &index.fields;
        match self {
            Restriction::Municipalities(names) => {
                let facets = [fields.municipality_facet, fields.district_facet];
                let values =
                    facets.into_iter().flat_map(|field| names.iter().map(move |n| (field, n.as_str())));
                (Occur::Must, facet_any(values))
            }
            Restriction::Kinds(kinds) => {
                (Occur::Must, facet_any(kinds.iter().map(|k| (fields.kind_facet, k.as_str()))))
            }
            Restriction::NoQuotes => {
                (Occur::MustNot, facet_any([(fields.kind_facet, PassageKind::Quote.as_str())].into_iter()))
            }
            Restriction::Speaker(speaker) => (Occur::Must, surname_in(index, fields.speaker, speaker)),
            Restriction::Dates(range) => (Occur::Must, dated_within(index, range)),
        }
    }
}

/// Matches documents whose `field` holds the last word of the name `name` (analysed; no
/// score): the quotes of everyone with that surname, which the search then narrows to the
/// person asked for by any form of the name ([`crate::query::speakers::speaker_matches`]).
fn surname_in(index: &PraevIndex, field: Field, name: &str) -> Box<dyn Query> {
    let surname = name.split_whitespace().last().unwrap_or_default();
    all_words_in(index, field, surname)
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

/// Matches passages of documents whose date overlaps `range`: the date ends on or after
/// `since` and begins on or before `until` (no score). Undated passages have neither field.
fn dated_within(index: &PraevIndex, range: DateRange) -> Box<dyn Query> {
    let fields = &index.fields;
    let day = |field: Field, day: u32| Term::from_field_u64(field, u64::from(day));
    let mut bounds: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let since = range.since.unwrap_or(0);
    // Always one bound on the last day: it also leaves out the undated passages.
    bounds.push((
        Occur::Must,
        Box::new(RangeQuery::new(Bound::Included(day(fields.date_last, since)), Bound::Unbounded)),
    ));
    if let Some(until) = range.until {
        bounds.push((
            Occur::Must,
            Box::new(RangeQuery::new(Bound::Unbounded, Bound::Included(day(fields.date_first, until)))),
        ));
    }
    Box::new(BoostQuery::new(Box::new(BooleanQuery::new(bounds)), 0.0))
}

/// Matches documents having any of `values` as facet of its field; filters do not add to the
/// score.
fn facet_any<'a>(values: impl Iterator<Item = (Field, &'a str)>) -> Box<dyn Query> {
    let options: Vec<(Occur, Box<dyn Query>)> = values
        .map(|(field, v)| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::DocKind;

    #[test]
    fn quotes_are_left_out_unless_a_kind_or_a_speaker_asks_for_them() {
        assert_eq!(PassageFilter::default().restrictions(), [Restriction::NoQuotes]);
        let speaker = PassageFilter { speaker: Some("Kraft".into()), ..PassageFilter::default() };
        assert_eq!(speaker.restrictions(), [Restriction::Speaker("Kraft")]);
        let press = [PassageKind::Document(DocKind::Press)];
        let kinds = PassageFilter { kinds: press.to_vec(), ..PassageFilter::default() };
        assert_eq!(kinds.restrictions(), [Restriction::Kinds(&press)]);
        let quotes = PassageFilter::quotes(vec!["Krefeld".into()]);
        assert_eq!(
            quotes.restrictions(),
            [
                Restriction::Municipalities(&["Krefeld".to_string()]),
                Restriction::Kinds(&[PassageKind::Quote])
            ]
        );
    }

    #[test]
    #[allow(clippy::inconsistent_digit_grouping)] // day numbers written yyyy_mm_dd
    fn a_date_range_keeps_documents_whose_date_overlaps_it() {
        let range = DateRange { since: Some(2021_06_01), until: Some(2022_12_31) };
        assert!(range.holds(Some("2021")), "a year reaching into the range");
        assert!(range.holds(Some("2022-12-31")));
        assert!(!range.holds(Some("2021-05")), "a month before the range");
        assert!(!range.holds(Some("2023-01-01")));
        assert!(!range.holds(None), "undated documents are out when a bound is given");
        assert!(DateRange::default().holds(None), "no bound keeps everything");
        let dated = PassageFilter { dates: range, ..PassageFilter::default() };
        assert_eq!(dated.restrictions(), [Restriction::NoQuotes, Restriction::Dates(range)]);
    }
}
