//! PDF layout: from positioned glyphs to text in reading order.
//!
//! Owns the geometry decisions, so that they can be tested without a PDF: glyphs become
//! lines (a new line where the baseline moves or the text jumps back or far ahead; a space
//! where a gap between glyphs is wider than kerning); a page with a gutter that few lines
//! cross is read as two columns (left column, then right, band by band between lines that
//! span both); lines become paragraphs (a blank line where the gap between lines is clearly
//! wider than the page's line spacing, where the font size changes, where the text moves
//! up to a new column, or after a sentence end where the line stops short of its column's
//! right edge or the next line is indented); words hyphenated at a line end are rejoined (`Präven-`/`tion`),
//! except before `und`, `oder` … (`Kinder-`/`und Jugendhilfe`) and before a capital
//! (`Jugendamt-`/`Mitarbeiter` stays `Jugendamt-Mitarbeiter`). Lines at the top or bottom
//! edge that repeat on most pages (digits ignored: `Seite 3 von 12`) are running headers,
//! footers and page numbers, and are removed.

use super::normalise_characters;

/// A glyph (or a run of characters pdf-extract gives at once) on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// Left edge and baseline in page coordinates, y growing downwards.
    pub x: f64,
    pub y: f64,
    /// Right edge.
    pub end: f64,
    /// Rendered font size.
    pub size: f64,
    pub text: String,
}

/// The glyphs of one page in the order the content stream draws them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub width: f64,
    pub left: f64,
    pub glyphs: Vec<Glyph>,
}

/// The text of all pages and where each page starts in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LaidOut {
    pub text: String,
    pub page_starts: Vec<usize>,
}

/// A line of text on a page.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

/// A gap wider than this share of the font size between two glyphs is a space.
const SPACE_GAP: f64 = 0.15;
/// A jump ahead wider than this many font sizes starts a new line (the next column).
const COLUMN_JUMP: f64 = 2.5;
/// A baseline move of more than this share of the font size starts a new line.
const LINE_MOVE: f64 = 0.5;
/// A gap between lines this much wider than the page's usual line spacing is a paragraph break.
const PARAGRAPH_GAP: f64 = 1.35;
/// Font sizes differing by more than this share mark a heading.
const SIZE_CHANGE: f64 = 0.15;
/// A line ending this many font sizes before its column's right edge stops short.
const SHORT_LINE: f64 = 4.0;
/// A first-line indent is between these many font sizes.
const INDENT: (f64, f64) = (0.8, 6.0);
/// Pages with more lines than this skip the short-line check (it compares lines pairwise).
const MAX_LINES_FOR_EDGES: usize = 2_000;
/// Each column needs at least this many lines for a page to be read as two columns.
const MIN_COLUMN_LINES: usize = 3;
/// How many lines at the top and bottom of a page may be running headers or footers.
const EDGE_LINES: usize = 2;
/// Words after a line-end hyphen that mark an elliptic compound: the hyphen stays.
const ELLIPSIS_WORDS: &[&str] = &["und", "oder", "sowie", "bis", "bzw", "noch", "wie", "als", "statt"];

/// Lays out every page and joins them, recording where each page starts.
#[cfg(test)]
pub(crate) fn lay_out(pages: Vec<Page>) -> LaidOut {
    lay_out_lines(pages.iter().map(page_lines).collect())
}

/// A page's lines in reading order: what the layout keeps of a page once its glyphs are
/// grouped, so that a document's glyphs need not all be held at once.
pub(crate) struct PageLines(Vec<Line>);

impl PageLines {
    /// Whether the page has no visible text.
    pub(crate) fn is_blank(&self) -> bool {
        self.0.iter().all(|line| line.text.trim().is_empty())
    }
}

/// Groups a page's glyphs into lines in reading order.
pub(crate) fn page_lines(page: &Page) -> PageLines {
    PageLines(in_reading_order(page, lines_of(page)))
}

/// The document's text from its pages' lines: running lines removed, paragraphs, hyphenated
/// words rejoined, page starts.
pub(crate) fn lay_out_lines(pages: Vec<PageLines>) -> LaidOut {
    let lines: Vec<Vec<Line>> = pages.into_iter().map(|page| page.0).collect();
    let lines = without_running_lines(lines);
    let mut text = String::new();
    let mut page_starts = Vec::with_capacity(lines.len());
    for page in &lines {
        let page_text = paragraphs(page);
        if page_text.is_empty() {
            page_starts.push(text.len());
            continue;
        }
        if !text.is_empty() {
            let continues = continues_across(&text, &page_text);
            text.push_str(if continues { "\n" } else { "\n\n" });
        }
        page_starts.push(text.len());
        text.push_str(&page_text);
    }
    let text = unwrap_soft_breaks(&rejoin_hyphenated(&text, &mut page_starts));
    LaidOut { text, page_starts }
}

/// One line per paragraph, as praev reads plain text and HTML: a line break inside a paragraph
/// where the line fills the column (the PDF's line wrapping) becomes a space, so sentences,
/// quotes and reported statements are not cut at the end of a printed line. A line that stops
/// well short of the paragraph's longest line before its last line ends deliberately (a list
/// item without bullet, an address line) and keeps its breaks on both sides, as does a break
/// before a list item (`•`, `-`, `1.`).
/// Byte for byte the same length, so page starts stay where they are.
fn unwrap_soft_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, paragraph) in text.split("\n\n").enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        let lines: Vec<&str> = paragraph.split('\n').collect();
        let longest = lines.iter().map(|line| line.chars().count()).max().unwrap_or(0);
        let fills = |line: &str| !line.is_empty() && line.chars().count() * 10 >= longest * FILLED_TENTHS;
        for (i, line) in lines.iter().enumerate() {
            out.push_str(line);
            let Some(next) = lines.get(i + 1) else { break };
            // A short line before the paragraph's last is a list item: no wrapping around it.
            let next_wraps = i + 2 == lines.len() || fills(next);
            let soft = fills(line) && next_wraps && !next.is_empty() && !starts_list_item(next);
            out.push(if soft { ' ' } else { '\n' });
        }
    }
    out
}

/// A line at least this many tenths of its paragraph's longest line fills the column.
const FILLED_TENTHS: usize = 7;

/// Whether a line starts with a bullet (as the passage splitter knows them) or an enumeration
/// number (`1.`, `2)`, `a)`).
fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if crate::ingest::passages::is_bullet(line) {
        return true;
    }
    let marker: String = line.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let short = !marker.is_empty() && marker.chars().count() <= 2;
    let numbered = marker.chars().all(|c| c.is_ascii_digit()) || marker.chars().count() == 1;
    short && numbered && line[marker.len()..].starts_with(['.', ')'])
}

/// The lines of a page in stream order.
fn lines_of(page: &Page) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Option<Line> = None;
    for glyph in &page.glyphs {
        let size = if glyph.size > 0.0 { glyph.size } else { 1.0 };
        let text = normalise_characters(&glyph.text).replace('\n', " ");
        if let Some(line) = current.as_mut() {
            let moved = (glyph.y - line.y).abs() > LINE_MOVE * size;
            let back = glyph.x < line.x1 - size;
            let jump = glyph.x > line.x1 + COLUMN_JUMP * size;
            if !(moved || back || jump) {
                let gap = glyph.x > line.x1 + SPACE_GAP * size;
                if gap && !line.text.ends_with(' ') && !text.starts_with(' ') {
                    line.text.push(' ');
                }
                line.text.push_str(&text);
                line.x1 = line.x1.max(glyph.end);
                line.size = line.size.max(size);
                continue;
            }
            lines.extend(current.take());
        }
        current = Some(Line { x0: glyph.x, x1: glyph.end.max(glyph.x), y: glyph.y, size, text });
    }
    lines.extend(current);
    lines
        .into_iter()
        .map(|mut line| {
            line.text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
            line
        })
        .filter(|line| !line.text.is_empty())
        .collect()
}

/// The lines in reading order: two columns left before right where the page has a gutter,
/// else the order the page draws them in.
fn in_reading_order(page: &Page, lines: Vec<Line>) -> Vec<Line> {
    let Some(gutter) = gutter(page, &lines) else { return lines };
    let mut sorted = lines;
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut ordered = Vec::with_capacity(sorted.len());
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for line in sorted {
        if line.x1 <= gutter {
            left.push(line);
        } else if line.x0 >= gutter {
            right.push(line);
        } else {
            ordered.append(&mut left);
            ordered.append(&mut right);
            ordered.push(line);
        }
    }
    ordered.append(&mut left);
    ordered.append(&mut right);
    ordered
}

/// The x of a gutter between two columns: the position in the middle of the page that the
/// fewest lines cross, when both sides have lines and crossing lines are rare.
fn gutter(page: &Page, lines: &[Line]) -> Option<f64> {
    if lines.len() < 2 * MIN_COLUMN_LINES || page.width <= 0.0 {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for step in 30..=70 {
        let x = page.left + page.width * f64::from(step) / 100.0;
        let left = lines.iter().filter(|l| l.x1 <= x).count();
        let right = lines.iter().filter(|l| l.x0 >= x).count();
        let crossing = lines.len() - left - right;
        let columns = left >= MIN_COLUMN_LINES && right >= MIN_COLUMN_LINES;
        if columns && crossing * 2 < left.min(right) && best.is_none_or(|(fewest, _)| crossing < fewest) {
            best = Some((crossing, x));
        }
    }
    best.map(|(_, x)| x)
}

/// A page's lines as paragraphs: lines of one paragraph on consecutive lines, a blank line
/// between paragraphs.
fn paragraphs(lines: &[Line]) -> String {
    let spacing = usual_spacing(lines);
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let previous = &lines[i - 1];
            let ends_paragraph = is_paragraph_break(previous, line, spacing)
                || (ends_sentence(&previous.text)
                    && (stops_short(previous, lines) || is_indented(line, previous)));
            text.push_str(if ends_paragraph { "\n\n" } else { "\n" });
        }
        text.push_str(&line.text);
    }
    text
}

/// The median distance between consecutive baselines of lines of the same size, in font
/// sizes (about 1.2 for most body text).
fn usual_spacing(lines: &[Line]) -> f64 {
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .filter(|pair| same_size(&pair[0], &pair[1]))
        .map(|pair| (pair[1].y - pair[0].y) / pair[0].size)
        .filter(|gap| *gap > 0.3 && *gap < 4.0)
        .collect();
    if gaps.is_empty() {
        return 1.2;
    }
    gaps.sort_by(f64::total_cmp);
    gaps[gaps.len() / 2]
}

fn same_size(a: &Line, b: &Line) -> bool {
    (a.size - b.size).abs() <= SIZE_CHANGE * a.size.max(b.size)
}

fn is_paragraph_break(previous: &Line, line: &Line, spacing: f64) -> bool {
    let gap = (line.y - previous.y) / previous.size.max(line.size);
    gap < 0.0 || gap > spacing * PARAGRAPH_GAP || !same_size(previous, line)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', '“', '"'])
}

/// True when `line` ends well before the right edge of the lines that start where it starts
/// (its column): the last line of a paragraph.
fn stops_short(line: &Line, lines: &[Line]) -> bool {
    if lines.len() > MAX_LINES_FOR_EDGES {
        return false;
    }
    let column = lines.iter().filter(|other| (other.x0 - line.x0).abs() < 2.0 * line.size);
    let right_edge = column.map(|other| other.x1).fold(line.x1, f64::max);
    line.x1 < right_edge - SHORT_LINE * line.size
}

/// True when `line` starts a little right of `previous`: a first-line indent.
fn is_indented(line: &Line, previous: &Line) -> bool {
    let shift = (line.x0 - previous.x0) / line.size;
    (INDENT.0..INDENT.1).contains(&shift)
}

/// True when the first page's text runs on into the next page: no sentence end before the
/// break, and a lower-case start after it.
fn continues_across(before: &str, after: &str) -> bool {
    let ends_open = before.trim_end().chars().last().is_some_and(|c| !".!?:;\"“”»«)".contains(c));
    let starts_lower = after.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower
}

/// Rejoins words hyphenated at a line end, moving the page starts behind the joins.
fn rejoin_hyphenated(text: &str, page_starts: &mut [usize]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut moved: Vec<(usize, usize)> = Vec::new(); // (offset in text, bytes removed so far)
    let mut removed = 0;
    let mut rest = text;
    let mut offset = 0;
    while let Some(newline) = rest.find('\n') {
        let (line, after) = (&rest[..newline], &rest[newline + 1..]);
        match hyphen_join(line, after) {
            Some(Join::Drop) => {
                out.push_str(&line[..line.len() - line.chars().last().map_or(0, char::len_utf8)]);
                removed += 1 + line.chars().last().map_or(0, char::len_utf8);
            }
            Some(Join::Keep) => {
                out.push_str(line);
                removed += 1;
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
        offset += newline + 1;
        moved.push((offset, removed));
        rest = after;
    }
    out.push_str(rest);
    for start in page_starts.iter_mut() {
        let shift = moved.iter().rev().find(|(at, _)| *at <= *start).map_or(0, |(_, by)| *by);
        *start = start.saturating_sub(shift).min(out.len());
        while !out.is_char_boundary(*start) {
            *start -= 1;
        }
    }
    out
}

enum Join {
    /// The hyphen only broke the word: drop it and the line break.
    Drop,
    /// The hyphen belongs to the word (`Jugendamt-Mitarbeiter`): keep it, drop the break.
    Keep,
}

/// How a line ending in a hyphen joins the next line, if it does.
fn hyphen_join(line: &str, next: &str) -> Option<Join> {
    let mut tail = line.chars().rev();
    let hyphen = tail.next()?;
    let before = tail.next()?;
    if !matches!(hyphen, '-' | '\u{2010}') || !before.is_alphabetic() {
        return None;
    }
    let first = next.chars().next()?;
    if first.is_uppercase() {
        return Some(Join::Keep);
    }
    if !first.is_lowercase() {
        return None;
    }
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    (!ELLIPSIS_WORDS.contains(&word.as_str())).then_some(Join::Drop)
}

/// Removes running headers, footers and page numbers: lines among the first and last
/// [`EDGE_LINES`] of a page whose shape (digits ignored) is on the edge of most pages.
fn without_running_lines(pages: Vec<Vec<Line>>) -> Vec<Vec<Line>> {
    let with_text = pages.iter().filter(|lines| !lines.is_empty()).count();
    if with_text < 2 {
        return pages;
    }
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for lines in &pages {
        let mut keys: Vec<String> = edge_indices(lines).map(|i| running_key(&lines[i].text)).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    let needed = (with_text + 1) / 2;
    let needed = needed.max(2);
    pages
        .into_iter()
        .map(|lines| {
            let edges: Vec<usize> = edge_indices(&lines).collect();
            lines
                .into_iter()
                .enumerate()
                .filter(|(i, line)| {
                    let key = running_key(&line.text);
                    !(edges.contains(i) && (counts[&key] >= needed || is_page_number(&key)))
                })
                .map(|(_, line)| line)
                .collect()
        })
        .collect()
}

/// Indices of the lines nearest the top and the bottom of the page; a short page keeps at
/// least one line in the middle that is no edge.
fn edge_indices(lines: &[Line]) -> impl Iterator<Item = usize> {
    let mut by_y: Vec<usize> = (0..lines.len()).collect();
    by_y.sort_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y));
    let edge = EDGE_LINES.min(lines.len().saturating_sub(1) / 2);
    let top = by_y.iter().take(edge).copied().collect::<Vec<_>>();
    let bottom = by_y.iter().rev().take(edge).copied().collect::<Vec<_>>();
    let mut all = top;
    all.extend(bottom);
    all.sort();
    all.dedup();
    all.into_iter()
}

/// A line's shape for comparing across pages: lower case, digits as `#`, single spaces.
fn running_key(text: &str) -> String {
    let mapped: String = text.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect();
    let mut key = mapped.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    while key.contains("##") {
        key = key.replace("##", "#");
    }
    key
}

/// A line that is only a page number: `7`, `- 7 -`, `Seite 7`, `Seite 7 von 12`, `7/12`.
fn is_page_number(key: &str) -> bool {
    let rest = key.replace("seite", "").replace("page", "").replace("von", "").replace("of", "");
    rest.contains('#') && rest.chars().all(|c| c == '#' || c.is_whitespace() || "-–—/|.()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_a_paragraph_are_joined_and_list_items_stay_apart() {
        let cases = [
            (
                "Der Landrat betonte die Bedeutung\nverlässlicher Netzwerke.",
                "Der Landrat betonte die Bedeutung verlässlicher Netzwerke.",
            ),
            ("Absatz eins\nweiter.\n\nAbsatz zwei", "Absatz eins weiter.\n\nAbsatz zwei"),
            (
                "Unsere Ziele:\n• Kinder stärken\n• Eltern begleiten",
                "Unsere Ziele:\n• Kinder stärken\n• Eltern begleiten",
            ),
            ("Schritte\n1. Planen\n2) Handeln\na) erstens", "Schritte\n1. Planen\n2) Handeln\na) erstens"),
            (
                "Die Präventionskette wächst seit dem Jahr\n2024. Danach",
                "Die Präventionskette wächst seit dem Jahr 2024. Danach",
            ),
            ("Ende\n", "Ende\n"),
            (
                "Drei Ziele der Präventionskette im Kreis\nKinder stärken\nEltern begleiten",
                "Drei Ziele der Präventionskette im Kreis\nKinder stärken\nEltern begleiten",
            ),
        ];
        for (text, unwrapped) in cases {
            assert_eq!(unwrap_soft_breaks(text), unwrapped, "{text:?}");
            assert_eq!(unwrap_soft_breaks(text).len(), text.len());
        }
    }

    /// A page of lines, each a single glyph run: (x, y, size, text), 0.5 size per character.
    fn page(lines: &[(f64, f64, f64, &str)]) -> Page {
        let glyphs = lines
            .iter()
            .map(|&(x, y, size, text)| Glyph {
                x,
                y,
                end: x + text.chars().count() as f64 * size * 0.5,
                size,
                text: text.to_string(),
            })
            .collect();
        Page { width: 600.0, left: 0.0, glyphs }
    }

    fn text_of(pages: Vec<Page>) -> String {
        lay_out(pages).text
    }

    #[test]
    fn lines_paragraphs_and_hyphenation() {
        let body = page(&[
            (50.0, 50.0, 16.0, "Leitbild der Präventionskette"),
            (50.0, 90.0, 10.0, "Wir stärken Familien durch Präven-"),
            (50.0, 102.0, 10.0, "tion und gute Zusammenarbeit der Kinder-"),
            (50.0, 114.0, 10.0, "und Jugendhilfe mit dem Jugendamt-"),
            (50.0, 126.0, 10.0, "Mitarbeiter vor Ort."),
            (50.0, 150.0, 10.0, "Ein zweiter Absatz folgt."),
        ]);
        let expected = "Leitbild der Präventionskette\n\n\
            Wir stärken Familien durch Prävention und gute Zusammenarbeit der Kinder- \
            und Jugendhilfe mit dem Jugendamt-Mitarbeiter vor Ort.\n\n\
            Ein zweiter Absatz folgt.";
        assert_eq!(text_of(vec![body]), expected);
    }

    #[test]
    fn a_short_last_line_or_an_indent_ends_a_paragraph() {
        let body = page(&[
            (50.0, 100.0, 10.0, "Die Präventionskette verbindet Kitas, Schulen und Beratung miteinander."),
            (50.0, 112.0, 10.0, "Sie wächst weiter."),
            (50.0, 124.0, 10.0, "Der zweite Absatz beginnt ohne Einzug und ohne größeren Abstand davor."),
            (50.0, 136.0, 10.0, "Er endet mit einer vollen Zeile bis an den rechten Rand der Spalte hin."),
            (62.0, 148.0, 10.0, "Der dritte Absatz ist eingezogen, wie es in Satzprogrammen üblich ist."),
            (50.0, 160.0, 10.0, "Eine Liste ohne Satzende"),
            (50.0, 172.0, 10.0, "bleibt zusammen"),
        ]);
        assert_eq!(
            text_of(vec![body]),
            "Die Präventionskette verbindet Kitas, Schulen und Beratung miteinander. Sie wächst weiter.\n\n\
             Der zweite Absatz beginnt ohne Einzug und ohne größeren Abstand davor. \
             Er endet mit einer vollen Zeile bis an den rechten Rand der Spalte hin.\n\n\
             Der dritte Absatz ist eingezogen, wie es in Satzprogrammen üblich ist.\n\
             Eine Liste ohne Satzende\nbleibt zusammen"
        );
    }

    #[test]
    fn glyph_gaps_become_spaces_but_kerning_does_not() {
        let glyphs = vec![
            Glyph { x: 10.0, y: 10.0, end: 30.0, size: 10.0, text: "Über".into() },
            Glyph { x: 30.5, y: 10.0, end: 50.0, size: 10.0, text: "gänge".into() },
            Glyph { x: 53.0, y: 10.0, end: 70.0, size: 10.0, text: "gestalten".into() },
        ];
        assert_eq!(text_of(vec![Page { width: 600.0, left: 0.0, glyphs }]), "Übergänge gestalten");
    }

    #[test]
    fn two_columns_are_read_left_then_right() {
        // Drawn row by row across both columns, as some generators do.
        let mut rows = vec![(50.0, 40.0, 14.0, "Zwei Spalten über die ganze Seitenbreite hinweg")];
        let left = ["Links eins", "Links zwei", "Links drei", "Links vier"];
        let right = ["Rechts eins", "Rechts zwei", "Rechts drei", "Rechts vier"];
        for (i, (l, r)) in left.iter().zip(right).enumerate() {
            let y = 80.0 + 12.0 * i as f64;
            rows.push((50.0, y, 10.0, l));
            rows.push((320.0, y, 10.0, r));
        }
        let text = text_of(vec![page(&rows)]);
        assert_eq!(
            text,
            "Zwei Spalten über die ganze Seitenbreite hinweg\n\n\
             Links eins Links zwei Links drei Links vier\n\n\
             Rechts eins Rechts zwei Rechts drei Rechts vier"
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_removed() {
        let pages: Vec<Page> = (1..=3)
            .map(|n| {
                let body = ["Kinder stärken.", "Eltern begleiten.", "Übergänge gestalten."][n - 1];
                let number = format!("Seite {n} von 3");
                page(&[
                    (50.0, 20.0, 8.0, "Kreis Lippe – Präventionskette"),
                    (50.0, 100.0, 10.0, body),
                    (50.0, 800.0, 8.0, number.as_str()),
                ])
            })
            .collect();
        let laid_out = lay_out(pages);
        assert_eq!(laid_out.text, "Kinder stärken.\n\nEltern begleiten.\n\nÜbergänge gestalten.");
        assert_eq!(laid_out.page_starts, vec![0, 18, 37]);
    }

    #[test]
    fn a_sentence_runs_on_across_a_page_break() {
        let pages = vec![
            page(&[(50.0, 100.0, 10.0, "Die Angebote der Frühen Hil-")]),
            page(&[(50.0, 100.0, 10.0, "fen erreichen alle Familien.")]),
        ];
        let laid_out = lay_out(pages);
        assert_eq!(laid_out.text, "Die Angebote der Frühen Hilfen erreichen alle Familien.");
        assert_eq!(laid_out.page_starts, vec![0, "Die Angebote der Frühen Hil".len()]);
    }

    #[test]
    fn page_number_lines() {
        for (line, is_number) in
            [("7", true), ("- 7 -", true), ("Seite 7 von 12", true), ("7/12", true), ("Ziele 2025", false)]
        {
            assert_eq!(is_page_number(&running_key(line)), is_number, "{line}");
        }
    }
}
