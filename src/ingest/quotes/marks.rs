//! Pairing quotation marks: where the quotations of a text are.
//!
//! One pass over the characters pairs opening and closing marks with a stack (at most
//! [`MAX_DEPTH`] open at once), so nested quotes stay inside the outer one and single marks
//! count only outside double ones. A paragraph's end, or too many lines or bytes, gives up an
//! open mark; a double mark given up on runs to the end of its line, because German style leaves
//! the closing mark off where a quote goes on in the next paragraph. Which characters are marks
//! and how they may act is `german::quotation_marks`; how they pair in running text is here.

use super::text::{collapse, line_end};
use crate::ingest::german::quotation_marks::{is_quotation_mark, mark_style, Family, Style};

/// An opening mark still open after this many lines has lost its closing mark.
const MAX_QUOTE_LINES: usize = 8;
/// … or after this many bytes.
const MAX_QUOTE_BYTES: usize = 5000;
/// Open quotation marks kept waiting at once; deeper nesting is a stray mark.
const MAX_DEPTH: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
}

/// An opening mark waiting for its closing mark.
#[derive(Clone, Copy, Debug)]
struct OpenMark {
    pos: usize,
    len: usize,
    family: Family,
    line: usize,
}

/// A quotation in the text: the opening mark at `start`, the quoted words in
/// `inner_start..inner_end`, the closing mark ending at `end`. An unclosed quotation (German
/// style leaves the mark off at a paragraph's end) runs to the end of its line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) inner_start: usize,
    pub(super) inner_end: usize,
    pub(super) end: usize,
    pub(super) closed: bool,
}

/// Closing double marks with no opening mark anywhere before them on their line, that end a
/// sentence's words (`Wir wollen das.“, sagt X`): where a scraper lost the opening mark. The
/// quotation they close starts at the start of the line; only an attribution right after it
/// makes it one (see `extract`).
pub(super) fn orphan_closing_spans(text: &str, spans: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    // The line of the mark at hand: where it starts, and where its first quotation mark stands
    // (found once per line). The marks come in text order, so each byte is looked at once.
    let (mut line_start, mut first_mark): (usize, Option<usize>) = (0, None);
    let mut scanned = 0;
    for (i, mark) in text.match_indices(['“', '”', '«', '"']) {
        if let Some(newline) = text[scanned..i].rfind('\n') {
            (line_start, first_mark) = (scanned + newline + 1, None);
        }
        scanned = i;
        // A closing mark right before a comma: the common case is a closed quotation.
        if !text[i + mark.len()..].starts_with(',') {
            continue;
        }
        let inside = spans.partition_point(|s| s.start <= i);
        if inside > 0 && i < spans[inside - 1].end {
            continue;
        }
        let before = &text[line_start..i];
        let ends_words = before.chars().next_back().is_some_and(|p| !p.is_whitespace());
        // The mark at `i` is a quotation mark itself: the line's first one is at or before it.
        let first = *first_mark
            .get_or_insert_with(|| line_start + before.find(is_quotation_mark).unwrap_or(before.len()));
        if !ends_words || first < i {
            continue;
        }
        let inner_start = line_start + (before.len() - before.trim_start().len());
        out.push(Span { start: inner_start, inner_start, inner_end: i, end: i + mark.len(), closed: true });
    }
    out
}

/// The outermost quotations of the text, in order.
pub(super) fn quote_spans(text: &str) -> Vec<Span> {
    let mut scan = MarkScan::new();
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without a line break or `"` holds no quotation mark: such a run only makes its
        // line non-blank (unless it is all white space) and ends with the character before the
        // next one. Skipped as a whole, most of a text is never decoded.
        let run = bytes[i..].iter().take_while(|&&b| b.is_ascii() && b != b'\n' && b != b'"').count();
        if run > 0 {
            let piece = &bytes[i..i + run];
            scan.line_blank = scan.line_blank && piece.iter().all(|&b| char::from(b).is_whitespace());
            prev = Some(char::from(piece[run - 1]));
            i += run;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        let next = text[i + c.len_utf8()..].chars().next();
        scan.step(i, c, prev, next);
        prev = Some(c);
        i += c.len_utf8();
    }
    scan.spans(text)
}

/// Marks paired character by character, with the line each is on and whether that line is
/// blank so far.
struct MarkScan {
    pairing: Pairing,
    line: usize,
    line_blank: bool,
}

impl MarkScan {
    fn new() -> MarkScan {
        MarkScan { pairing: Pairing::default(), line: 0, line_blank: true }
    }

    /// Takes the character `c` at byte `i`, between `prev` and `next`.
    fn step(&mut self, i: usize, c: char, prev: Option<char>, next: Option<char>) {
        let pairing = &mut self.pairing;
        if c == '\n' {
            if self.line_blank {
                pairing.abandon_all(); // a paragraph ends every quotation
            } else {
                pairing.abandon_stale(i, self.line);
            }
            self.line += 1;
            self.line_blank = true;
            return;
        }
        if let Some((family, mark)) = classify(c, prev, next, &pairing.stack) {
            match mark {
                Mark::Open => {
                    // A quotation opening a line ends any left open on earlier lines.
                    if self.line_blank && pairing.stack.first().is_some_and(|o| o.line < self.line) {
                        pairing.abandon_all();
                    }
                    pairing.open(OpenMark { pos: i, len: c.len_utf8(), family, line: self.line });
                }
                Mark::Close => pairing.close(family, i, c.len_utf8()),
            }
        }
        self.line_blank = self.line_blank && c.is_whitespace();
    }

    /// The outermost quotations found, the marks still open given up.
    fn spans(mut self, text: &str) -> Vec<Span> {
        self.pairing.abandon_all();
        let unclosed = unclosed_spans(text, &self.pairing.abandoned);
        outermost(self.pairing.closed, unclosed)
    }
}

/// The state of pairing marks: open marks waiting (at most [`MAX_DEPTH`]), pairs found, and the
/// double marks given up on (in text order).
#[derive(Default)]
struct Pairing {
    stack: Vec<OpenMark>,
    closed: Vec<Span>,
    abandoned: Vec<OpenMark>,
}

impl Pairing {
    fn open(&mut self, mark: OpenMark) {
        if self.stack.len() >= MAX_DEPTH {
            self.abandon(1);
        }
        self.stack.push(mark);
    }

    /// Pairs a closing mark with the open mark it belongs to. Stray single marks in the way are
    /// dropped; a single closing mark never closes a double quotation.
    fn close(&mut self, family: Family, pos: usize, len: usize) {
        let Some(top) = self.stack.last() else { return };
        if top.family != family {
            if family == Family::Single {
                return;
            }
            while self.stack.last().is_some_and(|o| o.family == Family::Single) {
                self.stack.pop();
            }
        }
        if let Some(open) = self.stack.pop() {
            let inner_start = open.pos + open.len;
            let span = Span { start: open.pos, inner_start, inner_end: pos, end: pos + len, closed: true };
            self.closed.push(span);
        }
    }

    /// Gives up open marks left open too many lines or bytes before `pos`.
    fn abandon_stale(&mut self, pos: usize, line: usize) {
        let stale = self
            .stack
            .iter()
            .take_while(|o| line + 1 - o.line >= MAX_QUOTE_LINES || pos - o.pos > MAX_QUOTE_BYTES)
            .count();
        self.abandon(stale);
    }

    fn abandon_all(&mut self) {
        self.abandon(self.stack.len());
    }

    /// Gives up the `count` oldest open marks, remembering the double ones.
    fn abandon(&mut self, count: usize) {
        let count = count.min(self.stack.len());
        self.abandoned.extend(self.stack.drain(..count).filter(|o| o.family == Family::Double));
    }
}

/// Unclosed quotations: a double mark never closed runs to the end of its line (German style
/// leaves the closing mark off where a quote goes on in the next paragraph). Of several on one
/// line only the first and the last are kept, which bounds the work on odd input.
fn unclosed_spans(text: &str, abandoned: &[OpenMark]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (k, mark) in abandoned.iter().enumerate() {
        let first_on_line = k == 0 || abandoned[k - 1].line != mark.line;
        let last_on_line = abandoned.get(k + 1).is_none_or(|n| n.line != mark.line);
        if first_on_line || last_on_line {
            let inner_start = mark.pos + mark.len;
            let inner_end = line_end(text, inner_start, MAX_QUOTE_BYTES);
            spans.push(Span { start: mark.pos, inner_start, inner_end, end: inner_end, closed: false });
        }
    }
    spans
}

/// Decides whether `c` opens or closes a quotation here, from the mark itself and the characters
/// around it; `None` when it is no quotation mark (an apostrophe, a stray mark).
fn classify(c: char, prev: Option<char>, next: Option<char>, stack: &[OpenMark]) -> Option<(Family, Mark)> {
    let (family, style) = mark_style(c)?;
    let inside_double = stack.iter().any(|o| o.family == Family::Double);
    if family == Family::Single && inside_double {
        return None; // ‚nested‘ marks are part of the quoted words
    }
    let has_open = match family {
        Family::Double => inside_double,
        Family::Single => stack.last().is_some_and(|o| o.family == Family::Single),
    };
    let left = next.is_some_and(|n| n.is_alphanumeric() || "(‚‘'…".contains(n) || is_quotation_mark(n))
        && prev.is_none_or(|p| p.is_whitespace() || "([{–—-/…".contains(p) || is_quotation_mark(p));
    let right = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}–—-/…".contains(n) || is_quotation_mark(n));
    let mark = match style {
        Style::AlwaysOpens => Mark::Open,
        Style::AlwaysCloses if right && has_open => Mark::Close,
        Style::AlwaysCloses => return None,
        Style::Either if left && !right => Mark::Open,
        Style::Either if has_open && (right || !left) => Mark::Close,
        Style::Either if !right && next.is_some_and(char::is_alphanumeric) => Mark::Open,
        Style::Either => return None,
    };
    Some((family, mark))
}
/// Keeps the closed quotations that are not nested in another, then the unclosed ones that do
/// not overlap them, in text order.
fn outermost(mut closed: Vec<Span>, unclosed: Vec<Span>) -> Vec<Span> {
    closed.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(closed.len());
    for span in closed {
        if kept.last().is_none_or(|k| span.start >= k.end) {
            kept.push(span);
        }
    }
    let mut extra = Vec::new();
    for span in unclosed {
        let after = kept.partition_point(|k| k.end <= span.start);
        if kept.get(after).is_none_or(|k| k.start >= span.end) {
            extra.push(span);
        }
    }
    kept.extend(extra);
    kept.sort_by_key(|s| s.start);
    kept
}

pub(super) fn quoted_words(text: &str, span: &Span) -> String {
    let inner = text.get(span.inner_start..span.inner_end).unwrap_or("");
    let collapsed = collapse(inner);
    collapsed.trim_end_matches(',').trim_end().to_string()
}

pub(super) fn word_count(words: &str) -> usize {
    words.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

pub(super) fn ends_like_sentence(words: &str) -> bool {
    let core = words.trim_end_matches(|c: char| is_quotation_mark(c) || c == ')' || c.is_whitespace());
    core.ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spans found character by character, every character decoded: the reference for the
    /// scan that skips runs of plain ASCII.
    fn quote_spans_by_char(text: &str) -> Vec<Span> {
        let mut scan = MarkScan::new();
        let mut prev = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            scan.step(i, c, prev, chars.peek().map(|&(_, n)| n));
            prev = Some(c);
        }
        scan.spans(text)
    }

    #[test]
    fn skipping_plain_ascii_finds_the_spans_a_scan_of_every_character_finds() {
        let texts = [
            "„Kein Kind zurücklassen“, sagte Landrat Dr. Klaus Effing.",
            "Er sagte: \"Wir bauen aus.\" Dann ging er.\n\n„Offen bis zum Absatz\nund weiter",
            "\u{b}„Nach einem Tabulator“\t‚einfach‘ und »Guillemets« und ›einfache‹",
            "Die Eltern's \"Kita\" \u{b}\"x\"\r\n\"y\" 'z' ’s",
            "  \n „Zeile\n\n  “ \"\n\"",
            "Ohne Anführungszeichen, nur Text.",
            "",
            "\"",
        ];
        for text in texts {
            assert_eq!(quote_spans(text), quote_spans_by_char(text), "in {text:?}");
        }
        let long = "„Ein Zitat, das über viele Zeilen läuft\n".repeat(12) + "bis hier“ sagte sie.";
        assert_eq!(quote_spans(&long), quote_spans_by_char(&long));
        assert!(!quote_spans(texts[0]).is_empty(), "the first text holds a quotation");
    }
}
