//! Rendering evaluations and run comparisons: tables for people, JSON, JSON lines and CSV for
//! programs.
//!
//! Only renders what `eval` computed. The JSON field names (the metric keys are those of
//! `../shared/baselines/eval.py`: `ndcg@10`, `recall@20`, `mrr@10`, `p@5`) are a documented
//! contract, covered by tests. JSON lines and CSV hold one row per judged query (with
//! `--compare`: one per query delta).

pub mod json;
pub mod metadata;
pub mod quotes;
pub mod table;

use super::number;
use super::table::{align_right, new_table};
use super::{Csv, Report, Style};
use crate::eval::metrics::{MRR_DEPTH, PRECISION_DEPTH, RECALL_DEPTH};
use crate::eval::{Comparison, Evaluation, Scores};

/// A table of shares: one row per measure with how many were right, of how many, and the
/// share in percent (0 of 0 is 0%).
fn shares_table<'a>(
    style: Style,
    header: [&str; 4],
    rows: impl IntoIterator<Item = (&'a str, usize, usize)>,
) -> super::table::Table {
    let mut table = new_table(style, header.to_vec());
    for (measure, right, of) in rows {
        let share = if of == 0 { 0.0 } else { right as f64 / of as f64 };
        table.add_row(vec![
            measure.to_string(),
            right.to_string(),
            of.to_string(),
            format!("{}%", number::fixed(100.0 * share, 1)),
        ]);
    }
    align_right(&mut table, 1..4);
    table
}

/// A value in a table: "-" for none, as the datasets' TSV files write it.
fn shown(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "-".into())
}

/// The names of the four metrics, in display order, with nDCG cut off at `k`.
pub(crate) fn metric_keys(k: usize) -> [String; 4] {
    [
        format!("ndcg@{k}"),
        format!("recall@{RECALL_DEPTH}"),
        format!("mrr@{MRR_DEPTH}"),
        format!("p@{PRECISION_DEPTH}"),
    ]
}

/// The column labels of the four metrics.
pub(crate) fn metric_labels(k: usize) -> [String; 4] {
    [
        format!("nDCG@{k}"),
        format!("R@{RECALL_DEPTH}"),
        format!("MRR@{MRR_DEPTH}"),
        format!("P@{PRECISION_DEPTH}"),
    ]
}

/// A CSV cell of a metric: four decimals, empty for no value (the mean of no queries).
fn metric_cell(value: f64) -> String {
    if value.is_finite() {
        number::fixed(value, 4)
    } else {
        String::new()
    }
}

fn metric_cells(scores: &Scores) -> [String; 4] {
    [scores.ndcg, scores.recall, scores.mrr, scores.precision].map(metric_cell)
}

/// `praev eval DATASET`: the metrics per query, per intent and overall.
pub struct EvaluationReport<'a>(pub &'a Evaluation);

impl Report for EvaluationReport<'_> {
    type Document<'a>
        = json::EvaluationJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = json::MetricsJson<'a>
    where
        Self: 'a;

    fn document(&self) -> json::EvaluationJson<'_> {
        json::evaluation_json(self.0)
    }

    fn lines(&self) -> Vec<json::MetricsJson<'_>> {
        json::per_query_json(self.0)
    }

    fn csv(&self) -> Csv {
        let mut csv =
            Csv::new(["qid", "query", "intent"].map(String::from).into_iter().chain(metric_keys(self.0.k)));
        for q in &self.0.per_query {
            csv.push(
                [q.qid.clone(), q.query.clone(), q.intent.clone()].into_iter().chain(metric_cells(&q.scores)),
            );
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        table::evaluation(self.0, style)
    }
}

/// `praev eval --compare A B DATASET`: two runs query by query.
pub struct EvalComparisonReport<'a>(pub &'a Comparison);

impl Report for EvalComparisonReport<'_> {
    type Document<'a>
        = json::ComparisonJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = json::QueryDeltaJson
    where
        Self: 'a;

    fn document(&self) -> json::ComparisonJson<'_> {
        json::comparison_json(self.0)
    }

    fn lines(&self) -> Vec<json::QueryDeltaJson> {
        self.0.deltas.iter().map(json::QueryDeltaJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(["qid", "query", "intent", "a", "b", "delta"]);
        for d in &self.0.deltas {
            csv.push([
                d.qid.clone(),
                d.query.clone(),
                d.intent.clone(),
                metric_cell(d.a),
                metric_cell(d.b),
                metric_cell(d.delta),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        table::comparison(self.0, style)
    }
}
