//! Sentence ends and the cutting of over-long blocks into chunks.
//!
//! Owns where the passage splitter cuts a sentence: `.`, `!`, `?` or `…` (maybe followed by
//! closing quotes or brackets), then whitespace and a word that does not start in lower case.
//! A full stop after an abbreviation (`z. B.`, `Dr.`, `Nr.`, `v.l.`, `usw.`), an initial or a
//! one- or two-digit ordinal (`26. Mai`, `jedes 5. Kind`) ends nothing; which words those are is
//! `german::sentences`, shared with the other stages.
//! [`chunk`] cuts a block at line breaks first, then at sentence ends, then at whitespace.

use std::ops::Range;

use super::text::{ends_sentence, is_bullet, is_closer};
use crate::ingest::german::quotation_marks::{APOSTROPHE, OPENING};
use crate::ingest::german::sentences::is_abbreviation;

/// A line shorter than this is never taken for a hard-wrapped one.
const MIN_WRAPPED_LINE_CHARS: usize = 50;

/// A line that introduces the text after it (see [`pack`]) is at most this long.
const MAX_INTRO_CHARS: usize = 150;

/// The sentences of `text`, trimmed, in order. Line breaks are not sentence ends (a list or a
/// heading line may end without punctuation); text after the last sentence end is the last
/// sentence.
pub fn split_sentences(text: &str) -> Vec<&str> {
    sentence_spans(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
}

/// Cuts `text` into chunks of at most `max` characters: whole lines packed greedily; a line
/// that is too long is cut at sentence ends, a sentence that is too long at the last
/// whitespace before the limit (or hard at the limit). Lines hard-wrapped by a PDF conversion
/// (a long line without a sentence end, running on into the next) count as one line, so that
/// no chunk ends in the middle of a sentence at a wrap. Chunks are trimmed slices of `text`.
pub(crate) fn chunk(text: &str, max: usize) -> Vec<&str> {
    let trimmed = text.trim();
    if trimmed.chars().count() <= max {
        return if trimmed.is_empty() { Vec::new() } else { vec![trimmed] };
    }
    let mut pieces = Vec::new();
    for unit in wrapped_lines(text) {
        if char_len(&text[unit.clone()]) <= max {
            pieces.push(unit);
            continue;
        }
        for sentence in sentence_spans(text, unit) {
            pieces.extend(hard_split(text, sentence, max));
        }
    }
    pack(text, pieces, max).into_iter().map(|r| &text[r]).collect()
}

/// The lines of `text`, with hard-wrapped lines joined to the line they run on into.
fn wrapped_lines(text: &str) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    for line in line_spans(text) {
        match units.last_mut() {
            Some(unit) if runs_on(&text[unit.clone()], &text[line.clone()]) => unit.end = line.end,
            _ => units.push(line),
        }
    }
    units
}

/// Whether the line ending `before` was wrapped and goes on in `next`.
fn runs_on(before: &str, next: &str) -> bool {
    let last_line = before.rsplit('\n').next().unwrap_or(before);
    char_len(last_line) >= MIN_WRAPPED_LINE_CHARS
        && !ends_sentence(last_line)
        && !last_line.ends_with([':', ';'])
        && !is_bullet(next)
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Byte ranges of the non-blank lines, trimmed.
fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = trim_range(text, start..start + line.len());
        if !range.is_empty() {
            spans.push(range);
        }
        start += line.len() + 1;
    }
    spans
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// Byte ranges of the sentences within `range` of `text`, trimmed, empty ones dropped.
fn sentence_spans(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = range.start;
    for (offset, c) in text[range.clone()].char_indices() {
        let i = range.start + offset;
        if i < start || !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        if let Some(end) = sentence_end(text, i, c, range.end) {
            spans.push(trim_range(text, start..end));
            start = end;
        }
    }
    spans.push(trim_range(text, start..range.end));
    spans.retain(|r| !r.is_empty());
    spans
}

/// When the mark `c` at byte `i` ends a sentence, the byte after it and its closers.
fn sentence_end(text: &str, i: usize, c: char, limit: usize) -> Option<usize> {
    let mut end = i + c.len_utf8();
    while let Some(closer) = text[end..limit].chars().next().filter(|&ch| is_closer(ch)) {
        end += closer.len_utf8();
    }
    let rest = &text[end..limit];
    if rest.is_empty() {
        return Some(end);
    }
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let next = rest.trim_start().chars().next()?;
    if next.is_lowercase() || (c == '.' && abbreviation_before(&text[..i])) {
        return None;
    }
    Some(end)
}

/// Whether the word just before a full stop (the end of `before`) is an abbreviation, an
/// initial or a short ordinal number (see [`is_abbreviation`]).
fn abbreviation_before(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| matches!(c, '(' | '[' | APOSTROPHE) || OPENING.contains(&c));
    is_abbreviation(word)
}

/// Cuts a range that is longer than `max` characters at the last whitespace before the
/// limit (hard at the limit when there is none).
fn hard_split(text: &str, range: Range<usize>, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    // The text is longer than `max` characters exactly when it has a character at index
    // `max`; looking only that far keeps a long run of text linear (no count of the rest).
    while let Some((offset, _)) = text[start..range.end].char_indices().nth(max) {
        let limit = start + offset;
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .map(|b| start + b)
            .filter(|&b| b > start)
            .unwrap_or(limit);
        let piece = trim_range(text, start..cut);
        if !piece.is_empty() {
            out.push(piece);
        }
        start = trim_range(text, cut..range.end).start;
    }
    let rest = trim_range(text, start..range.end);
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Packs consecutive pieces greedily into chunks of at most `max` characters. A chunk does
/// not end with a line that introduces what follows (a subheading inside a long paragraph):
/// that line opens the next chunk when it fits there.
fn pack(text: &str, pieces: Vec<Range<usize>>, max: usize) -> Vec<Range<usize>> {
    let fits = |a: usize, b: usize| char_len(&text[a..b]) <= max;
    let mut groups: Vec<Vec<Range<usize>>> = Vec::new();
    for piece in pieces {
        match groups.last_mut() {
            Some(group) if fits(group[0].start, piece.end) => group.push(piece),
            _ => groups.push(vec![piece]),
        }
    }
    for i in 1..groups.len() {
        let (before, after) = groups.split_at_mut(i);
        let (prev, next) = (&mut before[i - 1], &mut after[0]);
        let last = prev.last().expect("groups are not empty").clone();
        let next_end = next.last().expect("groups are not empty").end;
        if prev.len() > 1 && introduces(text, &last) && fits(last.start, next_end) {
            next.insert(0, prev.pop().expect("checked length"));
        }
    }
    groups.into_iter().map(|g| g[0].start..g[g.len() - 1].end).collect()
}

/// A whole line, short, that does not end a sentence.
fn introduces(text: &str, piece: &Range<usize>) -> bool {
    let whole_line = text[..piece.start].trim_end_matches([' ', '\t']).ends_with('\n')
        && text[piece.end..].trim_start_matches([' ', '\t']).starts_with('\n');
    let line = &text[piece.clone()];
    whole_line && !ends_sentence(line) && char_len(line) <= MAX_INTRO_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_in_german_text() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("Das ist gut. Das auch!", &["Das ist gut.", "Das auch!"], "plain"),
            ("Wir fördern z. B. Kitas. Mehr", &["Wir fördern z. B. Kitas.", "Mehr"], "z. B."),
            ("Wir fördern z.B. Kitas.", &["Wir fördern z.B. Kitas."], "z.B."),
            ("Landrat Dr. Sommer sagt das.", &["Landrat Dr. Sommer sagt das."], "Dr."),
            ("Nr. 209 Steinfurt, 26. Mai 2017", &["Nr. 209 Steinfurt, 26. Mai 2017"], "Nr. and ordinal date"),
            ("Jedes 5. Kind ist arm.", &["Jedes 5. Kind ist arm."], "ordinal"),
            (
                "Landrat Spelthahn (v.l.) und Mohn (2.v.r.) lachen.",
                &["Landrat Spelthahn (v.l.) und Mohn (2.v.r.) lachen."],
                "v.l., 2.v.r.",
            ),
            ("Kitas, Schulen usw. Danach", &["Kitas, Schulen usw. Danach"], "usw."),
            ("Feridun C. Öztropak moderierte.", &["Feridun C. Öztropak moderierte."], "initial"),
            ("„Wir sind bereit.“ Danach", &["„Wir sind bereit.“", "Danach"], "closing quote"),
            ("im Jahr 2014. Dann kam", &["im Jahr 2014.", "Dann kam"], "a year ends a sentence"),
            ("Was ist gut?“, fragt sie.", &["Was ist gut?“, fragt sie."], "lower case goes on"),
            ("Das Institut e. V. (ISA) begann.", &["Das Institut e. V. (ISA) begann."], "e. V."),
        ];
        for (text, want, why) in cases {
            assert_eq!(split_sentences(text), *want, "{why}: {text:?}");
        }
    }

    #[test]
    fn chunks_respect_the_limit_and_prefer_line_breaks() {
        let line = "Ein Satz mit etwas Inhalt. ".repeat(10); // 270 chars
        let text = format!("{}\n{}\n{}", line.trim(), line.trim(), line.trim());
        let chunks = chunk(&text, 600);
        assert_eq!(chunks.len(), 2, "two lines fit, the third goes on: {chunks:#?}");
        assert!(chunks[0].ends_with("Inhalt.") && chunks[0].contains('\n'));

        let long = "Wort ".repeat(400); // 2000 chars, no sentence end
        let chunks = chunk(&long, 1200);
        assert!(chunks.iter().all(|c| c.chars().count() <= 1200), "hard cut at whitespace");
        assert_eq!(chunks.concat().replace(' ', ""), long.replace(' ', ""), "nothing lost");

        let solid = "x".repeat(2500);
        assert_eq!(chunk(&solid, 1200).iter().map(|c| c.len()).collect::<Vec<_>>(), [1200, 1200, 100]);
    }

    #[test]
    fn a_subheading_line_opens_the_next_chunk() {
        let para = "Ein Satz mit etwas Inhalt. ".repeat(15); // 405 chars
        let text =
            format!("{p}\n{p}\nIntegrierte Steuerung – eine langfristige Aufgabe\n{p}", p = para.trim());
        let chunks = chunk(&text, 900);
        assert_eq!(chunks.len(), 2, "{chunks:#?}");
        assert!(chunks[1].starts_with("Integrierte Steuerung"), "{chunks:#?}");
    }

    #[test]
    fn hard_wrapped_text_is_cut_at_sentence_ends_not_at_wraps() {
        // Lines of about 70 characters, sentences running across the wraps.
        let words =
            "Die Kommune baut ihre Präventionskette weiter aus und bindet Kitas, Schulen und Vereine ein. "
                .repeat(25);
        let mut wrapped = String::new();
        let mut line_len = 0;
        for word in words.split_whitespace() {
            if line_len + word.len() > 70 {
                wrapped.push('\n');
                line_len = 0;
            } else if line_len > 0 {
                wrapped.push(' ');
            }
            wrapped.push_str(word);
            line_len += word.len() + 1;
        }
        let chunks = chunk(&wrapped, 1200);
        assert!(chunks.len() >= 2);
        for c in &chunks {
            assert!(c.chars().count() <= 1200);
            assert!(c.ends_with("ein."), "chunk ends inside a sentence: …{:?}", &c[c.len() - 20..]);
        }
    }

    #[test]
    fn long_single_line_is_cut_at_sentence_ends() {
        let sentence = "Die Stadt fördert z. B. Kitas und Familienzentren in allen Stadtteilen. ";
        let text = sentence.repeat(40); // ~2900 chars on one line
        let chunks = chunk(text.trim(), 1200);
        assert!(chunks.len() >= 3);
        for c in &chunks {
            assert!(c.chars().count() <= 1200);
            assert!(c.ends_with("Stadtteilen."), "cut inside a sentence: …{:?}", &c[c.len() - 30..]);
        }
    }
}
