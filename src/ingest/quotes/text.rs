//! Text helpers for the quote extractor: words, spaces, lines and sentences around a position.
//!
//! All are bounded: none scans more than a window ([`WINDOW`] or a given one) around the
//! position, so that the extractor stays linear on long or odd input. Byte offsets passed in
//! may fall inside a character; the helpers round them to a boundary.

use crate::ingest::german::sentences::is_sentence_end;

/// How far (bytes) a lead-in before a quote is looked for.
pub(super) const WINDOW: usize = 400;
/// Longer "words" are no names or roles (and reading them would cost time on odd input).
const MAX_WORD_BYTES: usize = 80;

/// The word starting at `pos`: letters and digits, with inner hyphens and apostrophes.
pub(super) fn word_at(text: &str, pos: usize) -> Option<(&str, usize)> {
    let rest = text.get(pos..)?;
    let mut chars = rest.char_indices().peekable();
    let (_, first) = chars.next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let mut end = first.len_utf8();
    while let Some((k, c)) = chars.next() {
        if k > MAX_WORD_BYTES {
            return None;
        }
        let joins = matches!(c, '-' | '’' | '\'') && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphanumeric() || joins {
            end = k + c.len_utf8();
        } else {
            break;
        }
    }
    Some((&rest[..end], pos + end))
}

/// Bytes of horizontal space at `pos` (no line breaks).
pub(super) fn spaces_at(text: &str, pos: usize) -> usize {
    let Some(rest) = text.get(pos..) else { return 0 };
    rest.char_indices()
        .find(|&(_, c)| !matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .map_or(rest.len(), |(k, _)| k)
}

/// Whether only spaces and a period follow `pos` on its line.
pub(super) fn rest_of_line_is_empty(text: &str, pos: usize) -> bool {
    let end = line_end(text, pos, WINDOW);
    text.get(pos..end)
        .is_some_and(|rest| rest.trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty())
        && (end == text.len() || text[end..].starts_with('\n'))
}

/// The end of the line holding `pos` (looking at most `window` bytes ahead).
pub(super) fn line_end(text: &str, pos: usize, window: usize) -> usize {
    let limit = ceil_boundary(text, pos.saturating_add(window));
    text.get(pos..limit).and_then(|s| s.find('\n')).map_or(limit, |k| pos + k)
}

/// The start of the line holding `pos` (looking at most `window` bytes back).
pub(super) fn line_start(text: &str, pos: usize, window: usize) -> usize {
    let from = floor_boundary(text, pos.saturating_sub(window));
    text.get(from..pos).and_then(|s| s.rfind('\n')).map_or(from, |k| from + k + 1)
}

/// Where the sentence holding `to` starts, not before `from`.
pub(super) fn sentence_start(text: &str, from: usize, to: usize) -> usize {
    let from = from.max(floor_boundary(text, to.saturating_sub(WINDOW)));
    let mut start = from;
    for (k, c) in text[from..to].char_indices() {
        if matches!(c, '.' | '!' | '?') && is_sentence_end(text, from + k) {
            start = from + k + c.len_utf8();
        }
    }
    start
}

pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
