//! `praev batch FILE` on the bundled corpus: each row answers as its command would, led by
//! the query's columns; bad files fail with one line naming the file and the line.

mod common;

use std::path::{Path, PathBuf};

use common::{bundled_index as index, hits};
use serde_json::Value;

/// A query file in the index's temp folder.
fn query_file(name: &str, text: &str) -> PathBuf {
    let dir = index().dir.path().join("batch");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn batch_lines(file: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["batch", file.to_str().unwrap(), "--format", "jsonl"];
    args.extend(extra);
    index().stdout(&args).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The rows of one query with the query's columns taken off: hits as its command prints them.
fn rows_of(rows: &[Value], qid: &str) -> Vec<Value> {
    rows.iter()
        .filter(|r| r["qid"] == qid)
        .enumerate()
        .map(|(i, r)| {
            assert_eq!(r["rank"], i + 1, "ranks count from 1 per query");
            let mut hit = r.as_object().unwrap().clone();
            for key in ["qid", "query", "command", "rank"] {
                hit.remove(key);
            }
            Value::Object(hit)
        })
        .collect()
}

#[test]
fn each_row_answers_as_its_command_does() {
    let file = query_file(
        "mixed.tsv",
        "qid\tquery\tcommand\tmunicipality\tkind\trole\tlimit\n\
         s1\t\"Frühe Hilfen\" Kita\t\t\t\t\t3\n\
         s2\tÜbergänge\tsearch\tsteinfurt\tprofile;press\t\t\n\
         t1\tuebergaenge\ttheme\t\t\t\t4\n\
         z1\t\tquotes\t\t\tLandrat\t\n",
    );
    let rows = batch_lines(&file, &[]);
    let expected = [
        ("s1", index().json(&["search", "\"Frühe Hilfen\" Kita", "-n", "3", "-f", "json"])),
        (
            "s2",
            index().json(&[
                "search",
                "Übergänge",
                "-m",
                "steinfurt",
                "-k",
                "profile",
                "-k",
                "press",
                "-f",
                "json",
            ]),
        ),
        ("t1", index().json(&["theme", "uebergaenge", "-n", "4", "-f", "json"])),
        ("z1", index().json(&["quotes", "--role", "Landrat", "-f", "json"])),
    ];
    for (qid, results) in expected {
        let mut want: Vec<Value> = hits(&results).clone();
        for hit in &mut want {
            hit.as_object_mut().unwrap().remove("matched_terms");
        }
        assert!(!want.is_empty(), "{qid}: the command finds something");
        assert_eq!(rows_of(&rows, qid), want, "{qid}: the batch rows are the command's hits");
    }
    let first = &rows[0];
    assert_eq!((first["qid"].as_str(), first["command"].as_str()), (Some("s1"), Some("search")));
    assert_eq!(first["query"], "\"Frühe Hilfen\" Kita", "the query as written, quotes and all");
}

#[test]
fn csv_rows_carry_the_query_columns_then_the_hit_columns() {
    let file = query_file("two.csv", "qid,query,limit\nq1,Kinderarmut,2\nq2,\"\"\"Kein Kind\"\", Kita\",1\n");
    let csv = index().stdout(&["batch", file.to_str().unwrap(), "--format", "csv"]);
    let search = index().stdout(&["search", "Kinderarmut", "-n", "2", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let search_header = search.lines().next().unwrap();
    assert_eq!(header[..4], ["qid", "query", "command", "rank"]);
    assert_eq!(header[4..].join(","), search_header, "then the columns of a search hit");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let q1: Vec<&csv::StringRecord> = records.iter().filter(|r| &r[0] == "q1").collect();
    assert_eq!(q1.len(), 2);
    let mut search_reader = csv::Reader::from_reader(search.as_bytes());
    for (row, hit) in q1.iter().zip(search_reader.records().map(Result::unwrap)) {
        assert_eq!(row.iter().skip(4).collect::<Vec<_>>(), hit.iter().collect::<Vec<_>>());
    }
    let q2 = records.iter().find(|r| &r[0] == "q2").expect("a hit for q2");
    assert_eq!(&q2[1], "\"Kein Kind\", Kita", "CSV quoting read and written");
}

#[test]
fn the_json_document_lists_every_query_even_without_hits() {
    let file = query_file("empty.tsv", "qid\tquery\nq1\tKinderarmut\nq2\tXylophonorchester\n");
    let document = index().json(&["batch", file.to_str().unwrap(), "--format", "json"]);
    let queries = document["queries"].as_array().unwrap();
    assert_eq!(queries.len(), 2);
    assert_eq!((queries[1]["qid"].as_str(), queries[1]["total_hits"].as_u64()), (Some("q2"), Some(0)));
    assert!(!queries[0]["hits"].as_array().unwrap().is_empty());
}

#[test]
fn queries_come_from_standard_input_and_limit_sets_the_default() {
    let out = index()
        .cmd()
        .args(["batch", "-", "--format", "jsonl", "--limit", "1", "--index"])
        .arg(index().path())
        .write_stdin("qid\tquery\tlimit\na\tKita\t\nb\tSchule\t2\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let count = |qid: &str| rows.iter().filter(|r| r["qid"] == qid).count();
    assert_eq!((count("a"), count("b")), (1, 2), "--limit for a, the row's own limit for b");
}

#[test]
fn date_columns_answer_as_the_date_flags_do() {
    let file = query_file(
        "dated.tsv",
        "qid\tquery\tcommand\tsince\tuntil\tsort\n\
         d1\tPrävention\tsearch\t2017-05\t2017\tdate\n\
         d2\t\tquotes\t2017\t\tdate\n",
    );
    let rows = batch_lines(&file, &[]);
    let expected = [
        (
            "d1",
            index().json(&[
                "search",
                "Prävention",
                "--since",
                "2017-05",
                "--until",
                "2017",
                "--sort",
                "date",
                "-f",
                "json",
            ]),
        ),
        ("d2", index().json(&["quotes", "--since", "2017", "--sort", "date", "-f", "json"])),
    ];
    for (qid, results) in expected {
        let want: Vec<Value> = hits(&results).clone();
        assert!(!want.is_empty(), "{qid}: the command finds something");
        assert_eq!(rows_of(&rows, qid), want, "{qid}: the batch rows are the command's hits");
    }
    let dated = index().json(&["documents", "-f", "json"]);
    let undated: Vec<&str> = dated["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["date"].is_null())
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(!undated.is_empty(), "the bundled corpus has undated documents");
    for row in rows_of(&rows, "d1") {
        assert!(
            !undated.contains(&row["file"].as_str().unwrap()),
            "a date bound leaves undated documents out"
        );
    }
}

#[test]
fn a_bad_file_fails_with_one_line_naming_file_and_line() {
    let cases = [
        (
            "cols.tsv",
            "qid\tquery\tsortierung\nq1\tKita\tx\n",
            "cols.tsv line 1: unknown column \"sortierung\"",
        ),
        (
            "cmd.tsv",
            "qid\tquery\tcommand\nq1\tKita\t\nq2\tSchule\tsuche\n",
            "cmd.tsv line 3: command: unknown command \"suche\"",
        ),
        ("muni.tsv", "qid\tquery\tmunicipality\nq1\tKita\tAtlantis\n", "muni.tsv line 2: "),
        ("theme.tsv", "qid\tquery\ttheme\nq1\tKita\tkeinthema\n", "theme.tsv line 2: "),
        ("date.tsv", "qid\tquery\tsince\nq1\tKita\t2021-13\n", "date.tsv line 2: since: "),
        ("range.tsv", "qid\tquery\tsince\tuntil\nq1\tKita\t2022\t2021\n", "range.tsv line 2: --since"),
    ];
    for (name, text, expected) in cases {
        let file = query_file(name, text);
        let out = index().run(&["batch", file.to_str().unwrap(), "--format", "csv"]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: a usage error: {stderr}");
        assert!(stderr.starts_with("praev: error: ") && stderr.contains(expected), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: one line: {stderr}");
        assert!(out.stdout.is_empty(), "{name}: nothing answered before the file is checked");
    }
    let missing = index().run(&["batch", "/nonexistent/queries.tsv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/queries.tsv"));
}

#[test]
fn a_closed_pipe_is_no_error() {
    let file = query_file("pipe.tsv", "qid\tquery\nq1\tKita\nq2\tSchule\n");
    let out = index().run_into_closed_pipe(&["batch", file.to_str().unwrap(), "--format", "csv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
