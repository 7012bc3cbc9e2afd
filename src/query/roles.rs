//! Which quotes `--role` keeps: the office asked for, or a narrower office of the same kind,
//! never a broader or a different one.
//!
//! A journalist asking for `--role Oberbürgermeister` wants mayors of large cities, not every
//! `Bürgermeister`; `--role Ministerin` wants `Familienministerin` (a minister with a
//! portfolio) but not `Ministerpräsidentin` (another office whose name starts with the same
//! word). German builds offices as compounds whose last part is the office and whose first
//! parts narrow it (Familien|ministerin, Kreisjugendamts|leiterin, KeKiz-|Koordinatorin), so a
//! role word matches an asked word when, after stemming and gender folding, it ends with it.
//! `Landrätin` and `Landrat` are one office (the analyzer's gender base), and an abbreviation of
//! `index-config/synonyms.toml` asks for its long forms (`OB` → `Oberbürgermeister`). Every word
//! asked for must be matched by a word of the role (`Leiterin Jugendamt` keeps `Leiterin des
//! Jugendamtes`).
//!
//! The tantivy query cannot say "ends with" over stems, so the matcher checks the stored role
//! of each quote the query found; quotes are few next to the passages.

use crate::analysis::{GermanAnalyzer, Origin, Synonyms};

/// A compound's narrowing first part has at least this many characters (`Ober|bürgermeister`):
/// shorter "prefixes" are a different word that happens to end alike.
const MIN_NARROWING_CHARS: usize = 3;

/// The office words asked for, each with the terms any of which a role word may end with.
#[derive(Debug, Clone)]
pub struct RoleMatcher {
    wanted: Vec<Vec<String>>,
}

impl RoleMatcher {
    /// The matcher for `role` as a user typed it; None when no word of it can name an office
    /// (only stop words, or words too long for the analyzer).
    pub fn new(analyzer: &GermanAnalyzer, synonyms: &Synonyms, role: &str) -> Option<RoleMatcher> {
        let mut wanted = Vec::new();
        for word in role.split_whitespace() {
            let mut forms = vec![word.to_string()];
            forms.extend(synonyms.long_forms(analyzer, word));
            let terms: Vec<String> = forms.iter().flat_map(|form| office_terms(analyzer, form)).collect();
            if !terms.is_empty() {
                wanted.push(terms);
            }
        }
        (!wanted.is_empty()).then_some(RoleMatcher { wanted })
    }

    /// Whether a quote whose speaker holds `role` answers the request.
    pub fn matches(&self, analyzer: &GermanAnalyzer, role: &str) -> bool {
        let held: Vec<String> =
            role.split_whitespace().flat_map(|word| office_terms(analyzer, word)).collect();
        self.wanted.iter().all(|terms| held.iter().any(|h| terms.iter().any(|t| names_office(h, t))))
    }
}

/// The terms one word of a role stands for: its stem and gender base, for the whole word and for
/// its last hyphenated segment (`NRW-Ministerpräsidentin` → also `Ministerpräsidentin`). Stop
/// words give none.
fn office_terms(analyzer: &GermanAnalyzer, word: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let last_segment = word.rsplit('-').next().filter(|s| s.len() < word.len() && !s.is_empty());
    for form in std::iter::once(word).chain(last_segment) {
        for token in analyzer.analyze(form) {
            if matches!(token.origin, Origin::Word | Origin::Stem | Origin::Gender)
                && !terms.contains(&token.text)
            {
                terms.push(token.text);
            }
        }
    }
    terms
}

/// Whether the role term `held` names the office `asked` or a narrower one: equal, or ending
/// with it after a first part of [`MIN_NARROWING_CHARS`] or more.
fn names_office(held: &str, asked: &str) -> bool {
    held == asked
        || held.strip_suffix(asked).is_some_and(|first| first.chars().count() >= MIN_NARROWING_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::AnalysisConfig;

    fn analysis() -> AnalysisConfig {
        crate::bundled::config().expect("the bundled index-config").load_analysis().expect("analysis loads")
    }

    fn analyzer(analysis: &AnalysisConfig) -> GermanAnalyzer {
        analysis.german_analyzer(None)
    }

    #[test]
    fn an_office_keeps_itself_and_narrower_offices_only() {
        let analysis = analysis();
        let analyzer = analyzer(&analysis);
        let cases: [(&str, &str, bool); 16] = [
            ("Oberbürgermeister", "Oberbürgermeister", true),
            ("Oberbürgermeister", "Oberbürgermeisterin", true),
            ("Oberbürgermeister", "Bürgermeister", false),
            ("Bürgermeister", "Oberbürgermeister", true),
            ("OB", "Oberbürgermeister", true),
            ("OB", "Bürgermeister", false),
            ("Landrätin", "Landrat", true),
            ("Landrat", "Landrätin", true),
            ("Ministerin", "Familienministerin", true),
            ("Ministerin", "Ministerpräsidentin", false),
            ("Ministerpräsidentin", "NRW-Ministerpräsidentin", true),
            ("Koordinatorin", "KeKiz-Koordinatorin", true),
            ("Jugendamtsleiter", "Wuppertals Jugendamtsleiter", true),
            ("Leiterin Jugendamt", "Leiterin des Kreisjugendamtes", true),
            ("Leiterin Jugendamt", "Leiterin des Gesundheitsamtes", false),
            ("Dezernent", "Sozialdezernent des Kreises", true),
        ];
        for (asked, held, expected) in cases {
            let matcher = RoleMatcher::new(&analyzer, &analysis.synonyms, asked).expect("a role");
            assert_eq!(matcher.matches(&analyzer, held), expected, "--role {asked} on {held:?}");
        }
        assert!(RoleMatcher::new(&analyzer, &analysis.synonyms, "der die").is_none());
    }
}
