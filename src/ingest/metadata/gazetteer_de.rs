//! The generated gazetteer of Germany (`index-config/gazetteer-de.tsv`, built by
//! `tools/gazetteer/build.py` from open data) and its merge with the hand-curated overlay
//! (`index-config/municipalities.tsv`).
//!
//! The generated file lists every Land, Regierungsbezirk, Kreis, kreisfreie Stadt and Gemeinde
//! with its official key (AGS); Gemeinden name their Kreis, Kreise their population. Lands and
//! Regierungsbezirke are validated but are no municipalities: a text about a Land gets none.
//! The overlay adds aliases and corrections: a row with a generated place's name adds its
//! aliases and sets its authority; any other row adds a place.

use std::collections::HashMap;

use super::gazetteer::{KnownMunicipality, AUTHORITIES};
use crate::error::LineError;

const HEADER: [&str; 7] = ["ags", "level", "name", "authority", "official", "district", "population"];
const LEVELS: [&str; 4] = ["land", "bezirk", "kreis", "gemeinde"];
/// Authorities of the levels that are no municipality.
const REGION_AUTHORITIES: [&str; 2] = ["Land", "Regierungsbezirk"];

/// Parses the generated TSV into the places a text can be about (Kreise, kreisfreie Städte,
/// Gemeinden); errors carry the 1-based line.
pub fn parse_places(tsv_text: &str) -> Result<Vec<KnownMunicipality>, LineError> {
    let mut places = Vec::new();
    let mut regions: Vec<String> = Vec::new();
    let mut header_seen = false;
    for (index, raw) in tsv_text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            header_seen = true;
            if columns != HEADER {
                return Err(LineError::new(
                    number,
                    format!("expected the header line `{}`", HEADER.join("<TAB>")),
                ));
            }
            continue;
        }
        match parse_row(&columns, number)? {
            Row::Place(place) => places.push(place),
            Row::Region(name) => regions.push(name),
        }
    }
    // "Brandenburg" is the Land, not Brandenburg an der Havel.
    for place in &mut places {
        place.aliases.retain(|a| !regions.contains(a));
    }
    Ok(places)
}

/// A row of the generated file: a place a text can be about, or a Land or Regierungsbezirk
/// (by the name texts use: "Brandenburg", "Oberbayern").
enum Row {
    Place(KnownMunicipality),
    Region(String),
}

fn parse_row(columns: &[&str], number: usize) -> Result<Row, LineError> {
    if columns.len() != HEADER.len() {
        return Err(LineError::new(
            number,
            format!("expected {} columns, found {}", HEADER.len(), columns.len()),
        ));
    }
    let [ags, level, name, authority, _official, district, population] = columns else {
        unreachable!("length checked above")
    };
    if ags.is_empty() || !ags.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LineError::new(number, format!("the AGS `{ags}` is not a number")));
    }
    if !LEVELS.contains(level) {
        return Err(LineError::new(
            number,
            format!("unknown level `{level}` (expected one of: {})", LEVELS.join(", ")),
        ));
    }
    if name.is_empty() {
        return Err(LineError::new(number, "empty name"));
    }
    if REGION_AUTHORITIES.contains(authority) {
        return Ok(Row::Region(name.strip_prefix("Regierungsbezirk ").unwrap_or(name).to_string()));
    }
    if !AUTHORITIES.contains(authority) {
        return Err(LineError::new(number, format!("unknown authority `{authority}`")));
    }
    let population = match *population {
        "" => None,
        digits => Some(
            digits
                .parse::<u64>()
                .map_err(|_| LineError::new(number, format!("the population `{digits}` is not a number")))?,
        ),
    };
    let mut place = KnownMunicipality::new(name, authority, &[]);
    place.district = Some(district.to_string()).filter(|d| !d.is_empty());
    place.population = population;
    place.generated = true;
    place.aliases.extend(short_name(name).map(String::from));
    Ok(Row::Place(place))
}

/// The name as texts often shorten it: "Blomberg (Kreis Lippe)" → "Blomberg", "Ludwigshafen
/// am Rhein" → "Ludwigshafen", "Mülheim an der Ruhr" → "Mülheim".
fn short_name(name: &str) -> Option<&str> {
    [" (", " am ", " an der ", " im ", " in ", " ob der "]
        .iter()
        .find_map(|separator| name.split_once(separator))
        .map(|(short, _)| short)
        .filter(|short| !short.is_empty())
}

/// The generated places with the overlay applied (see the module doc), generated ones first.
pub fn merge(generated: Vec<KnownMunicipality>, overlay: Vec<KnownMunicipality>) -> Vec<KnownMunicipality> {
    let mut places = generated;
    let position: HashMap<String, usize> =
        places.iter().enumerate().map(|(i, p)| (p.name.clone(), i)).collect();
    for row in overlay {
        match position.get(&row.name) {
            Some(&i) => {
                let place = &mut places[i];
                place.authority = row.authority;
                place.curated = true;
                for alias in row.aliases {
                    if !place.aliases.contains(&alias) {
                        place.aliases.push(alias);
                    }
                }
            }
            None => places.push(KnownMunicipality { curated: true, ..row }),
        }
    }
    // Short aliases ("Blomberg") shared by several places name none of them.
    let mut uses: HashMap<String, usize> = HashMap::new();
    for place in &places {
        *uses.entry(place.name.clone()).or_default() += 1;
        for alias in &place.aliases {
            *uses.entry(alias.clone()).or_default() += 1;
        }
    }
    // … unless one of them is clearly the largest ("Frankfurt" is Frankfurt am Main, not
    // Frankfurt (Oder)).
    let mut largest: HashMap<String, (u64, usize)> = HashMap::new();
    for (index, place) in places.iter().enumerate() {
        for alias in place.aliases.iter().filter(|a| uses[*a] > 1) {
            let population = place.population.unwrap_or(0);
            let entry = largest.entry(alias.clone()).or_insert((0, usize::MAX));
            if population > entry.0 {
                *entry = (population, index);
            }
        }
    }
    for (index, place) in places.iter_mut().enumerate() {
        place.aliases.retain(|a| uses[a] == 1 || largest.get(a).is_some_and(|&(_, i)| i == index));
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "ags\tlevel\tname\tauthority\tofficial\tdistrict\tpopulation\n";

    #[test]
    fn parses_and_merges() {
        let tsv = format!(
            "# generated\n{HEAD}05\tland\tNordrhein-Westfalen\tLand\tNordrhein-Westfalen\t\t\n05158\tkreis\tKreis Mettmann\tKreis\tMettmann\t\t485684\n05158032\tgemeinde\tVelbert\tStadt\tVelbert\tKreis Mettmann\t\n05766016\tgemeinde\tBlomberg (Kreis Lippe)\tGemeinde\tBlomberg\tKreis Lippe\t\n03462001\tgemeinde\tBlomberg (Landkreis Wittmund)\tGemeinde\tBlomberg\tLandkreis Wittmund\t\n"
        );
        let generated = parse_places(&tsv).expect("valid");
        assert_eq!(generated.len(), 4, "the Land is no municipality");
        assert_eq!(generated[0].population, Some(485_684));
        assert_eq!(generated[1].district.as_deref(), Some("Kreis Mettmann"));
        let overlay = vec![
            KnownMunicipality::new("Velbert", "Stadt", &["Velberter"]),
            KnownMunicipality::new("Monheim am Rhein", "Stadt", &["Monheim"]),
        ];
        let places = merge(generated, overlay);
        assert_eq!(places.len(), 5);
        assert_eq!(places[1].aliases, ["Velberter"]);
        assert!(places[1].curated && places[1].generated);
        assert!(places[2].aliases.is_empty(), "a shared short name is nobody's alias");
        assert_eq!(places[4].name, "Monheim am Rhein");
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("ags\tname\n", 1, "header"),
            (&*format!("{HEAD}05x\tkreis\tA\tKreis\tA\t\t\n"), 2, "AGS"),
            (&*format!("{HEAD}05\tstaat\tA\tKreis\tA\t\t\n"), 2, "unknown level"),
            (&*format!("{HEAD}05\tkreis\tA\tKreis\tA\t\tviele\n"), 2, "population"),
            (&*format!("{HEAD}05\tkreis\tA\tKreis\n"), 2, "columns"),
        ];
        for (tsv, line, message) in cases {
            let err = parse_places(tsv).expect_err(tsv);
            assert_eq!(err.line, line, "{tsv:?}");
            assert!(err.message.contains(message), "{:?} for {tsv:?}", err.message);
        }
    }

    #[test]
    fn the_shipped_data_covers_germany() {
        let tsv = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/index-config/gazetteer-de.tsv"));
        let places = parse_places(tsv).expect("index-config/gazetteer-de.tsv is valid");
        assert!(places.len() > 10_000, "every Gemeinde: {}", places.len());
        let district = |name: &str| places.iter().find(|p| p.name == name).and_then(|p| p.district.clone());
        assert_eq!(district("Velbert").as_deref(), Some("Kreis Mettmann"));
        assert_eq!(district("Werne").as_deref(), Some("Kreis Unna"));
        assert_eq!(district("Burgdorf").as_deref(), Some("Region Hannover"));
        assert_eq!(district("Köln"), None, "a kreisfreie Stadt is its own Kreis");
        for name in
            ["Ortenaukreis", "Ludwigshafen am Rhein", "Pforzheim", "Berlin", "Landkreis Ostprignitz-Ruppin"]
        {
            assert!(places.iter().any(|p| p.name == name), "{name} missing");
        }
    }
}
