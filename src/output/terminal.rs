//! Text that is safe to show in a terminal.
//!
//! Documents, file names and configuration values may hold control characters (an ESC byte
//! from a broken export, a form feed, a newline in a file name). Written raw they would move
//! the cursor, recolour the terminal, or break the width computation of a table. Everything
//! praev shows a person therefore passes through here: control characters become their
//! visible Unicode "control pictures" (ESC shows as `␛`), so the text stays one line and keeps
//! the width it is drawn with. The only escape sequences that reach a terminal are the styles
//! praev writes itself (see [`escape_controls_keeping_styles`]).

use std::borrow::Cow;

/// Whether a line break is kept (a table cell may have several lines) or shown as `␊` (a
/// message must stay one line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Newlines {
    Keep,
    Escape,
}

/// `text` with every control character made visible; a tab becomes a space. Borrowed when
/// there is nothing to escape (the usual case).
pub fn escape_controls(text: &str, newlines: Newlines) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_escape(c, newlines)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if needs_escape(c, newlines) { visible(c) } else { c }).collect())
}

/// A file name or other value for a one-line message: controls escaped, newlines too.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_controls(text, Newlines::Escape)
}

/// Like [`escape_controls`] (newlines kept), but a well-formed SGR sequence (`ESC [ digits;…
/// m`, colour and bold) stays: tables and reports mark matches and shades with them. A stray
/// ESC, or one that starts any other sequence (cursor moves, titles), is escaped.
pub fn escape_controls_keeping_styles(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_escape(c, Newlines::Keep)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' {
            if let Some(length) = sgr_length(rest) {
                out.push_str(&rest[..length]);
                rest = &rest[length..];
                continue;
            }
        }
        out.push(if needs_escape(c, Newlines::Keep) { visible(c) } else { c });
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The byte length of the SGR sequence `text` starts with, if it starts with one.
fn sgr_length(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let parameters = body.bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count();
    (body.as_bytes().get(parameters) == Some(&b'm')).then_some(2 + parameters + 1)
}

fn needs_escape(c: char, newlines: Newlines) -> bool {
    match c {
        '\n' => newlines == Newlines::Escape,
        _ => c.is_control(),
    }
}

/// The visible stand-in of a control character: a space for a tab, the control picture of a
/// C0 control or DEL, the replacement character for a C1 control.
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        let cases = [
            ("Kinder und Familien", Newlines::Keep, "Kinder und Familien"),
            ("\u{1b}ü\u{f}\u{11} Kinder", Newlines::Keep, "␛ü␏␑ Kinder"),
            ("Zeile 1\nZeile 2", Newlines::Keep, "Zeile 1\nZeile 2"),
            ("Leitbild\n2024.txt", Newlines::Escape, "Leitbild␊2024.txt"),
            ("Spalte\tWert\r", Newlines::Keep, "Spalte Wert␍"),
            ("Ende\u{7f}\u{9b}", Newlines::Keep, "Ende␡\u{fffd}"),
        ];
        for (text, newlines, expected) in cases {
            assert_eq!(escape_controls(text, newlines), expected, "{text:?}");
        }
    }

    #[test]
    fn praev_styles_stay_and_other_sequences_are_escaped() {
        let cases = [
            ("die \u{1b}[1mKinder\u{1b}[0m", "die \u{1b}[1mKinder\u{1b}[0m"),
            ("\u{1b}[48;5;22m 0.5 \u{1b}[0m", "\u{1b}[48;5;22m 0.5 \u{1b}[0m"),
            ("\u{1b}ü Kinder", "␛ü Kinder"),
            ("\u{1b}[2J gelöscht", "␛[2J gelöscht"),
            ("\u{1b}]0;Titel\u{7}", "␛]0;Titel␇"),
            ("Ende \u{1b}", "Ende ␛"),
        ];
        for (text, expected) in cases {
            assert_eq!(escape_controls_keeping_styles(text), expected, "{text:?}");
        }
    }
}
