//! A run: the ranked passages a system returned for each query, and its JSON-lines file.
//!
//! One line per returned passage, best first within a query:
//! `{"system", "qid", "rank" (1-based), "file", "passage", "score", "text"}`. This is the run
//! format of `../shared/baselines` (which has no `passage`), so praev's runs and the baselines'
//! can be scored by either evaluator and compared with each other. Reading follows `eval.py`:
//! blank lines are skipped, `qid`, `rank`, `file` and `text` are required, rows are ordered by
//! rank, and the system name is the first non-empty `system`, else the file name.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use super::dataset::Dataset;
use super::tsv::line_error;
use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::query::hits::DEFAULT_PER_FILE;
use crate::query::quotes::{find_quotes, QuoteRequest};
use crate::query::{self, Feedback, Hit, SearchRequest};
use crate::themes::free_text::select_in;
use crate::themes::rank::{rank_passages, ThemeRequest};

/// One returned passage.
#[derive(Debug, Clone, PartialEq)]
pub struct RunHit {
    /// 1-based.
    pub rank: i64,
    pub file: String,
    /// The passage number within the file, when the system has one.
    pub passage: Option<u64>,
    pub score: f64,
    pub text: String,
}

/// The hits of every query of one system.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub system: String,
    /// The file the run was read from.
    pub path: Option<PathBuf>,
    /// qid → hits ordered by rank.
    hits: HashMap<String, Vec<RunHit>>,
    /// qids in order of first appearance.
    order: Vec<String>,
}

impl Run {
    pub fn new(system: &str) -> Run {
        Run { system: system.to_string(), ..Run::default() }
    }

    /// Adds a hit of `qid`; call in rank order or call [`Run::sort`] afterwards.
    pub fn push(&mut self, qid: &str, hit: RunHit) {
        if !self.hits.contains_key(qid) {
            self.order.push(qid.to_string());
        }
        self.hits.entry(qid.to_string()).or_default().push(hit);
    }

    /// Orders each query's hits by rank (stable: equal ranks keep their file order).
    pub fn sort(&mut self) {
        for hits in self.hits.values_mut() {
            hits.sort_by_key(|h| h.rank);
        }
    }

    /// A query's hits, best first; empty when the run lacks the query.
    pub fn hits(&self, qid: &str) -> &[RunHit] {
        self.hits.get(qid).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The qids of the run in order of first appearance.
    pub fn qids(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }

    /// Writes the run as JSON lines, queries in order, hits best first.
    pub fn write_jsonl(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for qid in self.qids() {
            for hit in self.hits(qid) {
                let line = RunLine {
                    system: &self.system,
                    qid,
                    rank: hit.rank,
                    file: &hit.file,
                    passage: hit.passage,
                    score: hit.score,
                    text: &hit.text,
                };
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }

    /// Reads a run file.
    pub fn read_jsonl(path: &Path) -> Result<Run> {
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        Run::parse_jsonl(path, &text)
    }

    /// Parses a run file's contents; `path` names it in errors and, without `system`, the run.
    pub fn parse_jsonl(path: &Path, text: &str) -> Result<Run> {
        let mut run = Run { path: Some(path.to_path_buf()), ..Run::default() };
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let (qid, hit, system) =
                parse_line(line).map_err(|message| line_error(path, index + 1, message))?;
            if run.system.is_empty() {
                run.system = system.unwrap_or_default();
            }
            run.push(&qid, hit);
        }
        run.sort();
        if run.system.is_empty() {
            run.system = system_from_file_name(path);
        }
        Ok(run)
    }
}

/// A line as written: the field names and their order are the run format.
#[derive(Serialize)]
struct RunLine<'a> {
    system: &'a str,
    qid: &'a str,
    rank: i64,
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<u64>,
    score: f64,
    text: &'a str,
}

/// One line's qid, hit and system name, or what is wrong with it.
fn parse_line(line: &str) -> std::result::Result<(String, RunHit, Option<String>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(row) = value else { return Err("not a JSON object".into()) };
    let missing: Vec<&str> =
        ["qid", "rank", "file", "text"].into_iter().filter(|k| !row.contains_key(*k)).collect();
    if !missing.is_empty() {
        return Err(format!("missing field(s) {}", missing.join(", ")));
    }
    let hit = RunHit {
        rank: rank_of(&row["rank"])?,
        file: string_field(&row, "file")?,
        passage: row.get("passage").and_then(Value::as_u64),
        score: row.get("score").and_then(Value::as_f64).unwrap_or(0.0),
        text: string_field(&row, "text")?,
    };
    let system = row.get("system").and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_string);
    Ok((qid_of(&row["qid"]), hit, system))
}

/// `str(row["qid"])`: a number qid is its JSON text.
fn qid_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `int(row["rank"])`: an integer, a float (truncated) or a string of an integer.
fn rank_of(value: &Value) -> std::result::Result<i64, String> {
    let rank = match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.trunc() as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    rank.ok_or_else(|| format!("rank {value} is not an integer"))
}

fn string_field(row: &Map<String, Value>, key: &str) -> std::result::Result<String, String> {
    row[key].as_str().map(str::to_string).ok_or_else(|| format!("{key} is not a string"))
}

/// `a/praev-run.jsonl` → `praev-run`, as `eval.py` names a run without `system`.
fn system_from_file_name(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match name.rfind(".jsonl") {
        Some(end) => name[..end].to_string(),
        None => name,
    }
}

/// How the queries of a dataset are answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ranker {
    /// The search of `praev search` (`exact`: without synonyms; `feedback`: with
    /// pseudo-relevance feedback).
    Search { exact: bool, feedback: Option<Feedback> },
    /// The ranking of `praev theme`: each query names a theme or is a free-text topic.
    Theme,
    /// The ranking of `praev quotes`.
    Quotes,
}

/// Runs every query of the dataset through `ranker`, keeping the first `limit` passages of each.
pub fn run_all(
    index: &PraevIndex,
    dataset: &Dataset,
    limit: usize,
    system: &str,
    ranker: Ranker,
) -> Result<Run> {
    let themes = match ranker {
        Ranker::Theme => Some(index.themes()?),
        Ranker::Search { .. } | Ranker::Quotes => None,
    };
    let mut run = Run::new(system);
    for query in &dataset.queries {
        let hits: Vec<Hit> = match (ranker, &themes) {
            (Ranker::Theme, Some(themes)) => {
                let selection = select_in(index, themes, &query.text).map_err(|e| match e {
                    Error::InvalidArgument(message) => {
                        Error::InvalidArgument(format!("query {}: {message}", query.qid))
                    }
                    other => other,
                })?;
                let request = ThemeRequest { limit, per_file: DEFAULT_PER_FILE, ..ThemeRequest::default() };
                rank_passages(index, selection.theme(), &request)?.hits.into_iter().map(|h| h.hit).collect()
            }
            (Ranker::Quotes, _) => {
                let request =
                    QuoteRequest { query: Some(query.text.clone()), limit, ..QuoteRequest::default() };
                find_quotes(index, &request)?.hits
            }
            (_, _) => {
                let (exact, feedback) = match ranker {
                    Ranker::Search { exact, feedback } => (exact, feedback),
                    _ => (false, None),
                };
                let request = SearchRequest {
                    query: query.text.clone(),
                    limit,
                    exact,
                    feedback,
                    per_file: DEFAULT_PER_FILE,
                    ..SearchRequest::default()
                };
                query::search(index, &request)?.hits
            }
        };
        run.order.push(query.qid.clone());
        run.hits
            .insert(query.qid.clone(), hits.iter().zip(1..).map(|(hit, rank)| run_hit(hit, rank)).collect());
    }
    Ok(run)
}

fn run_hit(hit: &Hit, rank: i64) -> RunHit {
    RunHit {
        rank,
        file: hit.file.clone(),
        passage: Some(hit.passage),
        score: widen(hit.score),
        text: hit.text.clone(),
    }
}

/// The f64 nearest the f32's shortest decimal form, so run files show `7.4181` rather than
/// `7.418099880218506`.
fn widen(score: f32) -> f64 {
    score.to_string().parse().unwrap_or(f64::from(score))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(rank: i64, file: &str, text: &str) -> RunHit {
        RunHit { rank, file: file.into(), passage: Some(rank as u64), score: 1.5, text: text.into() }
    }

    #[test]
    fn written_runs_read_back_and_name_their_fields() {
        let mut run = Run::new("praev");
        run.push("q1", hit(1, "a.txt", "Frühe Hilfen"));
        run.push("q1", hit(2, "b.txt", "Kita"));
        run.push("q2", hit(1, "a.txt", "Zitat „x“"));
        let mut out = Vec::new();
        run.write_jsonl(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        let keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["file", "passage", "qid", "rank", "score", "system", "text"],
            "the run format's fields"
        );
        let back = Run::parse_jsonl(Path::new("r.jsonl"), &text).unwrap();
        assert_eq!(back.system, "praev");
        assert_eq!(back.qids().collect::<Vec<_>>(), ["q1", "q2"]);
        assert_eq!(back.hits("q1"), run.hits("q1"));
        assert_eq!(back.hits("q2"), run.hits("q2"));
        assert!(back.hits("q3").is_empty());
    }

    #[test]
    fn reading_follows_eval_py() {
        let text = "{\"qid\": 7, \"rank\": \"2\", \"file\": \"b.txt\", \"text\": \"zwei\"}\n\n   \n\
                    {\"qid\": \"7\", \"rank\": 1.0, \"file\": \"a.txt\", \"text\": \"eins\", \"system\": \"\"}\n";
        let run = Run::parse_jsonl(Path::new("runs/bm25.jsonl"), text).unwrap();
        assert_eq!(run.system, "bm25", "no system field: the file name without .jsonl");
        let files: Vec<&str> = run.hits("7").iter().map(|h| h.file.as_str()).collect();
        assert_eq!(files, ["a.txt", "b.txt"], "rows are ordered by rank; qid 7 and \"7\" are one query");
        assert_eq!(run.hits("7")[0].score, 0.0, "score is optional");
    }

    #[test]
    fn malformed_lines_are_errors_with_file_and_line() {
        let good = "{\"qid\": \"q\", \"rank\": 1, \"file\": \"a\", \"text\": \"t\"}";
        let cases = [
            (format!("{good}\nnot json\n"), 2, "not JSON"),
            (format!("{good}\n\n{{\"qid\": \"q\", \"file\": \"a\"}}\n"), 3, "missing field(s) rank, text"),
            (
                "{\"qid\": \"q\", \"rank\": \"eins\", \"file\": \"a\", \"text\": \"t\"}\n".to_string(),
                1,
                "rank \"eins\" is not an integer",
            ),
            ("[1, 2]\n".to_string(), 1, "not a JSON object"),
        ];
        for (text, line, words) in cases {
            let err = Run::parse_jsonl(Path::new("r.jsonl"), &text).unwrap_err();
            let Error::Config { source, .. } = &err else { panic!("not a line error: {err}") };
            assert_eq!(source.line, line, "{err}");
            assert!(source.message.contains(words), "expected {words:?} in {err}");
        }
    }

    #[test]
    fn scores_keep_their_short_decimal_form() {
        assert_eq!(widen(7.4181).to_string(), "7.4181");
    }
}
