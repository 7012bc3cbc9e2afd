//! The ranking metrics, computed exactly as `../shared/baselines/eval.py` computes them.
//!
//! Per judged query, from the run's first 20 passages (the files counted at their first
//! passage):
//!
//! * **nDCG@k** (document level, linear gain): Σ grade(file_i) / log2(i + 1) over the first k
//!   files, divided by the same sum over all judged files sorted by grade.
//! * **R@20**: the share of the query's relevant files found among the first 20 passages.
//! * **MRR@10**: 1 / rank of the first relevant file among the first 10 files.
//! * **P@5** (passage level): the share of the first 5 passages that are relevant, i.e. at most
//!   1,500 characters long and containing (after whitespace and case folding) a phrase of a
//!   qrels row of the same query and file. Fewer than 5 passages still divide by 5.
//!
//! Averages are plain means over the judged queries (a judged query the run lacks scores 0),
//! per intent and overall.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::dataset::Dataset;
use super::fold::normalize;
use super::run::{Run, RunHit};

pub const DEFAULT_NDCG_K: usize = 10;
/// Passages looked at for the document ranking (nDCG, recall, MRR).
pub const RECALL_DEPTH: usize = 20;
pub const MRR_DEPTH: usize = 10;
pub const PRECISION_DEPTH: usize = 5;
/// Longer passages never count for P@5: a whole document is not a "passage".
pub const MAX_PASSAGE_CHARS: usize = 1500;

/// The four figures of one query or the mean of several.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub ndcg: f64,
    pub recall: f64,
    pub mrr: f64,
    pub precision: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueryScores {
    pub qid: String,
    pub query: String,
    pub intent: String,
    /// Whether the run returned anything for the query.
    pub answered: bool,
    pub scores: Scores,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IntentScores {
    pub intent: String,
    /// Judged queries of this intent.
    pub queries: usize,
    pub scores: Scores,
}

/// A run scored against a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub dataset: PathBuf,
    pub system: String,
    /// The nDCG cutoff.
    pub k: usize,
    /// Queries in `queries.tsv`, judged or not.
    pub queries: usize,
    /// Judged queries in file order.
    pub per_query: Vec<QueryScores>,
    /// Sorted by intent.
    pub by_intent: Vec<IntentScores>,
    pub overall: Scores,
    /// qids of the run that `queries.tsv` lacks.
    pub unknown_qids: usize,
}

impl Evaluation {
    /// Judged queries the run returned something for.
    pub fn answered(&self) -> usize {
        self.per_query.iter().filter(|q| q.answered).count()
    }
}

/// Scores every judged query of `dataset` in `run`, with nDCG cut off at `k`.
pub fn evaluate(dataset: &Dataset, run: &Run, k: usize) -> Evaluation {
    let per_query: Vec<QueryScores> = dataset
        .judged()
        .map(|q| QueryScores {
            qid: q.qid.clone(),
            query: q.text.clone(),
            intent: q.intent.clone(),
            answered: !run.hits(&q.qid).is_empty(),
            scores: score_query(dataset, &q.qid, run.hits(&q.qid), k),
        })
        .collect();
    let intents: BTreeSet<&str> = per_query.iter().map(|q| q.intent.as_str()).collect();
    let by_intent = intents
        .into_iter()
        .map(|intent| {
            let of_intent: Vec<&QueryScores> = per_query.iter().filter(|q| q.intent == intent).collect();
            IntentScores { intent: intent.to_string(), queries: of_intent.len(), scores: mean(&of_intent) }
        })
        .collect();
    Evaluation {
        dataset: dataset.root.clone(),
        system: run.system.clone(),
        k,
        queries: dataset.queries.len(),
        overall: mean(&per_query.iter().collect::<Vec<_>>()),
        by_intent,
        per_query,
        unknown_qids: run.qids().filter(|qid| dataset.query(qid).is_none()).count(),
    }
}

/// The four metrics of one judged query; `hits` best first.
pub fn score_query(dataset: &Dataset, qid: &str, hits: &[RunHit], k: usize) -> Scores {
    let files = ranked_files(dataset, &hits[..hits.len().min(RECALL_DEPTH)]);
    let ranked_for_ndcg =
        if k > RECALL_DEPTH { ranked_files(dataset, &hits[..hits.len().min(k)]) } else { files.clone() };
    Scores {
        ndcg: ndcg(dataset, qid, &ranked_for_ndcg, k),
        recall: recall(dataset, qid, &files),
        mrr: reciprocal_rank(dataset, qid, &files),
        precision: passage_precision(dataset, qid, hits),
    }
}

/// The files of the hits in order of their first passage, named as the qrels name them.
fn ranked_files(dataset: &Dataset, hits: &[RunHit]) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for hit in hits {
        let file = dataset.qrels_file(&hit.file);
        if !files.contains(&file) {
            files.push(file);
        }
    }
    files
}

fn ndcg(dataset: &Dataset, qid: &str, files: &[String], k: usize) -> f64 {
    let gains = files.iter().take(k).map(|f| f64::from(dataset.grade(qid, f)));
    let dcg = discounted(gains);
    let mut ideal: Vec<u8> = dataset.relevant(qid).map(|(_, grade)| grade).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg = discounted(ideal.into_iter().take(k).map(f64::from));
    if idcg == 0.0 {
        0.0
    } else {
        dcg / idcg
    }
}

/// Σ gain_i / log2(i + 2) over 0-based positions i.
fn discounted(gains: impl Iterator<Item = f64>) -> f64 {
    total(gains.enumerate().map(|(i, gain)| gain / ((i + 2) as f64).log2()))
}

/// Python's `sum`: from +0.0, left to right (Rust's `f64: Sum` starts at −0.0, which would
/// print an empty sum as `-0.000`).
fn total(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(0.0, |sum, x| sum + x)
}

fn recall(dataset: &Dataset, qid: &str, files: &[String]) -> f64 {
    let relevant = dataset.relevant(qid).count();
    let found = files.iter().filter(|f| dataset.grade(qid, f) > 0).count();
    if relevant == 0 {
        0.0
    } else {
        found as f64 / relevant as f64
    }
}

fn reciprocal_rank(dataset: &Dataset, qid: &str, files: &[String]) -> f64 {
    files.iter().take(MRR_DEPTH).position(|f| dataset.grade(qid, f) > 0).map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

fn passage_precision(dataset: &Dataset, qid: &str, hits: &[RunHit]) -> f64 {
    let relevant =
        hits.iter().take(PRECISION_DEPTH).filter(|hit| is_relevant_passage(dataset, qid, hit)).count();
    relevant as f64 / PRECISION_DEPTH as f64
}

fn is_relevant_passage(dataset: &Dataset, qid: &str, hit: &RunHit) -> bool {
    if hit.text.chars().count() > MAX_PASSAGE_CHARS {
        return false;
    }
    let phrases = dataset.phrases(qid, &dataset.qrels_file(&hit.file));
    if phrases.is_empty() {
        return false;
    }
    let text = normalize(&hit.text);
    phrases.iter().any(|p| text.contains(p.as_str()))
}

/// The mean of each metric; NaN for no queries (as `eval.py`).
fn mean(queries: &[&QueryScores]) -> Scores {
    let n = queries.len() as f64;
    let avg = |metric: fn(&Scores) -> f64| total(queries.iter().map(|q| metric(&q.scores))) / n;
    Scores {
        ndcg: avg(|s| s.ndcg),
        recall: avg(|s| s.recall),
        mrr: avg(|s| s.mrr),
        precision: avg(|s| s.precision),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// q1: a.txt grade 3, b.txt 2, c.txt 1 (phrase "frühe hilfen" in a.txt); q2: d.txt 1;
    /// q3 is not judged.
    fn dataset() -> Dataset {
        let queries = "qid\tquery\tintent\nq1\tFrühe Hilfen\ttheme\nq2\tZitat\tquote\nq3\tnichts\ttheme\n";
        let qrels = "qid\tfile\tgrade\tphrase\nq1\ta.txt\t3\tFrühe Hilfen\nq1\tb.txt\t2\t\nq1\tc.txt\t1\tx y\nq2\td.txt\t1\tsagte sie\n";
        Dataset::parse(Path::new("queries.tsv"), queries, Path::new("qrels.tsv"), qrels).unwrap()
    }

    fn hits(files: &[(&str, &str)]) -> Vec<RunHit> {
        files
            .iter()
            .zip(1..)
            .map(|(&(file, text), rank)| RunHit {
                rank,
                file: file.into(),
                passage: None,
                score: 0.0,
                text: text.into(),
            })
            .collect()
    }

    fn close(actual: f64, expected: f64, what: &str) {
        assert!((actual - expected).abs() < 1e-9, "{what}: {actual} != {expected}");
    }

    #[test]
    fn ideal_ranking_scores_one() {
        let s = score_query(
            &dataset(),
            "q1",
            &hits(&[("a.txt", "Frühe Hilfen"), ("b.txt", ""), ("c.txt", "")]),
            10,
        );
        close(s.ndcg, 1.0, "nDCG of the ideal order");
        close(s.recall, 1.0, "recall");
        close(s.mrr, 1.0, "MRR");
        close(s.precision, 1.0 / 5.0, "P@5: one relevant passage of 5 slots");
    }

    #[test]
    fn hand_computed_mixed_ranking() {
        // Files in order: x (0), b (2), a (3), x again (ignored), c beyond rank 20 (not seen).
        let mut run =
            vec![("x.txt", ""), ("sub/b.txt", ""), ("a.txt", "Text: FRÜHE\n Hilfen!"), ("x.txt", "")];
        run.extend(std::iter::repeat_n(("y.txt", ""), 16));
        run.push(("c.txt", ""));
        let s = score_query(&dataset(), "q1", &hits(&run), 10);
        let dcg = 2.0 / 3f64.log2() + 3.0 / 4f64.log2();
        let idcg = 3.0 + 2.0 / 3f64.log2() + 1.0 / 4f64.log2();
        close(s.ndcg, dcg / idcg, "nDCG: b at 2, a at 3, basename match for sub/b.txt");
        close(s.recall, 2.0 / 3.0, "R@20: c.txt is the 21st passage");
        close(s.mrr, 1.0 / 2.0, "MRR: first relevant file at rank 2");
        close(s.precision, 1.0 / 5.0, "P@5: phrase found after whitespace and case folding");
    }

    #[test]
    fn ndcg_cutoff_counts_files_not_passages() {
        let run = hits(&[("a.txt", ""), ("a.txt", ""), ("x.txt", ""), ("b.txt", "")]);
        let at_2 = score_query(&dataset(), "q1", &run, 2);
        close(at_2.ndcg, 3.0 / (3.0 + 2.0 / 3f64.log2()), "nDCG@2 sees a and x, ideal a and b");
    }

    #[test]
    fn long_or_foreign_passages_are_not_relevant() {
        let long = format!("frühe hilfen {}", "x".repeat(MAX_PASSAGE_CHARS));
        let run = hits(&[("a.txt", &long), ("b.txt", "Frühe Hilfen"), ("d.txt", "sagte sie")]);
        let s = score_query(&dataset(), "q1", &run, 10);
        close(s.precision, 0.0, "too long; phrase of another file; phrase of another query");
    }

    #[test]
    fn no_hits_score_zero() {
        let s = score_query(&dataset(), "q2", &[], 10);
        assert_eq!(s, Scores { ndcg: 0.0, recall: 0.0, mrr: 0.0, precision: 0.0 });
        assert!(s.ndcg.is_sign_positive(), "0.0, not -0.0 (which prints as -0.000)");
    }

    /// The hand-computed case of `../shared/baselines/tests/test_eval.py`, with its figures.
    #[test]
    fn same_figures_as_eval_py_unit_test() {
        let queries = "qid\tquery\tintent\nq1\talpha\tA\nq2\tfoo\tB\nq3\tnothing found\tB\nq4\tunjudged\tA\n";
        let qrels = "qid\tfile\tgrade\tphrase\n\
            q1\ta.txt\t3\talpha beta gamma delta\nq1\tb.txt\t1\tepsilon zeta eta theta\n\
            q1\tc.txt\t1\tiota kappa lambda mu\nq1\tc.txt\t2\tnu xi omicron pi\n\
            q2\te.txt\t2\tfoo bar baz qux\nq3\tf.txt\t1\tnever returned at all\n";
        let ds = Dataset::parse(Path::new("queries.tsv"), queries, Path::new("qrels.tsv"), qrels).unwrap();
        let long = format!("{}epsilon zeta eta theta", "filler ".repeat(250));
        let mut run = Run::new("toy");
        for (qid, file, text) in [
            ("q1", "x.txt", "unrelated text"),
            ("q1", "a.txt", "Intro.  ALPHA  beta\n gamma Delta and more"),
            ("q1", "a.txt", "a.txt again, without the phrase"),
            ("q1", "b.txt", long.as_str()),
            ("q1", "d.txt", "nothing"),
            ("q2", "e.txt", "xx Foo bar BAZ qux yy"),
            ("q9", "e.txt", "a query not in queries.tsv"),
        ] {
            let rank = run.hits(qid).len() as i64 + 1;
            run.push(qid, RunHit { rank, file: file.into(), passage: None, score: 1.0, text: text.into() });
        }
        let eval = evaluate(&ds, &run, 10);
        assert_eq!((eval.per_query.len(), eval.unknown_qids), (3, 1), "q4 is unjudged, q9 unknown");
        let q1 = eval.per_query[0].scores;
        let q1_ndcg = (3.0 / 3f64.log2() + 1.0 / 4f64.log2()) / (3.0 + 2.0 / 3f64.log2() + 1.0 / 4f64.log2());
        close(q1.ndcg, q1_ndcg, "q1 nDCG");
        assert!((q1.ndcg - 0.502494).abs() < 5e-6, "eval.py's test pins 0.502494 to five places");
        close(q1.recall, 2.0 / 3.0, "q1 R@20");
        close(q1.mrr, 0.5, "q1 MRR");
        close(q1.precision, 0.2, "q1 P@5: b.txt's passage is too long");
        assert_eq!(eval.per_query[1].scores, Scores { ndcg: 1.0, recall: 1.0, mrr: 1.0, precision: 0.2 });
        assert_eq!(eval.per_query[2].scores, Scores { ndcg: 0.0, recall: 0.0, mrr: 0.0, precision: 0.0 });
        close(eval.overall.ndcg, (q1_ndcg + 1.0) / 3.0, "overall nDCG");
        close(eval.overall.precision, 0.4 / 3.0, "overall P@5");
        close(eval.by_intent[1].scores.ndcg, 0.5, "intent B");
    }

    #[test]
    fn averages_over_judged_queries_per_intent_and_overall() {
        let mut run = Run::new("test");
        for hit in hits(&[("a.txt", "frühe hilfen"), ("b.txt", ""), ("c.txt", "")]) {
            run.push("q1", hit);
        }
        run.push("q3", hits(&[("a.txt", "")])[0].clone());
        run.push("q9", hits(&[("a.txt", "")])[0].clone());
        let eval = evaluate(&dataset(), &run, 10);
        let qids: Vec<&str> = eval.per_query.iter().map(|q| q.qid.as_str()).collect();
        assert_eq!(qids, ["q1", "q2"], "q3 is unjudged");
        assert_eq!((eval.queries, eval.answered(), eval.unknown_qids), (3, 1, 1));
        close(eval.overall.ndcg, 0.5, "mean of 1 and 0 (q2 missing from the run)");
        close(eval.overall.precision, 0.1, "mean of 0.2 and 0");
        let intents: Vec<(&str, usize)> =
            eval.by_intent.iter().map(|i| (i.intent.as_str(), i.queries)).collect();
        assert_eq!(intents, [("quote", 1), ("theme", 1)]);
        close(eval.by_intent[1].scores.ndcg, 1.0, "theme = q1");
    }
}
