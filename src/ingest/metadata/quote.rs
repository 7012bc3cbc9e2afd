//! The quote of the municipality's head (Landrat, Bürgermeisterin, …) on a profile page.
//!
//! Two layouts are recognised. Profile pages label it: "ZITAT der kommunalen Spitze", then the
//! quote, then "(Landrat Dr. Sommer)" at its end or on the next line. Older pages put a quote
//! on its own line followed by a signature line, "Wolfgang Spelthahn, Landrat". Quotes inside
//! running news text ("…“, sagte Landrat X.") are deliberately not taken: in an article the
//! quoted person is often not the head, and the page's own statement is what users look for.
//!
//! German („…“), English (“…”), French (»…«) and straight ("…") quotation marks all occur, with
//! the same marks nested inside; only the outermost pair is removed.

use std::sync::LazyLock;

use regex::Regex;

use super::page::Page;
use super::HeadQuote;

/// A quote longer than this many lines is taken to have lost its closing mark.
const MAX_QUOTE_LINES: usize = 6;
const OPENING_MARKS: [char; 7] = ['„', '“', '”', '"', '»', '«', '‚'];
const CLOSING_MARKS: [char; 7] = ['“', '”', '"', '«', '»', '‘', '’'];

/// Titles of a municipality's head, longest first for the alternation.
const HEAD_ROLES: &str = "Oberbürgermeisterin|Oberbürgermeister|Bürgermeisterin|Bürgermeister|\
    Oberkreisdirektorin|Oberkreisdirektor|Kreisdirektorin|Kreisdirektor|Landrätin|Landrat|\
    Städteregionsrätin|Städteregionsrat|Regionspräsidentin|Regionspräsident|OB";
/// A person's name in a signature: titles, then one to five capitalised words.
const NAME: &str = r"(?:(?:Dr|Prof)\.\s*)*\p{Lu}[\p{L}.\-]+(?:\s+(?:von\s+der\s+|von\s+|van\s+|de\s+|zu\s+)?\p{Lu}[\p{L}.\-]+){0,4}";

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^zitat(?:\s+(?:der|des|von)\b.{0,40})?:?$").expect("valid regex"));
static ROLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(r"^(?:[–—-]\s*)?\(?\s*({HEAD_ROLES})\s+({NAME})\s*\)?$");
    Regex::new(&re).expect("valid regex")
});
static NAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(r"^(?:[–—-]\s*)?\(?\s*({NAME}),\s*({HEAD_ROLES})\b[^()]{{0,60}}\)?$");
    Regex::new(&re).expect("valid regex")
});
static ANY_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\(\s*({NAME})\s*\)$")).expect("valid regex"));
/// A quote with its attribution in parentheses at the end: `„…“ (Landrat Dr. Sommer)`.
static TRAILING_ATTRIBUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^(.*[“”"«»‘’])\s*(\([^()]{2,80}\))$"#).expect("valid regex"));

/// Who said it: speaker and role (`None` when the role is not a head's title).
type Attribution = (String, Option<String>);

pub(super) fn detect(page: &Page) -> Option<HeadQuote> {
    labelled(&page.lines).or_else(|| signed(&page.lines))
}

/// The quote below a "ZITAT der kommunalen Spitze" label.
fn labelled(lines: &[&str]) -> Option<HeadQuote> {
    let label = lines.iter().position(|l| LABEL.is_match(l))?;
    let rest = &lines[label + 1..];
    let mut body = String::new();
    for (k, line) in rest.iter().take(MAX_QUOTE_LINES).enumerate() {
        if k > 0 {
            if let Some(who) = attribution(line, false) {
                return Some(head_quote(&body, Some(who)));
            }
        }
        if !body.is_empty() {
            body.push(' ');
        }
        body.push_str(line);
        if let Some((text, who)) = trailing_attribution(&body, false) {
            return Some(head_quote(&text, Some(who)));
        }
        if body.chars().count() > 1 && body.ends_with(CLOSING_MARKS) {
            let who = rest.get(k + 1).and_then(|next| attribution(next, false));
            return Some(head_quote(&body, who));
        }
    }
    // No closing mark within reach: keep only the first line rather than swallow the page.
    rest.first().map(|first| head_quote(first, None))
}

/// A quote followed by a head's signature, on the next line or in parentheses at its end.
fn signed(lines: &[&str]) -> Option<HeadQuote> {
    for (end, line) in lines.iter().enumerate() {
        if line.starts_with(OPENING_MARKS) {
            if let Some((text, who)) = trailing_attribution(line, true) {
                return Some(head_quote(&text, Some(who)));
            }
        }
        if !line.ends_with(CLOSING_MARKS) {
            continue;
        }
        let Some(who) = lines.get(end + 1).and_then(|next| attribution(next, true)) else {
            continue;
        };
        let first = end.saturating_sub(MAX_QUOTE_LINES - 1);
        if let Some(start) = (first..=end).rev().find(|&k| lines[k].starts_with(OPENING_MARKS)) {
            return Some(head_quote(&lines[start..=end].join(" "), Some(who)));
        }
    }
    None
}

/// Parses a signature line. With `head_only`, only a head's title counts as a signature;
/// otherwise (below a label) any "(Name)" does.
fn attribution(line: &str, head_only: bool) -> Option<Attribution> {
    if line.chars().count() > 100 {
        return None;
    }
    if let Some(c) = ROLE_FIRST.captures(line) {
        return Some((c[2].trim().to_string(), Some(c[1].to_string())));
    }
    if let Some(c) = NAME_FIRST.captures(line) {
        return Some((c[1].trim().to_string(), Some(c[2].to_string())));
    }
    if head_only {
        return None;
    }
    ANY_NAME.captures(line).map(|c| (c[1].trim().to_string(), None))
}

/// Splits `„…“ (Landrat Dr. Sommer)` into the quote and its attribution.
fn trailing_attribution(text: &str, head_only: bool) -> Option<(String, Attribution)> {
    let c = TRAILING_ATTRIBUTION.captures(text)?;
    let who = attribution(&c[2], head_only)?;
    Some((c[1].to_string(), who))
}

fn head_quote(text: &str, who: Option<Attribution>) -> HeadQuote {
    let (speaker, role) = match who {
        Some((speaker, role)) => (Some(speaker), role),
        None => (None, None),
    };
    HeadQuote { text: strip_marks(text), speaker, role }
}

/// Removes the outermost quotation marks (one at each end), keeping nested ones.
fn strip_marks(text: &str) -> String {
    let text = text.trim();
    let text = text.strip_prefix(OPENING_MARKS).unwrap_or(text);
    let text = text.strip_suffix(CLOSING_MARKS).unwrap_or(text);
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        detect(&Page::new(text)).map(|q| (q.text, q.speaker, q.role))
    }

    fn some(text: &str, speaker: &str, role: &str) -> Option<(String, Option<String>, Option<String>)> {
        Some((text.to_string(), Some(speaker.to_string()), Some(role.to_string())))
    }

    #[test]
    fn layouts() {
        // (page text, expected quote, speaker, role)
        let cases = [
            (
                "ZITAT der kommunalen Spitze\n\n„Wir fördern „kinderstark“ im Kreis.“ (Landrat Dr. Sommer)",
                some("Wir fördern „kinderstark“ im Kreis.", "Dr. Sommer", "Landrat"),
            ),
            (
                "ZITAT der kommunalen Spitze\n\n„Kinder sind die Zukunft.“\n(Landrat Dr. Christian Schulze Pellengahr)",
                some("Kinder sind die Zukunft.", "Dr. Christian Schulze Pellengahr", "Landrat"),
            ),
            (
                "Kreis Düren\n\n\"Wir wollen eine \"Kultur des Übergangs\" etablieren.\"\nWolfgang Spelthahn, Landrat\n\nDas haben wir vor:",
                some("Wir wollen eine \"Kultur des Übergangs\" etablieren.", "Wolfgang Spelthahn", "Landrat"),
            ),
            (
                "»Prävention lohnt sich.« (Oberbürgermeisterin Dr. Eva Muster)",
                some("Prävention lohnt sich.", "Dr. Eva Muster", "Oberbürgermeisterin"),
            ),
            (
                "„Erster Satz\nzweiter Satz.“\n– Bürgermeister Hans Meier",
                some("Erster Satz zweiter Satz.", "Hans Meier", "Bürgermeister"),
            ),
            // Below the label any name counts, with no role when none is given.
            (
                "ZITAT der kommunalen Spitze\n„Gemeinsam stark.“\n(Dr. Sommer)",
                Some(("Gemeinsam stark.".to_string(), Some("Dr. Sommer".to_string()), None)),
            ),
            // Label, but the quote never closes: first line only, no speaker.
            (
                "ZITAT der kommunalen Spitze\n„Ein offenes Zitat\nDas haben wir vor",
                Some(("Ein offenes Zitat".to_string(), None, None)),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(quote(text), expected, "quote in {text:?}");
        }
    }

    #[test]
    fn not_head_quotes() {
        let cases = [
            "",
            "Kein Zitat auf dieser Seite.",
            // Quote inside running text: an article's, not the page's statement.
            "„Das ist gut“, sagte Landrat Wolfgang Spelthahn.",
            // A signature that is not a head's title.
            "„Das ist gut.“\nMaria Muster, Projektleiterin",
            // A signature without a quote above it.
            "Das ist gut.\nWolfgang Spelthahn, Landrat",
        ];
        for text in cases {
            assert_eq!(quote(text), None, "no head quote expected in {text:?}");
        }
    }
}
