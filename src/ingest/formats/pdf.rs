//! PDF: the text layer of a PDF, page by page, through `pdf-extract` (on `lopdf`).
//!
//! `pdf-extract` decodes the content streams (fonts, encodings, ToUnicode maps) and hands
//! every glyph with its position to an output device; [`GlyphCollector`] is that device and
//! keeps the glyphs of each page. Turning positions into lines, columns and paragraphs, and
//! removing running headers and footers, is [`super::pdf_layout`]'s job.
//!
//! A PDF that opens but has no glyph on any page is [`ReadError::NoTextLayer`] (a scan); one
//! encrypted with a password other than the empty one is [`ReadError::Encrypted`]; anything
//! `lopdf` cannot parse is [`ReadError::Broken`] with its message. A page whose content
//! stream cannot be read is left out, and the other pages are read.

use lopdf::Document;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::pdf_layout::{self, Glyph, Page, PageLines};
use super::{Extracted, ReadError};

/// How far into a file `%PDF-` may start (the format allows leading bytes).
const HEADER_WINDOW: usize = 1024;

/// True when `%PDF-` starts within the first kilobyte.
pub fn starts_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads the text layer of a PDF.
pub fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    if !starts_like_pdf(bytes) {
        return Err(ReadError::Broken("not a PDF (no %PDF- header)".into()));
    }
    let document = load(bytes)?;
    let pages = collect_pages(&document)?;
    if pages.iter().all(PageLines::is_blank) {
        return Err(ReadError::NoTextLayer);
    }
    let laid_out = pdf_layout::lay_out_lines(pages);
    if laid_out.text.trim().is_empty() {
        return Err(ReadError::NoTextLayer);
    }
    Ok(Extracted { text: laid_out.text, encoding: "PDF", page_starts: laid_out.page_starts })
}

/// Parses the file and removes an encryption that needs no password (permission-only
/// encryption is common for published reports).
fn load(bytes: &[u8]) -> Result<Document, ReadError> {
    let mut document = Document::load_mem(bytes).map_err(|e| load_error(&e))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(ReadError::Encrypted);
    }
    Ok(document)
}

fn load_error(error: &lopdf::Error) -> ReadError {
    let message = error.to_string();
    let lower = message.to_lowercase();
    if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt") {
        ReadError::Encrypted
    } else {
        ReadError::Broken(message)
    }
}

/// The glyphs of every page, in page order. A page that fails is kept empty, so that page
/// numbers stay those of the file.
/// More characters than this on one page is no page of a document (a dense A4 page has about
/// 6,000): such a file is skipped as broken. Bounds the glyphs held at once, about 80 bytes each.
pub const MAX_PAGE_CHARS: usize = 200_000;

/// Each page's lines, laid out from its glyphs one page at a time.
fn collect_pages(document: &Document) -> Result<Vec<PageLines>, ReadError> {
    let numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    let mut pages = Vec::with_capacity(numbers.len());
    for number in numbers {
        let mut collector = GlyphCollector::default();
        let read = super::guarded("PDF", || {
            pdf_extract::output_doc_page(document, &mut collector, number)
                .map_err(|e| ReadError::Broken(e.to_string()))
        });
        if collector.overfull {
            return Err(ReadError::Broken(format!(
                "page {number} holds more than {MAX_PAGE_CHARS} characters, more than a document page"
            )));
        }
        let mut page = collector.page.unwrap_or_default();
        if read.is_err() {
            page.glyphs.clear();
        }
        pages.push(pdf_layout::page_lines(&page));
    }
    Ok(pages)
}

/// Keeps each glyph with its position (top-down page coordinates) and size.
#[derive(Default)]
struct GlyphCollector {
    page: Option<Page>,
    /// The page has more than [`MAX_PAGE_CHARS`] glyphs; the rest were not kept.
    overfull: bool,
    /// Flips PDF's bottom-up y axis so that y grows down the page.
    page_height: f64,
    page_bottom: f64,
}

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _number: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury;
        self.page_bottom = media_box.lly;
        let width = (media_box.urx - media_box.llx).abs();
        self.page = Some(Page { width, left: media_box.llx.min(media_box.urx), glyphs: Vec::new() });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(page) = self.page.as_mut() else { return Ok(()) };
        if page.glyphs.len() >= MAX_PAGE_CHARS {
            self.overfull = true;
            return Ok(());
        }
        // The rendered size: the side of the square with the area of the transformed em square,
        // as pdf-extract's own text output measures it.
        let scale_x = font_size * (trm.m11 + trm.m21);
        let scale_y = font_size * (trm.m12 + trm.m22);
        let size = (scale_x * scale_y).abs().sqrt();
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) || text.is_empty() {
            return Ok(());
        }
        page.glyphs.push(Glyph { x, y, end: x + width * size, size, text: text.to_string() });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
