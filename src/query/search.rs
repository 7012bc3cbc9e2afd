//! Free-text search: a parsed query becomes a BM25-ranked tantivy query over passages.
//!
//! The query is planned (see [`super::plan`]): every word analysed with the index's German
//! analyzer and expanded into weighted alternatives, searched in the passage text and, with a
//! lower weight, in the section heading; passages that match more of the words rank higher.
//! Phrases must match as phrases (positions), exclusions must not match. Municipality and
//! kind filters are facet terms that add nothing to the score.

use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::highlight::highlights;
use super::parse::Occurrence;
use super::plan::{
    Alternative, PlannedClause, QueryPlan, ALL_WORDS_WEIGHT, NEAR_PARTS_SLOP, NEAR_PARTS_WEIGHT, PART_WEIGHT,
};
use crate::analysis::{GermanAnalyzer, TermMatcher, PART_MARK, ROOT_MARK};
use crate::error::{Error, Result};
use crate::index::schema::Fields;
use crate::index::PraevIndex;
use crate::ingest::DocKind;
use crate::themes::rank::CompiledTheme;
use crate::themes::Theme;

/// Weight of the theme's score in a search restricted to a theme (`--theme`): the query's own
/// words still decide, the theme breaks ties towards passages more about it.
const THEME_WEIGHT: f32 = 0.5;
/// Weight of a match in the section heading relative to one in the passage text.
const SECTION_BOOST: f32 = 0.3;
/// Longer queries (questions) seldom have all their words in one passage: no bonus clause,
/// which would only cost time.
const MAX_ALL_WORDS: usize = 4;
/// Share of the non-best alternatives of a word that still counts.
const TIE_BREAKER: f32 = 0.2;
/// Passages per file shown by default: two, so that one long document does not fill the
/// list and more municipalities show (measured on the dev set: R@20 0.704 → 0.734).
pub const DEFAULT_PER_FILE: usize = 2;
/// How many passages to fetch per shown hit when passages per file are capped.
const FETCH_FACTOR: usize = 5;

/// A search as the library takes it (the CLI resolves names and flags into this).
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    /// Exact municipality names (see [`resolve_municipalities`]); empty means all.
    pub municipalities: Vec<String>,
    /// Empty means all kinds.
    pub kinds: Vec<DocKind>,
    /// No synonym expansion.
    pub exact: bool,
    /// At most this many passages of one file (0: no limit).
    pub per_file: usize,
    /// Only passages about this theme, ranked up by how strongly they are about it.
    pub theme: Option<Theme>,
    /// Only quotes of a speaker whose name holds all these words (`effing`, `Dr. Effing`).
    pub speaker: Option<String>,
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
    /// Who said it and in which office (quote passages only).
    pub speaker: Option<String>,
    pub role: Option<String>,
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

/// The plan of `query` on `index`: synonyms unless `exact`, raised for words the index lacks.
pub fn plan(index: &PraevIndex, query: &str, exact: bool) -> QueryPlan {
    let synonyms = if exact { None } else { Some(&index.analysis.synonyms) };
    let mut plan = QueryPlan::new(&index.analyzer, query, synonyms);
    let searcher = index.reader.searcher();
    plan.back_off_unseen_words(|term| {
        searcher.doc_freq(&Term::from_field_text(index.fields.text, term)).is_ok_and(|n| n > 0)
    });
    plan
}

pub fn search(index: &PraevIndex, request: &SearchRequest) -> Result<SearchResults> {
    let plan = plan(index, &request.query, request.exact);
    if !plan.has_positive() {
        return Ok(SearchResults {
            query: request.query.clone(),
            total_hits: 0,
            hits: Vec::new(),
            note: Some(nothing_to_search(&request.query)),
        });
    }
    let query = with_filters(index, with_theme(index, to_tantivy(&plan, &index.fields), request), request);
    let searcher = index.reader.searcher();
    let limit = request.limit.max(1);
    // Fetch more than shown when passages per file are capped, so the cap does not shrink the list.
    let fetch = if request.per_file > 0 { limit.saturating_mul(FETCH_FACTOR) } else { limit };
    let (top, total_hits) = searcher.search(&*query, &(TopDocs::with_limit(fetch), Count))?;
    let highlight_terms = TermMatcher::new(plan.highlight_terms());
    // One analyzer for all hits, so words repeated across passages are analysed once.
    let mut analyzer = index.analyzer.clone();
    let mut hits: Vec<Hit> = Vec::with_capacity(limit);
    let mut per_file: HashMap<String, usize> = HashMap::new();
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let file = stored_str(&doc, index.fields.file).unwrap_or_default();
        let shown = per_file.entry(file).or_insert(0);
        *shown += 1;
        if request.per_file > 0 && *shown > request.per_file {
            continue;
        }
        hits.push(to_hit(index, &mut analyzer, &doc, score, &highlight_terms));
        if hits.len() == limit {
            break;
        }
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

/// The tantivy query of a plan: clauses with their occurrence, alternatives as weighted
/// optional queries.
pub fn to_tantivy(plan: &QueryPlan, fields: &Fields) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        plan.clauses.iter().map(|clause| (occur_of(clause.occur), clause_query(clause, fields))).collect();
    // Passages that hold every word of the query, in any of its forms, rank above passages
    // that hold some of them often (the coordination of classic Lucene scoring).
    let words = plan.word_clauses();
    if (2..=MAX_ALL_WORDS).contains(&words.len()) {
        let all: Vec<(Occur, Box<dyn Query>)> =
            words.iter().map(|clause| (Occur::Must, clause_query(clause, fields))).collect();
        clauses.push((Occur::Should, boosted(Box::new(BooleanQuery::new(all)), ALL_WORDS_WEIGHT)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// [`to_tantivy`] on one field only (a quote's `role` or `speaker`), without section headings.
pub fn to_tantivy_in(plan: &QueryPlan, fields: &Fields, field: Field) -> Box<dyn Query> {
    to_tantivy(plan, &Fields { text: field, section: field, ..*fields })
}

/// One clause: any of its word groups.
fn clause_query(clause: &PlannedClause, fields: &Fields) -> Box<dyn Query> {
    let groups: Vec<(Occur, Box<dyn Query>)> =
        clause.groups.iter().map(|group| (Occur::Should, any_of(group, fields))).collect();
    Box::new(BooleanQuery::new(groups))
}

/// One written word: the best of its alternatives counts, the others add a little
/// (disjunction-max), so a word found in several forms or synonyms is not counted twice.
fn any_of(alternatives: &[Alternative], fields: &Fields) -> Box<dyn Query> {
    let mut options: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for alternative in alternatives {
        match alternative {
            Alternative::Term { term, weight, .. } if term.starts_with(ROOT_MARK) => {
                options.push((Occur::Should, boosted(term_query(fields.text, term), *weight)));
            }
            Alternative::Term { term, weight, .. } => {
                options.push((Occur::Should, boosted(term_query(fields.text, term), *weight)));
                let part = format!("{PART_MARK}{term}");
                options.push((Occur::Should, boosted(term_query(fields.text, &part), weight * PART_WEIGHT)));
                if fields.section != fields.text {
                    options.push((
                        Occur::Should,
                        boosted(term_query(fields.section, term), weight * SECTION_BOOST),
                    ));
                }
            }
            Alternative::AllParts { terms, weight, near } => {
                if *near && terms.len() == 2 {
                    // The compound written apart (`Gesundheit von Kindern`), either order.
                    for (a, b) in [(&terms[0], &terms[1]), (&terms[1], &terms[0])] {
                        let pair = vec![
                            Term::from_field_text(fields.text, a),
                            Term::from_field_text(fields.text, b),
                        ];
                        let mut written_apart = PhraseQuery::new(pair);
                        written_apart.set_slop(NEAR_PARTS_SLOP);
                        options.push((Occur::Should, boosted(Box::new(written_apart), NEAR_PARTS_WEIGHT)));
                    }
                }
                let all: Vec<(Occur, Box<dyn Query>)> = terms
                    .iter()
                    .map(|t| {
                        let either: Vec<(Occur, Box<dyn Query>)> = vec![
                            (Occur::Should, term_query(fields.text, t)),
                            (Occur::Should, term_query(fields.text, &format!("{PART_MARK}{t}"))),
                        ];
                        (Occur::Must, Box::new(BooleanQuery::new(either)) as Box<dyn Query>)
                    })
                    .collect();
                if *weight > 0.0 {
                    options.push((Occur::Should, boosted(Box::new(BooleanQuery::new(all)), *weight)));
                }
            }
            Alternative::Phrase { terms, weight, .. } => {
                let terms = terms
                    .iter()
                    .map(|(offset, t)| (*offset, Term::from_field_text(fields.text, t)))
                    .collect();
                options
                    .push((Occur::Should, boosted(Box::new(PhraseQuery::new_with_offset(terms)), *weight)));
            }
        }
    }
    Box::new(DisjunctionMaxQuery::with_tie_breaker(
        options.into_iter().map(|(_, q)| q).collect(),
        TIE_BREAKER,
    ))
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

fn term_query(field: Field, term: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::WithFreqs))
}

/// Restricts `query` to passages of the request's theme, adding the theme's score times
/// [`THEME_WEIGHT`].
fn with_theme(index: &PraevIndex, query: Box<dyn Query>, request: &SearchRequest) -> Box<dyn Query> {
    match &request.theme {
        None => query,
        Some(theme) => {
            let theme_query = CompiledTheme::new(&index.analyzer, theme).query(index);
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::Must, Box::new(BoostQuery::new(theme_query, THEME_WEIGHT))),
            ]))
        }
    }
}

pub(crate) fn with_filters(
    index: &PraevIndex,
    query: Box<dyn Query>,
    request: &SearchRequest,
) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    if !request.municipalities.is_empty() {
        clauses.push((
            Occur::Must,
            facet_any(index.fields.municipality_facet, request.municipalities.iter().map(String::as_str)),
        ));
    }
    if !request.kinds.is_empty() {
        clauses.push((
            Occur::Must,
            facet_any(index.fields.kind_facet, request.kinds.iter().map(|k| k.as_str())),
        ));
    } else if request.speaker.is_none() {
        // A quote repeats words of the passage it stands in: searched only when asked for.
        clauses.push((
            Occur::MustNot,
            facet_any(index.fields.kind_facet, [DocKind::Quote.as_str()].into_iter()),
        ));
    }
    if let Some(speaker) = &request.speaker {
        clauses.push((Occur::Must, all_words_in(index, index.fields.speaker, speaker)));
    }
    if clauses.len() == 1 {
        return clauses.pop().expect("one clause").1;
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Matches documents whose `field` holds every word of `text` (analysed; no score).
pub(crate) fn all_words_in(index: &PraevIndex, field: Field, text: &str) -> Box<dyn Query> {
    let words: Vec<(Occur, Box<dyn Query>)> = index
        .analyzer
        .primary_terms(text)
        .into_iter()
        .map(|term| (Occur::Must, term_query(field, &term)))
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

pub(crate) fn to_hit(
    index: &PraevIndex,
    analyzer: &mut GermanAnalyzer,
    doc: &TantivyDocument,
    score: f32,
    terms: &TermMatcher,
) -> Hit {
    let f = &index.fields;
    let text = stored_str(doc, f.text).unwrap_or_default();
    let highlights = highlights(analyzer, &text, terms).into_iter().map(|r| [r.start, r.end]).collect();
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
        speaker: stored_str(doc, f.speaker),
        role: stored_str(doc, f.role),
    }
}

pub(crate) fn stored_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

/// Resolves what the user typed after `--municipality` to the names in the index:
/// case- and umlaut-insensitive, exact name first, else every name containing it
/// (`steinfurt` → `Kreis Steinfurt`). An unknown name is an error listing the known ones.
pub fn resolve_municipalities(index: &PraevIndex, wanted: &[String]) -> Result<Vec<String>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let known = index.municipalities()?;
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
                list_some(&known)
            )));
        }
        resolved.extend(matches.into_iter().cloned());
    }
    resolved.sort();
    resolved.dedup();
    Ok(resolved)
}

/// At most 20 names, then how many more.
fn list_some(names: &[String]) -> String {
    const SHOWN: usize = 20;
    match names.len() {
        0 => "none".to_string(),
        n if n <= SHOWN => names.join(", "),
        n => format!("{} … and {} more", names[..SHOWN].join(", "), n - SHOWN),
    }
}

fn fold_name(name: &str) -> String {
    crate::analysis::UmlautFold::fold(&name.trim().to_lowercase())
}
