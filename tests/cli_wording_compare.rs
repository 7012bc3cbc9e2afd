//! `praev compare` on the bundled corpus: themes, distinctive words, similar passages and the
//! slogan both Steinfurt documents share.

mod common;

use common::{bundled_index as index, STEINFURT_PRESS, STEINFURT_PROFILE};

#[test]
fn the_two_steinfurt_documents_share_their_leitbild_line() {
    let c = index().json(&["compare", STEINFURT_PROFILE, STEINFURT_PRESS, "--format", "json"]);
    assert_eq!(c["a"]["kind"], "file");
    let shared: Vec<&str> =
        c["shared_sequences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert!(shared.iter().any(|t| t.contains("Gutes miteinander vernetzen")), "{shared:?}");
    let table =
        String::from_utf8(index().run(&["compare", STEINFURT_PROFILE, STEINFURT_PRESS]).stdout).unwrap();
    assert!(table.contains("Gutes miteinander vernetzen"));
}

#[test]
fn two_municipalities_side_by_side() {
    let c = index().json(&["compare", "steinfurt", "düren", "--format", "json"]);
    assert_eq!(
        (c["a"]["name"].as_str(), c["b"]["name"].as_str()),
        (Some("Kreis Steinfurt"), Some("Kreis Düren"))
    );
    let theme = |id: &str| c["themes"].as_array().unwrap().iter().find(|t| t["theme"] == id).unwrap().clone();
    let partizipation = theme("partizipation");
    assert!(partizipation["a"].as_f64().unwrap() > partizipation["b"].as_f64().unwrap());
    let fruehe_hilfen = theme("fruehe-hilfen");
    assert!(fruehe_hilfen["b"].as_f64().unwrap() > fruehe_hilfen["a"].as_f64().unwrap());
    let surfaces = |key: &str| -> Vec<String> {
        c[key].as_array().unwrap().iter().map(|t| t["surface"].as_str().unwrap().to_string()).collect()
    };
    assert!(surfaces("distinctive_a").iter().any(|s| s == "Steinfurt"), "{:?}", surfaces("distinctive_a"));
    assert!(!surfaces("distinctive_b").iter().any(|s| s == "Steinfurt"));
    let pairs = c["similar_passages"].as_array().unwrap();
    assert!(!pairs.is_empty());
    assert!(pairs.iter().all(|p| p["a"]["file"].as_str().unwrap().starts_with("00")));
    let csv =
        String::from_utf8(index().run(&["compare", "steinfurt", "düren", "--format", "csv"]).stdout).unwrap();
    assert!(csv.starts_with("section,name,a,b,detail"));
    assert!(csv.lines().any(|l| l.starts_with("theme,partizipation,")));
}

#[test]
fn unknown_or_overlapping_sides_are_usage_errors() {
    for args in [["compare", "nirgendwo", "düren"], ["compare", "steinfurt", STEINFURT_PRESS]] {
        let out = index().run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
