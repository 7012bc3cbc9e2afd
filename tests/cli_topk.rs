//! A search's first N hits are the same at every limit ≥ N: the same passages, scores and
//! order (issue 14). File evidence once looked for a file's second passage only among the
//! passages fetched for the limit, so `--limit 10` and `--limit 100` scored the same passage
//! differently, and with `--per-file 0` only `limit` passages were fetched at all. Checked on
//! real text: the bundled corpus always, the development set when it is there.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::TestIndex;
use serde_json::Value;

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev");

/// The limits compared with the first hits of [`ALL`].
const LIMITS: [usize; 3] = [1, 5, 20];
/// More than the test corpora have passages (the development set: 181, quotes apart).
const ALL: usize = 200;

/// The variants of a search with their own paths through the ranking: the default cap of two
/// passages per file, one, none, by date, one municipality.
const VARIANTS: [(&str, &str); 5] = [
    ("per-file 2", ""),
    ("per-file 1", "per_file=1"),
    ("per-file 0", "per_file=0"),
    ("by date", "sort=date"),
    ("one municipality", "municipality=Kreis Düren"),
];

/// (file, passage, score) of each hit per `qid|limit`, from one `praev batch` of every query at
/// every limit with the variant's column set.
fn ranked(
    index: &TestIndex,
    queries: &[(String, String)],
    variant: &str,
) -> BTreeMap<String, Vec<(String, u64, String)>> {
    let (column, value) = variant.split_once('=').unwrap_or(("", ""));
    let mut file = String::from("qid\tquery\tlimit");
    if !column.is_empty() {
        file.push('\t');
        file.push_str(column);
    }
    for (qid, query) in queries {
        for limit in LIMITS.iter().chain([&ALL]) {
            file.push_str(&format!("\n{qid}|{limit}\t{query}\t{limit}"));
            if !column.is_empty() {
                file.push('\t');
                file.push_str(value);
            }
        }
    }
    file.push('\n');
    let batch = index.dir.path().join("topk-queries.tsv");
    std::fs::write(&batch, file).unwrap();
    let output = index.run(&["-q", "batch", batch.to_str().unwrap(), "--format", "jsonl"]);
    assert!(output.status.success(), "praev batch failed: {}", String::from_utf8_lossy(&output.stderr));
    let mut hits: BTreeMap<String, Vec<(String, u64, String)>> = BTreeMap::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let hit = (
            row["file"].as_str().unwrap().to_string(),
            row["passage"].as_u64().unwrap(),
            row["score"].to_string(),
        );
        hits.entry(row["qid"].as_str().unwrap().to_string()).or_default().push(hit);
    }
    hits
}

/// Asserts that every query's hits at each of [`LIMITS`] are the first hits at [`ALL`];
/// returns how many limits were compared where the query had more hits than the limit.
fn assert_prefixes(index: &TestIndex, queries: &[(String, String)]) -> usize {
    let mut telling = 0;
    for (name, variant) in VARIANTS {
        let hits = ranked(index, queries, variant);
        for (qid, query) in queries {
            let all = hits.get(&format!("{qid}|{ALL}")).cloned().unwrap_or_default();
            assert!(
                all.len() < ALL,
                "{query:?} has {ALL} hits or more: raise ALL to compare with all of them"
            );
            for limit in LIMITS {
                let some = hits.get(&format!("{qid}|{limit}")).cloned().unwrap_or_default();
                let expected = &all[..all.len().min(limit)];
                assert_eq!(
                    some, expected,
                    "{name}: {query:?} at --limit {limit} is not the first {limit} hits at --limit {ALL}: a score or \
                     order that depends on how many passages were fetched (file evidence, ties)"
                );
                telling += usize::from(all.len() > limit);
            }
        }
    }
    telling
}

#[test]
fn the_first_hits_are_the_same_at_every_limit_on_the_bundled_corpus() {
    let queries: Vec<(String, String)> = [
        "Übergänge",
        "Kinder",
        "Familien",
        "Prävention",
        "Netzwerk",
        "Kinder und Jugendliche",
        "Frühe Hilfen",
        "Schule",
    ]
    .iter()
    .enumerate()
    .map(|(i, query)| (format!("b{i}"), query.to_string()))
    .collect();
    let telling = assert_prefixes(common::bundled_index(), &queries);
    assert!(
        telling > 50,
        "only {telling} comparisons had more hits than the limit: the queries test too little"
    );
}

#[test]
fn the_first_hits_are_the_same_at_every_limit_on_the_dev_set() {
    let dev = Path::new(DEV);
    if !dev.join("corpus").is_dir() {
        eprintln!("skipped: {DEV} is missing");
        return;
    }
    let text = std::fs::read_to_string(dev.join("queries.tsv")).unwrap();
    let queries: Vec<(String, String)> = text
        .lines()
        .skip(1)
        // Every third query (21 of 61): all intents, in a few seconds of a debug build.
        .step_by(3)
        .filter_map(|line| {
            let mut cells = line.split('\t');
            Some((cells.next()?.to_string(), cells.next()?.to_string()))
        })
        .collect();
    assert!(queries.len() >= 15, "{DEV}/queries.tsv has only {} queries", queries.len() * 3);
    let index = TestIndex::of(&dev.join("corpus"));
    let telling = assert_prefixes(&index, &queries);
    assert!(
        telling > 150,
        "only {telling} comparisons had more hits than the limit: the queries test too little"
    );
}
