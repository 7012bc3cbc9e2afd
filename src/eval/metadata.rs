//! Metadata evaluation: how often the detected municipality, kind and date of a corpus's
//! documents agree with a dataset's `manifest.tsv`, the truth.
//!
//! It owns reading the truth (`file url municipality kind date`, tab-separated, the rules of
//! [`super::tsv`]; `-` or an empty cell means "none") and scoring detected document records
//! against it: accuracy per field and every miss. A manifest `kind` is read like a praev kind
//! ([`DocKind::parse`]), with the evaluation sets' `news` counting as `article`. Files are
//! matched by their path relative to the corpus; when no truth row names a folder, by base name
//! (as qrels are). It does not build the index: the caller indexes the corpus without applying
//! this manifest (it is the answer, not a correction) and hands over the records.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::tsv::{self, line_error};
use crate::error::{Error, Result};
use crate::index::meta::DocumentRecord;
use crate::ingest::DocKind;

pub const MANIFEST_FILE: &str = "manifest.tsv";

/// The fields that are scored, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MetaField {
    Municipality,
    Kind,
    Date,
}

impl MetaField {
    pub const ALL: [MetaField; 3] = [MetaField::Municipality, MetaField::Kind, MetaField::Date];

    pub fn as_str(self) -> &'static str {
        match self {
            MetaField::Municipality => "municipality",
            MetaField::Kind => "kind",
            MetaField::Date => "date",
        }
    }
}

/// One document's true metadata; `None` means the document has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrueMeta {
    pub line: usize,
    /// Relative to the corpus folder, `/`-separated.
    pub file: String,
    pub municipality: Option<String>,
    pub kind: DocKind,
    pub date: Option<String>,
}

/// The rows of a dataset's `manifest.tsv`.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    pub rows: Vec<TrueMeta>,
    by_basename: bool,
}

impl Truth {
    /// Reads `root/manifest.tsv`.
    pub fn read(root: &Path) -> Result<Truth> {
        let path = root.join(MANIFEST_FILE);
        if !path.is_file() {
            return Err(Error::InvalidArgument(format!(
                "{} does not exist: --metadata scores the detected metadata against DATASET/{MANIFEST_FILE} \
                 (columns file, municipality, kind, date)",
                path.display()
            )));
        }
        let text =
            std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        Truth::parse(&path, &text)
    }

    /// Parses the contents of a manifest; `path` is for error messages.
    pub fn parse(path: &Path, text: &str) -> Result<Truth> {
        let mut rows: Vec<TrueMeta> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for row in tsv::parse(path, text, &["file", "municipality", "kind", "date"])? {
            let file = row.get("file").replace('\\', "/");
            let file = file.strip_prefix("./").unwrap_or(&file).to_string();
            if none(&file).is_none() {
                return Err(line_error(path, row.line, "empty `file`: every row must name a file"));
            }
            if let Some(first) = seen.insert(file.clone(), row.line) {
                return Err(line_error(
                    path,
                    row.line,
                    format!("{file} is listed twice (first on line {first})"),
                ));
            }
            let kind = true_kind(row.get("kind"))
                .ok_or_else(|| line_error(path, row.line, format!("unknown kind {:?}", row.get("kind"))))?;
            rows.push(TrueMeta {
                line: row.line,
                file,
                municipality: none(row.get("municipality")).map(str::to_string),
                kind,
                date: none(row.get("date")).map(str::to_string),
            });
        }
        let by_basename = rows.iter().all(|r| !r.file.contains('/'));
        Ok(Truth { rows, by_basename })
    }

    /// The name under which the truth knows an indexed file.
    fn key(&self, file: &str) -> String {
        if self.by_basename {
            file.rsplit('/').next().unwrap_or(file).to_string()
        } else {
            file.to_string()
        }
    }
}

/// `-` and an empty cell mean "none".
fn none(cell: &str) -> Option<&str> {
    Some(cell.trim()).filter(|v| !v.is_empty() && *v != "-")
}

/// A manifest kind as praev files it: `news` is an article; the rest as [`DocKind::parse`]
/// reads them, so kinds praev learns later count at once.
fn true_kind(name: &str) -> Option<DocKind> {
    if name.trim().eq_ignore_ascii_case("news") {
        Some(DocKind::Article)
    } else {
        DocKind::parse(name)
    }
}

/// Right answers of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldScore {
    pub field: MetaField,
    pub correct: usize,
    /// The truth's rows (a file that was not indexed counts as wrong).
    pub total: usize,
}

impl FieldScore {
    /// The share right, 0–1 (0 for no rows).
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// One field of one document detected wrong; `None` is "none".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub file: String,
    pub field: MetaField,
    pub detected: Option<String>,
    pub expected: Option<String>,
}

/// The scores of a corpus's detected metadata.
#[derive(Debug, Clone)]
pub struct MetadataEvaluation {
    pub dataset: PathBuf,
    /// Rows of the truth.
    pub documents: usize,
    /// In [`MetaField::ALL`] order.
    pub fields: Vec<FieldScore>,
    /// By file in the truth's order, then by field.
    pub misses: Vec<Miss>,
    /// Files the truth names that the index does not hold (skipped or absent).
    pub not_indexed: Vec<String>,
}

impl MetadataEvaluation {
    pub fn field(&self, field: MetaField) -> FieldScore {
        self.fields.iter().copied().find(|f| f.field == field).expect("every field is scored")
    }
}

/// Scores `documents` (the records of an index) against `truth`.
pub fn evaluate_metadata(dataset: &Path, truth: &Truth, documents: &[DocumentRecord]) -> MetadataEvaluation {
    let by_key: HashMap<String, &DocumentRecord> =
        documents.iter().map(|d| (truth.key(&d.file), d)).collect();
    let mut correct: HashMap<MetaField, usize> = HashMap::new();
    let mut misses = Vec::new();
    let mut not_indexed = Vec::new();
    for row in &truth.rows {
        let Some(record) = by_key.get(&truth.key(&row.file)) else {
            not_indexed.push(row.file.clone());
            continue;
        };
        for field in MetaField::ALL {
            let (detected, expected) = values(field, record, row);
            if detected == expected {
                *correct.entry(field).or_default() += 1;
            } else {
                misses.push(Miss { file: row.file.clone(), field, detected, expected });
            }
        }
    }
    let fields = MetaField::ALL
        .into_iter()
        .map(|field| FieldScore {
            field,
            correct: correct.get(&field).copied().unwrap_or(0),
            total: truth.rows.len(),
        })
        .collect();
    MetadataEvaluation {
        dataset: dataset.to_path_buf(),
        documents: truth.rows.len(),
        fields,
        misses,
        not_indexed,
    }
}

/// The detected and the true value of one field, as compared.
fn values(field: MetaField, record: &DocumentRecord, row: &TrueMeta) -> (Option<String>, Option<String>) {
    match field {
        MetaField::Municipality => (trimmed(&record.meta.municipality), row.municipality.clone()),
        MetaField::Kind => (Some(record.meta.kind.as_str().to_string()), Some(row.kind.as_str().to_string())),
        MetaField::Date => (trimmed(&record.meta.date), row.date.clone()),
    }
}

fn trimmed(value: &Option<String>) -> Option<String> {
    value.as_deref().and_then(none).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::DocumentMeta;

    fn record(file: &str, municipality: Option<&str>, kind: DocKind, date: Option<&str>) -> DocumentRecord {
        DocumentRecord {
            file: file.into(),
            encoding: "UTF-8".into(),
            passages: 1,
            quotes: 0,
            pages: None,
            meta: DocumentMeta {
                kind,
                municipality: municipality.map(String::from),
                date: date.map(String::from),
                ..DocumentMeta::default()
            },
        }
    }

    const MANIFEST: &str = "file\turl\tmunicipality\tkind\tdate\n\
        a.txt\thttps://example.org/a\tKreis Lippe\tnews\t2017-05\n\
        b.txt\t-\t-\tpress\t-\n\
        c.txt\t\tKrefeld\tleitbild\t\n\
        d.txt\t-\tWuppertal\tother\t2015\n";

    fn truth() -> Truth {
        Truth::parse(Path::new("manifest.tsv"), MANIFEST).unwrap()
    }

    #[test]
    fn scores_each_field_and_lists_the_misses() {
        let documents = [
            // Right on all three: `news` is an article.
            record("sub/a.txt", Some("Kreis Lippe"), DocKind::Article, Some("2017-05")),
            // A municipality where the truth has none, a date where it has none.
            record("b.txt", Some("Kreis Steinfurt"), DocKind::Press, Some("2017-05-26")),
            // The wrong kind, no date where none is true.
            record("c.txt", Some("Krefeld"), DocKind::Profile, None),
        ];
        let eval = evaluate_metadata(Path::new("ds"), &truth(), &documents);
        let scores: Vec<(MetaField, usize, usize)> =
            eval.fields.iter().map(|f| (f.field, f.correct, f.total)).collect();
        assert_eq!(
            scores,
            [(MetaField::Municipality, 2, 4), (MetaField::Kind, 2, 4), (MetaField::Date, 2, 4)]
        );
        assert_eq!(eval.not_indexed, ["d.txt"], "a truth row without a document counts as wrong");
        let misses: Vec<(&str, MetaField, Option<&str>, Option<&str>)> = eval
            .misses
            .iter()
            .map(|m| (m.file.as_str(), m.field, m.detected.as_deref(), m.expected.as_deref()))
            .collect();
        assert_eq!(
            misses,
            [
                ("b.txt", MetaField::Municipality, Some("Kreis Steinfurt"), None),
                ("b.txt", MetaField::Date, Some("2017-05-26"), None),
                ("c.txt", MetaField::Kind, Some("profile"), Some("leitbild")),
            ]
        );
        assert!((eval.field(MetaField::Kind).accuracy() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn paths_match_exactly_when_the_truth_names_folders() {
        let text = "file\tmunicipality\tkind\tdate\nsub/a.txt\t-\tother\t-\n";
        let truth = Truth::parse(Path::new("m.tsv"), text).unwrap();
        let elsewhere = [record("other/a.txt", None, DocKind::Other, None)];
        assert_eq!(evaluate_metadata(Path::new("ds"), &truth, &elsewhere).not_indexed, ["sub/a.txt"]);
        let here = [record("sub/a.txt", None, DocKind::Other, None)];
        let eval = evaluate_metadata(Path::new("ds"), &truth, &here);
        assert!(eval.misses.is_empty() && eval.not_indexed.is_empty());
    }

    #[test]
    fn bad_rows_name_their_line() {
        let cases = [
            ("file\tkind\tdate\n", "municipality"),
            ("file\tmunicipality\tkind\tdate\na.txt\t-\tblog\t-\n", "line 2: unknown kind \"blog\""),
            (
                "file\tmunicipality\tkind\tdate\na.txt\t-\tnews\t-\na.txt\t-\tnews\t-\n",
                "line 3: a.txt is listed twice",
            ),
            ("file\tmunicipality\tkind\tdate\n-\t-\tnews\t-\n", "line 2: empty `file`"),
        ];
        for (text, fragment) in cases {
            let err = Truth::parse(Path::new("manifest.tsv"), text).expect_err(text).to_string();
            assert!(err.contains(fragment), "{text:?}: {err} lacks {fragment:?}");
        }
    }
}
