//! Incremental index updates: `praev index` over an existing index reads only added and changed
//! files, reports what changed, and gives the same results as a full rebuild; `praev index
//! --index IDX` alone updates from the remembered folder and config; a changed config reads
//! everything anew; an interrupted update leaves the previous index usable.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{bundled_corpus, praev};
use serde_json::Value;

/// A copy of the bundled corpus plus two documents of its own.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(bundled_corpus()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    write(
        dir.path(),
        "familienzentrum.txt",
        "Familienzentren im Kreis Warendorf\n\nDie Familienzentren im Kreis Warendorf bündeln \
         Frühe Hilfen, Elternberatung und Sprachförderung unter einem Dach.\n",
    );
    write(
        dir.path(),
        "uebergang.txt",
        "Übergang Kita Schule in Hamm\n\nDie Stadt Hamm begleitet den Übergang von der Kita in \
         die Grundschule mit Bildungsbegleitern.\n",
    );
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// `praev ARGS` with a private cache in `home`.
fn run(home: &Path, args: &[&str]) -> Output {
    praev(home).args(args).output().unwrap()
}

fn ok(home: &Path, args: &[&str]) -> Output {
    let out = run(home, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn index_into(home: &Path, corpus: &Path, index: &Path) -> String {
    let out = ok(home, &["index", corpus.to_str().unwrap(), "--index", index.to_str().unwrap()]);
    String::from_utf8(out.stderr).unwrap()
}

fn update(home: &Path, index: &Path) -> String {
    let out = ok(home, &["index", "--index", index.to_str().unwrap()]);
    String::from_utf8(out.stderr).unwrap()
}

/// What a reader sees of an index: ranked file#passage lists with rounded scores for several
/// queries, the quotes, a theme ranking, the documents and a trend.
fn answers(home: &Path, index: &Path) -> Vec<String> {
    let idx = index.to_str().unwrap();
    let mut answers = Vec::new();
    for query in ["Übergänge", "Familienzentren", "Frühe Hilfen", "Landrat", "Sprachförderung", "Netzwerk"]
    {
        let out = ok(home, &["search", query, "--index", idx, "--format", "jsonl", "-n", "20"]);
        answers.push(ranked(&out.stdout));
    }
    let out = ok(home, &["quotes", "--index", idx, "--format", "jsonl"]);
    answers.push(ranked(&out.stdout));
    let out = ok(home, &["theme", "uebergaenge", "--index", idx, "--format", "jsonl", "-n", "20"]);
    answers.push(ranked(&out.stdout));
    let out = ok(home, &["documents", "--index", idx, "--format", "jsonl"]);
    answers.push(String::from_utf8(out.stdout).unwrap());
    answers
}

/// The documents of an index and its ranked hits for one query.
fn listing(home: &Path, index: &Path) -> (String, String) {
    let idx = index.to_str().unwrap();
    let documents = ok(home, &["documents", "--index", idx, "--format", "jsonl"]);
    let hits = ok(home, &["search", "Präventionskette Familienbüro", "--index", idx, "--format", "jsonl"]);
    (String::from_utf8(documents.stdout).unwrap(), ranked(&hits.stdout))
}

fn ranked(jsonl: &[u8]) -> String {
    let text = std::str::from_utf8(jsonl).unwrap();
    let mut lines = String::new();
    for line in text.lines() {
        let hit: Value = serde_json::from_str(line).unwrap();
        let score = hit["score"].as_f64().unwrap();
        lines.push_str(&format!("{}#{} {score:.4}\n", hit["file"].as_str().unwrap(), hit["passage"]));
    }
    lines
}

#[test]
fn an_update_after_adding_changing_and_removing_files_answers_as_a_full_rebuild() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus();
    let updated = home.path().join("updated");
    let first = index_into(home.path(), corpus.path(), &updated);
    assert!(!first.contains("added"), "a first build has nothing to compare with: {first}");

    // Add a document with words new to the corpus (they change how compounds split), change
    // one, remove one.
    write(
        corpus.path(),
        "quartier.txt",
        "Quartiersarbeit in Herne\n\nDie Stadt Herne stärkt Familienzentren im Quartier: \
         Quartiersmanagerinnen vernetzen Kitas, Schulen und Frühe Hilfen.\n",
    );
    let changed = corpus.path().join("familienzentrum.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nNeu sind offene Sprechstunden der Familienzentren für Väter.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::remove_file(corpus.path().join("uebergang.txt")).unwrap();

    let stderr = update(home.path(), &updated);
    assert!(stderr.contains("added 1, changed 1, removed 1, unchanged 5 (files read: 2)"), "{stderr}");

    let full = home.path().join("full");
    index_into(home.path(), corpus.path(), &full);
    let (a, b) = (answers(home.path(), &updated), answers(home.path(), &full));
    assert!(a[1].contains("quartier.txt"), "the added document is found: {}", a[1]);
    assert!(!a.iter().any(|answer| answer.contains("uebergang.txt")), "the removed one is gone");
    assert_eq!(a, b, "an update answers exactly as a full rebuild");

    let again = update(home.path(), &updated);
    assert!(again.contains("added 0, changed 0, removed 0, unchanged 7 (files read: 0)"), "{again}");
    assert_eq!(answers(home.path(), &updated), b);
}

#[test]
fn a_changed_index_config_reads_every_file_anew_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus();
    let config = home.path().join("config");
    std::fs::create_dir(&config).unwrap();
    let stopwords = common::repo_root().join("index-config/stopwords.txt");
    let words = std::fs::read_to_string(&stopwords).unwrap();
    write(&config, "stopwords.txt", &words);
    let index = home.path().join("index");
    let idx = index.to_str().unwrap();
    ok(
        home.path(),
        &["index", corpus.path().to_str().unwrap(), "--index", idx, "--config", config.to_str().unwrap()],
    );
    assert!(!hits_of(home.path(), idx, "Familienzentren").is_empty());

    let unchanged = update(home.path(), &index);
    assert!(unchanged.contains("(files read: 0)"), "the remembered config is the same: {unchanged}");

    // The index remembers the config folder: its edit applies on the next update.
    write(&config, "stopwords.txt", &format!("{words}\nfamilienzentren\n"));
    let stderr = update(home.path(), &index);
    assert!(
        stderr.contains("note: the index-config changed since the last build: reading every file anew"),
        "{stderr}"
    );
    assert!(stderr.contains("unchanged 7 (files read: 7)"), "{stderr}");
    assert!(hits_of(home.path(), idx, "Familienzentren").is_empty(), "the new stop word is applied");
}

fn hits_of(home: &Path, index: &str, query: &str) -> Vec<Value> {
    let out = ok(home, &["search", query, "--index", index, "--format", "json"]);
    let results: Value = serde_json::from_slice(&out.stdout).unwrap();
    results["hits"].as_array().unwrap().clone()
}

#[test]
fn updating_a_folder_that_holds_no_index_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let empty: PathBuf = home.path().join("nothing");
    let out = run(home.path(), &["index", "--index", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("holds no index to update"), "{stderr}");
}

#[test]
fn an_interrupted_update_leaves_the_previous_index_usable() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus();
    // Enough text that the update takes a moment to read.
    for n in 0..60 {
        let text = format!(
            "Bericht {n} aus dem Kreis Lippe\n\n{}\n",
            "Die Präventionskette im Kreis Lippe verbindet Kita, Schule und Jugendhilfe. ".repeat(40)
        );
        write(corpus.path(), &format!("lippe-{n:03}.txt"), &text);
    }
    let index = home.path().join("index");
    index_into(home.path(), corpus.path(), &index);
    let before = listing(home.path(), &index);
    write(corpus.path(), "neu.txt", "Neu im Kreis Lippe\n\nEin neues Familienbüro öffnet.\n");
    let full = home.path().join("full");
    index_into(home.path(), corpus.path(), &full);
    let after = listing(home.path(), &full);
    for delay_ms in [0, 50, 150] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("praev"))
            .env("PRAEV_CACHE_DIR", home.path())
            .args(["index", "--index", index.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        // Killed at any point (or done before the kill): the index answers, as before or as
        // updated, never half of each.
        let now = listing(home.path(), &index);
        assert!(now == before || now == after, "killed after {delay_ms} ms: {now:?}");
    }
    let stderr = update(home.path(), &index);
    assert!(stderr.contains("removed 0"), "{stderr}");
    assert!(!hits_of(home.path(), index.to_str().unwrap(), "Familienbüro").is_empty());
}
