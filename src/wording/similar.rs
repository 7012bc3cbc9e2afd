//! Passages worded like a given one: `praev similar`.
//!
//! The source (a passage of the index, a text, or a file) is analysed like the documents, and
//! its words become a "more like this" query: the [`QUERY_TERMS`] terms with the highest
//! tf-idf, each weighted by it. The candidates are then ranked by the cosine similarity of
//! their analysed words with the source's (tf-idf weighted), a 0–1 figure that says how much
//! of the wording two passages share, whatever their lengths. Words count through the German
//! analysis, so `Übergänge` and `Übergang` are one word; function words are stop words and do
//! not count.

use rustc_hash::FxHashMap;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::analysis::{GermanAnalyzer, Origin, TermMatcher};
use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::ingest::PassageKind;
use crate::query::hits::{stored_str, HitBuilder};
use crate::query::{Hit, PassageFilter};

/// How many of the source's words make the query.
pub const QUERY_TERMS: usize = 25;
/// Candidates fetched per listed passage, re-ranked by cosine similarity.
const CANDIDATES_PER_HIT: usize = 5;

/// What to find passages like.
#[derive(Debug, Clone)]
pub enum Source {
    /// A passage of the index: its file and ordinal.
    Passage { file: String, passage: u64 },
    /// A text given on the command line or read from a file (no municipality).
    Text(String),
}

impl Source {
    /// A passage written as hits show it, `FILE#N`; the error says what is wrong with it
    /// (the caller names where the address came from).
    pub fn passage_address(address: &str) -> Result<Source> {
        let (file, number) = address
            .rsplit_once('#')
            .ok_or_else(|| Error::InvalidArgument(format!("{address:?}: write FILE#N, as hits show it")))?;
        let passage = number.parse().map_err(|_| {
            Error::InvalidArgument(format!("{address:?}: {number:?} is not a passage number"))
        })?;
        Ok(Source::Passage { file: file.to_string(), passage })
    }
}

#[derive(Debug, Clone)]
pub struct SimilarRequest {
    pub source: Source,
    pub limit: usize,
    /// Also passages of the source's own municipality (otherwise only other municipalities).
    pub same_municipality: bool,
}

/// A passage similar to the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarHit {
    #[serde(flatten)]
    pub hit: Hit,
    /// Cosine similarity of the analysed words (tf-idf), 0 to 1.
    pub similarity: f32,
    /// The analysed words both passages hold, the source's strongest first.
    pub shared_terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarResults {
    /// The source's municipality, when it is a passage of the index.
    pub source_municipality: Option<String>,
    pub hits: Vec<SimilarHit>,
}

/// A passage's analysed words: term → count. A map with a fixed hasher, so that sums over it run
/// in the same order in every process and similarities do not change in their last digits.
pub type TermCounts = FxHashMap<String, f32>;

/// Texts as tf-idf weighted vectors of their analysed words, each word's idf looked up once.
pub struct TfIdf<'a> {
    index: &'a PraevIndex,
    searcher: Searcher,
    analyzer: GermanAnalyzer,
    idf: FxHashMap<String, f32>,
}

impl<'a> TfIdf<'a> {
    pub fn new(index: &'a PraevIndex) -> TfIdf<'a> {
        TfIdf {
            index,
            searcher: index.reader.searcher(),
            analyzer: index.analyzer.clone(),
            idf: FxHashMap::default(),
        }
    }

    /// The words of `text` (see [`word_counts`]), each count times the word's idf.
    pub fn vector(&mut self, text: &str) -> TermCounts {
        let counts = word_counts(&mut self.analyzer, text);
        counts
            .into_iter()
            .map(|(term, tf)| {
                let idf = self.idf(&term);
                (term, tf * idf)
            })
            .collect()
    }

    /// Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1.
    fn idf(&mut self, term: &str) -> f32 {
        if let Some(idf) = self.idf.get(term) {
            return *idf;
        }
        let n = self.searcher.num_docs() as f32;
        let df =
            self.searcher.doc_freq(&Term::from_field_text(self.index.fields.text, term)).unwrap_or(0) as f32;
        let idf = ((n + 1.0) / (df + 1.0)).ln() + 1.0;
        self.idf.insert(term.to_string(), idf);
        idf
    }
}

pub fn similar(index: &PraevIndex, request: &SimilarRequest) -> Result<SimilarResults> {
    let searcher = index.reader.searcher();
    let (text, source_doc) = source_text(index, &request.source)?;
    let mut tfidf = TfIdf::new(index);
    let source_vector = tfidf.vector(&text);
    let mut weighted: Vec<(String, f32)> = source_vector.iter().map(|(t, w)| (t.clone(), *w)).collect();
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if weighted.is_empty() {
        return Err(Error::InvalidArgument(
            "the source has no words to compare (only stop words or numbers)".into(),
        ));
    }
    let source_municipality = source_doc.as_ref().and_then(|d| stored_str(d, index.fields.municipality));
    let query = more_like_this(index, &weighted[..weighted.len().min(QUERY_TERMS)]);
    let query = PassageFilter::default().restrict(index, query);
    let fetch = request.limit.max(1).saturating_mul(CANDIDATES_PER_HIT) + 1;
    let mut builder = HitBuilder::new(index, TermMatcher::new(source_vector.keys().cloned().collect()));
    let mut hits = Vec::new();
    for (_, address) in searcher.search(&*query, &TopDocs::with_limit(fetch))? {
        let doc: TantivyDocument = searcher.doc(address)?;
        if is_source(index, &doc, &request.source) {
            continue;
        }
        let municipality = stored_str(&doc, index.fields.municipality);
        if !request.same_municipality && source_municipality.is_some() && municipality == source_municipality
        {
            continue;
        }
        let hit_text = stored_str(&doc, index.fields.text).unwrap_or_default();
        let hit_vector = tfidf.vector(&hit_text);
        let similarity = cosine(&source_vector, &hit_vector);
        let shared_terms: Vec<String> =
            weighted.iter().filter(|(t, _)| hit_vector.contains_key(t)).map(|(t, _)| t.clone()).collect();
        let hit = builder.hit(&doc, similarity);
        hits.push(SimilarHit { hit, similarity, shared_terms });
    }
    hits.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
    hits.truncate(request.limit.max(1));
    Ok(SimilarResults { source_municipality, hits })
}

/// The source's text, and its stored document when it is a passage of the index.
fn source_text(index: &PraevIndex, source: &Source) -> Result<(String, Option<TantivyDocument>)> {
    match source {
        Source::Text(text) => Ok((text.clone(), None)),
        Source::Passage { file, passage } => {
            let doc = find_passage(index, file, *passage)?.ok_or_else(|| {
                Error::InvalidArgument(format!(
                    "no passage {file}#{passage} in the index (see a hit's file#passage)"
                ))
            })?;
            Ok((stored_str(&doc, index.fields.text).unwrap_or_default(), Some(doc)))
        }
    }
}

/// The stored passage `file#passage` (not a quote).
pub fn find_passage(index: &PraevIndex, file: &str, passage: u64) -> Result<Option<TantivyDocument>> {
    let searcher = index.reader.searcher();
    let query = TermQuery::new(Term::from_field_text(index.fields.file, file), IndexRecordOption::Basic);
    for (_, address) in searcher.search(&query, &TopDocs::with_limit(100_000))? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let ordinal = doc.get_first(index.fields.passage).and_then(|v| v.as_u64());
        let kind = stored_str(&doc, index.fields.kind);
        if ordinal == Some(passage) && kind.as_deref() != Some(PassageKind::Quote.as_str()) {
            return Ok(Some(doc));
        }
    }
    Ok(None)
}

fn is_source(index: &PraevIndex, doc: &TantivyDocument, source: &Source) -> bool {
    match source {
        Source::Text(_) => false,
        Source::Passage { file, passage } => {
            stored_str(doc, index.fields.file).as_deref() == Some(file.as_str())
                && doc.get_first(index.fields.passage).and_then(|v| v.as_u64()) == Some(*passage)
        }
    }
}

/// The analysed words of `text` (a word's own term, not its parts, roots or derived forms),
/// counted; numbers left out.
pub fn word_counts(analyzer: &mut GermanAnalyzer, text: &str) -> TermCounts {
    let mut counts = TermCounts::default();
    for token in analyzer.analyze_cached(text) {
        let own = matches!(token.origin, Origin::Word | Origin::Stem);
        if own && token.text.chars().any(char::is_alphabetic) && token.text.chars().count() > 1 {
            *counts.entry(token.text).or_insert(0.0) += 1.0;
        }
    }
    counts
}

/// A "more like this" query: each term of the source, boosted by its tf-idf weight.
fn more_like_this(index: &PraevIndex, terms: &[(String, f32)]) -> Box<dyn Query> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .iter()
        .map(|(term, weight)| {
            let query =
                TermQuery::new(Term::from_field_text(index.fields.text, term), IndexRecordOption::WithFreqs);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(query), *weight)) as Box<dyn Query>)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Cosine similarity of two weighted term vectors, 0 when either is empty.
pub fn cosine(a: &TermCounts, b: &TermCounts) -> f32 {
    let dot: f32 = a.iter().filter_map(|(t, x)| b.get(t).map(|y| x * y)).sum();
    let norm = |v: &TermCounts| v.values().map(|x| x * x).sum::<f32>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        (dot / (na * nb)).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(pairs: &[(&str, f32)]) -> TermCounts {
        pairs.iter().map(|(t, w)| (t.to_string(), *w)).collect()
    }

    #[test]
    fn cosine_is_one_for_the_same_words_and_zero_for_none_shared() {
        let a = vector(&[("kind", 2.0), ("schutz", 1.0)]);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&a, &vector(&[("sport", 1.0)])), 0.0);
        assert_eq!(cosine(&a, &TermCounts::default()), 0.0);
        let half = cosine(&vector(&[("a", 1.0), ("b", 1.0)]), &vector(&[("a", 1.0), ("c", 1.0)]));
        assert!((half - 0.5).abs() < 1e-6);
    }
}
