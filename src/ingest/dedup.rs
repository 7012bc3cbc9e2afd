//! Dedup: the same text indexed once, across files and inside one document.
//!
//! Scraped corpora repeat themselves: the same article saved from two sites, a folder copied
//! twice, an image caption printed under the picture and again in the gallery, a list scraped
//! twice. Indexed as they are, a search shows the same passage several times in its first
//! hits. This module owns the rule for "the same text" and applies it at three levels:
//!
//! * files: two documents whose cleaned text (decoded, NFC, boilerplate removed) has the same
//!   [`text_key`] are one document; the one whose path sorts first is kept, and every other one
//!   is reported as a [`Duplicate`] of it;
//! * passages: a passage whose [`text_key`] equals that of an earlier passage of the same
//!   document is dropped (whatever section it stands under), and the rest are renumbered so
//!   ordinals stay dense from 0;
//! * quotes: a quote whose words equal those of an earlier quote of the same document is
//!   dropped; the earlier one takes over a speaker or role only the later one has.
//!
//! "The same" means the same words in the same order, ignoring case, punctuation, whitespace
//! and invisible characters (soft hyphens, zero-width spaces). Nothing fuzzier: two texts that
//! differ by one word are different texts, so distinct documents are never merged.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::quotes::Quote;
use super::{Document, Passage, Skipped};
use crate::analysis::letters;
use crate::analysis::tokenize::is_invisible;

/// A hash of a text's [`text_key`]: equal fingerprints mean the same text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        Fingerprint(*blake3::hash(text_key(text).as_bytes()).as_bytes())
    }

    /// The hash's bytes, to record a document (see `index::ingested`).
    pub fn to_bytes(self) -> [u8; 32] {
        self.0
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Fingerprint {
        Fingerprint(bytes)
    }
}

/// The words of `text`, lower-cased, joined by single spaces: what is left when case,
/// punctuation, whitespace and invisible characters are ignored.
/// One pass over the text into one string: it runs on every document and passage of a build.
pub fn text_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Most characters are ASCII: no invisible ones there, and a run of letters and digits
        // is copied and lower-cased at once.
        if bytes[at].is_ascii() {
            let run = bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if run == 0 {
                in_word = false;
                at += 1;
                continue;
            }
            if !in_word && !key.is_empty() {
                key.push(' ');
            }
            in_word = true;
            let start = key.len();
            key.push_str(&text[at..at + run]);
            key[start..].make_ascii_lowercase();
            at += run;
            continue;
        }
        let c = text[at..].chars().next().expect("a character starts here");
        at += c.len_utf8();
        if is_invisible(c) {
            // A soft hyphen or zero-width space inside a word does not split it.
            continue;
        }
        if !letters::is_alphanumeric(c) {
            in_word = false;
            continue;
        }
        if !in_word && !key.is_empty() {
            key.push(' ');
        }
        in_word = true;
        letters::push_lowercase(&mut key, c);
    }
    key
}

/// A file that was not indexed because an earlier file has the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The file left out.
    pub rel_path: String,
    /// The file indexed in its place (the first by path order with this text).
    pub kept: String,
}

/// The outcome of ingesting one file: a document, or why there is none.
pub type Outcome = Result<Document, Skipped>;

/// Removes the documents whose text an earlier document of `outcomes` has, keeping the order.
/// `outcomes` are in path order (as the walk lists the files), so the document kept is the
/// first by path order. Returns what is left and the documents removed.
pub fn drop_duplicate_documents(outcomes: Vec<Outcome>) -> (Vec<Outcome>, Vec<Duplicate>) {
    let mut first_with: HashMap<Fingerprint, String> = HashMap::new();
    let mut kept = Vec::with_capacity(outcomes.len());
    let mut duplicates = Vec::new();
    for outcome in outcomes {
        if let Ok(document) = &outcome {
            match first_with.get(&document.fingerprint) {
                Some(first) => {
                    duplicates.push(Duplicate { rel_path: document.file.clone(), kept: first.clone() });
                    continue;
                }
                None => {
                    first_with.insert(document.fingerprint, document.file.clone());
                }
            }
        }
        kept.push(outcome);
    }
    (kept, duplicates)
}

/// Drops every passage whose text an earlier passage has, and renumbers the rest from 0.
pub fn drop_repeated_passages(passages: Vec<Passage>) -> Vec<Passage> {
    // Fx rather than SipHash: the keys are whole passages, and no one chooses them to collide.
    let mut seen = FxHashSet::default();
    let mut kept = Vec::with_capacity(passages.len());
    for passage in passages {
        if seen.insert(text_key(&passage.text)) {
            let ordinal = kept.len() as u32;
            kept.push(Passage { ordinal, ..passage });
        }
    }
    kept
}

/// Drops every quote whose words an earlier quote has. The earlier quote keeps its speaker and
/// role, and takes the later one's where it has none.
pub fn drop_repeated_quotes(quotes: Vec<Quote>) -> Vec<Quote> {
    let mut position: FxHashMap<String, usize> = FxHashMap::default();
    let mut kept: Vec<Quote> = Vec::with_capacity(quotes.len());
    for quote in quotes {
        let key = text_key(&quote.text);
        match position.get(&key) {
            Some(&i) => {
                let first = &mut kept[i];
                if first.speaker.is_none() && first.role.is_none() {
                    first.speaker = quote.speaker;
                    first.role = quote.role;
                }
            }
            None => {
                position.insert(key, kept.len());
                kept.push(quote);
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{DocumentMeta, SkipReason};

    fn passage(ordinal: u32, section: Option<&str>, text: &str) -> Passage {
        Passage { ordinal, section: section.map(String::from), text: text.to_string(), page: None }
    }

    fn quote(text: &str, speaker: Option<&str>, role: Option<&str>) -> Quote {
        Quote {
            text: text.into(),
            speaker: speaker.map(String::from),
            role: role.map(String::from),
            start: 0,
            truncated: false,
            citation: String::new(),
            reported: false,
        }
    }

    fn document(file: &str, text: &str) -> Outcome {
        Ok(Document {
            file: file.into(),
            encoding: "UTF-8".into(),
            meta: DocumentMeta::default(),
            passages: vec![passage(0, None, text)],
            quotes: Vec::new(),
            page_starts: Default::default(),
            fingerprint: Fingerprint::of(text),
        })
    }

    #[test]
    fn the_same_text_ignores_case_punctuation_whitespace_and_invisible_characters() {
        // (a, b, same?, what it shows)
        let cases = [
            (
                "Frühe Hilfen für Familien.",
                "  frühe   Hilfen\nfür Familien ",
                true,
                "case, whitespace, full stop",
            ),
            ("Kinder-, Jugend- und Familienhilfe", "Kinder , Jugend und Familienhilfe", true, "punctuation"),
            ("Kinder\u{AD}schutz im Kreis", "Kinderschutz im Kreis", true, "soft hyphen"),
            ("Kinderschutz im Kreis Düren", "Kinderschutz im Kreis Euskirchen", false, "one word differs"),
            ("Kinder unter 18: 38.354", "Kinder unter 18: 38.355", false, "one figure differs"),
            ("Hilfe für Kinder", "Kinder für Hilfe", false, "word order"),
        ];
        for (a, b, same, why) in cases {
            assert_eq!(Fingerprint::of(a) == Fingerprint::of(b), same, "{why}: {a:?} vs {b:?}");
        }
    }

    #[test]
    fn the_key_is_the_lower_cased_words_joined_by_single_spaces() {
        let cases = [
            ("Frühe Hilfen für FAMILIEN.", "frühe hilfen für familien"),
            ("Kinder-  und\tJugendhilfe (KJH), 2017!", "kinder und jugendhilfe kjh 2017"),
            ("ÄRZTE\u{200B}KAMMER und Präven\u{AD}tion", "ärztekammer und prävention"),
            ("„Gemeinsam stark“ – 38.354 Kinder", "gemeinsam stark 38 354 kinder"),
            ("  ... ", ""),
            ("", ""),
        ];
        for (text, key) in cases {
            assert_eq!(text_key(text), key, "{text:?}");
        }
    }

    #[test]
    fn repeated_captions_and_lists_in_one_document_are_kept_once() {
        let caption = "Die Ergebnisse der Beteiligungsprojekte wurden auf dem Fachtag vorgestellt. Bild: Stadt Musterstadt";
        let list = "• Stärkung der Frühen Hilfen\n• Ausbau präventiver Sportangebote";
        let passages = vec![
            passage(0, Some("Fachtag in Wuppertal"), caption),
            passage(1, Some("Fachtag in Wuppertal"), caption),
            passage(
                2,
                Some("Fachtag in Wuppertal"),
                "Rund 120 Fachkräfte tauschten sich über Kinderrechte aus.",
            ),
            passage(3, Some("Das haben wir vor"), list),
            passage(4, Some("Ziele"), "• Stärkung der frühen Hilfen\n• Ausbau präventiver Sportangebote."),
            passage(5, Some("Kontakt"), "Jugendamt, Tel. 02421 22-0"),
        ];
        let kept = drop_repeated_passages(passages);
        let got: Vec<(u32, Option<&str>, &str)> =
            kept.iter().map(|p| (p.ordinal, p.section.as_deref(), p.text.as_str())).collect();
        let want = [
            (0, Some("Fachtag in Wuppertal"), caption),
            (1, Some("Fachtag in Wuppertal"), "Rund 120 Fachkräfte tauschten sich über Kinderrechte aus."),
            (2, Some("Das haben wir vor"), list),
            (3, Some("Kontakt"), "Jugendamt, Tel. 02421 22-0"),
        ];
        assert_eq!(got, want, "the second caption and the list's second copy go, ordinals stay dense");
    }

    #[test]
    fn a_repeated_quote_is_kept_once_with_the_speaker_of_either_copy() {
        let words = "Kein Kind soll in unserem Kreis zurückgelassen werden";
        let quotes = vec![
            quote(words, None, None),
            quote(
                "Wir bauen die Frühen Hilfen in allen Kommunen weiter aus",
                Some("Wolfgang Spelthahn"),
                None,
            ),
            quote(&format!("{words}."), Some("Dr. Klaus Effing"), Some("Landrat")),
        ];
        let kept = drop_repeated_quotes(quotes);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].text, words);
        assert_eq!(kept[0].speaker.as_deref(), Some("Dr. Klaus Effing"), "speaker taken from the copy");
        assert_eq!(kept[0].role.as_deref(), Some("Landrat"));
    }

    #[test]
    fn the_first_file_by_path_order_is_kept() {
        let article = "Kreis Düren\n\nPräventionskonferenzen in allen Kommunen.";
        let outcomes = vec![
            document("a/artikel.txt", article),
            Err(Skipped { rel_path: "b/leer.txt".into(), reason: SkipReason::Empty }),
            document("b/other.txt", "Kreis Düren\n\nFamilienzentren in allen Kommunen."),
            document("kopie/artikel.html", "KREIS DÜREN  Präventionskonferenzen in allen Kommunen"),
        ];
        let (kept, duplicates) = drop_duplicate_documents(outcomes);
        let files: Vec<String> = kept
            .iter()
            .map(|o| match o {
                Ok(d) => d.file.clone(),
                Err(s) => s.rel_path.clone(),
            })
            .collect();
        assert_eq!(files, ["a/artikel.txt", "b/leer.txt", "b/other.txt"]);
        assert_eq!(
            duplicates,
            [Duplicate { rel_path: "kopie/artikel.html".into(), kept: "a/artikel.txt".into() }]
        );
    }
}
