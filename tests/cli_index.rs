//! `praev index`: bad input, summaries, locking, atomic rebuilds, format versions, the
//! bundled default index, and the CLI's exit codes.

mod common;

use std::path::Path;

use common::{bundled_corpus, hits, praev, TestIndex};
use predicates::prelude::*;
use predicates::str::contains;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A corpus with one good file of each encoding and format, and one bad file of each kind.
fn mixed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "good/utf8.txt", "Kreis Steinfurt\n\nÜbergänge werden gestaltet und erleichtert.\n".as_bytes());
    // "Frühe Hilfen für Familien in Düren" in Latin-1.
    let latin1: Vec<u8> = "Kreis Düren\n\nFrühe Hilfen für Familien in Düren stärken.\n"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    write(p, "good/latin1.txt", &latin1);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Willkommensbesuche für Neugeborene in Gelsenkirchen.\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    write(p, "good/utf16.txt", &utf16);
    write(
        p,
        "good/page.html",
        b"<html><head><style>.x{color:red}</style><script>var tracking = 1;</script></head>\
          <body><h1>Leitbild</h1><p>Partizipation der Familien <b>ist Voraussetzung<p>unclosed <div>",
    );
    write(p, "bad/empty.txt", b"");
    write(p, "bad/binary.txt", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255, 254, 0, 7]);
    write(p, "ignored/picture.png", &[137, 80, 78, 71]);
    dir
}

/// `praev index CORPUS --index DIR/idx` into a new folder, expected to succeed.
struct IndexRun {
    _dir: tempfile::TempDir,
    index: std::path::PathBuf,
    stdout: String,
    stderr: String,
}

impl IndexRun {
    fn of(corpus: &Path) -> IndexRun {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("idx");
        let out = praev(dir.path()).arg("index").arg(corpus).arg("--index").arg(&index).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let (stdout, stderr) =
            (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
        IndexRun { _dir: dir, index, stdout, stderr }
    }

    /// The `warning:` lines of stderr.
    fn warnings(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.starts_with("warning:")).collect()
    }
}

#[test]
fn bad_files_are_skipped_with_one_warning_each_and_counted() {
    let corpus = mixed_corpus();
    let run = IndexRun::of(corpus.path());
    let (stdout, stderr) = (&run.stdout, &run.stderr);
    let warnings = run.warnings();
    assert_eq!(warnings.len(), 2, "one warning per bad file: {stderr}");
    assert!(warnings.iter().any(|w| w.contains("bad/empty.txt") && w.contains("empty")));
    assert!(warnings.iter().any(|w| w.contains("bad/binary.txt") && w.contains("binary")));
    assert!(stdout.contains("documents:      4"), "summary: {stdout}");
    // The image is no document type praev reads: counted by its type, without a warning.
    assert!(stdout.contains("skipped:        3 (1 .png, 1 binary, 1 empty)"), "summary: {stdout}");
    assert!(!stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'), "no progress bar when piped");
}

#[test]
fn latin1_utf16_and_html_documents_are_searchable() {
    let corpus = mixed_corpus();
    let index = TestIndex::of(corpus.path());
    let latin1 = index.search_json("Frühe Hilfen", &[]);
    assert_eq!(hits(&latin1)[0]["file"], "good/latin1.txt");
    assert!(hits(&latin1)[0]["text"].as_str().unwrap().contains("Düren"), "umlauts decoded");
    assert_eq!(hits(&index.search_json("Neugeborene", &[]))[0]["file"], "good/utf16.txt");
    let html = index.search_json("Partizipation", &[]);
    assert_eq!(hits(&html)[0]["file"], "good/page.html");
    assert!(hits(&index.search_json("tracking", &[])).is_empty(), "script text is not indexed");
    assert!(hits(&index.search_json("color", &[])).is_empty(), "style text is not indexed");
}

#[test]
fn a_missing_corpus_folder_is_one_clear_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = praev(dir.path())
        .args(["index", "/no/such/folder", "--index"])
        .arg(dir.path().join("idx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("/no/such/folder"));
}

#[test]
fn a_failed_rebuild_leaves_the_previous_index_usable() {
    let corpus = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", "Kreis Coesfeld\n\nNetzwerk Chancengerechtigkeit im Kreis.\n".as_bytes());
    let index = TestIndex::of(corpus.path());
    // A broken manifest makes the next build fail before anything is replaced.
    write(corpus.path(), "praev-manifest.tsv", b"file\tkind\na.txt\tnovel\n");
    index
        .cmd()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .assert()
        .failure()
        .stderr(contains("praev-manifest.tsv").and(contains("line 2")));
    assert_eq!(hits(&index.search_json("Chancengerechtigkeit", &[]))[0]["file"], "a.txt");
}

#[test]
fn a_rebuild_replaces_the_index() {
    let corpus = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", "Kreis Coesfeld\n\nNetzwerk Chancengerechtigkeit im Kreis.\n".as_bytes());
    let index = TestIndex::of(corpus.path());
    write(corpus.path(), "b.txt", "Kreis Düren\n\nFamilienzentren in allen Kommunen.\n".as_bytes());
    index.cmd().arg("index").arg(corpus.path()).arg("--index").arg(index.path()).assert().success();
    assert_eq!(hits(&index.search_json("Familienzentren", &[]))[0]["file"], "b.txt");
    let generations = || {
        std::fs::read_dir(index.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("gen-"))
            .count()
    };
    // The replaced generation stays for readers that may still be opening it, until the next
    // build; older ones are removed.
    assert_eq!(generations(), 2, "the new and the replaced generation");
    index.cmd().arg("index").arg(corpus.path()).arg("--index").arg(index.path()).assert().success();
    assert_eq!(generations(), 2, "a third build removes the first generation");
}

#[test]
fn a_second_build_on_a_locked_index_fails_at_once() {
    let corpus = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", b"Kreis Coesfeld\n\nText.\n");
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    std::fs::create_dir_all(&index).unwrap();
    let lock = std::fs::File::create(index.join(".praev.lock")).unwrap();
    lock.lock().unwrap();
    praev(dir.path())
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(&index)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(contains("locked"));
}

#[test]
fn an_index_of_another_format_version_asks_for_a_rebuild() {
    let corpus = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", b"Kreis Coesfeld\n\nText zum Suchen.\n");
    let index = TestIndex::of(corpus.path());
    let current = std::fs::read_to_string(index.path().join("CURRENT")).unwrap();
    let meta_path = index.path().join(current.trim()).join("praev.json");
    let meta = std::fs::read_to_string(&meta_path).unwrap();
    let version = format!("\"format_version\": {}", praev::index::FORMAT_VERSION);
    assert!(meta.contains(&version));
    std::fs::write(&meta_path, meta.replace(&version, "\"format_version\": 999")).unwrap();
    index
        .cmd()
        .args(["search", "Text", "--index"])
        .arg(index.path())
        .assert()
        .code(1)
        .stderr(contains("format version 999").and(contains("rebuild")));
}

#[test]
fn refuses_to_build_into_a_folder_that_is_not_an_index() {
    let corpus = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.txt", b"Kreis Coesfeld\n\nText.\n");
    let target = tempfile::tempdir().unwrap();
    write(target.path(), "thesis.docx", b"precious");
    praev(target.path())
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(target.path())
        .assert()
        .code(2)
        .stderr(contains("not a praev index"));
    assert!(target.path().join("thesis.docx").exists());
}

#[test]
fn the_bundled_index_is_built_on_first_use_and_reused() {
    let cache = tempfile::tempdir().unwrap();
    let first = praev(cache.path()).args(["search", "Übergänge", "--format", "json"]).output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let results: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    assert!(!hits(&results).is_empty());
    let built: Vec<_> = std::fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(built.len(), 1, "one bundled index in the cache");
    let current_before = std::fs::read_to_string(built[0].join("CURRENT")).unwrap();
    praev(cache.path()).args(["search", "Kinder"]).assert().success();
    let current_after = std::fs::read_to_string(built[0].join("CURRENT")).unwrap();
    assert_eq!(current_before, current_after, "an unchanged corpus reuses the index");
}

#[test]
fn help_version_and_usage_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    praev(dir.path()).arg("--help").assert().success().stdout(contains("search"));
    praev(dir.path()).args(["search", "--help"]).assert().success().stdout(contains("--municipality"));
    praev(dir.path()).args(["index", "--help"]).assert().success().stdout(contains("--index"));
    praev(dir.path()).arg("--version").assert().success().stdout(contains(env!("CARGO_PKG_VERSION")));
    praev(dir.path()).arg("frobnicate").assert().code(2);
    praev(dir.path()).args(["search", "x", "--format", "xml"]).assert().code(2);
    praev(dir.path()).args(["search", "x", "--limit", "0"]).assert().code(2);
    praev(dir.path()).arg("index").arg(bundled_corpus()).assert().code(2).stderr(contains("--index"));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let index = TestIndex::of(&bundled_corpus());
    let out = index.run_into_closed_pipe(&["search", "Kinder", "--limit", "200", "--format", "jsonl"]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
}

const ARTICLE: &str = "Präventionskonferenzen im Kreis Düren\n\n\
    In allen Kommunen des Kreises finden lokale Präventionskonferenzen statt, bei denen Kitas, \
    Schulen und Jugendamt gemeinsam die Übergänge für Kinder planen.\n\n\
    „Kein Kind soll in unserem Kreis zurückgelassen werden“, sagte Landrat Wolfgang Spelthahn.\n";

/// The same article twice (once in a subfolder, with site chrome and other line breaks), a
/// different article, and a page whose caption was scraped twice.
fn corpus_with_duplicates() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "duerener-zeitung.txt", ARTICLE.as_bytes());
    let copy = format!(
        "Skip to content\nZum Inhalt\n\n{}\n\nZum Inhalt\n",
        ARTICLE.replace(", bei denen", ",\n   bei  denen")
    );
    write(p, "archiv/2019/kreis-dueren.txt", copy.as_bytes());
    write(
        p,
        "fachtag.txt",
        "Fachtag Beteiligung in Wuppertal\n\n\
         Die Ergebnisse von 14 Beteiligungsprojekten wurden vorgestellt. Bild: ISA/Henning Severin.\n\n\
         Die Ergebnisse von 14 Beteiligungsprojekten wurden vorgestellt. Bild: ISA/Henning Severin.\n\n\
         In drei Workshops vertieften die Fachkräfte die Beteiligungsprojekte mit Kindern.\n"
            .as_bytes(),
    );
    dir
}

#[test]
fn a_file_with_the_same_text_as_another_is_indexed_once_with_a_warning() {
    let corpus = corpus_with_duplicates();
    let run = IndexRun::of(corpus.path());
    let (index, stdout) = (&run.index, &run.stdout);
    let warnings = run.warnings();
    assert_eq!(
        warnings,
        ["warning: duerener-zeitung.txt has the same text as archiv/2019/kreis-dueren.txt: indexed once, \
          as archiv/2019/kreis-dueren.txt"],
        "one warning naming both files, the first by path order kept"
    );
    assert!(stdout.contains("documents:      2"), "summary: {stdout}");
    assert!(stdout.contains("skipped:        0"), "a duplicate is no skipped file: {stdout}");
    assert!(stdout.contains("duplicates:     1"), "summary: {stdout}");

    let current = std::fs::read_to_string(index.join("CURRENT")).unwrap();
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(index.join(current.trim()).join("praev.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(meta["documents"], 2);
    assert_eq!(
        meta["duplicates"],
        serde_json::json!([{"file": "duerener-zeitung.txt", "same_as": "archiv/2019/kreis-dueren.txt"}])
    );
}

#[test]
fn top_hits_never_show_the_same_passage_twice() {
    let corpus = corpus_with_duplicates();
    let index = TestIndex::of(corpus.path());
    for query in ["Präventionskonferenzen Kommunen", "Beteiligungsprojekte", "zurückgelassen"] {
        let results = index.search_json(query, &[]);
        let texts: Vec<&str> = hits(&results).iter().map(|h| h["text"].as_str().unwrap()).collect();
        assert!(!texts.is_empty(), "{query}: no hits");
        let distinct: std::collections::HashSet<&str> = texts.iter().copied().collect();
        assert_eq!(distinct.len(), texts.len(), "{query}: the same passage twice: {texts:#?}");
        let files: Vec<&str> = hits(&results).iter().map(|h| h["file"].as_str().unwrap()).collect();
        assert!(!files.contains(&"duerener-zeitung.txt"), "{query}: the duplicate file was indexed");
    }
    let quotes = index.search_json("zurückgelassen", &["--kind", "quote"]);
    assert_eq!(hits(&quotes).len(), 1, "the quote once: {quotes:#}");
    let captions = index.search_json("Henning Severin", &[]);
    assert_eq!(hits(&captions).len(), 1, "the caption scraped twice is one passage: {captions:#}");
    assert_eq!(hits(&captions)[0]["passage"], 0, "numbering stays dense");
}

#[test]
fn the_manifest_row_of_a_duplicate_applies_to_the_file_kept_unless_it_has_its_own() {
    let duplicate_row = "duerener-zeitung.txt\tKreis Düren\tpress\t2019-03-01\n";
    let kept_row = "archiv/2019/kreis-dueren.txt\t-\tarticle\t2019-04\n";
    // (manifest rows, expected kind and date of the kept file, expected end of the warning)
    let cases = [
        (
            duplicate_row.to_string(),
            "press",
            "2019-03-01",
            "; its manifest row applies to archiv/2019/kreis-dueren.txt",
        ),
        (
            format!("{duplicate_row}{kept_row}"),
            "article",
            "2019-04",
            "; the manifest row of duerener-zeitung.txt is ignored",
        ),
    ];
    for (rows, kind, date, warning_end) in cases {
        let corpus = corpus_with_duplicates();
        write(
            corpus.path(),
            "praev-manifest.tsv",
            format!("file\tmunicipality\tkind\tdate\n{rows}").as_bytes(),
        );
        let index = TestIndex::of(corpus.path());
        let out =
            index.cmd().arg("index").arg(corpus.path()).arg("--index").arg(index.path()).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.lines().any(|l| l.ends_with(warning_end)), "{rows:?}: {stderr}");
        let results = index.search_json("Präventionskonferenzen", &["--kind", kind]);
        let top = &hits(&results)[0];
        assert_eq!(top["file"], "archiv/2019/kreis-dueren.txt", "{rows:?}");
        assert_eq!(top["date"], date, "{rows:?}");
        assert_eq!(top["municipality"], "Kreis Düren", "{rows:?}");
    }
}
