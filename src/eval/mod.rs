//! Relevance evaluation: judged queries in, ranking quality out.
//!
//! It owns the evaluation dataset format ([`dataset`]: `queries.tsv`, `qrels.tsv`), the run
//! file format ([`run`]: one JSON line per ranked passage), the metrics ([`metrics`]: nDCG@k,
//! R@20, MRR@10, P@5, per query, per intent and overall), the query-by-query comparison of two
//! runs ([`compare`]), the scoring of detected document metadata against a dataset's
//! `manifest.tsv` ([`metadata`]) and of extracted quotes against its `quotes.tsv` ([`quotes`]). The metrics follow `../shared/baselines/eval.py` line for
//! line, so that praev's figures and the baselines' figures are the same numbers.
//!
//! It does not build indexes, decide what to print or render tables: the CLI builds (or opens)
//! the index, [`run::run_all`] answers the queries with the ranking of `praev search` or `praev theme`, and `output::eval`
//! renders the results.

pub mod compare;
pub mod dataset;
pub mod fold;
pub mod metadata;
pub mod metrics;
pub mod quotes;
pub mod run;
mod tsv;

pub use compare::{compare, Comparison, QueryDelta};
pub use dataset::{Dataset, Query};
pub use metrics::{evaluate, Evaluation, IntentScores, QueryScores, Scores};
pub use run::{Run, RunHit};
