//! Free-text themes: `praev theme TEXT` for a topic that no theme of `themes.toml` names
//! (`familienfreundliche Kommune`, `Kooperation von Schule und Jugendhilfe`).
//!
//! The topic becomes an ad-hoc [`Theme`] that is ranked exactly like a configured one (see
//! [`super::rank`]): each content word is a `core` term and each run of adjacent content words
//! (`frühkindliche Bildung`) a `core` phrase, as is the whole text when stop words join its
//! words; a word that stands in a large share of all passages (`Kinder`, `Kommune`) names no
//! topic and is only `related`, as `themes.toml` asks of its authors. The domain synonyms of
//! the words (`index-config/synonyms.toml`, through [`Synonyms::expand`]) join as `strong`
//! terms (groups of weight [`STRONG_SYNONYM_WEIGHT`] and more) or `related` ones; those of a
//! common word weigh less still. The uncommon parts of a compound noun (`gewalt` of
//! `Gewaltprävention`) are `related` terms. The configured theme whose terms cover the topic's
//! words (two of them, or all) lends its `core` terms as `related` ones and its exclusions:
//! a topic on monitoring and social reporting borrows `Steuerung`'s `Sozialmonitoring`. A word
//! naming a kind of place (`Bundesländer`, see `index-config/place-classes.toml`) brings the
//! places of that kind the index holds as `related` terms (`Hessen`, `niedersächsisch`).

use serde::Serialize;

use super::{Resolved, Theme, ThemeTerm, Themes, CORE_WEIGHT, RELATED_WEIGHT, STRONG_WEIGHT};
use crate::analysis::{GermanAnalyzer, Origin, SynonymSource, Synonyms};
use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::query::hypernyms::PlaceClasses;

/// The id of every theme built from free text.
pub const FREE_TEXT_ID: &str = "free-text";
/// A word in more than this share of all passages is too common to name a topic: `related`.
pub const COMMON_WORD_SHARE: f32 = 0.05;
/// Synonyms from groups of at least this weight are `strong` terms, weaker ones `related`.
pub const STRONG_SYNONYM_WEIGHT: f32 = 0.6;
/// The weight of the terms lent by the configured theme the topic is about.
pub const LENT_WEIGHT: f32 = RELATED_WEIGHT;
/// The weight of a synonym of a common word (`Gemeinde` for `Kommune`).
pub const COMMON_SYNONYM_WEIGHT: f32 = 0.5;
/// The weight of an uncommon part of a compound noun of the text (`gewalt` of
/// `Gewaltprävention`): the part that makes the compound specific, but alone weaker evidence
/// than the word (dev theme queries: 0.632 without parts, 0.647 at 2, 0.657 at 1).
pub const PART_WEIGHT: f32 = RELATED_WEIGHT;
/// Shorter parts are not searched on their own.
const MIN_PART_CHARS: usize = 4;

/// Where a term of a free-text theme comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TermSource {
    /// A word of the text.
    Word,
    /// Adjacent words of the text, or the whole text, as a phrase.
    Phrase,
    /// A domain synonym of a word of the text.
    Synonym,
    /// A part of a compound noun of the text (`gewalt` of `Gewaltprävention`).
    Part,
    /// A core term of the configured theme the topic is about.
    Theme,
}

/// A term of a free-text theme, as shown to the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FreeTextTerm {
    pub text: String,
    pub weight: f32,
    pub from: TermSource,
}

/// A theme built from a topic given as text, with where each of its terms comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct FreeTextTheme {
    pub theme: Theme,
    /// The theme's terms with their sources, in the theme's order.
    pub terms: Vec<FreeTextTerm>,
    /// The id of the configured theme that lent terms, if any.
    pub lent_by: Option<String>,
}

/// What a theme name or topic given by the user selects.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection<'a> {
    /// A theme of `themes.toml`, by its id, label, alias or prefix.
    Configured(&'a Theme),
    /// A theme built from the text; `closest` are configured themes with a similar name.
    FreeText { theme: Box<FreeTextTheme>, closest: Vec<&'a Theme> },
}

impl Selection<'_> {
    pub fn theme(&self) -> &Theme {
        match self {
            Selection::Configured(theme) => theme,
            Selection::FreeText { theme, .. } => &theme.theme,
        }
    }
}

/// What a free-text theme is built from besides the themes: the index's analysis and synonyms,
/// and how common a term is there.
pub struct Vocabulary<'a> {
    pub analyzer: &'a GermanAnalyzer,
    pub synonyms: &'a Synonyms,
    /// Kinds of places and their members.
    pub place_classes: &'a PlaceClasses,
    /// The share of all passages (0 to 1) that hold an analysed term.
    pub passage_share: &'a dyn Fn(&str) -> f32,
}

impl Vocabulary<'_> {
    fn is_common(&self, term: &str) -> bool {
        (self.passage_share)(term) > COMMON_WORD_SHARE
    }
}

/// The configured theme `text` names, else a theme built from it. A prefix of several themes
/// is an error listing them; text without a content word is an error saying so.
pub fn select<'t>(text: &str, themes: &'t Themes, vocabulary: &Vocabulary) -> Result<Selection<'t>> {
    match themes.resolve(text) {
        Resolved::Theme(theme) => Ok(Selection::Configured(theme)),
        Resolved::Ambiguous(found) => {
            let names: Vec<String> = found.iter().map(|t| format!("{} ({})", t.id, t.label)).collect();
            Err(Error::InvalidArgument(format!(
                "the theme name {text:?} is ambiguous: {} (write more of the name, or a topic of several words)",
                names.join(", ")
            )))
        }
        Resolved::Unknown(closest) => {
            Ok(Selection::FreeText { theme: Box::new(build(text, themes, vocabulary)?), closest })
        }
    }
}

/// [`select`] with the analysis, synonyms and passage counts of `index`.
pub fn select_in<'t>(index: &PraevIndex, themes: &'t Themes, text: &str) -> Result<Selection<'t>> {
    let searcher = index.reader.searcher();
    let passages = searcher.num_docs().max(1) as f32;
    let share = |term: &str| {
        let term = tantivy::Term::from_field_text(index.fields.text, term);
        searcher.doc_freq(&term).unwrap_or(0) as f32 / passages
    };
    let vocabulary = Vocabulary {
        analyzer: &index.analyzer,
        synonyms: &index.analysis.synonyms,
        place_classes: &index.analysis.place_classes,
        passage_share: &share,
    };
    select(text, themes, &vocabulary)
}

/// One word of the topic: as written and its primary term, `None` for stop words.
struct Word {
    written: String,
    term: Option<String>,
}

/// Builds the theme of a topic.
pub fn build(text: &str, themes: &Themes, vocabulary: &Vocabulary) -> Result<FreeTextTheme> {
    let words = words_of(text, vocabulary.analyzer);
    let content: Vec<&Word> = words.iter().filter(|w| w.term.is_some()).collect();
    if content.is_empty() {
        let what = if text.trim().is_empty() { "is empty" } else { "has only stop words or punctuation" };
        return Err(Error::InvalidArgument(format!(
            "the theme {text:?} {what}: name a theme (`praev themes` lists them) or a topic in words"
        )));
    }
    let is_common = |w: &Word| w.term.as_deref().is_some_and(|t| vocabulary.is_common(t));
    let mut terms = Terms::default();
    for word in &content {
        let weight = if is_common(word) { RELATED_WEIGHT } else { CORE_WEIGHT };
        terms.add(&word.written, weight, TermSource::Word);
    }
    for phrase in phrases(&words) {
        terms.add(&phrase, CORE_WEIGHT, TermSource::Phrase);
    }
    add_synonyms(&mut terms, &words, vocabulary);
    add_class_members(&mut terms, &content, vocabulary);
    for word in content.iter().filter(|w| w.written.starts_with(char::is_uppercase)) {
        for part in topical_parts(&word.written, vocabulary) {
            terms.add(&part, PART_WEIGHT, TermSource::Part);
        }
    }
    let lender = lending_theme(&content, themes, vocabulary);
    let mut exclude = Vec::new();
    if let Some(lender) = lender {
        for term in lender.terms.iter().filter(|t| t.weight >= CORE_WEIGHT) {
            terms.add(&term.text, LENT_WEIGHT, TermSource::Theme);
        }
        exclude = lender.exclude.clone();
    }
    let label = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let theme = Theme {
        id: FREE_TEXT_ID.to_string(),
        description: format!("built from the text {label:?}"),
        label,
        terms: terms.0.iter().map(|t| ThemeTerm { text: t.text.clone(), weight: t.weight }).collect(),
        exclude,
    };
    Ok(FreeTextTheme { theme, terms: terms.0, lent_by: lender.map(|t| t.id.clone()) })
}

/// Adds the domain synonyms of the words (and runs of words): `strong` from groups of at
/// least [`STRONG_SYNONYM_WEIGHT`], else `related`; those of common words lower still.
fn add_synonyms(terms: &mut Terms, words: &[Word], vocabulary: &Vocabulary) {
    let is_common = |w: &Word| w.term.as_deref().is_none_or(|t| vocabulary.is_common(t));
    let written: Vec<String> = words.iter().map(|w| w.written.clone()).collect();
    for expansion in vocabulary.synonyms.expand(vocabulary.analyzer, &written) {
        // A theme's tiers ignore an expansion's weight: the thesaurus synonyms of synonyms
        // (`Jugendliche` → `Kind`), weak alternatives of a search, would weigh as much as the
        // word's own synonyms here.
        if expansion.source == SynonymSource::ThesaurusOfSynonym {
            continue;
        }
        let weight = if words[expansion.start..expansion.end].iter().all(is_common) {
            COMMON_SYNONYM_WEIGHT
        } else if expansion.weight >= STRONG_SYNONYM_WEIGHT {
            STRONG_WEIGHT
        } else {
            RELATED_WEIGHT
        };
        terms.add(&expansion.alternative, weight, TermSource::Synonym);
    }
}

/// Adds the places of each kind of place a word names (`Bundesländer` → `Hessen`), those the
/// index holds, as `related` terms at the class's weight: a passage naming one place in several
/// forms (`NRW`, `nordrhein-westfälisch`) sums them, and must not outscore the class word.
fn add_class_members(terms: &mut Terms, content: &[&Word], vocabulary: &Vocabulary) {
    for word in content {
        let Some((members, weight)) = vocabulary.place_classes.members_of(&word.written) else { continue };
        for member in members {
            let keys = vocabulary.analyzer.primary_terms(member);
            if !keys.is_empty() && keys.iter().all(|k| (vocabulary.passage_share)(k) > 0.0) {
                terms.add(member, RELATED_WEIGHT * weight, TermSource::Synonym);
            }
        }
    }
}

/// The terms collected so far, each text once with its highest weight.
#[derive(Default)]
struct Terms(Vec<FreeTextTerm>);

impl Terms {
    fn add(&mut self, text: &str, weight: f32, from: TermSource) {
        let text = text.trim();
        match self.0.iter_mut().find(|t| t.text.to_lowercase() == text.to_lowercase()) {
            Some(known) if known.weight < weight => {
                known.weight = weight;
                known.from = from;
            }
            Some(_) => {}
            None => self.0.push(FreeTextTerm { text: text.to_string(), weight, from }),
        }
        self.0.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    }
}

/// The words of `text` split at spaces, without the punctuation around them.
fn words_of(text: &str, analyzer: &GermanAnalyzer) -> Vec<Word> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| Word { written: w.to_string(), term: analyzer.primary_terms(w).into_iter().next() })
        .collect()
}

/// The runs of two or more adjacent content words, and the whole text when stop words join
/// its content words (`Kooperation von Schule und Jugendhilfe`), each as a phrase.
fn phrases(words: &[Word]) -> Vec<String> {
    let mut phrases = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for word in words.iter().map(Some).chain(std::iter::once(None)) {
        match word {
            Some(w) if w.term.is_some() => run.push(&w.written),
            _ => {
                if run.len() > 1 {
                    phrases.push(run.join(" "));
                }
                run.clear();
            }
        }
    }
    let first = words.iter().position(|w| w.term.is_some());
    let last = words.iter().rposition(|w| w.term.is_some());
    if let (Some(first), Some(last)) = (first, last) {
        let inner = &words[first..=last];
        let has_content_words = inner.iter().filter(|w| w.term.is_some()).count() > 1;
        if has_content_words && inner.iter().any(|w| w.term.is_none()) {
            phrases.push(inner.iter().map(|w| w.written.as_str()).collect::<Vec<_>>().join(" "));
        }
    }
    phrases
}

/// The parts of a compound noun (`Gewaltprävention` → `gewalt`) that are long enough and not
/// common in the index, as the analysis writes them (stemmed, umlauts folded).
fn topical_parts(word: &str, vocabulary: &Vocabulary) -> Vec<String> {
    let analyzer = vocabulary.analyzer;
    let parts: Vec<String> = analyzer
        .analyze(word)
        .iter()
        .filter(|t| t.origin == Origin::Part && t.marks.leaf)
        .map(|t| t.bare().to_string())
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    parts
        .into_iter()
        .filter(|p| {
            p.chars().count() >= MIN_PART_CHARS && !analyzer.is_stop_word(p) && !vocabulary.is_common(p)
        })
        .collect()
}

/// The configured theme the topic is about: the one whose terms (a term counts when each of
/// its words is a content word of the topic, one of them not common) cover most of the topic's
/// content words, weighted by the terms' tiers, provided they cover two content words or all.
/// One shared word is too little (`Kooperation von Schule und Jugendhilfe` is not about
/// `Vernetzung` as a whole).
fn lending_theme<'t>(content: &[&Word], themes: &'t Themes, vocabulary: &Vocabulary) -> Option<&'t Theme> {
    let analyzer = vocabulary.analyzer;
    let words: Vec<&str> = content.iter().filter_map(|w| w.term.as_deref()).collect();
    let mut best: Option<(f32, &Theme)> = None;
    for theme in &themes.themes {
        let mut covered: Vec<&str> = Vec::new();
        let mut score = 0.0;
        for term in &theme.terms {
            let keys = analyzer.primary_terms(&term.text);
            let inside = !keys.is_empty()
                && keys.iter().all(|k| words.contains(&k.as_str()))
                && keys.iter().any(|k| !vocabulary.is_common(k));
            if inside {
                score += term.weight;
                covered.extend(words.iter().filter(|w| keys.iter().any(|k| k == *w)));
            }
        }
        covered.sort_unstable();
        covered.dedup();
        let enough = covered.len() >= 2 || covered.len() == words.len();
        if enough && score > 0.0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, theme));
        }
    }
    best.map(|(_, theme)| theme)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};

    fn analyzer() -> GermanAnalyzer {
        let parts = Lexicon::parse_curated("Schule\nJugend\nHilfe\nGewalt\nPrävention\n");
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("und\nvon\nin\nder\ndie\n"),
            Lexicon::new(parts, None),
        )
    }

    const SYNONYMS: &str = "[[group]]\nterms = [\"Kooperation\", \"Zusammenarbeit\"]\nweight = 0.7\n\n\
        [[group]]\nterms = [\"Monitoring\", \"Sozialberichterstattung\", \"Berichtswesen\"]\nweight = 0.4\n";

    const THEMES: &str = r#"
[[theme]]
id = "steuerung"
label = "Steuerung"
description = "Daten und Steuerung."
core = ["Steuerung", "Monitoring", "Sozialmonitoring", "Sozialberichterstattung"]
strong = ["Datenbasis"]
exclude = ["Lenkrad"]

[[theme]]
id = "vernetzung"
label = "Vernetzung"
description = "Netzwerke."
core = ["Netzwerk", "Kooperation"]
"#;

    /// Builds the theme of `text` where the words of `common` stand in every passage.
    fn built(text: &str, common: &[&str]) -> Result<FreeTextTheme> {
        let analyzer = analyzer();
        let synonyms = Synonyms::parse(SYNONYMS).unwrap();
        let themes = Themes::parse(THEMES).unwrap();
        let common: Vec<String> = common.iter().flat_map(|w| analyzer.primary_terms(w)).collect();
        let gazetteer = "ags\tlevel\tname\n06\tland\tHessen\n12\tland\tBrandenburg\n";
        let classes = "[[class]]\nlevel = \"land\"\nwords = [\"Bundesländern\"]\nweight = 0.3\n\n\
            [adjectives]\n\"Hessen\" = [\"hessisch\"]\n";
        let place_classes = PlaceClasses::parse(classes, gazetteer).unwrap();
        let absent = analyzer.primary_terms("Brandenburg");
        let share = move |term: &str| {
            if common.iter().any(|c| c == term) {
                1.0
            } else if absent.iter().any(|a| a == term) {
                0.0
            } else {
                0.001
            }
        };
        let vocabulary = Vocabulary {
            analyzer: &analyzer,
            synonyms: &synonyms,
            place_classes: &place_classes,
            passage_share: &share,
        };
        build(text, &themes, &vocabulary)
    }

    fn weight_of(theme: &FreeTextTheme, text: &str) -> Option<(f32, TermSource)> {
        theme.terms.iter().find(|t| t.text == text).map(|t| (t.weight, t.from))
    }

    #[test]
    fn words_phrases_synonyms_and_lent_terms_get_their_tiers() {
        let cases: &[(&str, &[&str], &str, Option<(f32, TermSource)>)] = &[
            (
                "familienfreundliche Kommune",
                &["Kommune"],
                "familienfreundliche",
                Some((CORE_WEIGHT, TermSource::Word)),
            ),
            (
                "familienfreundliche Kommune",
                &["Kommune"],
                "Kommune",
                Some((RELATED_WEIGHT, TermSource::Word)),
            ),
            (
                "familienfreundliche Kommune",
                &["Kommune"],
                "familienfreundliche Kommune",
                Some((CORE_WEIGHT, TermSource::Phrase)),
            ),
            (
                "Kooperation von Schule und Jugendhilfe",
                &[],
                "Kooperation von Schule und Jugendhilfe",
                Some((CORE_WEIGHT, TermSource::Phrase)),
            ),
            ("Kooperation von Schule und Jugendhilfe", &[], "Schule", Some((CORE_WEIGHT, TermSource::Word))),
            ("Kooperation von Schule und Jugendhilfe", &[], "von", None),
            (
                "Kooperation von Schule und Jugendhilfe",
                &[],
                "Zusammenarbeit",
                Some((STRONG_WEIGHT, TermSource::Synonym)),
            ),
            // One shared word of three is too little to borrow the theme `vernetzung`.
            ("Kooperation von Schule und Jugendhilfe", &[], "Netzwerk", None),
            ("Gewaltprävention", &["Prävention"], "gewalt", Some((PART_WEIGHT, TermSource::Part))),
            ("Gewaltprävention", &["Prävention"], "pravention", None),
            ("Gewaltprävention", &["Prävention"], "Gewaltprävention", Some((CORE_WEIGHT, TermSource::Word))),
            ("Monitoring", &[], "Berichtswesen", Some((RELATED_WEIGHT, TermSource::Synonym))),
            ("Monitoring", &[], "Sozialmonitoring", Some((LENT_WEIGHT, TermSource::Theme))),
            (
                "Monitoring und Sozialberichterstattung",
                &[],
                "Sozialberichterstattung",
                Some((CORE_WEIGHT, TermSource::Word)),
            ),
            ("Monitoring", &[], "Datenbasis", None),
            // The places of a kind of place the index holds (here not Brandenburg).
            (
                "Familienzentren in allen Bundesländern",
                &[],
                "Hessen",
                Some((RELATED_WEIGHT * 0.3, TermSource::Synonym)),
            ),
            (
                "Familienzentren in allen Bundesländern",
                &[],
                "hessisch",
                Some((RELATED_WEIGHT * 0.3, TermSource::Synonym)),
            ),
            ("Familienzentren in allen Bundesländern", &[], "Brandenburg", None),
        ];
        for (text, common, term, expected) in cases {
            let theme = built(text, common).unwrap();
            assert_eq!(weight_of(&theme, term), *expected, "{text:?}: {term:?} in {:?}", theme.terms);
        }
    }

    #[test]
    fn the_built_theme_is_a_valid_theme_strongest_terms_first() {
        let theme = built("Monitoring und Sozialberichterstattung", &[]).unwrap();
        assert_eq!(theme.theme.id, FREE_TEXT_ID);
        assert_eq!(theme.theme.label, "Monitoring und Sozialberichterstattung");
        assert_eq!(theme.lent_by.as_deref(), Some("steuerung"));
        assert_eq!(theme.theme.exclude, vec!["Lenkrad".to_string()], "the lending theme's exclusions");
        let weights: Vec<f32> = theme.theme.terms.iter().map(|t| t.weight).collect();
        assert!(weights.windows(2).all(|w| w[0] >= w[1]), "{weights:?}");
        let mut texts: Vec<String> = theme.theme.terms.iter().map(|t| t.text.to_lowercase()).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), theme.theme.terms.len(), "each term once: {:?}", theme.terms);
    }

    #[test]
    fn no_theme_lends_when_only_common_words_match() {
        let theme = built("Kooperation im Alltag", &["Kooperation"]).unwrap();
        assert_eq!(theme.lent_by, None, "{:?}", theme.terms);
        assert_eq!(weight_of(&theme, "Zusammenarbeit"), Some((COMMON_SYNONYM_WEIGHT, TermSource::Synonym)));
    }

    #[test]
    fn empty_and_stop_word_text_is_an_invalid_argument() {
        for text in ["", "   ", "und von der", "– / –"] {
            match built(text, &[]) {
                Err(Error::InvalidArgument(message)) => assert!(message.contains("topic"), "{message}"),
                other => panic!("{text:?}: expected an invalid argument, got {other:?}"),
            }
        }
    }
}
