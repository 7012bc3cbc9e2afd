//! Kind: profile, Leitbild, press release, article, report, speech or other — a scored
//! decision. Every kind collects points of evidence from the text; the kind with most points
//! wins if it has at least [`MIN_POINTS`], else the document is `other`. Ties go to the kind
//! listed first in [`CANDIDATES`].
//!
//! - **profile**: the programme template's field labels ("Seit wann dabei", "Einwohnerzahl",
//!   "Kinder unter 18", "ZITAT der kommunalen Spitze"), or the squeezed unlabeled figures
//!   ("258.760,46.180") next to the municipality's name at the top;
//! - **leitbild**: the first heading is a Leitbild ("Unser Leitbild", "LEITBILD ZUM AUFBAU …"),
//!   and Leitbild section headings ("Leitziele", "Präambel", "Leitsätze");
//! - **press**, **report**, **speech**: who published it and what genre it is (see `genre`):
//!   a press header or `(ots)`, a report or speech heading, "Es gilt das gesprochene Wort".
//!   News-like text (below) counts for press too when a press office shows (a press contact,
//!   a dash dateline, the municipality as author) and no newspaper does: who publishes news
//!   text decides whether it is a press release or an article;
//! - **article**: running news text — a dateline ("Düren. …", "Wuppertal · …"), a date at the
//!   top, photo credits and captions ("(v.l.)"), quotes attributed with "sagte"/"so",
//!   officials named with title and full name, weekdays ("am Freitag") — up to
//!   [`RUNNING_TEXT_CAP`] points, since press releases and reports read the same way; plus
//!   the marks of newspapers and portals (outlet names, bylines, "(dpa)", "Lesezeit");
//! - **other**: everything else (programme descriptions, overviews, service pages).
//!
//! Profiles contain a Leitbild section, so profile labels weigh most.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::gazetteer::Gazetteer;
use super::municipality;
use super::page::{at_most_chars, Page};
use super::prefilter::{capitalised_word_after_space, run_reach, Anchored, Guarded};
use super::{figures, genre};
use crate::ingest::german::offices::{without_feminine_forms, NAMED_OFFICES, NAMED_OFFICE_ENDINGS};
use crate::ingest::german::quotation_marks::{CLOSING, DOUBLE_OPENING};
use crate::ingest::german::sentences::is_abbreviation;
use crate::ingest::german::template::{starts_with_profile_label, starts_with_quote_label};
use crate::ingest::DocKind;

/// A kind needs this many points; with fewer for every kind, the document is `other`.
const MIN_POINTS: u32 = 2;
/// Running news text counts this much at most: press releases and reports read like news,
/// and only their own cues (a press header, a report heading) may tell them apart.
const RUNNING_TEXT_CAP: u32 = 4;
/// Two profile labels make a profile; the quote label alone does too.
const PROFILE_LABELS_NEEDED: usize = 2;
/// Points for the template's labels or figures: more than any other kind's cues add up to.
const PROFILE_POINTS: u32 = 10;
/// Points for a Leitbild as the first heading, and for each Leitbild section heading.
const LEITBILD_FIRST_HEADING: u32 = genre::DECISIVE;
const LEITBILD_SECTION_POINTS: u32 = 1;
/// Section headings longer than this are text.
const SECTION_HEADING_CHARS: usize = 60;
/// How close (in lines) the squeezed figures and the municipality's name must be.
const FIGURES_NAME_DISTANCE: usize = 3;
/// The kinds in the order ties are broken: the more specific cue first.
const CANDIDATES: [DocKind; 6] =
    [DocKind::Profile, DocKind::Press, DocKind::Speech, DocKind::Report, DocKind::Leitbild, DocKind::Article];

static SQUEEZED_FIGURES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}(?:\.\d{3})+\s*[,;/|]\s*\d{1,3}(?:\.\d{3})+$").expect("valid regex")
});
static LEITBILD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:unser\s+|das\s+)?leitbild\b").expect("valid regex"));
/// A section heading of a Leitbild ("1. Präambel", "Unsere Leitziele", "Leitsätze"). Every
/// match holds one of the guard words, which have no letter that `(?i)` matches beyond ASCII
/// case (`präambel` is guarded by `ambel`, so `PRÄAMBEL` passes too).
static LEITBILD_SECTION: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["leit", "ambel", "grund", "werte"],
        true,
        r"(?i)^(?:\d{1,2}\.?\s+)?(?:unser(?:e)?\s+|das\s+|die\s+)?(?:leitbild|leitziele|leitsätze|leitgedanken|präambel|leitlinien|grundsätze|werte)\b",
    )
});
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
/// A closing quotation mark, then a speech verb: `“, sagte`, `" so`. Tried only at closing
/// marks, no further than [`attribution_reach`]: the Unicode `\b` makes a search of a whole
/// line with quotes in it slow.
static ATTRIBUTED_QUOTE: LazyLock<Anchored> = LazyLock::new(|| {
    let closing: String = CLOSING.iter().collect();
    Anchored::new(&format!(
        r#"[{closing}]\s*,?\s*(?:so|sagte|sagt|betonte|betont|erklärte|erklärt|unterstrich|unterstreicht|berichtet|berichtete|kommentiert|kommentierte|bekräftigt|bekräftigte|ergänzt|ergänzte|meint|meinte|resümiert|resümierte|verdeutlicht|verdeutlichte|bestätigt|bestätigte|erläutert|erläuterte|lobte|lobt|fordert|forderte|weiß|freut\s+sich|freute\s+sich)\b"#
    ))
    .with_reach(attribution_reach)
});

/// How far an attributed quote starting at `text`'s start (at its closing mark) can reach:
/// after the mark it holds white space, a comma and letters only, and at most three runs of
/// white space (around the comma, before "sich"), all inside it since it ends with a letter.
/// So it ends before the first other character or the fourth run of space.
fn attribution_reach(text: &str) -> usize {
    let mark = text.chars().next().map_or(0, char::len_utf8);
    mark + run_reach(&text[mark..], 3, |c| c.is_alphabetic() || c == ',')
}

/// How many quotes attributed by a speech verb right after them a line holds, up to `most`.
fn attributed_quotes(line: &str, most: usize) -> usize {
    ATTRIBUTED_QUOTE.matches(line, closing_marks(line)).len().min(most)
}

/// Where the closing quotation marks of a line are. Every mark is `"` or starts with the byte
/// 0xE2 (`“”‘’`) or 0xC2 (`»«`): a vectorised search for those three bytes finds the places
/// to look at.
fn closing_marks(line: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, line.as_bytes())
        .filter(|&at| line[at..].chars().next().is_some_and(|c| CLOSING.contains(&c)))
}
/// People in a photo caption: "(v.l.)", "(2.v.r.)", "(von links, hintere Reihe)".
static CAPTION_PEOPLE: LazyLock<Guarded> = LazyLock::new(|| {
    // Every match holds "v." or "(von ", which few lines do.
    Guarded::new(&["v.", "(von "], false, r"\((?:\d\.\s?)?v\.\s?[lr]\.\)|\(von (?:links|rechts)")
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
/// "am Freitag": guarded by the weekday names, since its leading words ("am", "ab") are in
/// nearly every line.
static WEEKDAY: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(&WEEKDAYS, false, &format!(r"\b(?:am|seit|bis|ab)\s+(?:{})\b", WEEKDAYS.join("|")))
});
const WEEKDAYS: [&str; 7] = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

pub(super) fn detect(page: &Page, places: &Gazetteer) -> DocKind {
    let scores = scores(page, places);
    let best = CANDIDATES
        .iter()
        .zip(scores)
        .filter(|(_, points)| *points >= MIN_POINTS)
        // `max_by_key` keeps the last of equal maxima: reversed, that is the first listed.
        .rev()
        .max_by_key(|(_, points)| *points);
    best.map_or(DocKind::Other, |(kind, _)| *kind)
}

/// The points of each kind of [`CANDIDATES`], in that order.
fn scores(page: &Page, places: &Gazetteer) -> [u32; CANDIDATES.len()] {
    let title = page.headline();
    let heading_lines: Vec<&str> = page.head().iter().take(3).copied().chain(title).collect();
    let profile = if is_profile(page, places) { PROFILE_POINTS } else { 0 };
    let running_text = running_text_points(page, places);
    let (press, outlet) = (genre::press_points(page), genre::outlet_points(page));
    // News-like text is the press office's when it shows and no newspaper does.
    let press_running_text = if press > 0 && outlet == 0 { running_text } else { 0 };
    [
        profile,
        press + press_running_text,
        genre::speech_points(&heading_lines, page),
        genre::report_points(&heading_lines, page),
        leitbild_points(page),
        running_text + outlet,
    ]
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

fn leitbild_points(page: &Page) -> u32 {
    let first = page.lines.first().is_some_and(|first| LEITBILD_HEADING.is_match(first));
    let sections: std::collections::BTreeSet<String> = page
        .lines
        .iter()
        .filter(|l| at_most_chars(l, SECTION_HEADING_CHARS) && LEITBILD_SECTION.is_match(l))
        .map(|l| l.to_lowercase())
        .collect();
    u32::from(first) * LEITBILD_FIRST_HEADING + sections.len() as u32 * LEITBILD_SECTION_POINTS
}

/// Points of evidence for running news text, up to [`RUNNING_TEXT_CAP`]: once that many are
/// found, the remaining cues are not looked for.
fn running_text_points(page: &Page, places: &Gazetteer) -> u32 {
    let head = page.head();
    let any_line_guarded = |re: &Guarded| re.any_line(&page.search, &page.lines, |_| true);
    let date = || match (&page.marker_date, page.document_date()) {
        // The scraper only dates news pages.
        (Some(_), _) => 2,
        // A publication date to the day at the top is what news items carry.
        (None, Some(iso)) if iso.len() == "2017-05-26".len() => 2,
        (None, Some(_)) => 1,
        (None, None) => 0,
    };
    let dateline = || if head.iter().any(|l| is_dateline(l, places)) { 2 } else { 0 };
    let attributed = || {
        // Two quotes are all that count: the lines after the second are not searched.
        let mut quotes = 0;
        for line in &page.lines {
            quotes += attributed_quotes(line, 2 - quotes);
            if quotes == 2 {
                break;
            }
        }
        quotes as u32
    };
    let cues: [&dyn Fn() -> u32; 7] = [
        &date,
        &dateline,
        &|| u32::from(any_line_guarded(&PHOTO_CREDIT)),
        &|| u32::from(any_line_guarded(&CAPTION_PEOPLE)),
        &|| u32::from(any_line_guarded(&WEEKDAY)),
        &attributed,
        &|| u32::from(page_names_official(page)),
    ];
    let mut score = 0;
    for cue in cues {
        if score >= RUNNING_TEXT_CAP {
            break;
        }
        score += cue();
    }
    score.min(RUNNING_TEXT_CAP)
}

/// Offices and office endings, where [`OFFICIAL_BY_NAME`] can start. "Minister" finds
/// "Ministerin" too. None holds white space, so none reaches across lines.
static OFFICES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let offices = without_feminine_forms(NAMED_OFFICES);
    AhoCorasick::new(offices.chain(without_feminine_forms(NAMED_OFFICE_ENDINGS))).expect("valid literals")
});

/// Whether [`OFFICIAL_BY_NAME`] matches in a line. It is slow to search for (Unicode word
/// boundaries), so it is tried only where a match can start: at an office ("Landrat …"), or
/// at a capital letter of a word ending in one ("Oberbürgermeister …"); see `prefilter`.
#[cfg(test)]
fn names_official(line: &str) -> bool {
    OFFICES.find_iter(line).any(|office| official_at(line, office.start(), office.end()))
}

/// Whether some line of the page names an official with title and full name
/// ([`OFFICIAL_BY_NAME`]): the offices are looked for in the whole text at once (one search
/// instead of one per line), each checked in its line.
fn page_names_official(page: &Page) -> bool {
    OFFICES.find_iter(page.body).any(|office| {
        page.line_holding(office.start(), office.end())
            .is_some_and(|(line, first)| official_at(line, office.start() - first, office.end() - first))
    })
}

/// Whether the office found at `start..end` of `line` names an official.
fn official_at(line: &str, start: usize, end: usize) -> bool {
    // No two of the words can overlap, so a plain search finds every one. The pattern goes on
    // with a name (titles are capitalised too): "Bürgermeisterin Anna …", not "Bürgermeisteramt".
    let rest = &line[end..];
    let named = capitalised_word_after_space(rest)
        || rest.strip_prefix("in").is_some_and(capitalised_word_after_space);
    if !named {
        return false;
    }
    let word_start = line[..start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .filter(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i);
    std::iter::once(start).chain(word_start).any(|at| OFFICIAL_BY_NAME.match_at(line, at).is_some())
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

    const KREIS_PRESS_RELEASE: &str = "Kreis Mettmann\nPressemitteilung Nr. 412/2019\n\n\
        Familienbüros in allen Städten\n\n\
        Kreis Mettmann. – Der Kreis eröffnet am Montag das zehnte Familienbüro. „Wir wollen Familien früh erreichen“, sagte Landrat Thomas Hendele.\n\n\
        Ansprechpartner für die Presse: Daniela Hitzemann, Tel. 02104 99-1010";
    const OTS_RELEASE: &str = "Neue Kita-Sozialarbeit startet\n\n\
        Dortmund (ots) - Die Stadt Dortmund stellt ab August zehn neue Fachkräfte für Kitas ein. Das hat der Rat am Donnerstag beschlossen.\n\n\
        Rückfragen bitte an: Stadt Dortmund, Dortmund-Agentur";
    const WAZ_ARTICLE: &str = "WAZ Bochum\nKinderarmut: Stadt baut Präventionskette aus\nVon Maria Beispiel\n\n\
        Bochum. Die Stadt will Familien früher erreichen. „Jedes Kind zählt“, sagte die Sozialdezernentin am Dienstag.\n\n\
        Foto: Ingo Otto / FUNKE Foto Services\nArtikel teilen";
    const GRUSSWORT: &str = "Grußwort des Bürgermeisters zum Fachtag Frühe Hilfen\n\n\
        Sehr geehrte Damen und Herren,\nliebe Fachkräfte,\n\n\
        ich freue mich, Sie heute im Rathaus begrüßen zu dürfen. Dass Sie heute so zahlreich gekommen sind, meine Damen und Herren, zeigt, wie wichtig das Thema ist.\n\n\
        Es gilt das gesprochene Wort.";
    const FACHBEITRAG: &str = "Fachbeitrag\nPräventionsketten im ländlichen Raum – Erfahrungen aus drei Landkreisen\n\n\
        Der vorliegende Beitrag fasst die Ergebnisse der wissenschaftlichen Begleitung zusammen. Am 12. März 2021 wurden die Befunde vorgestellt, „die Vernetzung wirkt“, betonte die Autorin.";
    const LEITBILD: &str =
        "Unser Leitbild\n\nPräambel\nAlle Kinder sollen gut aufwachsen.\n\nLeitziele\nWir stärken Familien.";

    fn kind(text: &str) -> DocKind {
        let known = Gazetteer::new(&[KnownMunicipality::new("Kreis Düren", "Kreis", &[])]);
        detect(&Page::new(text), &known)
    }

    #[test]
    fn guards_keep_what_the_patterns_match() {
        // (guarded pattern, line it must match)
        let cases = [
            (&*PHOTO_CREDIT, "(Bildquelle: Stadt)"),
            (&*PHOTO_CREDIT, "© Stadt Essen"),
            (&*WEEKDAY, "Das Familienbüro öffnet ab Mittwoch wieder."),
            (&*WEEKDAY, "Übergabe der Urkunden am Samstag"),
            (&*LEITBILD_SECTION, "1. PRÄAMBEL"),
            (&*LEITBILD_SECTION, "Unsere Leitziele"),
            (&*LEITBILD_SECTION, "Grundsätze der Zusammenarbeit"),
            (&*LEITBILD_SECTION, "Werte"),
            (&*CAPTION_PEOPLE, "Beim Fachtag (v. l.) Anna Muster und Max Muster"),
            (&*CAPTION_PEOPLE, "Die Preisträger (1. v.r.) mit dem Landrat"),
            (&*CAPTION_PEOPLE, "Die Jury (von links nach rechts)"),
        ];
        for (guarded, line) in cases {
            assert!(guarded.regex().is_match(line), "the pattern itself should match {line:?}");
            assert!(guarded.is_match(line), "the guard keeps {line:?} from its pattern");
        }
    }

    #[test]
    fn closing_marks_are_found_as_a_scan_of_every_character_finds_them() {
        assert!(CLOSING.iter().all(|c| matches!(c.to_string().as_bytes()[0], b'"' | 0xE2 | 0xC2)));
        let lines = ["„Eins“, »zwei« und \"drei\" ‘vier’ – ”fünf” … €", "", "ohne Zeichen", "«»\"“"];
        for line in lines {
            let every: Vec<usize> =
                line.char_indices().filter(|(_, c)| CLOSING.contains(c)).map(|(at, _)| at).collect();
            assert_eq!(closing_marks(line).collect::<Vec<_>>(), every, "marks in {line:?}");
        }
    }

    #[test]
    fn attributed_quotes_as_a_search_of_the_whole_line_finds_them() {
        // (line, attributed quotes in it)
        let cases = [
            ("„Wir wollen Familien früh erreichen“, sagte Landrat Thomas Hendele.", 1),
            ("„Jedes Kind zählt“ , \t so die Dezernentin. „Gut“ freut  sich der OB", 2),
            ("»Eins«, sagt A. »Zwei«, betont B. »Drei«, meint C.", 3),
            ("„Toll“, sagtest du; „Gut“ sozial; \"Ja\"sagte er", 1),
            ("„Frühe Hilfen“ sind gut, sagte sie. ‚So‘ 1 sagte", 0),
            ("“, weiß„ “,\u{a0}erläuterte", 2),
            ("", 0),
        ];
        for (line, expected) in cases {
            let whole = ATTRIBUTED_QUOTE.unanchored().find_iter(line).count();
            assert_eq!(attributed_quotes(line, usize::MAX), expected, "quotes in {line:?}");
            assert_eq!(whole, expected, "the whole-line search in {line:?}");
            assert_eq!(attributed_quotes(line, 2), expected.min(2), "up to two in {line:?}");
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
            // The same line inside a page, between others, searched with the whole text.
            let text = format!("Bürgermeister\n  {line}  \r\n\nLandrat und Kreis\n");
            assert_eq!(
                page_names_official(&Page::new(&text)),
                expected,
                "official named in a page with {line:?}"
            );
        }
        // An office at one line's end does not take the next line's name.
        assert!(!page_names_official(&Page::new("Es sprach der Landrat\nAnna Berg kam")));
        assert!(NAMED_OFFICES.iter().chain(NAMED_OFFICE_ENDINGS).all(|o| !o.contains(char::is_whitespace)));
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
            ("Login\nGrußwort von Hannelore Kraft\n\nWer Lebenschancen schaffen will, muss neue Wege gehen.", DocKind::Speech),
            ("„Das ist gut“, sagte X. „Das auch“, so Y.", DocKind::Article),
            // A Kreis's press release: header, number, dateline, quotes, press contact.
            (KREIS_PRESS_RELEASE, DocKind::Press),
            (OTS_RELEASE, DocKind::Press),
            (WAZ_ARTICLE, DocKind::Article),
            (GRUSSWORT, DocKind::Speech),
            (FACHBEITRAG, DocKind::Report),
            (LEITBILD, DocKind::Leitbild),
            // News text published by the city itself (a press office at the bottom) is a
            // press release; the same text quoting a press officer is an article.
            ("Neue Familienbüros\n12.03.2019\nVelbert. Die Stadt eröffnet zwei Familienbüros. „Wir wollen Familien früh erreichen“, sagte Bürgermeister Dirk Lukrafka am Montag.\nPressestelle der Stadt Velbert", DocKind::Press),
            ("Neue Familienbüros\n12.03.2019\nVelbert. Die Stadt eröffnet zwei Familienbüros. „Wir wollen Familien früh erreichen“, sagte Bürgermeister Dirk Lukrafka am Montag, wie Pressesprecher Hans Muster mitteilte.", DocKind::Article),
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
