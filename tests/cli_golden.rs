//! Golden tests: the table, JSON, JSON-lines and CSV output of every command on the bundled
//! corpus, pinned by insta snapshots in `tests/snapshots/` (review changes with `cargo insta
//! review`; under `CI=true` a difference fails and nothing is written). One index of the
//! bundled corpus serves every test; tables are drawn 120 columns wide without colour. Paths
//! that vary (the temporary dataset of `eval`) are replaced by `[DATASET]`; similarities are
//! pinned to the last digit (their sums run in a fixed order).

mod common;

use std::path::Path;
use std::sync::OnceLock;

use common::bundled_index;

const FORMATS: [&str; 4] = ["table", "json", "jsonl", "csv"];

/// Runs `praev ARGS --index IDX`, expecting success; stdout.
fn run(args: &[&str]) -> String {
    let index = bundled_index();
    let out = index.cmd().env_remove("COLUMNS").args(args).arg("--index").arg(index.path()).output().unwrap();
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Snapshots `praev ARGS -f F` for every format F, as `NAME-F`.
fn golden(name: &str, args: &[&str]) {
    golden_with(name, args, &insta::Settings::clone_current());
}

fn golden_with(name: &str, args: &[&str], settings: &insta::Settings) {
    for format in FORMATS {
        let mut full = args.to_vec();
        full.extend(["--format", format]);
        let output = run(&full);
        settings.bind(|| insta::assert_snapshot!(format!("{name}-{format}"), output, &full.join(" ")));
    }
}

#[test]
fn search() {
    golden("search", &["search", "Kinderschutz Netzwerk"]);
    golden("search-filtered", &["search", "Prävention", "-m", "steinfurt", "-k", "press", "-n", "3"]);
}

#[test]
fn search_theme_and_speaker() {
    golden("search-theme", &["search", "Eltern", "--theme", "fruehe-hilfen", "-n", "3"]);
    golden("search-speaker", &["search", "Kinder", "--speaker", "Effing"]);
}

#[test]
fn analyze() {
    golden("analyze", &["analyze", "Kinder- und Jugendhilfe für Koordinator:innen"]);
}

#[test]
fn themes_theme_and_matrix() {
    golden("themes", &["themes"]);
    golden("theme", &["theme", "kinderschutz", "-n", "3"]);
    golden("theme-by", &["theme", "partizipation", "--by", "municipality"]);
    golden("matrix", &["matrix"]);
    for format in ["html", "svg"] {
        let output = run(&["matrix", "--format", format]);
        insta::assert_snapshot!(format!("matrix-{format}"), output);
    }
}

#[test]
fn quotes() {
    golden("quotes", &["quotes", "-n", "4"]);
    golden("quotes-query", &["quotes", "Landrat Zitat", "-n", "3"]);
}

#[test]
fn municipalities() {
    golden("municipalities", &["municipalities"]);
}

#[test]
fn similar_and_compare() {
    golden("similar", &["similar", "--passage", "000_84af1531842d3f23.txt#1", "-n", "3"]);
    golden("compare", &["compare", "steinfurt", "düren"]);
}

#[test]
fn duplicates_kwic_terms() {
    golden("duplicates", &["duplicates", "--min-words", "3", "-n", "4"]);
    golden("kwic", &["kwic", "Prävention", "-n", "5"]);
    golden("terms", &["terms", "-m", "steinfurt", "-n", "8"]);
}

/// A small judged dataset over the bundled corpus, with two run files of it.
struct Dataset {
    dir: tempfile::TempDir,
}

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let queries = "qid\tquery\tintent\nq1\tKinderschutz\tkeyword\nq2\tFrühe Hilfen\ttheme\nq3\tLandrat Zitat\tquote\n";
        let qrels = "qid\tfile\tgrade\tphrase\n\
                     q1\t004_b2df2b7532f9f2ee.txt\t2\t\n\
                     q1\t000_84af1531842d3f23.txt\t1\t\n\
                     q2\t004_b2df2b7532f9f2ee.txt\t3\tFrühen Hilfen\n\
                     q3\t001_6f3f8ce9bb356ce7.txt\t3\t\n";
        std::fs::write(dir.path().join("queries.tsv"), queries).unwrap();
        std::fs::write(dir.path().join("qrels.tsv"), qrels).unwrap();
        let dataset = Dataset { dir };
        for (run, extra) in [("a.jsonl", Some("--exact")), ("b.jsonl", None)] {
            let mut args = vec!["eval", dataset.path(), "--run", run];
            args.extend(extra);
            let index = bundled_index();
            let out =
                index.cmd().current_dir(dataset.dir.path()).args(&args).arg("--index").arg(index.path()).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        dataset
    })
}

impl Dataset {
    fn path(&self) -> &str {
        self.dir.path().to_str().unwrap()
    }

    fn file(&self, name: &str) -> String {
        self.dir.path().join(name).to_str().unwrap().to_string()
    }

    /// Snapshots `praev eval ARGS -f F` (without --index when comparing runs).
    fn golden(&self, name: &str, args: &[&str], with_index: bool) {
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(&regex::escape(self.path()), "[DATASET]");
        for format in FORMATS {
            let index = bundled_index();
            let mut cmd = index.cmd();
            cmd.env_remove("COLUMNS").args(args).args(["--format", format]);
            if with_index {
                cmd.arg("--index").arg(index.path());
            }
            let out = cmd.output().unwrap();
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            let output = String::from_utf8(out.stdout).unwrap();
            settings.bind(|| insta::assert_snapshot!(format!("{name}-{format}"), output));
        }
    }
}

#[test]
fn eval() {
    let data = dataset();
    data.golden("eval", &["eval", data.path()], true);
    let (a, b) = (data.file("a.jsonl"), data.file("b.jsonl"));
    data.golden("eval-compare", &["eval", "--compare", &a, &b, data.path()], false);
}

// ------------------------------------------------------------------------------------------
// The output mechanism: --output and its extension, the table width.
// ------------------------------------------------------------------------------------------

fn run_status(args: &[&str]) -> std::process::Output {
    let index = bundled_index();
    index.cmd().env_remove("COLUMNS").args(args).arg("--index").arg(index.path()).output().unwrap()
}

#[test]
fn output_file_extension_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    for (name, starts) in [
        ("m.svg", "<svg "),
        ("m.html", "<!DOCTYPE html>"),
        ("m.json", "{\"themes\""),
        ("m.csv", "theme,label,"),
    ] {
        let out = run_status(&["matrix", "--output", &file(name)]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "nothing on stdout");
        let written = std::fs::read_to_string(file(name)).unwrap();
        assert!(written.starts_with(starts), "{name}: {}", &written[..80.min(written.len())]);
    }
    let out = run_status(&["search", "Kinderschutz", "-o", &file("hits.jsonl")]);
    assert!(out.status.success());
    let written = std::fs::read_to_string(file("hits.jsonl")).unwrap();
    assert!(written.lines().all(|l| l.starts_with("{\"file\"")), "{written}");
    let out = run_status(&["themes", "-o", &file("themes.txt")]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(file("themes.txt")).unwrap().starts_with('┌'));
    // --format wins over the extension.
    let out = run_status(&["terms", "-m", "steinfurt", "-f", "csv", "-o", &file("terms.json")]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(file("terms.json")).unwrap().starts_with("term,surface,"));
}

#[test]
fn unknown_or_unfit_extensions_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (args, name) in
        [(&["matrix"][..], "m.png"), (&["search", "Kita"][..], "hits.svg"), (&["themes"][..], "noext")]
    {
        let file = dir.path().join(name);
        let mut full = args.to_vec();
        let path = file.to_str().unwrap();
        full.extend(["--output", path]);
        let out = run_status(&full);
        assert_eq!(out.status.code(), Some(2), "{full:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(path), "the error names the file: {stderr}");
        assert!(!Path::new(path).exists(), "nothing written");
    }
    let out = run_status(&["themes", "--format", "svg"]);
    assert_eq!(out.status.code(), Some(2), "svg is for the matrix only");
}

#[test]
fn piped_tables_fit_columns_or_table_width() {
    let widest = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap();
    let index = bundled_index();
    let with_columns = |columns: &str| {
        let out = index
            .cmd()
            .env("COLUMNS", columns)
            .args(["search", "Kinderschutz", "--index"])
            .arg(index.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(widest(&with_columns("80")), 80);
    assert_eq!(widest(&with_columns("not a number")), 120);
    assert_eq!(widest(&run(&["search", "Kinderschutz"])), 120);
    assert_eq!(widest(&run(&["search", "Kinderschutz", "--table-width", "70"])), 70);
    let out = index
        .cmd()
        .env("COLUMNS", "150")
        .args(["municipalities", "--table-width", "60", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert!(widest(&String::from_utf8(out.stdout).unwrap()) <= 60, "--table-width wins over COLUMNS");
}

#[test]
fn kwic_width_is_still_the_context() {
    let short = run(&["kwic", "Prävention", "-w", "10", "-n", "1", "-f", "json"]);
    let long = run(&["kwic", "Prävention", "--width", "60", "-n", "1", "-f", "json"]);
    let left = |text: &str| {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        v[0]["left"].as_str().unwrap().chars().count()
    };
    assert!(left(&short) < left(&long), "{short}\n{long}");
}

#[test]
fn a_closed_pipe_is_success_in_every_format() {
    let index = bundled_index();
    for format in FORMATS {
        let args = ["search", "Kinder", "--limit", "2000", "--per-file", "0", "--format", format];
        let out = index.run_into_closed_pipe(&args);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
