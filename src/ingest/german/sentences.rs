//! Sentence ends in German running text, and the one list of abbreviations whose full stop
//! ends no sentence.
//!
//! A full stop after an abbreviation (`Dr.`, `Nr.`, `usw.`), an initial (`C.`), a one- or
//! two-digit ordinal (`26. Mai`, `jedes 5. Kind`) or a dotted abbreviation (`z.B.`, `v.l.`,
//! `2.v.r.`) ends nothing. The passage splitter cuts at sentence ends with more conditions of
//! its own (closing brackets, the next word's case); the quote extractor uses
//! [`is_sentence_end`] to find where the sentence around a quote starts and ends.

use super::quotation_marks::is_quotation_mark;

/// Abbreviations (lower case, without the final full stop) whose full stop ends no sentence.
/// Dotted forms like `z.B`, `u.a`, `v.l` are recognised by shape, see [`is_abbreviation`].
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "abs", "abt", "allg", "art", "bd", "bspw", "bzgl", "bzw", "ca", "chr", "co", "dipl", "dr", "dt", "ehem",
    "etc", "ev", "evtl", "fa", "fr", "geb", "gem", "ggf", "ggfs", "hr", "hrsg", "inkl", "insb", "ing", "jh",
    "jhd", "jur", "kath", "lt", "max", "med", "min", "mind", "mio", "mrd", "nr", "od", "pd", "phil", "prof",
    "rd", "ref", "sog", "st", "std", "stellv", "str", "tel", "tsd", "usw", "uvm", "vgl", "vs", "zb", "zzgl",
    "jan", "feb", "mär", "apr", "aug", "sep", "sept", "okt", "nov", "dez",
];

/// The longest abbreviation in bytes: longer words need no lower-casing to be ruled out.
const MAX_ABBREVIATION_BYTES: usize = 8;

/// Whether a full stop right after `word` (the word without its full stop) ends no sentence:
/// `word` is an abbreviation (any case), a single letter or digit, a number of one or two
/// digits, or dotted like `z.B` or `2.v.r`.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().count();
    (word.len() <= MAX_ABBREVIATION_BYTES && ABBREVIATIONS.contains(&word.to_lowercase().as_str()))
        || (letters == 1 && word.chars().all(char::is_alphanumeric))
        || (letters <= 2 && word.chars().all(|c| c.is_ascii_digit()))
        || (word.contains('.')
            && word
                .split('.')
                .all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphanumeric)))
}

/// Whether the `.`, `!` or `?` at byte `i` of `text` ends a sentence: whitespace, a quotation
/// mark or the text's end follows it, and a full stop does not end an abbreviation ("Dr.",
/// "z. B.", "20. November").
pub(crate) fn is_sentence_end(text: &str, i: usize) -> bool {
    let after = text[i..].chars().nth(1);
    if !after.is_none_or(|n| n.is_whitespace() || is_quotation_mark(n)) {
        return false;
    }
    if !text[i..].starts_with('.') {
        return true;
    }
    let word = text[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    !is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_initials_ordinals_and_dotted_forms() {
        for word in ["Dr", "dr", "Prof", "usw", "Nov", "C", "5", "26", "z.B", "2.v.r", "phil"] {
            assert!(is_abbreviation(word), "{word}");
        }
        for word in ["", "Kita", "2014", "Landrat", "z.Beispiel"] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn sentence_ends() {
        let ends = |text: &str| {
            text.char_indices()
                .filter(|&(i, c)| matches!(c, '.' | '!' | '?') && is_sentence_end(text, i))
                .count()
        };
        assert_eq!(ends("Das ist gut. Das auch!"), 2);
        assert_eq!(ends("Landrat Dr. Sommer kam am 20. November."), 1);
        assert_eq!(ends("„Wir sind bereit.“ Danach"), 1);
        assert_eq!(ends("Die Seite kita.de ist neu"), 0);
    }
}
