//! Free-text search: a parsed query becomes a BM25-ranked tantivy query over passages.
//!
//! The query is planned (see [`super::plan`]) and compiled (see [`super::compile`]): every
//! word analysed with the index's German analyzer and expanded into weighted alternatives,
//! searched in the passage text and, with a lower weight, in the section heading; passages
//! that match more of the words rank higher. Phrases must match as phrases (positions),
//! exclusions must not match. A file's best passage gains a share of the file's second-best
//! among all matches (see [`super::file_evidence`]), so the first N hits are the same at every
//! limit. The request's [`PassageFilter`] restricts without scoring; its [`Boost`]s (a
//! theme) restrict and add their weighted score. With [`Feedback`] the search runs twice: the
//! words of the first search's best passages join the query of the second.

use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, QueryClone};
use tantivy::{DocAddress, DocId, Score, SegmentReader, TantivyDocument, Term};

use super::compile::to_tantivy;
use super::feedback::{expansion_query, relevance_model, Feedback, FeedbackTerm};
use super::file_evidence::{
    fetched_candidates, BestTwoPerFile, Ranking, FILE_EVIDENCE_SHARE, KNOWN_PER_FILE,
};
use super::filters::PassageFilter;
use super::hits::{fetch_size, HitBuilder};
use super::parse::Occurrence;
use super::plan::QueryPlan;
use crate::analysis::TermMatcher;
use crate::error::{Error, Result};
use crate::index::file_ids::FileId;
use crate::index::{schema, PraevIndex};
use crate::ingest::metadata::DatePeriod;

pub use super::hits::{Hit, DEFAULT_PER_FILE};

/// A search as the library takes it (the CLI resolves names and flags into this).
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    /// Which passages are searched.
    pub filter: PassageFilter,
    /// No synonym expansion.
    pub exact: bool,
    /// At most this many passages of one file (0: no limit).
    pub per_file: usize,
    /// Queries every hit must also match, each adding its weighted score (`--theme`).
    pub boosts: Vec<Boost>,
    /// Pseudo-relevance feedback (`--feedback`): None searches once.
    pub feedback: Option<Feedback>,
    /// The order of the hits (`--sort`).
    pub sort: SortOrder,
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best score first.
    #[default]
    Score,
    /// Newest document first (by the first day of its date), ties by score; undated last.
    /// The newest passages are collected in the query, so the limit takes the newest matches.
    Date,
}

/// A query every hit must match, adding its score times `weight`: ranks up passages that are
/// more about something (a theme) while the query's own words still decide.
#[derive(Debug)]
pub struct Boost {
    /// What it is, for `--explain` (`theme fruehe-hilfen`).
    pub label: String,
    pub query: Box<dyn Query>,
    pub weight: f32,
}

impl Clone for Boost {
    fn clone(&self) -> Boost {
        Boost { label: self.label.clone(), query: self.query.box_clone(), weight: self.weight }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchResults {
    pub query: String,
    pub total_hits: usize,
    pub hits: Vec<Hit>,
    /// Set when the query had nothing to search for (only punctuation or stop words).
    #[serde(skip)]
    pub note: Option<String>,
    /// The terms feedback added, with their share of the added weight (`--explain`).
    #[serde(skip)]
    pub feedback_terms: Vec<FeedbackTerm>,
}

/// The plan of `query` on `index`: synonyms and the members of named kinds of places unless
/// `exact`, raised for words the index lacks.
pub fn plan(index: &PraevIndex, query: &str, exact: bool) -> QueryPlan {
    let synonyms = if exact { None } else { Some(&index.analysis.synonyms) };
    let frames = &index.analysis.question_frames;
    let mut plan = QueryPlan::framed(&index.analyzer, frames, query, synonyms);
    let searcher = index.reader.searcher();
    let doc_freq =
        |term: &str| searcher.doc_freq(&Term::from_field_text(index.fields.text, term)).unwrap_or(0);
    if !exact {
        let classes = &index.analysis.place_classes;
        super::hypernyms::add_class_members(
            &mut plan,
            &index.analyzer,
            classes,
            doc_freq,
            searcher.num_docs(),
        );
    }
    plan.back_off_unseen_words(|term| doc_freq(term) > 0);
    plan.weigh_written_apart(doc_freq, searcher.num_docs());
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
            feedback_terms: Vec::new(),
        });
    }
    let mut words = to_tantivy(&plan, &index.fields);
    let mut feedback_terms = Vec::new();
    if let Some(feedback) = &request.feedback {
        let first = request.filter.restrict(index, with_boosts(words.box_clone(), &request.boosts));
        feedback_terms = feedback_terms_of(index, &*first, &plan, feedback)?;
        let expansion = expansion_query(&index.fields, &feedback_terms, plan.word_clauses().len(), feedback);
        if let Some(expansion) = expansion {
            words = with_expansion(words, expansion, &plan);
        }
    }
    let query = request.filter.restrict(index, with_boosts(words, &request.boosts));
    let (hits, total_hits) = ranked_hits(index, &*query, &plan, request)?;
    Ok(SearchResults { query: request.query.clone(), total_hits, hits, note: None, feedback_terms })
}

/// The first hits of `query` in their final order (see [`super::file_evidence`]) and how many
/// passages it matched. Passages fetched by raw score join the best two of each file when a
/// file's third passage may show; when they do not reach far enough for the hits, they are
/// fetched again, eight times as many.
fn ranked_hits(
    index: &PraevIndex,
    query: &dyn Query,
    plan: &QueryPlan,
    request: &SearchRequest,
) -> Result<(Vec<Hit>, usize)> {
    let searcher = index.reader.searcher();
    let files = index.file_ids()?;
    let limit = request.limit.max(1);
    let by_date = request.sort == SortOrder::Date;
    // `--speaker` drops some matches after the query, so a file's third passage may show too.
    let beyond_second =
        request.per_file == 0 || request.per_file > KNOWN_PER_FILE || request.filter.speaker.is_some();
    let mut fetch = fetch_size(limit, true);
    loop {
        let best_two = BestTwoPerFile::new(files, by_date);
        let (mut ranking, total_hits) = if !beyond_second {
            let (best_two, total) = searcher.search(query, &(best_two, Count))?;
            (Ranking::new(best_two, FILE_EVIDENCE_SHARE), total)
        } else {
            let (best_two, fetched, total) = match request.sort {
                SortOrder::Score => {
                    let (best_two, top, total) =
                        searcher.search(query, &(best_two, TopDocs::with_limit(fetch), Count))?;
                    (best_two, top.into_iter().map(|(score, address)| (0, score, address)).collect(), total)
                }
                SortOrder::Date => {
                    let (best_two, top, total) =
                        searcher.search(query, &(best_two, newest_first(fetch), Count))?;
                    (
                        best_two,
                        top.into_iter().map(|((day, score), address)| (day, score, address)).collect(),
                        total,
                    )
                }
            };
            let fetched = fetched_candidates(&searcher, files, fetched)?;
            (Ranking::new(best_two, FILE_EVIDENCE_SHARE).with_fetched(fetched, fetch), total)
        };
        if request.filter.speaker.is_none() {
            ranking = ranking.within_first(limit);
        }
        if let Some(hits) = first_hits(index, &searcher, ranking, plan, request, limit, beyond_second)? {
            return Ok((hits, total_hits));
        }
        // More than every match: the next ranking is complete.
        fetch = fetch.saturating_mul(8).min(total_hits.saturating_add(1));
    }
}

/// The first `limit` hits of `ranking` that pass `--speaker` and the cap per file; None when
/// `beyond_second` and a passage that was not fetched could be among them.
fn first_hits(
    index: &PraevIndex,
    searcher: &tantivy::Searcher,
    mut ranking: Ranking,
    plan: &QueryPlan,
    request: &SearchRequest,
    limit: usize,
    beyond_second: bool,
) -> Result<Option<Vec<Hit>>> {
    let mut builder = HitBuilder::new(index, TermMatcher::new(plan.highlight_terms()));
    let mut shown_per_file: HashMap<FileId, usize> = HashMap::new();
    let mut hits: Vec<Hit> = Vec::with_capacity(limit);
    while let Some(candidate) = ranking.next() {
        if beyond_second && !ranking.complete_above(&candidate) {
            return Ok(None);
        }
        let shown = shown_per_file.entry(candidate.file).or_insert(0);
        if request.per_file > 0 && *shown >= request.per_file {
            continue;
        }
        let doc: TantivyDocument = searcher.doc(candidate.address)?;
        if !is_asked_speaker(index, &request.filter, &doc) {
            continue;
        }
        *shown += 1;
        hits.push(builder.hit(&doc, candidate.score));
        if hits.len() == limit {
            return Ok(Some(hits));
        }
    }
    Ok((!beyond_second || ranking.is_complete()).then_some(hits))
}

/// The top `limit` passages by (first day of their document's date, score), newest first;
/// undated passages count as day 0, after every dated one.
fn newest_first(limit: usize) -> impl tantivy::collector::Collector<Fruit = Vec<((u64, Score), DocAddress)>> {
    TopDocs::with_limit(limit).tweak_score(move |segment: &SegmentReader| {
        let days = segment.fast_fields().u64(schema::DATE_FIRST).ok();
        move |doc: DocId, score: Score| {
            let day = days.as_ref().and_then(|column| column.first(doc)).unwrap_or(0);
            (day, score)
        }
    })
}

/// The first day of an ISO date of any precision (`yyyymmdd`), 0 for none: the key that sorts
/// by date, newest first when reversed, undated last.
pub fn first_day_of(date: Option<&str>) -> u32 {
    date.and_then(|date| DatePeriod::parse(date).ok()).map_or(0, |period| period.first)
}

/// Orders hits newest document first, keeping the order they had within one date (their
/// score or listing order); undated last.
pub fn sort_by_date(hits: &mut [Hit]) {
    hits.sort_by_key(|hit| std::cmp::Reverse(first_day_of(hit.date.as_deref())));
}

/// Whether a passage is a quote of the person `--speaker` asks for (any form of the name, as
/// `praev quotes --speaker` matches); true without `--speaker`.
fn is_asked_speaker(index: &PraevIndex, filter: &PassageFilter, doc: &TantivyDocument) -> bool {
    let Some(asked) = &filter.speaker else { return true };
    super::hits::stored_str(doc, index.fields.speaker)
        .is_some_and(|name| super::speakers::speaker_matches(asked, &name))
}

/// The terms feedback adds: the relevance model of the best passages of `first`.
fn feedback_terms_of(
    index: &PraevIndex,
    first: &dyn Query,
    plan: &QueryPlan,
    feedback: &Feedback,
) -> Result<Vec<FeedbackTerm>> {
    let searcher = index.reader.searcher();
    let top = searcher.search(first, &TopDocs::with_limit(feedback.passages.max(1)))?;
    let mut passages = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = super::hits::stored_str(&doc, index.fields.text).unwrap_or_default();
        passages.push((score, index.analyzer.primary_terms(&text)));
    }
    Ok(relevance_model(&passages, &plan.highlight_terms(), feedback))
}

/// The query's words with the feedback terms as one more optional clause. A query that
/// requires or excludes something keeps doing so: the added terms then only reorder.
fn with_expansion(words: Box<dyn Query>, expansion: Box<dyn Query>, plan: &QueryPlan) -> Box<dyn Query> {
    let strict = plan.clauses.iter().any(|c| c.occur != Occurrence::Should);
    let occur = if strict { Occur::Must } else { Occur::Should };
    Box::new(BooleanQuery::new(vec![(occur, words), (Occur::Should, expansion)]))
}

fn nothing_to_search(query: &str) -> String {
    if query.trim().is_empty() {
        "the query is empty".to_string()
    } else {
        format!("the query {query:?} has no searchable words (only punctuation, stop words or exclusions)")
    }
}

/// `query` restricted to passages matching every boost, each adding its weighted score.
fn with_boosts(query: Box<dyn Query>, boosts: &[Boost]) -> Box<dyn Query> {
    if boosts.is_empty() {
        return query;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    for boost in boosts {
        clauses.push((Occur::Must, Box::new(BoostQuery::new(boost.query.box_clone(), boost.weight))));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Resolves what the user typed after `--municipality` to the municipality and district names
/// in the index: case- and umlaut-insensitive, exact name first, else every name containing
/// it (`steinfurt` → `Kreis Steinfurt`). A district name (`Kreis Mettmann`) is known when a
/// document's municipality lies in it; as a filter it takes in those municipalities. An
/// unknown name is an error listing the known ones.
pub fn resolve_municipalities(index: &PraevIndex, wanted: &[String]) -> Result<Vec<String>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut known = index.municipalities()?;
    known.extend(index.districts()?);
    known.sort();
    known.dedup();
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
