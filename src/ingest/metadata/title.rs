//! The document's title: its headline when it opens with one, else a stand-in, so that every
//! document has a name people recognise in lists of hits and documents.
//!
//! Scraped pages open with labels and header material before the headline (a category word,
//! "Presseinformation", the press number and contact lines, a date line, squeezed figures,
//! navigation items), so those lines are passed over. The first line that is not such
//! material decides: a heading-like line is the headline ([`detect`], which the kind detection
//! reads too); running text means the page has none. Then [`title`] falls back, in this order,
//! to a short heading-like line further down the head (`Kinderbeteiligung Stuttgart` under a
//! quote), to the first words of the first real sentence (a dateline such as `Gelsenkirchen.`
//! is passed over), and to the file name without its extension.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::dates;
use super::page::Page;
use super::prefilter::{digit_runs, Anchored};
use crate::ingest::german::quotation_marks::OPENING;

const MAX_TITLE_CHARS: usize = 160;
/// A heading found below the top is short: a few words, not a line of running text cut short.
const MAX_HEADING_WORDS: usize = 12;
const MAX_HEADING_CHARS: usize = 100;
/// A first sentence stands in for a title with at most this many words, then `…`.
const FIRST_WORDS: usize = 10;
/// A sentence shorter than this is a dateline (`Gelsenkirchen.`), not a stand-in for a title.
const MIN_SENTENCE_WORDS: usize = 3;
/// Date lines longer than this are text that mentions a date, not a date line.
const MAX_DATE_LINE_CHARS: usize = 60;

// Contact details and numbers: an e-mail address ("@", "(at)", "[at]"), a contact label
// ("Tel.:", "Internet:"), a postcode and town, a press number ("Nr. 209"), in parts: those with
// word boundaries are slow to search for, so they are tried only where a match can start (see
// `prefilter`).
static E_MAIL_MARK: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().ascii_case_insensitive(true).build(["@", "(at)", "[at]"]).expect("valid literals")
});
/// Where a contact label can start. A plain search passes over a word overlapping the one
/// before ("internetel"), but that one starts after a letter, where `\b` rules out a label.
static CONTACT_LABEL_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words = ["tel", "fax", "e-mail", "internet"];
    AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("valid literals")
});
static CONTACT_LABEL: LazyLock<Anchored> =
    LazyLock::new(|| Anchored::new(r"(?i)\b(?:tel|telefon|telefax|fax|e-mail|internet)\b\s*[.:]"));
static POSTCODE_TOWN: LazyLock<Anchored> = LazyLock::new(|| Anchored::new(r"(?i)\b\d{5}\s+\p{Lu}"));
static PRESS_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^nr\.\s*\d").expect("valid regex"));
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,2}\.\s|[•·\-–*>]\s)").expect("valid regex"));
static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Foto|Fotos|Bild|Quelle)\s*:").expect("valid regex"));

/// The headline the page opens with, if it opens with one.
pub(super) fn detect(page: &Page) -> Option<String> {
    let first = page.head().iter().find(|line| !is_header_material(line))?;
    is_headline(first).then(|| first.to_string())
}

/// The title of a document: its headline, else a short heading in its head, else the first
/// words of its first sentence, else the file name of `rel_path` without extension. None only
/// for a page without words whose path has no file name.
pub(super) fn title(page: &Page, rel_path: &str) -> Option<String> {
    page.headline()
        .map(String::from)
        .or_else(|| heading_below_top(page))
        .or_else(|| first_words(page))
        .or_else(|| file_stem(rel_path))
}

/// A short heading-like line of the head that is not header material. The page's last line
/// is passed over (excerpts end mid-word: `Die Koordinieru`), and so is a line ending in a
/// short lower-case word, a fragment cut after an article or preposition (`Seite zur`).
fn heading_below_top(page: &Page) -> Option<String> {
    let last = page.lines.len().saturating_sub(1);
    let heading = |(i, line): &(usize, &&str)| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let cut_after_small_word = words
            .last()
            .is_some_and(|w| w.chars().count() <= 3 && w.chars().next().is_some_and(char::is_lowercase));
        *i < last
            && !is_header_material(line)
            && is_headline(line)
            && (2..=MAX_HEADING_WORDS).contains(&words.len())
            && line.chars().count() <= MAX_HEADING_CHARS
            && !line.ends_with(['-', ':', '!', '?'])
            && !cut_after_small_word
    };
    page.head().iter().enumerate().find(heading).map(|(_, line)| line.to_string())
}

/// The first sentence of at least [`MIN_SENTENCE_WORDS`] words in the head's running text,
/// cut to [`FIRST_WORDS`] words.
fn first_words(page: &Page) -> Option<String> {
    let text = page.head().iter().find(|line| !is_header_material(line))?;
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric() && !OPENING.contains(&c));
    let sentence = sentences(text).find(|s| s.len() >= MIN_SENTENCE_WORDS)?;
    let mut title = sentence[..sentence.len().min(FIRST_WORDS)].join(" ");
    if sentence.len() > FIRST_WORDS {
        title.push_str(" …");
    }
    Some(title)
}

/// The words of `text`, sentence by sentence. A sentence ends after a word ending in `.`, `!`
/// or `?` that is no abbreviation or ordinal (`Dr.`, `z.`, `29.`).
fn sentences(text: &str) -> impl Iterator<Item = Vec<&str>> {
    let mut words = text.split_whitespace().peekable();
    std::iter::from_fn(move || {
        let mut sentence = Vec::new();
        for word in words.by_ref() {
            sentence.push(word);
            if ends_sentence(word) {
                break;
            }
        }
        (!sentence.is_empty()).then_some(sentence)
    })
}

fn ends_sentence(word: &str) -> bool {
    let Some(body) = word.strip_suffix(['.', '!', '?']) else { return false };
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    let ordinal = body.chars().last().is_some_and(|c| c.is_ascii_digit());
    !ordinal && (letters > 3 || word.ends_with(['!', '?']))
}

/// The file name without its extension (`046_wuppertal-familienzentren-2014`).
fn file_stem(rel_path: &str) -> Option<String> {
    let name = rel_path.rsplit(['/', '\\']).next()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    Some(stem.trim()).filter(|s| !s.is_empty()).map(str::to_string)
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
        || is_contact_or_number(line)
        || LIST_ITEM.is_match(line)
        || CAPTION.is_match(line)
}

fn is_contact_or_number(line: &str) -> bool {
    let label_at = |m: aho_corasick::Match| CONTACT_LABEL.match_at(line, m.start()).is_some();
    E_MAIL_MARK.is_match(line)
        || CONTACT_LABEL_WORD.find_iter(line).any(label_at)
        || digit_runs(line, 5).any(|at| POSTCODE_TOWN.match_at(line, at).is_some())
        || PRESS_NUMBER.is_match(line)
}

fn is_headline(line: &str) -> bool {
    let starts_well =
        line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || OPENING.contains(&c));
    starts_well && line.chars().count() <= MAX_TITLE_CHARS && !line.ends_with(['.', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_or_number_as_one_pattern_finds_it() {
        let whole = Regex::new(
            r"(?i)@|\(at\)|\[at\]|\b(?:tel|telefon|telefax|fax|e-mail|internet)\b\s*[.:]|\b\d{5}\s+\p{Lu}|^nr\.\s*\d",
        )
        .expect("valid regex");
        let lines = [
            "a(AT)b",
            "Telefon: 0251",
            "TEL. 0251",
            "Hotel: Zimmer",
            "Mittel: viel",
            "Tel 0251",
            "E-MAIL: x",
            "48565 Steinfurt",
            "485651 Steinfurt",
            "x48565 Steinfurt",
            "ä48565 Steinfurt",
            "(48565 öhringen",
            "NR. 209",
            "Die Nr. 209",
            "Internet",
            "Übertelefon: 1",
        ];
        for line in lines {
            assert_eq!(is_contact_or_number(line), whole.is_match(line), "contact or number in {line:?}");
        }
    }

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

    #[test]
    fn every_document_gets_a_title() {
        // (page text, file, expected title)
        let cases = [
            // A headline is the title.
            ("Kinderschutz in Mönchengladbach\n\nDie Stadt hat ein Netzwerk.", "a.txt", "Kinderschutz in Mönchengladbach"),
            // A heading below a quote that opens the page.
            ("Ich bin mir sicher, dass Kinder gern mitentscheiden wollen.\nJohannes 11 Jahre\n> GANZES STATEMENT LESEN\nKinderbeteiligung Stuttgart\nText.", "b.txt", "Johannes 11 Jahre"),
            // Running text: its first sentence, the dateline passed over, cut to ten words.
            ("Gelsenkirchen. Das Projekt „Kein Kind zurücklassen“ kann inzwischen erste Ergebnisse vorweisen. Dr. Mohn kam.", "c.txt", "Das Projekt „Kein Kind zurücklassen“ kann inzwischen erste Ergebnisse vorweisen."),
            (" date 2018-01 Ab sofort koordiniert Silke Tophoven den Aufbau der „Kommunalen Präventionskette“ gegen Armut hauptamtlich.", "d.txt", "Ab sofort koordiniert Silke Tophoven den Aufbau der „Kommunalen Präventionskette“ …"),
            ("Am Freitag, 29. August stellt Dr. Anna Schmidt in Oberhausen den Sozialdienst Schule vor. Mehr folgt.", "e.txt", "Am Freitag, 29. August stellt Dr. Anna Schmidt in Oberhausen …"),
            (".„Gelsenkirchen: Eine familienfreundliche Stadt\" – unter diesem Motto arbeitet ein Bündnis.", "f.txt", "„Gelsenkirchen: Eine familienfreundliche Stadt\" – unter diesem Motto arbeitet ein …"),
            // A fragment is no heading: the last line (cut mid-word), a line cut after "zur".
            ("Kinder in Lippe sollen unabhängig von ihrer Herkunft aufwachsen.\nSeite zur\nText folgt hier.\nDie Koordinieru", "g.txt", "Kinder in Lippe sollen unabhängig von ihrer Herkunft aufwachsen."),
            // No words: the file name.
            ("Sprungziele\nSeiteninhalt\n\n2014", "sub/046_wuppertal-familienzentren-2014.txt", "046_wuppertal-familienzentren-2014"),
            ("", "bericht.html", "bericht"),
        ];
        for (text, file, expected) in cases {
            assert_eq!(title(&Page::new(text), file).as_deref(), Some(expected), "title of {text:?}");
        }
        assert_eq!(title(&Page::new(""), ""), None, "no words, no file name");
    }
}
