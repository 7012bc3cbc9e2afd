//! Ranking by theme: passages, municipalities and the matrix.
//!
//! A theme becomes one tantivy query: every term planned like a query word without synonyms
//! (its inflected forms, its occurrences inside compounds, its word family; a term of several
//! words as a phrase) and boosted by its tier weight, all terms optional. BM25 saturates each
//! term, so a passage that names several facets of a theme ranks above one that repeats a
//! single word. Words listed under `exclude` do not count: a passage's score is scaled by the
//! share of its matched theme weight that lies outside excluded words, and a passage matched
//! only inside excluded words is dropped.
//!
//! A municipality's strength is the mean score of its best [`STRENGTH_PASSAGES`] passages
//! (missing ones count 0): one strong passage is not enough to lead, and a municipality with
//! many long documents does not win by volume, since only its best passages count.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};
use tantivy::TantivyDocument;

use super::matrix::{MatrixCell, MatrixTheme, ThemeMatrix};
use super::{Theme, ThemeTerm};
use crate::analysis::{GermanAnalyzer, TermMatcher, PART_MARK, ROOT_MARK};
use crate::error::Result;
use crate::index::PraevIndex;
use crate::query::compile::to_tantivy;
use crate::query::filters::DateRange;
use crate::query::frames::QuestionFrames;
use crate::query::hits::{fetch_size, stored_str, HitBuilder, PerFileCap};
use crate::query::plan::{Alternative, QueryPlan, NEAR_PARTS_SLOP};
use crate::query::search::{first_day_of, SortOrder};
use crate::query::{Boost, Hit, PassageFilter};

/// How many of a municipality's best passages its theme strength averages.
pub const STRENGTH_PASSAGES: usize = 3;
/// The second passage of a file counts this much of its score, the third this squared …: a
/// theme ranking answers "who writes about it", so other municipalities' passages move up
/// past a document's further passages (a light diversification).
pub const SAME_FILE_DISCOUNT: f32 = 0.8;
/// Weight of the theme's score in a search restricted to a theme (`search --theme`): the
/// query's own words still decide, the theme breaks ties towards passages more about it.
pub const SEARCH_THEME_WEIGHT: f32 = 0.5;

/// Which passages a theme ranking looks at.
#[derive(Debug, Clone, Default)]
pub struct ThemeRequest {
    pub limit: usize,
    /// Which passages are ranked.
    pub filter: PassageFilter,
    /// At most this many passages of one file (0: no limit).
    pub per_file: usize,
    /// By theme score, or newest document first (`rank_passages` only).
    pub sort: SortOrder,
}

/// A passage ranked by theme: the hit of `search` and the theme terms it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeHit {
    #[serde(flatten)]
    pub hit: Hit,
    /// The theme's terms (as written in themes.toml) found in the passage text, strongest first.
    pub matched_terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeResults {
    /// The theme's id and label.
    pub theme: String,
    pub label: String,
    pub total_hits: usize,
    pub hits: Vec<ThemeHit>,
}

/// One municipality's strength on a theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityStrength {
    pub municipality: String,
    pub strength: f32,
    /// How many of its passages match the theme.
    pub passages: usize,
    /// Its best passage.
    pub best: ThemeHit,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityRanking {
    pub theme: String,
    pub label: String,
    pub municipalities: Vec<MunicipalityStrength>,
}

/// How widely a theme is written about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeCoverage {
    pub id: String,
    pub label: String,
    pub description: String,
    pub passages: usize,
    pub municipalities: usize,
}

/// A theme prepared for one index: its query and what each term looks like in the index.
pub struct CompiledTheme<'a> {
    pub theme: &'a Theme,
    terms: Vec<CompiledTerm>,
    /// The primary terms of the excluded words.
    excluded: HashSet<String>,
    highlight: HashSet<String>,
}

struct CompiledTerm {
    term: ThemeTerm,
    plan: QueryPlan,
    shape: TermShape,
}

impl CompiledTerm {
    /// The term's own index terms: the word and its part form, or the phrase's words.
    fn primary_terms(&self) -> Vec<String> {
        match &self.shape {
            TermShape::Word { terms, .. } => {
                terms.iter().filter(|t| !t.starts_with(ROOT_MARK)).cloned().collect()
            }
            TermShape::Phrase(phrase) => phrase.iter().map(|(_, t)| t.clone()).collect(),
        }
    }
}

/// How a term is recognised in analysed text.
enum TermShape {
    /// Any of these index terms at one position, or the compound's parts close together
    /// (`Eintritt in das Berufsleben` for `Berufseintritt`).
    Word { terms: HashSet<String>, near_parts: Vec<String> },
    /// These terms at these relative positions.
    Phrase(Vec<(usize, String)>),
}

impl<'a> CompiledTheme<'a> {
    pub fn new(analyzer: &GermanAnalyzer, frames: &QuestionFrames, theme: &'a Theme) -> CompiledTheme<'a> {
        let terms: Vec<CompiledTerm> =
            theme.terms.iter().filter_map(|term| compile_term(analyzer, frames, term)).collect();
        let excluded = theme.exclude.iter().flat_map(|word| analyzer.primary_terms(word)).collect();
        let highlight = terms.iter().flat_map(|t| t.plan.highlight_terms()).collect();
        CompiledTheme { theme, terms, excluded, highlight }
    }

    /// The theme as one tantivy query of `index`.
    pub fn query(&self, index: &PraevIndex) -> Box<dyn Query> {
        let searcher = index.reader.searcher();
        let num_docs = searcher.num_docs() as f32;
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .terms
            .iter()
            .map(|t| {
                let docs_with_term = t
                    .primary_terms()
                    .iter()
                    .map(|term| {
                        searcher
                            .doc_freq(&tantivy::Term::from_field_text(index.fields.text, term))
                            .unwrap_or(0)
                    })
                    .max()
                    .unwrap_or(0) as f32;
                let idf = (1.0 + (num_docs - docs_with_term + 0.5) / (docs_with_term + 0.5)).ln();
                let query: Box<dyn Query> = Box::new(BoostQuery::new(
                    to_tantivy(&t.plan, &index.fields),
                    t.term.weight / idf.max(0.1),
                ));
                (Occur::Should, query)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// The theme terms found in `text`, and the share of their weight outside excluded words.
    fn matches(&self, analyzer: &mut GermanAnalyzer, text: &str) -> TextMatch {
        let tokens = analyzer.analyze_cached(text);
        let mut by_position: HashMap<usize, Vec<&str>> = HashMap::new();
        for token in &tokens {
            by_position.entry(token.position).or_default().push(&token.text);
        }
        let excluded: HashSet<usize> = by_position
            .iter()
            .filter(|(_, terms)| terms.iter().any(|t| self.excluded.contains(*t)))
            .map(|(p, _)| *p)
            .collect();
        let mut found = TextMatch::default();
        for compiled in &self.terms {
            let (anywhere, outside_excluded) = compiled.shape.find(&by_position, &excluded);
            if anywhere {
                found.weight_anywhere += compiled.term.weight;
            }
            if outside_excluded {
                found.weight_kept += compiled.term.weight;
                found.terms.push(compiled.term.text.clone());
            }
        }
        found
    }

    fn needs_text(&self) -> bool {
        !self.excluded.is_empty()
    }
}

#[derive(Default)]
struct TextMatch {
    terms: Vec<String>,
    weight_anywhere: f32,
    weight_kept: f32,
}

impl TextMatch {
    /// The factor on the passage's score: 1 without excluded words, 0 when only they matched.
    fn score_factor(&self) -> f32 {
        if self.weight_anywhere <= 0.0 {
            1.0
        } else {
            self.weight_kept / self.weight_anywhere
        }
    }
}

fn compile_term(
    analyzer: &GermanAnalyzer,
    frames: &QuestionFrames,
    term: &ThemeTerm,
) -> Option<CompiledTerm> {
    let is_phrase = term.text.split_whitespace().count() > 1;
    let query = if is_phrase { format!("\"{}\"", term.text.replace('"', "")) } else { term.text.clone() };
    let plan = QueryPlan::framed(analyzer, frames, &query, None).without_single_parts();
    if !plan.has_positive() {
        return None;
    }
    let mut alternatives = plan.clauses.iter().flat_map(|c| c.groups.iter().flatten());
    let phrase = alternatives.clone().find_map(|a| match a {
        Alternative::Phrase { terms, .. } => Some(terms.clone()),
        _ => None,
    });
    let shape = match phrase {
        Some(phrase) => TermShape::Phrase(phrase),
        None => TermShape::Word {
            terms: alternatives
                .clone()
                .filter_map(|a| match a {
                    Alternative::Term { term, .. } => Some(term.clone()),
                    _ => None,
                })
                .flat_map(|t| [format!("{PART_MARK}{t}"), t])
                .collect(),
            near_parts: alternatives
                .find_map(|a| match a {
                    Alternative::AllParts { terms, near: true, .. } => Some(terms.clone()),
                    _ => None,
                })
                .unwrap_or_default(),
        },
    };
    Some(CompiledTerm { term: term.clone(), plan, shape })
}

impl TermShape {
    /// Whether the term occurs at all, and whether it occurs outside the excluded positions.
    fn find(&self, by_position: &HashMap<usize, Vec<&str>>, excluded: &HashSet<usize>) -> (bool, bool) {
        let starts: Vec<usize> = match self {
            TermShape::Word { terms, near_parts } => {
                let mut starts: Vec<usize> = by_position
                    .iter()
                    .filter(|(_, at)| at.iter().any(|t| terms.contains(*t)))
                    .map(|(p, _)| *p)
                    .collect();
                starts.extend(near_parts_start(near_parts, by_position));
                starts
            }
            TermShape::Phrase(phrase) => by_position
                .keys()
                .filter(|start| {
                    phrase.iter().all(|(offset, term)| {
                        by_position.get(&(**start + offset)).is_some_and(|at| at.contains(&term.as_str()))
                    })
                })
                .copied()
                .collect(),
        };
        let span = match self {
            TermShape::Word { .. } => 1,
            TermShape::Phrase(phrase) => phrase.iter().map(|(o, _)| o + 1).max().unwrap_or(1),
        };
        let kept = starts.iter().any(|s| (*s..s + span).all(|p| !excluded.contains(&p)));
        (!starts.is_empty(), kept)
    }
}

/// The first position of `parts` standing within [`NEAR_PARTS_SLOP`] words of each other.
fn near_parts_start(parts: &[String], by_position: &HashMap<usize, Vec<&str>>) -> Option<usize> {
    let positions_of = |part: &String| -> Vec<usize> {
        by_position.iter().filter(|(_, at)| at.contains(&part.as_str())).map(|(p, _)| *p).collect()
    };
    let (first, rest) = parts.split_first()?;
    let window = NEAR_PARTS_SLOP as usize + 1;
    let rest: Vec<Vec<usize>> = rest.iter().map(positions_of).collect();
    positions_of(first)
        .into_iter()
        .find(|&p| rest.iter().all(|positions| positions.iter().any(|&q| q.abs_diff(p) <= window)))
}

/// A passage the theme matches, with its score after exclusions and its stored fields.
pub(super) struct Scored {
    pub(super) score: f32,
    pub(super) doc: TantivyDocument,
}

/// Every passage the theme matches (within the request's filters), best first.
pub(super) fn score_all(
    index: &PraevIndex,
    theme: &CompiledTheme,
    request: &ThemeRequest,
) -> Result<Vec<Scored>> {
    let query = filtered(index, theme, request);
    let searcher = index.reader.searcher();
    let all = searcher.num_docs().max(1) as usize;
    let top = searcher.search(&*query, &TopDocs::with_limit(all))?;
    let mut analyzer = index.analyzer.clone();
    let mut scored = Vec::with_capacity(top.len());
    for (score, address) in top {
        // Every caller reads the passage's file or municipality: loaded once, here.
        let doc: TantivyDocument = searcher.doc(address)?;
        let factor = if theme.needs_text() {
            theme
                .matches(&mut analyzer, &stored_str(&doc, index.fields.text).unwrap_or_default())
                .score_factor()
        } else {
            1.0
        };
        if factor > 0.0 {
            scored.push(Scored { score: score * factor, doc });
        }
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    Ok(scored)
}

fn filtered(index: &PraevIndex, theme: &CompiledTheme, request: &ThemeRequest) -> Box<dyn Query> {
    request.filter.restrict(index, theme.query(index))
}

/// The theme as a [`Boost`] of a search (`search --theme`): only passages about the theme,
/// ranked up by how strongly they are about it.
pub fn search_boost(index: &PraevIndex, theme: &Theme) -> Boost {
    Boost {
        label: format!("theme {}", theme.id),
        query: CompiledTheme::new(&index.analyzer, &index.analysis.question_frames, theme).query(index),
        weight: SEARCH_THEME_WEIGHT,
    }
}

/// Passages ranked by theme.
pub fn rank_passages(index: &PraevIndex, theme: &Theme, request: &ThemeRequest) -> Result<ThemeResults> {
    let compiled = CompiledTheme::new(&index.analyzer, &index.analysis.question_frames, theme);
    let searcher = index.reader.searcher();
    let limit = request.limit.max(1);
    let by_date = request.sort == SortOrder::Date;
    // By date, every match is a candidate: the newest need not be among the best.
    let (candidates, total_hits) = if compiled.needs_text() || by_date {
        let all = score_all(index, &compiled, request)?;
        let total = all.len();
        (all, total)
    } else {
        let query = filtered(index, &compiled, request);
        // Always more than shown: the per-file discount reorders them.
        let fetch = fetch_size(limit, true);
        let (top, total) = searcher.search(&*query, &(TopDocs::with_limit(fetch), Count))?;
        let candidates = top
            .into_iter()
            .map(|(score, address)| Ok(Scored { score, doc: searcher.doc(address)? }))
            .collect::<Result<Vec<Scored>>>()?;
        (candidates, total)
    };
    // Discount each file's further passages, then cap them (candidates come best first).
    let mut cap = PerFileCap::new(index, request.per_file);
    let mut ranked: Vec<(f32, TantivyDocument)> = Vec::new();
    for candidate in candidates {
        let Some(nth_in_file) = cap.admit(&candidate.doc) else { continue };
        ranked.push((candidate.score * SAME_FILE_DISCOUNT.powi(nth_in_file as i32 - 1), candidate.doc));
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut builder = HitBuilder::new(index, TermMatcher::new(compiled.highlight.clone()));
    if by_date {
        let fields = &index.fields;
        ranked.sort_by_key(|(_, doc)| Reverse(first_day_of(stored_str(doc, fields.date).as_deref())));
    }
    let hits = ranked
        .iter()
        .take(limit)
        .map(|(score, doc)| theme_hit(&compiled, &mut builder, doc, *score))
        .collect();
    Ok(ThemeResults { theme: theme.id.clone(), label: theme.label.clone(), total_hits, hits })
}

fn theme_hit(theme: &CompiledTheme, builder: &mut HitBuilder, doc: &TantivyDocument, score: f32) -> ThemeHit {
    let hit = builder.hit(doc, score);
    // The theme query also searches the section heading.
    let heading_and_text = format!("{}\n\n{}", hit.section.as_deref().unwrap_or(""), hit.text);
    let matched_terms = theme.matches(builder.analyzer(), &heading_and_text).terms;
    ThemeHit { hit, matched_terms }
}

/// The passages of each municipality that the theme matches, best first, by municipality;
/// and how many passages it matches in all (with those of no municipality).
fn by_municipality(
    index: &PraevIndex,
    theme: &CompiledTheme,
    request: &ThemeRequest,
) -> Result<(HashMap<String, Vec<Scored>>, usize)> {
    let mut groups: HashMap<String, Vec<Scored>> = HashMap::new();
    let all = score_all(index, theme, request)?;
    let total = all.len();
    for scored in all {
        if let Some(municipality) = stored_str(&scored.doc, index.fields.municipality) {
            groups.entry(municipality).or_default().push(scored);
        }
    }
    Ok((groups, total))
}

/// The mean of the best [`STRENGTH_PASSAGES`] scores (`scores` best first), missing ones 0.
pub fn municipality_strength(scores: &[f32]) -> f32 {
    scores.iter().take(STRENGTH_PASSAGES).sum::<f32>() / STRENGTH_PASSAGES as f32
}

/// Municipalities ranked by theme strength, each with its best passage; passages without a
/// municipality (programme-level texts) are left out.
pub fn rank_municipalities(
    index: &PraevIndex,
    theme: &Theme,
    request: &ThemeRequest,
) -> Result<MunicipalityRanking> {
    let compiled = CompiledTheme::new(&index.analyzer, &index.analysis.question_frames, theme);
    let mut builder = HitBuilder::new(index, TermMatcher::new(compiled.highlight.clone()));
    let mut ranked = Vec::new();
    for (municipality, passages) in by_municipality(index, &compiled, request)?.0 {
        let scores: Vec<f32> = passages.iter().map(|p| p.score).collect();
        let best = &passages[0];
        ranked.push(MunicipalityStrength {
            municipality,
            strength: municipality_strength(&scores),
            passages: passages.len(),
            best: theme_hit(&compiled, &mut builder, &best.doc, best.score),
        });
    }
    ranked
        .sort_by(|a, b| b.strength.total_cmp(&a.strength).then_with(|| a.municipality.cmp(&b.municipality)));
    ranked.truncate(request.limit.max(1));
    Ok(MunicipalityRanking { theme: theme.id.clone(), label: theme.label.clone(), municipalities: ranked })
}

/// How many passages and municipalities each theme matches.
pub fn coverage(index: &PraevIndex, themes: &[Theme]) -> Result<Vec<ThemeCoverage>> {
    let request = ThemeRequest::default();
    themes
        .iter()
        .map(|theme| {
            let compiled = CompiledTheme::new(&index.analyzer, &index.analysis.question_frames, theme);
            let (groups, passages) = by_municipality(index, &compiled, &request)?;
            Ok(ThemeCoverage {
                id: theme.id.clone(),
                label: theme.label.clone(),
                description: theme.description.clone(),
                passages,
                municipalities: groups.len(),
            })
        })
        .collect()
}

/// A theme in a set of passages: its strength, and how many passages and documents match.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SetStrength {
    pub strength: f32,
    pub passages: usize,
    pub documents: usize,
}

/// A theme's strength over each of some sets of files (a document or any set of them), from
/// one ranking: like a municipality's, the mean score of a set's best [`STRENGTH_PASSAGES`]
/// passages; with the matching passages and documents of each set.
pub fn strengths_of_files(
    index: &PraevIndex,
    theme: &Theme,
    sets: &[&HashSet<String>],
) -> Result<Vec<SetStrength>> {
    let compiled = CompiledTheme::new(&index.analyzer, &index.analysis.question_frames, theme);
    let mut scores: Vec<Vec<f32>> = vec![Vec::new(); sets.len()];
    let mut files: Vec<HashSet<String>> = vec![HashSet::new(); sets.len()];
    for scored in score_all(index, &compiled, &ThemeRequest::default())? {
        let Some(file) = stored_str(&scored.doc, index.fields.file) else { continue };
        for ((set, set_scores), set_files) in sets.iter().zip(&mut scores).zip(&mut files) {
            if set.contains(&file) {
                set_scores.push(scored.score);
                set_files.insert(file.clone());
            }
        }
    }
    Ok(scores
        .iter()
        .zip(&files)
        .map(|(s, f)| SetStrength {
            strength: municipality_strength(s),
            passages: s.len(),
            documents: f.len(),
        })
        .collect())
}

/// How many documents `passages` are in.
fn documents_of(index: &PraevIndex, passages: &[Scored]) -> usize {
    let files: HashSet<String> =
        passages.iter().filter_map(|p| stored_str(&p.doc, index.fields.file)).collect();
    files.len()
}

/// The theme × municipality matrix of `themes` and `municipalities` (all municipalities of the
/// index when empty), over the passages of documents dated in `dates`.
pub fn matrix(
    index: &PraevIndex,
    themes: &[&Theme],
    municipalities: &[String],
    dates: DateRange,
) -> Result<ThemeMatrix> {
    let columns: Vec<String> =
        if municipalities.is_empty() { index.municipalities()? } else { municipalities.to_vec() };
    let request = ThemeRequest {
        filter: PassageFilter { municipalities: municipalities.to_vec(), dates, ..PassageFilter::default() },
        ..ThemeRequest::default()
    };
    let mut cells = Vec::with_capacity(themes.len() * columns.len());
    for theme in themes {
        let compiled = CompiledTheme::new(&index.analyzer, &index.analysis.question_frames, theme);
        let (groups, _) = by_municipality(index, &compiled, &request)?;
        for municipality in &columns {
            let passages = groups.get(municipality).map(Vec::as_slice).unwrap_or_default();
            let scores: Vec<f32> = passages.iter().map(|p| p.score).collect();
            cells.push(MatrixCell {
                theme: theme.id.clone(),
                municipality: municipality.clone(),
                strength: municipality_strength(&scores),
                relative: 0.0,
                passages: passages.len(),
                documents: documents_of(index, passages),
            });
        }
    }
    let strongest = cells.iter().map(|c| c.strength).fold(0.0_f32, f32::max);
    if strongest > 0.0 {
        for cell in &mut cells {
            cell.relative = cell.strength / strongest;
        }
    }
    Ok(ThemeMatrix {
        themes: themes.iter().map(|t| MatrixTheme { id: t.id.clone(), label: t.label.clone() }).collect(),
        municipalities: columns,
        cells,
    })
}
