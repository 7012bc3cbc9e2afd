//! Shared harness of the CLI tests: the real binary, a temp index of a corpus, JSON helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

    pub fn cmd(&self) -> Command {
        praev(self.dir.path())
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
