//! Rendering evaluations and run comparisons: tables for people, JSON for programs.
//!
//! Only renders what `eval` computed. The JSON field names (the metric keys are those of
//! `../shared/baselines/eval.py`: `ndcg@10`, `recall@20`, `mrr@10`, `p@5`) are a documented
//! contract, covered by tests.

pub mod json;
pub mod table;

pub use json::{write_comparison as write_comparison_json, write_evaluation as write_evaluation_json};
pub use table::{write_comparison as write_comparison_table, write_evaluation as write_evaluation_table};

use crate::eval::metrics::{MRR_DEPTH, PRECISION_DEPTH, RECALL_DEPTH};

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
