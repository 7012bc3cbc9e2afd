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
    /// The Kreis a Gemeinde belongs to ("Kreis Mettmann" for Velbert; generated data only).
    #[serde(default)]
    pub district: Option<String>,
    /// Inhabitants, where the generated data gives them (Kreise and kreisfreie Städte).
    #[serde(default)]
    pub population: Option<u64>,
    /// From the generated gazetteer of Germany (`gazetteer-de.tsv`).
    #[serde(default)]
    pub generated: bool,
    /// Listed in the hand-curated overlay (`municipalities.tsv`): a place known to matter.
    #[serde(default)]
    pub curated: bool,
}

impl KnownMunicipality {
    pub fn new(name: &str, authority: &str, aliases: &[&str]) -> KnownMunicipality {
        KnownMunicipality {
            name: name.to_string(),
            authority: authority.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            district: None,
            population: None,
            generated: false,
            curated: false,
        }
    }
}

/// The authority kinds the gazetteer accepts.
pub const AUTHORITIES: [&str; 8] = [
    "Kreis",
    "Landkreis",
    "kreisfreie Stadt",
    "Stadt",
    "Gemeinde",
    "Städteregion",
    "Region",
    "Regionalverband",
];

const HEADER: [&str; 3] = ["name", "authority", "aliases"];

/// The known places, prepared once for all documents: their surface forms in one automaton
/// (see `form_index`), the names that keep other forms from shadowing them, and the spellings
/// a name line may consist of. Build it with [`Gazetteer::new`] from [`parse_municipalities`]
/// (or from the generated data merged with it, see `gazetteer_de`).
#[derive(Clone)]
pub struct Gazetteer {
    /// Canonical names; a place's index here is its candidate number in `forms`.
    pub(super) names: Vec<String>,
    /// Every name and alias, to keep bare and discovered forms from shadowing known places.
    pub(super) claimed: HashSet<String>,
    pub(super) forms: FormIndex,
    /// Every name and alias in ASCII lower case, for [`Gazetteer::is_known_spelling`].
    spellings: HashSet<String>,
    /// Per place: the Kreis it belongs to, when it is a Gemeinde of one.
    districts: Vec<Option<String>>,
    /// Per place: whether its bare name counts without a cue (see `municipality`).
    pub(super) bare_counts: Vec<bool>,
    /// Per place: whether it is a district (Kreis, Landkreis, Region, Städteregion).
    pub(super) is_district: Vec<bool>,
    /// Folded names ("kreis-mettmann", "mettmann", "koeln") to places, for domains and file names.
    pub(super) folded: HashMap<String, Vec<usize>>,
    index_of: HashMap<String, usize>,
    /// Names several Gemeinden share ("Blomberg") to them ("Blomberg (Kreis Lippe)", …).
    pub(super) homonyms: HashMap<String, Vec<usize>>,
}

/// Kreisfreie Städte from this size on count by their bare name; smaller places need a cue.
const BARE_NAME_POPULATION: u64 = 100_000;
/// Large cities whose names are also ordinary words or names ("gutes Essen", "die Halle",
/// "Nina Hagen"): they too need a cue.
const COMMON_WORD_NAMES: [&str; 5] = ["Essen", "Hagen", "Halle", "Erlangen", "Hamm"];

impl Gazetteer {
    /// Prepares the places for matching; building the automaton takes some milliseconds, so
    /// this is done once per configuration, not per document.
    pub fn new(known: &[KnownMunicipality]) -> Gazetteer {
        let known: Vec<KnownMunicipality> = known.iter().map(with_derived_aliases).collect();
        let all_spellings = || known.iter().flat_map(|k| std::iter::once(&k.name).chain(&k.aliases));
        let claimed: HashSet<String> = all_spellings().cloned().collect();
        let mut forms = Vec::new();
        for (candidate, place) in known.iter().enumerate() {
            let city = is_city(&place.authority);
            for spelling in std::iter::once(&place.name).chain(&place.aliases) {
                forms.extend(mentions::forms_of(candidate, spelling, city, &claimed));
            }
        }
        let mut folded: HashMap<String, Vec<usize>> = HashMap::new();
        for (candidate, place) in known.iter().enumerate() {
            let mut keys = vec![fold(&place.name), fold(mentions::core_name(&place.name))];
            keys.extend(place.aliases.iter().filter(|a| !a.contains(' ')).map(|a| fold(a)));
            keys.sort();
            keys.dedup();
            for key in keys.into_iter().filter(|k| k.len() >= 3) {
                folded.entry(key).or_default().push(candidate);
            }
        }
        Gazetteer {
            names: known.iter().map(|k| k.name.clone()).collect(),
            claimed,
            forms: FormIndex::new(forms),
            spellings: all_spellings().map(|s| s.to_ascii_lowercase()).collect(),
            districts: known.iter().map(|k| k.district.clone()).collect(),
            bare_counts: known.iter().map(bare_name_counts).collect(),
            is_district: known.iter().map(|k| !is_city(&k.authority)).collect(),
            folded,
            index_of: known.iter().enumerate().map(|(i, k)| (k.name.clone(), i)).collect(),
            homonyms: homonyms(&known),
        }
    }

    /// Whether `text` is a known name or alias, ignoring ASCII case.
    pub(super) fn is_known_spelling(&self, text: &str) -> bool {
        self.spellings.contains(&text.to_ascii_lowercase())
    }

    /// The candidate number of a canonical name.
    pub(super) fn candidate(&self, name: &str) -> Option<usize> {
        self.index_of.get(name).copied()
    }

    /// The Kreis (or Region) a municipality belongs to, by its canonical name: "Kreis Mettmann"
    /// for "Velbert"; `None` for districts, kreisfreie Städte and unknown names.
    pub fn district_of(&self, municipality: &str) -> Option<&str> {
        self.districts[*self.index_of.get(municipality)?].as_deref()
    }
}

/// The places named "X (Kreis Y)" by their plain name "X", when several share it.
fn homonyms(known: &[KnownMunicipality]) -> HashMap<String, Vec<usize>> {
    let mut homonyms: HashMap<String, Vec<usize>> = HashMap::new();
    for (candidate, place) in known.iter().enumerate() {
        if let (Some(district), Some((plain, _))) = (&place.district, place.name.split_once(" (")) {
            if place.name.ends_with(&format!("({district})")) {
                homonyms.entry(plain.to_string()).or_default().push(candidate);
            }
        }
    }
    homonyms.retain(|_, places| places.len() > 1);
    homonyms
}

fn is_city(authority: &str) -> bool {
    matches!(authority, "kreisfreie Stadt" | "Stadt" | "Gemeinde")
}

/// Whether a place's bare name is evidence on its own: districts (their bare name is a form
/// only when no town claims it), places of the curated overlay, and large kreisfreie Städte
/// whose name is no ordinary word.
fn bare_name_counts(place: &KnownMunicipality) -> bool {
    if COMMON_WORD_NAMES.contains(&place.name.as_str()) {
        return false;
    }
    !is_city(&place.authority)
        || (place.curated && place.authority != "Gemeinde")
        || (place.authority == "kreisfreie Stadt"
            && place.population.is_some_and(|p| p >= BARE_NAME_POPULATION))
}

/// The place with the aliases every place of its kind has: "Landkreis X" for "Kreis X" and
/// back, the authority titles of large cities ("Landeshauptstadt Düsseldorf", "Hansestadt
/// Lübeck") and their names in ASCII transcription ("Koeln").
fn with_derived_aliases(place: &KnownMunicipality) -> KnownMunicipality {
    let mut place = place.clone();
    let mut extra = Vec::new();
    if let Some(rest) = place.name.strip_prefix("Kreis ") {
        extra.push(format!("Landkreis {rest}"));
    } else if let Some(rest) = place.name.strip_prefix("Landkreis ") {
        extra.push(format!("Kreis {rest}"));
    }
    if place.authority == "kreisfreie Stadt" {
        for title in ["Landeshauptstadt", "Hansestadt", "Universitätsstadt"] {
            extra.push(format!("{title} {}", place.name));
        }
        let ascii = transcribe(&place.name);
        if ascii != place.name {
            extra.push(ascii);
        }
    }
    for alias in extra {
        if !place.aliases.contains(&alias) {
            place.aliases.push(alias);
        }
    }
    place
}

/// Umlauts and ß spelled out: "Köln" → "Koeln".
fn transcribe(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// Lower case ASCII with umlauts spelled out and other characters as `-`, as in file names
/// and domains: "Mönchengladbach" → "moenchengladbach", "Kreis Düren" → "kreis-dueren".
pub(super) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') {
                    out.push('-')
                }
            }
        }
    }
    out.trim_matches('-').to_string()
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
    Ok(KnownMunicipality { aliases, ..KnownMunicipality::new(name, authority, &[]) })
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
