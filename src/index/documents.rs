//! The documents of an index with what was detected about them, for people to check: which
//! documents have no municipality, no date, the wrong kind, so that the manifest can fix them.
//!
//! Reads the per-document records (`documents.jsonl`); filters them by municipality (or
//! district) and kind, and counts how many of them have each field.

use super::meta::DocumentRecord;
use super::PraevIndex;
use crate::error::Result;
use crate::ingest::DocKind;

/// Which documents to list; empty lists mean all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFilter {
    /// Exact municipality or district names, as `query::resolve_municipalities` gives them: a
    /// document matches when its municipality or its district is one of them.
    pub municipalities: Vec<String>,
    pub kinds: Vec<DocKind>,
}

impl DocumentFilter {
    pub fn admits(&self, record: &DocumentRecord) -> bool {
        let named = |value: &Option<String>| value.as_ref().is_some_and(|v| self.municipalities.contains(v));
        let place = self.municipalities.is_empty()
            || named(&record.meta.municipality)
            || named(&record.meta.district);
        let kind = self.kinds.is_empty() || self.kinds.contains(&record.meta.kind);
        place && kind
    }
}

/// How many of the listed documents have each field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentCounts {
    pub documents: usize,
    /// Every kind, in [`DocKind::ALL`] order, with its number of documents.
    pub kinds: Vec<(DocKind, usize)>,
    pub with_municipality: usize,
    pub with_district: usize,
    pub with_date: usize,
    pub with_url: usize,
    /// Files of the corpus that were not indexed (binary, empty, unreadable); not filtered.
    pub skipped: usize,
}

/// The listed documents, in file order, and their counts.
#[derive(Debug, Clone)]
pub struct DocumentList {
    pub documents: Vec<DocumentRecord>,
    pub counts: DocumentCounts,
}

/// The documents of `index` that `filter` admits.
pub fn list(index: &PraevIndex, filter: &DocumentFilter) -> Result<DocumentList> {
    let mut documents: Vec<DocumentRecord> =
        index.documents()?.into_iter().filter(|d| filter.admits(d)).collect();
    documents.sort_by(|a, b| a.file.cmp(&b.file));
    let mut counts = count(&documents);
    counts.skipped = index.meta.skipped.len();
    Ok(DocumentList { documents, counts })
}

fn count(documents: &[DocumentRecord]) -> DocumentCounts {
    let having = |field: fn(&DocumentRecord) -> bool| documents.iter().filter(|d| field(d)).count();
    DocumentCounts {
        documents: documents.len(),
        kinds: DocKind::ALL
            .into_iter()
            .map(|kind| (kind, documents.iter().filter(|d| d.meta.kind == kind).count()))
            .collect(),
        with_municipality: having(|d| d.meta.municipality.is_some()),
        with_district: having(|d| d.meta.district.is_some()),
        with_date: having(|d| d.meta.date.is_some()),
        with_url: having(|d| d.meta.url.is_some()),
        skipped: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::DocumentMeta;

    fn record(
        file: &str,
        municipality: Option<&str>,
        district: Option<&str>,
        kind: DocKind,
    ) -> DocumentRecord {
        DocumentRecord {
            file: file.into(),
            encoding: "UTF-8".into(),
            passages: 2,
            quotes: 0,
            pages: None,
            meta: DocumentMeta {
                kind,
                municipality: municipality.map(String::from),
                district: district.map(String::from),
                ..DocumentMeta::default()
            },
        }
    }

    #[test]
    fn a_district_admits_its_municipalities() {
        let documents = [
            record("velbert.txt", Some("Velbert"), Some("Kreis Mettmann"), DocKind::Press),
            record("kreis.txt", Some("Kreis Mettmann"), None, DocKind::Profile),
            record("krefeld.txt", Some("Krefeld"), None, DocKind::Press),
            record("land.txt", None, None, DocKind::Other),
        ];
        // (filter, files admitted)
        let mettmann = vec!["Kreis Mettmann".to_string()];
        let cases = [
            (DocumentFilter::default(), vec!["velbert.txt", "kreis.txt", "krefeld.txt", "land.txt"]),
            (
                DocumentFilter { municipalities: mettmann.clone(), kinds: vec![] },
                vec!["velbert.txt", "kreis.txt"],
            ),
            (DocumentFilter { municipalities: mettmann, kinds: vec![DocKind::Press] }, vec!["velbert.txt"]),
            (
                DocumentFilter { municipalities: vec![], kinds: vec![DocKind::Press] },
                vec!["velbert.txt", "krefeld.txt"],
            ),
        ];
        for (filter, expected) in cases {
            let admitted: Vec<&str> =
                documents.iter().filter(|d| filter.admits(d)).map(|d| d.file.as_str()).collect();
            assert_eq!(admitted, expected, "{filter:?}");
        }
        let counts = count(&documents);
        assert_eq!((counts.documents, counts.with_municipality, counts.with_district), (4, 3, 1));
        assert!(
            counts.kinds.contains(&(DocKind::Press, 2)) && counts.kinds.contains(&(DocKind::Leitbild, 0))
        );
    }
}
