//! `praev eval DATASET --quotes`: recall, precision, speaker and role accuracy of the extracted
//! quotes, and the problems. JSON: `{"dataset", "quotes", "found", "extracted", "borderline",
//! "false_positives", "recall", "precision", "speaker_accuracy", "role_accuracy", "problems":
//! [{"file", "quote", "problem", "detected", "expected"}]}` with `problem` one of `missed`,
//! `false_positive`, `speaker`, `role`; JSON lines and CSV: one problem per line or row (`null`
//! or an empty cell for "none").

use std::fmt::Write as _;

use serde::Serialize;

use super::{shares_table, shown};
use crate::eval::quotes::{Problem, QuoteEvaluation, QuoteMiss};
use crate::output::number::f64_json;
use crate::output::table::new_table;
use crate::output::{Csv, Report, Style};

/// The CSV columns of a problem.
pub const CSV_HEADER: [&str; 5] = ["file", "quote", "problem", "detected", "expected"];

#[derive(Serialize)]
pub struct ProblemJson<'a> {
    file: &'a str,
    quote: &'a str,
    problem: Problem,
    detected: Option<&'a str>,
    expected: Option<&'a str>,
}

impl<'a> From<&'a QuoteMiss> for ProblemJson<'a> {
    fn from(miss: &'a QuoteMiss) -> Self {
        ProblemJson {
            file: &miss.file,
            quote: &miss.quote,
            problem: miss.problem,
            detected: miss.detected.as_deref(),
            expected: miss.expected.as_deref(),
        }
    }
}

#[derive(Serialize)]
pub struct QuoteEvaluationJson<'a> {
    dataset: String,
    quotes: usize,
    found: usize,
    extracted: usize,
    borderline: usize,
    false_positives: usize,
    #[serde(serialize_with = "f64_json")]
    recall: f64,
    #[serde(serialize_with = "f64_json")]
    precision: f64,
    #[serde(serialize_with = "f64_json")]
    speaker_accuracy: f64,
    #[serde(serialize_with = "f64_json")]
    role_accuracy: f64,
    problems: Vec<ProblemJson<'a>>,
}

/// `praev eval DATASET --quotes`.
pub struct QuoteEvaluationReport<'a>(pub &'a QuoteEvaluation);

impl Report for QuoteEvaluationReport<'_> {
    type Document<'a>
        = QuoteEvaluationJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = ProblemJson<'a>
    where
        Self: 'a;

    fn document(&self) -> QuoteEvaluationJson<'_> {
        let eval = self.0;
        QuoteEvaluationJson {
            dataset: eval.dataset.display().to_string(),
            quotes: eval.quotes,
            found: eval.found,
            extracted: eval.extracted,
            borderline: eval.borderline,
            false_positives: eval.false_positives,
            recall: eval.recall(),
            precision: eval.precision(),
            speaker_accuracy: eval.speaker_accuracy(),
            role_accuracy: eval.role_accuracy(),
            problems: self.lines(),
        }
    }

    fn lines(&self) -> Vec<ProblemJson<'_>> {
        self.0.misses.iter().map(ProblemJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for miss in &self.0.misses {
            csv.push([
                miss.file.clone(),
                miss.quote.clone(),
                miss.problem.as_str().to_string(),
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
            "extracted quotes of {} against its quotes.tsv: {} quotes listed, {} extracted ({} borderline, counted neither way)",
            eval.dataset.display(),
            eval.quotes,
            eval.extracted,
            eval.borderline
        );
        let rows = [
            ("recall", eval.found, eval.quotes),
            ("precision", eval.found, eval.found + eval.false_positives),
            ("speaker", eval.speaker_correct, eval.found),
            ("role", eval.role_correct, eval.found),
        ];
        let _ = writeln!(out, "{}", shares_table(style, ["measure", "right", "of", "share"], rows));
        if eval.misses.is_empty() {
            let _ = writeln!(out, "no problems");
            return out;
        }
        let mut problems = new_table(style, CSV_HEADER.to_vec());
        for miss in &eval.misses {
            problems.add_row(vec![
                miss.file.clone(),
                miss.quote.clone(),
                miss.problem.as_str().to_string(),
                shown(&miss.detected),
                shown(&miss.expected),
            ]);
        }
        let _ = writeln!(out, "{problems}");
        out
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::eval::quotes::{evaluate_quotes, ExtractedQuote, QuoteTruth};
    use crate::output::{emit, Format};

    fn evaluation() -> QuoteEvaluation {
        let truth = QuoteTruth::parse(
            Path::new("quotes.tsv"),
            "file\tquote_start\tspeaker\trole\tnote\na.txt\tWir machen mit\tEva Roth\tLandrätin\t\nb.txt\tDas bleibt\tX\t\t\n",
        )
        .unwrap();
        let found = ExtractedQuote {
            file: "a.txt".into(),
            text: "Wir machen mit, sagen wir".into(),
            speaker: Some("Eva Roth".into()),
            role: None,
        };
        evaluate_quotes(Path::new("ds"), &truth, &[found])
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        emit(&QuoteEvaluationReport(&evaluation()), format, &mut out, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_has_the_shares_and_the_problems() {
        let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(
            (v["quotes"].as_u64(), v["found"].as_u64(), v["false_positives"].as_u64()),
            (Some(2), Some(1), Some(0))
        );
        assert_eq!(v["recall"], 0.5);
        assert_eq!(v["precision"], 1.0);
        assert_eq!(v["speaker_accuracy"], 1.0);
        assert_eq!(v["role_accuracy"], 0.0);
        assert_eq!(
            v["problems"],
            serde_json::json!([
                {"file": "a.txt", "quote": "Wir machen mit", "problem": "role", "detected": null, "expected": "Landrätin"},
                {"file": "b.txt", "quote": "Das bleibt", "problem": "missed", "detected": null, "expected": "X"},
            ])
        );
    }

    #[test]
    fn csv_jsonl_and_table_list_the_problems() {
        assert_eq!(
            render(Format::Csv),
            "file,quote,problem,detected,expected\na.txt,Wir machen mit,role,,Landrätin\nb.txt,Das bleibt,missed,,X\n"
        );
        assert_eq!(render(Format::Jsonl).lines().count(), 2);
        let table = render(Format::Table);
        assert!(table.contains("50.0%") && table.contains("100.0%") && table.contains("missed"), "{table}");
    }
}
