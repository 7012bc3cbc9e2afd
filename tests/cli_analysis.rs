//! The German analysis end to end: each query finds the document that writes the same thing
//! differently (inflection, umlaut transcription, compounds, elliptic and hyphenated
//! compounds, gender forms, synonyms), through the real binary. `praev analyze` shows why.

mod common;

use std::sync::OnceLock;

use common::{hits, TestIndex};

/// One small document per written form; the file name says what it holds.
const DOCUMENTS: &[(&str, &str)] = &[
    ("uebergang.txt", "Der Uebergang von der Kita in die Schule wird begleitet."),
    ("fachkraefte.txt", "Wir stärken die Kinderschutzfachkräfte in allen Einrichtungen."),
    ("schutz.txt", "Der Schutz der Kinder vor Gewalt hat Vorrang."),
    ("kinderschutz.txt", "Kinderschutz ist eine gemeinsame Aufgabe aller Ämter."),
    ("elliptisch.txt", "Die Kinder- und Jugendhilfe arbeitet mit dem Gesundheits- und Sozialwesen zusammen."),
    ("gender.txt", "Die Koordinator:innen treffen sich monatlich."),
    ("koordinatoren.txt", "Zwei Koordinatoren leiten das Netzwerk vor Ort."),
    ("bindestrich.txt", "Das Projekt Kita-Grundschule stärkt den Übergang."),
    ("beteiligung.txt", "Die Beteiligung der Familien ist Voraussetzung für jede Planung."),
    ("armutsfolgen.txt", "Im Mittelpunkt steht die Prävention von Armutsfolgen bei jungen Menschen."),
    ("familienzentrum.txt", "Jedes Familienzentrum bietet offene Sprechstunden an."),
    ("werkstatt.txt", "Die Werkstatt repariert Fahrräder."),
    ("auseinander.txt", "Wir fördern die Gesundheit von Kindern in allen Stadtteilen."),
    (
        "verstreut.txt",
        "Kinder spielen am Nachmittag im Park. Am Abend kommen Eltern, Großeltern, Nachbarn und \
         viele andere zusammen, und es geht um vieles, auch um die Gesundheit.",
    ),
];

fn index() -> &'static (tempfile::TempDir, TestIndex) {
    static INDEX: OnceLock<(tempfile::TempDir, TestIndex)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let corpus = tempfile::tempdir().unwrap();
        for (name, text) in DOCUMENTS {
            std::fs::write(corpus.path().join(name), text).unwrap();
        }
        let index = TestIndex::of(corpus.path());
        (corpus, index)
    })
}

fn files(query: &str, extra: &[&str]) -> Vec<String> {
    let results = index().1.search_json(query, extra);
    hits(&results).iter().map(|h| h["file"].as_str().unwrap().to_string()).collect()
}

/// (query, file it must find): every example pair of the analysis, in both directions where
/// the issue asks for it.
const PAIRS: &[(&str, &str)] = &[
    ("Übergänge", "uebergang.txt"),
    ("Übergang", "uebergang.txt"),
    ("Kinderschutz", "fachkraefte.txt"),
    ("Fachkraft", "fachkraefte.txt"),
    ("Kinderschutzfachkraft", "fachkraefte.txt"),
    ("Kinderschutz", "schutz.txt"),
    ("Jugendhilfe", "elliptisch.txt"),
    ("Kinderhilfe", "elliptisch.txt"),
    ("Gesundheitswesen", "elliptisch.txt"),
    ("Koordinatorinnen", "gender.txt"),
    ("Koordinatoren", "gender.txt"),
    ("Koordinator", "gender.txt"),
    ("Koordinator:innen", "koordinatoren.txt"),
    ("KoordinatorInnen", "koordinatoren.txt"),
    ("Grundschule", "bindestrich.txt"),
    ("Kitagrundschule", "bindestrich.txt"),
    ("Kita-Grundschule", "bindestrich.txt"),
    ("Partizipation", "beteiligung.txt"),
    ("Mitbestimmung", "beteiligung.txt"),
    ("Armutsfolgenprävention", "armutsfolgen.txt"),
    ("Familienzentren", "familienzentrum.txt"),
];

#[test]
fn each_query_finds_the_other_spelling() {
    for (query, file) in PAIRS {
        let found = files(query, &[]);
        assert!(found.iter().any(|f| f == file), "{query:?} should find {file}, found {found:?}");
    }
}

#[test]
fn exact_turns_synonyms_off() {
    assert!(
        files("Partizipation", &["--exact"]).is_empty(),
        "Beteiligung is only a synonym of Partizipation"
    );
    assert_eq!(files("Beteiligung", &["--exact"]), vec!["beteiligung.txt"]);
}

#[test]
fn a_whole_word_ranks_above_a_part_of_a_compound() {
    // "Schutz" stands alone in schutz.txt and only inside Kinderschutzfachkräfte elsewhere.
    let found = files("Schutz", &[]);
    assert_eq!(found.first().map(String::as_str), Some("schutz.txt"), "{found:?}");
    assert!(found.iter().any(|f| f == "fachkraefte.txt"), "the compound is found too: {found:?}");
}

#[test]
fn a_compound_written_apart_ranks_above_its_parts_far_apart() {
    let found = files("Kindergesundheit", &[]);
    let apart = found.iter().position(|f| f == "auseinander.txt");
    let scattered = found.iter().position(|f| f == "verstreut.txt");
    assert!(apart.is_some() && scattered.is_some(), "{found:?}");
    assert!(apart < scattered, "`Gesundheit von Kindern` must rank above scattered words: {found:?}");
}

#[test]
fn a_compound_ranks_above_its_parts_written_apart() {
    // Passages of equal length: the whole word is better evidence than `Schutz der Kinder`.
    let found = files("Kinderschutz", &[]);
    let whole = found.iter().position(|f| f == "kinderschutz.txt");
    let apart = found.iter().position(|f| f == "schutz.txt");
    assert!(whole.is_some() && apart.is_some(), "{found:?}");
    assert!(whole < apart, "`Kinderschutz` must rank above `Schutz der Kinder`: {found:?}");
}

#[test]
fn the_literal_word_ranks_above_its_synonym() {
    let found = files("Beteiligung Partizipation", &[]);
    assert_eq!(found.first().map(String::as_str), Some("beteiligung.txt"));
    let found = files("Partizipation", &[]);
    assert_eq!(found, vec!["beteiligung.txt"]);
}

#[test]
fn analyze_shows_tokens_and_origins() {
    let out = index()
        .1
        .cmd()
        .args(["analyze", "Kinder- und Jugendhilfe für Koordinator:innen", "--format", "json", "--index"])
        .arg(index().1.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tokens: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let has = |term: &str, origin: &str| {
        tokens.as_array().unwrap().iter().any(|t| t["term"] == term && t["origin"] == origin)
    };
    assert!(has("kinderhilf", "elliptic"), "{tokens}");
    assert!(has("~hilf", "part"), "{tokens}");
    assert!(has("koordinator", "gender"), "{tokens}");
    assert!(tokens.as_array().unwrap().iter().all(|t| t["term"] != "und"), "stop words are dropped");
}

#[test]
fn explain_prints_the_expanded_query_with_weights() {
    let out = index()
        .1
        .cmd()
        .args(["search", "Partizipation", "--explain", "--index"])
        .arg(index().1.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("partizipation") && stderr.contains("1.00"), "{stderr}");
    assert!(stderr.contains("beteil") && stderr.contains("synonym"), "{stderr}");
}
