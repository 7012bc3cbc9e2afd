//! Evaluations and comparisons as JSON: the documented contract of `praev eval --format json`.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::metric_keys;
use crate::eval::{Comparison, Evaluation, QueryDelta, Scores};

/// The four metrics under their `eval.py` names, in that order.
pub struct MetricsJson<'a> {
    k: usize,
    scores: &'a Scores,
    /// Extra leading fields (qid, intent, …), written before the metrics.
    before: Vec<(&'static str, serde_json::Value)>,
}

impl Serialize for MetricsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.before.len() + 4))?;
        for (key, value) in &self.before {
            map.serialize_entry(key, value)?;
        }
        let values = [self.scores.ndcg, self.scores.recall, self.scores.mrr, self.scores.precision];
        for (key, value) in metric_keys(self.k).iter().zip(values) {
            map.serialize_entry(key, &finite(value))?;
        }
        map.end()
    }
}

/// NaN (the mean of no queries) as null.
fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

#[derive(Serialize)]
pub struct EvaluationJson<'a> {
    dataset: String,
    system: &'a str,
    k: usize,
    gain: &'static str,
    queries: usize,
    judged_queries: usize,
    answered: usize,
    overall: MetricsJson<'a>,
    by_intent: Vec<MetricsJson<'a>>,
    per_query: Vec<MetricsJson<'a>>,
}

pub fn evaluation_json(eval: &Evaluation) -> EvaluationJson<'_> {
    let k = eval.k;
    EvaluationJson {
        dataset: eval.dataset.display().to_string(),
        system: &eval.system,
        k,
        gain: "linear",
        queries: eval.queries,
        judged_queries: eval.per_query.len(),
        answered: eval.answered(),
        overall: MetricsJson { k, scores: &eval.overall, before: Vec::new() },
        by_intent: eval
            .by_intent
            .iter()
            .map(|i| MetricsJson {
                k,
                scores: &i.scores,
                before: vec![("intent", i.intent.clone().into()), ("queries", i.queries.into())],
            })
            .collect(),
        per_query: eval
            .per_query
            .iter()
            .map(|q| MetricsJson {
                k,
                scores: &q.scores,
                before: vec![
                    ("qid", q.qid.clone().into()),
                    ("query", q.query.clone().into()),
                    ("intent", q.intent.clone().into()),
                ],
            })
            .collect(),
    }
}

/// The per-query rows of the document (the lines of `--format jsonl`).
pub fn per_query_json(eval: &Evaluation) -> Vec<MetricsJson<'_>> {
    evaluation_json(eval).per_query
}

#[derive(Serialize)]
pub struct ComparisonJson<'a> {
    dataset: String,
    k: usize,
    a: EvaluationJson<'a>,
    b: EvaluationJson<'a>,
    /// Every judged query, largest |delta| first.
    deltas: Vec<QueryDeltaJson>,
}

#[derive(Serialize)]
pub struct QueryDeltaJson {
    qid: String,
    query: String,
    intent: String,
    a: f64,
    b: f64,
    #[serde(serialize_with = "crate::output::number::f64_json")]
    delta: f64,
}

impl From<&QueryDelta> for QueryDeltaJson {
    fn from(d: &QueryDelta) -> Self {
        QueryDeltaJson {
            qid: d.qid.clone(),
            query: d.query.clone(),
            intent: d.intent.clone(),
            a: d.a,
            b: d.b,
            delta: d.delta,
        }
    }
}

pub fn comparison_json(cmp: &Comparison) -> ComparisonJson<'_> {
    ComparisonJson {
        dataset: cmp.a.dataset.display().to_string(),
        k: cmp.a.k,
        a: evaluation_json(&cmp.a),
        b: evaluation_json(&cmp.b),
        deltas: cmp.deltas.iter().map(QueryDeltaJson::from).collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::eval::{compare, evaluate, Dataset, Run, RunHit};

    fn dataset() -> Dataset {
        let queries = "qid\tquery\tintent\nq1\tFrühe Hilfen\ttheme\nq2\tZitat\tquote\n";
        let qrels = "qid\tfile\tgrade\tphrase\nq1\ta.txt\t3\tfrühe hilfen\nq2\tb.txt\t1\t\n";
        Dataset::parse(Path::new("queries.tsv"), queries, Path::new("qrels.tsv"), qrels).unwrap()
    }

    fn run() -> Run {
        let mut run = Run::new("praev");
        run.push(
            "q1",
            RunHit {
                rank: 1,
                file: "a.txt".into(),
                passage: Some(0),
                score: 2.0,
                text: "Frühe Hilfen".into(),
            },
        );
        run
    }

    fn write_evaluation(out: &mut Vec<u8>, eval: &Evaluation) -> serde_json::Result<()> {
        serde_json::to_writer(out, &evaluation_json(eval))
    }

    fn write_comparison(out: &mut Vec<u8>, cmp: &Comparison) -> serde_json::Result<()> {
        serde_json::to_writer(out, &comparison_json(cmp))
    }

    fn keys(value: &serde_json::Value) -> Vec<&str> {
        value.as_object().unwrap().keys().map(String::as_str).collect()
    }

    #[test]
    fn evaluation_field_names_are_the_contract() {
        let mut out = Vec::new();
        write_evaluation(&mut out, &evaluate(&dataset(), &run(), 10)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let mut top = keys(&v);
        top.sort();
        assert_eq!(
            top,
            [
                "answered",
                "by_intent",
                "dataset",
                "gain",
                "judged_queries",
                "k",
                "overall",
                "per_query",
                "queries",
                "system"
            ]
        );
        let mut overall = keys(&v["overall"]);
        overall.sort();
        assert_eq!(overall, ["mrr@10", "ndcg@10", "p@5", "recall@20"], "eval.py's metric names");
        assert_eq!(v["overall"]["ndcg@10"], 0.5);
        assert_eq!(v["per_query"][0]["qid"], "q1");
        assert_eq!(v["per_query"][0]["p@5"], 0.2);
        assert_eq!(v["by_intent"][0]["intent"], "quote");
        assert_eq!(v["by_intent"][0]["queries"], 1);
        assert_eq!((v["judged_queries"].as_u64(), v["answered"].as_u64()), (Some(2), Some(1)));
    }

    #[test]
    fn ndcg_key_follows_k() {
        let mut out = Vec::new();
        write_evaluation(&mut out, &evaluate(&dataset(), &run(), 5)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["k"], 5);
        assert!(v["overall"]["ndcg@5"].is_number(), "{}", v["overall"]);
    }

    #[test]
    fn comparison_lists_deltas() {
        let mut out = Vec::new();
        write_comparison(&mut out, &compare(&dataset(), &Run::new("empty"), &run(), 10)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["a"]["system"], "empty");
        assert_eq!(v["deltas"][0]["qid"], "q1");
        assert_eq!(v["deltas"][0]["delta"], 1.0);
        let mut delta_keys = keys(&v["deltas"][0]);
        delta_keys.sort();
        assert_eq!(delta_keys, ["a", "b", "delta", "intent", "qid", "query"]);
    }
}
