//! Two runs side by side: which queries' nDCG@k changed, and by how much.
//!
//! Both runs are scored against the same dataset; the judged queries are listed with their
//! nDCG in run A and run B, the largest changes (either way) first, so a ranking change shows
//! what it gained and what it cost.

use super::dataset::Dataset;
use super::metrics::{evaluate, Evaluation};
use super::run::Run;

/// Below this an nDCG difference is rounding, not a change.
const UNCHANGED: f64 = 1e-9;

/// One judged query's nDCG@k in both runs.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryDelta {
    pub qid: String,
    pub query: String,
    pub intent: String,
    pub a: f64,
    pub b: f64,
    /// b − a.
    pub delta: f64,
}

impl QueryDelta {
    pub fn changed(&self) -> bool {
        self.delta.abs() > UNCHANGED
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub a: Evaluation,
    pub b: Evaluation,
    /// Every judged query, by |delta| descending; ties in dataset order.
    pub deltas: Vec<QueryDelta>,
}

impl Comparison {
    /// The queries whose nDCG changed, largest change first.
    pub fn changed(&self) -> impl Iterator<Item = &QueryDelta> {
        self.deltas.iter().filter(|d| d.changed())
    }
}

/// Scores both runs with nDCG cut off at `k` and lines them up query by query.
pub fn compare(dataset: &Dataset, a: &Run, b: &Run, k: usize) -> Comparison {
    let a = evaluate(dataset, a, k);
    let b = evaluate(dataset, b, k);
    let mut deltas: Vec<QueryDelta> = a
        .per_query
        .iter()
        .zip(&b.per_query)
        .map(|(qa, qb)| QueryDelta {
            qid: qa.qid.clone(),
            query: qa.query.clone(),
            intent: qa.intent.clone(),
            a: qa.scores.ndcg,
            b: qb.scores.ndcg,
            delta: qb.scores.ndcg - qa.scores.ndcg,
        })
        .collect();
    deltas.sort_by(|x, y| y.delta.abs().total_cmp(&x.delta.abs()));
    Comparison { a, b, deltas }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::eval::RunHit;

    fn dataset() -> Dataset {
        let queries = "qid\tquery\tintent\nq1\teins\tkeyword\nq2\tzwei\tkeyword\nq3\tdrei\ttheme\n";
        let qrels = "qid\tfile\tgrade\tphrase\nq1\ta.txt\t3\t\nq2\tb.txt\t2\t\nq3\tc.txt\t1\t\n";
        Dataset::parse(Path::new("queries.tsv"), queries, Path::new("qrels.tsv"), qrels).unwrap()
    }

    /// A run answering each qid with one file.
    fn run(system: &str, answers: &[(&str, &str)]) -> Run {
        let mut run = Run::new(system);
        for &(qid, file) in answers {
            run.push(
                qid,
                RunHit { rank: 1, file: file.into(), passage: None, score: 1.0, text: String::new() },
            );
        }
        run
    }

    #[test]
    fn largest_change_first_either_way() {
        let a = run("a", &[("q1", "a.txt"), ("q2", "x.txt"), ("q3", "c.txt")]);
        // q1 drops from 1 to 0, q2 rises from 0 to 1, q3 keeps 1.
        let b = run("b", &[("q1", "x.txt"), ("q2", "b.txt"), ("q3", "c.txt")]);
        let cmp = compare(&dataset(), &a, &b, 10);
        let order: Vec<(&str, f64)> = cmp.deltas.iter().map(|d| (d.qid.as_str(), d.delta)).collect();
        assert_eq!(order, [("q1", -1.0), ("q2", 1.0), ("q3", 0.0)], "ties keep dataset order");
        let changed: Vec<&str> = cmp.changed().map(|d| d.qid.as_str()).collect();
        assert_eq!(changed, ["q1", "q2"]);
        assert_eq!((cmp.a.system.as_str(), cmp.b.system.as_str()), ("a", "b"));
    }

    #[test]
    fn partial_changes_sort_by_size() {
        let a = run("a", &[("q1", "a.txt"), ("q2", "b.txt"), ("q3", "c.txt")]);
        let mut b = run("b", &[("q2", "x.txt"), ("q3", "c.txt")]);
        // q1 in b: the relevant file drops to rank 2, nDCG 1/log2(3) ≈ 0.63.
        b.push(
            "q1",
            RunHit { rank: 1, file: "x.txt".into(), passage: None, score: 2.0, text: String::new() },
        );
        b.push(
            "q1",
            RunHit { rank: 2, file: "a.txt".into(), passage: None, score: 1.0, text: String::new() },
        );
        let cmp = compare(&dataset(), &a, &b, 10);
        let order: Vec<&str> = cmp.deltas.iter().map(|d| d.qid.as_str()).collect();
        assert_eq!(order, ["q2", "q1", "q3"]);
        assert!((cmp.deltas[1].delta - (1.0 / 3f64.log2() - 1.0)).abs() < 1e-12);
    }
}
