//! `praev eval DATASET --metadata`: the accuracy of the detected municipality, kind and date,
//! and the misses. JSON: `{"dataset", "documents", "not_indexed", "accuracy": {field:
//! {"correct", "total", "accuracy"}}, "misses": [{"file", "field", "detected", "expected"}]}`;
//! JSON lines and CSV: one miss per line or row (`null` or an empty cell for "none").

use std::fmt::Write as _;

use serde::Serialize;

use super::{shares_table, shown};
use crate::eval::metadata::{FieldScore, MetaField, MetadataEvaluation, Miss};
use crate::output::number::f64_json;
use crate::output::table::new_table;
use crate::output::{Csv, Report, Style};

/// The CSV columns of a miss.
pub const CSV_HEADER: [&str; 4] = ["file", "field", "detected", "expected"];

#[derive(Serialize)]
pub struct FieldJson {
    correct: usize,
    total: usize,
    #[serde(serialize_with = "f64_json")]
    accuracy: f64,
}

impl From<FieldScore> for FieldJson {
    fn from(score: FieldScore) -> Self {
        FieldJson { correct: score.correct, total: score.total, accuracy: score.accuracy() }
    }
}

/// The fields under their names, in display order.
#[derive(Serialize)]
pub struct AccuracyJson {
    municipality: FieldJson,
    kind: FieldJson,
    date: FieldJson,
}

#[derive(Serialize)]
pub struct MissJson<'a> {
    file: &'a str,
    field: MetaField,
    detected: Option<&'a str>,
    expected: Option<&'a str>,
}

impl<'a> From<&'a Miss> for MissJson<'a> {
    fn from(miss: &'a Miss) -> Self {
        MissJson {
            file: &miss.file,
            field: miss.field,
            detected: miss.detected.as_deref(),
            expected: miss.expected.as_deref(),
        }
    }
}

#[derive(Serialize)]
pub struct MetadataJson<'a> {
    dataset: String,
    documents: usize,
    not_indexed: &'a [String],
    accuracy: AccuracyJson,
    misses: Vec<MissJson<'a>>,
}

/// `praev eval DATASET --metadata`.
pub struct MetadataReport<'a>(pub &'a MetadataEvaluation);

impl Report for MetadataReport<'_> {
    type Document<'a>
        = MetadataJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = MissJson<'a>
    where
        Self: 'a;

    fn document(&self) -> MetadataJson<'_> {
        let eval = self.0;
        MetadataJson {
            dataset: eval.dataset.display().to_string(),
            documents: eval.documents,
            not_indexed: &eval.not_indexed,
            accuracy: AccuracyJson {
                municipality: eval.field(MetaField::Municipality).into(),
                kind: eval.field(MetaField::Kind).into(),
                date: eval.field(MetaField::Date).into(),
            },
            misses: self.lines(),
        }
    }

    fn lines(&self) -> Vec<MissJson<'_>> {
        self.0.misses.iter().map(MissJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for miss in &self.0.misses {
            csv.push([
                miss.file.clone(),
                miss.field.as_str().to_string(),
                miss.detected.clone().unwrap_or_default(),
                miss.expected.clone().unwrap_or_default(),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        let eval = self.0;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "detected metadata of {} against its manifest.tsv: {} documents",
            eval.dataset.display(),
            eval.documents
        );
        let rows = eval.fields.iter().map(|score| (score.field.as_str(), score.correct, score.total));
        let _ = writeln!(out, "{}", shares_table(style, ["field", "correct", "total", "accuracy"], rows));
        if !eval.not_indexed.is_empty() {
            let _ = writeln!(out, "not indexed (counted wrong): {}", eval.not_indexed.join(", "));
        }
        if eval.misses.is_empty() {
            let _ = writeln!(out, "no misses");
            return out;
        }
        let mut misses = new_table(style, CSV_HEADER.to_vec());
        for miss in &eval.misses {
            misses.add_row(vec![
                miss.file.clone(),
                miss.field.as_str().to_string(),
                shown(&miss.detected),
                shown(&miss.expected),
            ]);
        }
        let _ = writeln!(out, "{misses}");
        out
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::eval::metadata::{evaluate_metadata, Truth};
    use crate::index::meta::DocumentRecord;
    use crate::ingest::{DocKind, DocumentMeta};
    use crate::output::{emit, Format};

    fn evaluation() -> MetadataEvaluation {
        let truth = Truth::parse(
            Path::new("manifest.tsv"),
            "file\tmunicipality\tkind\tdate\na.txt\tKreis Lippe\tnews\t-\nb.txt\t-\tpress\t2020\n",
        )
        .unwrap();
        let record = |file: &str, municipality: Option<&str>| DocumentRecord {
            file: file.into(),
            encoding: "UTF-8".into(),
            passages: 1,
            quotes: 0,
            pages: None,
            meta: DocumentMeta {
                kind: DocKind::Article,
                municipality: municipality.map(String::from),
                ..DocumentMeta::default()
            },
        };
        evaluate_metadata(
            Path::new("ds"),
            &truth,
            &[record("a.txt", Some("Kreis Lippe")), record("b.txt", None)],
        )
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        emit(&MetadataReport(&evaluation()), format, &mut out, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_has_accuracy_per_field_and_the_misses() {
        let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(v["documents"], 2);
        assert_eq!(v["accuracy"]["municipality"]["correct"], 2);
        assert_eq!(v["accuracy"]["kind"]["accuracy"], 0.5);
        assert_eq!(v["accuracy"]["date"]["total"], 2);
        assert_eq!(
            v["misses"],
            serde_json::json!([
                {"file": "b.txt", "field": "kind", "detected": "article", "expected": "press"},
                {"file": "b.txt", "field": "date", "detected": null, "expected": "2020"},
            ])
        );
    }

    #[test]
    fn csv_and_jsonl_list_the_misses() {
        assert_eq!(
            render(Format::Csv),
            "file,field,detected,expected\nb.txt,kind,article,press\nb.txt,date,,2020\n"
        );
        assert_eq!(render(Format::Jsonl).lines().count(), 2);
        let table = render(Format::Table);
        assert!(table.contains("50.0%") && table.contains("100.0%"), "{table}");
    }
}
