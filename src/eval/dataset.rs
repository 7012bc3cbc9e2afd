//! A relevance dataset: `queries.tsv` (qid, query, intent) and `qrels.tsv` (qid, file, grade,
//! phrase) in one folder, read with the rules of `../shared/baselines/eval.py`.
//!
//! Grades are 0–3 (0 = judged not relevant); a file's grade for a query is the highest of its
//! rows; only grades ≥ 1 make a file relevant. A query is *judged* when it has at least one
//! relevant file; only judged queries are scored. When no qrels file names a folder, run files
//! are matched by their basename. The corpus folder is the caller's business.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::fold::normalize;
use super::tsv::{self, line_error};
use crate::error::{Error, Result};

pub const QUERIES_FILE: &str = "queries.tsv";
pub const QRELS_FILE: &str = "qrels.tsv";
const MAX_GRADE: i64 = 3;

/// One query of `queries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub qid: String,
    pub text: String,
    /// The intent column; `-` when empty.
    pub intent: String,
}

/// The queries and judgments of a dataset folder.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub root: PathBuf,
    /// In file order.
    pub queries: Vec<Query>,
    /// qid → file → highest grade (only grades ≥ 1).
    grades: HashMap<String, HashMap<String, u8>>,
    /// (qid, file) → normalised phrases of relevant rows.
    phrases: HashMap<(String, String), Vec<String>>,
    by_basename: bool,
    /// Problems that do not stop the evaluation (a qrels row of an unknown qid), one line each.
    pub warnings: Vec<String>,
}

impl Dataset {
    /// Reads `root/queries.tsv` and `root/qrels.tsv`.
    pub fn read(root: &Path) -> Result<Dataset> {
        if !root.is_dir() {
            return Err(Error::InvalidArgument(format!("dataset folder {} does not exist", root.display())));
        }
        let queries = root.join(QUERIES_FILE);
        let qrels = root.join(QRELS_FILE);
        if let Some(missing) = [&queries, &qrels].into_iter().find(|p| !p.is_file()) {
            return Err(Error::InvalidArgument(format!(
                "{} is not a dataset folder: it lacks {} (a dataset folder holds corpus/, {QUERIES_FILE} and {QRELS_FILE})",
                root.display(),
                file_name(missing)
            )));
        }
        let mut dataset = Dataset::parse(&queries, &read_text(&queries)?, &qrels, &read_text(&qrels)?)?;
        dataset.root = root.to_path_buf();
        Ok(dataset)
    }

    /// Parses the two files' contents; the paths are for error messages.
    pub fn parse(queries_path: &Path, queries: &str, qrels_path: &Path, qrels: &str) -> Result<Dataset> {
        let mut dataset = Dataset { queries: parse_queries(queries_path, queries)?, ..Dataset::default() };
        for row in tsv::parse(qrels_path, qrels, &["qid", "file", "grade", "phrase"])? {
            dataset.add_qrel(qrels_path, &row)?;
        }
        dataset.by_basename =
            dataset.grades.values().flat_map(|files| files.keys()).all(|f| !f.contains('/'));
        Ok(dataset)
    }

    fn add_qrel(&mut self, path: &Path, row: &tsv::Row) -> Result<()> {
        let grade = parse_grade(path, row)?;
        let qid = row.get("qid");
        if self.query(qid).is_none() {
            let name = file_name(path);
            self.warnings.push(format!("{name}:{}: qid {qid} not in {QUERIES_FILE}; ignored", row.line));
            return Ok(());
        }
        if grade == 0 {
            return Ok(());
        }
        let file = normalize_file(row.get("file"));
        let best = self.grades.entry(qid.to_string()).or_default().entry(file.clone()).or_insert(0);
        *best = (*best).max(grade);
        let phrase = row.get("phrase");
        if !phrase.is_empty() {
            self.phrases.entry((qid.to_string(), file)).or_default().push(normalize(phrase));
        }
        Ok(())
    }

    pub fn query(&self, qid: &str) -> Option<&Query> {
        self.queries.iter().find(|q| q.qid == qid)
    }

    /// The queries with at least one relevant file, in file order: the ones that are scored.
    pub fn judged(&self) -> impl Iterator<Item = &Query> {
        self.queries.iter().filter(|q| self.grades.contains_key(&q.qid))
    }

    /// The relevant files of a query with their grades (empty for an unjudged query).
    pub fn relevant(&self, qid: &str) -> impl Iterator<Item = (&str, u8)> {
        self.grades.get(qid).into_iter().flatten().map(|(file, grade)| (file.as_str(), *grade))
    }

    /// A file's grade for a query (0 when not relevant); `file` as [`Dataset::qrels_file`] gives it.
    pub fn grade(&self, qid: &str, file: &str) -> u8 {
        self.grades.get(qid).and_then(|files| files.get(file)).copied().unwrap_or(0)
    }

    /// The normalised phrases of a query's relevant rows for a file.
    pub fn phrases(&self, qid: &str, file: &str) -> &[String] {
        self.phrases.get(&(qid.to_string(), file.to_string())).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The name under which qrels know a file of a run: its basename when no qrels row names a
    /// folder, else its path with `/`.
    pub fn qrels_file(&self, run_file: &str) -> String {
        let file = normalize_file(run_file);
        match (self.by_basename, file.rsplit_once('/')) {
            (true, Some((_, base))) => base.to_string(),
            _ => file,
        }
    }
}

fn parse_queries(path: &Path, text: &str) -> Result<Vec<Query>> {
    let mut queries: Vec<Query> = Vec::new();
    for row in tsv::parse(path, text, &["qid", "query"])? {
        let qid = row.get("qid");
        if queries.iter().any(|q| q.qid == qid) {
            return Err(line_error(path, row.line, format!("duplicate qid {qid}")));
        }
        let intent = match row.get("intent") {
            "" => "-",
            intent => intent,
        };
        queries.push(Query {
            qid: qid.to_string(),
            text: row.get("query").to_string(),
            intent: intent.to_string(),
        });
    }
    Ok(queries)
}

fn parse_grade(path: &Path, row: &tsv::Row) -> Result<u8> {
    let text = row.get("grade");
    let grade: i64 =
        text.parse().map_err(|_| line_error(path, row.line, format!("grade {text:?} is not an integer")))?;
    if !(0..=MAX_GRADE).contains(&grade) {
        return Err(line_error(path, row.line, format!("grade {grade} outside 0-{MAX_GRADE}")));
    }
    Ok(grade as u8)
}

/// File ids with `/` and without leading `./`.
fn normalize_file(file: &str) -> String {
    let file = file.replace('\\', "/");
    let mut rest = file.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_string()
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUERIES: &str =
        "qid\tquery\tintent\nq1\tFrühe Hilfen\ttheme\nq2\tLandrat Zitat\n\nq3\tnichts\tkeyword\n";
    const QRELS: &str = "qid\tfile\tgrade\tphrase\n\
        q1\ta.txt\t3\tFrühe  HILFEN im Kreis\n\
        q1\t./a.txt\t1\tanderer Satz\n\
        q1\tb.txt\t2\t\n\
        q2\tc.txt\t1\tsagte der Landrat\n\
        q3\tc.txt\t0\tirrelevant\n\
        q9\tc.txt\t3\tunbekannt\n";

    fn dataset(queries: &str, qrels: &str) -> Result<Dataset> {
        Dataset::parse(Path::new("ds/queries.tsv"), queries, Path::new("ds/qrels.tsv"), qrels)
    }

    #[test]
    fn reads_queries_grades_and_phrases() {
        let ds = dataset(QUERIES, QRELS).unwrap();
        let intents: Vec<&str> = ds.queries.iter().map(|q| q.intent.as_str()).collect();
        assert_eq!(intents, vec!["theme", "-", "keyword"], "an empty intent becomes -");
        let judged: Vec<&str> = ds.judged().map(|q| q.qid.as_str()).collect();
        assert_eq!(judged, vec!["q1", "q2"], "q3 has only grade 0 rows: not judged");
        assert_eq!(ds.grade("q1", "a.txt"), 3, "a file's grade is its highest row's");
        assert_eq!(ds.grade("q1", "b.txt"), 2);
        assert_eq!(ds.grade("q3", "c.txt"), 0);
        assert_eq!(ds.phrases("q1", "a.txt"), ["frühe hilfen im kreis", "anderer satz"]);
        assert!(ds.phrases("q1", "b.txt").is_empty());
        assert_eq!(ds.warnings, vec!["qrels.tsv:7: qid q9 not in queries.tsv; ignored"]);
    }

    #[test]
    fn run_files_match_by_basename_unless_qrels_name_folders() {
        let flat = dataset(QUERIES, QRELS).unwrap();
        assert_eq!(flat.qrels_file("sub\\dir/a.txt"), "a.txt");
        let nested = dataset(QUERIES, "qid\tfile\tgrade\tphrase\nq1\tsub/a.txt\t2\tx\n").unwrap();
        assert_eq!(nested.qrels_file("./sub/a.txt"), "sub/a.txt");
        assert_eq!(nested.qrels_file("a.txt"), "a.txt");
    }

    #[test]
    fn malformed_rows_are_errors_with_file_and_line() {
        let qrels_head = "qid\tfile\tgrade\tphrase\n";
        let cases = [
            (
                QUERIES,
                format!("{qrels_head}q1\ta.txt\tdrei\tx\n"),
                "ds/qrels.tsv",
                2,
                "grade \"drei\" is not an integer",
            ),
            (
                QUERIES,
                format!("{qrels_head}q1\ta.txt\t3\tx\n\nq1\ta.txt\t4\tx\n"),
                "ds/qrels.tsv",
                4,
                "grade 4 outside 0-3",
            ),
            (QUERIES, format!("{qrels_head}q1\ta.txt\n"), "ds/qrels.tsv", 2, "grade \"\" is not an integer"),
            (
                QUERIES,
                format!("{qrels_head}q1\ta.txt\t1\tx\textra\n"),
                "ds/qrels.tsv",
                2,
                "5 cells, the header has 4",
            ),
            (QUERIES, "qid\tfile\tphrase\n".to_string(), "ds/qrels.tsv", 1, "lacks column(s) grade"),
            ("qid\tquery\nq1\ta\nq1\tb\n", QRELS.to_string(), "ds/queries.tsv", 3, "duplicate qid q1"),
        ];
        for (queries, qrels, file, line, words) in cases {
            let err = dataset(queries, &qrels).unwrap_err();
            let Error::Config { path, source } = &err else { panic!("not a line error: {err}") };
            assert_eq!((path.as_path(), source.line), (Path::new(file), line), "{err}");
            assert!(source.message.contains(words), "expected {words:?} in {err}");
        }
    }

    #[test]
    fn a_missing_folder_or_file_is_an_argument_error() {
        let err = Dataset::read(Path::new("/no/such/dataset")).unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{err}");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(QUERIES_FILE), QUERIES).unwrap();
        let err = Dataset::read(dir.path()).unwrap_err();
        assert!(matches!(&err, Error::InvalidArgument(m) if m.contains("lacks qrels.tsv")), "{err}");
        std::fs::write(dir.path().join(QRELS_FILE), QRELS).unwrap();
        let ds = Dataset::read(dir.path()).unwrap();
        assert_eq!((ds.root.as_path(), ds.judged().count()), (dir.path(), 2));
    }
}
