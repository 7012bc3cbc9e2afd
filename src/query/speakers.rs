//! The people quoted in an index: one speaker per person, whatever form of the name a text uses.
//!
//! Texts name a person in full once and shortly afterwards (`Hannelore Kraft`, then `Kraft`;
//! `Dr. Brigitte Mohn` and `Brigitte Mohn`). A journalist asking who said what wants one line per
//! person, and `--speaker` should find a person by any of the forms. A shorter form belongs to a
//! longer one when it has the same surname (last word) and all its words are in the longer one
//! ([`is_form_of`]); it is merged when exactly one longer form fits, preferring one quoted in
//! the same municipality, so two people who share a surname stay apart.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::quotes::{find_quotes, QuoteForm, QuoteRequest};
use super::Hit;
use crate::error::Result;
use crate::index::PraevIndex;

/// One person quoted in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest form of the name.
    pub name: String,
    /// Every form the texts use, the fullest first.
    pub forms: Vec<String>,
    /// Roles as written, most frequent first.
    pub roles: Vec<String>,
    pub municipalities: Vec<String>,
    pub quotes: usize,
    /// The earliest and latest date of a quote's document (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// Every speaker of the index, most quoted first, then by name. Only direct quotes count: a
/// reported statement is the reporter's wording, and a signed text would count once per passage.
pub fn list_speakers(index: &PraevIndex) -> Result<Vec<Speaker>> {
    let direct = QuoteRequest { limit: usize::MAX, form: Some(QuoteForm::Direct), ..QuoteRequest::default() };
    let all = find_quotes(index, &direct)?;
    Ok(speakers_of(&all.hits))
}

/// The speakers of quote hits (hits without a speaker are left out).
pub fn speakers_of(hits: &[Hit]) -> Vec<Speaker> {
    // A joint quote (`Eva Irrgang; Jan Meier`) counts for each of its speakers.
    let quoted: Vec<(&str, &Hit)> = hits
        .iter()
        .flat_map(|hit| {
            hit.speaker
                .as_deref()
                .into_iter()
                .flat_map(|names| names.split("; "))
                .map(move |name| (name.trim(), hit))
        })
        .filter(|(name, _)| !name.is_empty())
        .collect();
    let canonical = canonical_names(&quoted);
    let mut people: BTreeMap<&str, Vec<(&str, &Hit)>> = BTreeMap::new();
    for (name, hit) in &quoted {
        people.entry(canonical[&(*name, hit.municipality.as_deref())]).or_default().push((name, hit));
    }
    let mut speakers: Vec<Speaker> =
        people.into_iter().map(|(name, quotes)| speaker(name, &quotes)).collect();
    speakers.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    speakers
}

/// A name form as quoted in a municipality.
type Occurrence<'a> = (&'a str, Option<&'a str>);

/// Each (name form, municipality) → the fullest form of the same person: a longer form quoted
/// in the same municipality, else one quoted anywhere; only when exactly one fits.
fn canonical_names<'a>(quoted: &[(&'a str, &'a Hit)]) -> HashMap<Occurrence<'a>, &'a str> {
    let occurrences: BTreeSet<Occurrence<'a>> =
        quoted.iter().map(|(name, hit)| (*name, hit.municipality.as_deref())).collect();
    // A longer form has the same surname: only names of one surname are compared.
    let mut by_surname: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for &(name, _) in &occurrences {
        by_surname.entry(surname(name)).or_default().insert(name);
    }
    let mut canonical = HashMap::new();
    for &(name, place) in &occurrences {
        let longer: Vec<&str> = by_surname[&surname(name)]
            .iter()
            .copied()
            .filter(|&full| full != name && is_form_of(name, full))
            .collect();
        let local: Vec<&str> =
            longer.iter().copied().filter(|full| occurrences.contains(&(*full, place))).collect();
        let full = fullest(&local).or_else(|| if local.is_empty() { fullest(&longer) } else { None });
        canonical.insert((name, place), full.unwrap_or(name));
    }
    canonical
}

/// The one candidate no other candidate extends (`Hannelore Kraft` and `Ministerpräsidentin
/// Hannelore Kraft` are one person, the fullest form), or None when several people fit.
fn fullest<'a>(candidates: &[&'a str]) -> Option<&'a str> {
    let maximal: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| !candidates.iter().any(|other| other != c && is_form_of(c, other)))
        .collect();
    (maximal.len() == 1).then(|| maximal[0])
}

/// Whether `short` is a form of the name `full`: the same surname and every word of `short` in
/// `full` (case aside, a trailing full stop of a title aside).
pub fn is_form_of(short: &str, full: &str) -> bool {
    let short_words = name_words(short);
    let full_words = name_words(full);
    match (short_words.last(), full_words.last()) {
        (Some(a), Some(b)) if a == b => short_words.iter().all(|w| full_words.contains(w)),
        _ => false,
    }
}

/// The last word of a name as [`is_form_of`] compares it (empty for no word).
fn surname(name: &str) -> String {
    name_words(name).pop().unwrap_or_default()
}

fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a quote's speaker `name` is the person asked for by `asked` (any form: the asked
/// words are all in the name, or the name is a shorter form of the asked name).
pub fn speaker_matches(asked: &str, name: &str) -> bool {
    let asked_words = name_words(asked);
    !asked_words.is_empty()
        && name.split("; ").any(|one| {
            let words = name_words(one);
            asked_words.iter().all(|w| words.contains(w)) || is_form_of(one, asked)
        })
}

fn speaker(name: &str, quotes: &[(&str, &Hit)]) -> Speaker {
    let mut forms: Vec<String> =
        quotes.iter().map(|(form, _)| form.to_string()).collect::<BTreeSet<_>>().into_iter().collect();
    forms.sort_by_key(|form| (std::cmp::Reverse(form.len()), form.clone()));
    let mut role_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, hit) in quotes {
        if let Some(role) = hit.role.as_deref() {
            *role_counts.entry(role).or_default() += 1;
        }
    }
    let mut roles: Vec<(&str, usize)> = role_counts.into_iter().collect();
    roles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let municipalities: BTreeSet<&str> =
        quotes.iter().filter_map(|(_, hit)| hit.municipality.as_deref()).collect();
    let dates: BTreeSet<&str> = quotes.iter().filter_map(|(_, hit)| hit.date.as_deref()).collect();
    Speaker {
        name: name.to_string(),
        forms,
        roles: roles.into_iter().map(|(role, _)| role.to_string()).collect(),
        municipalities: municipalities.into_iter().map(String::from).collect(),
        quotes: quotes.len(),
        first_date: dates.first().map(|d| d.to_string()),
        last_date: dates.last().map(|d| d.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(speaker: &str, role: Option<&str>, municipality: Option<&str>, date: Option<&str>) -> Hit {
        Hit {
            file: "a.txt".into(),
            passage: 0,
            municipality: municipality.map(String::from),
            kind: "quote".into(),
            section: None,
            date: date.map(String::from),
            text: String::new(),
            highlights: Vec::new(),
            score: 1.0,
            speaker: Some(speaker.into()),
            role: role.map(String::from),
            title: None,
            url: None,
            district: None,
            quote: None,
            truncated: false,
            reported: false,
            page: None,
        }
    }

    #[test]
    fn forms_of_a_name_are_one_speaker_and_namesakes_stay_apart() {
        let hits = [
            hit("Hannelore Kraft", Some("Ministerpräsidentin"), Some("Kreis Düren"), Some("2015-06")),
            hit("Kraft", None, Some("Kreis Düren"), Some("2016")),
            hit("Dr. Brigitte Mohn", Some("Vorstandsvorsitzende"), Some("Gelsenkirchen"), None),
            hit("Brigitte Mohn", None, Some("Gelsenkirchen"), Some("2014-03-12")),
            // Two people called Meyer in two places; the short form in a third place is ambiguous.
            hit("Frank Meyer", Some("Oberbürgermeister"), Some("Krefeld"), None),
            hit("Anna Meyer", Some("Koordinatorin"), Some("Kreis Lippe"), None),
            hit("Meyer", None, Some("Krefeld"), None),
            hit("Meyer", None, Some("Wuppertal"), None),
            // A joint quote counts for both.
            hit("Anna Meyer; Dr. Brigitte Mohn", None, Some("Kreis Lippe"), None),
        ];
        let speakers = speakers_of(&hits);
        let summary: Vec<(&str, usize, Option<&str>, Option<&str>)> = speakers
            .iter()
            .map(|s| (s.name.as_str(), s.quotes, s.first_date.as_deref(), s.last_date.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                ("Dr. Brigitte Mohn", 3, Some("2014-03-12"), Some("2014-03-12")),
                ("Anna Meyer", 2, None, None),
                ("Frank Meyer", 2, None, None), // with the Krefeld `Meyer`
                ("Hannelore Kraft", 2, Some("2015-06"), Some("2016")),
                ("Meyer", 1, None, None), // Wuppertal's: two Meyers fit, none quoted there
            ]
        );
        let kraft = &speakers[3];
        assert_eq!(kraft.forms, ["Hannelore Kraft", "Kraft"]);
        assert_eq!(kraft.roles, ["Ministerpräsidentin"]);
    }

    #[test]
    fn any_form_of_a_name_finds_the_speaker() {
        let cases = [
            ("Kraft", "Hannelore Kraft", true),
            ("Hannelore Kraft", "Kraft", true),
            ("Hannelore Kraft", "Dr. Hannelore Kraft", true),
            ("Brigitte Mohn", "Dr. Brigitte Mohn", true),
            ("dr. mohn", "Dr. Brigitte Mohn", true),
            ("Hannelore Kraft", "Michael Kraft", false),
            ("Kraft", "Kraftmann", false),
            ("Jan Meier", "Eva Irrgang; Jan Meier", true),
            ("Irrgang", "Eva Irrgang; Jan Meier", true),
        ];
        for (asked, name, expected) in cases {
            assert_eq!(speaker_matches(asked, name), expected, "{asked} ~ {name}");
        }
    }
}
