//! Decode: from a file's raw bytes to clean Unicode text.
//!
//! Owns everything about *reading* a file: which encoding it is in (byte-order mark, valid
//! UTF-8, otherwise a guess by `chardetng` with a German hint, because scraped German pages are
//! often Windows-1252/Latin-1), whether it is text at all ([`SkipReason::Empty`],
//! [`SkipReason::Binary`]), NFC normalisation, `\n` line ends, and HTML to plain text.
//!
//! UTF-16 is recognised by its byte-order mark only; without one its NUL bytes make it binary.
//!
//! It does not judge what the text says: navigation noise is `boilerplate`'s job, cutting the
//! text into passages is `passages`'.

use std::borrow::Cow;
use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use html2text::render::TrivialDecorator;
use unicode_normalization::UnicodeNormalization;

use super::SkipReason;

/// How a file's text is marked up, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
}

impl Format {
    /// `.html` and `.htm` (any case) are HTML, everything else is plain text.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref() {
            Some("html") | Some("htm") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// A file's text: NFC, `\n` line ends, without markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name as `encoding_rs` spells it (`UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
}

/// The German top-level domain: tells `chardetng` to prefer the encodings German sites use.
const TLD_HINT: &[u8] = b"de";

/// More control characters than this (in percent of all characters) means the file is not text.
/// Real German text has none besides tab, newline and form feed; random bytes have about 13 %.
const MAX_CONTROL_PERCENT: usize = 5;

/// Wide enough that html2text never wraps a paragraph: passages need one line per paragraph.
const NO_WRAP_WIDTH: usize = 1 << 20;

/// Decodes a file's bytes to text. HTML is turned into plain text with paragraphs separated by
/// blank lines.
pub fn decode(bytes: &[u8], format: Format) -> Result<Decoded, SkipReason> {
    let (encoding, bom_len) = detect_encoding(bytes);
    let body = &bytes[bom_len..];
    // UTF-16 is full of NUL bytes; in any other encoding a NUL means a binary file.
    if encoding != UTF_16LE && encoding != UTF_16BE && body.contains(&0) {
        return Err(SkipReason::Binary);
    }
    let (raw, _had_errors) = encoding.decode_without_bom_handling(body);
    if looks_binary(&raw) {
        return Err(SkipReason::Binary);
    }
    let text = match format {
        Format::Text => normalise(&raw),
        Format::Html => tidy_blank_lines(&normalise(&html_to_text(&raw)?)),
    };
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(Decoded { text, encoding: encoding.name() })
}

/// The encoding and the length of its byte-order mark. Without a BOM, valid UTF-8 is UTF-8;
/// anything else is guessed, never assumed, so Latin-1 umlauts do not turn into `�`.
fn detect_encoding(bytes: &[u8]) -> (&'static Encoding, usize) {
    if let Some(found) = Encoding::for_bom(bytes) {
        return found;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, 0);
    }
    // ISO-2022-JP is 7-bit, so it would have passed as UTF-8 above; UTF-8 was ruled out.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    (detector.guess(Some(TLD_HINT), Utf8Detection::Deny), 0)
}

/// True when too many characters are control characters or undecodable (`U+FFFD`).
fn looks_binary(text: &str) -> bool {
    let (mut total, mut odd) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        let allowed_control = matches!(c, '\n' | '\r' | '\t' | '\u{0C}');
        if c == char::REPLACEMENT_CHARACTER || (c.is_control() && !allowed_control) {
            odd += 1;
        }
    }
    odd * 100 > total * MAX_CONTROL_PERCENT
}

/// `\r\n` and lone `\r` become `\n`; the text becomes NFC so that `ü` is one code point
/// whichever way the source composed it.
fn normalise(text: &str) -> String {
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    // Most text is already NFC; the quick check spares the full normalisation pass.
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.into_owned(),
        _ => text.nfc().collect(),
    }
}

/// Plain text from HTML: scripts and styles dropped (html2text skips them), no link
/// footnotes, no `#`/`*`/`>` decorations (the trivial decorator), tables without borders.
fn html_to_text(html: &str) -> Result<String, SkipReason> {
    let html = super::html_nesting::cap_nesting(html);
    let render = || {
        html2text::config::with_decorator(TrivialDecorator::new())
            .no_table_borders()
            .string_from_read(html.as_bytes(), NO_WRAP_WIDTH)
    };
    // html2text has panicked on odd tables in some releases; one bad page must be a skipped
    // file, not an aborted index run.
    match std::panic::catch_unwind(render) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(err)) => Err(SkipReason::Unreadable(format!("HTML could not be converted: {err}"))),
        Err(_) => Err(SkipReason::Unreadable("the HTML converter failed on this file".into())),
    }
}

/// Trailing spaces go; runs of blank lines (stacked `<br>`s, empty `<div>`s) become one blank
/// line, which is how a paragraph break looks in plain text.
fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim_start_matches('\n').lines().map(str::trim_end) {
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            let pair = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn text_files_decode_to_nfc_with_lf() {
        let latin1 = b"\xDCberg\xE4nge f\xFCr Kinder und Familien in D\xFCren".to_vec();
        let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
            ("UTF-8 with BOM", b"\xEF\xBB\xBFGr\xC3\xBC\xC3\x9Fe".to_vec(), "Grüße", "UTF-8"),
            ("UTF-8 without BOM", "Grüße aus Düren".into(), "Grüße aus Düren", "UTF-8"),
            ("UTF-16LE with BOM", utf16("Grüße aus Düren", false), "Grüße aus Düren", "UTF-16LE"),
            ("UTF-16BE with BOM", utf16("Grüße aus Düren", true), "Grüße aus Düren", "UTF-16BE"),
            ("Latin-1 bytes", latin1, "Übergänge für Kinder und Familien in Düren", "windows-1252"),
            ("NFD umlauts", "Gru\u{308}\u{df}e an U\u{308}bach".into(), "Grüße an Übach", "UTF-8"),
            ("CRLF and CR", b"eins\r\nzwei\rdrei\r\n".to_vec(), "eins\nzwei\ndrei\n", "UTF-8"),
            ("form feed is text", b"Seite 1\x0cSeite 2".to_vec(), "Seite 1\x0cSeite 2", "UTF-8"),
        ];
        for (what, bytes, text, encoding) in cases {
            let got = decode(&bytes, Format::Text).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(got.text, text, "{what}: wrong text (encoding detection or NFC broke?)");
            assert_eq!(got.encoding, encoding, "{what}: wrong encoding name");
        }
    }

    #[test]
    fn empty_and_binary_files_are_skipped() {
        let cases: Vec<(&str, Vec<u8>, SkipReason)> = vec![
            ("zero bytes", vec![], SkipReason::Empty),
            ("only whitespace", b" \r\n\t\n".to_vec(), SkipReason::Empty),
            ("only a UTF-8 BOM", b"\xEF\xBB\xBF\n".to_vec(), SkipReason::Empty),
            ("only a UTF-16 BOM", vec![0xFF, 0xFE], SkipReason::Empty),
            ("PNG header with NULs", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), SkipReason::Binary),
            ("NUL after a UTF-8 BOM", b"\xEF\xBB\xBFText\0mit Null".to_vec(), SkipReason::Binary),
            ("control characters", b"ab\x01\x02\x03\x04cd\x05\x06\x07\x08ef".to_vec(), SkipReason::Binary),
            ("HTML with only a script", b"<script>var a = 1;</script>".to_vec(), SkipReason::Empty),
        ];
        for (what, bytes, reason) in cases {
            let format = if what.starts_with("HTML") { Format::Html } else { Format::Text };
            assert_eq!(decode(&bytes, format), Err(reason), "{what}");
        }
    }

    #[test]
    fn html_becomes_plain_paragraphs() {
        let html = "<html><head><title>T</title><style>p { color: red }</style>\
            <script>var s = '<p>Skript</p>';</script></head><body>\
            <h1>Frühe Hilfen</h1><p>Erster <b>Absatz</b> mit <a href=\"https://x.de\">Link</a>.<br>\
            Zweite Zeile</p><br><br><br><p>Zweiter &amp; letzter Absatz</p>\
            <ul><li>Kita</li><li>Schule</li></ul></body></html>";
        let text = decode(html.as_bytes(), Format::Html).unwrap().text;
        let expected = "Frühe Hilfen\n\nErster Absatz mit Link.\nZweite Zeile\n\n\
            Zweiter & letzter Absatz\nKita\nSchule\n";
        assert_eq!(text, expected, "markup, script/style or blank-line handling changed");
    }

    #[test]
    fn broken_html_keeps_its_text() {
        let cases = [
            ("unclosed tags", "<div><p>Kinder <span>stärken<p>Eltern", &["Kinder stärken", "Eltern"][..]),
            ("stray closers", "</p></div>Text</b></table> danach", &["Text danach"]),
            ("cut-off tag", "Vorher <a href=\"x", &["Vorher"]),
            ("unclosed script", "Sichtbar<script>alert('x')", &["Sichtbar"]),
            (
                "table soup",
                "<table><td rowspan=0>Zelle<td colspan=99999>Nachbar</table>",
                &["Zelle", "Nachbar"],
            ),
        ];
        for (what, html, wanted) in cases {
            let text = decode(html.as_bytes(), Format::Html).unwrap_or_else(|e| panic!("{what}: {e}")).text;
            for part in wanted {
                assert!(text.contains(part), "{what}: {part:?} missing from {text:?}");
            }
            assert!(!text.contains('<') && !text.contains("alert"), "{what}: markup left in {text:?}");
        }
    }

    #[test]
    fn html_in_windows_1252_decodes() {
        let html = b"<p>F\xFCr alle Kinder in D\xFCren</p>";
        let got = decode(html, Format::Html).unwrap();
        assert_eq!((got.text.as_str(), got.encoding), ("Für alle Kinder in Düren\n", "windows-1252"));
    }

    #[test]
    fn format_follows_the_extension() {
        for (path, format) in [
            ("a/seite.html", Format::Html),
            ("SEITE.HTM", Format::Html),
            ("text.txt", Format::Text),
            ("notes.md", Format::Text),
            ("html", Format::Text),
        ] {
            assert_eq!(Format::from_path(Path::new(path)), format, "{path}");
        }
    }
}
