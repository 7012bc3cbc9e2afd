//! Kinds of places in queries (`index-config/place-classes.toml`): a query word that names a
//! kind of place (`Bundesländer`) is also searched as the names of the places of that kind and
//! their adjectives (`Hessen`, `hessisch`, `NRW`), because texts name the place, not the kind.
//!
//! The members come from the gazetteer (`gazetteer-de.tsv`, one `level` per class) and the
//! file's adjective list. They join the class word's alternatives like synonyms (scored by the
//! best alternative, so a passage naming several Länder is not summed up), only those the index
//! holds, each weighted so that it scores at most like the class word itself: a passage naming
//! the kind still ranks above one naming a single member. Query-side only; off with `--exact`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::parse::Occurrence;
use super::plan::{idf, Alternative, QueryPlan};
use crate::analysis::{GermanAnalyzer, Origin, UmlautFold};
use crate::error::{table_line, LineError};

/// Gazetteer levels a class may name.
const LEVELS: &[&str] = &["land", "bezirk", "kreis", "gemeinde"];

/// The kinds of places of `place-classes.toml` with their members.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceClasses {
    classes: Vec<PlaceClass>,
}

#[derive(Debug, Clone, PartialEq)]
struct PlaceClass {
    /// The query words naming the class, folded (see [`fold`]).
    words: Vec<String>,
    /// Names and adjectives of the places of the class, as written.
    members: Vec<String>,
    weight: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    class: Vec<ClassEntry>,
    #[serde(default)]
    adjectives: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassEntry {
    level: String,
    words: Vec<String>,
    weight: f32,
}

impl PlaceClasses {
    /// Parses `text` (place-classes.toml), taking the members from `gazetteer`
    /// (gazetteer-de.tsv). Errors name the line of `text`.
    pub fn parse(text: &str, gazetteer: &str) -> Result<PlaceClasses, LineError> {
        let file: File = toml::from_str(text).map_err(|e| LineError::of_toml(text, &e))?;
        let wanted: Vec<&str> = file.class.iter().map(|c| c.level.as_str()).collect();
        let places = GazetteerPlaces::scan(gazetteer, &wanted, file.adjectives.keys());
        if let Some(name) = file.adjectives.keys().find(|name| !places.named.contains(name.as_str())) {
            return Err(LineError::new(
                key_line(text, name),
                format!("{name:?} is not a place of the gazetteer"),
            ));
        }
        let mut classes = Vec::new();
        for (i, entry) in file.class.into_iter().enumerate() {
            let line = table_line(text, "[[class]]", i);
            if !LEVELS.contains(&entry.level.as_str()) {
                let message = format!("unknown level {:?} (one of {})", entry.level, LEVELS.join(", "));
                return Err(LineError::new(line, message));
            }
            if !(entry.weight > 0.0 && entry.weight <= 1.0) {
                return Err(LineError::new(line, format!("weight {} must be in (0, 1]", entry.weight)));
            }
            if entry.words.iter().any(|w| w.trim().is_empty()) {
                return Err(LineError::new(line, "a class word is empty"));
            }
            let names = places.by_level.get(entry.level.as_str()).map_or(&[][..], Vec::as_slice);
            let members = names
                .iter()
                .flat_map(|&name| {
                    std::iter::once(name)
                        .chain(file.adjectives.get(name).into_iter().flatten().map(String::as_str))
                })
                .map(str::to_string)
                .collect();
            classes.push(PlaceClass {
                words: entry.words.iter().map(|w| fold(w)).collect(),
                members,
                weight: entry.weight,
            });
        }
        Ok(PlaceClasses { classes })
    }

    /// The members (names and adjectives, as written) of the class `word` names and the
    /// class's weight, if any.
    pub fn members_of(&self, word: &str) -> Option<(&[String], f32)> {
        self.class_of(word).map(|class| (class.members.as_slice(), class.weight))
    }

    /// The class `word` (as written in a query) names, if any.
    fn class_of(&self, word: &str) -> Option<&PlaceClass> {
        let word = fold(word);
        self.classes.iter().find(|class| class.words.contains(&word))
    }
}

/// Adds to each query word that names a class of places the members the index holds
/// (`doc_freq` of the `passages`), each at most at the class's weight and scaled by the class
/// word's idf over the member's, so that no member outscores the class word.
pub fn add_class_members(
    plan: &mut QueryPlan,
    analyzer: &GermanAnalyzer,
    classes: &PlaceClasses,
    doc_freq: impl Fn(&str) -> u64,
    passages: u64,
) {
    for clause in plan.clauses.iter_mut() {
        if clause.is_phrase || clause.is_synonym || clause.occur == Occurrence::MustNot {
            continue;
        }
        let Some(class) = classes.class_of(&clause.source) else { continue };
        let [group] = clause.groups.as_mut_slice() else { continue };
        let class_idf = class_word_idf(group, &doc_freq, passages);
        let mut added: Vec<Vec<String>> = Vec::new();
        for member in &class.members {
            let terms = analyzer.primary_terms(member);
            if terms.is_empty() || added.contains(&terms) || terms.iter().any(|t| doc_freq(t) == 0) {
                continue;
            }
            let member_idf: f32 = terms.iter().map(|t| idf(doc_freq(t), passages)).sum();
            let share = class_idf.map_or(1.0, |class_idf| (class_idf / member_idf).min(1.0));
            group.push(member_alternative(&terms, class.weight * share));
            added.push(terms);
        }
    }
}

/// The idf of the class word's own term (its first alternative), None when the index lacks it.
fn class_word_idf(group: &[Alternative], doc_freq: impl Fn(&str) -> u64, passages: u64) -> Option<f32> {
    match group.first()? {
        Alternative::Term { term, .. } if doc_freq(term) > 0 => Some(idf(doc_freq(term), passages)),
        _ => None,
    }
}

/// A member as a term, or as a phrase when it has several words.
fn member_alternative(terms: &[String], weight: f32) -> Alternative {
    match terms {
        [term] => Alternative::Term { term: term.clone(), weight, origin: Origin::Synonym },
        _ => Alternative::Phrase {
            terms: terms.iter().cloned().enumerate().collect(),
            weight,
            origin: Origin::Synonym,
        },
    }
}

/// What [`PlaceClasses::parse`] needs of the gazetteer, borrowed from its text. The config is
/// loaded by every search, so only the levels the classes name are collected (one of them has
/// ten thousand municipalities) and the adjectives' places are looked up in the same pass.
struct GazetteerPlaces<'a> {
    /// The place names of each wanted level, in the gazetteer's order.
    by_level: BTreeMap<&'a str, Vec<&'a str>>,
    /// Those of the `sought` names that the gazetteer holds, at any level.
    named: std::collections::BTreeSet<&'a str>,
}

impl<'a> GazetteerPlaces<'a> {
    fn scan<'s>(gazetteer: &'a str, wanted: &[&str], sought: impl Iterator<Item = &'s String>) -> Self {
        let sought: std::collections::BTreeSet<&str> = sought.map(String::as_str).collect();
        let mut places = GazetteerPlaces { by_level: BTreeMap::new(), named: Default::default() };
        for line in gazetteer.lines().filter(|l| !l.starts_with('#')) {
            let mut columns = line.split('\t');
            let (Some(_), Some(level), Some(name)) = (columns.next(), columns.next(), columns.next()) else {
                continue;
            };
            if wanted.contains(&level) {
                places.by_level.entry(level).or_default().push(name);
            }
            if sought.contains(name) {
                places.named.insert(name);
            }
        }
        places
    }
}

/// The line of `"name" =` in the TOML text (1 when not found).
fn key_line(text: &str, name: &str) -> usize {
    let key = format!("\"{name}\"");
    text.lines().position(|l| l.trim_start().starts_with(&key)).map_or(1, |i| i + 1)
}

/// A written word compared as query words are (lower case, umlauts and their transcriptions
/// folded), without the punctuation a query leaves at its ends (`Bundesländern?`, `Länder,`).
fn fold(word: &str) -> String {
    UmlautFold::fold(&word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};
    use crate::query::plan::PlannedClause;

    const GAZETTEER: &str = "# generated\nags\tlevel\tname\tauthority\n06\tland\tHessen\tLand\n\
        03\tland\tNiedersachsen\tLand\n05\tland\tNordrhein-Westfalen\tLand\n\
        05158\tkreis\tKreis Mettmann\tKreis\n";

    const CLASSES: &str = "[[class]]\nlevel = \"land\"\nwords = [\"Bundesländer\", \"Bundesländern\", \"Ländern\"]\nweight = 0.3\n\n\
        [adjectives]\n\"Hessen\" = [\"hessisch\"]\n\"Niedersachsen\" = [\"niedersächsisch\"]\n\
        \"Nordrhein-Westfalen\" = [\"NRW\"]\n";

    fn analyzer() -> GermanAnalyzer {
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("in\nden\n"),
            Lexicon::new(Default::default(), None),
        )
    }

    fn members(clause: &PlannedClause) -> Vec<(String, f32)> {
        clause.groups[0]
            .iter()
            .filter_map(|a| match a {
                Alternative::Term { term, weight, origin: Origin::Synonym } => Some((term.clone(), *weight)),
                _ => None,
            })
            .collect()
    }

    fn planned(query: &str, doc_freq: impl Fn(&str) -> u64) -> QueryPlan {
        let classes = PlaceClasses::parse(CLASSES, GAZETTEER).unwrap();
        let mut plan = QueryPlan::new(&analyzer(), query, None);
        add_class_members(&mut plan, &analyzer(), &classes, doc_freq, 1000);
        plan
    }

    #[test]
    fn a_class_word_finds_the_members_the_index_holds() {
        // (query, passages holding each term: the members found, in order)
        let cases: &[(&str, &[(&str, u64)], &[&str])] = &[
            (
                "Bundesländern",
                &[("bundesland", 5), ("hess", 3), ("hessisch", 2), ("nrw", 40)],
                &["hess", "hessisch", "nrw"],
            ),
            ("in anderen Laendern", &[("land", 50), ("niedersachs", 4)], &["niedersachs"]),
            // a question's mark or a list's comma does not hide the class word
            ("Bundesländern?", &[("bundesland", 5), ("hess", 3)], &["hess"]),
            ("Bundesländer, Kommunen", &[("bundesland", 5), ("hess", 3)], &["hess"]),
            ("Bundesländer", &[("bundesland", 5)], &[]),
            ("Land", &[("land", 50), ("hess", 3)], &[]),
            ("Kreise", &[("kreis", 50), ("mettmann", 3)], &[]),
        ];
        for (query, doc_freqs, expected) in cases {
            let doc_freq = |t: &str| doc_freqs.iter().find(|(term, _)| *term == t).map_or(0, |(_, df)| *df);
            let plan = planned(query, doc_freq);
            let clause = plan.clauses.iter().position(|c| c.source.starts_with(['B', 'L', 'K'])).unwrap();
            let found: Vec<String> = members(&plan.clauses[clause]).into_iter().map(|(t, _)| t).collect();
            assert_eq!(found, expected.to_vec(), "{query}");
        }
    }

    #[test]
    fn a_member_never_weighs_more_than_the_class_word_scores() {
        let doc_freq = |t: &str| match t {
            "bundesland" => 100,
            "hess" => 2,
            "nrw" => 150,
            _ => 0,
        };
        let plan = planned("Bundesländer", doc_freq);
        let weights: BTreeMap<String, f32> = members(&plan.clauses[0]).into_iter().collect();
        let class_idf = idf(100, 1000);
        assert!(
            (weights["hess"] * idf(2, 1000) - 0.3 * class_idf).abs() < 1e-4,
            "a rare member is scaled down"
        );
        assert_eq!(weights["nrw"], 0.3, "a member more common than the class word keeps the class weight");
    }

    #[test]
    fn errors_name_the_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("[[class]]\nlevel = \"staat\"\nwords = [\"Staaten\"]\nweight = 0.3\n", 1, "unknown level"),
            ("[[class]]\nlevel = \"land\"\nwords = [\"Länder\"]\nweight = 1.5\n", 1, "weight"),
            ("[adjectives]\n\"Hessen\" = [\"hessisch\"]\n\"Preußen\" = [\"preußisch\"]\n", 3, "not a place"),
        ];
        for (text, line, message) in cases {
            let error = PlaceClasses::parse(text, GAZETTEER).unwrap_err();
            assert_eq!(error.line, *line, "{text}");
            assert!(error.message.contains(message), "{}", error.message);
        }
    }

    #[test]
    fn the_bundled_classes_name_the_sixteen_laender() {
        let text = include_str!("../../index-config/place-classes.toml");
        let gazetteer = include_str!("../../index-config/gazetteer-de.tsv");
        let classes = PlaceClasses::parse(text, gazetteer).unwrap();
        let laender = classes.class_of("Bundesländern").expect("Bundesländer is a class word");
        for member in ["Hessen", "hessisch", "Brandenburg", "brandenburgisch", "Nordrhein-Westfalen", "NRW"] {
            assert!(laender.members.iter().any(|m| m == member), "{member}");
        }
        assert!(classes.class_of("Land").is_none(), "the singular also means the countryside");
    }
}
