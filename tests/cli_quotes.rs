//! `praev quotes`, `search --kind quote`/`--speaker` and `praev municipalities` on the bundled
//! corpus: every quote with its speaker and role, nothing else taken for a quote.

mod common;

use common::{bundled_index as index, hits, COESFELD, DUEREN, KREFELD, STEINFURT_PRESS, STEINFURT_PROFILE};

/// Every quote of the corpus: (file, speaker, role, text).
fn all_quotes() -> Vec<(String, String, String, String)> {
    let results = index().json(&["quotes", "--format", "json", "--limit", "100"]);
    hits(&results)
        .iter()
        .map(|h| {
            let field = |name: &str| h[name].as_str().unwrap_or("").to_string();
            (field("file"), field("speaker"), field("role"), field("text"))
        })
        .collect()
}

#[test]
fn every_quote_of_the_seeds_is_found_with_its_speaker_and_role() {
    let quotes = all_quotes();
    let expected: [(&str, &str, &str); 8] = [
        (STEINFURT_PROFILE, "Dr. Sommer", "Landrat"),
        (COESFELD, "Dr. Christian Schulze Pellengahr", "Landrat"),
        (DUEREN, "Wolfgang Spelthahn", "Landrat"),
        (STEINFURT_PRESS, "Dr. Klaus Effing", "Landrat"),
        (STEINFURT_PRESS, "Annita Cladder-Micus", "Projektkoordinatorin „KeKiz“ im Kreisjugendamt"),
        (STEINFURT_PRESS, "Tilman Fuchs", "Sozialdezernent des Kreises"),
        (STEINFURT_PRESS, "Roswitha Reckels", "Leiterin des Kreisjugendamtes"),
        (STEINFURT_PRESS, "Dr. Klaus Effing", "Landrat"),
    ];
    for (file, speaker, role) in expected {
        assert!(
            quotes.iter().any(|(f, s, r, _)| f == file && s == speaker && r == role),
            "no quote of {speaker} ({role}) in {file}: {quotes:#?}"
        );
    }
    let effing = quotes.iter().filter(|(_, s, _, _)| s == "Dr. Klaus Effing").count();
    assert_eq!(effing, 2, "both Effing quotes, the second resolved from `Landrat Dr. Effing`");
    assert_eq!(quotes.len(), 8, "exactly the eight quotes: {quotes:#?}");
    assert!(quotes.iter().all(|(f, _, _, _)| f != KREFELD), "Krefeld's slogans are no quotes");
}

#[test]
fn scare_quotes_titles_and_slogans_are_no_quotes() {
    for (_, _, _, text) in all_quotes() {
        for not_a_quote in ["abgehängt", "Vom Kind aus denken", "Ungleiches ungleich behandeln"] {
            assert!(!text.starts_with(not_a_quote), "{not_a_quote:?} was taken for a quote");
        }
        assert_ne!(text, "Kein Kind zurücklassen");
        assert!(text.split_whitespace().count() >= 5, "a quote is a statement: {text:?}");
    }
}

#[test]
fn a_query_ranks_the_named_role_first() {
    let results = index().json(&["quotes", "Landrat Zitat", "--format", "json"]);
    let roles: Vec<&str> = hits(&results).iter().map(|h| h["role"].as_str().unwrap_or("")).collect();
    assert_eq!(roles.len(), 5, "the five quotes of Landräte: {roles:?}");
    assert!(roles.iter().all(|r| *r == "Landrat"), "{roles:?}");
    let results = index().json(&["quotes", "Partizipation Zielgruppe", "--format", "json"]);
    assert_eq!(hits(&results)[0]["speaker"], "Annita Cladder-Micus");
}

#[test]
fn quote_hits_carry_the_search_contract_with_speaker_role_and_date() {
    let results = index().json(&["quotes", "--speaker", "Effing", "--format", "json"]);
    let found = hits(&results);
    assert_eq!(found.len(), 2);
    for hit in found {
        assert_eq!(hit["kind"], "quote");
        assert_eq!(hit["role"], "Landrat");
        assert_eq!(hit["date"], "2017-05-26", "the press release's date");
        assert_eq!(hit["municipality"], "Kreis Steinfurt");
        for field in ["file", "passage", "section", "text", "highlights", "score"] {
            assert!(hit.get(field).is_some(), "{field} missing");
        }
    }
    let by_role = index().json(&["quotes", "--role", "Landrätin", "--format", "json"]);
    assert_eq!(hits(&by_role).len(), 5, "Landrätin finds the Landräte");
}

#[test]
fn without_a_query_quotes_are_listed_by_municipality() {
    let results = index().json(&["quotes", "--format", "json", "--limit", "100"]);
    let names: Vec<&str> = hits(&results).iter().map(|h| h["municipality"].as_str().unwrap_or("~")).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn search_leaves_quotes_out_unless_asked() {
    let plain = index().json(&["search", "Teufelskreise", "--format", "json"]);
    assert!(hits(&plain).iter().all(|h| h["kind"] != "quote"));
    let quotes = index().json(&["search", "Teufelskreise", "--kind", "quote", "--format", "json"]);
    assert_eq!(hits(&quotes).len(), 1);
    assert_eq!(hits(&quotes)[0]["speaker"], "Tilman Fuchs");
    let by_speaker = index().json(&["search", "Kooperation", "--speaker", "Spelthahn", "--format", "json"]);
    assert!(!hits(&by_speaker).is_empty());
    assert!(hits(&by_speaker).iter().all(|h| h["speaker"] == "Wolfgang Spelthahn"));
}

/// `search --speaker` finds a person by any form of the name, as `quotes --speaker` does, and no
/// namesake with another first name.
#[test]
fn search_by_speaker_takes_any_form_of_the_name_like_quotes() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "Kreis Musterland. „Die Kooperation mit den Schulen trägt inzwischen reiche Früchte“, sagt Landrat Effing.",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("b.txt"),
        "Stadt Beispielhausen. „Die Kooperation mit den Kitas ist für uns der wichtigste Baustein“, sagt Bürgermeisterin Maria Roth.",
    )
    .unwrap();
    let index = common::TestIndex::of(corpus.path());
    let speakers = |command: &str, asked: &str| -> Vec<String> {
        let args = match command {
            "search" => vec!["search", "Kooperation", "--speaker", asked, "--format", "json"],
            _ => vec!["quotes", "--speaker", asked, "--format", "json"],
        };
        hits(&index.json(&args)).iter().map(|h| h["speaker"].as_str().unwrap().to_string()).collect()
    };
    for command in ["search", "quotes"] {
        assert_eq!(speakers(command, "Klaus Effing"), ["Effing"], "{command}");
        assert_eq!(speakers(command, "Maria Roth"), ["Maria Roth"], "{command}");
        assert_eq!(speakers(command, "roth"), ["Maria Roth"], "{command}");
        assert!(speakers(command, "Eva Roth").is_empty(), "{command}");
    }
}

/// A query naming an office lists its holders' quotes first, then quotes that only mention it.
#[test]
fn quotes_of_an_office_come_before_quotes_about_it() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "Kreis Musterland. „Die Koordinatorinnen vor Ort kennen die Familien am besten“, sagt Bürgermeisterin Maria Roth.\n\n\
         „Wir bringen Kitas, Schulen und Beratungsstellen an einen Tisch“, sagt Koordinatorin Anna Schulz.",
    )
    .unwrap();
    let index = common::TestIndex::of(corpus.path());
    let found = index.json(&["quotes", "Koordinatorin Zitat", "--format", "json"]);
    let speakers: Vec<&str> = hits(&found).iter().map(|h| h["speaker"].as_str().unwrap()).collect();
    assert_eq!(speakers, ["Anna Schulz", "Maria Roth"]);
}

#[test]
fn municipalities_lists_figures_counts_and_contact() {
    let list = index().json(&["municipalities", "--format", "json"]);
    let rows = list.as_array().unwrap();
    let row =
        |name: &str| rows.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("{name} missing"));
    let steinfurt = row("Kreis Steinfurt");
    assert_eq!(steinfurt["authority"], "Kreis");
    assert_eq!(steinfurt["year_joined"], 2012);
    assert_eq!(steinfurt["population"], 445_000);
    assert_eq!(steinfurt["children_under_18"], 45_172);
    assert!((steinfurt["children_share"].as_f64().unwrap() - 45_172.0 / 445_000.0).abs() < 1e-6);
    assert_eq!(steinfurt["documents"], 2);
    assert_eq!(steinfurt["quotes"], 6);
    assert!(steinfurt["contact"]["email"].as_str().unwrap().contains("@kreis-steinfurt.de"));
    assert_eq!(row("Krefeld")["authority"], "kreisfreie Stadt");
    assert_eq!(row("Krefeld")["quotes"], 0);
    let by_population = index().json(&["municipalities", "--format", "json", "--sort", "population"]);
    let populations: Vec<u64> =
        by_population.as_array().unwrap().iter().filter_map(|r| r["population"].as_u64()).collect();
    assert!(populations.windows(2).all(|w| w[0] >= w[1]), "{populations:?}");
}

#[test]
fn role_keeps_that_office_and_narrower_ones_only() {
    let roles = |role: &str| -> Vec<String> {
        let results = index().json(&["quotes", "--role", role, "--format", "json", "--limit", "100"]);
        hits(&results).iter().map(|h| h["role"].as_str().unwrap_or("").to_string()).collect()
    };
    // A head word keeps the offices it heads (Sozial|dezernent), its gender form too.
    assert_eq!(roles("Dezernentin"), ["Sozialdezernent des Kreises"]);
    assert_eq!(roles("Leiterin Kreisjugendamt"), ["Leiterin des Kreisjugendamtes"]);
    // A narrower office asked for does not return the broader one, nor a different one.
    assert!(roles("Oberlandrat").is_empty());
    assert!(roles("Leiterin Gesundheitsamt").is_empty());
    index().cmd().args(["quotes", "--role", "der", "--index"]).arg(index().path()).assert().code(2);
    // A huge role is a one-line usage error that quotes only its start.
    let huge = "x".repeat(5000);
    let out =
        index().cmd().args(["quotes", "--role", &huge, "--index"]).arg(index().path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.lines().count() == 1 && stderr.len() < 300 && stderr.contains("names no office"),
        "{stderr}"
    );
}

#[test]
fn speakers_lists_each_quoted_person_once() {
    let speakers = index().json(&["speakers", "--format", "json"]);
    let list = speakers.as_array().expect("a list of speakers");
    let effing = list.iter().find(|s| s["name"] == "Dr. Klaus Effing").expect("Effing is quoted");
    assert_eq!(effing["quotes"], 2, "{effing}");
    assert_eq!(effing["roles"], serde_json::json!(["Landrat"]));
    assert_eq!(effing["municipalities"], serde_json::json!(["Kreis Steinfurt"]));
    assert_eq!(
        (effing["first_date"].as_str(), effing["last_date"].as_str()),
        (Some("2017-05-26"), Some("2017-05-26"))
    );
    let quoted: u64 = list.iter().map(|s| s["quotes"].as_u64().unwrap()).sum();
    let all = index().json(&["quotes", "--format", "json", "--limit", "100"]);
    let with_speaker = hits(&all).iter().filter(|h| h["speaker"].is_string()).count() as u64;
    assert_eq!(quoted, with_speaker, "every quote with a speaker counts once");
    let csv = index().stdout(&["speakers", "--format", "csv"]);
    assert!(csv.starts_with("name,forms,roles,municipalities,quotes,first_date,last_date\n"), "{csv}");
}

#[test]
fn speaker_accepts_any_form_of_the_name() {
    // Shorter and longer forms (with the office) find him; another first name does not.
    for form in ["effing", "Klaus Effing", "Dr. Klaus Effing", "Landrat Dr. Klaus Effing", "Michael Effing"] {
        let results = index().json(&["quotes", "--speaker", form, "--format", "json"]);
        let speakers: Vec<&str> = hits(&results).iter().map(|h| h["speaker"].as_str().unwrap()).collect();
        let expected = if form.starts_with("Michael") { vec![] } else { vec!["Dr. Klaus Effing"; 2] };
        assert_eq!(speakers, expected, "--speaker {form}");
    }
}
