//! `praev documents`: every document with what was detected about it, and the counts.
//!
//! JSON: `{"total", "counts", "documents"}`; JSON lines: one document per line; CSV: one row
//! per document. The table shows the fields people check (title, kind, municipality, district,
//! date) and ends with the counts; url, encoding and figures are in the machine formats.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::table::{align_right, new_table};
use super::{Csv, Report, Style};
use crate::index::documents::{DocumentCounts, DocumentList};
use crate::index::meta::DocumentRecord;

/// The CSV columns of a document.
pub const CSV_HEADER: [&str; 16] = [
    "file",
    "title",
    "kind",
    "municipality",
    "district",
    "date",
    "url",
    "passages",
    "quotes",
    "encoding",
    "press_number",
    "year_joined",
    "population",
    "children_under_18",
    "contact_email",
    "pages",
];

/// A document as printed: the field names are the contract.
#[derive(Serialize)]
pub struct DocumentJson<'a> {
    file: &'a str,
    title: Option<&'a str>,
    kind: &'static str,
    municipality: Option<&'a str>,
    district: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    passages: usize,
    quotes: usize,
    encoding: &'a str,
    press_number: Option<&'a str>,
    year_joined: Option<u16>,
    population: Option<u64>,
    children_under_18: Option<u64>,
    contact_email: Option<&'a str>,
    /// The number of pages of a PDF; null for formats without pages.
    pages: Option<u32>,
}

impl<'a> From<&'a DocumentRecord> for DocumentJson<'a> {
    fn from(d: &'a DocumentRecord) -> Self {
        let m = &d.meta;
        DocumentJson {
            file: &d.file,
            title: m.title.as_deref(),
            kind: m.kind.as_str(),
            municipality: m.municipality.as_deref(),
            district: m.district.as_deref(),
            date: m.date.as_deref(),
            url: m.url.as_deref(),
            passages: d.passages,
            quotes: d.quotes,
            encoding: &d.encoding,
            press_number: m.press_number.as_deref(),
            year_joined: m.year_joined,
            population: m.population,
            children_under_18: m.children_under_18,
            contact_email: m.contact.as_ref().and_then(|c| c.email.as_deref()),
            pages: d.pages,
        }
    }
}

/// How many listed documents have each field; `kinds` counts every kind.
#[derive(Serialize)]
pub struct CountsJson {
    kinds: BTreeMap<&'static str, usize>,
    municipality: usize,
    district: usize,
    date: usize,
    url: usize,
    skipped: usize,
}

impl From<&DocumentCounts> for CountsJson {
    fn from(c: &DocumentCounts) -> Self {
        CountsJson {
            kinds: c.kinds.iter().map(|(kind, n)| (kind.as_str(), *n)).collect(),
            municipality: c.with_municipality,
            district: c.with_district,
            date: c.with_date,
            url: c.with_url,
            skipped: c.skipped,
        }
    }
}

#[derive(Serialize)]
pub struct DocumentsJson<'a> {
    total: usize,
    counts: CountsJson,
    documents: Vec<DocumentJson<'a>>,
}

/// `praev documents`.
pub struct DocumentsReport<'a>(pub &'a DocumentList);

impl Report for DocumentsReport<'_> {
    type Document<'a>
        = DocumentsJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = DocumentJson<'a>
    where
        Self: 'a;

    fn document(&self) -> DocumentsJson<'_> {
        DocumentsJson {
            total: self.0.counts.documents,
            counts: CountsJson::from(&self.0.counts),
            documents: self.lines(),
        }
    }

    fn lines(&self) -> Vec<DocumentJson<'_>> {
        self.0.documents.iter().map(DocumentJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for d in &self.0.documents {
            let m = &d.meta;
            let text = |value: &Option<String>| value.clone().unwrap_or_default();
            let number = |value: Option<u64>| value.map(|v| v.to_string()).unwrap_or_default();
            csv.push([
                d.file.clone(),
                text(&m.title),
                m.kind.as_str().to_string(),
                text(&m.municipality),
                text(&m.district),
                text(&m.date),
                text(&m.url),
                d.passages.to_string(),
                d.quotes.to_string(),
                d.encoding.clone(),
                text(&m.press_number),
                number(m.year_joined.map(u64::from)),
                number(m.population),
                number(m.children_under_18),
                m.contact.as_ref().and_then(|c| c.email.clone()).unwrap_or_default(),
                d.pages.map(|p| p.to_string()).unwrap_or_default(),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        let list = self.0;
        if list.documents.is_empty() {
            return format!("No documents.\n{}\n", summary(&list.counts));
        }
        let districts = list.documents.iter().any(|d| d.meta.district.is_some());
        let mut header = vec!["file", "title", "kind", "municipality", "date", "passages", "quotes"];
        if districts {
            header.insert(4, "district");
        }
        let mut table = new_table(style, header);
        for d in &list.documents {
            let shown = |value: &Option<String>| value.clone().unwrap_or_else(|| "–".into());
            let mut row = vec![
                d.file.clone(),
                shown(&d.meta.title),
                d.meta.kind.to_string(),
                shown(&d.meta.municipality),
            ];
            if districts {
                row.push(shown(&d.meta.district));
            }
            row.extend([shown(&d.meta.date), d.passages.to_string(), d.quotes.to_string()]);
            table.add_row(row);
        }
        let figures = if districts { 6 } else { 5 };
        align_right(&mut table, figures..figures + 2);
        format!("{table}\n{}\n", summary(&list.counts))
    }
}

/// `49 documents: article 20, press 5 …; with a municipality 40, a district 3, a date 12, a url 49`.
fn summary(counts: &DocumentCounts) -> String {
    let kinds: Vec<String> =
        counts.kinds.iter().filter(|(_, n)| *n > 0).map(|(kind, n)| format!("{kind} {n}")).collect();
    let noun = if counts.documents == 1 { "document" } else { "documents" };
    let mut out = format!("{} {noun}", counts.documents);
    if !kinds.is_empty() {
        let _ = write!(out, ": {}", kinds.join(", "));
    }
    let _ = write!(
        out,
        "; with a municipality {}, a district {}, a date {}, a url {}",
        counts.with_municipality, counts.with_district, counts.with_date, counts.with_url
    );
    if counts.skipped > 0 {
        let _ = write!(out, "; {} files skipped when indexing", counts.skipped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{DocKind, DocumentMeta};
    use crate::output::{emit, Format};

    fn list() -> DocumentList {
        let record = DocumentRecord {
            file: "presse/velbert.txt".into(),
            encoding: "UTF-8".into(),
            passages: 3,
            quotes: 1,
            pages: None,
            meta: DocumentMeta {
                kind: DocKind::Press,
                municipality: Some("Velbert".into()),
                district: Some("Kreis Mettmann".into()),
                title: Some("Frühe Hilfen, neu gedacht".into()),
                url: Some("https://www.velbert.de/presse/1".into()),
                ..DocumentMeta::default()
            },
        };
        let counts = DocumentCounts {
            documents: 1,
            kinds: DocKind::ALL.into_iter().map(|k| (k, usize::from(k == DocKind::Press))).collect(),
            with_municipality: 1,
            with_district: 1,
            with_date: 0,
            with_url: 1,
            skipped: 2,
        };
        DocumentList { documents: vec![record], counts }
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        emit(&DocumentsReport(&list()), format, &mut out, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_lists_documents_and_counts() {
        let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(v["total"], 1);
        assert_eq!(v["counts"]["kinds"]["press"], 1);
        assert_eq!(v["counts"]["kinds"]["leitbild"], 0);
        assert_eq!((v["counts"]["district"].as_u64(), v["counts"]["skipped"].as_u64()), (Some(1), Some(2)));
        let doc = &v["documents"][0];
        let keys: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), CSV_HEADER.len());
        assert!(CSV_HEADER.iter().all(|column| keys.contains(column)), "{keys:?}");
        assert_eq!((doc["district"].as_str(), doc["date"].is_null()), (Some("Kreis Mettmann"), true));
    }

    #[test]
    fn csv_and_table() {
        let csv = render(Format::Csv);
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_HEADER.to_vec());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(
            (&row[1], &row[4], &row[6]),
            ("Frühe Hilfen, neu gedacht", "Kreis Mettmann", "https://www.velbert.de/presse/1")
        );
        let table = render(Format::Table);
        assert!(table.contains("district") && table.contains("Kreis Mettmann"), "{table}");
        assert!(table.contains("1 document: press 1; with a municipality 1, a district 1, a date 0, a url 1; 2 files skipped"), "{table}");
    }
}
