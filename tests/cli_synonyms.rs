//! `praev synonyms --check` end to end: a synonym member whose search term unrelated words of
//! the corpus share is listed with those words; inflected forms of the member are not.

mod common;

use common::praev;

const DOCUMENTS: &[(&str, &str)] = &[
    ("eltern.txt", "Alle Erziehenden und Eltern sind eingeladen."),
    ("kita.txt", "Die Erzieherinnen und Erzieher der Kitas beraten die Familien."),
    ("hilfen.txt", "Hilfen zur Erziehung werden beim Jugendamt beantragt."),
];

const SYNONYMS: &str = "[[group]]\nterms = [\"Eltern\", \"Erziehende\"]\n\n[[group]]\nterms = [\"Kita\", \"Kindertagesstätte\"]\n";

#[test]
fn check_lists_members_whose_term_unrelated_words_share() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, config, index) =
        (dir.path().join("corpus"), dir.path().join("config"), dir.path().join("index"));
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    for (name, text) in DOCUMENTS {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    std::fs::write(config.join("synonyms.toml"), SYNONYMS).unwrap();
    praev(dir.path())
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .arg("--config")
        .arg(&config)
        .assert()
        .success();

    let out = praev(dir.path())
        .args(["synonyms", "--check", "--format", "json", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let members: Vec<(&str, Vec<&str>)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let words = m["words"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
            (m["member"].as_str().unwrap(), words)
        })
        .collect();
    assert_eq!(members, vec![("Erziehende", vec!["erzieher", "erziehung"])], "Kita/Kitas is no collision");

    let all =
        praev(dir.path()).args(["synonyms", "--format", "csv", "--index"]).arg(&index).output().unwrap();
    let csv = String::from_utf8(all.stdout).unwrap();
    assert!(csv.starts_with("entry,member,term,words\n") && csv.contains("Kita,Kindertagesstätte,"), "{csv}");
}
