//! Splits text into lower-cased surface words with byte offsets, positions and the marks
//! later steps need.
//!
//! A word is a run of letters and digits. Some joiners keep a written word together, because
//! German writes one word with them:
//! * a hyphen between letters (`Kita-Grundschule`, `KeKiz-Workshop`) stays in the word;
//! * a gender marker before `in`/`innen` (`Koordinator:innen`, `*innen`, `_innen`, `/innen`,
//!   `/-innen`, `(innen)`) is dropped and the word marked [`Marks::gender`]; so is the
//!   capital I of `KoordinatorInnen`;
//! * soft hyphens and zero-width characters are invisible and dropped.
//!
//! A hyphen that ends a word before a space or comma (`Kinder- und Jugendhilfe`) marks the
//! word [`Marks::open_hyphen`]: the first part of an elliptic compound. Words longer than the
//! configured maximum are skipped (URLs, garbage) but still take a position.

use super::letters::{is_alphanumeric, is_lowercase, push_lowercase};
use super::{AnalyzedToken, Marks, Origin};

/// Characters that are invisible inside a word and must not split it.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Markers that may join a gender ending `in`/`innen` to a word (`Koordinator:innen`).
pub(crate) fn is_gender_mark(c: char) -> bool {
    matches!(c, ':' | '*' | '_' | '/' | '·' | '(')
}

#[derive(Debug, Clone, Copy)]
pub struct WordTokenizer {
    pub max_word_chars: usize,
}

/// The word being read: its text so far and what marks it has.
#[derive(Default)]
struct Pending {
    text: String,
    start: usize,
    end: usize,
    marks: Marks,
}

impl WordTokenizer {
    pub fn tokenize(&self, text: &str) -> Vec<AnalyzedToken> {
        self.tokenize_counting(text).0
    }

    /// The tokens of `text`, and how many of the over-long words it skipped still count as
    /// words for [`super::WordCounter`], which measures a word by its letters and digits alone
    /// (`Projektkoordinatorin-Netzwerkbeauftragte` without its hyphen).
    pub fn tokenize_counting(&self, text: &str) -> (Vec<AnalyzedToken>, usize) {
        let mut counted_overlong = 0;
        // Sized once: a text has at most as many characters as bytes, and about one word in seven.
        let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
        chars.extend(text.char_indices());
        let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
        let mut position = 0;
        let mut i = 0;
        while i < chars.len() {
            if !is_alphanumeric(chars[i].1) {
                i += 1;
                continue;
            }
            let (mut word, next) = read_word(&chars, i, text.len());
            word.marks.clause_end = ends_clause(&chars[next..]);
            // A word has at least as many bytes as characters: most are counted by their bytes.
            let max = self.max_word_chars;
            if word.text.len() <= max || word.text.chars().count() <= max {
                tokens.push(AnalyzedToken {
                    text: word.text,
                    offset_from: word.start,
                    offset_to: word.end,
                    position,
                    origin: Origin::Word,
                    marks: word.marks,
                });
            } else if word.text.chars().filter(|c| c.is_alphanumeric()).count() <= max {
                counted_overlong += 1;
            }
            position += 1;
            i = next;
        }
        (tokens, counted_overlong)
    }
}

/// Whether the characters after a word end its clause: punctuation that ends one, a line
/// break or the end of the text before the next word.
fn ends_clause(after: &[(usize, char)]) -> bool {
    after
        .iter()
        .map(|&(_, c)| c)
        .take_while(|&c| !is_alphanumeric(c))
        .any(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\n'))
        || after.iter().all(|&(_, c)| !is_alphanumeric(c))
}

/// Bytes reserved for a word's lower-cased text: most words fit.
const WORD_CAPACITY: usize = 24;

/// Reads the word starting at `chars[start]`; returns it and the index after it.
fn read_word(chars: &[(usize, char)], start: usize, text_len: usize) -> (Pending, usize) {
    let byte_at = |i: usize| chars.get(i).map(|c| c.0).unwrap_or(text_len);
    // Room for a long German word at once instead of growing the string letter by letter.
    let mut word =
        Pending { start: chars[start].0, text: String::with_capacity(WORD_CAPACITY), ..Pending::default() };
    let mut i = start;
    let mut previous_lower = false;
    while i < chars.len() {
        let c = chars[i].1;
        if is_alphanumeric(c) {
            if c == 'I' && previous_lower && binnen_i_ending(chars, i) {
                word.marks.gender = true;
            }
            push_lowercase(&mut word.text, c);
            previous_lower = is_lowercase(c);
            i += 1;
            word.end = byte_at(i);
        } else if is_invisible(c) {
            i += 1;
        } else if let Some(after) = gender_suffix(chars, i) {
            word.text.push_str(&gender_ending(chars, after));
            word.marks.gender = true;
            i = after.1;
            word.end = byte_at(i);
            break;
        } else if is_hyphen(c) && chars.get(i + 1).is_some_and(|n| is_alphanumeric(n.1)) {
            word.text.push('-');
            i += 1;
        } else {
            if is_hyphen(c) && chars.get(i + 1).is_none_or(|n| n.1.is_whitespace() || n.1 == ',') {
                word.marks.open_hyphen = true;
            }
            break;
        }
    }
    (word, i)
}

/// After a gender marker at `i` (`:`, `*`, `_`, `/`, `/-`, `·`, `(`), the range of the
/// following `in`/`innen` (start, end index), when the word ends there.
fn gender_suffix(chars: &[(usize, char)], i: usize) -> Option<(usize, usize)> {
    let c = chars[i].1;
    if !is_gender_mark(c) {
        return None;
    }
    let mut start = i + 1;
    if c == '/' && chars.get(start).is_some_and(|n| is_hyphen(n.1)) {
        start += 1;
    }
    for ending in ["innen", "in"] {
        let end = start + ending.len();
        let matches = chars.get(start..end).is_some_and(|s| s.iter().map(|x| x.1).eq(ending.chars()));
        if !matches {
            continue;
        }
        let end = if c == '(' && chars.get(end).is_some_and(|n| n.1 == ')') { end + 1 } else { end };
        if chars.get(end).is_none_or(|n| !n.1.is_alphanumeric()) {
            return Some((start, end));
        }
    }
    None
}

fn gender_ending(chars: &[(usize, char)], (start, end): (usize, usize)) -> String {
    chars[start..end].iter().map(|c| c.1).filter(|c| c.is_alphabetic()).collect()
}

/// `KoordinatorInnen`: a capital I after a lower-case letter, followed by `n` or `nnen` and
/// the end of the word.
fn binnen_i_ending(chars: &[(usize, char)], i: usize) -> bool {
    let rest: String = chars[i + 1..].iter().map(|c| c.1).take_while(|c| c.is_alphanumeric()).collect();
    rest == "n" || rest == "nnen"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (term, gender mark, open hyphen)
    type Word = (String, bool, bool);

    fn words(text: &str) -> Vec<Word> {
        WordTokenizer { max_word_chars: 40 }
            .tokenize(text)
            .into_iter()
            .map(|t| (t.text, t.marks.gender, t.marks.open_hyphen))
            .collect()
    }

    fn w(text: &str, gender: bool, open: bool) -> Word {
        (text.to_string(), gender, open)
    }

    #[test]
    fn surface_words_and_marks() {
        let cases: &[(&str, Vec<Word>)] = &[
            (
                "Kinder und Jugendliche",
                vec![w("kinder", false, false), w("und", false, false), w("jugendliche", false, false)],
            ),
            ("Kita-Grundschule", vec![w("kita-grundschule", false, false)]),
            (
                "Kinder- und Jugendhilfe",
                vec![w("kinder", false, true), w("und", false, false), w("jugendhilfe", false, false)],
            ),
            (
                "Kinder-, Jugend- und Familienhilfe",
                vec![
                    w("kinder", false, true),
                    w("jugend", false, true),
                    w("und", false, false),
                    w("familienhilfe", false, false),
                ],
            ),
            ("Koordinator:innen", vec![w("koordinatorinnen", true, false)]),
            ("Koordinator*innen", vec![w("koordinatorinnen", true, false)]),
            ("Koordinator_innen", vec![w("koordinatorinnen", true, false)]),
            ("Koordinator/innen", vec![w("koordinatorinnen", true, false)]),
            ("Koordinator/-innen", vec![w("koordinatorinnen", true, false)]),
            ("Koordinator(innen)", vec![w("koordinatorinnen", true, false)]),
            ("KoordinatorInnen", vec![w("koordinatorinnen", true, false)]),
            ("Sprecher/in", vec![w("sprecherin", true, false)]),
            ("Koordinatorinnen", vec![w("koordinatorinnen", false, false)]),
            ("INNEN", vec![w("innen", false, false)]),
            ("Eltern/Kinder", vec![w("eltern", false, false), w("kinder", false, false)]),
            ("Ziel: innen", vec![w("ziel", false, false), w("innen", false, false)]),
            ("Präven\u{AD}tion", vec![w("prävention", false, false)]),
            ("z. B. 2017", vec![w("z", false, false), w("b", false, false), w("2017", false, false)]),
            ("Wort -", vec![w("wort", false, false)]),
            ("Schluss-", vec![w("schluss", false, true)]),
        ];
        for (text, expected) in cases {
            assert_eq!(&words(text), expected, "tokenizing {text:?}");
        }
    }

    #[test]
    fn offsets_point_at_the_written_word() {
        let text = "Die Koordinator:innen und Kita-Grundschule";
        let tokens = WordTokenizer { max_word_chars: 40 }.tokenize(text);
        let written: Vec<&str> = tokens.iter().map(|t| &text[t.offset_from..t.offset_to]).collect();
        assert_eq!(written, vec!["Die", "Koordinator:innen", "und", "Kita-Grundschule"]);
    }

    #[test]
    fn overlong_words_are_skipped_but_take_a_position() {
        let long = "x".repeat(60);
        let tokens = WordTokenizer { max_word_chars: 40 }.tokenize(&format!("a {long} b"));
        let got: Vec<(String, usize)> = tokens.into_iter().map(|t| (t.text, t.position)).collect();
        assert_eq!(got, vec![("a".to_string(), 0), ("b".to_string(), 2)]);
    }

    #[test]
    fn empty_and_punctuation_only_text_give_no_tokens() {
        assert!(words("").is_empty());
        assert!(words(" ?!… — „“ - : * ").is_empty());
    }
}
