//! Letter tests for the loops that look at every character of a build (the tokenizer, the word
//! counter, the dedup key), with the letters of German text decided without Unicode tables.
//!
//! `char::is_alphanumeric` and `char::to_lowercase` look every non-ASCII character up in the
//! Unicode tables, a search each, and German text is full of ä, ö, ü and ß. The Latin-1
//! letters (À–ÿ without × and ÷) are decided here by their code point; every other character
//! is left to the standard library, so the answers are the standard library's (the tests
//! compare them for every character).

/// Whether `c` is a letter or digit: `c.is_alphanumeric()`.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && !is_general_punctuation(c)
            && (latin1_lowercase(c).is_some() || c.is_alphanumeric()))
}

/// Dashes, typographic quotation marks, bullets, ellipses and special spaces (U+2000–U+206F):
/// common in scraped German text, and none of them a letter or digit.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

/// Whether `c` is a lower-case letter: `c.is_lowercase()`.
#[inline]
pub(crate) fn is_lowercase(c: char) -> bool {
    match latin1_lowercase(c) {
        Some(lower) => lower == c,
        None => c.is_lowercase(),
    }
}

/// Appends `c` lower-cased to `out`: `out.extend(c.to_lowercase())`.
#[inline]
pub(crate) fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(lower) = latin1_lowercase(c) {
        out.push(lower);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// The lower case of a Latin-1 letter (À–Þ map to à–þ; ß–ÿ are lower case already); `None`
/// for any other character, × and ÷ included.
#[inline]
fn latin1_lowercase(c: char) -> Option<char> {
    match c {
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20),
        'ß'..='ÿ' if c != '÷' => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    /// If one of these fails, the tokenizer, the word counter or the dedup key no longer read
    /// words as the standard library does: a fast path answers wrongly for some character.
    #[test]
    fn answers_as_the_standard_library_for_every_character() {
        let mut out = String::new();
        for c in every_char() {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "is_alphanumeric({c:?})");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "is_lowercase({c:?})");
            out.clear();
            push_lowercase(&mut out, c);
            assert_eq!(out, c.to_lowercase().collect::<String>(), "lower case of {c:?}");
        }
    }

    #[test]
    fn german_letters_take_the_fast_path() {
        // (letter, its lower case)
        let cases = [('Ä', 'ä'), ('Ö', 'ö'), ('Ü', 'ü'), ('ä', 'ä'), ('ß', 'ß'), ('É', 'é'), ('ÿ', 'ÿ')];
        for (letter, lower) in cases {
            assert_eq!(latin1_lowercase(letter), Some(lower), "{letter:?}");
        }
        for other in ['×', '÷', 'a', 'ª', 'Ÿ', '²'] {
            assert_eq!(latin1_lowercase(other), None, "{other:?} is left to the standard library");
        }
    }
}
