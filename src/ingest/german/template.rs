//! The labels of the programme's profile template.
//!
//! Profile pages are filled in from one template: the figures under their labels ("Seit wann
//! dabei:", "Einwohnerzahl:", "Kinder unter 18:") and the head's statement under "ZITAT der
//! kommunalen Spitze". Kind detection recognises a profile by these labels, the figures
//! extractor reads the values after them, and the quote extractor takes a bare name below the
//! quote label as its speaker. Once read, the labels are no searchable text: the passage
//! splitter drops them (see [`label_value`]), so that a search for "Zitat" or "wann" does not
//! find every profile.

use std::sync::LazyLock;

use regex::Regex;

/// The label above the statement of the municipality's head.
pub(crate) const QUOTE_LABEL: &str = "ZITAT der kommunalen Spitze";
/// The label of the year the municipality joined the programme.
pub(crate) const YEAR_JOINED_LABEL: &str = "Seit wann dabei";
/// The label of the population.
pub(crate) const POPULATION_LABEL: &str = "Einwohnerzahl";
/// The label of the number of children under 18.
pub(crate) const CHILDREN_LABEL: &str = "Kinder unter 18";

/// The forms (regex, matched case-insensitively) in which scraped pages carry the figure
/// labels: with a question mark, "Einwohner"/"Einwohnerinnen", "Anzahl der Kinder unter 18
/// Jahren".
pub(crate) const YEAR_JOINED_FORMS: &str = r"seit wann dabei\??";
pub(crate) const POPULATION_FORMS: &str = r"einwohner(?:zahl|innen)?";
pub(crate) const CHILDREN_FORMS: &str = r"(?:anzahl\s+(?:der\s+)?)?kinder\s+unter\s+18(?:\s+jahren)?";

/// A line starting with one of the template's labels, in any case.
static PROFILE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let labels = [YEAR_JOINED_LABEL, POPULATION_LABEL, CHILDREN_LABEL, QUOTE_LABEL].map(regex::escape);
    Regex::new(&format!(r"(?i)^(?:{})", labels.join("|"))).expect("valid regex")
});
/// A line that is a template label, maybe followed by its value: the label must end the line
/// or be followed by `:` or `?` ("Einwohnerzahl: 220.586"), so that a sentence starting with
/// the same words ("Kinder unter 18 Jahren brauchen …") is not taken for one.
static LABEL_AND_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    let forms = [YEAR_JOINED_FORMS, POPULATION_FORMS, CHILDREN_FORMS, &regex::escape(QUOTE_LABEL)];
    Regex::new(&format!(r"(?i)^(?:{})\s*(?:[:?]\s*|$)", forms.join("|"))).expect("valid regex")
});
/// A line starting with the quote label, in any case.
static QUOTE_LABEL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{}", regex::escape(QUOTE_LABEL))).expect("valid regex"));
/// A line starting with the quote label's first word ("ZITAT", "Zitat:"): pages shorten it.
static QUOTE_WORD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let word = QUOTE_LABEL.split_whitespace().next().expect("the label has a word");
    Regex::new(&format!(r"(?i)^\s*{}\b", regex::escape(word))).expect("valid regex")
});

/// Whether `line` starts with a label of the template (figures or quote).
pub(crate) fn starts_with_profile_label(line: &str) -> bool {
    PROFILE_LABEL.is_match(line)
}

/// The value after a template label when `line` is one ("Einwohnerzahl: 220.586" →
/// `"220.586"`, "ZITAT der kommunalen Spitze" → `""`); `None` for any other line.
pub(crate) fn label_value(line: &str) -> Option<&str> {
    LABEL_AND_VALUE.find(line.trim()).map(|label| line.trim()[label.end()..].trim())
}

/// Whether `line` starts with the full quote label, "ZITAT der kommunalen Spitze".
pub(crate) fn starts_with_quote_label(line: &str) -> bool {
    QUOTE_LABEL_LINE.is_match(line)
}

/// Whether `line` starts (after spaces) with the word "Zitat", as the quote label and its
/// shortened forms do.
pub(crate) fn starts_with_quote_word(line: &str) -> bool {
    QUOTE_WORD_LINE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_any_case() {
        assert!(starts_with_profile_label("seit wann dabei: 2012"));
        assert!(starts_with_profile_label("KINDER UNTER 18: 38.354"));
        assert!(starts_with_quote_label("Zitat der kommunalen Spitze"));
        assert!(!starts_with_quote_label("Zitat:"));
        assert!(starts_with_quote_word("  ZITAT"));
        assert!(!starts_with_quote_word("Zitate sammeln"));
    }

    #[test]
    fn label_values() {
        // (line, value after the template label, if the line is one)
        let cases = [
            ("Seit wann dabei:", Some("")),
            ("Seit wann dabei? 2012", Some("2012")),
            ("Einwohnerzahl: ca. 445.000 Menschen", Some("ca. 445.000 Menschen")),
            ("Anzahl der Kinder unter 18 Jahren: 38.354", Some("38.354")),
            ("ZITAT der kommunalen Spitze", Some("")),
            ("  zitat der kommunalen spitze:  ", Some("")),
            // Sentences that start with the label's words are text.
            ("Kinder unter 18 Jahren brauchen Schutz.", None),
            ("Einwohnerinnen und Einwohner sind eingeladen.", None),
            ("Zitat des Monats", None),
            ("", None),
        ];
        for (line, expected) in cases {
            assert_eq!(label_value(line), expected, "template label in {line:?}");
        }
    }
}
