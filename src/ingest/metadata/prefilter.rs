//! Cheap ways to run the slow patterns, with the results of running them plainly.
//!
//! Several extractors' patterns need Unicode word boundaries (`\b`), which the regex crate's
//! fast engines give up on in non-ASCII text: searching a German line with one takes
//! microseconds, and such patterns run over every line of every document. Two remedies:
//!
//! - [`Guarded`]: most lines contain none of the words a pattern needs, and one Aho-Corasick
//!   pass tells so; the regex runs only on the rest.
//! - [`Anchored`]: where the needed words are common, the pattern is tried only where a match
//!   can start (the caller knows where: at a month name, an authority word, …), anchored
//!   there, which gives up as soon as the text stops fitting the pattern.
//!
//! Words and starts must be chosen with the pattern's case rules in mind: under `(?i)` the
//! regex also matches "K" (Kelvin sign) for `k` and "ſ" (long s) for `s`, and `ä` matches `Ä`,
//! none of which an ASCII-case-insensitive word matches; such spellings need words of their own.

use std::ops::Range;

use std::sync::OnceLock;

use aho_corasick::{packed, AhoCorasick, Input, MatchKind, Span};
use regex::{Captures, Regex};

/// A text that the guard words of several [`Guarded`] patterns are looked for in. The
/// case-insensitive guards search its ASCII-lower-cased copy (same length, same offsets:
/// only ASCII letters change), made once, when first needed.
pub(super) struct SearchText<'a> {
    text: &'a str,
    lowered: OnceLock<String>,
}

impl<'a> SearchText<'a> {
    pub fn new(text: &'a str) -> SearchText<'a> {
        SearchText { text, lowered: OnceLock::new() }
    }

    fn ascii_lowercase(&self) -> &str {
        self.lowered.get_or_init(|| self.text.to_ascii_lowercase())
    }
}

/// A regex tried only on lines that contain one of the words every match contains.
pub(super) struct Guarded {
    /// The words, for one line at a time.
    words: AhoCorasick,
    /// The same words for a whole text (see [`Guarded::any_line`]): shortest first, found
    /// leftmost-first, which lets the search skip ahead (an overlapping search steps through
    /// every byte); ASCII-lower-cased when the guard ignores ASCII case, since that search runs
    /// over the text's ASCII-lower-cased copy.
    finder: WordFinder,
    ascii_case_insensitive: bool,
    regex: Regex,
}

impl Guarded {
    /// `pattern`, tried only on lines containing one of `words`; ASCII letters of the words
    /// match in either case when `ascii_case_insensitive`.
    pub fn new(words: &[&str], ascii_case_insensitive: bool, pattern: &str) -> Guarded {
        let mut searched: Vec<String> = words
            .iter()
            .map(|w| if ascii_case_insensitive { w.to_ascii_lowercase() } else { w.to_string() })
            .collect();
        // Stable: of words of one length, the first listed stays first.
        searched.sort_by_key(String::len);
        let finder = WordFinder::new(&searched);
        Guarded {
            words: AhoCorasick::builder()
                .ascii_case_insensitive(ascii_case_insensitive)
                .build(words)
                .expect("valid guard words"),
            finder,
            ascii_case_insensitive,
            regex: Regex::new(pattern).expect("valid regex"),
        }
    }

    pub fn is_match(&self, line: &str) -> bool {
        self.words.is_match(line) && self.regex.is_match(line)
    }

    /// Whether one of `lines` that `keep` accepts matches: `lines.iter().any(|l| keep(l) &&
    /// self.is_match(l))`, for lines that are slices of `text` in text order, not overlapping.
    /// The words are looked for in the whole text at once (one search instead of one per
    /// line), and only a line holding one is tried, once: the search goes on after its end.
    pub fn any_line(&self, text: &SearchText, lines: &[&str], keep: impl Fn(&str) -> bool) -> bool {
        let haystack = if self.ascii_case_insensitive { text.ascii_lowercase() } else { text.text };
        let offset = |line: &str| (line.as_ptr() as usize).wrapping_sub(text.text.as_ptr() as usize);
        debug_assert!(
            lines.iter().all(|l| offset(l) + l.len() <= text.text.len()),
            "lines are slices of the text"
        );
        debug_assert!(
            lines.windows(2).all(|w| offset(w[0]) + w[0].len() <= offset(w[1])),
            "lines in text order"
        );
        // No word outside the lines' span can be in one of them.
        let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
            return false;
        };
        let (mut from, end) = (offset(first), offset(last) + last.len());
        while let Some(word) = self.finder.find(haystack, from..end) {
            // The line that starts last at or before the word, if the word lies inside it. The
            // shortest word at a place is found: if it is in no line, neither is a longer one.
            let after = lines.partition_point(|l| offset(l) <= word.start());
            let inside = after
                .checked_sub(1)
                .map(|index| lines[index])
                .filter(|line| word.end() <= offset(line) + line.len());
            let Some(line) = inside else {
                from = word.start() + 1;
                continue;
            };
            if keep(line) && self.regex.is_match(line) {
                return true;
            }
            from = offset(line) + line.len();
        }
        false
    }

    /// The unguarded regex, for tests that compare the two.
    #[cfg(test)]
    pub fn regex(&self) -> &Regex {
        &self.regex
    }
}

/// The guard words searched in a whole text, leftmost first (of words starting at one place,
/// the first listed). SIMD (Teddy) where the machine has it: an automaton's prefilter looks
/// for the words' first or rarest bytes, which German text is full of ("d" and "l" for "Damen
/// und Herren" and "liebe Gäste"), and then steps through most of the text.
enum WordFinder {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl WordFinder {
    fn new(words: &[String]) -> WordFinder {
        let packed = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(words)
            .build();
        match packed {
            Some(searcher) => WordFinder::Packed(searcher),
            None => WordFinder::Automaton(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(words)
                    .expect("valid guard words"),
            ),
        }
    }

    /// The leftmost word in `haystack[range]`.
    fn find(&self, haystack: &str, range: Range<usize>) -> Option<aho_corasick::Match> {
        match self {
            WordFinder::Packed(searcher) => searcher.find_in(haystack, Span::from(range)),
            WordFinder::Automaton(automaton) => automaton.find(Input::new(haystack).range(range)),
        }
    }
}

/// A regex tried, anchored, at given positions of a line only. It finds what the unanchored
/// pattern finds, provided the positions include every place where a match can start and the
/// pattern matches no empty text.
pub(super) struct Anchored {
    /// The pattern anchored at the start of the text searched: for a match at the line's start.
    at_start: Regex,
    /// The pattern after any one character: elsewhere the search begins one character early,
    /// so that the pattern's look-behind (`\b`, `^`) sees what precedes the match.
    after_char: Regex,
    /// How far a match can reach (see [`Anchored::with_reach`]); `None`: to the line's end.
    reach: Option<fn(&str) -> usize>,
    #[cfg(test)]
    unanchored: Regex,
}

/// A reach for [`Anchored::with_reach`] of patterns that match a run of `allowed` characters
/// with at most `space_runs` runs of white space inside: the offset of the first character of
/// `text` that is neither, or of the run of white space after the last one allowed.
pub(super) fn run_reach(text: &str, space_runs: usize, allowed: impl Fn(char) -> bool) -> usize {
    let mut runs = 0;
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                runs += 1;
                if runs > space_runs {
                    return at;
                }
            }
            in_space = true;
        } else if allowed(c) {
            in_space = false;
        } else {
            return at;
        }
    }
    text.len()
}

/// A match of an [`Anchored`] pattern.
pub(super) struct AnchoredMatch<'h> {
    /// Where the match is in the line.
    pub span: Range<usize>,
    /// The texts of the groups (numbered as in the pattern) are these captures'; their offsets
    /// are not the line's.
    captures: Captures<'h>,
}

impl<'h> AnchoredMatch<'h> {
    /// The text of a capture group.
    pub fn group(&self, index: usize) -> Option<&'h str> {
        self.captures.get(index).map(|m| m.as_str())
    }
}

impl Anchored {
    /// `pattern` may look back one character at most, as `\b` and `^` do (the regex crate has
    /// no look-behind beyond that).
    pub fn new(pattern: &str) -> Anchored {
        let compile = |re: String| Regex::new(&re).expect("valid regex");
        Anchored {
            at_start: compile(format!("^(?:{pattern})")),
            after_char: compile(format!("^(?s:.)(?:{pattern})")),
            reach: None,
            #[cfg(test)]
            unanchored: compile(pattern.to_string()),
        }
    }

    /// The pattern searched no further than `reach` allows: `reach(rest)` is the offset of a
    /// character of `rest` that no match starting at `rest`'s start can include (or
    /// `rest.len()`). The search then stops after that character, which is still seen by the
    /// pattern's look-ahead (`\b`, `$`): the matches are the same, but a try at a place costs
    /// what the text there can match, not what is left of the line (the regex crate's
    /// backtracker clears state for the whole text it is given).
    pub fn with_reach(self, reach: fn(&str) -> usize) -> Anchored {
        Anchored { reach: Some(reach), ..self }
    }

    /// The match that starts exactly at byte `at` of the line, if any.
    pub fn match_at<'h>(&self, line: &'h str, at: usize) -> Option<AnchoredMatch<'h>> {
        let (from, regex) = match line[..at].chars().next_back() {
            None => (at, &self.at_start),
            Some(before) => (at - before.len_utf8(), &self.after_char),
        };
        let end = self.reach.map_or(line.len(), |reach| {
            let rest = &line[at..];
            let stop = reach(rest);
            at + stop + rest[stop..].chars().next().map_or(0, char::len_utf8)
        });
        let captures = regex.captures(&line[from..end])?;
        let end = from + captures.get(0)?.end();
        Some(AnchoredMatch { span: at..end, captures })
    }

    /// The matches in a line, as `captures_iter` of the unanchored pattern gives them (each
    /// begins at or after the end of the one before), given the positions where one can start
    /// in ascending order.
    pub fn matches<'h>(
        &self,
        line: &'h str,
        starts: impl IntoIterator<Item = usize>,
    ) -> Vec<AnchoredMatch<'h>> {
        let mut found: Vec<AnchoredMatch> = Vec::new();
        for start in starts {
            let resume = found.last().map_or(0, |m| m.span.end);
            if start < resume {
                continue;
            }
            found.extend(self.match_at(line, start));
        }
        found
    }

    /// The unanchored pattern, for tests that compare the two.
    #[cfg(test)]
    pub fn unanchored(&self) -> &Regex {
        &self.unanchored
    }
}

/// Whether `text` starts with whitespace (`\s+`) and then an upper-case letter (`\p{Lu}`): a
/// cheap test that a pattern going on with a name may match at its start.
pub(super) fn capitalised_word_after_space(text: &str) -> bool {
    let word = text.trim_start();
    word.len() < text.len() && word.starts_with(char::is_uppercase)
}

/// Whether `text` has `n` digits in a row: a cheap test that `\d{n}` (Unicode decimal digits)
/// may match.
pub(super) fn has_digit_run(text: &str, n: usize) -> bool {
    if possible_digit_count(text) < n {
        return false;
    }
    let mut run = 0;
    for (_, digit) in possible_digits(text) {
        run = if digit { run + 1 } else { 0 };
        if run == n {
            return true;
        }
    }
    false
}

/// Where `n` possible digits in a row start: every place `\d{n}` can match, in order. Keeps
/// only the last `n` offsets, so a long line costs no memory of its length.
pub(super) fn digit_runs(text: &str, n: usize) -> impl Iterator<Item = usize> + '_ {
    let n = n.max(1);
    let mut run = std::collections::VecDeque::with_capacity(n + 1);
    possible_digits(text).filter_map(move |(at, digit)| {
        if !digit {
            run.clear();
            return None;
        }
        run.push_back(at);
        if run.len() > n {
            run.pop_front();
        }
        (run.len() == n).then(|| run[0])
    })
}

/// At least how many characters of `text` may be decimal digits: the ASCII digits and the
/// bytes that start a character beyond U+00FF (see [`possible_digits`]), counted in one tight
/// pass over the bytes; most lines have fewer than a postcode's five and need no closer look.
fn possible_digit_count(text: &str) -> usize {
    text.bytes().filter(|&byte| byte.is_ascii_digit() || byte >= 0xC4).count()
}

/// For each character, its offset and whether it may be a decimal digit (`\d`). Latin-1 has no
/// decimal digits but the ASCII ones, so only characters beyond it are looked up: German text
/// is scanned byte by byte, the second bytes of umlauts passing as non-digits of their own.
fn possible_digits(text: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at;
        let byte = *bytes.get(start)?;
        // A byte from 0xC4 on starts a character beyond U+00FF (other bytes above 0x7F start a
        // Latin-1 letter or sign, or continue one).
        let (digit, len) = if byte >= 0xC4 {
            let c = text[start..].chars().next()?;
            (c.is_numeric(), c.len_utf8())
        } else {
            (byte.is_ascii_digit(), 1)
        };
        at += len;
        Some((start, digit))
    })
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
        }
    }

    #[test]
    fn anchored_matches_are_the_unanchored_ones() {
        let pattern = Anchored::new(r"\b(\p{Lu}\w+)\b");
        // Every position is a possible start: the matches must be captures_iter's.
        let lines = ["Über Köln nach Düren", "äÖl Öl", "_Öl x Öl", "Öl", "", "ÄÖÜ-Weg"];
        for line in lines {
            let starts = line.char_indices().map(|(i, _)| i);
            let got: Vec<(Range<usize>, Option<&str>)> =
                pattern.matches(line, starts).iter().map(|m| (m.span.clone(), m.group(1))).collect();
            let expected: Vec<(Range<usize>, Option<&str>)> = pattern
                .unanchored()
                .captures_iter(line)
                .map(|c| (c.get(0).unwrap().range(), c.get(1).map(|g| g.as_str())))
                .collect();
            assert_eq!(got, expected, "matches in {line:?}");
        }
        assert!(pattern.match_at("äÖl", "ä".len()).is_none(), "no word boundary after ä");
    }

    #[test]
    fn a_reach_leaves_the_matches_as_they_were() {
        // A match is one word: it can include no character that is not a letter.
        let reach = |text: &str| text.find(|c: char| !c.is_alphabetic()).unwrap_or(text.len());
        let pattern = Anchored::new(r"\b(\p{Lu}\p{L}+)\b").with_reach(reach);
        let lines =
            ["Über Köln nach Düren", "äÖl Öl", "_Öl x Öl", "Öl", "", "ÄÖÜ-Weg\u{a0}Öl", "Öl_x Öl1 Öl"];
        for line in lines {
            let starts = line.char_indices().map(|(i, _)| i);
            let got: Vec<Range<usize>> =
                pattern.matches(line, starts).iter().map(|m| m.span.clone()).collect();
            let expected: Vec<Range<usize>> =
                pattern.unanchored().find_iter(line).map(|m| m.range()).collect();
            assert_eq!(got, expected, "matches in {line:?}");
        }
    }

    #[test]
    fn capitalised_words_after_space() {
        let cases = [
            (" Düren", true),
            ("\u{a0} Ärzte", true),
            (" düren", false),
            ("Düren", false),
            ("", false),
            ("  ", false),
        ];
        for (text, expected) in cases {
            assert_eq!(
                capitalised_word_after_space(text),
                expected,
                "capitalised word after space in {text:?}"
            );
        }
    }

    #[test]
    fn digit_runs_and_their_starts() {
        let cases = [
            ("48565 Steinfurt", 5, true),
            ("4856 Steinfurt 1", 5, false),
            ("٤٨٥٦٥", 5, true),
            ("", 1, false),
        ];
        for (text, n, expected) in cases {
            assert_eq!(has_digit_run(text, n), expected, "{n} digits in a row in {text:?}");
        }
        assert_eq!(digit_runs("PLZ 123456", 5).collect::<Vec<_>>(), [4, 5]);
        // Each possible digit is counted once, by its first byte; umlauts are not counted.
        let counts = [("48565 Steinfurt", 5), ("Düren 1", 1), ("٤٨ „x“", 4), ("", 0)];
        for (text, count) in counts {
            assert_eq!(possible_digit_count(text), count, "possible digits in {text:?}");
            let listed = possible_digits(text).filter(|(_, digit)| *digit).count();
            assert!(listed <= count, "{text:?} has more digits than counted");
        }
        assert_eq!(digit_runs("12a345", 2).collect::<Vec<_>>(), [0, 3, 4]);
        let digit = Regex::new(r"^\d$").expect("valid regex");
        for c in ('\u{0}'..='\u{ff}').chain(['٣', '۵', '߁', '१', '０']) {
            let is_digit = digit.is_match(c.encode_utf8(&mut [0; 4]));
            let text = format!("{c}{c}");
            assert!(!is_digit || has_digit_run(&text, 2), "{c:?} is a \\d the digit test misses");
        }
    }
    /// Searching the whole text for the guard words finds the lines a line-by-line search
    /// finds: a guard word across two lines or in trimmed-off space matches no line, and a
    /// line only counts when `keep` accepts it.
    #[test]
    fn any_line_agrees_with_trying_each_line() {
        let guarded = Guarded::new(
            &["Damen und Herren", "(von "],
            true,
            r"(?i)\b(?:meine\s+damen\s+und\s+herren|\(von links)",
        );
        let text = "Grußwort des Landrats\n  Sehr geehrte Damen\nund Herren,  \nDie Jury (von  \n\
            links) tagte.\nmeine DAMEN UND HERREN, willkommen.\nDas Foto (von links): Anna Muster";
        let lines: Vec<&str> = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        let short = |l: &str| l.chars().count() <= 30;
        // (lines searched, keep, whether one matches)
        let cases: [(&[&str], &dyn Fn(&str) -> bool, bool); 5] = [
            (&lines, &|_| true, true),
            (&lines[..4], &|_| true, false),
            (&lines, &short, false),
            (&lines[5..], &|_| true, true),
            (&[], &|_| true, false),
        ];
        for (searched, keep, expected) in cases {
            let by_line = searched.iter().any(|l| keep(l) && guarded.is_match(l));
            assert_eq!(by_line, expected, "line by line in {searched:?}");
            let whole = guarded.any_line(&SearchText::new(text), searched, keep);
            assert_eq!(whole, expected, "whole text for {searched:?}");
        }
    }

    /// The whole-text search finds the shortest word at a place first and goes on after a line
    /// it tried: words that overlap each other or run into trimmed space or the next line, in
    /// either case, still leave the same lines tried as a search of each line.
    #[test]
    fn any_line_with_overlapping_words_in_any_case() {
        let guarded = Guarded::new(
            &["dieses", "diese", "Bericht", "Berichte"],
            true,
            r"(?i)\b(?:diese[nmrs]?\s+bericht|berichte\s+und)",
        );
        let text = "Zu DIESES\n  Bericht liegt vor  \nBerichte \nund mehr\nDieser Bericht zählt.\nberichte und Zahlen";
        let lines: Vec<&str> = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        // (lines searched, whether one matches)
        let cases: [(&[&str], bool); 5] = [
            (&lines, true),
            (&lines[..4], false),
            (&lines[4..5], true),
            (&lines[5..], true),
            (&lines[1..4], false),
        ];
        for (searched, expected) in cases {
            let by_line = searched.iter().any(|l| guarded.is_match(l));
            assert_eq!(by_line, expected, "line by line in {searched:?}");
            let whole = guarded.any_line(&SearchText::new(text), searched, |_| true);
            assert_eq!(whole, expected, "whole text for {searched:?}");
        }
    }
}
