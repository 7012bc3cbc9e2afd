//! Free-text search: a parsed query becomes a BM25-ranked tantivy query over passages.
//!
//! Every query word is analysed with the index's German analyzer and searched in the passage
//! text, and with a lower weight in the section heading; passages that match more of the
//! words rank higher. Phrases must match as phrases (positions), exclusions must not match.
//! Municipality and kind filters are facet terms.

use std::collections::HashSet;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::highlight::highlights;
use super::parse::{parse, Clause, Occurrence};
use crate::analysis::GermanAnalyzer;
use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::ingest::DocKind;

/// Weight of a match in the section heading relative to one in the passage text.
const SECTION_BOOST: f32 = 0.3;

/// A search as the library takes it (the CLI resolves names and flags into this).
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    /// Exact municipality names (see [`resolve_municipalities`]); empty means all.
    pub municipalities: Vec<String>,
    /// Empty means all kinds.
    pub kinds: Vec<DocKind>,
}

/// One ranked passage.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub file: String,
    pub passage: u64,
    pub municipality: Option<String>,
    pub kind: String,
    pub section: Option<String>,
    pub date: Option<String>,
    pub text: String,
    /// Character ranges `[start, end)` of the matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
    pub score: f32,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchResults {
    pub query: String,
    pub total_hits: usize,
    pub hits: Vec<Hit>,
    /// Set when the query had nothing to search for (only punctuation or stop words).
    #[serde(skip)]
    pub note: Option<String>,
}

/// A query turned into tantivy terms.
struct CompiledQuery {
    query: Box<dyn Query>,
    /// Terms of the positive clauses: what gets highlighted.
    highlight_terms: HashSet<String>,
    has_positive: bool,
}

pub fn search(index: &PraevIndex, request: &SearchRequest) -> Result<SearchResults> {
    let compiled = compile(index, &request.query);
    if !compiled.has_positive {
        return Ok(SearchResults {
            query: request.query.clone(),
            total_hits: 0,
            hits: Vec::new(),
            note: Some(nothing_to_search(&request.query)),
        });
    }
    let query = with_filters(index, compiled.query, request);
    let searcher = index.reader.searcher();
    let limit = request.limit.max(1);
    let (top, total_hits) = searcher.search(&*query, &(TopDocs::with_limit(limit), Count))?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        hits.push(to_hit(index, &doc, score, &compiled.highlight_terms));
    }
    Ok(SearchResults { query: request.query.clone(), total_hits, hits, note: None })
}

fn nothing_to_search(query: &str) -> String {
    if query.trim().is_empty() {
        "the query is empty".to_string()
    } else {
        format!("the query {query:?} has no searchable words (only punctuation, stop words or exclusions)")
    }
}

fn compile(index: &PraevIndex, query: &str) -> CompiledQuery {
    let fields = &index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut highlight_terms = HashSet::new();
    let mut has_positive = false;
    for clause in parse(query) {
        let Some(q) = clause_query(&index.analyzer, fields.text, fields.section, &clause) else { continue };
        if clause.occur != Occurrence::MustNot {
            has_positive = true;
            highlight_terms.extend(index.analyzer.terms(&clause.text));
        }
        clauses.push((occur_of(clause.occur), q));
    }
    CompiledQuery { query: Box::new(BooleanQuery::new(clauses)), highlight_terms, has_positive }
}

fn occur_of(occurrence: Occurrence) -> Occur {
    match occurrence {
        Occurrence::Should => Occur::Should,
        Occurrence::Must => Occur::Must,
        Occurrence::MustNot => Occur::MustNot,
    }
}

/// The tantivy query of one clause, or None when the analyzer leaves no term of it.
fn clause_query(analyzer: &GermanAnalyzer, text: Field, section: Field, clause: &Clause) -> Option<Box<dyn Query>> {
    let tokens = analyzer.analyze(&clause.text);
    if tokens.is_empty() {
        return None;
    }
    if clause.is_phrase && tokens.len() > 1 {
        let first = tokens[0].position;
        let terms = tokens.iter().map(|t| (t.position - first, Term::from_field_text(text, &t.text))).collect();
        return Some(Box::new(PhraseQuery::new_with_offset(terms)));
    }
    // A written word may give several terms (`Kita-Grundschule`): any of them may match,
    // in the text or, weighted down, in the section heading.
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for token in &tokens {
        alternatives.push((Occur::Should, term_query(text, &token.text)));
        let in_section = BoostQuery::new(term_query(section, &token.text), SECTION_BOOST);
        alternatives.push((Occur::Should, Box::new(in_section)));
    }
    Some(Box::new(BooleanQuery::new(alternatives)))
}

fn term_query(field: Field, term: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::WithFreqs))
}

fn with_filters(index: &PraevIndex, query: Box<dyn Query>, request: &SearchRequest) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    if !request.municipalities.is_empty() {
        clauses.push((Occur::Must, facet_any(index.fields.municipality_facet, request.municipalities.iter().map(String::as_str))));
    }
    if !request.kinds.is_empty() {
        clauses.push((Occur::Must, facet_any(index.fields.kind_facet, request.kinds.iter().map(|k| k.as_str()))));
    }
    if clauses.len() == 1 {
        return clauses.pop().expect("one clause").1;
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Matches documents having any of `values` as facet; filters do not add to the score.
fn facet_any<'a>(field: Field, values: impl Iterator<Item = &'a str>) -> Box<dyn Query> {
    let options: Vec<(Occur, Box<dyn Query>)> = values
        .map(|v| {
            let term = Term::from_facet(field, &Facet::from_path([v]));
            let q: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(TermQuery::new(term, IndexRecordOption::Basic)), 0.0));
            (Occur::Should, q)
        })
        .collect();
    if options.is_empty() {
        return Box::new(EmptyQuery);
    }
    Box::new(BooleanQuery::new(options))
}

fn to_hit(index: &PraevIndex, doc: &TantivyDocument, score: f32, terms: &HashSet<String>) -> Hit {
    let f = &index.fields;
    let text = stored_str(doc, f.text).unwrap_or_default();
    let highlights = highlights(&index.analyzer, &text, terms).into_iter().map(|r| [r.start, r.end]).collect();
    Hit {
        file: stored_str(doc, f.file).unwrap_or_default(),
        passage: doc.get_first(f.passage).and_then(|v| v.as_u64()).unwrap_or(0),
        municipality: stored_str(doc, f.municipality),
        kind: stored_str(doc, f.kind).unwrap_or_else(|| "other".into()),
        section: stored_str(doc, f.section),
        date: stored_str(doc, f.date),
        text,
        highlights,
        score,
    }
}

fn stored_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

/// Resolves what the user typed after `--municipality` to the names in the index:
/// case- and umlaut-insensitive, exact name first, else every name containing it
/// (`steinfurt` → `Kreis Steinfurt`). An unknown name is an error listing the known ones.
pub fn resolve_municipalities(index: &PraevIndex, wanted: &[String]) -> Result<Vec<String>> {
    let known = &index.meta.municipalities;
    let mut resolved = Vec::new();
    for name in wanted {
        let key = fold_name(name);
        let exact: Vec<&String> = known.iter().filter(|k| fold_name(k) == key).collect();
        let matches = if exact.is_empty() {
            known.iter().filter(|k| fold_name(k).contains(&key)).collect()
        } else {
            exact
        };
        if matches.is_empty() {
            return Err(Error::InvalidArgument(format!(
                "no municipality matches {name:?}; the index has: {}",
                if known.is_empty() { "none".to_string() } else { known.join(", ") }
            )));
        }
        resolved.extend(matches.into_iter().cloned());
    }
    resolved.sort();
    resolved.dedup();
    Ok(resolved)
}

fn fold_name(name: &str) -> String {
    crate::analysis::UmlautFold::fold(&name.trim().to_lowercase())
}
