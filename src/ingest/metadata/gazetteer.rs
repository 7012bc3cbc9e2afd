//! The gazetteer: the places municipality detection knows by name, read from
//! `index-config/municipalities.tsv`, and [`Gazetteer`], those places prepared once for
//! matching against every document.
//!
//! The file is data, not code, so that places can be added without touching the detector: a
//! header `name<TAB>authority<TAB>aliases`, then one place per line, aliases separated by `|`.
//! Errors name the line; the config loader adds the file name.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::form_index::FormIndex;
use super::mentions;
use crate::error::LineError;

/// One place of the gazetteer (`index-config/municipalities.tsv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownMunicipality {
    /// Canonical name, as reported in [`super::DocumentMeta::municipality`].
    pub name: String,
    /// One of [`AUTHORITIES`].
    pub authority: String,
    /// Other spellings and derived forms that mean this place ("Krefelder", "MG").
    pub aliases: Vec<String>,
}

impl KnownMunicipality {
    pub fn new(name: &str, authority: &str, aliases: &[&str]) -> KnownMunicipality {
        KnownMunicipality {
            name: name.to_string(),
            authority: authority.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }
}

/// The authority kinds the gazetteer accepts.
pub const AUTHORITIES: [&str; 6] =
    ["Kreis", "Landkreis", "kreisfreie Stadt", "Stadt", "Gemeinde", "Städteregion"];

const HEADER: [&str; 3] = ["name", "authority", "aliases"];

/// The known places, prepared once for all documents: their surface forms in one automaton
/// (see `form_index`), the names that keep other forms from shadowing them, and the spellings
/// a name line may consist of. Build it with [`Gazetteer::new`] from [`parse_municipalities`].
#[derive(Clone)]
pub struct Gazetteer {
    /// Canonical names; a place's index here is its candidate number in `forms`.
    pub(super) names: Vec<String>,
    /// Every name and alias, to keep bare and discovered forms from shadowing known places.
    pub(super) claimed: HashSet<String>,
    pub(super) forms: FormIndex,
    /// Every name and alias in ASCII lower case, for [`Gazetteer::is_known_spelling`].
    spellings: HashSet<String>,
}

impl Gazetteer {
    /// Prepares the places for matching; building the automaton takes some milliseconds, so
    /// this is done once per configuration, not per document.
    pub fn new(known: &[KnownMunicipality]) -> Gazetteer {
        let all_spellings = || known.iter().flat_map(|k| std::iter::once(&k.name).chain(&k.aliases));
        let claimed: HashSet<String> = all_spellings().cloned().collect();
        let mut forms = Vec::new();
        for (candidate, place) in known.iter().enumerate() {
            let city = matches!(place.authority.as_str(), "kreisfreie Stadt" | "Stadt" | "Gemeinde");
            for spelling in std::iter::once(&place.name).chain(&place.aliases) {
                forms.extend(mentions::forms_of(candidate, spelling, city, &claimed));
            }
        }
        Gazetteer {
            names: known.iter().map(|k| k.name.clone()).collect(),
            claimed,
            forms: FormIndex::new(forms),
            spellings: all_spellings().map(|s| s.to_ascii_lowercase()).collect(),
        }
    }

    /// Whether `text` is a known name or alias, ignoring ASCII case.
    pub(super) fn is_known_spelling(&self, text: &str) -> bool {
        self.spellings.contains(&text.to_ascii_lowercase())
    }
}

impl fmt::Debug for Gazetteer {
    /// A summary: the automaton itself is large and says nothing to a reader.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.names.len())
            .field("forms", &self.forms.len())
            .finish()
    }
}

/// Parses the gazetteer TSV: a header `name<TAB>authority<TAB>aliases`, then one place per
/// line; aliases are separated by `|` and may be empty; blank lines and `#` comments are
/// skipped. Errors carry the 1-based line number.
pub fn parse_municipalities(tsv_text: &str) -> Result<Vec<KnownMunicipality>, LineError> {
    let mut places: Vec<KnownMunicipality> = Vec::new();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    let mut header_seen = false;
    for (index, raw) in tsv_text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
        if !header_seen {
            header_seen = true;
            check_header(&columns, number)?;
            continue;
        }
        let place = parse_row(&columns, number)?;
        if let Some(first) = first_line_of.get(&place.name) {
            return Err(LineError::new(
                number,
                format!("`{}` is listed twice (first on line {first})", place.name),
            ));
        }
        first_line_of.insert(place.name.clone(), number);
        places.push(place);
    }
    Ok(places)
}

fn check_header(columns: &[&str], number: usize) -> Result<(), LineError> {
    let matches =
        columns.len() == HEADER.len() && columns.iter().zip(HEADER).all(|(c, h)| c.eq_ignore_ascii_case(h));
    if matches {
        Ok(())
    } else {
        Err(LineError::new(number, "expected the header line `name<TAB>authority<TAB>aliases`"))
    }
}

fn parse_row(columns: &[&str], number: usize) -> Result<KnownMunicipality, LineError> {
    // The aliases column may be left off entirely when there are none.
    if columns.len() < 2 {
        return Err(LineError::new(
            number,
            "missing column: expected name, authority and aliases separated by tabs",
        ));
    }
    if columns.len() > 3 {
        return Err(LineError::new(number, format!("expected 3 columns, found {}", columns.len())));
    }
    let (name, authority) = (columns[0], columns[1]);
    if name.is_empty() {
        return Err(LineError::new(number, "empty name"));
    }
    if !AUTHORITIES.contains(&authority) {
        return Err(LineError::new(
            number,
            format!("unknown authority `{authority}` (expected one of: {})", AUTHORITIES.join(", ")),
        ));
    }
    let aliases = columns
        .get(2)
        .map(|a| a.split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect())
        .unwrap_or_default();
    Ok(KnownMunicipality { name: name.to_string(), authority: authority.to_string(), aliases })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, authority: &str, aliases: &[&str]) -> KnownMunicipality {
        KnownMunicipality::new(name, authority, aliases)
    }

    #[test]
    fn parses_places() {
        let tsv = "# places\nname\tauthority\taliases\n\nKreis Steinfurt\tKreis\tKreises Steinfurt\r\nKrefeld\tkreisfreie Stadt\tKrefelder | KR\nPotsdam\tkreisfreie Stadt\t\nStuttgart\tStadt\n";
        let places = parse_municipalities(tsv).expect("valid gazetteer");
        assert_eq!(places.len(), 4);
        assert_eq!(places[0], place("Kreis Steinfurt", "Kreis", &["Kreises Steinfurt"]));
        assert_eq!(places[1].aliases, ["Krefelder", "KR"], "aliases are split at | and trimmed");
        assert!(places[2].aliases.is_empty(), "an empty aliases column");
        assert!(places[3].aliases.is_empty(), "a left-off aliases column");
    }

    #[test]
    fn errors_name_the_line() {
        // (TSV, expected line, part of the message)
        let cases = [
            ("Krefeld\tkreisfreie Stadt\t\n", 1, "header"),
            ("name\tauthority\taliases\nKrefeld\n", 2, "missing column"),
            ("name\tauthority\taliases\n# c\nKrefeld\tGroßstadt\t\n", 3, "unknown authority `Großstadt`"),
            ("name\tauthority\taliases\nKrefeld\tStadt\ta\tb\n", 2, "expected 3 columns"),
            ("name\tauthority\taliases\n\tStadt\t\n", 2, "empty name"),
            ("name\tauthority\taliases\nKrefeld\tStadt\t\nKrefeld\tStadt\t\n", 3, "first on line 2"),
        ];
        for (tsv, line, message) in cases {
            let err = parse_municipalities(tsv).expect_err(tsv);
            assert_eq!(err.line, line, "error line for {tsv:?}");
            assert!(err.message.contains(message), "message {:?} for {tsv:?}", err.message);
        }
    }

    #[test]
    fn the_shipped_gazetteer_is_complete_for_nrw() {
        let tsv = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/index-config/municipalities.tsv"));
        let places = parse_municipalities(tsv).expect("index-config/municipalities.tsv is valid");
        let kreise = places.iter().filter(|p| p.authority == "Kreis").count();
        assert_eq!(kreise, 30, "the 30 NRW Kreise (only NRW rows use the authority Kreis)");
        let nrw_cities = [
            "Bielefeld",
            "Bochum",
            "Bonn",
            "Bottrop",
            "Dortmund",
            "Duisburg",
            "Düsseldorf",
            "Essen",
            "Gelsenkirchen",
            "Hagen",
            "Hamm",
            "Herne",
            "Köln",
            "Krefeld",
            "Leverkusen",
            "Mönchengladbach",
            "Mülheim an der Ruhr",
            "Münster",
            "Oberhausen",
            "Remscheid",
            "Solingen",
            "Wuppertal",
        ];
        for city in nrw_cities {
            let found = places.iter().find(|p| p.name == city);
            assert_eq!(found.map(|p| p.authority.as_str()), Some("kreisfreie Stadt"), "{city}");
        }
        for name in ["Städteregion Aachen", "Landkreis Ostprignitz-Ruppin", "Stuttgart", "Potsdam"] {
            assert!(places.iter().any(|p| p.name == name), "{name} missing from the gazetteer");
        }
    }
}
