//! Term proximity in the ranking: of two passages that hold the same query words, the one
//! where the words stand together ranks first; the one where they stand far apart still
//! matches.

mod common;

use common::{hits, TestIndex};

/// (query, passage with the words together, passage with the same words far apart): each pair
/// of passages of equal length, each word once.
const CASES: &[(&str, &str, &str)] = &[
    (
        "Schutz vor Gewalt",
        "Im Jahr 2023 hat der Kreis den Schutz vor Gewalt neu geordnet und dafür mit den freien \
         Trägern der Region eine gemeinsame Vereinbarung über Beratung, Fallarbeit und \
         Berichtswesen geschlossen.",
        "Im Jahr 2023 hat der Kreis den Schutz für Familien neu geordnet und dafür mit den freien \
         Trägern der Region eine gemeinsame Vereinbarung über Beratung, Fallarbeit und Gewalt \
         geschlossen.",
    ),
    (
        "kommunale Gesundheitsförderung",
        "Die Stadt stärkt die kommunale Gesundheitsförderung in allen Kitas und baut die Beratung für \
         Kinder unter drei Jahren gemeinsam mit der Volkshochschule weiter aus.",
        "Die Stadt stärkt die kommunale Beratung in allen Kitas und baut die Gesundheitsförderung für \
         Kinder unter drei Jahren gemeinsam mit der Volkshochschule weiter aus.",
    ),
    (
        "Übergang von Kita und Schule",
        "Seit 2019 regelt ein Vertrag den Übergang von Kita und Schule im Quartier; die \
         Koordinierungsstelle lädt dazu zweimal im Jahr alle Beteiligten zu einer Konferenz ein.",
        "Seit 2019 regelt ein Vertrag den Übergang im Quartier; die Koordinierungsstelle lädt \
         dazu zweimal im Jahr Kita und Schule und alle Beteiligten zu einer Konferenz ein.",
    ),
];

/// Passages on other topics, so that the query words are not in every passage.
const OTHER: &[&str] = &[
    "Der Seniorenbeirat tagt viermal im Jahr im Rathaus und berät den Rat zu Fragen des Wohnens im Alter.",
    "Die Gemeinde saniert den Sportplatz an der Lindenstraße; die Arbeiten dauern bis zum Herbst.",
    "Das Stadtarchiv zeigt eine Ausstellung über die Geschichte des Bergbaus in der Region.",
    "Der Wochenmarkt findet ab Mai wieder samstags auf dem Kirchplatz statt.",
];

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, (_, near, far)) in CASES.iter().enumerate() {
        std::fs::write(dir.path().join(format!("near_{i}.txt")), near).unwrap();
        std::fs::write(dir.path().join(format!("far_{i}.txt")), far).unwrap();
    }
    for (i, text) in OTHER.iter().enumerate() {
        std::fs::write(dir.path().join(format!("other_{i}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn words_standing_together_rank_above_the_same_words_far_apart() {
    let corpus = corpus();
    let index = TestIndex::of(corpus.path());
    for (i, (query, ..)) in CASES.iter().enumerate() {
        let files = index.files(query);
        let rank = |name: &str| files.iter().position(|f| f == name);
        let (near, far) = (format!("near_{i}.txt"), format!("far_{i}.txt"));
        assert!(rank(&far).is_some(), "{query}: the words far apart still match: {files:?}");
        assert!(rank(&near) < rank(&far) && rank(&near).is_some(), "{query}: together first: {files:?}");
    }
}

#[test]
fn explain_lists_the_pair_of_neighbouring_words() {
    let corpus = corpus();
    let index = TestIndex::of(corpus.path());
    let out = index.run(&["search", "--explain", "Schutz vor Gewalt"]);
    let explain = String::from_utf8_lossy(&out.stderr);
    assert!(explain.contains("[near] Schutz … Gewalt within 3 words"), "{explain}");
    let scores: Vec<f64> = hits(&index.search_json("Schutz vor Gewalt", &[]))
        .iter()
        .map(|h| h["score"].as_f64().unwrap())
        .collect();
    assert!(scores.len() >= 2 && scores[0] > scores[1], "{scores:?}");
}
