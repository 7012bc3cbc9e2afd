//! Files shaped to make a step super-linear index completely and stay searchable: one long
//! line, one long word, thousands of quotes back to back, HTML nested 100,000 levels deep, a
//! page of nothing but tiny tags.
//! Each of these once cost minutes or gigabytes (the passage cutter counted the rest of a
//! long word at every cut, the title test listed every character of a line, the HTML parser
//! walked its stack of open elements at every tag, each reported statement looked through
//! every quoted name of the text). The time and memory they cost now are
//! measured by `tools/bench-hostile.sh`, not asserted here; these tests pin what comes out.

mod common;

use common::TestIndex;
use serde_json::Value;

/// An index of one file `name` holding `text`.
fn index_of(name: &str, text: &str) -> TestIndex {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join(name), text).unwrap();
    TestIndex::of(corpus.path())
}

fn documents(index: &TestIndex) -> Vec<Value> {
    let listed = index.json(&["documents", "--format", "json"]);
    listed.as_array().cloned().unwrap_or_else(|| listed["documents"].as_array().cloned().unwrap_or_default())
}

fn hits(index: &TestIndex, query: &str) -> Vec<Value> {
    let out = index.stdout(&["search", query, "--format", "jsonl", "--limit", "1000", "--per-file", "0"]);
    out.lines().map(|line| serde_json::from_str(line).unwrap()).collect()
}

#[test]
fn one_long_line_becomes_passages_of_bounded_length() {
    // Numbered, so that no passage repeats another (repeats are dropped as boilerplate).
    let line: String = (0..20_000)
        .map(|n| {
            format!("Die Präventionskette begleitet im Jahr {n} Familien von der Geburt bis zum Beruf. ")
        })
        .collect();
    let index = index_of("line.txt", &line);
    let passages = documents(&index)[0]["passages"].as_u64().unwrap();
    assert!((1300..=1500).contains(&passages), "{passages} passages for 1.7 million characters");
    let found = hits(&index, "Präventionskette");
    assert_eq!(found.len(), 1000, "every passage names it; the limit cuts");
    assert!(found.iter().all(|hit| hit["text"].as_str().unwrap().chars().count() <= 1200));
}

/// `n` letters without a space, in an order that does not repeat within a passage.
fn letters(n: usize) -> String {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            char::from(b'a' + (state >> 59) as u8 % 26)
        })
        .collect()
}

#[test]
fn one_long_word_is_cut_into_passages_that_cover_it() {
    let index = index_of("word.txt", &format!("Kinderschutz {}", letters(1_000_000)));
    let docs = documents(&index);
    assert_eq!(docs.len(), 1);
    let passages = docs[0]["passages"].as_u64().unwrap();
    assert!((800..=900).contains(&passages), "{passages} passages for 1,000,000 characters cut at 1,200");
    assert_eq!(hits(&index, "Kinderschutz").len(), 1);
}

#[test]
fn html_nested_100000_levels_deep_keeps_its_text() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>Frühe Hilfen für Familien</p>{}<p>Kinderschutz im Kreis</p></body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let index = index_of("deep.html", &page);
    for query in ["Frühe Hilfen", "Kinderschutz"] {
        assert_eq!(hits(&index, query).len(), 1, "{query}");
    }
}

#[test]
fn a_page_of_tiny_tags_keeps_the_text_after_its_markup_limit() {
    let page = format!(
        "<html><body><p>Familienzentren im Quartier</p>{}<p>Elternbegleitung am Ende</p></body></html>",
        "<b>x</b>".repeat(150_000)
    );
    let index = index_of("tags.html", &page);
    for query in ["Familienzentren", "Elternbegleitung"] {
        assert!(!hits(&index, query).is_empty(), "{query}");
    }
}

#[test]
fn thousands_of_quotes_back_to_back_each_keep_their_speaker() {
    let people = ["Landrat Thomas Hendele", "Bürgermeisterin Eva Klein"];
    let text: String = (0..4_000)
        .map(|n| format!("„Kinder brauchen Chancen im Jahr {n}“, sagte {}. ", people[n % 2]))
        .collect();
    let index = index_of("quotes.txt", &text);
    let out = index.stdout(&["quotes", "--format", "jsonl", "-n", "10000"]);
    let quotes: Vec<Value> = out.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(quotes.len(), 4_000);
    for speaker in ["Thomas Hendele", "Eva Klein"] {
        let said = quotes.iter().filter(|q| q["speaker"] == speaker).count();
        assert_eq!(said, 2_000, "{speaker}");
    }
}
