//! Finding quotes: `praev quotes [QUERY] [--speaker NAME] [--role ROLE]`.
//!
//! Quotes are indexed as passages of kind `quote` with the speaker and role (see
//! `ingest::quotes`). A journalist's query mixes who and what: `Landrat Zitat`,
//! `Oberbürgermeister: Herkunft darf nicht über die Chancen eines Kindes entscheiden`. Each query
//! word is therefore sorted by what the index knows: a word that some quote's role holds
//! (`Landrat`, `Oberbürgermeister`) is searched in the roles (and, when it names no office, like
//! `Lippe` of `Verwaltungsvorstand beim Kreis Lippe`, in the text too; an office only weakly, so
//! quotes about the office follow its holders' quotes), a word of some speaker's
//! name in the speakers, words that only say "a quote" (`Zitat`, `sagt`) are dropped, and the
//! rest is searched in the quoted text like `praev search` does. A matching role or speaker weighs
//! [`WHO_WEIGHT`] times a text word, so the right person's quotes come first; a similar
//! office (`Bürgermeister` for `Oberbürgermeister`, a part of the word) ranks below.
//! Without a query, quotes are listed by municipality and document. `--role` keeps the quotes of
//! that office or a narrower one ([`RoleMatcher`]).
//!
//! Reported statements (indirect speech, signed texts; see `ingest::quotes`) are listed with
//! the direct quotes; ranked, their score is multiplied by [`REPORTED_FACTOR`], so a direct
//! quote comes before a reported statement that matches as well. [`QuoteForm`] keeps one kind.

use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentReader, TantivyDocument, Term};

use super::compile::{to_tantivy, to_tantivy_in};
use super::filters::{DateRange, PassageFilter};
use super::hits::{stored_str, HitBuilder};
use super::plan::QueryPlan;
use super::roles::RoleMatcher;
use super::search::{sort_by_date, SortOrder};
use super::speakers::speaker_matches;
use super::{Hit, SearchResults};
use crate::analysis::TermMatcher;
use crate::error::{Error, Result};
use crate::index::schema::REPORTED;
use crate::index::PraevIndex;
use crate::ingest::german::offices::ends_with_role;

/// Weight of a query word found in a quote's role or speaker, relative to a text word.
pub const WHO_WEIGHT: f32 = 2.0;
/// Weight of an office word of the query (`Landrat`, `Koordinatorin`) found in the quoted text
/// rather than the role: quotes about the office come after those of its holders (weighted by
/// [`WHO_WEIGHT`]) and after those about the query's topic words. Measured on the dev set's quote
/// queries through `praev quotes`: 0.882 without (such quotes were not found), 0.909 at 0.1,
/// 0.903 at 0.25 (a mention then competes with a topic word), 0.901 at 0.5.
pub const OFFICE_MENTION_WEIGHT: f32 = 0.1;
/// A reported statement's score relative to a direct quote's that matches as well: the
/// person's own words come first.
pub const REPORTED_FACTOR: f32 = 0.8;
/// Words that ask for a quote rather than say what it is about (folded stems are compared).
const QUOTE_WORDS: [&str; 14] = [
    "Zitat",
    "Zitate",
    "zitiert",
    "Aussage",
    "Aussagen",
    "Statement",
    "Stellungnahme",
    "Äußerung",
    "sagt",
    "sagte",
    "sagen",
    "meint",
    "betont",
    "O-Ton",
];

/// What `praev quotes` asks for.
#[derive(Debug, Clone, Default)]
pub struct QuoteRequest {
    /// Ranks by relevance when given; otherwise quotes are listed by municipality.
    pub query: Option<String>,
    /// Only quotes of this person, by any form of the name ([`speaker_matches`]).
    pub speaker: Option<String>,
    /// Only quotes of a role holding these words (analysed: `Landrätin` finds `Landrat`).
    pub role: Option<String>,
    pub municipalities: Vec<String>,
    pub limit: usize,
    /// Without synonyms for the text words.
    pub exact: bool,
    /// Only direct quotes or only reported statements; both when None.
    pub form: Option<QuoteForm>,
    /// Only quotes of documents dated in this range.
    pub dates: DateRange,
    /// By score (or, without a query, by municipality), or newest document first.
    pub sort: SortOrder,
}

/// The two kinds of quote passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteForm {
    /// The person's words in quotation marks.
    Direct,
    /// Indirect speech or a text the person signs.
    Reported,
}

/// The query words sorted by where they are searched.
#[derive(Debug, Default, PartialEq)]
struct SortedWords {
    text: Vec<String>,
    role: Vec<String>,
    speaker: Vec<String>,
    /// Office words held by some role, also searched in the text with
    /// [`OFFICE_MENTION_WEIGHT`].
    office_in_text: Vec<String>,
}

pub fn find_quotes(index: &PraevIndex, request: &QuoteRequest) -> Result<SearchResults> {
    let filter =
        PassageFilter { dates: request.dates, ..PassageFilter::quotes(request.municipalities.clone()) };
    let query_text = request.query.as_deref().unwrap_or("").trim();
    let words = sort_words(index, query_text);
    let (ranking, highlight) = ranking_query(index, &words, request.exact);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, ranking)];
    if let Some(form) = request.form {
        let reported: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_u64(index.fields.reported, 1),
            IndexRecordOption::Basic,
        ));
        let occur = if form == QuoteForm::Reported { Occur::Must } else { Occur::MustNot };
        clauses.push((occur, reported));
    }
    let role = match &request.role {
        Some(role) => {
            Some(RoleMatcher::new(&index.analyzer, &index.analysis.synonyms, role).ok_or_else(|| {
                let shown: String = role.chars().take(60).collect();
                let cut = if shown.len() < role.len() { "…" } else { "" };
                Error::InvalidArgument(format!(
                    "--role {shown:?}{cut} names no office: it has only stop words or words too long to be one"
                ))
            })?)
        }
        None => None,
    };
    let query = filter.restrict(index, Box::new(BooleanQuery::new(clauses)));
    let searcher = index.reader.searcher();
    let limit = request.limit.max(1);
    let ranked = words != SortedWords::default();
    let filtered = role.is_some() || request.speaker.is_some();
    let by_date = request.sort == SortOrder::Date;
    // By date, every match is a candidate: the newest need not be among the best.
    let fetch = if ranked && !filtered && !by_date { limit } else { searcher.num_docs().max(1) as usize };
    let ranking = TopDocs::with_limit(fetch).tweak_score(move |segment: &SegmentReader| {
        let reported = segment.fast_fields().u64(REPORTED).ok().map(|column| column.first_or_default_col(0));
        move |doc: DocId, score: Score| match &reported {
            Some(column) if column.get_val(doc) == 1 => score * REPORTED_FACTOR,
            _ => score,
        }
    });
    let (top, mut total_hits) = searcher.search(&*query, &(ranking, Count))?;
    // `--role` and `--speaker` are checked on the stored fields before a hit is built, so the
    // quotes they drop are never highlighted; roles repeat, so each is matched once.
    let mut role_verdicts: HashMap<String, bool> = HashMap::new();
    let mut admits = |doc: &TantivyDocument| {
        let role_fits = role.as_ref().is_none_or(|matcher| {
            stored_str(doc, index.fields.role).is_some_and(|held| {
                *role_verdicts.entry(held).or_insert_with_key(|held| matcher.matches(&index.analyzer, held))
            })
        });
        let speaker_fits = request.speaker.as_deref().is_none_or(|asked| {
            stored_str(doc, index.fields.speaker).is_some_and(|name| speaker_matches(asked, &name))
        });
        role_fits && speaker_fits
    };
    let mut builder = HitBuilder::new(index, TermMatcher::new(highlight));
    let mut hits: Vec<Hit> = Vec::with_capacity(top.len().min(limit));
    let mut admitted = 0;
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        if !admits(&doc) {
            continue;
        }
        admitted += 1;
        // Ranked hits come best first: those beyond the limit are only counted.
        if !ranked || by_date || hits.len() < limit {
            hits.push(builder.hit(&doc, score));
        }
    }
    if filtered {
        total_hits = admitted;
    }
    if !ranked {
        hits.sort_by_key(listing_order);
    }
    if by_date {
        sort_by_date(&mut hits);
    }
    hits.truncate(limit);
    Ok(SearchResults {
        query: query_text.to_string(),
        total_hits,
        hits,
        note: None,
        feedback_terms: Vec::new(),
    })
}

/// Without a query: by municipality (none last), then document and place in it.
fn listing_order(hit: &Hit) -> (bool, String, String, u64) {
    (hit.municipality.is_none(), hit.municipality.clone().unwrap_or_default(), hit.file.clone(), hit.passage)
}

/// Sorts the query's words into role, speaker and text words; quote-asking words are dropped.
fn sort_words(index: &PraevIndex, query: &str) -> SortedWords {
    let searcher = index.reader.searcher();
    let holds = |field: Field, term: &str| {
        searcher.doc_freq(&Term::from_field_text(field, term)).is_ok_and(|n| n > 0)
    };
    let quote_words: Vec<String> = QUOTE_WORDS.iter().flat_map(|w| index.analyzer.primary_terms(w)).collect();
    let mut sorted = SortedWords::default();
    for word in query.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '"' && c != '„' && c != '“');
        let Some(term) = index.analyzer.primary_terms(word).into_iter().next() else { continue };
        if quote_words.contains(&term) {
            continue;
        }
        let in_role = holds(index.fields.role, &term);
        let in_speaker = holds(index.fields.speaker, &term);
        if in_role {
            sorted.role.push(word.to_string());
        }
        if in_speaker {
            sorted.speaker.push(word.to_string());
        }
        // A role word that names no office (`Kreis Lippe` of `Verwaltungsvorstand beim Kreis
        // Lippe`, `Jugend` of `Fachbereichsleiter Jugend`) also says what or where the quote is
        // about: it is searched in the text too. An office word (`Landrat`) is searched in the
        // text only weakly, so that quotes merely mentioning the office come after its holders'.
        let office = ends_with_role(&word.to_lowercase());
        if !in_speaker && (!in_role || !office) {
            sorted.text.push(word.to_string());
        } else if in_role && office {
            sorted.office_in_text.push(word.to_string());
        }
    }
    sorted
}

/// The scoring query of the sorted words (every quote when there are none) and the terms to
/// highlight in the quoted text.
fn ranking_query(
    index: &PraevIndex,
    words: &SortedWords,
    exact: bool,
) -> (Box<dyn Query>, std::collections::HashSet<String>) {
    let mut options: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut highlight = std::collections::HashSet::new();
    if !words.text.is_empty() {
        let plan = super::search::plan(index, &words.text.join(" "), exact);
        highlight = plan.highlight_terms();
        options.push((Occur::Should, to_tantivy(&plan, &index.fields)));
    }
    if !words.office_in_text.is_empty() {
        let plan = super::search::plan(index, &words.office_in_text.join(" "), exact);
        let mentions = to_tantivy(&plan, &index.fields);
        options.push((Occur::Should, Box::new(BoostQuery::new(mentions, OFFICE_MENTION_WEIGHT))));
    }
    for (who, field) in [(&words.role, index.fields.role), (&words.speaker, index.fields.speaker)] {
        if who.is_empty() {
            continue;
        }
        let plan = QueryPlan::framed(&index.analyzer, &index.analysis.question_frames, &who.join(" "), None);
        let query = to_tantivy_in(&plan, &index.fields, field);
        options.push((Occur::Should, Box::new(BoostQuery::new(query, WHO_WEIGHT))));
    }
    if options.is_empty() {
        return (Box::new(AllQuery), highlight);
    }
    (Box::new(BooleanQuery::new(options)), highlight)
}
