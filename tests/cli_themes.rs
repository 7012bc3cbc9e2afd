//! `praev themes`, `praev theme`, `praev matrix` and `search --theme` on the bundled corpus.

mod common;

use common::{bundled_index as index, DUEREN, STEINFURT_PROFILE};
use serde_json::Value;

fn theme_hits(name: &str, limit: &str) -> Vec<Value> {
    index().json(&["theme", name, "--format", "json", "--limit", limit])["hits"].as_array().unwrap().clone()
}

#[test]
fn uebergaenge_ranks_the_transition_passages_of_dueren_and_steinfurt_in_the_top_five() {
    let hits = theme_hits("Übergänge", "5");
    let holds = |file: &str, words: &str| {
        hits.iter().any(|h| h["file"] == file && h["text"].as_str().unwrap().contains(words))
    };
    assert!(holds(DUEREN, "Kultur des Übergangs"), "Düren's Kultur des Übergangs in the top five");
    assert!(holds(DUEREN, "Strukturierte Übergänge"), "Düren's Strukturierte Übergänge in the top five");
    assert!(holds(STEINFURT_PROFILE, "Übergänge werden gestaltet"), "Steinfurt's Leitlinie in the top five");
    let first = &hits[0];
    let matched: Vec<&str> =
        first["matched_terms"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(matched.contains(&"Kultur des Übergangs") && matched.contains(&"Nahtstelle"), "{matched:?}");
}

#[test]
fn partizipation_ranks_steinfurt_above_dueren() {
    let ranking = index().json(&["theme", "partizipation", "--by", "municipality", "--format", "json"]);
    let names: Vec<&str> = ranking["municipalities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["municipality"].as_str().unwrap())
        .collect();
    assert_eq!(names.first(), Some(&"Kreis Steinfurt"), "{names:?}");
    let position = |name: &str| names.iter().position(|n| *n == name).unwrap_or(usize::MAX);
    assert!(position("Kreis Steinfurt") < position("Kreis Düren"));
    let hits = theme_hits("Partizipation", "3");
    assert_eq!(hits[0]["municipality"], "Kreis Steinfurt");
}

#[test]
fn fruehe_hilfen_puts_dueren_first_by_passage_and_by_municipality() {
    let hits = theme_hits("fruehe hilfen", "3");
    assert_eq!(hits[0]["municipality"], "Kreis Düren");
    assert!(hits[0]["text"].as_str().unwrap().contains("Frühen Hilfen"));
    let ranking = index().json(&["theme", "Frühe Hilfen", "--by", "municipality", "--format", "json"]);
    let first = &ranking["municipalities"][0];
    assert_eq!(first["municipality"], "Kreis Düren");
    assert!(first["strength"].as_f64().unwrap() > ranking["municipalities"][1]["strength"].as_f64().unwrap());
    assert_eq!(first["best"]["file"], DUEREN, "each municipality comes with its best passage");
}

#[test]
fn theme_hits_carry_the_search_contract_plus_matched_terms() {
    let hit = &theme_hits("uebergaenge", "1")[0];
    for field in [
        "file",
        "passage",
        "municipality",
        "kind",
        "section",
        "date",
        "text",
        "highlights",
        "score",
        "matched_terms",
    ] {
        assert!(hit.get(field).is_some(), "field {field} missing in {hit}");
    }
    let lines = index().stdout(&["theme", "uebergaenge", "--format", "jsonl", "--limit", "3"]);
    assert_eq!(lines.lines().count(), 3);
    let csv = index().stdout(&["theme", "uebergaenge", "--format", "csv", "--limit", "2"]);
    // matched_terms stays where it was, after the search columns; columns added later follow it.
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",role,matched_terms,title,url,district,quote,truncated,reported,page"),
        "{header}"
    );
}

#[test]
fn theme_filters_by_municipality_and_kind() {
    let hits = index().json(&["theme", "uebergaenge", "--format", "json", "-m", "steinfurt"])["hits"]
        .as_array()
        .unwrap()
        .clone();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["municipality"] == "Kreis Steinfurt"));
    let press = index().json(&["theme", "vernetzung", "--format", "json", "--kind", "press"])["hits"]
        .as_array()
        .unwrap()
        .clone();
    assert!(press.iter().all(|h| h["kind"] == "press"));
}

#[test]
fn themes_lists_every_theme_with_counts() {
    let themes = index().json(&["themes", "--format", "json"]);
    let themes = themes.as_array().unwrap();
    assert!(themes.len() >= 16);
    let uebergaenge = themes.iter().find(|t| t["id"] == "uebergaenge").expect("uebergaenge listed");
    assert!(uebergaenge["passages"].as_u64().unwrap() >= 3);
    assert!(uebergaenge["municipalities"].as_u64().unwrap() >= 3);
    assert!(themes.iter().all(|t| t["label"].is_string() && t["description"].is_string()));
}

#[test]
fn a_name_no_theme_has_builds_a_theme_from_the_text_naming_the_closest_themes() {
    let out = index().stdout(&["theme", "Uebergnge", "-n", "1"]);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("theme built from the text \"Uebergnge\""), "{out}");
    assert!(first.contains("closest: uebergaenge"), "the closest theme is named: {first}");
}

#[test]
fn a_free_text_topic_ranks_the_passage_holding_its_words_first() {
    let result = index().json(&["theme", "Kooperation an Nahtstellen", "--format", "json", "-n", "3"]);
    assert_eq!(result["built_from_text"], true);
    assert_eq!(result["label"], "Kooperation an Nahtstellen");
    let hits = result["hits"].as_array().unwrap();
    assert_eq!(hits[0]["file"], DUEREN, "{hits:?}");
    assert!(hits[0]["text"].as_str().unwrap().contains("Kooperation an den Nahtstellen"));
    let terms = result["terms"].as_array().unwrap();
    let from = |text: &str| terms.iter().find(|t| t["text"] == text).map(|t| t["from"].clone());
    assert_eq!(from("Kooperation"), Some("word".into()), "{terms:?}");
    assert_eq!(from("Nahtstellen"), Some("word".into()), "{terms:?}");
    assert_eq!(from("Kooperation an Nahtstellen"), Some("phrase".into()), "{terms:?}");
    assert!(terms.iter().any(|t| t["from"] == "synonym"), "the domain synonyms join: {terms:?}");
    let weights: Vec<f64> = terms.iter().map(|t| t["weight"].as_f64().unwrap()).collect();
    assert!(weights.windows(2).all(|w| w[0] >= w[1]), "strongest first: {weights:?}");
}

#[test]
fn a_free_text_topic_ranks_municipalities_and_says_so_in_the_table() {
    let ranking =
        index().json(&["theme", "Kooperation an Nahtstellen", "--by", "municipality", "--format", "json"]);
    assert_eq!(ranking["built_from_text"], true);
    assert_eq!(ranking["municipalities"][0]["municipality"], "Kreis Düren", "{ranking}");
    let table = index().stdout(&["theme", "Kooperation an Nahtstellen", "-n", "2"]);
    assert!(table.starts_with("theme built from the text \"Kooperation an Nahtstellen\""), "{table}");
    assert!(table.contains("core terms: Kooperation, Nahtstellen, Kooperation an Nahtstellen"), "{table}");
}

#[test]
fn a_configured_theme_is_not_built_from_text() {
    for name in ["Übergänge", "fruehe hilfen", "partizip"] {
        let result = index().json(&["theme", name, "--format", "json", "-n", "1"]);
        assert_eq!(result["built_from_text"], false, "{name}");
        assert!(result.get("terms").is_none(), "{name}: the terms are those of themes.toml");
    }
}

#[test]
fn empty_stop_word_and_ambiguous_names_are_one_line_usage_errors() {
    for (name, words) in [("", "is empty"), ("und der", "only stop words"), ("Kinder", "ambiguous")] {
        let out = index().run(&["theme", name]);
        assert_eq!(out.status.code(), Some(2), "{name:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.contains(words), "{name:?}: {stderr}");
    }
}

#[test]
fn a_broken_themes_file_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("themes.toml");
    std::fs::write(&file, "[[theme]]\nid = \"a\"\nlabel = \"A\"\ndescription = \"d\"\ncore = []\n").unwrap();
    let out = index()
        .cmd()
        .args(["theme", "a", "--themes-file"])
        .arg(&file)
        .arg("--index")
        .arg(index().path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("themes.toml") && stderr.contains("line 1") && stderr.contains("core"),
        "{stderr}"
    );
}

#[test]
fn matrix_json_has_themes_municipalities_and_every_cell() {
    let matrix =
        index().json(&["matrix", "--format", "json", "--themes", "uebergaenge,partizipation,fruehe-hilfen"]);
    let themes = matrix["themes"].as_array().unwrap();
    let municipalities = matrix["municipalities"].as_array().unwrap();
    let cells = matrix["cells"].as_array().unwrap();
    assert_eq!(themes.len(), 3);
    assert!(municipalities.len() >= 4);
    assert_eq!(cells.len(), themes.len() * municipalities.len());
    let cell = |theme: &str, municipality: &str| {
        cells.iter().find(|c| c["theme"] == theme && c["municipality"] == municipality).unwrap()["strength"]
            .as_f64()
            .unwrap()
    };
    assert!(cell("partizipation", "Kreis Steinfurt") > cell("partizipation", "Kreis Düren"));
    assert!(cell("fruehe-hilfen", "Kreis Düren") > cell("fruehe-hilfen", "Kreis Steinfurt"));
    assert!(cells.iter().all(|c| (0.0..=1.0).contains(&c["relative"].as_f64().unwrap())));
}

#[test]
fn matrix_agrees_with_theme_by_municipality() {
    let matrix = index().json(&["matrix", "--format", "json", "--themes", "uebergaenge"]);
    let ranking = index().json(&["theme", "uebergaenge", "--by", "municipality", "--format", "json"]);
    for row in ranking["municipalities"].as_array().unwrap() {
        let cell = matrix["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["municipality"] == row["municipality"])
            .unwrap();
        assert!((cell["strength"].as_f64().unwrap() - row["strength"].as_f64().unwrap()).abs() < 1e-4);
    }
}

#[test]
fn matrix_writes_html_and_svg_files() {
    let dir = tempfile::tempdir().unwrap();
    for (format, start) in [("html", "<!DOCTYPE html>"), ("svg", "<")] {
        let file = dir.path().join(format!("matrix.{format}"));
        let out = index()
            .cmd()
            .args(["matrix", "--format", format, "--output"])
            .arg(&file)
            .arg("--index")
            .arg(index().path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "--output writes the file, not stdout");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with(start), "{format} starts with {start}");
        assert!(
            text.contains("Kreis Steinfurt") && text.contains("Übergänge"),
            "{format} names rows and columns"
        );
    }
    let csv = index().stdout(&["matrix", "--format", "csv"]);
    assert!(csv.starts_with("theme,label,"));
    assert!(csv.lines().count() >= 17);
}

#[test]
fn search_with_a_theme_keeps_only_passages_about_it() {
    let all = index().json(&["search", "Kinder", "--format", "json", "--limit", "50", "--per-file", "0"]);
    let themed = index().json(&[
        "search",
        "Kinder",
        "--format",
        "json",
        "--limit",
        "50",
        "--per-file",
        "0",
        "--theme",
        "partizipation",
    ]);
    let themed_hits = themed["hits"].as_array().unwrap();
    assert!(!themed_hits.is_empty());
    assert!(themed_hits.len() < all["hits"].as_array().unwrap().len());
    let about: Vec<String> =
        index().json(&["theme", "partizipation", "--format", "json", "--limit", "100", "--per-file", "0"])
            ["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| format!("{}#{}", h["file"], h["passage"]))
            .collect();
    for hit in themed_hits {
        assert!(
            about.contains(&format!("{}#{}", hit["file"], hit["passage"])),
            "{hit} is not about Partizipation"
        );
    }
}
