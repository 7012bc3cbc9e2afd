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
//! "Dormagen", "Kreises Olpe" → "Kreis Olpe"; see `discovery`).
//!
//! Every mention is scored, because texts name many places in passing. Explicit forms
//! ("Kreis Düren", "Kreises Steinfurt", "Stadt Krefeld") weigh more than bare ones ("Düren",
//! "Krefelder"); a mention in the first line or the head weighs more than one further down; a
//! place counts once per line, so a repeated caption does not outweigh the text; a place also
//! named in the file name gets a bonus. The leading place must lead clearly (twice the
//! runner-up), so pages that list many places (programme overviews) get `None`, not a guess.

use std::collections::HashSet;

use super::discovery;
use super::gazetteer::Gazetteer;
use super::mentions::{self, core_name, is_explicit, Form, Hit};
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

/// The municipality the document is about, or `None` when no place clearly leads.
pub(super) fn detect(page: &Page, rel_path: &str, places: &Gazetteer) -> Option<String> {
    let candidates = Candidates::new(places, page);
    let mut scores = candidates.scores(page);
    let path = fold(rel_path);
    for (candidate, score) in scores.iter_mut().enumerate() {
        if *score > 0 && contains_token(&path, &fold(core_name(candidates.name(candidate)))) {
            *score += FILE_NAME_BONUS;
        }
    }
    let (best, candidate, second) = leader(&scores)?;
    // The leader must clearly lead: at least twice the runner-up's score.
    (best >= MIN_SCORE && best >= LEAD_FACTOR * second && best > second)
        .then(|| candidates.name(candidate).to_string())
}

/// The highest score with its candidate (the first one on a tie) and the next highest score
/// (equal to the first on a tie); `None` without candidates.
fn leader(scores: &[u32]) -> Option<(u32, usize, u32)> {
    let (mut best, mut candidate, mut second) = (*scores.first()?, 0, 0);
    for (index, &score) in scores.iter().enumerate().skip(1) {
        if score > best {
            (second, best, candidate) = (best, score, index);
        } else if score > second {
            second = score;
        }
    }
    Some((best, candidate, second))
}

/// Whether a short line is just a place name ("Kreis Düren", "Krefeld"): how profile pages
/// and datelines name their municipality.
pub(super) fn is_name_line(line: &str, places: &Gazetteer) -> bool {
    let line = line.trim().trim_end_matches([':', '.', ',']);
    places.is_known_spelling(line) || discovery::is_explicit_mention(line)
}

/// The places one document may be about: the known ones (numbered as in the gazetteer) and,
/// after them, those discovered in its text.
struct Candidates<'g> {
    places: &'g Gazetteer,
    discovered: Vec<String>,
    /// The mentions of discovered places with the number of their line, in line order; their
    /// forms are numbered after the known forms.
    discovered_hits: Vec<(usize, Hit)>,
}

impl<'g> Candidates<'g> {
    /// Adds places the text names explicitly but the gazetteer lacks.
    fn new(places: &'g Gazetteer, page: &Page) -> Candidates<'g> {
        let discovered = discover(page, &places.claimed);
        let (mut discovered_hits, mut hits) = (Vec::new(), Vec::new());
        let mut first = places.forms.len();
        for (index, name) in discovered.iter().enumerate() {
            let forms = discovered_forms(places.names.len() + index, name, &places.claimed);
            // Every form holds the place's name: only the lines with the name need a look.
            for number in lines_naming(page, core_name(name)) {
                mentions::scan(&forms, first, page.lines[number], &mut hits);
                discovered_hits.extend(hits.drain(..).map(|hit| (number, hit)));
            }
            first += forms.len();
        }
        discovered_hits.sort_by_key(|(number, _)| *number);
        Candidates { places, discovered, discovered_hits }
    }

    fn name(&self, candidate: usize) -> &str {
        match candidate.checked_sub(self.places.names.len()) {
            Some(discovered) => &self.discovered[discovered],
            None => &self.places.names[candidate],
        }
    }

    fn scores(&self, page: &Page) -> Vec<u32> {
        let mut scores = vec![0; self.places.names.len() + self.discovered.len()];
        let mut found = Vec::new();
        let mut strongest: Vec<(usize, u32)> = Vec::new();
        let mut discovered = self.discovered_hits.iter().peekable();
        for (index, line) in page.lines.iter().enumerate() {
            let factor = match index {
                0 => TITLE_FACTOR,
                i if i < HEAD_RANGE => HEAD_FACTOR,
                _ => 1,
            };
            found.clear();
            self.places.forms.scan(line, &mut found);
            while let Some((_, hit)) = discovered.next_if(|(number, _)| *number == index) {
                found.push(hit.clone());
            }
            if found.is_empty() {
                continue;
            }
            // A place counts once per line (paragraph), with its strongest form there: a
            // caption listing "Gemeinde X" five times is not five paragraphs about X.
            strongest.clear();
            mentions::resolve(&mut found);
            for hit in &found {
                match strongest.iter_mut().find(|(candidate, _)| *candidate == hit.candidate) {
                    Some((_, weight)) => *weight = (*weight).max(hit.weight),
                    None => strongest.push((hit.candidate, hit.weight)),
                }
            }
            for &(candidate, weight) in &strongest {
                scores[candidate] += weight * factor;
            }
        }
        scores
    }
}

/// The forms of a place discovered in the text.
fn discovered_forms(candidate: usize, name: &str, claimed: &HashSet<String>) -> Vec<Form> {
    let city = !is_explicit(name);
    let mut forms = mentions::forms_of(candidate, name, city, claimed);
    if city {
        // The bare name of an unknown town counts only via its explicit forms: a capitalised
        // word after "Stadt" may be any noun ("die Stadt Ziele definiert").
        forms.retain(|f| f.text != name);
    }
    forms
}

/// The numbers of the lines in which a name appears, as written or in capitals.
fn lines_naming(page: &Page, name: &str) -> Vec<usize> {
    let upper = name.to_uppercase();
    let mut found = page.occurrences(name);
    if upper != name {
        found.extend(page.occurrences(&upper));
    }
    let mut lines: Vec<usize> = found.into_iter().map(|(line, _)| line).collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// The places a text names explicitly that are not claimed by the gazetteer, in order of
/// first mention.
fn discover(page: &Page, claimed: &HashSet<String>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in &page.lines {
        for name in discovery::explicit_names(line) {
            if !found.contains(&name) && !claimed.contains(&name) && !claimed.contains(core_name(&name)) {
                found.push(name);
            }
        }
    }
    found
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
    use super::super::gazetteer::KnownMunicipality;
    use super::*;

    fn place(name: &str, authority: &str, aliases: &[&str]) -> KnownMunicipality {
        KnownMunicipality::new(name, authority, aliases)
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::new(&[
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
        ])
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
