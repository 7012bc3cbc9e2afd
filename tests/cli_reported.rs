//! `praev quotes` with reported statements: indirect speech is listed, marked as reported and
//! ranked after a direct quote that matches as well; `--direct` and `--reported` keep one kind;
//! `eval --quotes` and `speakers` count direct quotes only.

mod common;

use common::{hits, TestIndex};

/// A press release with one direct quote and one sentence of indirect speech by the same
/// Landrätin.
const PRESS: &str = "Kreis Beispielstadt. Die Präventionskette im Kreis Beispielstadt wächst.\n\n\
„Wir wollen, dass jedes Kind im Kreis die gleichen Chancen auf Bildung hat“, sagte Landrätin \
Eva Irrgang bei der Präventionskonferenz im Kreishaus.\n\n\
Landrätin Eva Irrgang betonte außerdem, dass die Familienzentren in allen Städten des Kreises \
Chancen für Kinder schaffen.\n";

fn index() -> (tempfile::TempDir, TestIndex) {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("pressemitteilung.txt"), PRESS).unwrap();
    let index = TestIndex::of(corpus.path());
    (corpus, index)
}

/// (reported, speaker, text) of every hit of `praev quotes ARGS`.
fn listed(index: &TestIndex, args: &[&str]) -> Vec<(bool, String, String)> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let results = index.json(&all);
    hits(&results)
        .iter()
        .map(|h| {
            let reported = h["reported"].as_bool().expect("every hit says whether it is reported");
            (reported, h["speaker"].as_str().unwrap_or("").into(), h["text"].as_str().unwrap_or("").into())
        })
        .collect()
}

#[test]
fn quotes_lists_a_reported_statement_marked_and_direct_hides_it() {
    let (_corpus, index) = index();
    let both = listed(&index, &["quotes", "Chancen"]);
    assert_eq!(both.len(), 2, "{both:#?}");
    assert!(!both[0].0 && both[0].2.starts_with("„Wir wollen"), "the direct quote first: {both:#?}");
    assert!(both[1].0 && both[1].2.starts_with("Landrätin Eva Irrgang betonte"), "{both:#?}");
    assert!(both.iter().all(|(_, speaker, _)| speaker == "Eva Irrgang"));

    let table = index.stdout(&["quotes", "Chancen"]);
    assert!(table.contains("(reported) Landrätin Eva Irrgang betonte"), "{table}");

    let direct = listed(&index, &["quotes", "Chancen", "--direct"]);
    assert_eq!(direct.len(), 1, "{direct:#?}");
    assert!(!direct[0].0);
    let reported = listed(&index, &["quotes", "--reported"]);
    assert_eq!(reported.len(), 1, "{reported:#?}");
    assert!(reported[0].0);
}

#[test]
fn speakers_count_direct_quotes_only() {
    let (_corpus, index) = index();
    let speakers = index.json(&["speakers", "--format", "json"]);
    let list = speakers.as_array().or_else(|| speakers["speakers"].as_array()).expect("a list of speakers");
    let irrgang = list.iter().find(|s| s["name"] == "Eva Irrgang").expect("Eva Irrgang is a speaker");
    assert_eq!(irrgang["quotes"], 1, "{speakers}");
}
