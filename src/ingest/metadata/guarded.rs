//! Regexes behind a cheap test of the line: the words one of which every match contains.
//!
//! Several extractors' patterns need Unicode word boundaries (`\b`), which the regex crate's
//! fast engines give up on in non-ASCII text: searching a German line with one takes
//! microseconds, and such patterns run over every line of every document. Most lines contain
//! none of the words a pattern needs, and one Aho-Corasick pass tells so; the regex then runs
//! only on the rest, with the same result as on all lines.
//!
//! The words must be chosen with the pattern's case rules in mind: under `(?i)` the regex also
//! matches "K" (Kelvin sign) for `k` and "ſ" (long s) for `s`, and `ä` matches `Ä`, none of
//! which an ASCII-case-insensitive word matches; such spellings need words of their own.

use std::iter::Flatten;
use std::option;

use aho_corasick::AhoCorasick;
use regex::{CaptureMatches, Regex};

pub(super) struct Guarded {
    words: AhoCorasick,
    regex: Regex,
}

impl Guarded {
    /// `pattern`, tried only on lines containing one of `words` — which every match of the
    /// pattern must contain; ASCII letters match in either case when `ascii_case_insensitive`.
    pub fn new(words: &[&str], ascii_case_insensitive: bool, pattern: &str) -> Guarded {
        let words = AhoCorasick::builder()
            .ascii_case_insensitive(ascii_case_insensitive)
            .build(words)
            .expect("valid guard words");
        Guarded { words, regex: Regex::new(pattern).expect("valid regex") }
    }

    pub fn is_match(&self, line: &str) -> bool {
        self.words.is_match(line) && self.regex.is_match(line)
    }

    /// The matches in a line, as `Regex::captures_iter` gives them.
    pub fn captures_iter<'r, 'h>(&'r self, line: &'h str) -> Flatten<option::IntoIter<CaptureMatches<'r, 'h>>> {
        self.words.is_match(line).then(|| self.regex.captures_iter(line)).into_iter().flatten()
    }

    /// The unguarded regex, for tests that compare the two.
    #[cfg(test)]
    pub fn regex(&self) -> &Regex {
        &self.regex
    }
}

/// Whether `text` has `n` digits in a row, counting any numeric character: a cheap test that
/// `\d{n}` (Unicode decimal digits) may match.
pub(super) fn has_digit_run(text: &str, n: usize) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_numeric() { run + 1 } else { 0 };
        if run == n {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_only_lines_without_the_words() {
        let guarded = Guarded::new(&["tag"], true, r"(?i)\b\w+tag\b");
        // (line, expected match)
        let cases = [("am Montag", true), ("AM MONTAG", true), ("Geburtstage", false), ("", false)];
        for (line, expected) in cases {
            assert_eq!(guarded.is_match(line), expected, "is_match of {line:?}");
            assert_eq!(guarded.captures_iter(line).count(), usize::from(expected), "captures of {line:?}");
        }
    }

    #[test]
    fn digit_runs() {
        let cases = [("48565 Steinfurt", 5, true), ("4856 Steinfurt 1", 5, false), ("٤٨٥٦٥", 5, true), ("", 1, false)];
        for (text, n, expected) in cases {
            assert_eq!(has_digit_run(text, n), expected, "{n} digits in a row in {text:?}");
        }
    }
}
