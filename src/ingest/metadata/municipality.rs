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
//! Every mention is scored, because texts name many places in passing:
//! - explicit forms ("Kreis Düren", "Kreises Steinfurt", "Stadt Krefeld"), datelines
//!   ("VELBERT.", "Werne (Kreis Unna) –", "Dortmund, 3. Mai 2017"), the place's own web or
//!   mail domain ("@dortmund.de", "www.kreis-mettmann.de"), the document's url and its file
//!   name are *cues*;
//! - bare names ("Düren", "Krefelder") count only for places with a cue, or for places whose
//!   bare name is evidence on its own (large kreisfreie Städte, districts; see `gazetteer`):
//!   most of the 11,000 German Gemeinden are named like ordinary words ("Lage", "Senden");
//! - postal addresses ("40474 Düsseldorf") and lines about third parties (associations,
//!   ministries, Landschaftsverbände) do not count;
//! - a mention in the first line weighs three times, in the head twice; a place counts once
//!   per line, so a repeated caption does not outweigh the text.
//! The leading place must lead clearly (twice the runner-up), so pages that list many places
//! (programme overviews, Land-level texts) get `None`, not a guess.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::discovery;
use super::gazetteer::{fold, Gazetteer};
use super::mentions::{self, core_name, is_explicit, Form, Hit};
use super::page::Page;

/// A place needs at least this score: one explicit mention in the head, or several mentions.
const MIN_SCORE: u32 = 3;
/// Mentions in the first line count three times, in the rest of the head twice.
const TITLE_FACTOR: u32 = 3;
const HEAD_FACTOR: u32 = 2;
const HEAD_RANGE: usize = 5;
const FILE_NAME_BONUS: u32 = 2;
/// A file name or url path naming a place the text does not mention: enough for a place whose
/// bare name counts (a large city, a district), nothing for the others.
const HINT_ALONE_SCORE: u32 = MIN_SCORE;
/// How far before a mention a third-party word makes it the third party's address.
const THIRD_PARTY_REACH: usize = 80;
/// A dateline names the place the text comes from.
const DATELINE_WEIGHT: u32 = 4;
/// The place's own domain in a mail or web address.
const DOMAIN_WEIGHT: u32 = 2;
/// The publisher's domain in the document's url.
const URL_WEIGHT: u32 = 4;
/// A line naming this many places is a list: each counts as a bare mention.
const LIST_SIZE: usize = 3;
/// The leading place needs this many times the runner-up's score.
const LEAD_FACTOR: u32 = 2;
/// Lines with these words speak of third parties: their places are addresses, not the subject.
const THIRD_PARTY_MARKERS: [&str; 12] = [
    "Gemeindebund",
    "Städtetag",
    "Landkreistag",
    "Ministerium",
    "Landschaftsverband",
    "Landesregierung",
    "Bezirksregierung",
    "Landesjugendamt",
    "Staatskanzlei",
    "e.V.",
    "e. V.",
    "Verband ",
];

/// The municipality the document is about, or `None` when no place clearly leads. `url` is
/// where the document was published, when known.
pub(super) fn detect(page: &Page, rel_path: &str, url: Option<&str>, places: &Gazetteer) -> Option<String> {
    let candidates = Candidates::new(places, page);
    let mut evidence = candidates.evidence(page);
    for (candidate, _) in hinted(places, &tokens_of(rel_path)) {
        evidence.cue_with_bonus(candidate, FILE_NAME_BONUS);
    }
    if let Some(url) = url {
        let (host, path) =
            url.split_once("://").map_or(url, |(_, rest)| rest).split_once('/').unwrap_or((url, ""));
        for candidate in domain_places(places, host) {
            let place = evidence.of(candidate);
            place.cued = true;
            place.domain += URL_WEIGHT;
        }
        for (candidate, _) in hinted(places, &tokens_of(path)) {
            evidence.cue_with_bonus(candidate, FILE_NAME_BONUS);
        }
    }
    let scores = evidence.scores(places);
    let (best, candidate, _) = leader(&scores)?;
    let name = candidates.name(candidate);
    // The leader must clearly lead: at least twice the score of any other place. A text about
    // a Gemeinde names its Kreis and one about a Kreis its Gemeinden: between the two, more is
    // enough.
    let related =
        |other: &str| places.district_of(name) == Some(other) || places.district_of(other) == Some(name);
    let clear_lead = scores.iter().filter(|&&(c, _)| c != candidate).all(|&(c, score)| {
        let needed = if related(candidates.name(c)) { score + 1 } else { LEAD_FACTOR * score };
        best >= needed
    });
    if best < MIN_SCORE || !clear_lead {
        return None;
    }
    Some(homonym_in_named_district(places, name, &scores).unwrap_or(name).to_string())
}

/// For a name several Gemeinden share ("Stadt Blomberg" read from the text), the one whose
/// Kreis the document also names: "Blomberg (Kreis Lippe)" next to "Kreis Lippe".
fn homonym_in_named_district<'g>(
    places: &'g Gazetteer,
    name: &str,
    scores: &[(usize, u32)],
) -> Option<&'g str> {
    let homonyms = places.homonyms.get(name)?;
    let named = |district: &str| {
        places.candidate(district).is_some_and(|d| scores.iter().any(|&(c, score)| c == d && score > 0))
    };
    let mut fitting = homonyms.iter().filter(|&&h| places.district_of(&places.names[h]).is_some_and(named));
    let first = fitting.next()?;
    fitting.next().is_none().then(|| places.names[*first].as_str())
}

/// What a document says for each candidate place it mentions (few of the gazetteer's
/// thousands: kept sparse, in candidate order).
#[derive(Default)]
struct Evidence {
    places: BTreeMap<usize, PlaceEvidence>,
}

#[derive(Default, Clone, Copy)]
struct PlaceEvidence {
    /// Explicit mentions and datelines: scores that count as they are.
    explicit: u32,
    /// Bare mentions: they count only for places with a cue or a bare name that counts.
    bare: u32,
    cued: bool,
    /// File name hints: they add to a place that the text mentions.
    bonus: u32,
    /// Mail, web and url domains: they count for a place the text mentions too, or whose bare
    /// name counts ("hage.de" may be an association's as well as the village's).
    domain: u32,
}

impl Evidence {
    fn of(&mut self, candidate: usize) -> &mut PlaceEvidence {
        self.places.entry(candidate).or_default()
    }

    fn cue_with_bonus(&mut self, candidate: usize, bonus: u32) {
        let place = self.of(candidate);
        place.cued = true;
        place.bonus = place.bonus.max(bonus);
    }

    /// Each mentioned candidate with its score, in candidate order.
    fn scores(&self, places: &Gazetteer) -> Vec<(usize, u32)> {
        let score = |c: usize, e: &PlaceEvidence| {
            let bare_counts = places.bare_counts.get(c).copied().unwrap_or(false);
            let bare = if e.cued || bare_counts { e.bare } else { 0 };
            let mentioned = e.explicit + e.bare > 0;
            let domain = if mentioned || bare_counts { e.domain } else { 0 };
            match e.explicit + bare + domain {
                0 if bare_counts && e.bonus > 0 => HINT_ALONE_SCORE,
                0 => 0,
                text => text + e.bonus,
            }
        };
        self.places.iter().map(|(&c, e)| (c, score(c, e))).collect()
    }
}

/// The places a file name or url path names, as folded tokens: longest match first, so
/// "kreis-dueren" names Kreis Düren, not the town.
fn hinted(places: &Gazetteer, tokens: &[String]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut step = 1;
        for n in (1..=4.min(tokens.len() - i)).rev() {
            if let Some(candidates) = places.folded.get(&tokens[i..i + n].join("-")) {
                found.extend(candidates.iter().map(|&c| (c, i)));
                step = n;
                break;
            }
        }
        i += step;
    }
    found
}

/// The folded words of a path: "012_dueren-magazin.txt" → ["012", "dueren", "magazin", "txt"].
fn tokens_of(path: &str) -> Vec<String> {
    fold(path).split('-').filter(|t| !t.is_empty()).map(String::from).collect()
}

/// The places whose own domain a host is: "dortmund.de", "www.kreis-mettmann.de",
/// "stadt.neuss.de" (the top-level label and "www" are skipped).
fn domain_places(places: &Gazetteer, host: &str) -> Vec<usize> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 {
        return Vec::new();
    }
    let mut found = Vec::new();
    for label in &labels[..labels.len() - 1] {
        let (want_district, core) = match label.split_once('-') {
            Some(("kreis" | "landkreis" | "lk" | "region" | "staedteregion", rest)) => (Some(true), rest),
            Some(("stadt" | "gemeinde", rest)) => (Some(false), rest),
            _ => (None, *label),
        };
        let Some(candidates) = places.folded.get(core).or_else(|| places.folded.get(*label)) else {
            continue;
        };
        let preferred: Vec<usize> = match want_district {
            Some(district) => {
                candidates.iter().copied().filter(|&c| places.is_district[c] == district).collect()
            }
            // A plain domain is the town's ("unna.de"), not the Kreis of the same name.
            None => candidates.iter().copied().filter(|&c| !places.is_district[c]).collect(),
        };
        found.extend(if preferred.is_empty() { candidates.clone() } else { preferred });
    }
    found
}

/// The hosts of the mail and web addresses in a line.
fn hosts_in(line: &str) -> Vec<&str> {
    let mut hosts = Vec::new();
    for word in line.split(|c: char| c.is_whitespace() || "<>()[]{},;\"'".contains(c)) {
        let host = if let Some((_, domain)) = word.split_once('@') {
            domain
        } else if let Some(rest) =
            word.split_once("://").map(|(_, r)| r).or_else(|| word.strip_prefix("www.").map(|_| word))
        {
            rest.split('/').next().unwrap_or("")
        } else {
            continue;
        };
        let host = host.trim_end_matches(['.', ':']);
        if host.contains('.') {
            hosts.push(host);
        }
    }
    hosts
}

/// Whether a mention starting at `start` belongs to a third party: one of
/// [`THIRD_PARTY_MARKERS`] shortly before it in the same sentence ("Städte- und Gemeindebund
/// NRW in Düsseldorf", "Ministerium … des Landes NRW, Düsseldorf").
fn is_third_party(line: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(THIRD_PARTY_REACH);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    let before = &line[from..start];
    let sentence = before.rfind(". ").map_or(before, |i| &before[i + 2..]);
    // One search for all markers: this runs for most mentions of a build.
    static MARKERS: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(THIRD_PARTY_MARKERS).expect("valid literals"));
    MARKERS.is_match(sentence)
}

/// Whether a bare mention is in capitals of a place whose bare name needs a cue: in running
/// text that is an acronym ("HAGE", "LAGE"), not the small town of that name.
fn is_acronym_like(places: &Gazetteer, hit: &Hit, line: &str) -> bool {
    let text = &line[hit.start..hit.end];
    hit.weight < mentions::EXPLICIT_WEIGHT
        && !places.bare_counts.get(hit.candidate).copied().unwrap_or(false)
        && text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// Whether a mention follows an office of the place: "Bürgermeisterin von Wülfrath",
/// "Landrat von Wesel" (the genitive forms "der Stadt X", "des Kreises X" are explicit anyway).
fn after_office(before: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix(" von").or_else(|| before.trim_end().strip_suffix(" in"))
    else {
        return false;
    };
    let office = rest.rsplit(char::is_whitespace).next().unwrap_or("");
    OFFICES.iter().any(|o| office.ends_with(o))
}

/// Offices whose holder is named with the place: "Bürgermeister von X".
const OFFICES: [&str; 6] =
    ["bürgermeister", "bürgermeisterin", "Bürgermeister", "Bürgermeisterin", "Landrat", "Landrätin"];

/// Whether the text before a mention is a postal code: "40474 Düsseldorf".
fn after_postal_code(before: &str) -> bool {
    let before = before.trim_end();
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    digits == 5
        && before.len() > digits - 1
        && !before[..before.len() - 5].ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// Where a dateline ends, when a mention at the start of a line is one: "VELBERT. Die Stadt",
/// "Werne (Kreis Unna) – Die", "Dortmund, 3. Mai 2017", "Köln / Bonn –" is none.
fn dateline_end(line: &str, start: usize, end: usize) -> Option<usize> {
    if !line[..start].trim().is_empty() {
        return None;
    }
    let mut rest = &line[end..];
    if let Some(inner) = rest.strip_prefix(" (") {
        let close = inner.find(')')?;
        rest = &inner[close + 1..];
    }
    let tail = rest.trim_start();
    let consumed = line.len() - tail.len();
    let mention = &line[start..end];
    let all_caps = mention.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if tail.starts_with(['–', '—']) || tail.starts_with("- ") {
        return Some(consumed);
    }
    if let Some(after) = tail.strip_prefix(',') {
        let after = after.trim_start();
        let after = after.strip_prefix("den ").unwrap_or(after);
        return after.starts_with(|c: char| c.is_ascii_digit()).then_some(consumed);
    }
    (tail.starts_with('.') && all_caps && mention.chars().count() > 2).then_some(consumed)
}

/// The highest score with its candidate (the first one on a tie) and the next highest score
/// (equal to the first on a tie); `None` without candidates.
fn leader(scores: &[(usize, u32)]) -> Option<(u32, usize, u32)> {
    let (mut candidate, mut best) = *scores.first()?;
    let mut second = 0;
    for &(index, score) in scores.iter().skip(1) {
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
                let explicit = hits.drain(..).filter(|hit| hit.weight >= mentions::EXPLICIT_WEIGHT);
                discovered_hits.extend(explicit.map(|hit| (number, hit)));
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

    fn evidence(&self, page: &Page) -> Evidence {
        let mut evidence = Evidence::default();
        let mut found = Vec::new();
        // Per line: each candidate's strongest mention there, and whether it is a cue.
        let mut strongest: Vec<(usize, u32, bool)> = Vec::new();
        let mut domains: Vec<usize> = Vec::new();
        let mut discovered = self.discovered_hits.iter().peekable();
        for (index, line) in page.lines.iter().enumerate() {
            let factor = match index {
                0 => TITLE_FACTOR,
                i if i < HEAD_RANGE => HEAD_FACTOR,
                _ => 1,
            };
            strongest.clear();
            domains.clear();
            let mut note = |candidate: usize, weight: u32, cue: bool| match strongest
                .iter_mut()
                .find(|(c, _, _)| *c == candidate)
            {
                Some(entry) if (weight, cue) > (entry.1, entry.2) => (entry.1, entry.2) = (weight, cue),
                Some(_) => {}
                None => strongest.push((candidate, weight, cue)),
            };
            if line.contains('@') || line.contains("www.") || line.contains("://") {
                for host in hosts_in(line) {
                    for candidate in domain_places(self.places, host) {
                        domains.push(candidate);
                    }
                }
            }
            found.clear();
            self.places.forms.scan(line, &mut found);
            while let Some((_, hit)) = discovered.next_if(|(number, _)| *number == index) {
                found.push(hit.clone());
            }
            if !found.is_empty() {
                mentions::resolve(&mut found);
                // A dateline's qualifier ("Werne (Kreis Unna) –") names no place of its own.
                let mut qualifier_end = 0;
                for hit in &found {
                    if hit.start < qualifier_end || after_postal_code(&line[..hit.start]) {
                        continue;
                    }
                    if let Some(end) = dateline_end(line, hit.start, hit.end) {
                        qualifier_end = end;
                        note(hit.candidate, DATELINE_WEIGHT, true);
                    } else if is_acronym_like(self.places, hit, line) {
                        // "HAGE" is an association's acronym; "VELBERT." was a dateline above.
                    } else if !is_third_party(line, hit.start) {
                        let cue = hit.weight >= mentions::EXPLICIT_WEIGHT || after_office(&line[..hit.start]);
                        note(
                            hit.candidate,
                            hit.weight.max(if cue { mentions::EXPLICIT_WEIGHT } else { 0 }),
                            cue,
                        );
                    }
                }
            }
            domains.sort_unstable();
            domains.dedup();
            for &candidate in &domains {
                let place = evidence.of(candidate);
                place.cued = true;
                place.domain += DOMAIN_WEIGHT * factor;
            }
            // A list of places ("darunter Köln, Bochum und der Kreis Unna") names each in passing.
            let listing = strongest.len() >= LIST_SIZE;
            for &(candidate, weight, cue) in &strongest {
                let (weight, cue) =
                    if listing { (weight.min(mentions::BARE_WEIGHT), false) } else { (weight, cue) };
                if cue {
                    let place = evidence.of(candidate);
                    place.cued = true;
                    place.explicit += weight * factor;
                } else {
                    evidence.of(candidate).bare += weight * factor;
                }
            }
        }
        evidence
    }
}

/// The forms of a place discovered in the text.
fn discovered_forms(candidate: usize, name: &str, claimed: &HashSet<String>) -> Vec<Form> {
    // The bare name of an unknown town counts only in its explicit forms ("Stadt X", see
    // `Candidates::new`): a capitalised word after "Stadt" may be any noun ("die Stadt Ziele
    // definiert").
    mentions::forms_of(candidate, name, !is_explicit(name), claimed)
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

#[cfg(test)]
mod tests {
    use super::super::gazetteer::KnownMunicipality;
    use super::*;

    /// A place of the curated overlay (whose bare names count, see `gazetteer`).
    fn place(name: &str, authority: &str, aliases: &[&str]) -> KnownMunicipality {
        KnownMunicipality { curated: true, ..KnownMunicipality::new(name, authority, aliases) }
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
            ("Aachener Straße 2\n41061 Mönchengladbach\nDie Stadt Mönchengladbach hilft.", "a.txt", Some("Mönchengladbach")),
            ("Gesundes Essen für Kinder\nDas gemeinsame Essen in der Kita. Gutes Essen hilft.", "a.txt", None),
            // Lists of many places: nobody leads.
            ("Modellkommunen\nKrefeld\nMönchengladbach\nKreis Düren\nKreis Lippe", "a.txt", None),
            ("", "a.txt", None),
        ];
        let known = gazetteer();
        for (text, path, expected) in cases {
            let got = detect(&Page::new(text), path, None, &known);
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

    /// Hand-made German snippets (not from any evaluation set) against the shipped gazetteer
    /// of Germany: (text, file name, url, municipality, district).
    #[test]
    #[rustfmt::skip]
    fn weighs_evidence_with_the_gazetteer_of_germany() {
        let config = crate::config::ConfigFiles::bundled().load().expect("bundled config");
        let places = &config.municipalities;
        let cases: &[(&str, &str, Option<&str>, Option<&str>, Option<&str>)] = &[
            ("VELBERT. Die Stadt baut ihre Präventionskette aus. Ab Herbst besuchen Familienhebammen alle Neugeborenen in Velbert.", "a.txt", None, Some("Velbert"), Some("Kreis Mettmann")),
            ("Werne (Kreis Unna) – Das Familienbüro öffnet im Mai. Werne setzt auf frühe Hilfen.", "a.txt", None, Some("Werne"), Some("Kreis Unna")),
            ("Dortmund, 3. Mai 2017 – Rund 200 Fachkräfte trafen sich zur Fachtagung Frühe Hilfen.\nDie Tagung zeigte, wie Netzwerke wirken.", "a.txt", None, Some("Dortmund"), None),
            ("Fachtag Frühe Hilfen\nDer Landrat des Kreises Recklinghausen eröffnete den Fachtag. Im Kreis Recklinghausen gibt es zehn Netzwerke.", "a.txt", None, Some("Kreis Recklinghausen"), None),
            ("Neues Familienbüro\nDas Familienbüro in Ahlen berät Eltern. Ahlen baut damit seine Präventionskette aus.", "ahlen-familienbuero.txt", None, Some("Ahlen"), Some("Kreis Warendorf")),
            ("Frühe Hilfen vor Ort\nDie Beratung in Wülfrath findet im Rathaus statt.\nKontakt: jugendamt@wuelfrath.de", "a.txt", None, Some("Wülfrath"), Some("Kreis Mettmann")),
            ("Frühe Hilfen vor Ort\nDie Beratung findet im Rathaus statt.", "a.txt", Some("https://www.kreis-mettmann.de/Familie/Fruehe-Hilfen/"), Some("Kreis Mettmann"), None),
            ("Die Stadt Burgdorf eröffnet ein Familienzentrum.\nIn Burgdorf wachsen viele Kinder auf.", "a.txt", None, Some("Burgdorf"), Some("Region Hannover")),
            ("Ludwigshafen baut Präventionskette aus\nDie Stadt Ludwigshafen stellt ihr Konzept vor.", "a.txt", None, Some("Ludwigshafen am Rhein"), None),
            ("Familienzentren in der Hansestadt\nDie Hansestadt Lübeck eröffnet zwei Familienzentren.", "a.txt", None, Some("Lübeck"), None),
            ("Fachtag in Offenburg\nDer Ortenaukreis lädt ein. Im Ortenaukreis arbeiten 30 Netzwerke.", "a.txt", None, Some("Ortenaukreis"), None),
            ("Präventionskette in Blomberg\nDie Stadt Blomberg lädt ein.\nDer Kreis Lippe unterstützt das Projekt.\nDie Stadt Blomberg plant ein Familienzentrum.", "a.txt", None, Some("Blomberg (Kreis Lippe)"), Some("Kreis Lippe")),
            ("Neues Familienzentrum\nDie Bürgermeisterin von Wülfrath eröffnete das Haus. Wülfrath hat nun drei Zentren.", "a.txt", None, Some("Wülfrath"), Some("Kreis Mettmann")),
            // A Gemeinde and its own Kreis: the one named more leads.
            ("Frühe Hilfen in Velbert\nDie Stadt Velbert und der Kreis Mettmann starten ein Netzwerk.\nIn Velbert beraten Familienhebammen.\nDer Kreis Mettmann zahlt.", "a.txt", None, Some("Velbert"), Some("Kreis Mettmann")),
            ("Familienhebammen\nDie Region Hannover baut ihr Angebot aus.", "a.txt", None, Some("Region Hannover"), None),
            // A Städte- und Gemeindebund paper: its postal address names no subject.
            ("Positionspapier: Prävention verlässlich fördern\nDie Kommunen brauchen eine dauerhafte Förderung ihrer Präventionsketten.\nStädte- und Gemeindebund Nordrhein-Westfalen\nKaiserswerther Straße 199-201\n40474 Düsseldorf", "a.txt", None, None, None),
            // A Land-level text names many places in passing: no municipality.
            ("Landesprogramm kinderstark startet\nDas Ministerium für Kinder, Jugend und Familie des Landes Nordrhein-Westfalen fördert Kommunen in ganz NRW, darunter Köln, Bochum, Dortmund und den Kreis Unna.", "a.txt", None, None, None),
            // Gemeinde names that are ordinary words need a cue.
            ("Die Lage der Familien ist schwierig\nWir senden Ihnen gern Material. Die HAGE berät Kommunen in Hessen.", "a.txt", None, None, None),
            ("Gutes Essen in der Kita\nEssen und Trinken halten Leib und Seele zusammen.", "a.txt", None, None, None),
        ];
        for &(text, file, url, municipality, district) in cases {
            let meta = super::super::extract_with_url(text, file, url, places);
            assert_eq!(meta.municipality.as_deref(), municipality, "municipality of {text:?}");
            assert_eq!(meta.district.as_deref(), district, "district of {text:?}");
        }
        assert_eq!(places.district_of("Velbert"), Some("Kreis Mettmann"));
        assert_eq!(places.district_of("Köln"), None);
    }

    /// Municipality accuracy on the development set (`../shared/eval/dev`, when present), with
    /// and without the manifest's url: a floor against regressions, not a fit.
    #[test]
    fn dev_set_accuracy() {
        let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
        let Ok(manifest) = std::fs::read_to_string(dev.join("manifest.tsv")) else {
            return;
        };
        let config = crate::config::ConfigFiles::bundled().load().expect("bundled config");
        let (mut right, mut right_with_url, mut total) = (0, 0, 0);
        for row in manifest.lines().skip(1) {
            let columns: Vec<&str> = row.split('\t').collect();
            let [file, url, want, ..] = columns[..] else { continue };
            let raw = std::fs::read_to_string(dev.join("corpus").join(file)).expect("dev file");
            let text = config.boilerplate.clean(&raw);
            let want = Some(want).filter(|w| *w != "-");
            let got = super::super::extract(&text, file, &config.municipalities).municipality;
            let got_with_url =
                super::super::extract_with_url(&text, file, Some(url), &config.municipalities).municipality;
            right += usize::from(got.as_deref() == want);
            right_with_url += usize::from(got_with_url.as_deref() == want);
            if got_with_url.as_deref() != want {
                eprintln!("miss {file}: {got_with_url:?} want {want:?}");
            }
            total += 1;
        }
        eprintln!("dev municipality: {right}/{total}, with url {right_with_url}/{total}");
        assert!(right * 100 >= total * 90, "municipality {right}/{total}");
        assert!(right_with_url * 100 >= total * 95, "municipality with url {right_with_url}/{total}");
    }
}
