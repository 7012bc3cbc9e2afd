//! `praev documents`, titles, urls and districts: a fixture corpus whose manifest sets the
//! municipality Velbert with its district Kreis Mettmann (so these tests do not depend on the
//! gazetteer knowing districts), a url, a title, and clears a detected municipality and date.

mod common;

use std::path::Path;

use common::{praev, TestIndex};
use predicates::str::contains;
use serde_json::Value;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Three documents: Velbert (district from the manifest), the Kreis Mettmann itself, and
/// Krefeld, whose municipality and date the manifest clears.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "presse/velbert.txt",
        "Frühe Hilfen in Velbert\n\nDie Stadt Velbert baut ihre Präventionskette aus. Familienhebammen \
         besuchen Familien mit Neugeborenen und beraten zu Frühen Hilfen.\n",
    );
    write(
        p,
        "kreis.txt",
        "Kreis Mettmann\n\nDer Kreis Mettmann koordiniert die Frühen Hilfen seiner Städte und bündelt die \
         Angebote für Familien.\n",
    );
    write(
        p,
        "krefeld.txt",
        "Die Stadt Krefeld hat am 12.05.2019 ein Leitbild für ihre Präventionskette beschlossen. Frühe Hilfen \
         stehen am Anfang der Kette.\n",
    );
    write(
        p,
        "praev-manifest.tsv",
        "file\turl\ttitle\tmunicipality\tdistrict\tkind\tdate\n\
         presse/velbert.txt\thttps://www.velbert.de/fruehe-hilfen\t-\tVelbert\tKreis Mettmann\tpress\t2021-03\n\
         kreis.txt\t-\tFrühe Hilfen im Kreis\tKreis Mettmann\t-\tprofile\t-\n\
         krefeld.txt\t-\t-\tnone\t-\t-\tnone\n",
    );
    dir
}

fn index() -> (tempfile::TempDir, TestIndex) {
    let corpus = corpus();
    let index = TestIndex::of(corpus.path());
    (corpus, index)
}

fn files(hits: &Value, key: &str) -> Vec<String> {
    let mut files: Vec<String> =
        hits[key].as_array().unwrap().iter().map(|h| h["file"].as_str().unwrap().to_string()).collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn documents_lists_detected_and_corrected_fields() {
    let (_corpus, index) = index();
    let v = index.json(&["documents", "--format", "json"]);
    assert_eq!(v["total"], 3);
    assert_eq!((v["counts"]["municipality"].as_u64(), v["counts"]["district"].as_u64()), (Some(2), Some(1)));
    assert_eq!(v["counts"]["kinds"]["press"], 1);
    let docs = v["documents"].as_array().unwrap();
    let names: Vec<&str> = docs.iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(names, ["krefeld.txt", "kreis.txt", "presse/velbert.txt"], "in file order");
    let velbert = &docs[2];
    assert_eq!(velbert["municipality"], "Velbert");
    assert_eq!(velbert["district"], "Kreis Mettmann");
    assert_eq!(velbert["url"], "https://www.velbert.de/fruehe-hilfen");
    assert_eq!(velbert["title"], "Frühe Hilfen in Velbert", "the headline");
    assert_eq!(velbert["date"], "2021-03");
    assert_eq!(velbert["encoding"], "UTF-8");
    assert_eq!(docs[1]["title"], "Frühe Hilfen im Kreis", "the manifest's title");
    let krefeld = &docs[0];
    assert!(krefeld["municipality"].is_null(), "`none` clears the detected municipality: {krefeld}");
    assert!(krefeld["date"].is_null(), "`none` clears the detected date: {krefeld}");
    let title = krefeld["title"].as_str().unwrap();
    assert!(title.starts_with("Die Stadt Krefeld hat am 12.05.2019"), "the first words stand in: {title}");

    // Filters: a district takes in its municipalities; kinds.
    let mettmann = index.json(&["documents", "--municipality", "kreis mettmann", "--format", "json"]);
    assert_eq!(files(&mettmann, "documents"), ["kreis.txt", "presse/velbert.txt"]);
    let press = index.json(&["documents", "-m", "Kreis Mettmann", "--kind", "press", "--format", "json"]);
    assert_eq!(files(&press, "documents"), ["presse/velbert.txt"]);

    // CSV: one row per document; the table ends with the counts.
    let csv = index.stdout(&["documents", "--format", "csv"]);
    assert!(
        csv.starts_with("file,title,kind,municipality,district,date,url,passages,quotes,encoding,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);
    let table = index.stdout(&["documents"]);
    assert!(table.contains("Kreis Mettmann") && table.contains("3 documents: "), "{table}");
    assert_eq!(index.stdout(&["documents", "--format", "jsonl"]).lines().count(), 3);
}

#[test]
fn a_district_filters_the_passages_of_its_municipalities() {
    let (_corpus, index) = index();
    let all = index.search_json("Frühe Hilfen", &[]);
    assert_eq!(files(&all, "hits"), ["krefeld.txt", "kreis.txt", "presse/velbert.txt"]);
    let district = index.search_json("Frühe Hilfen", &["--municipality", "Kreis Mettmann"]);
    assert_eq!(files(&district, "hits"), ["kreis.txt", "presse/velbert.txt"], "the Kreis and its Velbert");
    let town = index.search_json("Frühe Hilfen", &["--municipality", "velbert"]);
    assert_eq!(files(&town, "hits"), ["presse/velbert.txt"]);
    let hit = &town["hits"][0];
    assert_eq!(hit["district"], "Kreis Mettmann");
    assert_eq!(hit["url"], "https://www.velbert.de/fruehe-hilfen");
    assert_eq!(hit["title"], "Frühe Hilfen in Velbert");

    // `praev municipalities` names the district of Velbert; an unknown name lists the districts too.
    let municipalities = index.json(&["municipalities", "--format", "json"]);
    let velbert = municipalities.as_array().unwrap().iter().find(|m| m["name"] == "Velbert").unwrap();
    assert_eq!(velbert["district"], "Kreis Mettmann");
    let out = index.run(&["search", "Kita", "--municipality", "Kreis Viersen"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Kreis Mettmann"));
}

#[test]
fn csv_hits_add_title_url_district_quote_truncated_reported_and_page_as_the_last_columns() {
    let (_corpus, index) = index();
    let csv = index.stdout(&["search", "Familienhebammen", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &header[11..],
        ["title", "url", "district", "quote", "truncated", "reported", "page"],
        "{header:?}"
    );
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        (&row[0], &row[13], &row[14], &row[15], &row[16]),
        ("presse/velbert.txt", "Kreis Mettmann", "", "false", "false")
    );
}

#[test]
fn a_bad_kind_filter_is_a_usage_error() {
    let (_corpus, index) = index();
    index.cmd().args(["documents", "--kind", "blog", "--index"]).arg(index.path()).assert().code(2);
    praev(index.dir.path())
        .args(["documents", "--municipality", "Nirgendwo", "--index"])
        .arg(index.path())
        .assert()
        .code(2)
        .stderr(contains("no municipality matches"));
}
