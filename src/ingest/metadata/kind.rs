//! Kind: profile, Leitbild, press release, article or other, decided in that order.
//!
//! - **profile**: a programme page, recognised by its field labels ("Seit wann dabei",
//!   "Einwohnerzahl", "Kinder unter 18", "ZITAT der kommunalen Spitze"), or by the squeezed
//!   unlabeled figures ("258.760,46.180") next to the municipality's name at the top;
//! - **press**: a press header ("Presseinformation", "Nr. 209 Steinfurt, 26. Mai 2017") or a
//!   news item signed by the municipality itself ("02. Juni 2016, 15:36 Uhr | Stadt X");
//! - **leitbild**: the document's first heading is a Leitbild ("LEITBILD ZUM AUFBAU …");
//! - **article**: running news text, recognised by a sum of weak signals — a dateline
//!   ("Düren. …", "Wuppertal · …", "Kreis Düren: …"), a date at the top, photo credits and
//!   captions ("(v.l.)"), quotes attributed with "sagte"/"so"/"betont", officials named with
//!   title and full name ("Landrat Dr. Axel Lehmann"), weekdays ("am Freitag"), a speech or
//!   report heading;
//! - **other**: everything else (programme descriptions, overviews, service pages).
//!
//! Profiles contain a Leitbild section and press releases read like articles, hence the order.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::gazetteer::Gazetteer;
use super::municipality;
use super::page::Page;
use super::prefilter::{capitalised_word_after_space, Anchored, Guarded};
use super::{dates, figures, title};
use crate::ingest::german::offices::{without_feminine_forms, NAMED_OFFICES, NAMED_OFFICE_ENDINGS};
use crate::ingest::german::quotation_marks::{CLOSING, DOUBLE_OPENING};
use crate::ingest::german::sentences::is_abbreviation;
use crate::ingest::german::template::{starts_with_profile_label, starts_with_quote_label};
use crate::ingest::DocKind;

/// An article needs this many points of evidence (see [`article_score`]).
const ARTICLE_THRESHOLD: u32 = 2;
/// Two profile labels make a profile; the quote label alone does too.
const PROFILE_LABELS_NEEDED: usize = 2;
/// How close (in lines) the squeezed figures and the municipality's name must be.
const FIGURES_NAME_DISTANCE: usize = 3;

static SQUEEZED_FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}(?:\.\d{3})+\s*[,;/|]\s*\d{1,3}(?:\.\d{3})+$").expect("valid regex")
});
static PRESS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:presse(?:information|mitteilung|meldung|erklärung|info|notiz)|medien(?:information|mitteilung))(?:en)?\b")
        .expect("valid regex")
});
static PRESS_NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Nr\.\s*\d+[/\d]*\s+\p{Lu}[\p{L}\-]*,\s*\d").expect("valid regex"));
/// "02. Juni 2016, 15:36 Uhr | Stadt Gelsenkirchen": a news item published by the municipality.
static MUNICIPAL_NEWS_HEADER: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["Uhr"],
        false,
        r"\d{1,2}[:.]\d{2}\s*Uhr\s*\|\s*(?:Stadt|Kreis|Landkreis|Gemeinde|Städteregion)\s+\p{Lu}",
    )
});
static LEITBILD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:unser\s+|das\s+)?leitbild\b").expect("valid regex"));
/// "Gelsenkirchen. Das …", "Düren. „Wir …", "Mönchengladbach · Zum …", "Gelsenkirchen." alone.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let opening: String = DOUBLE_OPENING.iter().collect();
    Regex::new(&format!(
        r"^((?:(?:Kreis|Landkreis|Stadt|Bad|Sankt)\s+)?\p{{Lu}}[\p{{L}}\-]{{2,}})(?:\.(?:\s+[{opening}\p{{Lu}}]|$)|\s+·\s+\S)"
    ))
    .expect("valid regex")
});
/// "Kreis Düren: Ministerpräsidentin …": a dateline with a colon, if the prefix is a place.
static COLON_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([^:]{3,40}?)\s?:\s+\S").expect("valid regex"));
static PHOTO_CREDIT: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(&["Foto", "Bild", "©"], false, r"(?:^|[\s(])(?:Foto|Fotos|Bild|Bildquelle)\s*:|©")
});
/// A closing quotation mark, then a speech verb: `“, sagte`, `" so`.
static ATTRIBUTED_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    let closing: String = CLOSING.iter().collect();
    Regex::new(&format!(
        r#"[{closing}]\s*,?\s*(?:so|sagte|sagt|betonte|betont|erklärte|erklärt|unterstrich|unterstreicht|berichtet|berichtete|kommentiert|kommentierte|bekräftigt|bekräftigte|ergänzt|ergänzte|meint|meinte|resümiert|resümierte|verdeutlicht|verdeutlichte|bestätigt|bestätigte|erläutert|erläuterte|lobte|lobt|fordert|forderte|weiß|freut\s+sich|freute\s+sich)\b"#
    ))
    .expect("valid regex")
});
/// A heading that opens with a speech or report word ("Grußwort von …", "Rückblick: …").
static SPEECH_OR_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:grußwort|rede|ansprache|interview|kommentar|bericht|nachbericht|rückblick)\b")
        .expect("valid regex")
});
/// A report on an event anywhere in a heading ("Bericht zum Jahresfachtag …"). Apart from
/// [`SPEECH_OR_REPORT`] because, unanchored, it is worth guarding.
static REPORT_ON: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["bericht", "blic"],
        true,
        r"(?i)\b(?:bericht|nachbericht|rückblick)\s+(?:zum|zur|vom|von\s+der|über)\b",
    )
});
/// People in a photo caption: "(v.l.)", "(2.v.r.)", "(von links, hintere Reihe)".
static CAPTION_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:\d\.\s?)?v\.\s?[lr]\.\)|\(von (?:links|rechts)").expect("valid regex")
});
/// An official with title and full name: "Oberbürgermeister Frank Baranowski",
/// "Landrat Dr. Axel Lehmann", "NRW-Familienministerin Ute Schäfer". Programme pages name
/// offices; news names the people holding them.
static OFFICIAL_BY_NAME: LazyLock<Anchored> = LazyLock::new(|| {
    let (endings, offices) = (NAMED_OFFICE_ENDINGS.join("|"), NAMED_OFFICES.join("|"));
    Anchored::new(&format!(
        r"(?:\p{{Lu}}\p{{L}}*(?:{endings})|\b(?:{offices}))\s+(?:(?:Dr|Prof)\.\s+)*\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?\s+\p{{Lu}}\p{{Ll}}+",
    ))
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:am|seit|bis|ab)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b")
        .expect("valid regex")
});

pub(super) fn detect(page: &Page, places: &Gazetteer) -> DocKind {
    if is_profile(page, places) {
        DocKind::Profile
    } else if is_press(page) {
        DocKind::Press
    } else if is_leitbild(page) {
        DocKind::Leitbild
    } else if article_score(page, places) >= ARTICLE_THRESHOLD {
        DocKind::Article
    } else {
        DocKind::Other
    }
}

fn is_profile(page: &Page, places: &Gazetteer) -> bool {
    // The quote label is one of the profile labels: only those lines need the second look.
    let labels: Vec<&str> = page.lines.iter().copied().filter(|l| starts_with_profile_label(l)).collect();
    labels.len() >= PROFILE_LABELS_NEEDED
        || labels.iter().any(|l| starts_with_quote_label(l))
        || squeezed_figures_by_name(page, places)
}

/// The unlabeled figures line near the top with the municipality's name close to it, and
/// plausible as figures (the figures extractor's check).
fn squeezed_figures_by_name(page: &Page, places: &Gazetteer) -> bool {
    let head = page.head();
    let Some(at) = head.iter().position(|l| SQUEEZED_FIGURES.is_match(l)) else {
        return false;
    };
    let plausible = figures::extract(page).population.is_some();
    let near = at.saturating_sub(FIGURES_NAME_DISTANCE)..(at + FIGURES_NAME_DISTANCE + 1).min(head.len());
    plausible && head[near].iter().any(|l| municipality::is_name_line(l, places))
}

fn is_press(page: &Page) -> bool {
    page.head().iter().any(|line| {
        (PRESS_LABEL.is_match(line) && line.chars().count() <= 60)
            || PRESS_NUMBER_LINE.is_match(line)
            || MUNICIPAL_NEWS_HEADER.is_match(line)
    })
}

fn is_leitbild(page: &Page) -> bool {
    page.lines.first().is_some_and(|first| LEITBILD_HEADING.is_match(first))
}

/// Points of evidence for running news text.
fn article_score(page: &Page, places: &Gazetteer) -> u32 {
    let head = page.head();
    let any_line = |re: &Regex| page.lines.iter().any(|l| re.is_match(l));
    let any_line_guarded = |re: &Guarded| page.lines.iter().any(|l| re.is_match(l));
    let mut score = 0;
    score += match (&page.marker_date, dates::document_date(page)) {
        // The scraper only dates news pages.
        (Some(_), _) => 2,
        // A publication date to the day at the top is what news items carry.
        (None, Some(iso)) if iso.len() == "2017-05-26".len() => 2,
        (None, Some(_)) => 1,
        (None, None) => 0,
    };
    if head.iter().any(|l| is_dateline(l, places)) {
        score += 2;
    }
    score += u32::from(any_line_guarded(&PHOTO_CREDIT));
    score += u32::from(any_line(&CAPTION_PEOPLE));
    score += u32::from(page.lines.iter().any(|l| names_official(l)));
    score += u32::from(any_line(&WEEKDAY));
    let attributed: usize = page.lines.iter().map(|l| ATTRIBUTED_QUOTE.find_iter(l).count()).sum();
    score += attributed.min(2) as u32;
    let title = title::detect(page);
    let heading_lines = head.iter().take(3).copied().chain(title.as_deref());
    if heading_lines.into_iter().any(|l| SPEECH_OR_REPORT.is_match(l) || REPORT_ON.is_match(l)) {
        score += 2;
    }
    score
}

/// Whether [`OFFICIAL_BY_NAME`] matches in a line. It is slow to search for (Unicode word
/// boundaries), so it is tried only where a match can start: at an office ("Landrat …"), or
/// at a capital letter of a word ending in one ("Oberbürgermeister …"); see `prefilter`.
fn names_official(line: &str) -> bool {
    static OFFICES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        // "Minister" finds "Ministerin" too.
        let offices = without_feminine_forms(NAMED_OFFICES);
        AhoCorasick::new(offices.chain(without_feminine_forms(NAMED_OFFICE_ENDINGS))).expect("valid literals")
    });
    // No two of the words can overlap, so a plain search finds every one. The pattern goes on
    // with a name (titles are capitalised too): "Bürgermeisterin Anna …", not "Bürgermeisteramt".
    let named = |office: &aho_corasick::Match| {
        let rest = &line[office.end()..];
        capitalised_word_after_space(rest)
            || rest.strip_prefix("in").is_some_and(capitalised_word_after_space)
    };
    OFFICES.find_iter(line).filter(named).any(|office| {
        let word_start = line[..office.start()]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .filter(|(_, c)| c.is_uppercase())
            .map(|(i, _)| i);
        std::iter::once(office.start())
            .chain(word_start)
            .any(|at| OFFICIAL_BY_NAME.match_at(line, at).is_some())
    })
}

fn is_dateline(line: &str, places: &Gazetteer) -> bool {
    if let Some(c) = DATELINE.captures(line) {
        let word = c[1].split_whitespace().next().unwrap_or("");
        // An abbreviation looks like a one-word dateline ("Prof. Dr. …").
        if !is_abbreviation(word) {
            return true;
        }
    }
    COLON_DATELINE.captures(line).is_some_and(|c| municipality::is_name_line(&c[1], places))
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::KnownMunicipality;
    use super::*;

    fn kind(text: &str) -> DocKind {
        let known = Gazetteer::new(&[KnownMunicipality::new("Kreis Düren", "Kreis", &[])]);
        detect(&Page::new(text), &known)
    }

    #[test]
    fn guards_keep_what_the_patterns_match() {
        // (guarded pattern, line it must match)
        let cases = [
            (&*REPORT_ON, "RÜCKBLIC\u{212a} ZUM FACHTAG"),
            (&*REPORT_ON, "Nachbericht vom Fachtag"),
            (&*PHOTO_CREDIT, "(Bildquelle: Stadt)"),
            (&*MUNICIPAL_NEWS_HEADER, "15:36 Uhr | Stadt Gelsenkirchen"),
        ];
        for (guarded, line) in cases {
            assert!(guarded.regex().is_match(line), "the pattern itself should match {line:?}");
            assert!(guarded.is_match(line), "the guard keeps {line:?} from its pattern");
        }
    }

    #[test]
    fn officials_found_where_a_whole_search_finds_them() {
        // (line, whether an official is named with title and full name)
        let cases = [
            ("NRW-Familienministerin Ute Schäfer", true),
            ("OB Frank Baranowski", true),
            ("Oberbürgermeisterin Dr. Eva Maria Muster", true),
            ("Landrätin Anna Berg-Thal kam", true),
            ("der Ministerpräsident Armin Laschet", true),
            ("ÄMinister Hans Meier, xOB Frank Baranowski", false),
            ("Bürgermeister und Landrat sprachen", false),
            ("Bürgermeisteramt Hans Meier", false),
            ("", false),
        ];
        for (line, expected) in cases {
            assert_eq!(
                OFFICIAL_BY_NAME.unanchored().is_match(line),
                expected,
                "the pattern itself on {line:?}"
            );
            assert_eq!(names_official(line), expected, "official named in {line:?}");
        }
    }

    #[test]
    fn kinds() {
        // (text, expected kind)
        let cases = [
            ("language\nKreis X\nSeit wann dabei:\n2012\nEinwohnerzahl:\n100.000", DocKind::Profile),
            ("ZITAT der kommunalen Spitze\n„Wir …“ (Landrat Y)", DocKind::Profile),
            ("Login\n258.760,46.180\n\nKreis Düren\n\n\"Zitat\"", DocKind::Profile),
            ("Presseinformation\n\nNr. 209 Steinfurt, 26. Mai 2017\nText.", DocKind::Press),
            ("Pressemeldung\nFünf Jahre kinderstark", DocKind::Press),
            ("Titel\n02. Juni 2016, 15:36 Uhr | Stadt Gelsenkirchen\nText", DocKind::Press),
            ("LEITBILD ZUM AUFBAU EINER PRÄVENTIONSKETTE\n\nText.", DocKind::Leitbild),
            ("Gelsenkirchen. Das Projekt zeigt erste Ergebnisse.\n„Gut“, sagte der Bürgermeister.", DocKind::Article),
            (" date 2018-01 Ab sofort koordiniert Silke Tophoven den Aufbau.", DocKind::Article),
            ("Titel\n\nWuppertal · Wuppertal nimmt teil.\n\nFoto: Stadt Wuppertal", DocKind::Article),
            ("Kreis Düren: Ministerpräsidentin Kraft besuchte den Kreis.", DocKind::Article),
            ("Login\nGrußwort von Hannelore Kraft\n\nWer Lebenschancen schaffen will, muss neue Wege gehen.", DocKind::Article),
            ("„Das ist gut“, sagte X. „Das auch“, so Y.", DocKind::Article),
            // Programme descriptions: no dateline, no attributed quotes.
            ("Präventionsketten Niedersachsen\n\nDas Programm begleitet Kommunen.\n\nZiele\n\nKinder stärken.", DocKind::Other),
            ("Prof. Dr. Müller leitet das Institut.\nDas Institut berät Kommunen.", DocKind::Other),
            // A squeezed pair without a place name nearby is not a profile.
            ("258.760,46.180\nText ohne Ortsnamen.", DocKind::Other),
            ("Ziel: Die Kinder stärken.", DocKind::Other),
            ("", DocKind::Other),
        ];
        for (text, expected) in cases {
            assert_eq!(kind(text), expected, "kind of {text:?}");
        }
    }
}
