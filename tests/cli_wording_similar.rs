//! `praev similar` on the bundled corpus: worded-alike passages, other municipalities first.

mod common;

use common::{bundled_corpus, TestIndex};
use serde_json::Value;
use std::sync::OnceLock;

const STEINFURT_PROFILE: &str = "000_84af1531842d3f23.txt";
const STEINFURT_PRESS: &str = "001_6f3f8ce9bb356ce7.txt";

fn index() -> &'static TestIndex {
    static INDEX: OnceLock<TestIndex> = OnceLock::new();
    INDEX.get_or_init(|| TestIndex::of(&bundled_corpus()))
}

fn json(args: &[&str]) -> Value {
    let out = index().cmd().args(args).arg("--index").arg(index().path()).output().unwrap();
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?} printed no JSON: {e}"))
}

#[test]
fn a_slogan_finds_the_steinfurt_texts_that_use_it() {
    let results = json(&[
        "similar",
        "--text",
        "Gutes miteinander vernetzen, Lücken schließen, Neues aufbauen",
        "--format",
        "json",
    ]);
    let hits = results["hits"].as_array().unwrap();
    let top_two: Vec<&str> = hits.iter().take(2).map(|h| h["file"].as_str().unwrap()).collect();
    assert!(top_two.contains(&STEINFURT_PRESS) && top_two.contains(&STEINFURT_PROFILE), "{top_two:?}");
    let first = &hits[0];
    let shared: Vec<&str> =
        first["shared_terms"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(shared.contains(&"vernetz") && shared.contains(&"luck"), "shared analysed words: {shared:?}");
    assert!(!first["highlights"].as_array().unwrap().is_empty(), "shared words are highlighted");
    let similarities: Vec<f64> = hits.iter().map(|h| h["similarity"].as_f64().unwrap()).collect();
    assert!(similarities.windows(2).all(|w| w[0] >= w[1]), "ranked by similarity: {similarities:?}");
    assert!(similarities.iter().all(|s| (0.0..=1.0).contains(s)));
}

#[test]
fn a_passage_finds_passages_of_other_municipalities_unless_asked() {
    let passage = format!("{STEINFURT_PROFILE}#2");
    let others = json(&["similar", "--passage", &passage, "--format", "json"]);
    assert_eq!(others["source_municipality"], "Kreis Steinfurt");
    let hits = others["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["municipality"] != "Kreis Steinfurt"), "other municipalities only");
    let all =
        json(&["similar", "--passage", &passage, "--same-municipality", "--format", "json", "--limit", "20"]);
    let hits = all["hits"].as_array().unwrap();
    assert!(hits.iter().any(|h| h["municipality"] == "Kreis Steinfurt"));
    assert!(
        !hits.iter().any(|h| h["file"] == STEINFURT_PROFILE && h["passage"] == 2),
        "not the source itself"
    );
}

#[test]
fn bad_sources_are_usage_errors() {
    for args in [
        vec!["similar", "--passage", "nope.txt#3"],
        vec!["similar", "--passage", "no-number"],
        vec!["similar", "--file", "/nonexistent/x.txt"],
        vec!["similar"],
    ] {
        let out = index().cmd().args(&args).arg("--index").arg(index().path()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
