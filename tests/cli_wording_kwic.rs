//! `praev kwic` and `praev terms` on the bundled corpus.

mod common;

use common::bundled_index as index;
use serde_json::Value;

fn rows(args: &[&str]) -> Vec<Value> {
    let stdout = index().stdout(args);
    let value: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {stdout}"));
    value.as_array().unwrap_or_else(|| panic!("{args:?} printed no list: {stdout}")).clone()
}

fn text(row: &Value, field: &str) -> String {
    row[field].as_str().unwrap_or_else(|| panic!("no string {field} in {row}")).to_string()
}

/// The passage texts by `file#passage`, from search's JSON.
fn passage_text(file: &str, passage: u64, municipality: &str) -> String {
    let results = index()
        .search_json("Übergang", &["--exact", "--limit", "100", "--per-file", "0", "-m", municipality]);
    let hit = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["file"] == file && h["passage"] == passage)
        .unwrap_or_else(|| panic!("{file}#{passage} not found by search"))
        .clone();
    text(&hit, "text")
}

#[test]
fn kwic_finds_the_forms_of_uebergang_in_dueren_and_steinfurt() {
    let lines = rows(&["kwic", "Übergang", "--format", "json"]);
    assert!(!lines.is_empty());
    for line in &lines {
        let matched = text(line, "match").to_lowercase();
        assert!(matched.starts_with("übergang") || matched.starts_with("übergäng"), "{line}");
    }
    let forms: Vec<String> = lines.iter().map(|l| text(l, "match")).collect();
    assert!(
        forms.contains(&"Übergänge".to_string()) && forms.contains(&"Übergangs".to_string()),
        "{forms:?}"
    );
    let from = |name: &str| lines.iter().any(|l| l["municipality"] == name);
    assert!(from("Kreis Düren") && from("Kreis Steinfurt"), "{lines:?}");
}

#[test]
fn kwic_json_has_exactly_the_documented_fields() {
    let lines = rows(&["kwic", "Übergang", "--format", "json", "--limit", "1"]);
    assert_eq!(lines.len(), 1);
    let mut fields: Vec<&str> = lines[0].as_object().unwrap().keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["file", "left", "match", "municipality", "passage", "right"]);
}

#[test]
fn kwic_lines_are_consecutive_parts_of_the_passage() {
    for line in rows(&["kwic", "Übergang", "--format", "json"]) {
        let left = text(&line, "left");
        let right = text(&line, "right");
        let whole = format!(
            "{}{}{}",
            left.trim_start_matches('…'),
            text(&line, "match"),
            right.trim_end_matches('…')
        );
        let passage = passage_text(
            &text(&line, "file"),
            line["passage"].as_u64().unwrap(),
            &text(&line, "municipality"),
        );
        assert!(passage.contains(&whole), "{whole:?} is not in {passage:?}");
    }
}

#[test]
fn kwic_width_bounds_the_context() {
    let lines = rows(&["kwic", "Übergang", "--format", "json", "--width", "20"]);
    assert!(lines.iter().any(|l| text(l, "left").starts_with('…')), "some left context is cut");
    for line in &lines {
        assert!(text(line, "left").chars().count() <= 21, "{line}");
        assert!(text(line, "right").chars().count() <= 21, "{line}");
    }
}

#[test]
fn kwic_table_and_csv_show_municipality_and_passage() {
    let table = index().stdout(&["kwic", "Übergang"]);
    assert!(table.contains("Kreis Steinfurt") && table.contains("004_b2df2b7532f9f2ee.txt#"), "{table}");
    let csv = index().stdout(&["kwic", "Übergang", "--format", "csv"]);
    assert!(csv.starts_with("file,passage,municipality,left,match,right\n"), "{csv}");
}

#[test]
fn kwic_of_only_stop_words_is_a_usage_error() {
    let out = index().run(&["kwic", "und"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn terms_of_steinfurt_name_steinfurt_and_its_leitbild_words() {
    let terms = rows(&["terms", "--municipality", "steinfurt", "--format", "json"]);
    assert!(!terms.is_empty() && terms.len() <= 30, "{}", terms.len());
    let surfaces: Vec<String> = terms.iter().map(|t| text(t, "surface")).collect();
    assert_eq!(surfaces[0], "Steinfurt", "{surfaces:?}");
    assert!(surfaces.contains(&"Partizipation".to_string()), "{surfaces:?}");
    let g2: Vec<f64> = terms.iter().map(|t| t["log_likelihood"].as_f64().unwrap()).collect();
    assert!(g2.windows(2).all(|w| w[0] >= w[1]), "sorted by G² descending: {g2:?}");
    for t in &terms {
        assert!(t["subset_per_million"].as_f64() > t["rest_per_million"].as_f64(), "{t}");
        assert!(t["subset_count"].as_u64().unwrap() >= 2, "{t}");
        assert!(!text(t, "term").is_empty());
    }
    let mut fields: Vec<&str> = terms[0].as_object().unwrap().keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "log_likelihood",
            "rest_count",
            "rest_per_million",
            "subset_count",
            "subset_per_million",
            "surface",
            "term"
        ]
    );
}

#[test]
fn terms_limit_and_csv() {
    let csv = index().stdout(&["terms", "-m", "steinfurt", "--limit", "3", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "term,surface,subset_count,rest_count,subset_per_million,rest_per_million,log_likelihood"
    );
    assert_eq!(lines.len(), 4, "{csv}");
}

#[test]
fn terms_without_a_filter_is_a_usage_error() {
    let out = index().run(&["terms"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

#[test]
fn terms_takes_document_kinds_only() {
    // Quote passages are never part of a terms subset, so `--kind quote` is refused up front
    // with the list of document kinds instead of failing later with an empty subset.
    let out = index().run(&["terms", "--kind", "quote"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown document kind \"quote\" (profile, leitbild, press"), "{stderr}");
}
