//! `praev search` on the bundled corpus: what ranks first, the output contract, odd queries.

mod common;

use common::{bundled_index as index, hits, COESFELD, DUEREN, KREFELD, STEINFURT_PRESS, STEINFURT_PROFILE};

fn top(query: &str) -> serde_json::Value {
    let results = index().search_json(query, &[]);
    hits(&results).first().cloned().unwrap_or_else(|| panic!("no hit for {query:?}"))
}

#[test]
fn uebergaenge_finds_a_passage_about_transitions_in_dueren_or_steinfurt() {
    let hit = top("Übergänge");
    let file = hit["file"].as_str().unwrap();
    assert!([DUEREN, STEINFURT_PROFILE].contains(&file), "top hit for Übergänge is {file}");
    assert!(
        hit["text"].as_str().unwrap().to_lowercase().contains("überg"),
        "the top passage mentions Übergang/Übergänge"
    );
}

#[test]
fn spelling_variants_of_uebergaenge_find_the_same_passages() {
    let expected = index().files("Übergänge");
    assert!(!expected.is_empty());
    for variant in ["Uebergaenge", "Ubergange", "übergang", "ÜBERGÄNGEN"] {
        assert_eq!(index().files(variant), expected, "{variant} must meet Übergänge (folding + stemming)");
    }
}

#[test]
fn fruehe_hilfen_phrase_ranks_dueren_first() {
    let hit = top("\"Frühe Hilfen\"");
    assert_eq!(hit["file"], DUEREN);
    assert_eq!(hit["municipality"], "Kreis Düren");
}

#[test]
fn partizipation_ranks_steinfurt_first() {
    let hit = top("Partizipation");
    assert_eq!(hit["municipality"], "Kreis Steinfurt", "top hit: {hit}");
}

#[test]
fn armutsfolgenpraevention_in_krefeld_leitbild() {
    let hit = top("Armutfolgenprävention");
    assert_eq!(hit["file"], KREFELD);
    assert_eq!(hit["kind"], "leitbild");
}

#[test]
fn kinderschutzfachkraefte_finds_dueren() {
    assert_eq!(top("Kinderschutzfachkräfte")["file"], DUEREN);
}

#[test]
fn netzwerk_chancengerechtigkeit_finds_coesfeld() {
    assert_eq!(top("Netzwerk Chancengerechtigkeit")["file"], COESFELD);
}

#[test]
fn landrat_effing_finds_the_press_release() {
    let hit = top("Landrat Effing");
    assert_eq!(hit["file"], STEINFURT_PRESS);
    assert_eq!(hit["kind"], "press");
}

#[test]
fn more_query_words_rank_higher() {
    // Both words in one passage beat passages with one of them.
    let hit = top("Kinderschutzfachkräfte Kitas");
    let text = hit["text"].as_str().unwrap();
    assert!(text.contains("Kinderschutzfachkräfte") && text.contains("Kitas"), "top: {text}");
}

#[test]
fn exclusion_removes_matching_passages() {
    let results = index().search_json("Übergänge -Inklusion", &[]);
    assert!(!hits(&results).is_empty());
    for hit in hits(&results) {
        assert!(!hit["text"].as_str().unwrap().contains("Inklusion"), "excluded word in {hit}");
    }
}

#[test]
fn json_contract_fields_and_highlights() {
    let results = index().search_json("Übergänge", &["--limit", "3", "--exact"]);
    assert_eq!(results["query"], "Übergänge");
    assert!(results["total_hits"].as_u64().unwrap() >= hits(&results).len() as u64);
    assert!(hits(&results).len() <= 3);
    for hit in hits(&results) {
        for key in ["file", "passage", "municipality", "kind", "section", "text", "highlights", "score"] {
            assert!(hit.get(key).is_some(), "hit lacks {key}: {hit}");
        }
        let text: Vec<char> = hit["text"].as_str().unwrap().chars().collect();
        let highlights = hit["highlights"].as_array().unwrap();
        assert!(!highlights.is_empty(), "a hit has highlighted words");
        for range in highlights {
            let (start, end) = (range[0].as_u64().unwrap() as usize, range[1].as_u64().unwrap() as usize);
            let word: String = text[start..end].iter().collect();
            assert!(word.to_lowercase().starts_with("überg"), "highlight {word:?} is not a form of Übergang");
        }
    }
}

#[test]
fn jsonl_and_csv_print_one_record_per_hit() {
    let jsonl = index()
        .cmd()
        .args(["search", "Kinder", "--limit", "4", "--format", "jsonl", "--index"])
        .arg(index().path())
        .output()
        .unwrap();
    let text = String::from_utf8(jsonl.stdout).unwrap();
    assert_eq!(text.lines().count(), 4);
    for line in text.lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(hit["score"].as_f64().unwrap() > 0.0);
    }
    let csv = index()
        .cmd()
        .args(["search", "Kinder", "--limit", "4", "--format", "csv", "--index"])
        .arg(index().path())
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    assert_eq!(&reader.headers().unwrap()[0], "file");
    assert_eq!(reader.records().count(), 4);
}

#[test]
fn municipality_and_kind_filters() {
    let results = index().search_json("Kinder", &["--municipality", "steinfurt", "--limit", "50"]);
    assert!(!hits(&results).is_empty());
    assert!(hits(&results).iter().all(|h| h["municipality"] == "Kreis Steinfurt"));
    let press = index().search_json("Kinder", &["--kind", "press", "--limit", "50"]);
    assert!(!hits(&press).is_empty());
    assert!(hits(&press).iter().all(|h| h["file"] == STEINFURT_PRESS));
}

#[test]
fn unknown_municipality_is_a_usage_error_naming_it() {
    index()
        .cmd()
        .args(["search", "Kinder", "--municipality", "Atlantis", "--index"])
        .arg(index().path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("Atlantis"));
}

#[test]
fn odd_queries_never_fail() {
    for query in [
        "",
        "   ",
        "?!.,;",
        "\"",
        "\"Frühe Hilfen",
        "-",
        "+",
        "- +",
        "-Kinder",
        "und die der",
        "((Kita)) AND OR",
        "ß",
        "🙂",
    ] {
        let out = index()
            .cmd()
            .args(["search", query, "--format", "json", "--index"])
            .arg(index().path())
            .output()
            .unwrap();
        assert!(out.status.success(), "query {query:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        let _: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{query:?}: {e}"));
    }
}

#[test]
fn punctuation_only_query_says_why_there_are_no_hits() {
    index()
        .cmd()
        .args(["search", "?!", "--index"])
        .arg(index().path())
        .assert()
        .success()
        .stderr(predicates::str::contains("no searchable words"));
}

#[test]
fn table_output_is_plain_when_piped() {
    let out = index().run(&["search", "Übergänge"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Übergänge"), "snippet shows the matched word");
    assert!(!text.contains('\u{1b}'), "no ANSI escapes when piped");
    assert!(text.lines().all(|l| l.chars().count() <= 120), "fits 120 columns when piped");
}

#[test]
fn feedback_adds_the_words_of_the_best_passages_and_keeps_the_best_first() {
    for (query, file) in [("Kinderschutzfachkräfte", DUEREN), ("Armutfolgenprävention", KREFELD)] {
        let results = index().search_json(query, &["--feedback"]);
        assert_eq!(hits(&results)[0]["file"], file, "{query} with feedback");
    }
    let out = index().run(&["search", "Partizipation", "--feedback", "--feedback-terms", "3", "--explain"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line =
        stderr.lines().find(|l| l.starts_with("feedback terms: ")).expect("the added terms are explained");
    assert_eq!(line.matches(", ").count(), 2, "three terms: {line}");
    assert!(!line.contains("partizipation"), "a searched word is not added again: {line}");
}

#[test]
fn feedback_settings_need_feedback() {
    index()
        .cmd()
        .args(["search", "Kita", "--feedback-terms", "5", "--index"])
        .arg(index().path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--feedback"));
}
