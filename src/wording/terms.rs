//! Distinctive terms (keyness): the words a subset of the corpus, one municipality or one kind
//! of document, uses markedly more often than the rest.
//!
//! Comparing word counts alone favours frequent words and big subsets; Dunning's
//! log-likelihood ratio (G²) asks how surprising a word's count in the subset is given its
//! count in the whole corpus, the measure corpus linguists use for keyness. Words are counted
//! after the German analysis, so `Übergänge` and `Übergang` are one term; compound parts, word
//! family roots and other added tokens are not counted, only each written word's own term.

use std::collections::{HashMap, HashSet};

use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

use crate::analysis::{AnalyzedToken, GermanAnalyzer, Origin};
use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::ingest::PassageKind;
use crate::query::filters::DateRange;

/// A term used only once in the subset says nothing about its wording.
pub const MIN_SUBSET_COUNT: u64 = 2;

/// Which passages form the subset; the rest of the corpus is what it is compared with.
#[derive(Debug, Clone, Default)]
pub struct SubsetFilter {
    /// Exact municipality names (see `query::resolve_municipalities`); empty means all.
    pub municipalities: Vec<String>,
    /// Empty means all kinds.
    pub kinds: Vec<PassageKind>,
    /// Only passages of documents dated in this range (unbounded: all, dated or not).
    pub dates: DateRange,
}

impl SubsetFilter {
    pub fn is_empty(&self) -> bool {
        self.municipalities.is_empty() && self.kinds.is_empty() && self.dates.is_unbounded()
    }

    fn holds(&self, municipality: Option<&str>, kind: &str, date: Option<&str>) -> bool {
        let municipality_ok = self.municipalities.is_empty()
            || municipality.is_some_and(|m| self.municipalities.iter().any(|w| w == m));
        let kind_ok = self.kinds.is_empty() || self.kinds.iter().any(|k| k.as_str() == kind);
        municipality_ok && kind_ok && self.dates.holds(date)
    }
}

/// A term over-represented in the subset.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KeyTerm {
    /// The analysed term (lower-cased, folded, stemmed).
    pub term: String,
    /// The form the subset writes it in most often.
    pub surface: String,
    pub subset_count: u64,
    pub rest_count: u64,
    pub subset_per_million: f64,
    pub rest_per_million: f64,
    pub log_likelihood: f64,
}

/// Dunning's log-likelihood G² of a word seen `a` times in a corpus of `c` words and `b` times
/// in one of `d` words (Rayson & Garside 2000): 2 Σ O ln(O/E), with 0 ln 0 = 0.
pub fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let total = c + d;
    if total <= 0.0 {
        return 0.0;
    }
    let expected_a = c * (a + b) / total;
    let expected_b = d * (a + b) / total;
    2.0 * (observed_term(a, expected_a) + observed_term(b, expected_b))
}

fn observed_term(observed: f64, expected: f64) -> f64 {
    if observed > 0.0 && expected > 0.0 {
        observed * (observed / expected).ln()
    } else {
        0.0
    }
}

/// Word counts of one side of the comparison.
#[derive(Debug, Default)]
struct Counts {
    terms: HashMap<String, u64>,
    total: u64,
}

impl Counts {
    fn add(&mut self, term: &str) {
        *self.terms.entry(term.to_string()).or_insert(0) += 1;
        self.total += 1;
    }

    fn of(&self, term: &str) -> u64 {
        self.terms.get(term).copied().unwrap_or(0)
    }
}

/// The terms over-represented in the passages `filter` selects (quotes never count), by G²,
/// most distinctive first. An empty filter, or one that selects nothing or everything, is an
/// invalid argument.
pub fn distinctive_terms(index: &PraevIndex, filter: &SubsetFilter) -> Result<Vec<KeyTerm>> {
    if filter.is_empty() {
        return Err(Error::InvalidArgument(
            "name a subset to compare: --municipality M or --kind K".to_string(),
        ));
    }
    let (subset, rest, forms, _) =
        count_sides(index, |_, municipality, kind, date| Some(filter.holds(municipality, kind, date)))?;
    if subset.total == 0 {
        return Err(Error::InvalidArgument("no passages (other than quotes) match the filters".to_string()));
    }
    if rest.total == 0 {
        return Err(Error::InvalidArgument(
            "the filters select the whole corpus: nothing left to compare with".to_string(),
        ));
    }
    Ok(over_represented(&subset, &rest, &forms))
}

/// The terms over-represented in one side against the other, by G², most distinctive first.
fn over_represented(subset: &Counts, rest: &Counts, forms: &Forms) -> Vec<KeyTerm> {
    let mut terms: Vec<KeyTerm> = subset
        .terms
        .iter()
        .filter(|(_, &n)| n >= MIN_SUBSET_COUNT)
        .map(|(term, &n)| key_term(term, n, rest.of(term), subset, rest, forms))
        .filter(|t| t.subset_per_million > t.rest_per_million)
        .collect();
    terms.sort_by(|a, b| b.log_likelihood.total_cmp(&a.log_likelihood).then_with(|| a.term.cmp(&b.term)));
    terms
}

/// The distinctive terms of the passages of files `a` against those of files `b`, and the
/// reverse (for `praev compare`); the rest of the corpus does not count.
pub fn distinctive_between(
    index: &PraevIndex,
    a: &HashSet<String>,
    b: &HashSet<String>,
) -> Result<(Vec<KeyTerm>, Vec<KeyTerm>)> {
    let side = |file: &str, _: Option<&str>, _: &str, _: Option<&str>| {
        if a.contains(file) {
            Some(true)
        } else if b.contains(file) {
            Some(false)
        } else {
            None
        }
    };
    let (in_a, in_b, forms_a, forms_b) = count_sides(index, side)?;
    Ok((over_represented(&in_a, &in_b, &forms_a), over_represented(&in_b, &in_a, &forms_b)))
}

fn key_term(
    term: &str,
    in_subset: u64,
    in_rest: u64,
    subset: &Counts,
    rest: &Counts,
    forms: &HashMap<String, HashMap<String, u64>>,
) -> KeyTerm {
    KeyTerm {
        term: term.to_string(),
        surface: forms.get(term).map(most_frequent).unwrap_or_else(|| term.to_string()),
        subset_count: in_subset,
        rest_count: in_rest,
        subset_per_million: per_million(in_subset, subset.total),
        rest_per_million: per_million(in_rest, rest.total),
        log_likelihood: log_likelihood(
            in_subset as f64,
            in_rest as f64,
            subset.total as f64,
            rest.total as f64,
        ),
    }
}

fn per_million(count: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 * 1_000_000.0 / total as f64
    }
}

/// The most frequent written form; ties go to the alphabetically first, for stable output.
fn most_frequent(forms: &HashMap<String, u64>) -> String {
    forms
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(form, _)| form.clone())
        .unwrap_or_default()
}

type Forms = HashMap<String, HashMap<String, u64>>;

/// Counts the primary terms of every passage but quotes into two sides, with each side's
/// written forms: `side(file, municipality, kind)` says which (`Some(true)`: the first, `None`:
/// neither).
fn count_sides(
    index: &PraevIndex,
    side: impl Fn(&str, Option<&str>, &str, Option<&str>) -> Option<bool>,
) -> Result<(Counts, Counts, Forms, Forms)> {
    let searcher = index.reader.searcher();
    let fields = &index.fields;
    let mut analyzer = index.analyzer.clone();
    let (mut first, mut second) = (Counts::default(), Counts::default());
    let (mut first_forms, mut second_forms) = (Forms::new(), Forms::new());
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        for doc_id in segment.doc_ids_alive() {
            let doc: TantivyDocument = searcher.doc(DocAddress::new(ordinal as u32, doc_id))?;
            let kind = doc.get_first(fields.kind).and_then(|v| v.as_str()).unwrap_or("other");
            if kind == PassageKind::Quote.as_str() {
                continue;
            }
            let file = doc.get_first(fields.file).and_then(|v| v.as_str()).unwrap_or_default();
            let municipality = doc.get_first(fields.municipality).and_then(|v| v.as_str());
            let date = doc.get_first(fields.date).and_then(|v| v.as_str());
            let Some(is_first) = side(file, municipality, kind, date) else { continue };
            let (counts, forms) =
                if is_first { (&mut first, &mut first_forms) } else { (&mut second, &mut second_forms) };
            let text = doc.get_first(fields.text).and_then(|v| v.as_str()).unwrap_or_default();
            for (term, written) in primary_words(&mut analyzer, text) {
                counts.add(&term);
                *forms.entry(term).or_default().entry(written.to_string()).or_insert(0) += 1;
            }
        }
    }
    Ok((first, second, first_forms, second_forms))
}

/// Each word's own term (as written or stemmed) with its written form, one per word position;
/// terms of digits only are left out.
fn primary_words<'t>(analyzer: &mut GermanAnalyzer, text: &'t str) -> Vec<(String, &'t str)> {
    let mut seen_positions = HashSet::new();
    analyzer
        .analyze_cached(text)
        .into_iter()
        .filter(is_primary)
        .filter(|t| !t.text.chars().all(|c| c.is_ascii_digit()))
        .filter(|t| seen_positions.insert(t.position))
        .filter_map(|t| text.get(t.offset_from..t.offset_to).map(|written| (t.text, written)))
        .collect()
}

fn is_primary(token: &AnalyzedToken) -> bool {
    matches!(token.origin, Origin::Word | Origin::Stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::DocKind;

    #[test]
    fn a_word_only_in_one_of_two_equal_corpora_scores_20_ln_2() {
        let g2 = log_likelihood(10.0, 0.0, 1000.0, 1000.0);
        assert!(g2 > 0.0);
        assert!((g2 - 20.0 * 2f64.ln()).abs() < 1e-9, "{g2}");
    }

    #[test]
    fn equal_relative_frequencies_score_zero() {
        assert!(log_likelihood(10.0, 20.0, 1000.0, 2000.0).abs() < 1e-9);
        assert!(log_likelihood(5.0, 5.0, 500.0, 500.0).abs() < 1e-9);
    }

    #[test]
    fn matches_a_value_computed_by_hand() {
        // E1 = 1000·70/3000, E2 = 2000·70/3000; 2·(50 ln(50/E1) + 20 ln(20/E2)) = 42.3221.
        let g2 = log_likelihood(50.0, 20.0, 1000.0, 2000.0);
        assert!((g2 - 42.322_090_789).abs() < 1e-6, "{g2}");
    }

    #[test]
    fn empty_counts_score_zero() {
        assert_eq!(log_likelihood(0.0, 0.0, 0.0, 0.0), 0.0);
        assert_eq!(log_likelihood(0.0, 0.0, 100.0, 100.0), 0.0);
    }

    #[test]
    fn the_most_frequent_form_wins_ties_alphabetically() {
        let forms: HashMap<String, u64> =
            [("Kita".to_string(), 3), ("Kitas".to_string(), 1), ("KITA".to_string(), 3)].into();
        assert_eq!(most_frequent(&forms), "KITA");
    }

    #[test]
    #[allow(clippy::inconsistent_digit_grouping)] // day numbers written yyyy_mm_dd
    fn a_subset_filter_needs_municipality_kind_and_date_to_hold() {
        let filter = SubsetFilter {
            municipalities: vec!["Kreis Düren".into()],
            kinds: vec![PassageKind::Document(DocKind::Press)],
            dates: DateRange { since: Some(2020_01_01), until: None },
        };
        assert!(filter.holds(Some("Kreis Düren"), "press", Some("2021-03")));
        assert!(!filter.holds(Some("Kreis Düren"), "profile", Some("2021-03")));
        assert!(!filter.holds(None, "press", Some("2021-03")));
        assert!(!filter.holds(Some("Kreis Düren"), "press", Some("2019-12-31")));
        assert!(!filter.holds(Some("Kreis Düren"), "press", None));
    }
}
