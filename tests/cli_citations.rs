//! `--format csl|bibtex|ris` of `praev search` and `praev quotes`: one reference per hit, with
//! the hit's document, municipality, date and passage; quotes cite their speaker.

mod common;

use common::{bundled_index as index, hits};
use serde_json::Value;

#[test]
fn csl_json_cites_each_search_hit() {
    let results = index().json(&["search", "Frühe Hilfen", "-n", "3", "-f", "json"]);
    let items = index().json(&["search", "Frühe Hilfen", "-n", "3", "-f", "csl"]);
    let items = items.as_array().expect("CSL-JSON is an array of items");
    assert_eq!(items.len(), hits(&results).len());
    for (item, hit) in items.iter().zip(hits(&results)) {
        assert_eq!(item["id"], format!("{}#{}", hit["file"].as_str().unwrap(), hit["passage"]));
        assert_eq!(item["title"], hit["title"]);
        assert_eq!(item["author"], serde_json::json!([{"literal": hit["municipality"]}]));
        assert_eq!(item["publisher"], hit["municipality"]);
        let flat = |v: &Value| v.as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(flat(&item["note"]), flat(&hit["text"]), "the passage as the note");
        let kind = hit["kind"].as_str().unwrap();
        let expected_type =
            if kind == "press" || kind == "article" { "article-newspaper" } else { "webpage" };
        assert_eq!(item["type"], expected_type, "{kind}");
    }
}

#[test]
fn quotes_cite_the_speaker_with_the_date() {
    let items = index().json(&["quotes", "--speaker", "Effing", "-f", "csl"]);
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2, "both quotes of Dr. Klaus Effing");
    for item in items {
        assert_eq!(item["author"], serde_json::json!([{"literal": "Dr. Klaus Effing"}]));
        assert_eq!(item["publisher"], "Kreis Steinfurt");
        assert_eq!(item["issued"], serde_json::json!({"date-parts": [[2017, 5, 26]]}));
    }
    let ris = index().stdout(&["quotes", "--speaker", "Effing", "-f", "ris"]);
    assert_eq!(ris.lines().filter(|l| *l == "AU  - Dr. Klaus Effing").count(), 2);
    assert_eq!(ris.lines().filter(|l| *l == "DA  - 2017/05/26/").count(), 2);
    assert_eq!(ris.lines().filter(|l| *l == "ER  - ").count(), 2);
    assert!(ris.lines().all(|l| l.len() >= 6 && &l[2..6] == "  - "), "every line is `XX  - value`: {ris}");
}

#[test]
fn bibtex_entries_have_unique_keys_and_balanced_braces() {
    let bib = index().stdout(&["search", "Kinder", "-n", "8", "-f", "bibtex"]);
    let keys: Vec<&str> = bib
        .lines()
        .filter_map(|l| l.strip_prefix("@misc{").or_else(|| l.strip_prefix("@techreport{")))
        .collect();
    assert_eq!(keys.len(), 8, "{bib}");
    let unique: std::collections::HashSet<&&str> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len(), "keys are unique: {keys:?}");
    assert!(bib.contains("  author = {{Kreis"), "a Kreis is an institution: {bib}");
    let mut depth = 0_i32;
    let mut chars = bib.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0, "a closing brace without an opening one");
    }
    assert_eq!(depth, 0);
}

#[test]
fn a_bib_or_ris_file_picks_its_format_and_other_commands_refuse_citations() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("hits.bib");
    index().stdout(&["search", "Kita", "-n", "2", "-o", bib.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&bib).unwrap().starts_with('@'));
    let ris = dir.path().join("hits.ris");
    index().stdout(&["quotes", "-n", "2", "-o", ris.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&ris).unwrap().starts_with("TY  - "));
    let out = index().run(&["theme", "uebergaenge", "-f", "bibtex"]);
    assert_eq!(out.status.code(), Some(2), "theme hits are no citations (a usage error)");
}
