//! Office documents: Word (DOCX) and OpenDocument text (ODT), through `zip` and `quick-xml`.
//!
//! Both are zip files of XML. The body (`word/document.xml`, `content.xml`) is walked once,
//! in document order, into [`Block`]s: headings (Word paragraph styles named `Heading N`,
//! `Überschrift N`, `Title`/`Titel`, or with an outline level; ODT `text:h`), paragraphs, list
//! items (a `- ` bullet, one per line) and table rows (one line per row, cells joined by
//! ` | `). [`render`] writes them as the plain text the passage splitter reads: a heading as a
//! paragraph of its own, list items and rows as consecutive lines. Deleted text of tracked
//! changes, field codes, footnotes and comments are not text of the document and are left out;
//! running headers and footers live in other parts of the file and are not read.
//!
//! Every part is read with a size limit ([`MAX_PART_BYTES`]), so a zip bomb is a broken file,
//! not an exhausted memory.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::ZipArchive;

use super::{normalise_characters, Extracted, FileFormat, ReadError};

/// The largest part of a document that is read (uncompressed).
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The first bytes of an OLE compound file: an old `.doc`, or a password-protected DOCX.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0";

/// The kind of zip `bytes` is, if it is a document praev reads.
pub fn sniff_zip(bytes: &[u8]) -> Option<FileFormat> {
    let sniff = || {
        let mut archive = ZipArchive::new(Cursor::new(bytes)).ok()?;
        if archive.index_for_name("word/document.xml").is_some() {
            return Some(FileFormat::Docx);
        }
        let mimetype = read_part(&mut archive, "mimetype").ok()?;
        mimetype.starts_with("application/vnd.oasis.opendocument.text").then_some(FileFormat::Odt)
    };
    std::panic::catch_unwind(sniff).ok().flatten()
}

/// Reads the text of a DOCX file.
pub fn read_docx(bytes: &[u8]) -> Result<Extracted, ReadError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ReadError::Broken("not a DOCX but an old Word file or a password-protected one".into()));
    }
    let mut archive = open(bytes)?;
    let styles =
        read_part(&mut archive, "word/styles.xml").map(|xml| heading_styles(&xml)).unwrap_or_default();
    let body = read_part(&mut archive, "word/document.xml")?;
    let blocks = docx_blocks(&body, &styles)?;
    finish(blocks, "DOCX")
}

/// Reads the text of an ODT file.
pub fn read_odt(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let mut archive = open(bytes)?;
    if read_part(&mut archive, "META-INF/manifest.xml").is_ok_and(|m| m.contains("encryption-data")) {
        return Err(ReadError::Encrypted);
    }
    let body = read_part(&mut archive, "content.xml")?;
    finish(odt_blocks(&body)?, "ODT")
}

fn finish(blocks: Vec<Block>, format: &'static str) -> Result<Extracted, ReadError> {
    let text = render(&blocks);
    if text.trim().is_empty() {
        return Err(ReadError::Broken(format!("the {format} file has no text")));
    }
    Ok(Extracted { text, encoding: format, page_starts: Vec::new() })
}

fn open(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, ReadError> {
    ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError::Broken(format!("not a readable zip file: {e}")))
}

/// One part of the zip as text, at most [`MAX_PART_BYTES`].
fn read_part(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<String, ReadError> {
    let entry = archive.by_name(name).map_err(|e| ReadError::Broken(format!("{name}: {e}")))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Broken(format!("{name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(ReadError::Broken(format!("{name} is larger than {} MiB", MAX_PART_BYTES >> 20)));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A unit of a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// A list item or a table row: a line among lines.
    Line(String),
}

/// The blocks as plain text: headings and paragraphs separated by blank lines, runs of lines
/// on consecutive lines.
pub fn render(blocks: &[Block]) -> String {
    let mut text = String::new();
    let mut last_was_line = false;
    for block in blocks {
        let (content, is_line) = match block {
            Block::Heading(t) | Block::Paragraph(t) => (t, false),
            Block::Line(t) => (t, true),
        };
        let content = content.split('\n').map(collapse_spaces).filter(|l| !l.is_empty()).collect::<Vec<_>>();
        if content.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str(if is_line && last_was_line { "\n" } else { "\n\n" });
        }
        text.push_str(&content.join("\n"));
        last_was_line = is_line;
    }
    if !text.is_empty() {
        text.push('\n');
    }
    normalise_characters(&text)
}

fn collapse_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collects paragraphs (which may nest: a text box inside a paragraph) and table rows.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// Open paragraphs, innermost last: text, is a heading, is a list item.
    open: Vec<(String, bool, bool)>,
    /// Open tables, innermost last: the cells of the current row.
    rows: Vec<Vec<String>>,
    /// Open cells' text, innermost last.
    cells: Vec<String>,
    /// Depth of elements whose text is not the document's (deleted text, notes, comments).
    skipping: usize,
    /// Inside a Word text run (`w:t`).
    in_text: bool,
}

impl Builder {
    fn push_text(&mut self, text: &str) {
        if self.skipping > 0 {
            return;
        }
        if let Some((buffer, _, _)) = self.open.last_mut() {
            buffer.push_str(text);
        } else if let Some(cell) = self.cells.last_mut() {
            cell.push_str(text);
        }
    }

    fn open_paragraph(&mut self, heading: bool) {
        let list = false;
        self.open.push((String::new(), heading, list));
    }

    fn mark_heading(&mut self) {
        if let Some(open) = self.open.last_mut() {
            open.1 = true;
        }
    }

    fn mark_list_item(&mut self) {
        if let Some(open) = self.open.last_mut() {
            open.2 = true;
        }
    }

    fn close_paragraph(&mut self, in_list: bool) {
        let Some((text, heading, list)) = self.open.pop() else { return };
        if let Some(cell) = self.cells.last_mut() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text);
            return;
        }
        let block = if heading {
            Block::Heading(text)
        } else if list || in_list {
            Block::Line(format!("- {}", text.trim()))
        } else {
            Block::Paragraph(text)
        };
        self.blocks.push(block);
    }

    fn open_table(&mut self) {
        self.rows.push(Vec::new());
    }

    fn open_cell(&mut self) {
        self.cells.push(String::new());
    }

    fn close_cell(&mut self) {
        let Some(cell) = self.cells.pop() else { return };
        if let Some(outer) = self.cells.last_mut().filter(|_| self.rows.len() > 1) {
            outer.push(' ');
            outer.push_str(&cell);
        } else if let Some(row) = self.rows.last_mut() {
            row.push(collapse_spaces(&cell));
        }
    }

    fn close_row(&mut self) {
        if self.rows.len() > 1 {
            return; // a nested table's row: its cells went into the outer cell
        }
        let Some(row) = self.rows.last_mut() else { return };
        let cells: Vec<String> = std::mem::take(row).into_iter().filter(|c| !c.is_empty()).collect();
        if !cells.is_empty() {
            self.blocks.push(Block::Line(cells.join(" | ")));
        }
    }

    fn close_table(&mut self) {
        self.rows.pop();
        // A table ends a run of lines: the next list starts a block of its own.
        self.blocks.push(Block::Paragraph(String::new()));
    }
}

fn broken(part: &str, error: impl std::fmt::Display) -> ReadError {
    ReadError::Broken(format!("{part}: malformed XML: {error}"))
}

/// The value of an attribute, entities resolved.
fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    let found = element.try_get_attribute(name).ok().flatten()?;
    found.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
}

/// The text of an entity reference (`&amp;`, `&#228;`).
fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix('x').or_else(|| number.strip_prefix('X')) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(value);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// Word paragraph style ids whose style is a heading (by name or id).
fn heading_styles(styles_xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(styles_xml);
    let mut headings = Vec::new();
    let mut current_id: Option<String> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) if e.name().as_ref() == "w:style" => current_id = attribute(&e, "w:styleId"),
            Event::Empty(e) if e.name().as_ref() == "w:name" => {
                if let (Some(id), Some(name)) = (&current_id, attribute(&e, "w:val")) {
                    if is_heading_style(&name) {
                        headings.push(id.clone());
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    headings
}

/// Style names (and ids) of headings in English and German Word.
fn is_heading_style(name: &str) -> bool {
    let name = name.to_lowercase().replace(' ', "");
    ["heading", "überschrift", "berschrift", "title", "titel", "subtitle", "untertitel"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

/// The blocks of a Word body.
fn docx_blocks(xml: &str, heading_styles: &[String]) -> Result<Vec<Block>, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut b = Builder::default();
    loop {
        let event = reader.read_event().map_err(|e| broken("word/document.xml", e))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => b.open_paragraph(false),
                "w:t" => b.in_text = true,
                "w:tbl" => b.open_table(),
                "w:tc" => b.open_cell(),
                "w:numPr" => b.mark_list_item(),
                "w:del" | "w:footnoteReference" | "w:commentReference" => b.skipping += 1,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:pStyle" => {
                    let style = attribute(&e, "w:val").unwrap_or_default();
                    if heading_styles.contains(&style) || is_heading_style(&style) {
                        b.mark_heading();
                    }
                }
                "w:outlineLvl" => b.mark_heading(),
                "w:tab" => b.push_text(" "),
                "w:br" | "w:cr" => b.push_text("\n"),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:p" => b.close_paragraph(false),
                "w:t" => b.in_text = false,
                "w:tc" => b.close_cell(),
                "w:tr" => b.close_row(),
                "w:tbl" => b.close_table(),
                "w:del" | "w:footnoteReference" | "w:commentReference" => {
                    b.skipping = b.skipping.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(t) if b.in_text => b.push_text(&t.html_content()),
            Event::CData(t) if b.in_text => b.push_text(&t.html_content()),
            Event::GeneralRef(r) if b.in_text => {
                if let Some(c) = entity(&r.html_content()) {
                    b.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(b.blocks)
}

/// The blocks of an OpenDocument text body.
fn odt_blocks(xml: &str) -> Result<Vec<Block>, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut b = Builder::default();
    let mut list_depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| broken("content.xml", e))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "text:p" => b.open_paragraph(false),
                "text:h" => b.open_paragraph(true),
                "text:list-item" | "text:list-header" => list_depth += 1,
                "table:table" => b.open_table(),
                "table:table-cell" => b.open_cell(),
                "text:note" | "office:annotation" | "text:tracked-changes" => b.skipping += 1,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "text:s" => {
                    let count = attribute(&e, "text:c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1);
                    b.push_text(&" ".repeat(count.min(8)));
                }
                "text:tab" => b.push_text(" "),
                "text:line-break" => b.push_text("\n"),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "text:p" | "text:h" => b.close_paragraph(list_depth > 0),
                "text:list-item" | "text:list-header" => list_depth = list_depth.saturating_sub(1),
                "table:table-cell" => b.close_cell(),
                "table:table-row" => b.close_row(),
                "table:table" => b.close_table(),
                "text:note" | "office:annotation" | "text:tracked-changes" => {
                    b.skipping = b.skipping.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(t) if !b.open.is_empty() => b.push_text(&t.html_content()),
            Event::GeneralRef(r) if !b.open.is_empty() => {
                if let Some(c) = entity(&r.html_content()) {
                    b.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(b.blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_body_becomes_headings_paragraphs_lists_and_rows() {
        let xml = r#"<w:document><w:body>
            <w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Leitbild</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Wir begleiten Kinder </w:t></w:r><w:r><w:t>&amp; Familien.</w:t></w:r>
              <w:del><w:r><w:delText>gestrichen</w:delText></w:r></w:del></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>Kita</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>Schule</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Einwohner</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>120.000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Ende</w:t><w:tab/><w:t>gut</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let text = render(&docx_blocks(xml, &[]).unwrap());
        assert_eq!(
            text,
            "Leitbild\n\nWir begleiten Kinder & Familien.\n\n- Kita\n- Schule\nEinwohner | 120.000\n\nEnde gut\n"
        );
    }

    #[test]
    fn opendocument_body_becomes_the_same_shapes() {
        let xml = r#"<office:document-content><office:body><office:text>
            <text:h text:outline-level="1">Ziele der Präventionskette</text:h>
            <text:p>Kein Kind<text:s/>zurücklassen<text:note><text:note-body><text:p>Fußnote</text:p></text:note-body></text:note>.</text:p>
            <text:list><text:list-item><text:p>Übergänge gestalten</text:p></text:list-item>
            <text:list-item><text:p>Eltern stärken</text:p></text:list-item></text:list>
            <table:table><table:table-row><table:table-cell><text:p>Kreis</text:p></table:table-cell>
            <table:table-cell><text:p>Lippe</text:p></table:table-cell></table:table-row></table:table>
            </office:text></office:body></office:document-content>"#;
        let text = render(&odt_blocks(xml).unwrap());
        assert_eq!(
            text,
            "Ziele der Präventionskette\n\nKein Kind zurücklassen.\n\n- Übergänge gestalten\n- Eltern stärken\nKreis | Lippe\n"
        );
    }

    #[test]
    fn heading_style_names() {
        for (name, heading) in [
            ("heading 1", true),
            ("Überschrift 2", true),
            ("berschrift1", true),
            ("Title", true),
            ("Normal", false),
            ("List Paragraph", false),
        ] {
            assert_eq!(is_heading_style(name), heading, "{name}");
        }
    }

    #[test]
    fn malformed_xml_is_a_broken_file() {
        let result = odt_blocks("<office:text><text:p>Kinder</text:h></office:text>");
        assert!(matches!(result, Err(ReadError::Broken(_))), "{result:?}");
    }
}
