//! From a ranked passage to a [`Hit`]: reading stored fields, highlighting, and the cap on
//! passages per file. Every ranking (search, themes, quotes, wording) builds its hits here, so
//! a hit looks the same whichever command found it.

use std::collections::HashMap;

use tantivy::schema::{Field, Value};
use tantivy::TantivyDocument;

use super::highlight::highlights;
use crate::analysis::{GermanAnalyzer, TermMatcher};
use crate::index::PraevIndex;

/// Passages per file shown by default: two, so that one long document does not fill the
/// list and more municipalities show (measured on the dev set: R@20 0.704 → 0.734).
pub const DEFAULT_PER_FILE: usize = 2;
/// How many passages to fetch per shown hit when passages per file are capped (or discounted),
/// so the cap does not shrink the list.
pub const FETCH_FACTOR: usize = 5;

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
    /// The document's title and where it was published.
    pub title: Option<String>,
    pub url: Option<String>,
    /// The Kreis of the municipality, when it is a Gemeinde of one.
    pub district: Option<String>,
    /// Quote passages: the quoted words alone (`text` holds them with their attribution).
    pub quote: Option<String>,
    /// A quote that runs into the end of a cut text: the statement goes on beyond it.
    pub truncated: bool,
    /// A reported statement (indirect speech, a signed text), not a direct quote.
    pub reported: bool,
    /// The page of a paged document (PDF) the passage is on, from 1.
    pub page: Option<u64>,
}

/// A stored text field of a passage.
pub fn stored_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

/// How many passages to fetch for `limit` hits: more when a cap per file may drop some.
pub fn fetch_size(limit: usize, capped: bool) -> usize {
    if capped {
        limit.saturating_mul(FETCH_FACTOR)
    } else {
        limit
    }
}

/// Builds hits with one analyzer for all of them, so words repeated across passages are
/// analysed once.
pub struct HitBuilder<'a> {
    index: &'a PraevIndex,
    analyzer: GermanAnalyzer,
    highlight: TermMatcher,
}

impl<'a> HitBuilder<'a> {
    /// A builder highlighting `highlight` (see [`TermMatcher`]).
    pub fn new(index: &'a PraevIndex, highlight: TermMatcher) -> HitBuilder<'a> {
        HitBuilder { index, analyzer: index.analyzer.clone(), highlight }
    }

    /// The analyzer the builder highlights with, for callers that analyse the hit further.
    pub fn analyzer(&mut self) -> &mut GermanAnalyzer {
        &mut self.analyzer
    }

    /// The hit of a stored passage with its score.
    pub fn hit(&mut self, doc: &TantivyDocument, score: f32) -> Hit {
        let mut hit = stored_hit(self.index, doc);
        hit.highlights = highlights(&mut self.analyzer, &hit.text, &self.highlight)
            .into_iter()
            .map(|r| [r.start, r.end])
            .collect();
        hit.score = score;
        hit
    }
}

/// A stored passage as a hit without highlights and with score 0: what `praev export` lists.
pub fn stored_hit(index: &PraevIndex, doc: &TantivyDocument) -> Hit {
    let f = &index.fields;
    Hit {
        file: stored_str(doc, f.file).unwrap_or_default(),
        passage: doc.get_first(f.passage).and_then(|v| v.as_u64()).unwrap_or(0),
        municipality: stored_str(doc, f.municipality),
        kind: stored_str(doc, f.kind).unwrap_or_else(|| "other".into()),
        section: stored_str(doc, f.section),
        date: stored_str(doc, f.date),
        text: stored_str(doc, f.text).unwrap_or_default(),
        highlights: Vec::new(),
        score: 0.0,
        speaker: stored_str(doc, f.speaker),
        role: stored_str(doc, f.role),
        title: stored_str(doc, f.title),
        url: stored_str(doc, f.url),
        district: stored_str(doc, f.district),
        quote: stored_str(doc, f.quote),
        truncated: doc.get_first(f.truncated).and_then(|v| v.as_u64()).is_some_and(|v| v == 1),
        reported: doc.get_first(f.reported).and_then(|v| v.as_u64()).is_some_and(|v| v == 1),
        page: doc.get_first(f.page).and_then(|v| v.as_u64()),
    }
}

/// Calls `each` with every passage of the index as a [`stored_hit`], segment by segment in
/// the order tantivy stores them, reading one passage at a time.
pub fn for_each_passage<E: From<crate::error::Error>>(
    index: &PraevIndex,
    mut each: impl FnMut(Hit) -> Result<(), E>,
) -> Result<(), E> {
    let searcher = index.reader.searcher();
    for segment in searcher.segment_readers() {
        let store = segment.get_store_reader(1).map_err(|e| crate::error::Error::Tantivy(e.into()))?;
        for doc in store.iter::<TantivyDocument>(segment.alive_bitset()) {
            let doc = doc.map_err(crate::error::Error::Tantivy)?;
            each(stored_hit(index, &doc))?;
        }
    }
    Ok(())
}

/// Counts the passages seen per file (best first) and admits at most `cap` of each (0: all).
pub struct PerFileCap {
    cap: usize,
    file_field: Field,
    seen: HashMap<String, usize>,
}

impl PerFileCap {
    pub fn new(index: &PraevIndex, cap: usize) -> PerFileCap {
        PerFileCap { cap, file_field: index.fields.file, seen: HashMap::new() }
    }

    /// The passage's rank within its file (1 for the file's best passage), or None when the
    /// file already has `cap` passages.
    pub fn admit(&mut self, doc: &TantivyDocument) -> Option<usize> {
        let seen = self.seen.entry(stored_str(doc, self.file_field).unwrap_or_default()).or_insert(0);
        *seen += 1;
        (self.cap == 0 || *seen <= self.cap).then_some(*seen)
    }
}
