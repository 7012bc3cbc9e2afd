//! The outline of a document: which lines are headings, and which section each block is in.
//!
//! Owns the decisions that need context. A heading-shaped line (see `headings`) is a heading
//! where it stands as a paragraph of its own (one or two lines, or a short all-caps title
//! broken over lines), as the first one or two lines of a paragraph whose next line is
//! content, or between a sentence end and content inside a paragraph (texts with one line per
//! paragraph). It stays content when nothing follows it, when a known heading follows it
//! directly (`Zielgruppen` / `Kinder von 0 bis 10 Jahren …` / `Ziele`), when it is a short
//! attribution under a quote, or when it is one of a long run of short lines.
//!
//! Section names: consecutive headings are joined with `": "` (title and subtitle). A
//! numbered heading (`I. …`, `2. …`) is a sub-heading of the last unnumbered one:
//! `Leitlinien:` + `I. Gutes miteinander vernetzen` gives `Leitlinien: I. Gutes miteinander
//! vernetzen`, a later `II. Lücken schließen` gives `Leitlinien: II. Lücken schließen`. Any
//! other heading replaces the section. Profile figures get `Kennzahlen` unless a heading
//! stands right before them.

use super::blocks::{figures_at, Block, Kind};
use super::headings::{
    is_all_caps, is_numbered, looks_like_heading, section_name, word_count, KnownHeadings,
};
use super::text::{ends_sentence, is_bullet, Paragraph};
use crate::ingest::german::offices::ends_with_role;
use crate::ingest::german::quotation_marks::CLOSING;

/// Section of a figures block that has no heading of its own.
const FIGURES_SECTION: &str = "Kennzahlen";

/// A line this long (in characters) is content, whatever its shape.
const CONTENT_LINE_CHARS: usize = 60;
/// Headings in a row beyond this are a list of short lines, not headings.
const MAX_HEADINGS_IN_A_ROW: usize = 3;
/// An attribution under a quote is at most this long.
const MAX_ATTRIBUTION_CHARS: usize = 60;
const MAX_ATTRIBUTION_WORDS: usize = 8;

enum Unit {
    Heading { text: String, known: bool },
    Content(Block),
}

impl Unit {
    fn is_heading(&self) -> bool {
        matches!(self, Unit::Heading { .. })
    }

    fn is_known_heading(&self) -> bool {
        matches!(self, Unit::Heading { known: true, .. })
    }

    /// A heading that turned out to be content keeps its line as a prose block.
    fn demote(self) -> Unit {
        match self {
            Unit::Heading { text, .. } => Unit::Content(Block::new(Kind::Prose, vec![text])),
            content => content,
        }
    }
}

/// The content blocks of a document, in order, each with its section.
pub(crate) fn outline(paragraphs: &[Paragraph], known: &KnownHeadings) -> Vec<Block> {
    attach_sections(resolve_runs(units(paragraphs, known)))
}

fn units(paragraphs: &[Paragraph], known: &KnownHeadings) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < paragraphs.len() {
        if let Some((lines, used)) = figures_at(&paragraphs[i..], known) {
            units.push(Unit::Content(Block::new(Kind::Figures, lines)));
            i += used;
            continue;
        }
        let para = &paragraphs[i];
        if completes_previous(para, units.last(), known) {
            let mut block = Block::new(Kind::Prose, para.clone());
            block.completes_previous = true;
            units.push(Unit::Content(block));
        } else {
            split_paragraph(para, known, &mut units);
        }
        i += 1;
    }
    units
}

/// A one-line paragraph that belongs to the content before it: a bracketed line
/// (`(Landrat Dr. Sommer)`) or a short attribution under a quote.
fn completes_previous(para: &Paragraph, previous: Option<&Unit>, known: &KnownHeadings) -> bool {
    let (Some(Unit::Content(prev)), [line]) = (previous, para.as_slice()) else {
        return false;
    };
    if prev.kind == Kind::Figures {
        return false;
    }
    if line.starts_with('(') {
        return true;
    }
    let after_quote = prev.lines.last().is_some_and(|l| l.ends_with(CLOSING));
    // A role word ("Wolfgang Spelthahn, Landrat") makes the line an attribution.
    let names_a_role = || line.to_lowercase().split(|c: char| !c.is_alphabetic()).any(ends_with_role);
    after_quote
        && line.chars().count() <= MAX_ATTRIBUTION_CHARS
        && word_count(line) <= MAX_ATTRIBUTION_WORDS
        && !known.matches(line)
        && (line.contains(',') || line.starts_with(['–', '—']) || names_a_role())
}

/// Cuts one paragraph into heading and content units.
fn split_paragraph(para: &Paragraph, known: &KnownHeadings, units: &mut Vec<Unit>) {
    if is_bullet(&para[0]) {
        units.push(Unit::Content(Block::from_lines(para.clone())));
        return;
    }
    if let Some(title) = caps_title(para) {
        units.push(Unit::Heading { text: title, known: false });
        return;
    }
    let mut body = Vec::new();
    for (line, mark) in para.iter().zip(heading_marks(para, known)) {
        match mark {
            Some(known) => {
                if !body.is_empty() {
                    units.push(Unit::Content(Block::from_lines(std::mem::take(&mut body))));
                }
                units.push(Unit::Heading { text: line.clone(), known });
            }
            None => body.push(line.clone()),
        }
    }
    if !body.is_empty() {
        units.push(Unit::Content(Block::from_lines(body)));
    }
}

/// A short all-caps title broken over two or three lines (`DIE WICHTIGSTEN FORMEN` /
/// `DER BETEILIGUNG`), joined with spaces.
fn caps_title(para: &Paragraph) -> Option<String> {
    let joined = para.join(" ");
    ((2..=3).contains(&para.len()) && para.iter().all(|l| is_all_caps(l)) && looks_like_heading(&joined))
        .then_some(joined)
}

/// For each line of a paragraph: `Some(known)` when it is a heading line, else `None`.
fn heading_marks(para: &Paragraph, known: &KnownHeadings) -> Vec<Option<bool>> {
    let shape = |line: &str| {
        if known.matches(line) {
            Some(true)
        } else {
            looks_like_heading(line).then_some(false)
        }
    };
    let n = para.len();
    // Each line's shape, looked at only when it matters (the first lines, and lines after a
    // sentence end).
    let mut shapes: Vec<Option<Option<bool>>> = vec![None; n];
    let mut shape_at = |i: usize| *shapes[i].get_or_insert_with(|| shape(&para[i]));
    if n <= 2 {
        let all: Vec<Option<bool>> = (0..n).map(&mut shape_at).collect();
        if all.iter().all(Option::is_some) {
            return all;
        }
    }
    let mut marks = vec![None; n];
    // Leading heading lines: one, or two (title and subtitle), then content.
    for lead in 1..=2.min(n - 1) {
        let all_headings = (0..lead).all(|i| shape_at(i).is_some());
        if all_headings && heads_content(&para[lead - 1], shape_at(lead - 1), &para[lead]) {
            for (i, mark) in marks[..lead].iter_mut().enumerate() {
                *mark = shape_at(i);
            }
            break;
        }
    }
    // A heading between a sentence end and content, in a one-line-per-paragraph text.
    for i in 1..n - 1 {
        if marks[i - 1].is_none()
            && ends_sentence(&para[i - 1])
            && heads_content(&para[i], shape_at(i), &para[i + 1])
        {
            marks[i] = shape_at(i);
        }
    }
    marks
}

/// Whether a heading-shaped line (`shape`, see [`heading_marks`]) heads the line after it:
/// that line starts a new sentence and, unless the heading is known, is certainly content
/// and clearly longer (a line wrapped by a PDF conversion is about as long as the next one).
fn heads_content(line: &str, shape: Option<bool>, next: &str) -> bool {
    let starts_new = !next.chars().next().is_some_and(char::is_lowercase);
    match shape {
        Some(true) => starts_new,
        Some(false) => {
            let shorter = is_bullet(next) || line.chars().count() * 4 <= next.chars().count() * 3;
            starts_new && opens_content(next) && shorter
        }
        None => false,
    }
}

/// A line that is certainly content: long, a whole sentence, or a list item.
fn opens_content(line: &str) -> bool {
    line.chars().count() >= CONTENT_LINE_CHARS
        || (ends_sentence(line) && word_count(line) >= 4)
        || is_bullet(line)
}

/// Decides, for each run of consecutive headings, which really are headings (module doc).
fn resolve_runs(units: Vec<Unit>) -> Vec<Unit> {
    let mut units: Vec<Option<Unit>> = units.into_iter().map(Some).collect();
    let is_heading = |u: &Option<Unit>| u.as_ref().is_some_and(Unit::is_heading);
    let mut i = 0;
    while i < units.len() {
        if !is_heading(&units[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < units.len() && is_heading(&units[i]) {
            i += 1;
        }
        let mut keep: Vec<bool> = (start..i).map(|_| i < units.len()).collect();
        for j in start..i.saturating_sub(1) {
            let known_next = units[j + 1].as_ref().is_some_and(Unit::is_known_heading);
            if !units[j].as_ref().is_some_and(Unit::is_known_heading) && known_next {
                keep[j - start] = false;
            }
        }
        let kept: Vec<usize> = (0..keep.len()).filter(|&k| keep[k]).collect();
        if kept.len() > MAX_HEADINGS_IN_A_ROW {
            for &k in &kept[..kept.len() - 2] {
                keep[k] = false;
            }
        }
        for (k, keep) in keep.into_iter().enumerate() {
            if !keep {
                units[start + k] = units[start + k].take().map(Unit::demote);
            }
        }
    }
    units.into_iter().flatten().collect()
}

/// The section state while walking the document.
#[derive(Default)]
struct Sections {
    current: Option<String>,
    /// The last unnumbered heading(s): parent of numbered sub-headings.
    parent: Option<String>,
    id: usize,
}

impl Sections {
    fn open(&mut self, run: &[String]) {
        let split = run.iter().position(|h| is_numbered(h)).unwrap_or(run.len());
        let (plain, numbered) = run.split_at(split);
        if !plain.is_empty() {
            self.parent = Some(plain.join(": "));
        }
        let parts: Vec<&str> = self.parent.iter().chain(numbered).map(String::as_str).collect();
        self.current = Some(parts.join(": "));
        self.id += 1;
    }
}

/// A heading reduced to its letters and digits, lower case.
fn comparable(heading: &str) -> String {
    heading.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn attach_sections(units: Vec<Unit>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut sections = Sections::default();
    let mut run = Vec::new();
    for unit in units {
        match unit {
            Unit::Heading { text, .. } => {
                let name = section_name(&text);
                // Pages repeat their title (`Kreis Düren: …` / `Kreis Düren : …`): keep one.
                if run.last().is_none_or(|last: &String| comparable(last) != comparable(&name)) {
                    run.push(name);
                }
            }
            Unit::Content(mut block) => {
                let after_heading = !run.is_empty();
                if after_heading {
                    sections.open(&std::mem::take(&mut run));
                }
                if block.kind == Kind::Figures && !after_heading {
                    // A section of one block: nothing before or after may merge into it.
                    block.section = Some(FIGURES_SECTION.to_string());
                    block.section_id = sections.id + 1;
                    sections.id += 2;
                } else {
                    block.section = sections.current.clone();
                    block.section_id = sections.id;
                }
                blocks.push(block);
            }
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "Die Stadt hat früh eine Präventionskette aufgebaut, die allen Kindern hilft.";

    /// The heading marks of a paragraph as a string: `K` known heading, `H` heading by shape,
    /// `.` content.
    fn marks(lines: &[&str]) -> String {
        let known = KnownHeadings::new(&["Strategisches Ziel".to_string(), "Sprechzeiten".to_string()]);
        let para: Paragraph = lines.iter().map(|l| l.replace("{L}", LONG)).collect();
        heading_marks(&para, &known)
            .into_iter()
            .map(|m| match m {
                Some(true) => 'K',
                Some(false) => 'H',
                None => '.',
            })
            .collect()
    }

    #[test]
    fn heading_lines_inside_paragraphs() {
        let cases: &[(&[&str], &str, &str)] = &[
            (&["Strategisches Ziel III", "{L}"], "K.", "known heading on the first line"),
            (&["Projektorientierte Formen", "{L}"], "H.", "short first line before a sentence"),
            (&["Gemeinsam neue Wege finden", "Initiative im Kreis gestartet"], "HH", "two-line headline"),
            (&["Gelsenkirchen.", "{L}"], "..", "a sentence is no heading"),
            (&["{L}", "Jedem Kind seine Chance", "{L}"], ".H.", "between a sentence end and content"),
            (
                &["Netzwerkkoordination Kinderschutz", "Verwaltungsgebäude Oberstadt", "Aachener Straße 2"],
                "...",
                "an address block has no content line",
            ),
            (
                &["Tel.: (02161) 25 - 3624", "Sprechzeiten:", "Termine nach Vereinbarung"],
                "...",
                "known heading not after a sentence end",
            ),
            (
                &[
                    "Die Kommune fördert seit vielen Jahren gemeinsam mit den Trägern",
                    "Kitas, Schulen und Vereine in allen Stadtteilen der Stadt.",
                ],
                "..",
                "a hard-wrapped line is as long as the next one",
            ),
            (
                &["Die Stadt plant Einzelmaßnahmen", "für Kinder- und Jugendhilfe, die sie bald umsetzt."],
                "..",
                "the next line goes on in lower case",
            ),
        ];
        for (lines, want, why) in cases {
            assert_eq!(marks(lines), *want, "{why}: {lines:?}");
        }
    }

    #[test]
    fn section_names_nest_numbered_headings() {
        // (heading runs in document order, the section each run opens, what it shows)
        type Case<'a> = (&'a [&'a [&'a str]], &'a [&'a str], &'a str);
        let cases: &[Case] = &[
            (
                &[&["Leitlinien"], &["II. Lücken schließen"]],
                &["Leitlinien", "Leitlinien: II. Lücken schließen"],
                "numbered heading under the last plain one",
            ),
            (
                &[&["Leitlinien", "I. Gutes miteinander vernetzen"], &["II. Lücken schließen"]],
                &["Leitlinien: I. Gutes miteinander vernetzen", "Leitlinien: II. Lücken schließen"],
                "in one run",
            ),
            (
                &[&["Ziele"], &["Strategisches Ziel III"]],
                &["Ziele", "Strategisches Ziel III"],
                "a trailing numeral is part of the name, not a list number",
            ),
            (&[&["1. Einleitung"]], &["1. Einleitung"], "numbered heading without a parent"),
            (
                &[&["Titel", "Untertitel"], &["Ziele"]],
                &["Titel: Untertitel", "Ziele"],
                "a plain heading replaces",
            ),
        ];
        for (runs, want, why) in cases {
            let mut sections = Sections::default();
            let got: Vec<String> = runs
                .iter()
                .map(|run| {
                    sections.open(&run.iter().map(|h| h.to_string()).collect::<Vec<_>>());
                    sections.current.clone().unwrap_or_default()
                })
                .collect();
            assert_eq!(got, *want, "{why}");
        }
    }
}
