//! Municipality: which Kreis or city a document is about, matched against the gazetteer
//! (see `gazetteer`) and explicit mentions in the text.
//!
//! Canonical names follow the gazetteer's spelling:
//! - cities, kreisfrei or not, by their plain name: "Krefeld", "Mönchengladbach";
//! - districts with their authority word: "Kreis Steinfurt", "Landkreis Ostprignitz-Ruppin",
//!   or as their name carries it: "Rhein-Sieg-Kreis", "Hochsauerlandkreis",
//!   "Städteregion Aachen".
//!
//! Places missing from the gazetteer are named the same way from the text ("Stadt Dormagen" →
//! "Dormagen", "Kreises Olpe" → "Kreis Olpe").
//!
//! Every mention is scored, because texts name many places in passing. Explicit forms
//! ("Kreis Düren", "Kreises Steinfurt", "Stadt Krefeld") weigh more than bare ones ("Düren",
//! "Krefelder"); a mention in the first line or the head weighs more than one further down; a
//! place counts once per line, so a repeated caption does not outweigh the text; a place also
//! named in the file name gets a bonus. The leading place must lead clearly (twice the
//! runner-up), so pages that list many places (programme overviews) get `None`, not a guess.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::KnownMunicipality;
use super::mentions::{self, core_name, is_explicit, Form};
use super::page::Page;

/// A place needs at least this score: one explicit mention in the head, or several mentions.
const MIN_SCORE: u32 = 3;
/// Mentions in the first line count three times, in the rest of the head twice.
const TITLE_FACTOR: u32 = 3;
const HEAD_FACTOR: u32 = 2;
const HEAD_RANGE: usize = 5;
const FILE_NAME_BONUS: u32 = 2;
/// The leading place needs this many times the runner-up's score.
const LEAD_FACTOR: u32 = 2;

/// Capitalised function words that follow "Stadt"/"Kreis" without being a place.
const NOT_PLACE_NAMES: [&str; 20] = [
    "Der", "Die", "Das", "Den", "Dem", "Des", "Und", "Oder", "Mit", "Von", "Für", "Auf", "Aus", "Bei",
    "Nach", "Zur", "Zum", "Ein", "Eine", "Sie",
];

/// Explicit mentions of places that may be missing from the gazetteer.
static DISCOVER: LazyLock<Regex> = LazyLock::new(|| {
    // No "am Main"-style continuation: "Stadt Blomberg im Mittelpunkt" would read as a name.
    // Multi-word names belong in the gazetteer.
    let name = r"(?:(?:Bad|Sankt|St\.)\s+)?\p{Lu}\p{Ll}\p{L}+(?:-\p{Lu}\p{L}+)*";
    let re = format!(
        r"\b(?:(Kreis|Kreises|Landkreis|Landkreises|Städteregion|StädteRegion|Stadt|Gemeinde)\s+({name})|(\p{{Lu}}\p{{L}}+(?:-\p{{Lu}}\p{{L}}+)*-Kreis)(?:es)?\b)"
    );
    Regex::new(&re).expect("valid regex")
});

/// The municipality the document is about, or `None` when no place clearly leads.
pub(super) fn detect(page: &Page, rel_path: &str, known: &[KnownMunicipality]) -> Option<String> {
    let mut gazetteer = Gazetteer::from_known(known);
    gazetteer.discover(page);
    let mut scores = gazetteer.scores(page);
    let path = fold(rel_path);
    for (candidate, score) in scores.iter_mut().enumerate() {
        if *score > 0 && contains_token(&path, &fold(core_name(&gazetteer.names[candidate]))) {
            *score += FILE_NAME_BONUS;
        }
    }
    let mut ranked: Vec<(u32, usize)> =
        scores.iter().enumerate().map(|(candidate, score)| (*score, candidate)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (best, candidate) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.0);
    // The leader must clearly lead: at least twice the runner-up's score.
    (best >= MIN_SCORE && best >= LEAD_FACTOR * second && best > second)
        .then(|| gazetteer.names[candidate].clone())
}

/// Whether a short line is just a place name ("Kreis Düren", "Krefeld"): how profile pages
/// and datelines name their municipality.
pub(super) fn is_name_line(line: &str, known: &[KnownMunicipality]) -> bool {
    let line = line.trim().trim_end_matches([':', '.', ',']);
    let is_known = known
        .iter()
        .any(|k| k.name.eq_ignore_ascii_case(line) || k.aliases.iter().any(|a| a.eq_ignore_ascii_case(line)));
    is_known || DISCOVER.find(line).is_some_and(|m| m.start() == 0 && m.end() == line.len())
}

/// The places a document may be about: the known ones and those discovered in its text.
struct Gazetteer {
    names: Vec<String>,
    forms: Vec<Form>,
    /// Every name and alias, to keep bare and discovered forms from shadowing known places.
    claimed: HashSet<String>,
}

impl Gazetteer {
    fn from_known(known: &[KnownMunicipality]) -> Gazetteer {
        let claimed: HashSet<String> =
            known.iter().flat_map(|k| std::iter::once(&k.name).chain(&k.aliases)).cloned().collect();
        let mut gazetteer = Gazetteer { names: Vec::new(), forms: Vec::new(), claimed };
        for place in known {
            let candidate = gazetteer.add_candidate(&place.name);
            let city = matches!(place.authority.as_str(), "kreisfreie Stadt" | "Stadt" | "Gemeinde");
            for spelling in std::iter::once(&place.name).chain(&place.aliases) {
                gazetteer.add_spelling(candidate, spelling, city);
            }
        }
        gazetteer
    }

    fn add_candidate(&mut self, name: &str) -> usize {
        self.names.push(name.to_string());
        self.names.len() - 1
    }

    fn add_spelling(&mut self, candidate: usize, spelling: &str, city: bool) {
        let forms = mentions::forms_of(candidate, spelling, city, &self.claimed);
        self.forms.extend(forms);
    }

    /// Adds places the text names explicitly but the gazetteer lacks.
    fn discover(&mut self, page: &Page) {
        let mut found: Vec<String> = Vec::new();
        for line in &page.lines {
            for c in DISCOVER.captures_iter(line) {
                if let Some(name) = discovered_name(&c) {
                    if !found.contains(&name)
                        && !self.claimed.contains(&name)
                        && !self.claimed.contains(core_name(&name))
                    {
                        found.push(name);
                    }
                }
            }
        }
        for name in found {
            let candidate = self.add_candidate(&name);
            let city = !is_explicit(&name);
            self.add_spelling(candidate, &name, city);
            if city {
                // The bare name of an unknown town counts only via its explicit forms: a
                // capitalised word after "Stadt" may be any noun ("die Stadt Ziele definiert").
                self.forms.retain(|f| !(f.candidate == candidate && f.text == name));
            }
        }
    }

    fn scores(&self, page: &Page) -> Vec<u32> {
        let mut scores = vec![0; self.names.len()];
        for (index, line) in page.lines.iter().enumerate() {
            let factor = match index {
                0 => TITLE_FACTOR,
                i if i < HEAD_RANGE => HEAD_FACTOR,
                _ => 1,
            };
            // A place counts once per line (paragraph), with its strongest form there: a
            // caption listing "Gemeinde X" five times is not five paragraphs about X.
            let mut strongest: HashMap<usize, u32> = HashMap::new();
            for hit in mentions::hits(&self.forms, line) {
                let weight = strongest.entry(hit.candidate).or_default();
                *weight = (*weight).max(hit.weight);
            }
            for (candidate, weight) in strongest {
                scores[candidate] += weight * factor;
            }
        }
        scores
    }
}

/// The canonical name of an explicit mention found by [`DISCOVER`], if it is a place name.
fn discovered_name(c: &regex::Captures) -> Option<String> {
    if let Some(kreis) = c.get(3) {
        return Some(kreis.as_str().to_string());
    }
    let (authority, name) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    if NOT_PLACE_NAMES.contains(&name) {
        return None;
    }
    Some(match authority {
        "Kreis" | "Kreises" => format!("Kreis {name}"),
        "Landkreis" | "Landkreises" => format!("Landkreis {name}"),
        "Städteregion" | "StädteRegion" => format!("Städteregion {name}"),
        _ => name.to_string(),
    })
}

/// Lower case ASCII with umlauts spelled out and other characters as `-`, as in file names:
/// "Mönchengladbach" → "moenchengladbach", "Kreis Düren" → "kreis-dueren".
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => out.push('-'),
        }
    }
    out
}

fn contains_token(haystack: &str, token: &str) -> bool {
    !token.is_empty()
        && haystack.match_indices(token).any(|(start, _)| {
            let before = haystack[..start].chars().next_back();
            let after = haystack[start + token.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, authority: &str, aliases: &[&str]) -> KnownMunicipality {
        KnownMunicipality {
            name: name.to_string(),
            authority: authority.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn gazetteer() -> Vec<KnownMunicipality> {
        vec![
            place("Kreis Steinfurt", "Kreis", &[]),
            place("Kreis Düren", "Kreis", &[]),
            place("Kreis Lippe", "Kreis", &["lippischen"]),
            place("Krefeld", "kreisfreie Stadt", &["Krefelder"]),
            place("Mönchengladbach", "kreisfreie Stadt", &["Mönchengladbacher", "MG"]),
            place("Essen", "kreisfreie Stadt", &["Essener"]),
            place("Aachen", "Stadt", &["Aachener"]),
            place("Städteregion Aachen", "Städteregion", &["StädteRegion Aachen"]),
            place("Rhein-Sieg-Kreis", "Kreis", &[]),
            place("Potsdam", "kreisfreie Stadt", &[]),
            place("Landkreis Potsdam-Mittelmark", "Landkreis", &[]),
        ]
    }

    #[test]
    fn detects_the_leading_place() {
        // (text, file name, expected municipality)
        let cases = [
            ("Kreis Steinfurt\n\nText über Kinder.", "a.txt", Some("Kreis Steinfurt")),
            ("Titel\nEntscheider des Kreises Steinfurt trafen sich.\nIm Kreis Steinfurt gibt es viel.", "a.txt", Some("Kreis Steinfurt")),
            ("LEITBILD FÜR KINDER IN KREFELD\nDie Krefelder Präventionskette.", "a.txt", Some("Krefeld")),
            ("Titel\nDie Stadt MG setzt auf Prävention.\nMönchengladbachs Kinder.", "a.txt", Some("Mönchengladbach")),
            ("Die StädteRegion Aachen baut ihre Präventionskette aus.\nText", "a.txt", Some("Städteregion Aachen")),
            ("Der Rhein-Sieg-Kreis startet.\nText", "a.txt", Some("Rhein-Sieg-Kreis")),
            // Not in the gazetteer: named from the text by the same convention.
            ("Titel\nDie Stadt Dormagen baut vor.\nDie Stadt Dormagen hat Erfolg.", "a.txt", Some("Dormagen")),
            ("Kreis Olpe startet\nText", "a.txt", Some("Kreis Olpe")),
            // Bare mentions far down are too weak alone; the file name tips the balance.
            ("Titel\nA\nB\nC\nD\nE\nIn Lippe.\nIm Kreis Lippe.", "x.txt", Some("Kreis Lippe")),
            // A place counts once per line: a caption repeating a Gemeinde does not outweigh
            // the Kreis the text is about.
            ("Titel\nBürgermeister (Gemeinde Augustdorf), Olaf Kupsch (Gemeinde Augustdorf), Foto: Kreis Lippe\nKreis Lippe. Der Kreis Lippe baut vor.\nIm Kreis Lippe gibt es viel.", "x.txt", Some("Kreis Lippe")),
            ("Titel\nA\nB\nC\nD\nE\nDie Arbeit in Düren.\nMehr in Düren.", "x.txt", None),
            ("Titel\nA\nB\nC\nD\nE\nDie Arbeit in Düren.\nMehr in Düren.", "kreis-dueren-bericht.txt", Some("Kreis Düren")),
            // Potsdam-Mittelmark is not Potsdam; a street is not a city; food is not Essen.
            ("Regionalnetzwerk Potsdam-Mittelmark\nText", "a.txt", Some("Landkreis Potsdam-Mittelmark")),
            ("Aachener Straße 2\n41061 Mönchengladbach\nMönchengladbach hilft.", "a.txt", Some("Mönchengladbach")),
            ("Gesundes Essen für Kinder\nDas gemeinsame Essen in der Kita. Gutes Essen hilft.", "a.txt", None),
            // Lists of many places: nobody leads.
            ("Modellkommunen\nKrefeld\nMönchengladbach\nKreis Düren\nKreis Lippe", "a.txt", None),
            ("", "a.txt", None),
        ];
        let known = gazetteer();
        for (text, path, expected) in cases {
            let got = detect(&Page::new(text), path, &known);
            assert_eq!(got.as_deref(), expected, "municipality of {text:?} ({path})");
        }
    }

    #[test]
    fn name_lines() {
        let known = gazetteer();
        let cases = [
            ("Kreis Düren", true),
            ("Krefeld", true),
            ("Kreis Olpe", true),
            ("Hochsauerlandkreis", false),
            ("Ennepe-Ruhr-Kreis", true),
            ("Kreis Düren im Bericht der Landeskoordinierungsstelle", false),
            ("Das haben wir vor:", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_name_line(line, &known), expected, "is {line:?} a place name line?");
        }
    }
}
