//! `praev export` (every passage with its metadata) and the long (tidy) form of `praev matrix
//! --long` and `praev compare --long`.

mod common;

use common::{bundled_index as index, hits, DUEREN};
use serde_json::Value;

#[test]
fn export_writes_every_passage_once_with_the_hit_fields() {
    let lines: Vec<Value> = index()
        .stdout(&["export", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let documents = index().json(&["documents", "-f", "json"]);
    let count = |field: &str| -> u64 {
        documents["documents"].as_array().unwrap().iter().map(|d| d[field].as_u64().unwrap()).sum()
    };
    let passages = (count("passages") + count("quotes")) as usize;
    let mut keys: Vec<(String, u64)> = lines
        .iter()
        .map(|l| (l["file"].as_str().unwrap().to_string(), l["passage"].as_u64().unwrap()))
        .collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), lines.len(), "each passage once");
    assert_eq!(lines.len(), passages, "every passage and quote passage that `praev documents` counts");
    let results = index().json(&["search", "Frühe Hilfen", "-n", "1", "-f", "json"]);
    let hit = &hits(&results)[0];
    let same = lines.iter().find(|l| l["file"] == hit["file"] && l["passage"] == hit["passage"]).unwrap();
    for field in ["municipality", "kind", "section", "date", "text", "title", "url", "district", "page"] {
        assert_eq!(same[field], hit[field], "{field} as the search hit has it");
    }
    assert!(same.get("score").is_none() && same.get("highlights").is_none(), "nothing of a ranking");
}

#[test]
fn export_csv_has_the_documented_header_and_as_many_rows() {
    let csv = index().stdout(&["export"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header.join(","),
        "file,passage,municipality,kind,section,date,text,speaker,role,title,url,district,quote,truncated,reported,page"
    );
    let rows = reader.records().count();
    let lines = index().stdout(&["export", "-f", "jsonl"]).lines().count();
    assert_eq!(rows, lines, "CSV is the default and lists the same passages");
    let out = index().run(&["export", "-f", "table"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn matrix_long_is_the_wide_matrix_one_row_per_cell() {
    let wide = index().stdout(&["matrix", "-f", "jsonl"]);
    let cells: Vec<Value> = wide.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let long = index().stdout(&["matrix", "--long", "-f", "csv"]);
    let mut reader = csv::Reader::from_reader(long.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.join(","), "theme,municipality,strength,passages,documents,label");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), cells.len());
    for (row, cell) in rows.iter().zip(&cells) {
        assert_eq!(&row[0], cell["theme"].as_str().unwrap());
        assert_eq!(&row[1], cell["municipality"].as_str().unwrap());
        assert_eq!(row[3].parse::<u64>().unwrap(), cell["passages"].as_u64().unwrap());
        assert_eq!(row[4].parse::<u64>().unwrap(), cell["documents"].as_u64().unwrap());
        let (passages, documents) = (cell["passages"].as_u64().unwrap(), cell["documents"].as_u64().unwrap());
        assert!(documents <= passages && (documents > 0) == (passages > 0), "{cell}");
    }
    let json = index().json(&["matrix", "--long", "-f", "json"]);
    assert_eq!(json.as_array().unwrap().len(), cells.len());
    let out = index().run(&["matrix", "--long", "-f", "svg"]);
    assert_eq!(out.status.code(), Some(2), "no heatmap of the long form");
}

#[test]
fn compare_long_has_a_row_per_theme_and_side() {
    let full = index().json(&["compare", "steinfurt", DUEREN, "-f", "json"]);
    let rows = index().json(&["compare", "steinfurt", DUEREN, "--long", "-f", "json"]);
    let rows = rows.as_array().unwrap();
    let themes = full["themes"].as_array().unwrap();
    assert_eq!(rows.len(), themes.len() * 2);
    for (pair, theme) in rows.chunks(2).zip(themes) {
        assert_eq!((pair[0]["side"].as_str(), pair[1]["side"].as_str()), (Some("a"), Some("b")));
        assert_eq!(pair[0]["municipality"], "Kreis Steinfurt");
        assert_eq!(pair[1]["municipality"], DUEREN, "a side that is a file names the file");
        assert_eq!(pair[0]["theme"], theme["theme"]);
        assert_eq!(
            pair[0]["strength"].as_f64(),
            theme["a"].as_f64().map(|x| (x * 10_000.0).round() / 10_000.0)
        );
        assert!(pair[1]["documents"].as_u64().unwrap() <= 1, "one document on side b");
    }
}
