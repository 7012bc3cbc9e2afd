//! Query-time synonyms and abbreviations (`index-config/synonyms.toml`): loaded and matched
//! with the analysis, since matching compares analysed terms; the query planner only asks
//! [`Synonyms::expand`] for a query's expansions.
//!
//! A group lists words or phrases that mean the same in this field; an abbreviation maps a
//! short form to long forms, one way. A query word (or run of words) that analyses like a
//! member is also searched as the other members, each with the group's weight times the
//! literal word's weight, so what the user typed always ranks first. Matching compares the
//! analysed terms, so inflected forms of members need not be listed.

use serde::{Deserialize, Serialize};

use crate::analysis::related_terms::RELATED_WEIGHT;
use crate::analysis::thesaurus::{CorpusThesaurus, THESAURUS_WEIGHT};
use crate::analysis::{GermanAnalyzer, Origin};
use crate::error::{table_line, LineError};

const DEFAULT_WEIGHT: f32 = 0.5;
/// The share of a thesaurus synonym's weight that a synonym of a domain synonym gets (see
/// [`Synonyms::add_second_hop`]). Measured on the development set: 0.798 without, 0.801 at
/// 0.5, 0.801 at 1.0.
pub const SECOND_HOP_SHARE: f32 = 0.5;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Synonyms {
    groups: Vec<Group>,
    /// The general thesaurus compiled for the index's corpus (see [`super::thesaurus`]): asked
    /// only for words no group covers. Not part of the stored synonyms: an index keeps it in a
    /// file of its own.
    #[serde(skip)]
    general: CorpusThesaurus,
    /// The related terms of the field, from the themes' core terms (see
    /// [`super::related_terms`]): asked separately, by [`Synonyms::expand_related`].
    #[serde(skip)]
    related: Vec<Group>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Group {
    members: Vec<String>,
    /// The members analysed into primary terms (see [`Synonyms::with_keys`]); empty until then.
    #[serde(default)]
    keys: Vec<Vec<String>>,
    weight: f32,
    /// For an abbreviation: only the member at this index expands (to the others).
    only_from: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    group: Vec<GroupEntry>,
    #[serde(default)]
    abbreviation: Vec<AbbreviationEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupEntry {
    terms: Vec<String>,
    weight: Option<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationEntry {
    short: String,
    long: Vec<String>,
    weight: Option<f32>,
}

/// One expansion of a query: the query words `[start, end)` (indexes into the word list) may
/// also be written as `alternative`, searched with `weight`.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub start: usize,
    pub end: usize,
    pub alternative: String,
    pub weight: f32,
    pub source: SynonymSource,
}

/// Where a synonym comes from, so `--explain` can tell a user tuning synonyms which file to edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynonymSource {
    /// A group or abbreviation of `index-config/synonyms.toml`.
    Domain,
    /// The general thesaurus (see [`super::thesaurus`]).
    Thesaurus,
    /// The general thesaurus asked for a synonym of a domain group (see
    /// [`Synonyms::add_second_hop`]).
    ThesaurusOfSynonym,
    /// A related term of the field: another core term of a theme (see [`super::related_terms`]).
    Related,
}

impl SynonymSource {
    /// The origin of the terms searched for a synonym from this source.
    pub fn origin(self) -> Origin {
        match self {
            SynonymSource::Domain => Origin::Synonym,
            SynonymSource::Thesaurus | SynonymSource::ThesaurusOfSynonym => Origin::Thesaurus,
            SynonymSource::Related => Origin::Related,
        }
    }
}

impl Synonyms {
    pub fn parse(text: &str) -> Result<Synonyms, LineError> {
        let file: File = toml::from_str(text).map_err(|e| LineError::of_toml(text, &e))?;
        let mut groups = Vec::new();
        for (i, entry) in file.group.into_iter().enumerate() {
            check(&entry.terms, entry.weight)
                .map_err(|m| LineError::new(table_line(text, "[[group]]", i), m))?;
            groups.push(Group {
                members: entry.terms,
                keys: Vec::new(),
                weight: entry.weight.unwrap_or(DEFAULT_WEIGHT),
                only_from: None,
            });
        }
        for (i, entry) in file.abbreviation.into_iter().enumerate() {
            let members: Vec<String> = std::iter::once(entry.short).chain(entry.long).collect();
            check(&members, entry.weight)
                .map_err(|m| LineError::new(table_line(text, "[[abbreviation]]", i), m))?;
            groups.push(Group {
                members,
                keys: Vec::new(),
                weight: entry.weight.unwrap_or(DEFAULT_WEIGHT),
                only_from: Some(0),
            });
        }
        Ok(Synonyms { groups, general: CorpusThesaurus::default(), related: Vec::new() })
    }

    /// Adds the general thesaurus layer of an index's corpus.
    pub fn with_thesaurus(mut self, general: CorpusThesaurus) -> Synonyms {
        self.general = general;
        self
    }

    /// Adds the related terms of the field: groups of terms that name one concept (each
    /// theme's core terms, see [`super::related_terms`]), searched with [`RELATED_WEIGHT`].
    pub fn with_related(mut self, groups: Vec<Vec<String>>) -> Synonyms {
        self.related = groups
            .into_iter()
            .map(|members| Group { members, keys: Vec::new(), weight: RELATED_WEIGHT, only_from: None })
            .collect();
        self
    }

    /// Analyses every member once with `analyzer`, so that searches only compare terms. An
    /// index stores its synonyms analysed this way.
    pub fn with_keys(mut self, analyzer: &GermanAnalyzer) -> Synonyms {
        for group in &mut self.groups {
            group.keys = group.members.iter().map(|m| analyzer.primary_terms(m)).collect();
        }
        self
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The expansions of a query given as words (each analysed on its own).
    /// The long forms of `word` when it is the short form of an `[[abbreviation]]` (`OB` →
    /// `Oberbürgermeister`, `Oberbürgermeisterin`); empty otherwise.
    pub fn long_forms(&self, analyzer: &GermanAnalyzer, word: &str) -> Vec<String> {
        // Short forms may be stop words (`OB` is "ob"): compared as written, too.
        let term = analyzer.primary_terms(word).into_iter().next();
        let mut out = Vec::new();
        for group in &self.groups {
            let Some(short) = group.only_from else { continue };
            let written = group.members[short].eq_ignore_ascii_case(word);
            if written
                || group
                    .keys(analyzer)
                    .get(short)
                    .is_some_and(|key| term.as_ref().is_some_and(|t| key.as_slice() == [t.clone()]))
            {
                out.extend(
                    group.members.iter().enumerate().filter(|(i, _)| *i != short).map(|(_, m)| m.clone()),
                );
            }
        }
        out
    }

    pub fn expand(&self, analyzer: &GermanAnalyzer, words: &[String]) -> Vec<Expansion> {
        let query: Vec<Option<String>> =
            words.iter().map(|w| analyzer.primary_terms(w).into_iter().next()).collect();
        if query.iter().all(Option::is_none) {
            return Vec::new();
        }
        let mut expansions: Vec<Expansion> = Vec::new();
        expand_groups(&self.groups, analyzer, &query, SynonymSource::Domain, &mut expansions);
        self.add_general(&query, &mut expansions);
        self.add_second_hop(analyzer, &query, &mut expansions);
        expansions
    }

    /// The related terms of the field for a query given as words (see
    /// [`super::related_terms`]); apart from [`Synonyms::expand`], since they are no synonyms.
    pub fn expand_related(&self, analyzer: &GermanAnalyzer, words: &[String]) -> Vec<Expansion> {
        let query: Vec<Option<String>> =
            words.iter().map(|w| analyzer.primary_terms(w).into_iter().next()).collect();
        let mut expansions = Vec::new();
        if query.iter().any(Option::is_some) {
            expand_groups(&self.related, analyzer, &query, SynonymSource::Related, &mut expansions);
        }
        expansions
    }

    /// The thesaurus synonyms of every query word that no group expanded (domain groups win:
    /// they know what a word means in this field), with [`THESAURUS_WEIGHT`].
    fn add_general(&self, query: &[Option<String>], expansions: &mut Vec<Expansion>) {
        if self.general.is_empty() {
            return;
        }
        let covered = |i: usize| expansions.iter().any(|e| e.start <= i && i < e.end);
        let mut general = Vec::new();
        for (i, term) in query.iter().enumerate() {
            let Some(term) = term else { continue };
            if covered(i) {
                continue;
            }
            for alternative in self.general.alternatives(term) {
                general.push(Expansion {
                    start: i,
                    end: i + 1,
                    alternative: alternative.to_string(),
                    weight: THESAURUS_WEIGHT,
                    source: SynonymSource::Thesaurus,
                });
            }
        }
        expansions.extend(general);
    }

    /// The thesaurus synonyms of each one-word synonym a domain group gave (`Fachtag` →
    /// `Tagung` → `Konferenz`), with the domain synonym's weight times [`THESAURUS_WEIGHT`]
    /// times [`SECOND_HOP_SHARE`]: the domain groups are short lists written by hand, the
    /// thesaurus knows more words of the same concept. Each once, never a term the query or
    /// an earlier expansion already searches. A second hop drifts from the query's meaning
    /// sooner than a first, hence the share; only domain synonyms are followed, since they mean
    /// the same in this field.
    fn add_second_hop(
        &self,
        analyzer: &GermanAnalyzer,
        query: &[Option<String>],
        expansions: &mut Vec<Expansion>,
    ) {
        if self.general.is_empty() {
            return;
        }
        // Each expansion's term, analysed once: it is both searched already and, for a domain
        // synonym, the key of its thesaurus line.
        let terms: Vec<Option<String>> =
            expansions.iter().map(|e| one_word_term(analyzer, &e.alternative)).collect();
        let mut searched: Vec<String> = query.iter().flatten().cloned().collect();
        searched.extend(terms.iter().flatten().cloned());
        let mut hops = Vec::new();
        for (expansion, term) in expansions.iter().zip(&terms) {
            let Some(term) = term.as_ref().filter(|_| expansion.source == SynonymSource::Domain) else {
                continue;
            };
            for alternative in self.general.alternatives(term) {
                let Some(hop_term) = one_word_term(analyzer, alternative) else { continue };
                if searched.contains(&hop_term) {
                    continue;
                }
                searched.push(hop_term);
                hops.push(Expansion {
                    start: expansion.start,
                    end: expansion.end,
                    alternative: alternative.to_string(),
                    weight: expansion.weight * THESAURUS_WEIGHT * SECOND_HOP_SHARE,
                    source: SynonymSource::ThesaurusOfSynonym,
                });
            }
        }
        expansions.extend(hops);
    }
}

/// The primary term of `text` when it is one word.
fn one_word_term(analyzer: &GermanAnalyzer, text: &str) -> Option<String> {
    if text.split_whitespace().count() != 1 {
        return None;
    }
    analyzer.primary_terms(text).into_iter().next()
}

/// The expansions through `groups` of the analysed `query` (a primary term per word).
fn expand_groups(
    groups: &[Group],
    analyzer: &GermanAnalyzer,
    query: &[Option<String>],
    source: SynonymSource,
    expansions: &mut Vec<Expansion>,
) {
    let stems: Vec<&str> = query.iter().flatten().map(String::as_str).collect();
    for group in groups {
        let keys = group.keys(analyzer);
        // A member can only match when its terms include a query stem.
        if !keys.iter().flatten().any(|term| stems.contains(&term.as_str())) {
            continue;
        }
        for (from, key) in keys.iter().enumerate() {
            if key.is_empty() || group.only_from.is_some_and(|only| only != from) {
                continue;
            }
            for start in occurrences(query, key) {
                for (to, member) in group.members.iter().enumerate() {
                    if to == from || keys[to] == *key {
                        continue;
                    }
                    let expansion = Expansion {
                        start,
                        end: start + key.len(),
                        alternative: member.clone(),
                        weight: group.weight,
                        source,
                    };
                    add_best(expansions, expansion);
                }
            }
        }
    }
}

/// A one-word member of an entry, its search term and the other words that share the term: for
/// `Erziehende`, searched as `erzieh`, `Erzieher` and `Erziehung` (they analyse to it as well,
/// so the group's synonym also finds them). See [`Synonyms::member_terms`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberTerm {
    /// The entry's first member (its name in the file).
    pub entry: String,
    pub member: String,
    /// The term the member is searched as.
    pub term: String,
    /// The words (folded, lower-case) that share the term and are not inflected forms of the
    /// member.
    pub words: Vec<String>,
}

impl Synonyms {
    /// Every one-word member of every entry with its term and the words of `vocabulary`
    /// (folded, lower-case words, as an index's vocabulary holds them) that share the term
    /// without being inflected forms of the member: a member with such words is a candidate
    /// for a wrong synonym (a collision). A word counts as an inflected form when one of the
    /// two, folded, begins with the other (`Kita`/`kitas`, `Übergang`/`ubergange`).
    pub fn member_terms(
        &self,
        analyzer: &GermanAnalyzer,
        vocabulary: impl IntoIterator<Item = String>,
    ) -> Vec<MemberTerm> {
        let mut members: Vec<(&Group, &String, String)> = Vec::new();
        for group in &self.groups {
            for (member, key) in group.members.iter().zip(group.keys(analyzer).iter()) {
                if key.len() == 1 {
                    members.push((group, member, key[0].clone()));
                }
            }
        }
        let terms: std::collections::HashSet<&str> = members.iter().map(|(_, _, t)| t.as_str()).collect();
        let mut words_of: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
        for word in vocabulary {
            if let Some(term) = analyzer.primary_terms(&word).into_iter().next() {
                if terms.contains(term.as_str()) {
                    words_of.entry(term).or_default().push(word);
                }
            }
        }
        let mut found = Vec::new();
        for (group, member, term) in members {
            let surface = crate::analysis::UmlautFold::fold(&member.to_lowercase());
            let mut words: Vec<String> = words_of
                .get(&term)
                .into_iter()
                .flatten()
                .filter(|w| !w.starts_with(&surface) && !surface.starts_with(w.as_str()))
                .cloned()
                .collect();
            words.sort();
            words.dedup();
            found.push(MemberTerm { entry: group.members[0].clone(), member: member.clone(), term, words });
        }
        found
    }
}

/// What is wrong with an entry, if anything (the caller adds the line).
fn check(members: &[String], weight: Option<f32>) -> Result<(), String> {
    if members.len() < 2 || members.iter().any(|m| m.trim().is_empty()) {
        return Err("an entry needs at least two non-empty terms".into());
    }
    match weight {
        Some(w) if !(w > 0.0 && w <= 1.0) => Err(format!("weight {w} must be above 0 and at most 1")),
        _ => Ok(()),
    }
}

impl Group {
    /// The members' keys: stored by [`Synonyms::with_keys`] (as every index does), else
    /// analysed now.
    fn keys(&self, analyzer: &GermanAnalyzer) -> std::borrow::Cow<'_, [Vec<String>]> {
        if self.keys.len() == self.members.len() {
            std::borrow::Cow::Borrowed(&self.keys)
        } else {
            std::borrow::Cow::Owned(self.members.iter().map(|m| analyzer.primary_terms(m)).collect())
        }
    }
}

/// Where `key` occurs as a run of query words (words without terms are skipped over).
fn occurrences(query: &[Option<String>], key: &[String]) -> Vec<usize> {
    let mut found = Vec::new();
    for start in 0..query.len() {
        if query[start].as_deref() != Some(key[0].as_str()) {
            continue;
        }
        let mut i = start;
        let mut matched = 0;
        while i < query.len() && matched < key.len() {
            match &query[i] {
                Some(term) if *term == key[matched] => matched += 1,
                Some(_) => break,
                None => {}
            }
            i += 1;
        }
        if matched == key.len() {
            found.push(start);
        }
    }
    found
}

/// Keeps one expansion per alternative and span: the one with the highest weight.
fn add_best(expansions: &mut Vec<Expansion>, new: Expansion) {
    let same = |e: &Expansion| e.alternative == new.alternative && e.start == new.start && e.end == new.end;
    match expansions.iter_mut().find(|e| same(e)) {
        Some(old) if old.weight < new.weight => *old = new,
        Some(_) => {}
        None => expansions.push(new),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};

    fn analyzer() -> GermanAnalyzer {
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("von\nund\nkein\nder\n"),
            Lexicon::default(),
        )
    }

    const FILE: &str = r#"
[[group]]
terms = ["Beteiligung", "Partizipation", "Mitbestimmung"]
weight = 0.6

[[group]]
terms = ["Kein Kind zurücklassen", "KeKiz"]

[[abbreviation]]
short = "OGS"
long = ["Offener Ganztag"]
"#;

    fn alternatives(query: &str) -> Vec<(String, f32)> {
        let synonyms = Synonyms::parse(FILE).unwrap();
        let words: Vec<String> = query.split_whitespace().map(String::from).collect();
        synonyms.expand(&analyzer(), &words).into_iter().map(|e| (e.alternative, e.weight)).collect()
    }

    #[test]
    fn expands_inflected_members_both_ways() {
        assert_eq!(
            alternatives("Mitbestimmung"),
            vec![("Beteiligung".into(), 0.6), ("Partizipation".into(), 0.6)]
        );
        assert_eq!(alternatives("Beteiligungen von Kindern").len(), 2);
        assert_eq!(alternatives("KeKiz"), vec![("Kein Kind zurücklassen".to_string(), 0.5)]);
        assert_eq!(alternatives("kein Kind zurücklassen"), vec![("KeKiz".to_string(), 0.5)]);
    }

    #[test]
    fn abbreviations_expand_one_way() {
        assert_eq!(alternatives("OGS"), vec![("Offener Ganztag".to_string(), 0.5)]);
        assert!(alternatives("Offener Ganztag").is_empty());
    }

    /// The test file's groups over a corpus thesaurus of (word, its synonyms joined by `;`),
    /// each line keyed by the word's term as the build writes it.
    fn with_thesaurus(analyzer: &GermanAnalyzer, entries: &[(&str, &str)]) -> Synonyms {
        let mut lines: Vec<String> = entries
            .iter()
            .map(|(word, synonyms)| format!("{}\t{synonyms}", analyzer.primary_terms(word)[0]))
            .collect();
        lines.sort();
        let general = CorpusThesaurus::from_text(lines.join("\n") + "\n");
        Synonyms::parse(FILE).unwrap().with_thesaurus(general)
    }

    #[test]
    fn thesaurus_synonyms_only_for_words_no_group_covers() {
        let analyzer = analyzer();
        let synonyms = with_thesaurus(
            &analyzer,
            &[("Resilienz", "Widerstandsfähigkeit"), ("Mitbestimmung", "Mitsprache")],
        );
        let expand = |query: &str| -> Vec<(String, f32)> {
            let words: Vec<String> = query.split_whitespace().map(String::from).collect();
            synonyms.expand(&analyzer, &words).into_iter().map(|e| (e.alternative, e.weight)).collect()
        };
        let table: Vec<(&str, Vec<(String, f32)>)> = vec![
            ("Resilienz von Kindern", vec![("Widerstandsfähigkeit".into(), THESAURUS_WEIGHT)]),
            ("Mitbestimmung", vec![("Beteiligung".into(), 0.6), ("Partizipation".into(), 0.6)]),
            ("Kinderschutz", vec![]),
        ];
        for (query, expected) in table {
            assert_eq!(expand(query), expected, "{query}");
        }
    }

    /// A domain synonym's thesaurus synonyms are searched too, below a thesaurus synonym of
    /// the word itself, once each, and never as a term already searched.
    #[test]
    fn thesaurus_synonyms_of_domain_synonyms_count_less() {
        let analyzer = analyzer();
        let synonyms = with_thesaurus(
            &analyzer,
            &[
                // Partizipation's thesaurus line repeats a member and the query word.
                ("Partizipation", "Teilhabe;Beteiligung;Mitbestimmung"),
                ("Beteiligung", "Teilhabe;Mitwirkung"),
                ("Mitbestimmung", "Mitsprache"),
            ],
        );
        let words = vec!["Mitbestimmung".to_string()];
        let found: Vec<(String, f32, SynonymSource)> = synonyms
            .expand(&analyzer, &words)
            .into_iter()
            .map(|e| (e.alternative, e.weight, e.source))
            .collect();
        let hop = 0.6 * THESAURUS_WEIGHT * SECOND_HOP_SHARE;
        assert_eq!(
            found,
            vec![
                ("Beteiligung".into(), 0.6, SynonymSource::Domain),
                ("Partizipation".into(), 0.6, SynonymSource::Domain),
                ("Teilhabe".into(), hop, SynonymSource::ThesaurusOfSynonym),
                ("Mitwirkung".into(), hop, SynonymSource::ThesaurusOfSynonym),
            ]
        );
        assert!(hop < THESAURUS_WEIGHT);
    }

    #[test]
    fn collisions_list_unrelated_words_sharing_a_members_term() {
        let synonyms =
            Synonyms::parse("[[group]]\nterms = [\"Eltern\", \"Erziehende\"]\n\n[[group]]\nterms = [\"Kita\", \"Kindertagesstätte\"]\n")
                .unwrap();
        let vocabulary = ["erziehende", "erziehenden", "erzieher", "erziehung", "eltern", "kitas", "kita"];
        let all = synonyms.member_terms(&analyzer(), vocabulary.map(String::from));
        assert_eq!(all.len(), 4, "every one-word member is listed");
        let found: Vec<&MemberTerm> = all.iter().filter(|m| !m.words.is_empty()).collect();
        let table: Vec<(&str, Vec<&str>)> = vec![("Erziehende", vec!["erzieher", "erziehung"])];
        let got: Vec<(&str, Vec<&str>)> =
            found.iter().map(|c| (c.member.as_str(), c.words.iter().map(String::as_str).collect())).collect();
        assert_eq!(got, table, "inflected forms (erziehenden, kitas) are not collisions");
        assert_eq!(found[0].entry, "Eltern");
    }

    #[test]
    fn bad_files_are_errors() {
        let err =
            Synonyms::parse("# c\n[[group]]\nterms = [\"a\", \"b\"]\n\n[[group]]\nterms = [\"nur eins\"]\n")
                .unwrap_err();
        assert_eq!(err.line, 5, "the error names the entry's line");
        let err = Synonyms::parse("[[group]]\nterms = \"kein array\"\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(Synonyms::parse("[[group]]\nterms = [\"a\", \"b\"]\nweight = 3.0\n").is_err());
    }

    /// The shipped synonyms with the shipped analysis, as a search without an index uses them.
    fn shipped() -> (Synonyms, GermanAnalyzer) {
        let analysis = crate::config::ConfigFiles::bundled().load_analysis().unwrap();
        let analyzer = analysis.german_analyzer(None);
        (analysis.synonyms.with_keys(&analyzer), analyzer)
    }

    #[test]
    fn shipped_concepts_reach_related_terms_but_not_unrelated_words() {
        let (synonyms, analyzer) = shipped();
        let offered = |query: &str, alternative: &str| -> Option<f32> {
            let words: Vec<String> = query.split_whitespace().map(String::from).collect();
            let expansions = synonyms.expand(&analyzer, &words);
            expansions.into_iter().find(|e| e.alternative == alternative).map(|e| e.weight)
        };
        // (query, alternative, its weight; None: must not be offered)
        let table: &[(&str, &str, Option<f32>)] = &[
            ("Kinderarmut im Quartier", "Bedarfsgemeinschaft", Some(0.3)),
            ("frühkindliche Bildung", "Kindertagespflege", Some(0.3)),
            ("Nachsorge", "Reparatur", Some(0.3)),
            ("Gewaltprävention an Schulen", "Gewaltschutz", Some(0.6)),
            ("Angebote für Migrantenfamilien", "Familien mit Migrationshintergrund", Some(0.6)),
            ("Vereinbarung mit den Trägern", "Work-Life-Balance", None),
            ("Schule und Jugendhilfe", "Schülerinnen und Schüler", None),
            ("Erziehung", "pädagogisches Personal", None),
            ("integrierte Strategie", "Migration", None),
            ("Begrüßungsbesuch", "Frühe Hilfen", None),
            ("Wer finanziert die Stelle", "Förderprogramm", Some(0.3)),
            ("Evaluation der Angebote", "Bilanz", Some(0.25)),
            ("eine familienfreundliche Stadtpolitik", "kinderfreundlich", Some(0.3)),
            ("Vorreiter", "Pionier", Some(0.6)),
            ("Parallelstrukturen abbauen", "Nebeneinander", Some(0.3)),
            // fördern mostly means supporting children; fordern is another verb.
            ("Kinder früh fördern", "Finanzierung", None),
            ("Förderung der Sprache", "Finanzierung", None),
            ("Zuwendung und Geborgenheit", "Finanzierung", None),
        ];
        for &(query, alternative, weight) in table {
            assert_eq!(offered(query, alternative), weight, "{query} -> {alternative}");
        }
    }

    #[test]
    fn shipped_related_groups_hold_no_generic_words() {
        // A related group (weight 0.3 or less) holding one of these would fire on most queries.
        let generic =
            ["Kind", "Familie", "Eltern", "Stadt", "Kommune", "Angebot", "Arbeit", "Hilfe", "Schule"];
        let (synonyms, analyzer) = shipped();
        let generic: Vec<String> = generic.iter().flat_map(|w| analyzer.primary_terms(w)).collect();
        for group in synonyms.groups.iter().filter(|g| g.weight <= 0.3) {
            for (member, key) in group.members.iter().zip(&group.keys) {
                let single_generic = key.len() == 1 && generic.contains(&key[0]);
                assert!(!single_generic, "{member} in the related group of {}", group.members[0]);
            }
        }
    }

    #[test]
    fn the_shipped_synonyms_load() {
        let synonyms = Synonyms::parse(include_str!("../../index-config/synonyms.toml")).unwrap();
        assert!(synonyms.len() >= 30);
    }
}
