//! Boilerplate: drops the web noise that scraped pages carry along.
//!
//! Owns the line-level cleaning between `decode` and `metadata`: whole lines that are only
//! navigation or UI (`Login`, `Zur Website`, `Skip to content`, cookie notices) are dropped,
//! and "read more" fragments are cut from the end of a line (`… zustimmen. weiterlesen...`).
//! Which phrases count as noise is data, `index-config/boilerplate.toml`, in this format:
//!
//! ```toml
//! # A line is dropped when its whole text, trimmed, matches one of these. Case does not
//! # matter, a space matches any run of whitespace, and `*` matches any text (also none).
//! lines = ["Login", "Geben Sie Ihren Benutzernamen*", "* Zum Inhalt springen"]
//! # Cut from the end of a line, with the whitespace before it; no `*` here. A line that was
//! # nothing but such a fragment is dropped.
//! trailing = ["weiterlesen...", "mehr lesen"]
//! ```
//!
//! Both keys are optional. It never merges or re-wraps lines: blank lines, and so paragraphs,
//! stay as they were. It does not look at meaning; a phrase that could be content stays out
//! of the list.

use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{line_of, LineError};

/// The compiled noise patterns. The default removes nothing.
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    /// Matches a whole line that is noise.
    lines: Option<Regex>,
    /// Matches a noise fragment, with the whitespace before it, at the end of a line.
    trailing: Option<Regex>,
}

/// The file as written, each pattern with its position for error messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBoilerplate {
    #[serde(default)]
    lines: Vec<Spanned<String>>,
    #[serde(default)]
    trailing: Vec<Spanned<String>>,
}

impl Boilerplate {
    /// Parses and checks the TOML list. Errors carry the 1-based line of the bad entry.
    pub fn parse(toml_text: &str) -> Result<Boilerplate, LineError> {
        let raw: RawBoilerplate =
            toml::from_str(toml_text).map_err(|err| LineError::of_toml(toml_text, &err))?;
        let lines = regexes(toml_text, &raw.lines, line_regex)?;
        let trailing = regexes(toml_text, &raw.trailing, trailing_regex)?;
        Ok(Boilerplate {
            lines: compile(&lines, r"^\s*(?:", r")\s*$").map_err(|m| first_at(toml_text, &raw.lines, m))?,
            trailing: compile(&trailing, r"\s*(?:", r")\s*$")
                .map_err(|m| first_at(toml_text, &raw.trailing, m))?,
        })
    }

    /// The text without noise lines and trailing noise fragments; everything else, blank lines
    /// included, is kept as it was.
    pub fn clean(&self, text: &str) -> String {
        let kept: Vec<&str> = text.split('\n').filter_map(|line| self.clean_line(line)).collect();
        kept.join("\n")
    }

    /// `None` when the line is noise as a whole.
    fn clean_line<'t>(&self, line: &'t str) -> Option<&'t str> {
        if self.lines.as_ref().is_some_and(|re| re.is_match(line)) {
            return None;
        }
        let Some(found) = self.trailing.as_ref().and_then(|re| re.find(line)) else {
            return Some(line);
        };
        let rest = &line[..found.start()];
        // A line that held only "weiterlesen..." was noise; keeping it blank would split a
        // paragraph in two.
        (!rest.trim().is_empty()).then_some(rest)
    }
}

/// Each entry as regex source, or the first bad entry's error at its line.
fn regexes(
    text: &str,
    entries: &[Spanned<String>],
    to_regex: fn(&str) -> Result<String, String>,
) -> Result<Vec<String>, LineError> {
    entries.iter().map(|entry| to_regex(entry.get_ref()).map_err(|m| at(text, entry, m))).collect()
}

/// A whole-line pattern as a regex: literal text, `*` as any text, spaces as any whitespace.
fn line_regex(pattern: &str) -> Result<String, String> {
    if pattern.trim().is_empty() {
        return Err("empty pattern: it would drop blank lines and so merge paragraphs".into());
    }
    if pattern.chars().all(|c| c == '*' || c.is_whitespace()) {
        return Err(format!("pattern {pattern:?} would drop every line"));
    }
    Ok(pattern.split('*').map(words_regex).collect::<Vec<_>>().join(".*"))
}

/// A trailing fragment as a regex: literal text, spaces as any whitespace.
fn trailing_regex(fragment: &str) -> Result<String, String> {
    if fragment.trim().is_empty() {
        return Err("empty fragment: it would cut nothing; remove it".into());
    }
    if fragment.contains('*') {
        // "weiterlesen*" would cut from the first "weiterlesen" in a line, content included.
        return Err(format!("fragment {fragment:?}: `*` is not allowed in `trailing`, list each ending"));
    }
    Ok(words_regex(fragment))
}

fn words_regex(text: &str) -> String {
    text.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+")
}

/// One case-insensitive regex for all patterns of a key, or `None` when the key lists none.
fn compile(patterns: &[String], open: &str, close: &str) -> Result<Option<Regex>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let source = format!("{open}{}{close}", patterns.join("|"));
    let regex = RegexBuilder::new(&source).case_insensitive(true).build();
    regex.map(Some).map_err(|err| format!("the patterns cannot be compiled together: {err}"))
}

fn at(text: &str, entry: &Spanned<String>, message: String) -> LineError {
    LineError::new(line_of(text, entry.span().start), message)
}

fn first_at(text: &str, entries: &[Spanned<String>], message: String) -> LineError {
    LineError::new(entries.first().map_or(1, |e| line_of(text, e.span().start)), message)
}

/// The 1-based line that holds byte `offset`.

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped list must parse and must clean the noise the seed documents carry.
    const SHIPPED: &str = include_str!("../../index-config/boilerplate.toml");

    #[test]
    fn shipped_list_cleans_the_seed_noise() {
        let boilerplate = Boilerplate::parse(SHIPPED).expect("index-config/boilerplate.toml");
        let cases = [
            ("language\n\nKreis Steinfurt\n", "\nKreis Steinfurt\n"),
            (
                "lisa.kopp-hense(at)kreis-steinfurt.de\n\nZur Website",
                "lisa.kopp-hense(at)kreis-steinfurt.de\n",
            ),
            (
                "Login\n\nBenutzeranmeldung\n\nGeben Sie Ihren Benutzernamen und Ihr Passwort ein, \
                 um sich an der Website anzumelden:\n258.760,46.180\n\nKreis Düren",
                "\n\n258.760,46.180\n\nKreis Düren",
            ),
            ("Datenweitergabe zustimmen. weiterlesen...", "Datenweitergabe zustimmen."),
            ("1. Zum Inhalt springen\n  2. Zur Hauptnavigation springen\nText", "Text"),
            ("SOCIAL BOOKMARKS\nSkip to content\nDrucken\nSeite teilen\nText", "Text"),
            // Content that merely contains a noise word stays.
            ("Die Website der Stadt informiert.", "Die Website der Stadt informiert."),
            (
                "Leitbild – „Präventionsnetz im Kreis Steinfurt“",
                "Leitbild – „Präventionsnetz im Kreis Steinfurt“",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(boilerplate.clean(input), expected, "shipped list on {input:?}");
        }
    }

    #[test]
    fn clean_drops_lines_and_endings_but_keeps_paragraphs() {
        let toml = r#"
            lines = ["Login", "Geben Sie Ihren Benutzernamen*", "* Zum Inhalt springen", "Über uns"]
            trailing = ["weiterlesen...", "weiterlesen …", "mehr lesen"]
        "#;
        let boilerplate = Boilerplate::parse(toml).unwrap();
        let cases = [
            (
                "Absatz eins\n\nLogin\n\nAbsatz zwei",
                "Absatz eins\n\n\nAbsatz zwei",
                "paragraphs must stay apart",
            ),
            ("  LOGIN  \nText", "Text", "case and surrounding spaces do not matter"),
            ("ÜBER UNS\nText", "Text", "case folding covers umlauts"),
            ("Geben Sie  Ihren\tBenutzernamen ein:\nText", "Text", "any whitespace, `*` at the end"),
            ("3. Zum Inhalt springen\nText", "Text", "`*` at the start"),
            ("Login bei der Stadt\nText", "Login bei der Stadt\nText", "a whole line only"),
            ("Satz. Weiterlesen …\nSatz. mehr lesen", "Satz.\nSatz.", "endings, either spelling"),
            ("Text\nweiterlesen...\nText", "Text\nText", "a line of only an ending goes"),
            ("Wir wollen mehr lesen.", "Wir wollen mehr lesen.", "only at the very end"),
            ("Text\n", "Text\n", "final newline kept"),
        ];
        for (input, expected, why) in cases {
            assert_eq!(boilerplate.clean(input), expected, "{why}");
        }
    }

    #[test]
    fn empty_config_removes_nothing() {
        let text = "Login\nweiterlesen...\n";
        assert_eq!(Boilerplate::parse("# nothing yet\n").unwrap().clean(text), text);
        assert_eq!(Boilerplate::default().clean(text), text);
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("lines = [\n  \"Login\",\n  \"  \",\n]", 3, "empty pattern"),
            ("lines = [\"*\"]", 1, "every line"),
            ("\ntrailing = [\"weiter*\"]", 2, "not allowed"),
            ("trailing = [\"\"]", 1, "empty fragment"),
            ("lines = \"Login\"", 1, "sequence"),
            ("lines = [\"a\"]\n\ntrailing = [1]", 3, "string"),
            ("lines = [\"a\"]\nline = [\"b\"]", 2, "unknown field"),
            ("lines = [\"a\"\n\"b\"]", 2, ""),
        ];
        for (toml, line, fragment) in cases {
            let err = Boilerplate::parse(toml).expect_err(toml);
            assert_eq!(err.line, line, "wrong line for {toml:?}: {err}");
            assert!(err.message.contains(fragment), "{toml:?}: message {:?} lacks {fragment:?}", err.message);
        }
    }
}
