//! `praev similar` on the bundled corpus: worded-alike passages, other municipalities first.

mod common;

use common::{bundled_index as index, STEINFURT_PRESS, STEINFURT_PROFILE};

#[test]
fn a_slogan_finds_the_steinfurt_texts_that_use_it() {
    let results = index().json(&[
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
    let others = index().json(&["similar", "--passage", &passage, "--format", "json"]);
    assert_eq!(others["source_municipality"], "Kreis Steinfurt");
    let hits = others["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["municipality"] != "Kreis Steinfurt"), "other municipalities only");
    let all = index().json(&[
        "similar",
        "--passage",
        &passage,
        "--same-municipality",
        "--format",
        "json",
        "--limit",
        "20",
    ]);
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
        let out = index().run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
