//! `praev eval`: metrics on a small fixture dataset, run comparison, errors and exit codes;
//! agreement with `../shared/baselines/eval.py` and the quality floor on `../shared/eval/dev`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::OnceLock;

use common::praev;
use predicates::str::contains;
use serde_json::Value;

/// Overall nDCG@10 of `praev eval ../shared/eval/dev` must not drop below this: just under the
/// figure measured on the 61 queries when it was set (0.801). Raise it whenever ranking improves.
const NDCG_FLOOR: f64 = 0.795;
/// nDCG@10 per intent on the same run, each just under its figure when set: one intent must not
/// pay for another's gain.
const INTENT_NDCG_FLOORS: [(&str, f64); 6] = [
    ("keyword", 0.89),  // measured 0.897
    ("question", 0.75), // 0.759
    ("quote", 0.885),   // 0.894
    ("synonym", 0.645), // 0.652
    ("theme", 0.70),    // 0.706
    ("variant", 0.88),  // 0.889
];

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev");
const EVAL_PY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/baselines/eval.py");
const METRICS: [&str; 4] = ["ndcg@10", "recall@20", "mrr@10", "p@5"];

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether a test needing `what` may run: true when it is there; when it is absent, a skip
/// notice (false), except under CI=true, where absence fails the test.
fn available(present: bool, what: &str) -> bool {
    if !present {
        assert!(!under_ci(), "{what} is missing, and CI=true requires it");
        eprintln!("skipped: {what} is missing");
    }
    present
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

// ---------------------------------------------------------------------------------------------
// A fixture dataset: three documents, three queries.

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "corpus/a.txt",
        "Frühe Hilfen im Kreis Düren\n\nDie Frühen Hilfen begleiten Familien mit Neugeborenen, etwa durch Begrüßungsbesuche der Familienhebammen.\n",
    );
    write(
        p,
        "corpus/b.txt",
        "Kinderschutz als gemeinsame Aufgabe\n\nDer Kinderschutz wird im Netzwerk von Jugendamt, Schulen und Ärzten organisiert und regelmäßig überprüft.\n",
    );
    write(
        p,
        "corpus/c.txt",
        "Übergänge gestalten\n\nDer Übergang von der Kita in die Grundschule wird von Fachkräften beider Einrichtungen gemeinsam begleitet.\n",
    );
    write(p, "queries.tsv", "qid\tquery\tintent\nq1\tFrühe Hilfen\ttheme\nq2\tKinderschutz\tkeyword\nq3\tÜbergang Kita Grundschule\tkeyword\n");
    write(
        p,
        "qrels.tsv",
        "qid\tfile\tgrade\tphrase\n\
         q1\ta.txt\t3\tbegleiten Familien mit Neugeborenen\n\
         q2\tb.txt\t2\tDER KINDERSCHUTZ wird im Netzwerk\n\
         q3\tc.txt\t3\tvon der Kita in die Grundschule\n",
    );
    dir
}

fn eval_json(dataset: &Path, extra: &[&str]) -> Value {
    // Eval indexes the dataset in a temporary folder; the cache folder is a fresh one as well, so
    // that nothing is ever written into the dataset (the shared dev set is read-only).
    let cache = tempfile::tempdir().expect("a temporary cache folder");
    let out =
        praev(cache.path()).arg("eval").arg(dataset).args(["--format", "json"]).args(extra).output().unwrap();
    assert!(out.status.success(), "praev eval failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("praev eval --format json prints JSON")
}

#[test]
fn fixture_queries_find_their_documents() {
    let ds = fixture();
    let v = eval_json(ds.path(), &[]);
    assert_eq!(
        (v["queries"].as_u64(), v["judged_queries"].as_u64(), v["answered"].as_u64()),
        (Some(3), Some(3), Some(3))
    );
    for q in v["per_query"].as_array().unwrap() {
        assert_eq!(q["ndcg@10"], 1.0, "each query's only relevant file ranks first: {q}");
        assert_eq!(q["mrr@10"], 1.0, "{q}");
        assert_eq!(q["p@5"], 0.2, "one passage in five holds the phrase (after case folding): {q}");
    }
    assert_eq!(v["overall"]["ndcg@10"], 1.0);
    let intents: Vec<&str> =
        v["by_intent"].as_array().unwrap().iter().map(|i| i["intent"].as_str().unwrap()).collect();
    assert_eq!(intents, ["keyword", "theme"]);
}

#[test]
fn qid_keeps_only_the_named_queries() {
    let ds = fixture();
    let v = eval_json(ds.path(), &["--qid", "q3,q1"]);
    let qids: Vec<&str> =
        v["per_query"].as_array().unwrap().iter().map(|q| q["qid"].as_str().unwrap()).collect();
    assert_eq!(qids, ["q1", "q3"], "the dataset's order, q2 left out");
    praev(ds.path())
        .arg("eval")
        .arg(ds.path())
        .args(["--qid", "q9"])
        .assert()
        .code(2)
        .stderr(contains("--qid q9"));
}

#[test]
fn table_shows_queries_intents_and_overall() {
    let ds = fixture();
    let out = praev(ds.path()).arg("eval").arg(ds.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in
        ["3 judged queries (of 3)", "nDCG@10", "R@20", "MRR@10", "P@5", "Kinderschutz", "theme", "overall"]
    {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn run_file_and_prebuilt_index_give_the_same_figures() {
    let ds = fixture();
    let index = ds.path().join("idx");
    praev(ds.path()).arg("index").arg(ds.path().join("corpus")).arg("--index").arg(&index).assert().success();
    let run = ds.path().join("run.jsonl");
    let with_index = eval_json(
        ds.path(),
        &["--index", index.to_str().unwrap(), "--run", run.to_str().unwrap(), "--k", "5"],
    );
    let temporary = eval_json(ds.path(), &["--k", "5"]);
    assert_eq!(with_index["per_query"], temporary["per_query"]);
    assert!(with_index["overall"]["ndcg@5"].is_number(), "--k 5 reports nDCG@5");
    let text = std::fs::read_to_string(&run).unwrap();
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    for key in ["system", "qid", "rank", "file", "passage", "score", "text"] {
        assert!(first.get(key).is_some(), "run line lacks {key}: {first}");
    }
    assert_eq!(
        (first["system"].as_str(), first["qid"].as_str(), first["rank"].as_u64()),
        (Some("praev"), Some("q1"), Some(1))
    );
}

#[test]
fn compare_lists_the_largest_changes_first() {
    let ds = fixture();
    let line = |qid: &str, rank: u32, file: &str| {
        format!("{{\"system\": \"s\", \"qid\": \"{qid}\", \"rank\": {rank}, \"file\": \"{file}\", \"score\": 1, \"text\": \"\"}}\n")
    };
    let a = [line("q1", 1, "a.txt"), line("q2", 1, "c.txt"), line("q3", 1, "c.txt")].concat();
    // q1: a.txt drops to rank 2 (nDCG 0.631); q2: b.txt found (0 → 1); q3 unchanged.
    let b = [line("q1", 1, "b.txt"), line("q1", 2, "a.txt"), line("q2", 1, "b.txt"), line("q3", 1, "c.txt")]
        .concat();
    write(ds.path(), "a.jsonl", &a);
    write(ds.path(), "b.jsonl", &b);
    let (a, b) = (ds.path().join("a.jsonl"), ds.path().join("b.jsonl"));

    let out = praev(ds.path()).args(["eval", "--compare"]).args([&a, &b]).arg(ds.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let q2 = text.find("Kinderschutz").expect("q2 changed");
    let q1 = text.find("Frühe Hilfen").expect("q1 changed");
    assert!(q2 < q1, "the larger change (q2, +1.000) comes first:\n{text}");
    assert!(text.contains("+1.000") && text.contains("-0.369"), "{text}");
    assert!(!text.contains("Übergang"), "unchanged q3 is not listed:\n{text}");
    assert!(text.contains("2 of 3 judged queries changed nDCG@10, 1 unchanged"), "{text}");

    let out = praev(ds.path())
        .args(["eval", "--format", "json", "--compare"])
        .args([&a, &b])
        .arg(ds.path())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let order: Vec<&str> =
        v["deltas"].as_array().unwrap().iter().map(|d| d["qid"].as_str().unwrap()).collect();
    assert_eq!(order, ["q2", "q1", "q3"]);
}

#[test]
fn malformed_qrels_name_file_and_line() {
    let ds = fixture();
    write(ds.path(), "qrels.tsv", "qid\tfile\tgrade\tphrase\nq1\ta.txt\t3\tx\nq2\tb.txt\tsehr\tx\n");
    let out = praev(ds.path()).arg("eval").arg(ds.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("qrels.tsv: line 3: grade \"sehr\" is not an integer"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one-line error: {stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let ds = fixture();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["/no/such/dataset".into()], "does not exist"),
        (vec![ds.path().join("corpus").display().to_string()], "queries.tsv"),
        (vec![ds.path().display().to_string(), "--format".into(), "xml".into()], "invalid value"),
        (
            vec![
                "--compare".into(),
                "a.jsonl".into(),
                "b.jsonl".into(),
                "--index".into(),
                "i".into(),
                ds.path().display().to_string(),
            ],
            "cannot be used with",
        ),
        (
            vec![
                "--compare".into(),
                "/no/a.jsonl".into(),
                "/no/b.jsonl".into(),
                ds.path().display().to_string(),
            ],
            "run file /no/a.jsonl does not exist",
        ),
    ];
    for (args, words) in cases {
        praev(ds.path()).arg("eval").args(&args).assert().code(2).stderr(contains(words));
    }
}

#[test]
fn missing_corpus_is_a_usage_error() {
    let ds = fixture();
    std::fs::remove_dir_all(ds.path().join("corpus")).unwrap();
    praev(ds.path()).arg("eval").arg(ds.path()).assert().code(2).stderr(contains("corpus"));
}

// ---------------------------------------------------------------------------------------------
// The development set: agreement with eval.py and the quality floor.

/// `praev eval DEV --run OUT.jsonl --format json`, run once: (temp folder, run file, JSON).
fn dev_eval() -> Option<&'static (tempfile::TempDir, PathBuf, Value)> {
    static DEV_EVAL: OnceLock<(tempfile::TempDir, PathBuf, Value)> = OnceLock::new();
    if !available(Path::new(DEV).is_dir(), DEV) {
        return None;
    }
    Some(DEV_EVAL.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let run = dir.path().join("praev.jsonl");
        let json = eval_json(Path::new(DEV), &["--run", run.to_str().unwrap()]);
        (dir, run, json)
    }))
}

fn python_available() -> bool {
    Process::new("python3").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn assert_close(praev: &Value, python: &Value, what: &str) {
    for metric in METRICS {
        let (p, q) = (praev[metric].as_f64(), python[metric].as_f64());
        let (Some(p), Some(q)) = (p, q) else { panic!("{what} {metric}: praev {praev}, eval.py {python}") };
        assert!(
            (p - q).abs() < 5e-4,
            "{what} {metric}: praev {p:.4}, eval.py {q:.4} disagree at three decimals"
        );
    }
}

#[test]
fn metrics_agree_with_eval_py_on_the_dev_set() {
    let Some((dir, run, praev)) = dev_eval() else { return };
    if !available(
        Path::new(EVAL_PY).is_file() && python_available(),
        "python3 or ../shared/baselines/eval.py",
    ) {
        return;
    }
    let json = dir.path().join("eval-py.json");
    let out =
        Process::new("python3").arg(EVAL_PY).arg(DEV).arg(run).arg("--json").arg(&json).output().unwrap();
    assert!(out.status.success(), "eval.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let python: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let system = &python["systems"][0];

    assert_eq!(praev["judged_queries"], python["judged_queries"]);
    assert_close(&praev["overall"], &system["overall"], "overall");
    let per_query = praev["per_query"].as_array().unwrap();
    assert_eq!(per_query.len(), system["per_query"].as_object().unwrap().len(), "same judged queries");
    for q in per_query {
        let qid = q["qid"].as_str().unwrap();
        assert_close(q, &system["per_query"][qid], qid);
    }
    for i in praev["by_intent"].as_array().unwrap() {
        let intent = i["intent"].as_str().unwrap();
        assert_close(i, &system["by_intent"][intent], intent);
    }
}

#[test]
fn text_normalisation_agrees_with_python() {
    if !available(python_available(), "python3") {
        return;
    }
    // Every assigned code point (as Python knows them) in one string, with separators, folded
    // by Python; surrogates and the unassigned are left out.
    let script = "import sys, unicodedata\n\
        cps = [c for c in range(1, 0x110000) if unicodedata.category(chr(c)) not in ('Cs', 'Cn')]\n\
        s = ''.join(chr(c) + ('\\x1f' if c % 7 == 0 else '\\u3000 ' if c % 11 == 0 else '') for c in cps)\n\
        sys.stdout.buffer.write(s.encode('utf-8', 'surrogatepass') + b'\\0' + ' '.join(s.split()).casefold().encode('utf-8', 'surrogatepass'))\n";
    let out = Process::new("python3").args(["-c", script]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let (input, expected) = text.split_once('\0').unwrap();
    let actual = praev::eval::fold::normalize(input);
    if actual != expected {
        let first = actual.chars().zip(expected.chars()).position(|(a, e)| a != e).unwrap_or(0);
        let context = |s: &str| {
            s.chars()
                .skip(first.saturating_sub(3))
                .take(8)
                .map(|c| format!("U+{:04X}", c as u32))
                .collect::<Vec<_>>()
                .join(" ")
        };
        panic!(
            "normalize differs from Python's at char {first}: praev {}, python {}",
            context(&actual),
            context(expected)
        );
    }
}

#[test]
fn dev_set_ndcg_stays_above_the_floor() {
    let Some((_, _, praev)) = dev_eval() else { return };
    let ndcg = praev["overall"]["ndcg@10"].as_f64().expect("an overall nDCG@10");
    eprintln!("dev set: overall nDCG@10 {ndcg:.3} (floor {NDCG_FLOOR})");
    assert!(
        ndcg >= NDCG_FLOOR,
        "overall nDCG@10 on ../shared/eval/dev fell to {ndcg:.3}, below the floor {NDCG_FLOOR}: a ranking or analysis change made search worse"
    );
    let by_intent = praev["by_intent"].as_array().expect("by_intent");
    for (intent, floor) in INTENT_NDCG_FLOORS {
        let row = by_intent.iter().find(|r| r["intent"] == intent).unwrap_or_else(|| panic!("intent {intent}"));
        let ndcg = row["ndcg@10"].as_f64().expect("an nDCG@10 per intent");
        eprintln!("dev set: {intent} nDCG@10 {ndcg:.3} (floor {floor})");
        assert!(ndcg >= floor, "{intent} nDCG@10 on ../shared/eval/dev fell to {ndcg:.3}, below its floor {floor}");
    }
}

/// Theme queries of the dev set that name a theme of `themes.toml`, answered through `praev
/// theme`, must score at least this (measured on the 61-query set: 0.911, on the two queries
/// that name a theme).
const THEME_NDCG_FLOOR: f64 = 0.90;
/// Every theme query of the dev set, answered through `praev theme` (free-text topics build a
/// theme from their words), must score at least this. Measured on the 61-query set: 0.701
/// through `praev theme`, 0.706 through `praev search` (with related terms from the themes),
/// 0.635 through `praev search --exact`.
const ALL_THEME_QUERIES_NDCG_FLOOR: f64 = 0.69;

/// The dev set's theme queries as (qid, query).
fn dev_theme_queries() -> Vec<(String, String)> {
    let queries = std::fs::read_to_string(Path::new(DEV).join("queries.tsv")).unwrap();
    queries
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut columns = line.split('\t');
            let (qid, query, intent) = (columns.next()?, columns.next()?, columns.next()?);
            (intent == "theme").then(|| (qid.to_string(), query.to_string()))
        })
        .collect()
}

/// The qids of the dev set's theme queries that name a theme of `themes.toml`, asked of the
/// binary itself (any other query builds a theme from its text).
fn dev_queries_naming_a_theme() -> Vec<String> {
    dev_theme_queries()
        .into_iter()
        .filter(|(_, query)| {
            // Any index answers this (it depends on themes.toml only); the bundled one is built in a
            // temporary folder, never inside the shared dev set.
            let index = common::bundled_index();
            let out =
                index.cmd().args(["theme", query, "-n", "1", "--format", "json", "--index"]).arg(index.path()).output();
            let json: Value = serde_json::from_slice(&out.unwrap().stdout).expect("theme JSON");
            json["built_from_text"] == false
        })
        .map(|(qid, _)| qid)
        .collect()
}

#[test]
fn theme_queries_rank_better_through_praev_theme_than_through_exact_search() {
    if !available(Path::new(DEV).is_dir(), DEV) {
        return;
    }
    let overall = |qids: &str, extra: &[&str]| {
        let mut args = vec!["--intent", "theme", "--qid", qids];
        args.extend_from_slice(extra);
        eval_json(Path::new(DEV), &args)["overall"]["ndcg@10"].as_f64().expect("an overall nDCG@10")
    };
    let named = dev_queries_naming_a_theme();
    assert!(named.len() >= 2, "the dev set's theme queries Kinderschutz and Kinderarmut name themes: {named:?}");
    let named = named.join(",");
    let named_theme = overall(&named, &["--command", "theme"]);
    eprintln!("dev theme queries {named} naming a theme: praev theme {named_theme:.3}");
    assert!(named_theme >= THEME_NDCG_FLOOR, "theme queries naming a theme through praev theme: {named_theme:.3}");

    let all: Vec<String> = dev_theme_queries().into_iter().map(|(qid, _)| qid).collect();
    assert!(all.len() >= 10, "{all:?}");
    let all = all.join(",");
    let theme = overall(&all, &["--command", "theme"]);
    let search = overall(&all, &[]);
    let exact = overall(&all, &["--exact"]);
    eprintln!("all dev theme queries: praev theme {theme:.3}, praev search {search:.3}, search --exact {exact:.3}");
    assert!(theme >= ALL_THEME_QUERIES_NDCG_FLOOR, "every theme query through praev theme: nDCG@10 {theme:.3}");
    assert!(theme > exact, "praev theme ({theme:.3}) must beat search --exact ({exact:.3})");
}

/// Quote queries of the dev set answered through `praev quotes` must score at least this
/// (measured on the 61-query set: 0.909 with reported statements and quotes about an office
/// after its holders'; 0.833 before them, 0.782 before quote hits carried their attribution).
/// Plain `praev search` scores higher there (0.896): the queries' relevant documents include
/// mentions of the office without a direct quote (grade 1), which only search can return, and
/// quotes praev does not extract. Making `praev quotes` win is the quote issue's target, so this
/// test pins both figures instead of their order.
const QUOTE_NDCG_FLOOR: f64 = 0.895;
/// `praev search` on the same quote queries (measured 0.894).
const QUOTE_SEARCH_NDCG_FLOOR: f64 = 0.88;

#[test]
fn quote_queries_stay_above_their_floors_through_praev_quotes_and_search() {
    if !available(Path::new(DEV).is_dir(), DEV) {
        return;
    }
    let overall = |extra: &[&str]| {
        let mut args = vec!["--intent", "quote"];
        args.extend_from_slice(extra);
        eval_json(Path::new(DEV), &args)["overall"]["ndcg@10"].as_f64().expect("an overall nDCG@10")
    };
    let quotes = overall(&["--command", "quotes"]);
    let search = overall(&[]);
    eprintln!("dev quote queries: praev quotes {quotes:.3}, praev search {search:.3}");
    assert!(quotes >= QUOTE_NDCG_FLOOR, "quote queries through praev quotes: nDCG@10 {quotes:.3}");
    assert!(search >= QUOTE_SEARCH_NDCG_FLOOR, "quote queries through praev search: nDCG@10 {search:.3}");
}

// ---------------------------------------------------------------------------------------------
// `--metadata`: the detected municipality, kind and date against DATASET/manifest.tsv.

/// Floors of `praev eval DEV --metadata` from the texts alone, just under what was measured
/// when they were set (gazetteer of Germany, scored kind and date cues): municipality 45/49 =
/// 91.8%, kind 46/49 = 93.9% (with `report` and `speech` as kinds of their own), date 45/49 =
/// 91.8% (the four dated texts missed state no date in their text).
const MUNICIPALITY_FLOOR: f64 = 0.91;
const KIND_FLOOR: f64 = 0.93;
const DATE_FLOOR: f64 = 0.91;
/// Municipality accuracy when each document's url is known (a `praev-manifest.tsv` with only
/// `file` and `url`, as a user who scraped the pages has it): measured 47/49 = 95.9%. Two texts
/// never name their place; their urls do (`…/staedte/gelsenkirchen/…`, `kreis-coesfeld.de`).
const MUNICIPALITY_WITH_URL_FLOOR: f64 = 0.95;

/// A dataset of two documents whose manifest is right about the first and, on purpose, wrong
/// about the municipality and date of the second (no text of it names Bielefeld or a date).
fn metadata_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "corpus/duren.txt",
        "Kreis Düren\n\nDer Kreis Düren baut seine Präventionskette weiter aus. Im Kreis Düren begleiten \
         die Frühen Hilfen Familien mit Neugeborenen.\n",
    );
    write(
        p,
        "corpus/krefeld.txt",
        "Leitbild der Stadt Krefeld\n\nDie Stadt Krefeld will, dass jedes Kind in Krefeld gut aufwachsen kann.\n",
    );
    write(
        p,
        "manifest.tsv",
        "file\turl\tmunicipality\tkind\tdate\n\
         duren.txt\thttps://example.org/dueren\tKreis Düren\tother\t-\n\
         krefeld.txt\t-\tBielefeld\tleitbild\t2001\n",
    );
    dir
}

fn metadata_json(dataset: &Path, extra: &[&str]) -> Value {
    eval_json(dataset, &[&["--metadata"], extra].concat())
}

fn misses_of<'a>(v: &'a Value, file: &str) -> Vec<(&'a str, &'a Value, &'a Value)> {
    v["misses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["file"] == file)
        .map(|m| (m["field"].as_str().unwrap(), &m["detected"], &m["expected"]))
        .collect()
}

#[test]
fn metadata_scores_a_fixture_against_its_manifest() {
    let ds = metadata_fixture();
    let v = metadata_json(ds.path(), &[]);
    assert_eq!(v["documents"], 2);
    assert_eq!(v["not_indexed"], serde_json::json!([]));
    let municipality = &v["accuracy"]["municipality"];
    assert_eq!((municipality["correct"].as_u64(), municipality["total"].as_u64()), (Some(1), Some(2)));
    assert_eq!(municipality["accuracy"], 0.5);
    assert_eq!(v["accuracy"]["date"]["correct"], 1, "no date found, none true, for the first");

    let krefeld = misses_of(&v, "krefeld.txt");
    assert!(
        krefeld.iter().any(|(field, _, expected)| *field == "municipality" && *expected == "Bielefeld"),
        "{v}"
    );
    assert!(
        krefeld.contains(&("date", &Value::Null, &Value::from("2001"))),
        "the manifest's date is not applied: it is the answer: {v}"
    );
    let duren = misses_of(&v, "duren.txt");
    assert!(duren.iter().all(|(field, _, _)| *field == "kind"), "only the kind may be missed: {v}");

    // The same figures from a prebuilt index, and the misses as CSV rows.
    let index = common::TestIndex::of(&ds.path().join("corpus"));
    let idx = index.path();
    let from_index = metadata_json(ds.path(), &["--index", idx.to_str().unwrap()]);
    assert_eq!(from_index["accuracy"], v["accuracy"]);
    let out =
        praev(ds.path()).arg("eval").arg(ds.path()).args(["--metadata", "--format", "csv"]).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("file,field,detected,expected\n"), "{csv}");
    assert!(csv.contains("krefeld.txt,date,,2001\n"), "{csv}");
}

#[test]
fn metadata_needs_a_manifest_and_known_kinds() {
    let ds = metadata_fixture();
    write(ds.path(), "manifest.tsv", "file\tmunicipality\tkind\tdate\nduren.txt\t-\tblog\t-\n");
    praev(ds.path())
        .arg("eval")
        .arg(ds.path())
        .arg("--metadata")
        .assert()
        .code(1)
        .stderr(contains("manifest.tsv: line 2: unknown kind \"blog\""));
    std::fs::remove_file(ds.path().join("manifest.tsv")).unwrap();
    praev(ds.path())
        .arg("eval")
        .arg(ds.path())
        .arg("--metadata")
        .assert()
        .code(2)
        .stderr(contains("manifest.tsv"));
    praev(ds.path())
        .arg("eval")
        .arg(ds.path())
        .args(["--metadata", "--qid", "q1"])
        .assert()
        .code(2)
        .stderr(contains("--qid"));
}

#[test]
fn dev_set_metadata_stays_above_the_floors() {
    if !available(Path::new(DEV).is_dir(), DEV) {
        return;
    }
    let v = metadata_json(Path::new(DEV), &[]);
    let floors = [("municipality", MUNICIPALITY_FLOOR), ("kind", KIND_FLOOR), ("date", DATE_FLOOR)];
    for (field, floor) in floors {
        let score = &v["accuracy"][field];
        let accuracy = score["accuracy"].as_f64().expect("an accuracy");
        eprintln!("dev set: {field} {}/{} = {accuracy:.3} (floor {floor})", score["correct"], score["total"]);
        assert!(
            accuracy >= floor,
            "{field} accuracy on ../shared/eval/dev fell to {accuracy:.3}, below the floor {floor}: a metadata change made detection worse; misses: {}",
            v["misses"]
        );
    }
}

/// The dev set copied into a temporary dataset whose corpus has a `praev-manifest.tsv` giving
/// only each file's url (the evidence a user has for scraped pages; no field being scored).
fn dev_with_urls() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(Path::new(DEV).join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    let manifest = std::fs::read_to_string(Path::new(DEV).join("manifest.tsv")).unwrap();
    std::fs::write(dir.path().join("manifest.tsv"), &manifest).unwrap();
    let urls: String = manifest
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cells = line.split('\t');
            Some(format!("{}\t{}\n", cells.next()?, cells.next()?))
        })
        .collect();
    std::fs::write(corpus.join("praev-manifest.tsv"), format!("file\turl\n{urls}")).unwrap();
    dir
}

#[test]
fn dev_set_municipality_with_urls_reaches_95_percent() {
    if !available(Path::new(DEV).is_dir(), DEV) {
        return;
    }
    let dataset = dev_with_urls();
    let v = metadata_json(dataset.path(), &[]);
    let score = &v["accuracy"]["municipality"];
    let accuracy = score["accuracy"].as_f64().expect("an accuracy");
    eprintln!("dev set with urls: municipality {}/{} = {accuracy:.3}", score["correct"], score["total"]);
    assert!(
        accuracy >= MUNICIPALITY_WITH_URL_FLOOR,
        "municipality accuracy with urls fell to {accuracy:.3}; misses: {}",
        v["misses"]
    );
}

// ---------------------------------------------------------------------------------------------
// `--quotes`: the extracted quotes against DATASET/quotes.tsv.

/// Floors of `praev eval DEV --quotes`, just under what was measured when they were set: all 51
/// listed quotes found (100%), no false positive (100%; 3 borderline quotes count neither way),
/// the speaker right for 51 of 51 (100%), the role for 49 of 51 (96.1%). One more miss or error
/// in each passes.
const QUOTE_RECALL_FLOOR: f64 = 0.98;
const QUOTE_PRECISION_FLOOR: f64 = 0.98;
const QUOTE_SPEAKER_FLOOR: f64 = 0.98;
const QUOTE_ROLE_FLOOR: f64 = 0.94;

/// One document with an attributed quote and a heading in quotation marks; the truth lists the
/// quote with a wrong role on purpose and a second quote nobody can extract (it is not there).
fn quotes_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "corpus/lippe.txt",
        "„Kein Kind zurücklassen“ im Kreis Lippe\n\n„Wir wollen, dass jedes Kind in Lippe gut aufwachsen kann und \
         niemand verloren geht“, sagte Landrat Dr. Axel Lehmann am Montag in Detmold.\n",
    );
    write(
        p,
        "quotes.tsv",
        "file\tquote_start\tspeaker\trole\tnote\n\
         lippe.txt\tWir wollen, dass jedes Kind\tDr. Axel Lehmann\tBürgermeister\t\n\
         lippe.txt\tDas steht nicht im Text\tNiemand\t\t\n",
    );
    dir
}

#[test]
fn quotes_are_scored_against_the_list_of_quotes() {
    let ds = quotes_fixture();
    let v = eval_json(ds.path(), &["--quotes"]);
    assert_eq!(
        (v["quotes"].as_u64(), v["found"].as_u64(), v["false_positives"].as_u64()),
        (Some(2), Some(1), Some(0))
    );
    assert_eq!((v["recall"].as_f64(), v["precision"].as_f64()), (Some(0.5), Some(1.0)));
    assert_eq!((v["speaker_accuracy"].as_f64(), v["role_accuracy"].as_f64()), (Some(1.0), Some(0.0)));
    let problems: Vec<(&str, &str, &Value)> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["problem"].as_str().unwrap(), p["quote"].as_str().unwrap(), &p["detected"]))
        .collect();
    assert_eq!(
        problems,
        [
            ("role", "Wir wollen, dass jedes Kind", &Value::from("Landrat")),
            ("missed", "Das steht nicht im Text", &Value::Null),
        ]
    );
}

#[test]
fn quotes_need_a_list_of_quotes() {
    let ds = metadata_fixture();
    praev(ds.path())
        .arg("eval")
        .arg(ds.path())
        .arg("--quotes")
        .assert()
        .code(2)
        .stderr(contains("quotes.tsv does not exist"));
    praev(ds.path()).arg("eval").arg(ds.path()).args(["--quotes", "--metadata"]).assert().code(2);
}

#[test]
fn dev_set_quotes_stay_above_the_floors() {
    if !available(Path::new(DEV).is_dir(), DEV) {
        return;
    }
    let v = eval_json(Path::new(DEV), &["--quotes"]);
    let floors = [
        ("recall", QUOTE_RECALL_FLOOR),
        ("precision", QUOTE_PRECISION_FLOOR),
        ("speaker_accuracy", QUOTE_SPEAKER_FLOOR),
        ("role_accuracy", QUOTE_ROLE_FLOOR),
    ];
    eprintln!(
        "dev set quotes: {} of {} found, {} extracted, {} false positives, {} borderline",
        v["found"], v["quotes"], v["extracted"], v["false_positives"], v["borderline"]
    );
    for (measure, floor) in floors {
        let share = v[measure].as_f64().expect("a share");
        eprintln!("dev set quotes: {measure} {share:.3} (floor {floor})");
        assert!(
            share >= floor,
            "quote {measure} on ../shared/eval/dev fell to {share:.3}, below the floor {floor}: a change made quote extraction worse; problems: {}",
            v["problems"]
        );
    }
}
