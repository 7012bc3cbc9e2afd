//! Hand-made documents of every kind (none of them from the dev set): what `praev index`
//! detects as kind and date, and that the profile template's labels are no searchable text.

mod common;

use std::sync::OnceLock;

use common::{hits, TestIndex};

/// (file, text, expected kind, expected date)
const DOCUMENTS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "profil.txt",
        "Kreis Wesel\n\nSeit wann dabei:\n\n2019\n\nEinwohnerzahl:\n\n459.000\n\nKinder unter 18:\n\n74.100\n\n\
         ZITAT der kommunalen Spitze\n\n„Jedes Kind im Kreis Wesel soll gut aufwachsen können, unabhängig \
         vom Geldbeutel der Eltern.“ (Landrat Ingo Brohl)\n\nLeitbild\n\nWir vernetzen Angebote entlang der Biografie.",
        "profile",
        None,
    ),
    (
        "zitate.txt",
        "Zitate sammeln im Familienzentrum\n\nIm Familienzentrum hängt eine Wand voller Zitate von Kindern. \
         Jedes Zitat erzählt, was den Kindern wichtig ist.",
        "other",
        None,
    ),
    (
        "presse.txt",
        "Pressemitteilung Nr. 87/2021\n\nKreis Unna, 03.05.21\n\nNeue Familienbüros in Werne und Selm\n\n\
         Werne (Kreis Unna) – Der Kreis eröffnet zwei Familienbüros. „Wir wollen Familien früh erreichen“, \
         sagte Landrat Mario Löhr am Montag.\n\nAnsprechpartner für die Presse: Max Muster, Tel. 02303 27-0",
        "press",
        Some("2021-05-03"),
    ),
    (
        "grusswort.txt",
        "Grußwort der Bürgermeisterin zum Fachtag Frühe Hilfen\n\nSehr geehrte Damen und Herren,\n\n\
         ich freue mich, Sie im Rathaus begrüßen zu dürfen.\n\nEs gilt das gesprochene Wort.",
        "speech",
        None,
    ),
    (
        "fachbeitrag.txt",
        "Fachbeitrag: Präventionsketten im ländlichen Raum\n\nDer vorliegende Fachbeitrag fasst Erfahrungen \
         aus drei Landkreisen zusammen.\n\nStand: 05/2019",
        "report",
        Some("2019-05"),
    ),
];

fn index() -> &'static (tempfile::TempDir, TestIndex) {
    static INDEX: OnceLock<(tempfile::TempDir, TestIndex)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let corpus = tempfile::tempdir().unwrap();
        for (name, text, ..) in DOCUMENTS {
            std::fs::write(corpus.path().join(name), text).unwrap();
        }
        let index = TestIndex::of(corpus.path());
        (corpus, index)
    })
}

/// The hits of `praev search QUERY` as (file, section, text).
fn search(query: &str, extra: &[&str]) -> Vec<(String, String, String)> {
    let results = index().1.search_json(query, extra);
    let field = |hit: &serde_json::Value, name: &str| hit[name].as_str().unwrap_or("").to_string();
    hits(&results).iter().map(|h| (field(h, "file"), field(h, "section"), field(h, "text"))).collect()
}

#[test]
fn kinds_and_dates_of_hand_made_documents() {
    // Each document's kind is the only one `--kind` finds it under; its date is in the hits.
    for (file, text, kind, date) in DOCUMENTS {
        // The last word of the text is a word of its last passage.
        let word = text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 4).last();
        let word = word.expect("a word to search for");
        let results = index().1.search_json(word, &["--kind", kind]);
        let hit = hits(&results).iter().find(|h| h["file"] == *file);
        let hit = hit.unwrap_or_else(|| panic!("{file}: not found as kind {kind} (searched {word:?})"));
        assert_eq!(hit["date"].as_str(), *date, "{file}: date");
    }
}

#[test]
fn template_labels_are_not_searchable() {
    let zitat = search("Zitat", &[]);
    assert_eq!(
        zitat.first().map(|h| h.0.as_str()),
        Some("zitate.txt"),
        "a passage about Zitate ranks first: {zitat:?}"
    );
    for (file, section, text) in &zitat {
        let label = "kommunalen Spitze";
        assert!(
            !section.contains(label) && !text.contains(label),
            "{file}: the quote label was found: {section:?} {text:?}"
        );
    }
    let wann = search("wann", &[]);
    assert!(wann.is_empty(), "\"Seit wann dabei\" is a label, not text: {wann:?}");
    // The values next to the labels, and the quote itself, stay searchable.
    assert!(search("Geldbeutel", &[]).iter().any(|h| h.0 == "profil.txt"), "the head's quote is searchable");
}

#[test]
fn new_kinds_are_accepted_by_kind_filters() {
    let out = index().1.run(&["search", "Familien", "--kind", "blog"]);
    assert_eq!(out.status.code(), Some(2), "an unknown kind is a usage error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("report") && stderr.contains("speech"),
        "the error lists the new kinds: {stderr}"
    );
    assert!(
        !search("Familien", &["--kind", "news"]).iter().any(|h| h.0 == "presse.txt"),
        "news means article"
    );
}
