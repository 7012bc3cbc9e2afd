//! Explicit mentions of places — "Stadt Dormagen", "Kreises Olpe", "Ennepe-Ruhr-Kreis" — and
//! the names they give places the gazetteer may lack ("Dormagen", "Kreis Olpe").
//!
//! The pattern relies on Unicode word boundaries, which the regex crate's fast engines give up
//! on in non-ASCII text: run over a whole German line it costs microseconds, and every line of
//! every document is searched. So it is tried, anchored, only where a match can start — at an
//! authority word, or at a capital letter when the line has a "-Kreis" — which finds exactly
//! the matches a search of the whole line finds.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::prefilter::{capitalised_word_after_space, run_reach, Anchored, AnchoredMatch};

/// Capitalised function words that follow "Stadt"/"Kreis" without being a place.
const NOT_PLACE_NAMES: [&str; 20] = [
    "Der", "Die", "Das", "Den", "Dem", "Des", "Und", "Oder", "Mit", "Von", "Für", "Auf", "Aus", "Bei",
    "Nach", "Zur", "Zum", "Ein", "Eine", "Sie",
];

/// Explicit mentions of places that may be missing from the gazetteer.
static DISCOVER: LazyLock<Anchored> = LazyLock::new(|| {
    // No "am Main"-style continuation: "Stadt Blomberg im Mittelpunkt" would read as a name.
    // Multi-word names belong in the gazetteer.
    let name = r"(?:(?:Bad|Sankt|St\.)\s+)?\p{Lu}\p{Ll}\p{L}+(?:-\p{Lu}\p{L}+)*";
    let re = format!(
        r"\b(?:(Kreis|Kreises|Landkreis|Landkreises|Städteregion|StädteRegion|Stadt|Gemeinde)\s+({name})|(\p{{Lu}}\p{{L}}+(?:-\p{{Lu}}\p{{L}}+)*-Kreis)(?:es)?\b)"
    );
    Anchored::new(&re).with_reach(mention_reach)
});

/// How far an explicit mention starting at `text`'s start can reach: it holds letters, white
/// space, hyphens and the dot of "St." only, and at most two runs of white space (after the
/// authority word and after "Bad"/"Sankt"/"St."), both inside it since it starts and ends
/// with a letter. So it ends before the first other character or the third run of space.
fn mention_reach(text: &str) -> usize {
    run_reach(text, 2, |c| c.is_alphabetic() || c == '-' || c == '.')
}

/// Where the first alternative can start ("Kreises" and "Landkreises" start as "Kreis" and
/// "Landkreis" do). No two of the words can overlap, so a plain search finds every one.
static AUTHORITY_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(["Kreis", "Landkreis", "Städteregion", "StädteRegion", "Stadt", "Gemeinde"])
        .expect("valid literals")
});

/// The names of the places a line mentions explicitly, in order: "Stadt Dormagen" →
/// "Dormagen", "Kreises Olpe" → "Kreis Olpe", "Ennepe-Ruhr-Kreises" → "Ennepe-Ruhr-Kreis".
pub(super) fn explicit_names(line: &str) -> impl Iterator<Item = String> + '_ {
    mentions(line).into_iter().filter_map(|m| name_of(|group| m.group(group)))
}

/// Whether the whole text is one explicit mention ("Kreis Olpe", "Ennepe-Ruhr-Kreis").
pub(super) fn is_explicit_mention(text: &str) -> bool {
    DISCOVER.match_at(text, 0).is_some_and(|m| m.span.end == text.len())
}

/// The explicit mentions in a line: the pattern tried where a match can start (see the module
/// doc).
fn mentions(line: &str) -> Vec<AnchoredMatch<'_>> {
    let district_suffix = line.contains("-Kreis");
    // The first alternative needs a capitalised word after the authority word (and space):
    // "Kreisverwaltung" or "Stadt und Land" are no places. Without a "-Kreis" in the line, the
    // second alternative cannot match anywhere.
    let mut starts: Vec<usize> = AUTHORITY_WORDS
        .find_iter(line)
        .filter(|word| {
            let rest = &line[word.end()..];
            district_suffix
                || capitalised_word_after_space(rest)
                || rest.strip_prefix("es").is_some_and(capitalised_word_after_space)
        })
        .map(|word| word.start())
        .collect();
    if district_suffix {
        starts.extend(line.char_indices().filter(|(_, c)| c.is_uppercase()).map(|(i, _)| i));
        starts.sort_unstable();
        starts.dedup();
    }
    DISCOVER.matches(line, starts)
}

/// The canonical name of an explicit mention (given the texts of its groups), if it is a place
/// name.
fn name_of<'h>(group: impl Fn(usize) -> Option<&'h str>) -> Option<String> {
    if let Some(kreis) = group(3) {
        return Some(kreis.to_string());
    }
    let (authority, name) = (group(1)?, group(2)?);
    if NOT_PLACE_NAMES.contains(&name) {
        return None;
    }
    Some(match authority {
        "Kreis" | "Kreises" => format!("Kreis {name}"),
        "Landkreis" | "Landkreises" => format!("Landkreis {name}"),
        "Städteregion" | "StädteRegion" => format!("Städteregion {name}"),
        _ => name.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unanchored pattern as the detector used to run it over whole lines: the reference.
    fn searched_whole(line: &str) -> Vec<String> {
        let matches = DISCOVER.unanchored().captures_iter(line);
        matches.filter_map(|c| name_of(|group| c.get(group).map(|g| g.as_str()))).collect()
    }

    #[test]
    fn a_mention_reaches_no_further_than_its_letters_and_two_spaces() {
        // (text, what a mention starting there can span at most)
        let cases = [
            ("Stadt St. Augustin und mehr", "Stadt St. Augustin"),
            ("Kreis  Olpe,\tweiter", "Kreis  Olpe"),
            ("Rhein-Sieg-Kreises: Plan", "Rhein-Sieg-Kreises"),
            ("Städteregion Aachen", "Städteregion Aachen"),
            ("Gemeinde 1 Ort", "Gemeinde "),
            ("", ""),
        ];
        for (text, reach) in cases {
            assert_eq!(&text[..mention_reach(text)], reach, "reach in {text:?}");
        }
    }

    #[test]
    fn names_as_a_search_of_the_whole_line_finds_them() {
        // (line, expected names)
        let cases: &[(&str, &[&str])] = &[
            ("Die Stadt Dormagen und der Kreis Olpe", &["Dormagen", "Kreis Olpe"]),
            (
                "Kreises Olpe, Landkreises Harz, StädteRegion Aachen",
                &["Kreis Olpe", "Landkreis Harz", "Städteregion Aachen"],
            ),
            ("Der Ennepe-Ruhr-Kreises Plan im Rhein-Sieg-Kreis", &["Ennepe-Ruhr-Kreis", "Rhein-Sieg-Kreis"]),
            (
                "Stadt Bad Honnef, Stadt St. Augustin, Gemeinde Sankt Katharinen",
                &["Bad Honnef", "St. Augustin", "Sankt Katharinen"],
            ),
            // No word boundary before the authority word, a function word after it.
            ("HauptStadt Berlin, ÄStadt Köln, _Kreis Olpe, 1Stadt Bonn, die Stadt Die", &[]),
            ("«Stadt Köln» und (Kreis Olpe)", &["Köln", "Kreis Olpe"]),
            ("Ärztekreis Süd, ÜberKreis Nord, Rhein-Sieg-Kreisel", &[]),
            ("Groß-Umstadt-Kreis und Ö-Kreis", &["Groß-Umstadt-Kreis"]),
            // The search stops at the third run of space or at punctuation, just after it.
            ("Stadt Bad Honnef-Süd am Rhein-Kreis", &["Bad Honnef-Süd", "Rhein-Kreis"]),
            ("Landkreis\u{a0}Harz-Kreis, Stadt\tEssen.", &["Landkreis Harz-Kreis", "Essen"]),
            ("", &[]),
        ];
        for (line, expected) in cases {
            let names: Vec<String> = explicit_names(line).collect();
            assert_eq!(names, *expected, "names in {line:?}");
            assert_eq!(
                names,
                searched_whole(line),
                "anchored search differs from the whole-line search in {line:?}"
            );
        }
    }
}
