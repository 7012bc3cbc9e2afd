//! Municipality profiles: what an index knows about each municipality, from its documents'
//! metadata (figures, contact) and the gazetteer's kind of authority.
//!
//! Figures come from the documents: the year joined is the earliest any document gives, the
//! population and the children under 18 those of a profile page when there is one (the
//! programme's own figures), else of any document; the contact that of a profile page first.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::meta::DocumentRecord;
use super::PraevIndex;
use crate::error::Result;
use crate::ingest::metadata::{merge_gazetteers, parse_municipalities, parse_places_de, Contact};
use crate::ingest::DocKind;

/// One municipality of the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityProfile {
    pub name: String,
    /// `Kreis`, `kreisfreie Stadt`, `Stadt`, `Gemeinde`, `Landkreis` or `Städteregion` (from
    /// `municipalities.tsv`); None for a place the gazetteer does not know.
    pub authority: Option<String>,
    /// The Kreis it belongs to, when it is a Gemeinde of one (the one its documents name most).
    pub district: Option<String>,
    pub year_joined: Option<u16>,
    pub population: Option<u64>,
    pub children_under_18: Option<u64>,
    /// Children under 18 per inhabitant, 0 to 1.
    pub children_share: Option<f64>,
    pub documents: usize,
    pub passages: usize,
    pub quotes: usize,
    pub contact: Option<Contact>,
}

/// The columns `praev municipalities --sort` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortBy {
    Name,
    Authority,
    Joined,
    Population,
    Children,
    Share,
    Documents,
    Passages,
    Quotes,
}

/// Every municipality of the index, in name order.
pub fn profiles(index: &PraevIndex) -> Result<Vec<MunicipalityProfile>> {
    // The overlay over the gazetteer of Germany, as the build saw them: a Gemeinde known only to
    // the generated file (Velbert) gets its authority too.
    let files = &index.config_files;
    let generated = parse_places_de(files.text(crate::config::GAZETTEER_FILE)).unwrap_or_default();
    let overlay = parse_municipalities(files.text(crate::config::MUNICIPALITIES_FILE)).unwrap_or_default();
    let known: HashMap<String, String> =
        merge_gazetteers(generated, overlay).into_iter().map(|k| (k.name, k.authority)).collect();
    let authority_of = |name: &str| known.get(name).cloned();
    let mut by_name: BTreeMap<String, Vec<DocumentRecord>> = BTreeMap::new();
    for record in index.documents()? {
        if let Some(name) = record.meta.municipality.clone() {
            by_name.entry(name).or_default().push(record);
        }
    }
    Ok(by_name.into_iter().map(|(name, records)| profile(&name, authority_of(&name), &records)).collect())
}

fn profile(name: &str, authority: Option<String>, records: &[DocumentRecord]) -> MunicipalityProfile {
    // Profile pages first: their figures and contact are the programme's own.
    let mut ordered: Vec<&DocumentRecord> = records.iter().collect();
    ordered.sort_by_key(|r| r.meta.kind != DocKind::Profile);
    let population = ordered.iter().find_map(|r| r.meta.population);
    let children_under_18 = ordered.iter().find_map(|r| r.meta.children_under_18);
    MunicipalityProfile {
        name: name.to_string(),
        authority: authority.or_else(|| guess_authority(name)),
        district: most_named(records.iter().filter_map(|r| r.meta.district.as_deref())),
        year_joined: records.iter().filter_map(|r| r.meta.year_joined).min(),
        population,
        children_under_18,
        children_share: match (children_under_18, population) {
            (Some(children), Some(people)) if people > 0 => Some(children as f64 / people as f64),
            _ => None,
        },
        documents: records.len(),
        passages: records.iter().map(|r| r.passages).sum(),
        quotes: records.iter().map(|r| r.quotes).sum(),
        contact: ordered.iter().find_map(|r| r.meta.contact.clone()),
    }
}

/// The value given most often; ties go to the first in name order.
fn most_named<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for value in values {
        *counts.entry(value).or_default() += 1;
    }
    let most = counts.values().copied().max()?;
    counts.into_iter().find(|&(_, n)| n == most).map(|(value, _)| value.to_string())
}

/// The authority a name says itself (`Kreis Lippe`, `Rhein-Sieg-Kreis`, `Städteregion Aachen`).
fn guess_authority(name: &str) -> Option<String> {
    if name.starts_with("Kreis ") || name.ends_with("-Kreis") || name.ends_with("kreis") {
        Some("Kreis".into())
    } else if name.starts_with("Landkreis ") {
        Some("Landkreis".into())
    } else if name.starts_with("Städteregion ") {
        Some("Städteregion".into())
    } else {
        None
    }
}

/// Sorts `profiles` by `column`: names and authorities A–Z, figures largest first, unknown
/// values last; ties by name.
pub fn sort(profiles: &mut [MunicipalityProfile], column: SortBy) {
    let key = |p: &MunicipalityProfile| -> Option<f64> {
        match column {
            SortBy::Name | SortBy::Authority => None,
            SortBy::Joined => p.year_joined.map(f64::from),
            SortBy::Population => p.population.map(|v| v as f64),
            SortBy::Children => p.children_under_18.map(|v| v as f64),
            SortBy::Share => p.children_share,
            SortBy::Documents => Some(p.documents as f64),
            SortBy::Passages => Some(p.passages as f64),
            SortBy::Quotes => Some(p.quotes as f64),
        }
    };
    profiles.sort_by(|a, b| {
        let by_column = match column {
            SortBy::Name => std::cmp::Ordering::Equal,
            SortBy::Authority => match (&a.authority, &b.authority) {
                (Some(x), Some(y)) => x.cmp(y),
                (x, y) => y.is_some().cmp(&x.is_some()),
            },
            // The year joined: earliest first, the programme's pioneers on top.
            SortBy::Joined => match (key(a), key(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (x, y) => y.is_some().cmp(&x.is_some()),
            },
            _ => match (key(a), key(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (x, y) => y.is_some().cmp(&x.is_some()),
            },
        };
        by_column.then_with(|| a.name.cmp(&b.name))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, population: Option<u64>, year: Option<u16>) -> MunicipalityProfile {
        MunicipalityProfile {
            name: name.into(),
            authority: guess_authority(name),
            district: None,
            year_joined: year,
            population,
            children_under_18: None,
            children_share: None,
            documents: 1,
            passages: 1,
            quotes: 0,
            contact: None,
        }
    }

    #[test]
    fn figures_sort_largest_first_and_unknown_last() {
        let mut list =
            vec![named("A", Some(10), Some(2017)), named("B", None, None), named("C", Some(30), Some(2012))];
        sort(&mut list, SortBy::Population);
        assert_eq!(list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["C", "A", "B"]);
        sort(&mut list, SortBy::Joined);
        assert_eq!(list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["C", "A", "B"]);
        sort(&mut list, SortBy::Name);
        assert_eq!(list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["A", "B", "C"]);
    }

    #[test]
    fn district_is_the_one_named_most() {
        let named = ["Kreis Mettmann", "Kreis Viersen", "Kreis Mettmann"];
        assert_eq!(most_named(named.into_iter()).as_deref(), Some("Kreis Mettmann"));
        assert_eq!(most_named(["Kreis B", "Kreis A"].into_iter()).as_deref(), Some("Kreis A"));
        assert_eq!(most_named(std::iter::empty()), None);
    }

    #[test]
    fn authority_from_the_name_when_the_gazetteer_is_silent() {
        assert_eq!(guess_authority("Kreis Lippe").as_deref(), Some("Kreis"));
        assert_eq!(guess_authority("Rhein-Sieg-Kreis").as_deref(), Some("Kreis"));
        assert_eq!(guess_authority("Krefeld"), None);
    }
}
