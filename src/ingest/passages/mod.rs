//! Passages: a document's text cut into paragraph-level units, each with its section heading.
//!
//! Owns the last ingest stage. Input is a document's text as `decode` and `boilerplate` leave
//! it (NFC, LF, web noise removed); output is the passages in order, numbered from 0. A
//! passage is a paragraph (a run of non-blank lines, line breaks kept, lines trimmed) or a
//! whole list; it is at most [`MAX_CHARS`] characters long and keeps the heading it stands
//! under as `section`. Headings are not passages. Search ranks and shows passages, so every
//! word of the text ends up in a passage or in a section name: nothing is dropped.
//!
//! The one exception are the labels of the profile template ("Seit wann dabei:", "ZITAT der
//! kommunalen Spitze"): the metadata stage has read them, and as text they would make every
//! profile match "Zitat" or "Kinder"; they are dropped from passages and section names, the
//! values next to them stay (see `labels`).
//!
//! The steps, one file each: `text` (paragraphs, PDF repairs) → `outline` (headings and
//! sections, using `headings`) → `blocks` (lists, attributions, short blocks merged) →
//! `sentences` (over-long blocks cut at line breaks and sentence ends) → `labels` (template
//! labels out).

mod blocks;
mod headings;
mod labels;
mod outline;
mod sentences;
mod text;

pub(crate) use text::is_bullet;

use serde::{Deserialize, Serialize};

pub use headings::{parse_headings, KnownHeadings};
pub use sentences::split_sentences;

/// Longest passage, in characters (Unicode scalar values).
pub const MAX_CHARS: usize = 1200;

/// One passage of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Position in the document, from 0.
    pub ordinal: u32,
    /// The heading the passage stands under, without a trailing `:`; nested headings are
    /// joined with `": "` (`Leitlinien: I. Gutes miteinander vernetzen`).
    pub section: Option<String>,
    pub text: String,
    /// The page of a paged document (PDF) the passage starts on, from 1; set by ingest after
    /// the split (see `formats::pages`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// Cuts a document's text into passages. `known_headings` is the list from
/// `index-config/headings.txt` (see [`parse_headings`]); lines matching it are always taken as
/// headings, other heading-shaped lines when content follows them.
pub fn split(text: &str, known_headings: &[String]) -> Vec<Passage> {
    split_with(text, &KnownHeadings::new(known_headings))
}

/// [`split`] with the known headings prepared (see [`KnownHeadings::new`]).
pub fn split_with(text: &str, known: &KnownHeadings) -> Vec<Passage> {
    let paragraphs = text::paragraphs(text);
    let blocks = blocks::merge(outline::outline(&paragraphs, known));
    let mut passages = Vec::new();
    for block in blocks {
        let body = labels::without_labels(&block.text());
        let section = block.section.as_deref().and_then(labels::section_without_labels);
        for piece in sentences::chunk(&body, MAX_CHARS) {
            if piece.chars().any(char::is_alphanumeric) {
                let ordinal = passages.len() as u32;
                passages.push(Passage {
                    ordinal,
                    section: section.clone(),
                    text: piece.to_string(),
                    page: None,
                });
            }
        }
    }
    passages
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};

    use super::*;

    const STEINFURT: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/000_84af1531842d3f23.txt"));
    const PRESS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/001_6f3f8ce9bb356ce7.txt"));
    const COESFELD: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/002_dab9a15ee8aec2cc.txt"));
    const KREFELD: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/003_fcd2ca9dae393cb0.txt"));
    const DUEREN: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/004_b2df2b7532f9f2ee.txt"));
    const HEADINGS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/index-config/headings.txt"));
    const SEEDS: [(&str, &str); 5] = [
        ("Steinfurt", STEINFURT),
        ("press", PRESS),
        ("Coesfeld", COESFELD),
        ("Krefeld", KREFELD),
        ("Düren", DUEREN),
    ];

    fn passages(text: &str) -> Vec<Passage> {
        split(text, &parse_headings(HEADINGS))
    }

    fn find<'a>(passages: &'a [Passage], phrase: &str) -> &'a Passage {
        passages
            .iter()
            .find(|p| p.text.contains(phrase))
            .unwrap_or_else(|| panic!("no passage contains {phrase:?}"))
    }

    #[test]
    fn seed_passages_keep_their_sections() {
        let cases = [
            (STEINFURT, "Übergänge werden gestaltet und erleichtert", Some("Leitlinien: III. Neues Aufbauen"),
             "a roman-numbered heading nests under `Leitlinien:`"),
            (STEINFURT, "Vorhandene Angebote und Strukturen werden berücksichtigt", Some("Leitlinien: I. Gutes miteinander vernetzen"),
             "`Leitlinien:` and `I. …` in a row form one section"),
            (STEINFURT, "Dr. Sommer)", None, "the quote label is no section name"),
            (STEINFURT, "2012\nca 445.000 Menschen", Some("Kreis Steinfurt"), "figures take the heading right before them"),
            (STEINFURT, "Präventive Arbeit ist im gesamten Kreisgebiet",
             Some("Leitbild – „Präventionsnetz im Kreis Steinfurt“: Gutes miteinander vernetzen – Lücken schließen – Neues Aufbauen"),
             "title and subtitle paragraphs are joined"),
            (PRESS, "Die Zahl ist erschreckend",
             Some("Gemeinsam neue Wege in der Präventionsarbeit finden: Initiative „Kein Kind zurücklassen“ im Kreis Steinfurt gestartet"),
             "a two-line headline paragraph is a heading"),
            (PRESS, "Nr. 209 Steinfurt, 26. Mai 2017", Some("Presseinformation"), "a date line is content, not a heading"),
            (COESFELD, "Kinder und Jugendliche erhalten über den gesamten Zeitraum", Some("Strategisches Ziel III"),
             "known heading with numeral on the first line of its paragraph"),
            (COESFELD, "(Landrat Dr. Christian Schulze Pellengahr)", None, "attribution line"),
            (COESFELD, "220.586\n38.354", Some("Kreis Coesfeld"), "figures without their labels"),
            (KREFELD, "Anhand von Bestandserhebungen", Some("LEITBILD ZUM AUFBAU EINER KOMMUNALEN PRÄVENTIONSKETTE IN KREFELD"),
             "an all-caps title is a heading"),
            (DUEREN, "Strukturierte Übergänge und Inklusion", Some("Schwerpunkte"), "known heading over an indented list"),
            (DUEREN, "Kinder von 0 bis 10 Jahren und deren Eltern", Some("Zielgruppen"),
             "a short line right before a known heading is content"),
            (DUEREN, "Wolfgang Spelthahn, Landrat", Some("Kreis Düren"), "attribution under the quote"),
            (DUEREN, "Der Kreis Düren zeichnet sich", Some("Ausgangslage 2012"), "known heading with a year"),
            (DUEREN, "Die verschiedenen Ämter der Kreisverwaltung",
             Some("Kreis Düren im Bericht der Landeskoordinierungsstelle: Verwaltung und Organisation: Integriertes Handeln im Sinne der Familien"),
             "two unknown headings in a row"),
        ];
        for (text, phrase, section, why) in cases {
            let all = passages(text);
            let passage = find(&all, phrase);
            assert_eq!(passage.section.as_deref(), section, "{why}: section of the passage with {phrase:?}");
        }
    }

    #[test]
    fn seed_lists_quotes_and_captions_are_whole_passages() {
        // (text, phrases that must be in one passage, what it shows)
        let cases: [(&str, &[&str], &str); 6] = [
            (
                DUEREN,
                &[
                    "• Strukturierte Übergänge und Inklusion",
                    "• Kinderschutz",
                    "• Patenschaften",
                    "• Lokales Bündnis für Familien",
                ],
                "the list under `Schwerpunkte` is one passage",
            ),
            (
                DUEREN,
                &["\"Wir machen bei dem Modellvorhaben mit", "Wolfgang Spelthahn, Landrat"],
                "quote and attribution",
            ),
            (
                STEINFURT,
                &[
                    "„Wir möchten, dass Kinder",
                    "Chancengerechtigkeit für Kinder liegt uns am Herzen.“ (Landrat Dr. Sommer)",
                ],
                "the quote is one passage",
            ),
            (
                STEINFURT,
                &["2012", "ca 445.000 Menschen", "ca. 45.172 Kind"],
                "profile figures are one passage, values without the template's labels",
            ),
            (
                PRESS,
                &["so Roswitha Reckels, Leiterin des Kreisjugendamtes.", "KeKiz-Workshop"],
                "a caption as last line joins the passage before it",
            ),
            (
                STEINFURT,
                &[
                    "• Eltern, Kinder und Jugendliche werden wertschätzend erreicht",
                    "• Übergänge werden gestaltet und erleichtert",
                ],
                "six bullets, one passage",
            ),
        ];
        for (text, phrases, why) in cases {
            let all = passages(text);
            let passage = find(&all, phrases[0]);
            for phrase in phrases {
                assert!(passage.text.contains(phrase), "{why}: {phrase:?} missing from {:?}", passage.text);
            }
        }
        let dueren = passages(DUEREN);
        let schwerpunkte: Vec<_> =
            dueren.iter().filter(|p| p.section.as_deref() == Some("Schwerpunkte")).collect();
        assert_eq!(schwerpunkte.len(), 1, "bullets split into several passages: {schwerpunkte:#?}");
        assert_eq!(schwerpunkte[0].text.lines().count(), 5, "five bullets, one line each");
    }

    #[test]
    fn seed_passages_are_well_formed() {
        let known: Vec<String> = parse_headings(HEADINGS).iter().map(|h| h.to_lowercase()).collect();
        for (name, text) in SEEDS {
            let all = passages(text);
            assert!(!all.is_empty(), "{name}: no passages");
            for (i, p) in all.iter().enumerate() {
                assert_eq!(p.ordinal as usize, i, "{name}: ordinals must count from 0");
                assert!(p.text.chars().count() <= MAX_CHARS, "{name}: passage {i} too long");
                assert!(p.text.chars().any(char::is_alphanumeric), "{name}: passage {i} has no word");
                assert_eq!(p.text, p.text.trim(), "{name}: passage {i} not trimmed");
                let bare = p.text.trim_end_matches(':').to_lowercase();
                assert!(!known.contains(&bare), "{name}: passage {i} is a known heading: {:?}", p.text);
                assert!(
                    all.iter().all(|q| q.section.as_deref() != Some(p.text.as_str())),
                    "{name}: passage {i} is a heading"
                );
                assert!(
                    !p.section.as_deref().is_some_and(|s| s.ends_with(':')),
                    "{name}: section keeps its colon"
                );
            }
        }
    }

    #[test]
    fn material_hazards() {
        // (input, expected passages as (section, text), what it shows)
        type Case<'a> = (&'a str, &'a [(Option<&'a str>, &'a str)], &'a str);
        let cases: &[Case] = &[
            ("Ziele\n\nDie Stadt plant Einzel-\n\nmaßnahmen für Kinder- und Jugendhilfe, die sie bald umsetzt.",
             &[(Some("Ziele"), "Die Stadt plant Einzelmaßnahmen\nfür Kinder- und Jugendhilfe, die sie bald umsetzt.")],
             "hyphenation across a blank line is rejoined, the elliptic compound kept"),
            ("Das haben wir vor:\n\n  • Stärkung der Frühen Hilfen\n\n  • Ausbau präventiver Sportangebote\n\n  • Patenschaften",
             &[(Some("Das haben wir vor"), "• Stärkung der Frühen Hilfen\n• Ausbau präventiver Sportangebote\n• Patenschaften")],
             "indented bullets separated by blank lines form one list passage"),
            ("ZITAT der kommunalen Spitze\n\n„Wir wollen, dass jedes Kind gut aufwächst und alle Chancen bekommt.“\n\n(Landrat Dr. Sommer)",
             &[(None, "„Wir wollen, dass jedes Kind gut aufwächst und alle Chancen bekommt.“\n(Landrat Dr. Sommer)")],
             "a bracketed line after a quote is its attribution"),
            ("Seit wann dabei:\n\n2017\n\nEinwohnerzahl:\n\n220.586\n\nKinder unter 18:\n\n38.354",
             &[(Some("Kennzahlen"), "2017\n220.586\n38.354")],
             "figures without a heading get section Kennzahlen, not three headings"),
            ("Gelsenkirchen beugt vor\nDie Stadt hat früh eine Präventionskette aufgebaut, die allen Kindern hilft.\n\
              Hausbesuche\nZu den Angeboten gehören Hausbesuche bei Familien mit Neugeborenen in allen Stadtteilen.",
             &[(Some("Gelsenkirchen beugt vor"), "Die Stadt hat früh eine Präventionskette aufgebaut, die allen Kindern hilft."),
               (Some("Hausbesuche"), "Zu den Angeboten gehören Hausbesuche bei Familien mit Neugeborenen in allen Stadtteilen.")],
             "headings inside a one-line-per-paragraph text"),
            ("Der Kreis hat viel erreicht und die Zusammenarbeit aller Partner gestärkt.\n\nKontakt",
             &[(None, "Der Kreis hat viel erreicht und die Zusammenarbeit aller Partner gestärkt.\nKontakt")],
             "a heading with nothing after it is content, never dropped"),
            ("Zielgruppen\n\nKinder von 0 bis 10 Jahren\n\nZiele\n\nMehr Kinder sollen früh erreicht werden, auch in den Stadtteilen.",
             &[(Some("Zielgruppen"), "Kinder von 0 bis 10 Jahren"),
               (Some("Ziele"), "Mehr Kinder sollen früh erreicht werden, auch in den Stadtteilen.")],
             "a short section keeps its only line"),
            ("Die Stadt fördert Familien in allen Stadtteilen.\n\nFoto: Stadt Musterstadt\n\nDie Angebote reichen von der Geburt bis zum Beruf.",
             &[(None, "Die Stadt fördert Familien in allen Stadtteilen."),
               (None, "Foto: Stadt Musterstadt\nDie Angebote reichen von der Geburt bis zum Beruf.")],
             "a photo credit is no heading; as a short line it joins the next passage"),
            ("Die Stadt Musterstadt hat\n\nim Jahr 2017 eine Präventionskette\n\naufgebaut. Dazu gehören\n\nKitas und Schulen.\n\n\
              Ziele\n\nMehr Familien sollen\n\nfrüh erreicht werden.",
             &[(None, "Die Stadt Musterstadt hat\nim Jahr 2017 eine Präventionskette\naufgebaut. Dazu gehören\nKitas und Schulen."),
               (Some("Ziele"), "Mehr Familien sollen\nfrüh erreicht werden.")],
             "a blank line after every line (PDF) does not make every line a passage"),
            ("Die Kommune fördert seit vielen Jahren gemeinsam mit den Trägern\nKitas, Schulen und Vereine in allen Stadtteilen.",
             &[(None, "Die Kommune fördert seit vielen Jahren gemeinsam mit den Trägern\nKitas, Schulen und Vereine in allen Stadtteilen.")],
             "a hard-wrapped first line is no heading"),
        ];
        for (input, want, why) in cases {
            let all = passages(input);
            let got: Vec<(Option<&str>, &str)> =
                all.iter().map(|p| (p.section.as_deref(), p.text.as_str())).collect();
            assert_eq!(got, *want, "{why}");
        }
    }

    #[test]
    fn long_single_line_text_is_cut_at_real_sentence_ends() {
        let sentence =
            "Am 26. Mai stellte Landrat Dr. Sommer z. B. die Angebote vor, u. a. Hausbesuche, Kitas usw. \
                        Die Stadt (v.l. Frau Dr. Meyer) fördert Familien, Nr. 5 im Plan. ";
        let text = sentence.repeat(14); // ~2,200 chars on one line
        let all = passages(text.trim());
        assert!(all.len() >= 2, "a 2,000-character line must be split");
        for p in &all {
            assert!(p.text.chars().count() <= MAX_CHARS);
            assert!(
                p.text.ends_with("im Plan."),
                "cut inside a sentence (abbreviation taken as an end?): …{:?}",
                &p.text[p.text.len().saturating_sub(40)..]
            );
        }
    }

    /// Words (letters and digits) with their counts.
    fn word_counts<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for text in texts {
            for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The dev corpus of the evaluation set, when present (`PRAEV_DEV_CORPUS` or the shared
    /// folder next to the repository). Its texts are not copied into the repository.
    fn dev_corpus() -> Option<PathBuf> {
        let dir = std::env::var_os("PRAEV_DEV_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/corpus"));
        dir.is_dir().then_some(dir)
    }

    #[test]
    fn no_word_of_the_text_is_lost() {
        let mut docs: Vec<(String, String)> =
            SEEDS.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        match dev_corpus() {
            Some(dir) => {
                for entry in std::fs::read_dir(dir).expect("dev corpus readable") {
                    let path = entry.expect("dev corpus entry").path();
                    if path.extension().is_some_and(|e| e == "txt") {
                        let text = std::fs::read_to_string(&path).expect("dev file is UTF-8");
                        docs.push((path.display().to_string(), text));
                    }
                }
            }
            None => eprintln!("note: dev corpus not found, checking the seeds only (set PRAEV_DEV_CORPUS)"),
        }
        for (name, text) in &docs {
            let all = passages(text);
            // Words split by line-end hyphens are compared rejoined, as the splitter outputs them.
            // Template labels are dropped on purpose (see `labels`); their values stay.
            let lines = text
                .lines()
                .map(|l| crate::ingest::german::template::label_value(l).unwrap_or(l.trim()).to_string())
                .collect();
            let input = word_counts(text::rejoin_hyphenated(lines).iter().map(String::as_str));
            let output =
                word_counts(all.iter().flat_map(|p| [p.text.as_str(), p.section.as_deref().unwrap_or("")]));
            for (word, n) in input {
                let m = output.get(&word).copied().unwrap_or(0);
                assert!(m >= n, "{name}: {word:?} occurs {n}× in the text but {m}× in passages and sections");
            }
            assert!(
                all.iter().all(|p| p.text.chars().count() <= MAX_CHARS),
                "{name}: passage over {MAX_CHARS} chars"
            );
        }
    }
}
