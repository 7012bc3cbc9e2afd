//! The document's headline: the first heading-like line at the top, when there is one.
//!
//! Scraped pages open with labels and header material before the headline (a category word,
//! "Presseinformation", the press number and contact lines, a date line, squeezed figures,
//! navigation items), so those lines are passed over. The first line that is not such
//! material decides: a heading-like line is the title; running text means the page has none.

use std::sync::LazyLock;

use regex::Regex;

use super::dates;
use super::page::Page;

const MAX_TITLE_CHARS: usize = 160;
/// Date lines longer than this are text that mentions a date, not a date line.
const MAX_DATE_LINE_CHARS: usize = 60;

static CONTACT_OR_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)@|\(at\)|\[at\]|\b(?:tel|telefon|telefax|fax|e-mail|internet)\b\s*[.:]|\b\d{5}\s+\p{Lu}|^nr\.\s*\d")
        .expect("valid regex")
});
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,2}\.\s|[•·\-–*>]\s)").expect("valid regex"));
static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Foto|Fotos|Bild|Quelle)\s*:").expect("valid regex"));

pub(super) fn detect(page: &Page) -> Option<String> {
    let first = page.head().iter().find(|line| !is_header_material(line))?;
    is_headline(first).then(|| first.to_string())
}

/// Lines that come before a headline without being one.
fn is_header_material(line: &str) -> bool {
    let single_word = !line.contains(char::is_whitespace);
    let no_letters = !line.chars().any(char::is_alphabetic);
    let date_line = line.chars().count() <= MAX_DATE_LINE_CHARS && dates::find_date(line).is_some();
    single_word
        || no_letters
        || line.ends_with(':')
        || date_line
        || CONTACT_OR_NUMBER.is_match(line)
        || LIST_ITEM.is_match(line)
        || CAPTION.is_match(line)
}

fn is_headline(line: &str) -> bool {
    let starts_well =
        line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "„“\"»«‚".contains(c));
    starts_well && line.chars().count() <= MAX_TITLE_CHARS && !line.ends_with(['.', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        // (page text, expected title)
        let cases = [
            ("language\n\nKreis Steinfurt\n\nSeit wann dabei:", Some("Kreis Steinfurt")),
            ("Presseinformation\n\nNr. 209 Steinfurt, 26. Mai 2017\n\nKreis Steinfurt, Pressereferentin, Tecklenburger Str. 10, 48565 Steinfurt\nTelefon: (02551)69-2160, Telefax: (02551)69-2100\nE-Mail: k.w@kreis-steinfurt.de\n\nGemeinsam neue Wege finden\nUntertitel", Some("Gemeinsam neue Wege finden")),
            ("Login\nBenutzeranmeldung\nGeben Sie Ihren Benutzernamen ein, um sich anzumelden:\n258.760,46.180\nKreis Düren", Some("Kreis Düren")),
            ("\n\nLEITBILD ZUM AUFBAU EINER KOMMUNALEN PRÄVENTIONSKETTE IN KREFELD\n\nText.", Some("LEITBILD ZUM AUFBAU EINER KOMMUNALEN PRÄVENTIONSKETTE IN KREFELD")),
            ("20.05.2015, Wuppertal\n\n\"Wir sind die Zukunft\"", Some("\"Wir sind die Zukunft\"")),
            ("1. Zum Inhalt springen\n2. Zur Navigation\nKinderfreundliche Stadt Gelsenkirchen\n11. August 2010", Some("Kinderfreundliche Stadt Gelsenkirchen")),
            // The page opens with running text: no title.
            ("Gelsenkirchen hat seit 2005 einen gezielten Ausbau betrieben.\nZweiter Satz.", None),
            ("Gelsenkirchen.\nDie Stadt hat sich längst auf den Weg gemacht.", None),
            (" date 2018-01 Ab sofort koordiniert Silke Tophoven den Aufbau.", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(&Page::new(text)).as_deref(), expected, "title of {text:?}");
        }
    }
}
