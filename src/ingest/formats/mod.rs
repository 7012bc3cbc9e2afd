//! Formats: from a file's bytes, whatever its format, to the text the ingest stages read.
//!
//! Owns the choice of reader and the readers' common contract. The format is decided by the
//! bytes first (`%PDF-`, a zip holding `word/document.xml` or an OpenDocument `mimetype`) and
//! by the extension second, so a PDF saved as `.txt` or read from standard input is still
//! read as a PDF. Plain text and HTML go through [`decode`]; PDF through [`pdf`]; DOCX and ODT
//! through [`office`]; RTF through [`rtf`]. Every reader returns plain text in the form the passage splitter
//! already understands (paragraphs separated by blank lines, headings as paragraphs of their
//! own, list items and table cells as lines) and, for PDF, where each page starts.
//!
//! Third-party parsers run behind [`guarded`]: a panic inside one is a skipped file with its
//! reason, never an aborted run. Which files are not read at all (unsupported extensions) is
//! the walk's decision, made from the name alone; see [`is_supported_extension`].

pub mod office;
pub mod pages;
pub mod pdf;
mod pdf_layout;
pub mod rtf;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use thiserror::Error;

use super::decode;
use super::SkipReason;

/// File extensions praev reads, lower-case.
pub const SUPPORTED_EXTENSIONS: [&str; 8] = ["txt", "md", "html", "htm", "pdf", "docx", "odt", "rtf"];

/// How a file's content is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Text,
    Html,
    Pdf,
    Docx,
    Odt,
    Rtf,
}

/// Why a reader found no text it could give.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Error)]
pub enum ReadError {
    /// A PDF whose pages carry no text: a scan, or pages of images.
    #[error("PDF without a text layer (a scan?): no text to index")]
    NoTextLayer,
    /// Encrypted with a password praev does not have.
    #[error("encrypted: needs a password")]
    Encrypted,
    /// Damaged, truncated or not what its name says.
    #[error("broken: {0}")]
    Broken(String),
    /// A format praev does not read (the lower-case extension, without the dot).
    #[error("unsupported file type .{0}")]
    Unsupported(String),
}

/// A file's text, ready for the ingest stages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// NFC text with `\n` line ends.
    pub text: String,
    /// What the text was read from: the character encoding of a text or HTML file (`UTF-8`,
    /// `windows-1252`, …), or the document format (`PDF`, `DOCX`, `ODT`).
    pub encoding: &'static str,
    /// For paged formats (PDF): the byte offset in `text` where each page starts, page 1
    /// first. Empty for formats without pages.
    pub page_starts: Vec<usize>,
}

impl Extracted {
    fn unpaged(text: String, encoding: &'static str) -> Extracted {
        Extracted { text, encoding, page_starts: Vec::new() }
    }
}

/// True for the extensions praev reads (any case); the walk skips other files by type.
pub fn is_supported_extension(extension: &str) -> bool {
    SUPPORTED_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
}

/// The lower-case extension of `path`, if it has one.
pub fn extension_of(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

/// The format of `bytes`: the magic bytes decide where they are clear, else the extension
/// (`None`: standard input, which has none).
pub fn detect(bytes: &[u8], extension: Option<&str>) -> FileFormat {
    if let Some(format) = sniff(bytes) {
        return format;
    }
    match extension {
        Some("html") | Some("htm") => FileFormat::Html,
        Some("pdf") => FileFormat::Pdf,
        Some("docx") => FileFormat::Docx,
        Some("odt") => FileFormat::Odt,
        Some("rtf") => FileFormat::Rtf,
        None if looks_like_html(bytes) => FileFormat::Html,
        _ => FileFormat::Text,
    }
}

/// The format the first bytes announce, if they announce one.
fn sniff(bytes: &[u8]) -> Option<FileFormat> {
    if pdf::starts_like_pdf(bytes) {
        return Some(FileFormat::Pdf);
    }
    if rtf::starts_like_rtf(bytes) {
        return Some(FileFormat::Rtf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office::sniff_zip(bytes);
    }
    None
}

/// Standard input without a name: HTML when it opens with a tag HTML pages open with.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).trim_start().to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"].iter().any(|tag| head.starts_with(tag))
}

/// Reads a file's bytes as the text praev ingests. `extension` is the file's lower-case
/// extension (`None` for standard input).
pub fn read(bytes: &[u8], extension: Option<&str>) -> Result<Extracted, SkipReason> {
    match detect(bytes, extension) {
        FileFormat::Text => decode_text(bytes, decode::Format::Text),
        FileFormat::Html => decode_text(bytes, decode::Format::Html),
        FileFormat::Pdf => Ok(guarded("PDF", || pdf::read(bytes))?),
        FileFormat::Docx => Ok(guarded("DOCX", || office::read_docx(bytes))?),
        FileFormat::Odt => Ok(guarded("ODT", || office::read_odt(bytes))?),
        FileFormat::Rtf => Ok(guarded("RTF", || rtf::read(bytes))?),
    }
}

/// Reads a file from disk (see [`read`]).
pub fn read_path(path: &Path) -> Result<Extracted, SkipReason> {
    let bytes = std::fs::read(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    read(&bytes, extension_of(path).as_deref())
}

fn decode_text(bytes: &[u8], format: decode::Format) -> Result<Extracted, SkipReason> {
    let decoded = decode::decode(bytes, format)?;
    Ok(Extracted::unpaged(decoded.text, decoded.encoding))
}

/// Runs a third-party reader so that a panic inside it becomes [`ReadError::Broken`].
pub(crate) fn guarded<T>(what: &str, read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    match catch_unwind(AssertUnwindSafe(read)) {
        Ok(result) => result,
        Err(_) => Err(ReadError::Broken(format!("the {what} reader failed on this file"))),
    }
}

impl From<ReadError> for SkipReason {
    fn from(error: ReadError) -> SkipReason {
        SkipReason::Format(error)
    }
}

/// Normalises what document formats add to text: ligatures (`ﬁ` → `fi`), special spaces
/// (no-break, thin, figure) to a plain space, zero-width characters and soft hyphens
/// removed, `\r` line ends to `\n`; then NFC. Only the compatibility characters listed here
/// are folded, so that `²` or `½` keep their meaning.
pub(crate) fn normalise_characters(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}'..='\u{FB06}' => out.extend(c.nfkc()),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => out.push(' '),
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\r' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_decided_by_bytes_then_extension() {
        let cases: [(&[u8], Option<&str>, FileFormat); 8] = [
            (b"%PDF-1.7\n...", Some("txt"), FileFormat::Pdf),
            (b"\n  %PDF-1.4\n", None, FileFormat::Pdf),
            (b"Kinder stark machen", Some("pdf"), FileFormat::Pdf),
            (b"<p>Hallo</p>", Some("html"), FileFormat::Html),
            (b"<!DOCTYPE html><p>Hallo</p>", None, FileFormat::Html),
            (b"Leitbild", None, FileFormat::Text),
            (b"Leitbild", Some("md"), FileFormat::Text),
            (b"PK\x03\x04 not really a zip", Some("docx"), FileFormat::Docx),
        ];
        for (bytes, extension, format) in cases {
            assert_eq!(
                detect(bytes, extension),
                format,
                "{:?} {extension:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn special_characters_are_normalised() {
        let cases = [
            ("Au\u{FB00}ührung der Kinder\u{FB01}lme", "Aufführung der Kinderfilme"),
            ("Stra\u{00DF}e\u{00A0}12, 10\u{202F}000 Einwohner", "Straße 12, 10 000 Einwohner"),
            ("Präven\u{00AD}tion\u{200B}", "Prävention"),
            ("U\u{0308}berga\u{0308}nge", "Übergänge"),
            ("m² und ½ Stelle", "m² und ½ Stelle"),
        ];
        for (raw, normalised) in cases {
            assert_eq!(normalise_characters(raw), normalised, "{raw:?}");
        }
    }

    #[test]
    fn a_panicking_reader_is_a_broken_file() {
        let result: Result<(), ReadError> = guarded("PDF", || panic!("index out of bounds"));
        assert_eq!(result, Err(ReadError::Broken("the PDF reader failed on this file".into())));
    }
}
