//! Shared harness of the CLI tests: the real binary, a temp index of a corpus, JSON helpers.
#![allow(dead_code)]

pub mod documents;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed documents of the bundled corpus.
pub const STEINFURT_PROFILE: &str = "000_84af1531842d3f23.txt";
pub const STEINFURT_PRESS: &str = "001_6f3f8ce9bb356ce7.txt";
pub const COESFELD: &str = "002_dab9a15ee8aec2cc.txt";
pub const KREFELD: &str = "003_fcd2ca9dae393cb0.txt";
pub const DUEREN: &str = "004_b2df2b7532f9f2ee.txt";

/// One index of the bundled corpus, built once per test binary.
pub fn bundled_index() -> &'static TestIndex {
    static INDEX: OnceLock<TestIndex> = OnceLock::new();
    INDEX.get_or_init(|| TestIndex::of(&bundled_corpus()))
}

pub fn bundled_corpus() -> PathBuf {
    repo_root().join("corpus")
}

/// The praev binary with a private cache folder and no inherited index.
pub fn praev(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("praev").expect("the praev binary is built");
    cmd.env("PRAEV_CACHE_DIR", cache).env_remove("PRAEV_INDEX").env("NO_COLOR", "1");
    cmd
}

/// A temp folder holding an index of `corpus`, built by the real binary.
pub struct TestIndex {
    pub dir: tempfile::TempDir,
}

impl TestIndex {
    pub fn of(corpus: &Path) -> TestIndex {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        praev(dir.path()).arg("index").arg(corpus).arg("--index").arg(&index).assert().success();
        TestIndex { dir }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Runs `praev ARGS --index IDX`, whatever its exit status.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).arg("--index").arg(self.path()).output().unwrap()
    }

    /// Runs `praev ARGS --index IDX`, expecting success; its stdout.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `praev ARGS --index IDX`, expecting success and JSON on stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let stdout = self.stdout(args);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {stdout}"))
    }

    pub fn cmd(&self) -> Command {
        praev(self.dir.path())
    }

    /// Runs `praev ARGS --index IDX` with its stdout closed before it writes: what `| head`
    /// does to a long listing. Returns how it ended.
    pub fn run_into_closed_pipe(&self, args: &[&str]) -> Output {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("praev"))
            .env("PRAEV_CACHE_DIR", self.dir.path())
            .args(args)
            .arg("--index")
            .arg(self.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        child.wait_with_output().unwrap()
    }

    /// Runs `praev search QUERY --format json` plus `extra`, returning the parsed output.
    pub fn search_json(&self, query: &str, extra: &[&str]) -> Value {
        let out = self
            .cmd()
            .args(["search", query, "--format", "json", "--index"])
            .arg(self.path())
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "search {query:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("search {query:?} printed no JSON: {e}"))
    }

    /// The files of the hits, best first.
    pub fn files(&self, query: &str) -> Vec<String> {
        hits(&self.search_json(query, &[])).iter().map(|h| h["file"].as_str().unwrap().to_string()).collect()
    }
}

pub fn hits(results: &Value) -> &Vec<Value> {
    results["hits"].as_array().expect("a hits array")
}
