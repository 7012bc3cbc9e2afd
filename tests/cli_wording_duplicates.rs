//! `praev duplicates` on the bundled corpus: both Steinfurt documents share the Leitbild line
//! "Gutes miteinander vernetzen – Lücken schließen – …".

mod common;

use common::{bundled_index as index, STEINFURT_PRESS, STEINFURT_PROFILE};
use serde_json::Value;

const LEITBILD: &str = "Gutes miteinander vernetzen";

/// `praev duplicates ARGS`, expecting success; its stdout.
fn run(args: &[&str]) -> String {
    index().stdout(&[&["duplicates"], args].concat())
}

fn groups(args: &[&str]) -> Vec<Value> {
    let value = index().json(&[&["duplicates"], args, &["--format", "json", "--limit", "10000"]].concat());
    value.as_array().expect("a list of groups").clone()
}

fn files(group: &Value) -> Vec<&str> {
    group["occurrences"].as_array().unwrap().iter().map(|o| o["file"].as_str().unwrap()).collect()
}

fn is_steinfurt_leitbild(group: &Value) -> bool {
    let files = files(group);
    group["text"].as_str().unwrap().contains(LEITBILD)
        && files.contains(&STEINFURT_PROFILE)
        && files.contains(&STEINFURT_PRESS)
}

#[test]
fn same_municipality_finds_the_steinfurt_leitbild_line() {
    let groups = groups(&["--same-municipality", "--min-words", "5"]);
    let group = groups.iter().find(|g| is_steinfurt_leitbild(g)).expect("the Steinfurt Leitbild line");
    assert!(group["text"].as_str().unwrap().contains("Lücken schließen"), "{group}");
    assert!(group["words"].as_u64().unwrap() >= 5);
    assert_eq!(group["documents"], 2);
    assert_eq!(group["municipalities"], serde_json::json!(["Kreis Steinfurt"]));
}

#[test]
fn by_default_groups_of_one_municipality_are_left_out() {
    let groups = groups(&["--min-words", "5"]);
    assert!(!groups.iter().any(is_steinfurt_leitbild), "the Steinfurt-only group must not appear");
    for group in &groups {
        let municipalities = group["municipalities"].as_array().unwrap().len();
        let without = group["occurrences"].as_array().unwrap().iter().any(|o| o["municipality"].is_null());
        assert!(municipalities >= 2 || without, "every group crosses municipalities: {group}");
    }
}

#[test]
fn json_groups_carry_the_documented_fields_and_are_sorted() {
    let groups = groups(&["--same-municipality", "--min-words", "4"]);
    assert!(!groups.is_empty());
    for group in &groups {
        for field in ["text", "words", "documents", "municipalities", "occurrences"] {
            assert!(group.get(field).is_some(), "field {field} missing in {group}");
        }
        for occurrence in group["occurrences"].as_array().unwrap() {
            for field in ["file", "passage", "municipality"] {
                assert!(occurrence.get(field).is_some(), "field {field} missing in {occurrence}");
            }
        }
        assert!(group["words"].as_u64().unwrap() >= 4);
        assert!(group["documents"].as_u64().unwrap() >= 2);
    }
    let keys: Vec<(u64, u64)> =
        groups.iter().map(|g| (g["documents"].as_u64().unwrap(), g["words"].as_u64().unwrap())).collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted, "documents desc, then words desc");
}

#[test]
fn csv_has_one_row_per_occurrence_under_the_documented_header() {
    let csv = run(&["--same-municipality", "--min-words", "5", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("group,text,words,file,passage,municipality"));
    assert!(csv.contains(STEINFURT_PROFILE) && csv.contains(STEINFURT_PRESS), "{csv}");
}

#[test]
fn table_shows_the_group() {
    let table = run(&["--same-municipality", "--min-words", "5", "--limit", "1000"]);
    assert!(table.contains("municipalities") && table.contains(LEITBILD), "{table}");
}

#[test]
fn fewer_than_two_min_words_is_a_usage_error() {
    for n in ["0", "1"] {
        let out = index()
            .cmd()
            .args(["duplicates", "--min-words", n, "--index"])
            .arg(index().path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--min-words {n}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.contains("--min-words"), "{stderr}");
    }
}
