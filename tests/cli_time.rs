//! Time: `--since`/`--until` on search, theme, quotes, matrix and terms, `search --sort date`,
//! and `praev trend` in every format.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{hits, TestIndex};
use serde_json::Value;

/// Four documents about Frühe Hilfen: three dated (by the manifest) at different precisions,
/// one undated; two with a quote of their Landrat.
fn dated_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.txt",
        "Frühe Hilfen im Kreis Steinfurt\n\nDie Frühen Hilfen begleiten Familien mit Babys. \
         Das Netzwerk Frühe Hilfen wächst.\n\n„Frühe Hilfen sind uns ein großes Anliegen“, sagte \
         Landrat Dr. Klaus Effing.\n",
    );
    write(
        "b.txt",
        "Frühe Hilfen im Kreis Coesfeld\n\nIm Kreis Coesfeld beraten Familienhebammen junge \
         Eltern. Frühe Hilfen und Willkommensbesuche für Neugeborene.\n",
    );
    write(
        "c.txt",
        "Frühe Hilfen in Krefeld\n\nKrefeld baut die Frühen Hilfen aus: Babylotsen in der \
         Geburtsklinik, Elterncafés und Familienhebammen. Die Elterncafés sind beliebt.\n\n„Die Frühen Hilfen erreichen jetzt \
         jede Familie“, sagte Oberbürgermeister Frank Meyer.\n",
    );
    write(
        "d.txt",
        "Frühe Hilfen ohne Datum\n\nEin Text ohne Datum über Frühe Hilfen, Familienhebammen \
         und Babylotsen.\n",
    );
    write(
        "praev-manifest.tsv",
        "file\tmunicipality\tdate\na.txt\tKreis Steinfurt\t2019-05-26\nb.txt\tKreis Coesfeld\t2021\n\
         c.txt\tKrefeld\t2023-02\n",
    );
    dir
}

fn index() -> &'static TestIndex {
    static INDEX: std::sync::OnceLock<(tempfile::TempDir, TestIndex)> = std::sync::OnceLock::new();
    let (_, index) = INDEX.get_or_init(|| {
        let corpus = dated_corpus();
        let index = TestIndex::of(corpus.path());
        (corpus, index)
    });
    index
}

fn files_of(results: &Value) -> Vec<String> {
    hits(results).iter().map(|h| h["file"].as_str().unwrap().to_string()).collect()
}

fn file_set(results: &Value) -> BTreeSet<String> {
    files_of(results).into_iter().collect()
}

fn set(files: &[&str]) -> BTreeSet<String> {
    files.iter().map(|f| f.to_string()).collect()
}

#[test]
fn since_and_until_keep_documents_whose_date_overlaps_and_leave_out_undated_ones() {
    let index = index();
    let all = index.search_json("Frühe Hilfen", &[]);
    assert_eq!(file_set(&all), set(&["a.txt", "b.txt", "c.txt", "d.txt"]));
    let since = index.search_json("Frühe Hilfen", &["--since", "2021"]);
    assert_eq!(file_set(&since), set(&["b.txt", "c.txt"]), "2021 and later; undated d left out");
    let until = index.search_json("Frühe Hilfen", &["--until", "2021-06"]);
    assert_eq!(file_set(&until), set(&["a.txt", "b.txt"]), "b's 2021 overlaps the first half of 2021");
    let between = index.search_json("Frühe Hilfen", &["--since", "2021-07-01", "--until", "2022"]);
    assert_eq!(file_set(&between), set(&["b.txt"]));
    let day = index.search_json("Frühe Hilfen", &["--since", "2019-05-26", "--until", "2019-05-26"]);
    assert_eq!(file_set(&day), set(&["a.txt"]));
    // The bound runs in the query: the total counts only passages in range.
    assert!(since["total_hits"].as_u64().unwrap() < all["total_hits"].as_u64().unwrap());
}

#[test]
fn sort_date_puts_the_newest_first_and_undated_last() {
    let results = index().search_json("Frühe Hilfen", &["--sort", "date", "--per-file", "1"]);
    assert_eq!(files_of(&results), ["c.txt", "b.txt", "a.txt", "d.txt"]);
    let dates: Vec<Value> = hits(&results).iter().map(|h| h["date"].clone()).collect();
    assert_eq!(dates, [Value::from("2023-02"), Value::from("2021"), Value::from("2019-05-26"), Value::Null]);
}

#[test]
fn quotes_and_theme_sort_by_date_too() {
    let index = index();
    let quotes = index.json(&["quotes", "--sort", "date", "--format", "json"]);
    assert_eq!(files_of(&quotes), ["c.txt", "a.txt"]);
    let quotes = index.json(&["quotes", "Frühe Hilfen", "--sort", "date", "-n", "1", "--format", "json"]);
    assert_eq!(files_of(&quotes), ["c.txt"], "the limit takes the newest, not the best");
    let theme =
        index.json(&["theme", "fruehe-hilfen", "--sort", "date", "--per-file", "1", "--format", "json"]);
    assert_eq!(files_of(&theme), ["c.txt", "b.txt", "a.txt", "d.txt"]);
    let out = index.run(&["theme", "fruehe-hilfen", "--sort", "date", "--by", "municipality"]);
    assert_eq!(out.status.code(), Some(2), "municipalities have no date");
}

#[test]
fn a_bad_date_is_a_usage_error_naming_the_argument() {
    for (args, named) in [
        (vec!["--since", "2021-13"], "--since"),
        (vec!["--until", "21"], "--until"),
        (vec!["--since", "2021-02-30"], "--since"),
        (vec!["--since", "2022", "--until", "2021"], "--since"),
    ] {
        let mut full = vec!["search", "Hilfen"];
        full.extend(args.iter().copied());
        let out = index().run(&full);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.lines().next().unwrap().contains(named), "{args:?}: {stderr}");
    }
}

#[test]
fn quotes_theme_matrix_and_terms_take_the_date_bounds() {
    let index = index();
    let quotes = index.json(&["quotes", "--since", "2022", "--format", "json"]);
    assert_eq!(file_set(&quotes), set(&["c.txt"]));
    let quotes = index.json(&["quotes", "--format", "json"]);
    assert_eq!(file_set(&quotes), set(&["a.txt", "c.txt"]));

    let theme = index.json(&["theme", "fruehe-hilfen", "--until", "2020", "--format", "json"]);
    assert_eq!(file_set(&theme), set(&["a.txt"]));

    let matrix = index.json(&["matrix", "--themes", "fruehe-hilfen", "--since", "2022", "--format", "json"]);
    let strong: Vec<&str> = matrix["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["strength"].as_f64().unwrap() > 0.0)
        .map(|c| c["municipality"].as_str().unwrap())
        .collect();
    assert_eq!(strong, ["Krefeld"]);

    let terms = index.json(&["terms", "--since", "2023", "--format", "json"]);
    let words: Vec<&str> = terms.as_array().unwrap().iter().map(|t| t["surface"].as_str().unwrap()).collect();
    assert!(words.contains(&"Elterncafés"), "the 2023 document's own word: {words:?}");
    let out = index.run(&["terms"]);
    assert_eq!(out.status.code(), Some(2), "no subset at all is still a usage error");
}

fn trend_json(args: &[&str]) -> Value {
    let mut full = vec!["trend", "fruehe-hilfen", "--format", "json"];
    full.extend(args);
    index().json(&full)
}

#[test]
fn trend_gives_strength_and_passages_per_year() {
    let trend = trend_json(&[]);
    assert_eq!(trend["theme"], "fruehe-hilfen");
    assert_eq!(trend["years"], serde_json::json!([2019, 2020, 2021, 2022, 2023]));
    let series = trend["series"].as_array().unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0]["municipality"], Value::Null);
    let points = series[0]["points"].as_array().unwrap();
    let passages: Vec<u64> = points.iter().map(|p| p["passages"].as_u64().unwrap()).collect();
    assert!(passages[0] > 0 && passages[2] > 0 && passages[4] > 0, "{passages:?}");
    assert_eq!((passages[1], passages[3]), (0, 0), "years without a document");
    assert_eq!(points[1]["strength"].as_f64(), Some(0.0));
    assert!(points[4]["strength"].as_f64().unwrap() > 0.0);
    assert!(trend["undated_passages"].as_u64().unwrap() > 0, "d.txt counts apart");
}

#[test]
fn trend_by_municipality_has_one_series_each_and_takes_the_filters() {
    let trend = trend_json(&["--by", "municipality"]);
    let names: BTreeSet<&str> =
        trend["series"].as_array().unwrap().iter().map(|s| s["municipality"].as_str().unwrap()).collect();
    assert_eq!(names, ["Kreis Coesfeld", "Kreis Steinfurt", "Krefeld"].into_iter().collect());
    let limited = trend_json(&["--by", "municipality", "-n", "1"]);
    assert_eq!(limited["series"].as_array().unwrap().len(), 1);
    let recent = trend_json(&["--since", "2021"]);
    assert_eq!(recent["years"], serde_json::json!([2021, 2022, 2023]));
}

#[test]
fn trend_prints_csv_jsonl_a_table_and_an_svg_chart() {
    let index = index();
    let csv = index.stdout(&["trend", "fruehe-hilfen", "--format", "csv"]);
    assert_eq!(csv.lines().next(), Some("theme,municipality,year,strength,passages"));
    assert_eq!(csv.lines().count(), 1 + 5);
    let jsonl = index.stdout(&["trend", "fruehe-hilfen", "--format", "jsonl", "--by", "municipality"]);
    for line in jsonl.lines() {
        let point: Value = serde_json::from_str(line).unwrap();
        assert_eq!(point.as_object().unwrap().len(), 5, "{line}");
        let at: Vec<usize> = ["theme", "municipality", "year", "strength", "passages"]
            .iter()
            .map(|key| line.find(&format!("\"{key}\":")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "fields in contract order: {line}");
    }
    let table = index.stdout(&["trend", "fruehe-hilfen"]);
    assert!(table.contains("2023") && table.contains("undated"), "{table}");
    let svg =
        index.stdout(&["trend", "Babylotsen Familienhebammen", "--format", "svg", "--by", "municipality"]);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
    assert!(svg.contains("<polyline") && svg.contains("Krefeld"));
    let file = index.dir.path().join("trend.svg");
    let out = index.run(&["trend", "fruehe-hilfen", "-o", file.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&file).unwrap().ends_with("</svg>\n"));
    let out = index.run(&["trend", "fruehe-hilfen", "--format", "html"]);
    assert_eq!(out.status.code(), Some(2), "trend draws no html");
    assert!(Path::new(&file).exists());
}
