//! Content blocks and how they are merged into passage-sized units.
//!
//! Owns the block type and the merges that make a passage read as a whole: consecutive list
//! items form one list block; a line that introduces what follows (`Ein Überblick:`, a
//! kicker or subtitle without a sentence end) joins the block after it; an attribution joins
//! the quote above it; a caption-like last line joins the block before it; a block shorter
//! than [`MIN_CHARS`] joins the next block of its section, else the one before. Merges never
//! cross a section boundary, except that short text before the first heading with nothing
//! before it (a date line) joins the first passage. Profile figures (`Seit wann dabei:` /
//! `2012` / …) are recognised here and kept as one block of their own.

use std::sync::LazyLock;

use regex::Regex;

use super::headings::{looks_like_heading, word_count, KnownHeadings};
use super::text::{ends_sentence, is_bullet, Paragraph};

/// A block shorter than this (in characters) is merged into a neighbour.
const MIN_CHARS: usize = 40;
/// Text that introduces the block after it is at most this long.
const MAX_LEAD_IN_CHARS: usize = 300;
const MAX_LEAD_IN_LINES: usize = 2;
/// Label and value of a figure are each at most this long.
const MAX_FIGURE_PART_CHARS: usize = 40;
const MAX_LABEL_WORDS: usize = 5;
/// Fewer label/value pairs than this are no figures block.
const MIN_FIGURE_PAIRS: usize = 2;

/// Inhabitants and children as bare numbers: `258.760,46.180`.
static BARE_FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}(\.\d{3})+\s*[,;/]\s*\d{1,3}(\.\d{3})+$").expect("valid figures pattern")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Prose,
    List,
    Figures,
}

#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) section: Option<String>,
    /// Blocks with the same id are under the same heading occurrence.
    pub(crate) section_id: usize,
    pub(crate) kind: Kind,
    pub(crate) lines: Vec<String>,
    /// An attribution or bracketed line that belongs to the block before it.
    pub(crate) completes_previous: bool,
}

impl Block {
    pub(crate) fn new(kind: Kind, lines: Vec<String>) -> Block {
        Block { section: None, section_id: 0, kind, lines, completes_previous: false }
    }

    /// A list block when the first line is a list item, else prose.
    pub(crate) fn from_lines(lines: Vec<String>) -> Block {
        let kind = if lines.first().is_some_and(|l| is_bullet(l)) { Kind::List } else { Kind::Prose };
        Block::new(kind, lines)
    }

    pub(crate) fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn chars(&self) -> usize {
        self.lines.iter().map(|l| l.chars().count()).sum::<usize>() + self.lines.len().saturating_sub(1)
    }

    fn has_words(&self) -> bool {
        self.lines.iter().any(|l| l.chars().any(char::is_alphanumeric))
    }

    fn is_short(&self) -> bool {
        self.chars() < MIN_CHARS || !self.has_words()
    }

    /// Whether `other`, coming right after this block, may be merged into it.
    fn may_take(&self, other: &Block) -> bool {
        self.section_id == other.section_id && self.kind != Kind::Figures && other.kind != Kind::Figures
    }
}

/// A figures block at the start of `paragraphs`: its lines (`label value`) and how many
/// paragraphs it used. Bare `258.760,46.180` counts as a figures block too.
pub(crate) fn figures_at(paragraphs: &[Paragraph], known: &KnownHeadings) -> Option<(Vec<String>, usize)> {
    if let [line] = paragraphs.first()?.as_slice() {
        if BARE_FIGURES.is_match(line) {
            return Some((vec![line.clone()], 1));
        }
    }
    let mut lines = Vec::new();
    let mut used = 0;
    while let Some((label, value, n)) = figure_pair(&paragraphs[used..], known) {
        lines.push(format!("{label} {value}"));
        used += n;
    }
    (lines.len() >= MIN_FIGURE_PAIRS).then_some((lines, used))
}

/// A label and its value, in one two-line paragraph or in two one-line paragraphs.
fn figure_pair<'a>(paragraphs: &'a [Paragraph], known: &KnownHeadings) -> Option<(&'a str, &'a str, usize)> {
    match paragraphs {
        [first, ..] if first.len() == 2 && is_label(&first[0], known) && is_value(&first[1]) => {
            Some((&first[0], &first[1], 1))
        }
        [first, second, ..]
            if first.len() == 1
                && second.len() == 1
                && is_label(&first[0], known)
                && is_value(&second[0]) =>
        {
            Some((&first[0], &second[0], 2))
        }
        _ => None,
    }
}

fn is_label(line: &str, known: &KnownHeadings) -> bool {
    line.ends_with(':')
        && line.chars().count() <= MAX_FIGURE_PART_CHARS
        && word_count(line) <= MAX_LABEL_WORDS
        && !is_bullet(line)
        && !known.matches(line)
}

/// Figures are numbers: a value without a digit is ordinary text.
fn is_value(line: &str) -> bool {
    line.chars().count() <= MAX_FIGURE_PART_CHARS
        && line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with(':')
        && !is_bullet(line)
}

/// All merges, in order (module doc).
pub(crate) fn merge(blocks: Vec<Block>) -> Vec<Block> {
    join_short(attach_trailing_caption(join_completions(join_lead_ins(blocks))))
}

/// Consecutive list blocks become one; a line introducing a list or a paragraph (a title,
/// a kicker, `Ein Überblick:`) joins it.
fn join_lead_ins(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let Some(prev) = out.last_mut().filter(|p| p.may_take(&block) && !block.completes_previous) {
            let list_goes_on = prev.kind == Kind::List && block.kind == Kind::List;
            if list_goes_on || is_lead_in(prev) {
                prev.kind = block.kind;
                prev.lines.extend(block.lines);
                continue;
            }
        }
        out.push(block);
    }
    out
}

/// One or two prose lines that end in a colon or without a sentence end, not too long.
fn is_lead_in(block: &Block) -> bool {
    block.kind == Kind::Prose
        && !block.completes_previous
        && block.lines.len() <= MAX_LEAD_IN_LINES
        && block.lines.iter().all(|l| l.ends_with(':') || !ends_sentence(l))
        && block.chars() <= MAX_LEAD_IN_CHARS
}

fn join_completions(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match out.last_mut() {
            Some(prev) if block.completes_previous && prev.may_take(&block) => prev.lines.extend(block.lines),
            _ => out.push(block),
        }
    }
    out
}

/// A last line that is short or shaped like a caption (`KeKiz-Workshop`) belongs to the
/// passage before it.
fn attach_trailing_caption(mut blocks: Vec<Block>) -> Vec<Block> {
    let n = blocks.len();
    if n < 2 {
        return blocks;
    }
    let caption = match blocks[n - 1].lines.as_slice() {
        [line] => {
            blocks[n - 1].kind == Kind::Prose
                && (line.chars().count() < MIN_CHARS || looks_like_heading(line))
        }
        _ => false,
    };
    if caption && blocks[n - 2].may_take(&blocks[n - 1]) {
        let last = blocks.pop().expect("two blocks");
        blocks[n - 2].lines.extend(last.lines);
    }
    blocks
}

/// Short blocks join the next block of their section, else the previous one; a run of short
/// blocks (a timetable, a list of names) stays together. Short text before the first heading
/// with nothing before it (a date line, a kicker) joins whatever comes next.
fn join_short(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut pending: Option<Block> = None;
    for mut block in blocks {
        let short = block.kind != Kind::Figures && block.is_short();
        if let Some(before) = pending.take() {
            let backward = out.last().is_some_and(|prev| prev.may_take(&before));
            let preamble = before.section.is_none() && !backward && block.kind != Kind::Figures;
            if before.may_take(&block) || preamble {
                block.lines.splice(0..0, before.lines);
            } else {
                put_back(&mut out, before);
            }
        }
        if short {
            pending = Some(block);
        } else {
            out.push(block);
        }
    }
    if let Some(before) = pending {
        put_back(&mut out, before);
    }
    out
}

/// A short block that cannot go forward joins the previous block of its section, or stays
/// alone (dropped only when it has no word at all).
fn put_back(out: &mut Vec<Block>, short: Block) {
    match out.last_mut() {
        Some(prev) if prev.may_take(&short) => prev.lines.extend(short.lines),
        _ if short.has_words() => out.push(short),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `{L}` in a case stands for a line long enough to be a passage of its own.
    const LONG: &str = "Ein Absatz, der lang genug ist, um für sich zu stehen.";

    #[test]
    fn merges_keep_to_their_section() {
        type Case<'a> = (&'a [(usize, Option<&'a str>, &'a [&'a str])], &'a [&'a str], &'a str);
        let cases: &[Case] = &[
            (
                &[(1, Some("A"), &["Einleitung:"]), (1, Some("A"), &["• a"]), (1, Some("A"), &["• b"])],
                &["Einleitung:\n• a\n• b"],
                "lead-in and list items form one block",
            ),
            (&[(1, Some("A"), &["• a"]), (2, Some("B"), &["• b"])], &["• a", "• b"], "lists in two sections"),
            (&[(1, Some("A"), &["Kurz"]), (1, Some("A"), &["{L}"])], &["Kurz\n{L}"], "short joins the next"),
            (
                &[(1, Some("A"), &["{L}"]), (1, Some("A"), &["Kurz."]), (2, Some("B"), &["{L}"])],
                &["{L}\nKurz.", "{L}"],
                "short at the end of its section joins the previous",
            ),
            (
                &[(1, Some("A"), &["Kinder von 0 bis 10"]), (2, Some("B"), &["{L}"])],
                &["Kinder von 0 bis 10", "{L}"],
                "short alone in its section stays",
            ),
            (
                &[(0, None, &["14.01.2019"]), (1, Some("B"), &["{L}"])],
                &["14.01.2019\n{L}"],
                "preamble joins the next",
            ),
            (
                &[(1, Some("A"), &["{L}"]), (1, Some("A"), &["{L}"]), (1, Some("A"), &["-"])],
                &["{L}", "{L}\n-"],
                "punctuation",
            ),
            (
                &[(1, Some("A"), &["{L}"]), (1, Some("A"), &["KeKiz Auftaktgespräch und Zielvereinbarung"])],
                &["{L}\nKeKiz Auftaktgespräch und Zielvereinbarung"],
                "caption-like last line",
            ),
            (
                &[(1, Some("A"), &["Ein Überblick:"]), (1, Some("A"), &["{L}"])],
                &["Ein Überblick:\n{L}"],
                "prose lead-in",
            ),
            (
                &[
                    (1, Some("A"), &["Die Devise lautet: Vorbeugen ist besser als Heilen"]),
                    (1, Some("A"), &["{L}"]),
                ],
                &["Die Devise lautet: Vorbeugen ist besser als Heilen\n{L}"],
                "unpunctuated line leads in",
            ),
            (
                &[
                    (1, Some("A"), &["{L}"]),
                    (1, Some("A"), &["Montag 10 - 13 Uhr"]),
                    (1, Some("A"), &["Dienstag 10 - 13 Uhr"]),
                    (1, Some("A"), &["Mittwoch 10 - 13 Uhr"]),
                    (2, Some("B"), &["{L}"]),
                ],
                &["{L}", "Montag 10 - 13 Uhr\nDienstag 10 - 13 Uhr\nMittwoch 10 - 13 Uhr", "{L}"],
                "unpunctuated lines chain",
            ),
            (
                &[
                    (1, Some("A"), &["{L}"]),
                    (1, Some("A"), &["Eins."]),
                    (1, Some("A"), &["Zwei."]),
                    (1, Some("A"), &["Drei."]),
                    (2, Some("B"), &["{L}"]),
                ],
                &["{L}\nEins.\nZwei.\nDrei.", "{L}"],
                "a run of short blocks stays together",
            ),
        ];
        for (input, want, why) in cases {
            let lines = |l: &[&str]| -> Vec<String> { l.iter().map(|x| x.replace("{L}", LONG)).collect() };
            let blocks = input
                .iter()
                .map(|(id, s, l)| Block {
                    section_id: *id,
                    section: s.map(String::from),
                    ..Block::from_lines(lines(l))
                })
                .collect();
            let got: Vec<String> = merge(blocks).iter().map(Block::text).collect();
            let want: Vec<String> = want.iter().map(|w| w.replace("{L}", LONG)).collect();
            assert_eq!(got, want, "{why}");
        }
    }

    #[test]
    fn figures_are_label_value_pairs_with_numbers() {
        let known = KnownHeadings::new(&["Kontakt".to_string()]);
        let p = |lines: &[&str]| -> Paragraph { lines.iter().map(|l| l.to_string()).collect() };
        let profile = [
            p(&["Seit wann dabei:"]),
            p(&["2012"]),
            p(&["Einwohnerzahl:"]),
            p(&["ca 445.000 Menschen"]),
            p(&["ZITAT"]),
        ];
        assert_eq!(
            figures_at(&profile, &known),
            Some((
                vec!["Seit wann dabei: 2012".to_string(), "Einwohnerzahl: ca 445.000 Menschen".to_string()],
                4
            ))
        );
        assert_eq!(figures_at(&[p(&["258.760,46.180"])], &known).map(|f| f.1), Some(1), "bare figures");
        let words = [p(&["Zielgruppe:"]), p(&["Kinder"]), p(&["Träger:"]), p(&["Stadt"])];
        assert_eq!(figures_at(&words, &known), None, "values without numbers are text");
        let one = [p(&["Seit wann dabei:"]), p(&["2012"]), p(&["Text"])];
        assert_eq!(figures_at(&one, &known), None, "one pair is not a block");
    }
}
