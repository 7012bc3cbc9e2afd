//! Every passage of one document, in order: what a reader of the whole document sees (the web
//! server's document view). Unlike the searches, nothing is ranked or highlighted.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::hits::{Hit, HitBuilder};
use crate::analysis::TermMatcher;
use crate::error::Result;
use crate::index::PraevIndex;

/// The most passages one document may have; the index cuts documents far below this.
const MAX_PASSAGES: usize = 1_000_000;

/// The passages of `file` (quote passages included, numbered after the text's), ordered by
/// their number, as hits without score or highlights. Empty when the index has no such file.
pub fn document_passages(index: &PraevIndex, file: &str) -> Result<Vec<Hit>> {
    let searcher = index.reader.searcher();
    let query = TermQuery::new(Term::from_field_text(index.fields.file, file), IndexRecordOption::Basic);
    let mut builder = HitBuilder::new(index, TermMatcher::new(Default::default()));
    let mut passages = Vec::new();
    for (_, address) in searcher.search(&query, &TopDocs::with_limit(MAX_PASSAGES))? {
        let doc: TantivyDocument = searcher.doc(address)?;
        passages.push(builder.hit(&doc, 0.0));
    }
    passages.sort_by_key(|hit| hit.passage);
    Ok(passages)
}
