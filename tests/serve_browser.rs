//! End to end: `praev serve` renders the search page in a real browser (headless Chromium,
//! the Debian package `chromium`), and the rendered DOM holds the highlighted hits.
//!
//! Without Chromium the test says so and passes, unless `PRAEV_REQUIRE_CHROMIUM=1` (set by
//! `.ci/run`, which installs it): in CI it must run.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use common::{bundled_index, DUEREN};

/// The Chromium binary on PATH, if any.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

#[test]
fn the_search_page_renders_its_hits_in_chromium() {
    let Some(chromium) = chromium() else {
        let required = std::env::var("PRAEV_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1");
        assert!(!required, "PRAEV_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install chromium)");
        eprintln!("SKIPPED the_search_page_renders_its_hits_in_chromium: chromium is not installed (apt-get install chromium)");
        return;
    };
    let index = bundled_index();
    let mut server = Command::new(assert_cmd::cargo::cargo_bin("praev"))
        .env("PRAEV_CACHE_DIR", index.dir.path())
        .args(["serve", "--port", "0", "--index"])
        .arg(index.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut url = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut url).unwrap();
    let page = format!("{}search?q=%C3%9Cberg%C3%A4nge&municipality=Kreis+D%C3%BCren", url.trim());
    let profile = tempfile::tempdir().unwrap();
    let dom = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&page)
        .stderr(Stdio::null())
        .output();
    let _ = server.kill();
    let _ = server.wait();
    let dom = String::from_utf8(dom.expect("chromium runs").stdout).unwrap();
    assert!(dom.contains("<ol class=\"hits\">"), "no hit list in the rendered page: {dom}");
    let hits = dom.matches("class=\"hit-title\"").count();
    assert!(hits >= 2, "{hits} hits rendered: {dom}");
    assert!(dom.contains("<mark>Übergänge</mark>"), "no highlighted hit: {dom}");
    assert!(dom.contains(&format!("/document/{DUEREN}#p-")), "no link to a passage: {dom}");
    assert!(dom.contains("Treffer für „Übergänge“"), "no summary: {dom}");
    // Only Kreis Düren was asked for: no hit of another municipality.
    assert!(!dom.contains("Kreis Steinfurt</span>"), "a hit outside the filter: {dom}");
}
