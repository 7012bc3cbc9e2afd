//! Evaluation tables for a terminal: per query, then per intent with the overall mean last;
//! for a comparison, the changed queries, largest change first.

use std::fmt::Write as _;

use super::metric_labels;
use crate::eval::{Comparison, Evaluation, Scores};
use crate::output::number;
use crate::output::table::{align_right, new_table, Table};
use crate::output::Style;

pub fn evaluation(eval: &Evaluation, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} on {}: {} judged queries (of {}), {} answered; nDCG with linear gain",
        eval.system,
        eval.dataset.display(),
        eval.per_query.len(),
        eval.queries,
        eval.answered()
    );
    let _ = writeln!(out, "{}", per_query_table(eval, style));
    let _ = writeln!(out, "{}", summary_table(eval, style));
    out
}

fn per_query_table(eval: &Evaluation, style: Style) -> Table {
    let mut table = new_table(
        style,
        ["qid", "intent", "query"].iter().map(|s| s.to_string()).chain(metric_labels(eval.k)).collect(),
    );
    for q in &eval.per_query {
        table.add_row(
            [q.qid.clone(), q.intent.clone(), q.query.clone()].into_iter().chain(figures(&q.scores)),
        );
    }
    align_right(&mut table, 3..7);
    table
}

fn summary_table(eval: &Evaluation, style: Style) -> Table {
    let mut table = new_table(
        style,
        ["intent".to_string(), "queries".to_string()].into_iter().chain(metric_labels(eval.k)).collect(),
    );
    for i in &eval.by_intent {
        table.add_row([i.intent.clone(), i.queries.to_string()].into_iter().chain(figures(&i.scores)));
    }
    table.add_row(
        ["overall".to_string(), eval.per_query.len().to_string()].into_iter().chain(figures(&eval.overall)),
    );
    align_right(&mut table, 1..6);
    table
}

pub fn comparison(cmp: &Comparison, style: Style) -> String {
    let mut out = String::new();
    let label = &metric_labels(cmp.a.k)[0];
    let _ = writeln!(out, "A: {}, {label} {}", cmp.a.system, three(cmp.a.overall.ndcg));
    let overall_delta = cmp.b.overall.ndcg - cmp.a.overall.ndcg;
    let _ = writeln!(
        out,
        "B: {}, {label} {} ({})",
        cmp.b.system,
        three(cmp.b.overall.ndcg),
        signed(overall_delta)
    );
    let changed: Vec<_> = cmp.changed().collect();
    if !changed.is_empty() {
        let header = ["qid", "intent", "query", "A", "B", "B − A"].map(String::from);
        let mut table = new_table(style, header.to_vec());
        for d in &changed {
            table.add_row(vec![
                d.qid.clone(),
                d.intent.clone(),
                d.query.clone(),
                three(d.a),
                three(d.b),
                signed(d.delta),
            ]);
        }
        align_right(&mut table, 3..6);
        let _ = writeln!(out, "{table}");
    }
    let unchanged = cmp.deltas.len() - changed.len();
    let _ = writeln!(
        out,
        "{} of {} judged queries changed {label}, {unchanged} unchanged",
        changed.len(),
        cmp.deltas.len()
    );
    out
}

fn figures(scores: &Scores) -> [String; 4] {
    [scores.ndcg, scores.recall, scores.mrr, scores.precision].map(three)
}

fn three(value: f64) -> String {
    if value.is_finite() {
        number::fixed(value, 3)
    } else {
        "–".to_string()
    }
}

fn signed(value: f64) -> String {
    number::signed(value, 3)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::eval::{compare, evaluate, Dataset, Run, RunHit};

    const NO_TTY: Style = Style::PLAIN;

    fn dataset() -> Dataset {
        let queries = "qid\tquery\tintent\nq1\tFrühe Hilfen\ttheme\nq2\tZitat\tquote\n";
        let qrels = "qid\tfile\tgrade\tphrase\nq1\ta.txt\t3\t\nq2\tb.txt\t1\t\n";
        Dataset::parse(Path::new("queries.tsv"), queries, Path::new("qrels.tsv"), qrels).unwrap()
    }

    fn run() -> Run {
        let mut run = Run::new("praev");
        run.push(
            "q1",
            RunHit { rank: 1, file: "a.txt".into(), passage: None, score: 1.0, text: String::new() },
        );
        run
    }

    #[test]
    fn evaluation_shows_queries_intents_and_overall() {
        let text = evaluation(&evaluate(&dataset(), &run(), 10), NO_TTY);
        assert!(text.starts_with("praev on : 2 judged queries (of 2), 1 answered"), "{text}");
        for expected in [
            "nDCG@10",
            "R@20",
            "MRR@10",
            "P@5",
            "Frühe Hilfen",
            "theme",
            "quote",
            "overall",
            "1.000",
            "0.500",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
        let overall = text.lines().find(|l| l.contains("overall")).unwrap();
        assert!(overall.contains("0.500"), "overall nDCG is the mean of 1 and 0: {overall}");
    }

    #[test]
    fn comparison_lists_only_changed_queries() {
        let text = comparison(&compare(&dataset(), &run(), &Run::new("empty"), 10), NO_TTY);
        assert!(text.contains("B: empty, nDCG@10 0.000 (-0.500)"), "{text}");
        assert!(text.contains("-1.000"), "{text}");
        assert!(!text.contains("Zitat"), "q2 did not change: {text}");
        assert!(text.contains("1 of 2 judged queries changed nDCG@10, 1 unchanged"), "{text}");
    }
}
