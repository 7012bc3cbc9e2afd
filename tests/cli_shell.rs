//! Shell integration: `praev completions`, `praev man`, `praev --version`, and the global
//! `--quiet` and `--verbose` flags.

mod common;

use common::{bundled_index as index, praev};

fn stdout_of(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = praev(dir.path()).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_know_the_commands_and_their_flags() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        for word in ["batch", "export", "--municipality", "bibtex"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    assert!(stdout_of(&["completions", "bash"]).contains("complete -F _praev"));
    let dir = tempfile::tempdir().unwrap();
    let out = praev(dir.path()).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "an unknown shell is a usage error");
}

#[test]
fn man_pages_are_roff_from_the_help() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH praev 1"), "{}", &page[..200.min(page.len())]);
    assert!(page.contains("batch") && page.contains("completions"), "the commands are listed");
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man");
    stdout_of(&["man", "--dir", pages.to_str().unwrap()]);
    let search = std::fs::read_to_string(pages.join("praev-search.1")).unwrap();
    assert!(search.contains("\\-\\-per\\-file") || search.contains("per-file"), "the flags of search");
}

#[test]
fn version_names_the_index_format() {
    let version = stdout_of(&["--version"]);
    assert!(version.starts_with("praev ") && version.contains(" (index format "), "{version}");
}

#[test]
fn quiet_silences_notes_and_verbose_says_what_was_opened() {
    let normal = index().run(&["search", "der die"]);
    assert!(String::from_utf8_lossy(&normal.stderr).starts_with("note: "));
    let quiet = index().run(&["search", "der die", "--quiet"]);
    assert!(quiet.status.success());
    assert!(quiet.stderr.is_empty(), "{}", String::from_utf8_lossy(&quiet.stderr));
    assert_eq!(quiet.stdout, normal.stdout, "results are the same");
    let verbose = index().run(&["-v", "search", "Kita"]);
    let stderr = String::from_utf8(verbose.stderr).unwrap();
    assert!(stderr.contains("index: ") && stderr.contains("format "), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("seconds: ")), "{stderr}");
    let both = index().run(&["search", "Kita", "-q", "-v"]);
    assert_eq!(both.status.code(), Some(2), "--quiet and --verbose conflict");
}

#[test]
fn quiet_silences_the_warnings_of_an_index_build_but_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Der Kreis Steinfurt stärkt die Frühen Hilfen für Familien.")
        .unwrap();
    std::fs::write(corpus.join("leer.txt"), "").unwrap();
    let index = dir.path().join("index");
    let build = |extra: &str| {
        praev(dir.path())
            .args(["index", corpus.to_str().unwrap(), "--index", index.to_str().unwrap(), extra])
            .output()
            .unwrap()
    };
    let normal = build("--verbose");
    assert!(String::from_utf8_lossy(&normal.stderr).contains("warning: skipped leer.txt"));
    let quiet = build("--quiet");
    assert!(quiet.status.success());
    assert!(quiet.stderr.is_empty(), "{}", String::from_utf8_lossy(&quiet.stderr));
    let failed = praev(dir.path())
        .args(["search", "Kita", "--quiet", "--index", "/nonexistent/idx"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&failed.stderr).starts_with("praev: error: "), "errors still print");
}
