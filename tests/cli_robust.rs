//! Robustness of the CLI against hostile files and damaged or shared indexes: control
//! characters in documents, damaged index files, a damaged `CURRENT`, read-only indexes,
//! searches during rebuilds, and free-text arguments that start with `-`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{bundled_corpus, praev, TestIndex};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The generation folder `CURRENT` names.
fn generation(index: &Path) -> PathBuf {
    index.join(std::fs::read_to_string(index.join("CURRENT")).unwrap().trim())
}

/// A copy of the bundled corpus's index that a test may damage.
fn own_index() -> TestIndex {
    TestIndex::of(&bundled_corpus())
}

/// `praev index` of the bundled corpus over the test's index.
fn rebuild(index: &TestIndex) -> Output {
    praev(index.dir.path())
        .arg("index")
        .arg(bundled_corpus())
        .arg("--index")
        .arg(index.path())
        .output()
        .unwrap()
}

#[test]
fn control_characters_in_a_document_are_shown_escaped_in_every_table() {
    let corpus = tempfile::tempdir().unwrap();
    let mut text = vec![0x1b, 0xc3, 0xbc, 0x0f, 0x11];
    text.extend_from_slice(
        "Kinder und Familien im Kreis brauchen Unterstützung.\n\nDie Kinder \x1b[2Jspielen im Familienzentrum.\n"
            .as_bytes(),
    );
    write(corpus.path(), "steuer.txt", &text);
    let index = TestIndex::of(corpus.path());
    for args in
        [&["search", "Kinder"][..], &["kwic", "Kinder"], &["documents"], &["similar", "--text", "Kinder"]]
    {
        let out = index.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.contains('\u{1b}'), "{args:?} wrote a raw ESC: {stdout}");
    }
    let table = index.stdout(&["search", "Kinder"]);
    assert!(table.contains("␛ü␏␑Kinder"), "the controls are shown as control pictures: {table}");
}

/// Flips one byte in the middle of the first file of `generation` with `extension`.
fn flip_a_byte(generation: &Path, extension: &str) -> String {
    let file = std::fs::read_dir(generation)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == extension))
        .unwrap_or_else(|| panic!("no .{extension} file"));
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x5a;
    std::fs::write(&file, bytes).unwrap();
    file.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_damaged_index_file_is_one_line_naming_it_never_a_panic() {
    for extension in ["term", "idx", "store", "fst"] {
        let index = own_index();
        let damaged = flip_a_byte(&generation(&index.path()), extension);
        let commands: [&[&str]; 4] =
            [&["search", "Kinder Familien"], &["quotes"], &["themes"], &["kwic", "Kinder"]];
        for args in commands {
            let out = index.run(args);
            let message = stderr(&out);
            assert_ne!(out.status.code(), Some(101), "{extension} {args:?} panicked: {message}");
            if !out.status.success() {
                assert_eq!(message.lines().count(), 1, "{extension} {args:?}: {message}");
                assert!(
                    message.contains(&damaged) && message.contains("praev index"),
                    "{extension} {args:?}: {message}"
                );
            }
        }
    }
}

/// What a damage is called, and how to inflict it on an index folder.
type Damage = (&'static str, fn(&Path));

#[test]
fn praev_index_repairs_a_damaged_current_and_says_so() {
    let damages: [Damage; 3] = [
        ("garbage in CURRENT", |index| std::fs::write(index.join("CURRENT"), "\u{1}\u{2}kaputt").unwrap()),
        ("generation removed", |index| std::fs::remove_dir_all(generation(index)).unwrap()),
        ("generation half written", |index| {
            std::fs::remove_file(generation(index).join("praev.json")).unwrap()
        }),
    ];
    for (what, damage) in damages {
        let index = own_index();
        damage(&index.path());
        let before = index.run(&["search", "Kinder"]);
        assert!(!before.status.success(), "{what}: a damaged index cannot be searched");
        assert!(stderr(&before).contains("praev index"), "{what}: {}", stderr(&before));
        let rebuild = rebuild(&index);
        assert!(rebuild.status.success(), "{what}: {}", stderr(&rebuild));
        assert!(stderr(&rebuild).contains("building it anew"), "{what}: {}", stderr(&rebuild));
        let after = index.run(&["search", "Kinder"]);
        assert!(after.status.success(), "{what}: {}", stderr(&after));
    }
}

/// Runs `praev ARGS --index IDX` as an unprivileged user when the tests run as root (who may
/// write anywhere), so that permissions are enforced; None when that is not possible here.
fn run_without_write_permission(index: &Path, args: &[&str]) -> Option<Output> {
    let probe = index.join("probe");
    let root = std::fs::write(&probe, "").is_ok();
    let _ = std::fs::remove_file(&probe);
    let binary = assert_cmd::cargo::cargo_bin("praev");
    let mut command = if root {
        let mut setpriv = std::process::Command::new("setpriv");
        setpriv.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&binary);
        setpriv
    } else {
        std::process::Command::new(&binary)
    };
    let out = command.env("NO_COLOR", "1").args(args).arg("--index").arg(index).output().ok()?;
    let unavailable = root && (out.status.code() == Some(127) || stderr(&out).contains("setpriv"));
    (!unavailable).then_some(out)
}

fn set_read_only(path: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(path) {
        let entry = entry.unwrap();
        let mode = match (entry.file_type().is_dir(), read_only) {
            (true, true) => 0o555,
            (true, false) => 0o755,
            (false, true) => 0o444,
            (false, false) => 0o644,
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_index_answers_every_read_command() {
    use std::os::unix::fs::PermissionsExt;
    let index = own_index();
    // Every folder above the index must be enterable by the unprivileged user.
    std::fs::set_permissions(index.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    set_read_only(&index.path(), true);
    let commands: [&[&str]; 10] = [
        &["search", "Kinder"],
        &["quotes"],
        &["speakers"],
        &["documents"],
        &["municipalities"],
        &["themes"],
        &["theme", "kinderarmut"],
        &["kwic", "Kinder"],
        &["similar", "--text", "Kinder und Familien"],
        &["duplicates"],
    ];
    for args in commands {
        let Some(out) = run_without_write_permission(&index.path(), args) else {
            eprintln!("skipped: running as root without setpriv, permissions are not enforced");
            break;
        };
        assert!(out.status.success(), "{args:?} on a read-only index: {}", stderr(&out));
    }
    set_read_only(&index.path(), false);
}

#[test]
fn searches_during_repeated_rebuilds_never_fail() {
    let index = own_index();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (searches, failures) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let (mut searches, mut failures) = (0, Vec::new());
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let out = index.run(&["search", "Übergänge Kita Schule", "--format", "json"]);
                searches += 1;
                if !out.status.success() {
                    failures.push(stderr(&out));
                }
            }
            (searches, failures)
        });
        for _ in 0..4 {
            let rebuild = rebuild(&index);
            assert!(rebuild.status.success(), "{}", stderr(&rebuild));
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        reader.join().unwrap()
    });
    assert!(searches > 0);
    assert!(failures.is_empty(), "{} of {searches} searches failed: {:?}", failures.len(), failures.first());
}

#[test]
fn free_text_arguments_may_start_with_a_hyphen() {
    let index = common::bundled_index();
    let commands: [&[&str]; 9] = [
        &["search", "-Kinderarmut"],
        &["quotes", "-Kinderarmut"],
        &["analyze", "-Kinderarmut"],
        &["theme", "-armut"],
        &["kwic", "-Übergang"],
        &["similar", "--text", "-Übergang Kita Schule"],
        &["search", "--", "-Kinderarmut"],
        &["kwic", "--", "-Übergang"],
        &["theme", "--", "-armut"],
    ];
    for args in commands {
        // `--index` goes before the words: after `--` everything is a word.
        let out =
            index.cmd().arg(args[0]).arg("--index").arg(index.path()).args(&args[1..]).output().unwrap();
        let message = stderr(&out);
        assert!(!message.contains("unexpected argument"), "{args:?}: {message}");
        assert!(!message.contains("Usage:"), "{args:?} was rejected by argument parsing: {message}");
    }
}
