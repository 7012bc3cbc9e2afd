//! RTF: the text of a Rich Text Format file, read by a small parser of its own.
//!
//! RTF is plain ASCII: text, groups `{…}` and control words (`\par`, `\'e4`, `\u8222?`). The
//! parser keeps the text of the body: `\par` ends a paragraph (a blank line), `\line` a line,
//! `\'hh` is a byte of the Windows-1252 code page (what German RTF files use), `\uN` a
//! Unicode character followed by `\ucN` fallback characters that are dropped, typographic
//! control words (`\ldblquote`, `\endash`, `\~`) their characters. Groups that are no text
//! are skipped whole: `\*` destinations, font, colour and style tables, document info,
//! pictures, headers, footers, footnotes and field instructions. Styles are not read, so
//! headings come out as paragraphs of their own.

use super::{normalise_characters, Extracted, ReadError};

/// Destinations whose group holds no document text.
const SKIPPED_DESTINATIONS: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "fldinst",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "xmlnsdecl",
    "object",
    "filetbl",
    "revtbl",
    "annotation",
];

/// True when `bytes` open like an RTF file.
pub fn starts_like_rtf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"{\\rtf")
}

#[derive(Clone, Copy)]
struct Group {
    skip: bool,
    /// How many fallback characters follow a `\uN`.
    fallback: usize,
}

/// Reads the text of an RTF file.
pub fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    if !starts_like_rtf(bytes) {
        return Err(ReadError::Broken("not an RTF file (no {\\rtf header)".into()));
    }
    let mut text = String::new();
    let mut stack: Vec<Group> = Vec::new();
    let mut group = Group { skip: false, fallback: 1 };
    let mut to_drop = 0usize; // fallback characters still to drop after a \uN
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        match b {
            b'{' => stack.push(group),
            b'}' => group = stack.pop().unwrap_or(group),
            b'\r' | b'\n' => {}
            b'\\' => {
                let (control, next) = control_at(bytes, i);
                i = next;
                if to_drop > 0 && !matches!(control, Control::Word(..)) {
                    to_drop -= 1;
                    continue;
                }
                match control {
                    Control::Word(word, value) => match word {
                        "uc" => group.fallback = value.unwrap_or(1).clamp(0, 16) as usize,
                        "u" => {
                            let code = value.unwrap_or(0);
                            let code = if code < 0 { code + 65_536 } else { code };
                            if !group.skip {
                                text.push(char::from_u32(code as u32).unwrap_or('\u{FFFD}'));
                            }
                            to_drop = group.fallback;
                        }
                        word if SKIPPED_DESTINATIONS.contains(&word) => group.skip = true,
                        word => {
                            if let Some(s) = word_text(word).filter(|_| !group.skip) {
                                text.push_str(s);
                            }
                        }
                    },
                    Control::Ignorable => group.skip = true,
                    Control::Byte(byte) if !group.skip => push_cp1252(&mut text, byte),
                    Control::Literal(c) if !group.skip => text.push(c),
                    _ => {}
                }
            }
            _ if to_drop > 0 => to_drop -= 1,
            _ if !group.skip => push_cp1252(&mut text, b),
            _ => {}
        }
    }
    let text = tidy(&normalise_characters(&text));
    if text.trim().is_empty() {
        return Err(ReadError::Broken("the RTF file has no text".into()));
    }
    Ok(Extracted { text, encoding: "RTF", page_starts: Vec::new() })
}

enum Control<'a> {
    /// A control word and its numeric parameter.
    Word(&'a str, Option<i64>),
    /// `\*`: the group is an ignorable destination.
    Ignorable,
    /// `\'hh`.
    Byte(u8),
    /// An escaped or special character (`\\`, `\{`, `\~`, a break for `\` + newline).
    Literal(char),
    Nothing,
}

/// The control after a backslash at `at`, and where the text goes on.
fn control_at(bytes: &[u8], at: usize) -> (Control<'_>, usize) {
    let Some(&first) = bytes.get(at) else { return (Control::Nothing, at) };
    if first.is_ascii_alphabetic() {
        let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let word = std::str::from_utf8(&bytes[at..end]).unwrap_or("");
        let digits_start = end + usize::from(bytes.get(end) == Some(&b'-'));
        let digits_end =
            digits_start + bytes[digits_start..].iter().take_while(|b| b.is_ascii_digit()).take(10).count();
        let (value, mut next) = if digits_end > digits_start {
            (std::str::from_utf8(&bytes[end..digits_end]).ok().and_then(|v| v.parse().ok()), digits_end)
        } else {
            (None, end)
        };
        if bytes.get(next) == Some(&b' ') {
            next += 1;
        }
        return (Control::Word(word, value), next);
    }
    match first {
        b'*' => (Control::Ignorable, at + 1),
        b'\'' => {
            let hex = bytes.get(at + 1..at + 3).and_then(|h| std::str::from_utf8(h).ok());
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(byte) => (Control::Byte(byte), at + 3),
                None => (Control::Nothing, at + 1),
            }
        }
        b'~' => (Control::Literal('\u{A0}'), at + 1),
        b'_' => (Control::Literal('-'), at + 1),
        b'\n' | b'\r' => (Control::Literal('\n'), at + 1),
        b'\\' | b'{' | b'}' => (Control::Literal(char::from(first)), at + 1),
        _ => (Control::Nothing, at + 1), // `\-` (optional hyphen) and unknown symbols
    }
}

/// The text a control word stands for, if any.
fn word_text(word: &str) -> Option<&'static str> {
    Some(match word {
        "par" | "sect" | "page" => "\n\n",
        "line" | "row" => "\n",
        "tab" | "cell" => " ",
        "emdash" => "—",
        "endash" => "–",
        "lquote" => "‘",
        "rquote" => "’",
        "ldblquote" => "“",
        "rdblquote" => "”",
        "bullet" => "•",
        _ => return None,
    })
}

fn push_cp1252(text: &mut String, byte: u8) {
    let bytes = [byte];
    let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    text.push_str(&decoded);
}

/// Lines trimmed and their inner spaces collapsed; runs of blank lines made one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.split('\n').map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        out.push_str(&line);
        out.push('\n');
        blank = false;
    }
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtf_body_text_with_escapes_and_without_tables_of_fonts_or_info() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}
{\info{\title Entwurf}{\author Koordination}}{\*\generator Writer;}
\pard\s1\b Leitbild Fr\'fche Hilfen\b0\par
\pard Wir begleiten Familien \ldblquote von Anfang an\rdblquote . Stra\'dfensozialarbeit\tab und Kita\line zweite Zeile\par
{\header Kopfzeile}\u8222?Zitat\u8220?\~mit Abstand\par}";
        let text = read(rtf).unwrap().text;
        assert_eq!(
            text,
            "Leitbild Frühe Hilfen\n\nWir begleiten Familien “von Anfang an”. Straßensozialarbeit und Kita\n\
             zweite Zeile\n\n„Zitat“ mit Abstand\n"
        );
    }

    #[test]
    fn broken_rtf_gives_a_reason() {
        for bytes in [&b"{\\rtf1 {\\fonttbl"[..], b"Kein RTF", b"{\\rtf1\\'"] {
            assert!(matches!(read(bytes), Err(ReadError::Broken(_))), "{:?}", String::from_utf8_lossy(bytes));
        }
    }
}
