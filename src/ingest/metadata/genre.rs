//! The cues that tell who published a text and what genre it is, beyond running news text:
//! a press office (press header, `(ots)`, press contact, a municipality as author), a newspaper
//! or portal (outlet names, agency marks, bylines, the page furniture of news sites), a report
//! (Fachbeitrag, Bericht, Positionspapier …) and a speech (Grußwort, Rede, the salutation).
//!
//! Each function returns points of evidence for one kind; `kind` weighs them against each
//! other. The cues are the conventions of German publishing in general, not phrases of any
//! known text: every press office writes "Pressemitteilung" and "Ansprechpartner für die
//! Presse", every news site "Lesezeit" or "Artikel teilen".

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::page::{at_most_chars, Page};
use super::prefilter::Guarded;

/// A cue that settles the kind on its own (a press header, "Es gilt das gesprochene Wort").
pub(super) const DECISIVE: u32 = 5;
/// A cue that is typical but needs company (a press contact, a salutation).
pub(super) const SUPPORTING: u32 = 2;

/// How far down press headers are looked for: scraped pages put navigation above them.
const PRESS_HEADER_LINES: usize = 25;
/// Lines longer than this are running text, where "laut Pressemitteilung" or a newspaper's
/// name is a mention, not a label.
const LABEL_LINE_CHARS: usize = 80;
/// How far down a speech's salutation is looked for.
const SALUTATION_LINES: usize = 15;

/// Newspapers, news portals and agencies of German local news, as they appear in credits
/// and page headers ("© WAZ", "Quelle: Rheinische Post"). Matched as words, case-sensitively.
const NEWS_OUTLETS: &[&str] = &[
    "WAZ",
    "NRZ",
    "Westdeutsche Allgemeine",
    "Neue Ruhr Zeitung",
    "Rheinische Post",
    "RP Online",
    "Westdeutsche Zeitung",
    "Westfalen-Blatt",
    "Westfälische Nachrichten",
    "Westfälischer Anzeiger",
    "Westfalenpost",
    "Westfälische Rundschau",
    "Neue Westfälische",
    "Ruhr Nachrichten",
    "Aachener Zeitung",
    "Aachener Nachrichten",
    "Kölner Stadt-Anzeiger",
    "Kölnische Rundschau",
    "General-Anzeiger",
    "Lippische Landes-Zeitung",
    "Lokalkompass",
    "lokalkompass",
    "Stadtspiegel",
    "Hellweger Anzeiger",
    "Soester Anzeiger",
    "Siegener Zeitung",
    "Recklinghäuser Zeitung",
    "Iserlohner Kreisanzeiger",
    "Haller Kreisblatt",
    "Mindener Tageblatt",
    "Glocke",
    "Sauerlandkurier",
    "Süddeutsche Zeitung",
    "Frankfurter Rundschau",
    "Frankfurter Allgemeine",
    "FAZ",
    "taz",
    "Die Welt",
    "Der Spiegel",
    "Die Zeit",
    "Tagesspiegel",
    "Hamburger Abendblatt",
    "Berliner Morgenpost",
    "Märkische Allgemeine",
    "Lausitzer Rundschau",
    "Ostsee-Zeitung",
    "Nordkurier",
    "Weser-Kurier",
    "Nordwest-Zeitung",
    "Hannoversche Allgemeine",
    "HAZ",
    "Hessische/Niedersächsische Allgemeine",
    "Mitteldeutsche Zeitung",
    "Sächsische Zeitung",
    "Freie Presse",
    "Leipziger Volkszeitung",
    "Thüringer Allgemeine",
    "Stuttgarter Zeitung",
    "Stuttgarter Nachrichten",
    "Badische Zeitung",
    "Schwäbische Zeitung",
    "Augsburger Allgemeine",
    "Nürnberger Nachrichten",
    "Main-Post",
    "Allgemeine Zeitung",
    "Wiesbadener Kurier",
    "Trierischer Volksfreund",
    "Saarbrücker Zeitung",
    "Rhein-Zeitung",
    "Kieler Nachrichten",
    "Lübecker Nachrichten",
    "shz.de",
    "derwesten.de",
    "wdr.de",
    "WDR",
    "NDR",
    "MDR",
    "SWR",
    "BR24",
    "hessenschau",
    "tagesschau.de",
];

static PRESS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s/>›|»-])(?:presse(?:information|mitteilung|meldung|erklärung|info|notiz|dienst)|medien(?:information|mitteilung))(?:en)?(?:$|[\s:.,/|-])",
    )
    .expect("valid regex")
});
/// "Nr. 209 Steinfurt, 26. …", "Nr. 123/2017", "Pressemitteilung Nr. 12/2019".
static PRESS_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:presse\p{L}*\s+)?nr\.?\s*\d{1,5}(?:/\d{2,4}(?:\D|$)|\s+\p{Lu}[\p{L}\-]*,\s*\d)")
        .expect("valid regex")
});
/// "02. Juni 2016, 15:36 Uhr | Stadt Gelsenkirchen": a news item published by the municipality.
static MUNICIPAL_NEWS_HEADER: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["Uhr"],
        false,
        r"\d{1,2}[:.]\d{2}\s*Uhr\s*\|\s*(?:Stadt|Kreis|Landkreis|Gemeinde|Städteregion)\s+\p{Lu}",
    )
});
/// "Dortmund (ots) –": the mark of releases distributed through news aktuell.
static OTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:ots|OTS)(?:/[^)]*)?\)").expect("valid regex"));
/// A dateline with a dash, as press offices write it: "VELBERT. – ", "Werne (Kreis Unna) – ",
/// "Kreis Unna, 12.03.2019 – ". Only on the first line of a paragraph of running text (see
/// [`is_running_text`]): headlines have dashes too ("Präventionsketten Hessen – …").
static DASH_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Kreis|Landkreis|Stadt|Gemeinde|Bad|Sankt)\s+)?\p{Lu}[\p{L}\-]+\.?(?:\s*\([^)]{2,40}\))?(?:,\s*(?:den\s+)?\d{1,2}\.\s*\S+\s*\d{0,4})?\s*[–—-]\s+\S")
        .expect("valid regex")
});
/// A press office or press contact anywhere: "Ansprechpartner für die Presse", "Pressekontakt".
static PRESS_CONTACT: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["presse", "medien", "rückfragen"],
        true,
        r"(?i)ansprechpartner(?:in|innen)?\s+für\s+(?:die\s+)?(?:presse|medien)|presse(?:kontakt|stelle|sprecher|referent|- und öffentlichkeitsarbeit)|medienkontakt|^rückfragen\b|für\s+rückfragen",
    )
});
/// The municipality named as author or publisher: "Herausgeber: Stadt Velbert".
static MUNICIPAL_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:herausgeber(?:in)?|quelle|verfasser(?:in)?|autor(?:in)?|von|text)\s*:?\s*(?:der\s+)?(?:Stadt|Kreis|Landkreis|Gemeinde|Städteregion|Bezirksamt|Kreisverwaltung|Stadtverwaltung)\b")
        .expect("valid regex")
});

/// "(dpa)", "(epd)", "(dpa/lnw)": a news agency's mark.
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:dpa|epd|kna|KNA|afp|AFP|dts|idr|dpa/lnw|lnw|red|mit Material von dpa)\)")
        .expect("valid regex")
});
/// A byline: "Von Max Muster", "Von Anna Berg-Thal | 12.03.2019", "Autor: Max Muster".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Von|Autor(?:in)?:)\s+\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\.)?(?:\s+(?:von\s+)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)+\s*(?:$|[|,·•]|und\s)")
        .expect("valid regex")
});
/// The furniture of news sites: reading time, share and comment buttons. Every match holds
/// one of the guard words; under `(?i)` the pattern also takes the Kelvin sign for `k` and the
/// long s for `s`, so those spellings are guard words too.
static NEWS_FURNITURE: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &[
            "lesezeit",
            "le\u{17f}ezeit",
            "artikel",
            "arti\u{212a}el",
            "komment",
            "\u{212a}omment",
            "startseite",
            "\u{17f}tartseite",
            "start\u{17f}eite",
            "\u{17f}tart\u{17f}eite",
            "abonnieren",
        ],
        true,
        r"(?i)^(?:\d+\s*min(?:uten|\.)?\s+)?lesezeit\b|\blesezeit\s*:?\s*\d|^artikel\s+(?:teilen|merken|vorlesen|drucken|verschenken)|^(?:\d+\s+)?kommentare?$|^zur\s+startseite$|^(?:jetzt\s+)?(?:abonnieren|kommentieren)$|^(?:plus|\+)?\s*artikel$",
    )
});
static OUTLETS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(NEWS_OUTLETS).expect("valid outlet names"));

/// A heading that says the text is a report ("Fachbeitrag: …", "Bericht zum Fachtag",
/// "Positionspapier der AGJ").
static REPORT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:ein\s+)?(?:fachbeitr(?:ag|äge)|(?:abschluss|jahres|sach|zwischen|tagungs|erfahrungs|praxis|evaluations|projekt)?bericht|nachbericht|rückblick|positionspapier|diskussionspapier|stellungnahme|(?:tagungs|fachtags|projekt)?dokumentation|handreichung|arbeitshilfe|expertise|studie|evaluation|wissenschaftliche\s+begleitung)\b)")
        .expect("valid regex")
});
/// A report on an event anywhere in a heading ("Landesprogramm X: Bericht zum Jahresfachtag").
static REPORT_ON: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["bericht", "blic", "dokumentation"],
        true,
        r"(?i)\b(?:bericht|nachbericht|rückblick|dokumentation)\s+(?:zum|zur|vom|von\s+der|des|der|über)\b",
    )
});
/// The text naming itself a report: "mit dem vorliegenden Positionspapier", "diese Handreichung".
static REPORT_SELF_REFERENCE: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["vorliegend", "diese", "dieses", "dieser", "diesem", "diesen"],
        true,
        r"(?i)\b(?:vorliegende[nmrs]?|diese[nmrs]?)\s+(?:fachbeitrag|bericht|abschlussbericht|positionspapier|diskussionspapier|dokumentation|handreichung|arbeitshilfe|studie|evaluation|expertise|stellungnahme)\b",
    )
});

/// A heading that says the text is a speech: "Grußwort von …", "Rede des Landrats".
static SPEECH_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:grußwort|grusswort|grußworte|rede|festrede|eröffnungsrede|begrüßungsrede|ansprache|festansprache|laudatio|neujahrsansprache|neujahrsempfang:\s*rede)\b")
        .expect("valid regex")
});
/// The opening address of a speech (or letter): "Sehr geehrte Damen und Herren,".
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sehr\s+geehrte[rn]?|liebe[rs]?\s+(?:gäste|anwesende|kolleginnen|bürgerinnen|mitglieder|freundinnen)|meine\s+(?:sehr\s+(?:geehrten|verehrten)\s+)?damen\s+und\s+herren)")
        .expect("valid regex")
});
/// The audience addressed again in the middle of a speech ("…, meine Damen und Herren, …").
static ADDRESS_IN_TEXT: LazyLock<Guarded> = LazyLock::new(|| {
    Guarded::new(
        &["Damen und Herren", "liebe Gäste"],
        true,
        r"(?i)\b(?:meine|liebe)\s+(?:sehr\s+geehrten\s+)?(?:damen\s+und\s+herren|gäste)\b",
    )
});
static SPOKEN_WORD: LazyLock<Guarded> =
    LazyLock::new(|| Guarded::new(&["gesprochene"], true, r"(?i)es\s+gilt\s+das\s+gesprochene\s+wort"));

/// A paragraph of running text: longer than a label or headline, ending a sentence.
fn is_running_text(line: &str) -> bool {
    !is_label_line(line) && line.ends_with(['.', '!', '?', '"', '“', '”', ')'])
}

fn is_label_line(line: &str) -> bool {
    at_most_chars(line, LABEL_LINE_CHARS)
}

/// Points for a press release: a press header, a press number, an `(ots)` mark, a dash
/// dateline, a press contact, the municipality as author.
pub(super) fn press_points(page: &Page) -> u32 {
    let top = &page.lines[..page.lines.len().min(PRESS_HEADER_LINES)];
    let header = top.iter().any(|l| {
        (is_label_line(l) && PRESS_LABEL.is_match(l))
            || (l.chars().count() <= 100 && PRESS_NUMBER.is_match(l))
    }) || MUNICIPAL_NEWS_HEADER.any_line(&page.search, top, |_| true);
    let ots = page.head().iter().any(|l| OTS.is_match(l));
    let dash_dateline = page.head().iter().any(|l| is_running_text(l) && DASH_DATELINE.is_match(l));
    // In a sentence, a press officer is someone quoted ("sagte Pressesprecherin …").
    let contact = PRESS_CONTACT.any_line(&page.search, &page.lines, is_label_line);
    let author = page.lines.iter().any(|l| is_label_line(l) && MUNICIPAL_AUTHOR.is_match(l));
    points(&[
        (header || ots, DECISIVE),
        (dash_dateline, SUPPORTING),
        (contact, SUPPORTING),
        (author, SUPPORTING),
    ])
}

/// Points for a newspaper or portal article: the outlet's name in a credit or header line,
/// an agency mark, a byline, news-site furniture.
pub(super) fn outlet_points(page: &Page) -> u32 {
    let outlet = page.lines.iter().any(|l| is_label_line(l) && names_outlet(l));
    let agency = page.lines.iter().any(|l| AGENCY.is_match(l));
    let byline = page.head().iter().any(|l| l.chars().count() <= LABEL_LINE_CHARS && BYLINE.is_match(l));
    let furniture = NEWS_FURNITURE.any_line(&page.search, &page.lines, is_label_line);
    points(&[(outlet, 3), (agency, 3), (byline, SUPPORTING), (furniture, SUPPORTING)])
}

/// Points for a report: a report heading, or the text naming itself one.
pub(super) fn report_points(heading_lines: &[&str], page: &Page) -> u32 {
    let heading = heading_lines.iter().any(|l| REPORT_HEADING.is_match(l) || REPORT_ON.is_match(l));
    let top = &page.lines[..page.lines.len().min(PRESS_HEADER_LINES)];
    let self_reference = REPORT_SELF_REFERENCE.any_line(&page.search, top, |_| true);
    points(&[(heading, DECISIVE), (self_reference, 3)])
}

/// Points for a speech: a speech heading, "Es gilt das gesprochene Wort", the salutation at
/// the top and the audience addressed again further down.
pub(super) fn speech_points(heading_lines: &[&str], page: &Page) -> u32 {
    let heading = heading_lines.iter().any(|l| SPEECH_HEADING.is_match(l));
    let spoken = heading || SPOKEN_WORD.any_line(&page.search, &page.lines, |_| true);
    let salutation = page.lines.iter().take(SALUTATION_LINES).any(|l| SALUTATION.is_match(l));
    let addressed = ADDRESS_IN_TEXT.any_line(&page.search, page.lines.get(1..).unwrap_or_default(), |_| true);
    points(&[(heading || spoken, DECISIVE), (salutation, SUPPORTING), (addressed, SUPPORTING)])
}

/// Whether a line names a news outlet as a whole word.
fn names_outlet(line: &str) -> bool {
    let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    OUTLETS.find_iter(line).any(|m| {
        !is_word_char(line[..m.start()].chars().next_back()) && !is_word_char(line[m.end()..].chars().next())
    })
}

fn points(cues: &[(bool, u32)]) -> u32 {
    cues.iter().filter(|(present, _)| *present).map(|(_, weight)| weight).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_keep_what_the_patterns_match() {
        // (guarded pattern, line it must match)
        let cases = [
            (&*REPORT_ON, "RÜCKBLIC\u{212a} ZUM FACHTAG"),
            (&*REPORT_ON, "Nachbericht vom Fachtag"),
            (&*MUNICIPAL_NEWS_HEADER, "15:36 Uhr | Stadt Gelsenkirchen"),
            (&*PRESS_CONTACT, "Ansprechpartner für die Presse:"),
            (&*SPOKEN_WORD, "Es gilt das gesprochene Wort."),
            (&*NEWS_FURNITURE, "3 Min. Lesezeit"),
            (&*NEWS_FURNITURE, "Lesezeit: 4 Minuten"),
            (&*NEWS_FURNITURE, "Artikel teilen"),
            (&*NEWS_FURNITURE, "12 Kommentare"),
            (&*NEWS_FURNITURE, "\u{212a}ommentare"),
            (&*NEWS_FURNITURE, "Zur Startseite"),
            (&*NEWS_FURNITURE, "ZUR \u{17f}TART\u{17f}EITE"),
            (&*NEWS_FURNITURE, "Jetzt abonnieren"),
            (&*NEWS_FURNITURE, "Plus Artikel"),
        ];
        for (guarded, line) in cases {
            assert!(guarded.regex().is_match(line), "the pattern itself should match {line:?}");
            assert!(guarded.is_match(line), "the guard keeps {line:?} from its pattern");
        }
    }

    #[test]
    fn cues() {
        // (text, press, outlet, report, speech points)
        let cases = [
            ("Pressemitteilung\nKreis stärkt Familien", (DECISIVE, 0, 0, 0)),
            ("Startseite › Aktuelles › Pressemitteilungen\nTitel", (DECISIVE, 0, 0, 0)),
            ("Nr. 123/2017\nTitel", (DECISIVE, 0, 0, 0)),
            ("Unna (ots) - Der Kreis lädt ein.", (DECISIVE, 0, 0, 0)),
            ("VELBERT. – Die Stadt lädt am Freitag alle Eltern in den Ratssaal ein, um über Kitas zu sprechen.\nAnsprechpartner für die Presse: Max Muster", (4, 0, 0, 0)),
            ("Werne (Kreis Unna) – Der Kreis lädt am Freitag alle Eltern in den Ratssaal ein, um über Kitas zu sprechen.", (SUPPORTING, 0, 0, 0)),
            ("Präventionsketten Hessen – Gemeinsam stark für ein gelingendes Aufwachsen in ganz Hessen", (0, 0, 0, 0)),
            ("Laut einer Pressemitteilung der Stadt, die am Montag verschickt wurde, steigen die Zahlen weiter an.", (0, 0, 0, 0)),
            ("Von Anna Berg\nText\nFoto: WAZ", (0, 5, 0, 0)),
            ("Essen (dpa) Der Kreis …\n3 Min. Lesezeit", (0, 5, 0, 0)),
            ("Fachbeitrag: Präventionsketten wirken", (0, 0, DECISIVE, 0)),
            ("Titel\nDie vorliegende Handreichung zeigt Wege.", (0, 0, 3, 0)),
            ("Grußwort des Landrats\nSehr geehrte Damen und Herren,", (0, 0, 0, 7)),
            ("Titel\nText\nEs gilt das gesprochene Wort.", (0, 0, 0, DECISIVE)),
            ("Ziele\nKinder stärken.", (0, 0, 0, 0)),
        ];
        for (text, (press, outlet, report, speech)) in cases {
            let page = Page::new(text);
            let heading: Vec<&str> = page.head().iter().take(3).copied().collect();
            let got = (
                press_points(&page),
                outlet_points(&page),
                report_points(&heading, &page),
                speech_points(&heading, &page),
            );
            assert_eq!(
                got,
                (press, outlet, report, speech),
                "(press, outlet, report, speech) points of {text:?}"
            );
        }
    }
}
