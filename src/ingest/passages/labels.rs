//! Template labels out of passages: the profile template's labels ("Seit wann dabei:",
//! "Einwohnerzahl:", "ZITAT der kommunalen Spitze") are read by the metadata stage and are no
//! text a search should find. A label line is dropped, a `label: value` line keeps its value,
//! and a section named by a label loses that part of its name (no name left: no section).

use crate::ingest::german::template::label_value;

/// Separator of nested section names (`Leitlinien: I. Gutes miteinander vernetzen`).
const SECTION_SEPARATOR: &str = ": ";

/// `text` without its template labels: label lines dropped, values kept.
pub(super) fn without_labels(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .filter_map(|line| match label_value(line) {
            Some("") => None,
            Some(value) => Some(value),
            None => Some(line),
        })
        .collect();
    lines.join("\n")
}

/// A section name without the parts that are template labels; `None` when nothing is left.
pub(super) fn section_without_labels(section: &str) -> Option<String> {
    if label_value(section).is_none() && !section.contains(SECTION_SEPARATOR) {
        return Some(section.to_string());
    }
    let kept: Vec<&str> = section
        .split(SECTION_SEPARATOR)
        .filter(|part| label_value(part).is_none_or(|v| !v.is_empty()))
        .collect();
    (!kept.is_empty()).then(|| kept.join(SECTION_SEPARATOR))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_leave_passages_and_sections() {
        // (passage text, expected text)
        let texts = [
            ("Seit wann dabei: 2017\nEinwohnerzahl: 220.586", "2017\n220.586"),
            ("ZITAT der kommunalen Spitze\n„Wir wollen es.“", "„Wir wollen es.“"),
            ("Kinder unter 18 Jahren brauchen Schutz.", "Kinder unter 18 Jahren brauchen Schutz."),
        ];
        for (text, expected) in texts {
            assert_eq!(without_labels(text), expected, "labels out of {text:?}");
        }
        // (section, expected section)
        let sections = [
            ("ZITAT der kommunalen Spitze", None),
            ("Kreis Wesel: ZITAT der kommunalen Spitze", Some("Kreis Wesel")),
            (
                "Leitlinien: I. Gutes miteinander vernetzen",
                Some("Leitlinien: I. Gutes miteinander vernetzen"),
            ),
            ("Zitat des Monats", Some("Zitat des Monats")),
        ];
        for (section, expected) in sections {
            assert_eq!(section_without_labels(section).as_deref(), expected, "section {section:?}");
        }
    }
}
