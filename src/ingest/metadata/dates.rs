//! Dates: German and ISO notations to ISO 8601, which date is the document's own, and the
//! press release number.
//!
//! Precision is kept: "26. Mai 2017" → `2017-05-26`, "Mai 2017" → `2017-05`; "03.05.17" is
//! read with a two-digit year. A bare year is never a date here: pages are full of years
//! ("seit 2012", "Ausgangslage 2012") that are not their own date.
//!
//! The document's date is a scored choice among the dates found where publishers put theirs
//! (see [`DateSource`]): the scraper's leading marker (see [`super::page`]), a header at the top
//! — the press header ("Nr. 209 Steinfurt, 26. Mai 2017"), a dateline ("Dortmund. 14. November
//! 2025. …", "20.05.2015, Wuppertal"), a short date line or a subtitle next to the headline —
//! and a labelled date anywhere ("Stand: 05/2019", "veröffentlicht am 3. Mai 2021"). The most
//! points win, the earlier line on a tie. A date inside running text is an event, not the
//! document's date, and is never taken: no date is better than a wrong one.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};

use super::page::Page;
use super::prefilter::Anchored;

/// German month names and the abbreviations in use, longest first so that the regex
/// alternation (leftmost-first) prefers "Juni" over "Jun".
const MONTHS: [(&str, u32); 26] = [
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mär", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("okt", 10),
    ("nov", 11),
    ("dez", 12),
];

fn month_alternation() -> String {
    MONTHS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join("|")
}

/// Where a month name can start: every name and abbreviation starts with one of these, in
/// either case as the date patterns match month names; the long s and the Kelvin sign, which
/// `(?i)` takes for `s` and `k`, and upper-case umlauts need spellings of their own.
static MONTH_STARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let stems = [
        "jan",
        "jän",
        "jÄn",
        "feb",
        "mär",
        "mÄr",
        "mae",
        "apr",
        "mai",
        "jun",
        "jul",
        "aug",
        "sep",
        "\u{17f}ep",
        "okt",
        "o\u{212a}t",
        "nov",
        "dez",
    ];
    AhoCorasick::builder().ascii_case_insensitive(true).build(stems).expect("valid month stems")
});

// The patterns with month names are slow to search for (Unicode word boundaries, long
// alternations), so they are tried only where a match can start (see `prefilter`).
static DAY_NAMED: LazyLock<Anchored> = LazyLock::new(|| {
    Anchored::new(&format!(r"\b(\d{{1,2}})\.\s*(?i:({}))\.?\s+(\d{{4}})\b", month_alternation()))
});
static DAY_NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b").expect("valid regex"));
/// "03.05.17": a day with a two-digit year, not followed by more of a number ("1.2.12.4").
static DAY_NUMERIC_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])((\d{1,2})\.(\d{1,2})\.(\d{2}))(?:$|[^\d.]|\.(?:\s|$))").expect("valid regex")
});
/// Two-digit years below this are 20xx, the others 19xx.
const SHORT_YEAR_CENTURY_PIVOT: u32 = 50;
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b").expect("valid regex"));
static MONTH_NAMED: LazyLock<Anchored> =
    LazyLock::new(|| Anchored::new(&format!(r"\b(?i:({}))\.?\s+(\d{{4}})\b", month_alternation())));

/// The labels publishers put before their own date, wherever it is.
const PUBLICATION_LABELS: &str = r"(?i:stand|veröffentlicht|erschienen|aktualisiert|zuletzt\s+aktualisiert|erstellt|publiziert)(?:\s+(?i:am|vom))?\s*:?";
/// The labels that date a document only in its head: "vom 3. Mai", "Datum:" (further down,
/// they introduce an event's date).
const HEAD_DATE_LABELS: &str = r"(?i:datum|vom|am)\s*:?";

/// A labelled date, anywhere in a short line: "Stand: 05/2019", "Artikel veröffentlicht am
/// 03.05.17". The month-year form "05/2019" is taken only after such a label (a bare "12/2019"
/// is a press number).
static LABELLED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|\s){PUBLICATION_LABELS}\s*(?:(\d{{1,2}})\s*/\s*(\d{{4}})\b|(\S.*))"))
        .expect("valid regex")
});

/// What may stand before a header date: nothing, a label ("Stand:", "Pressemitteilung vom",
/// "Artikel veröffentlicht am"), or a place, optionally after a press number, with a parenthesis
/// or "den" ("Nr. 209 Steinfurt,", "Dortmund.", "Kreis Düren,",
/// "Werne (Kreis Unna) –", "Velbert (ots) -").
static DATE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)^(?:
            {PUBLICATION_LABELS} | {HEAD_DATE_LABELS}
          | \p{{Lu}}[\p{{L}}\-]+(?:\s+[\p{{L}}\-]+){{0,2}}\s+(?:(?i:vom)|{PUBLICATION_LABELS})
          | (?:Nr\.\s*\d+[/\d]*\s+)?(?:(?:Kreis|Landkreis|Stadt|Gemeinde|Bad)\s+)?
            \p{{Lu}}[\p{{L}}\-]+(?:\s\p{{Lu}}[\p{{L}}\-]+)?(?:\s*\([^)]{{2,40}}\))?\s*[.,–—-]?(?:\s*den)?
        )$"
    ))
    .expect("valid regex")
});

static PRESS_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:presse\p{L}*\s+)?Nr\.?\s*(\d{1,5}(?:/\d{2,4})?)\b").expect("valid regex")
});

/// A date found in a string: where it is and its ISO form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub iso: String,
    /// `true` when the day is known (`2017-05-26`), `false` for a month (`2017-05`).
    pub has_day: bool,
}

/// The earliest valid date in `s`, in any supported notation.
pub(super) fn find_date(s: &str) -> Option<FoundDate> {
    // Every other notation has a year of four ASCII digits (the validation parses it); most
    // lines have none, and the regexes are slow on non-ASCII text (Unicode word boundaries).
    if !has_ascii_year(s) {
        return short_year_date(s);
    }
    let months = month_starts(s);
    let days = day_starts(s, &months);
    let candidates = [
        first_valid(anchored(&DAY_NAMED, s, days), |g| ymd(g[3]?, month_number(g[2]?)?, g[1])),
        first_valid(searched(&DAY_NUMERIC, s), |g| ymd(g[3]?, g[2]?.parse().ok()?, g[1])),
        first_valid(searched(&ISO, s), |g| ymd(g[1]?, g[2]?.parse().ok()?, g[3])),
        first_valid(anchored(&MONTH_NAMED, s, months), |g| ymd(g[2]?, month_number(g[1]?)?, None)),
    ];
    // Earliest wins; at the same start the longer (more precise) notation wins.
    candidates.into_iter().flatten().min_by_key(|d| (d.start, usize::MAX - d.end))
}

/// The first valid "03.05.17" date in `s`.
fn short_year_date(s: &str) -> Option<FoundDate> {
    DAY_NUMERIC_SHORT_YEAR.captures_iter(s).find_map(|c| {
        let whole = c.get(1)?;
        let short: u32 = c[4].parse().ok()?;
        let century = if short < SHORT_YEAR_CENTURY_PIVOT { 2000 } else { 1900 };
        let (iso, has_day) = ymd(&(century + short).to_string(), c[3].parse().ok()?, Some(&c[2]))?;
        Some(FoundDate { start: whole.start(), end: whole.end(), iso, has_day })
    })
}

/// Whether `s` has four ASCII digits in a row.
fn has_ascii_year(s: &str) -> bool {
    let mut run = 0;
    for byte in s.bytes() {
        run = if byte.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// Checks an ISO date or month (`2017-05-26`, `2017-05`) and returns it unchanged if valid.
pub(super) fn normalise_iso(s: &str) -> Option<String> {
    let c = ISO.captures(s)?;
    let found = ymd(&c[1], c[2].parse().ok()?, c.get(3).map(|d| d.as_str()))?;
    (c.get(0)?.as_str() == s).then_some(found.0)
}

/// Where a candidate for the document's date was found; each source gives points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateSource {
    /// The scraper's leading ` date 2018-12 ` marker.
    Marker,
    /// A header or dateline in the head (see [`header_date`]).
    Header,
    /// After a label such as "Stand:" or "veröffentlicht am", on a short line anywhere.
    Label,
}

impl DateSource {
    fn points(self) -> u32 {
        match self {
            DateSource::Marker => 10,
            DateSource::Header => 5,
            DateSource::Label => 3,
        }
    }
}

/// Lines longer than this are running text: a label there introduces an event's date.
const LABEL_LINE_CHARS: usize = 100;

/// The document's own date (see the module doc for where it may come from).
pub(super) fn document_date(page: &Page) -> Option<String> {
    let marker = page.marker_date.iter().map(|iso| (iso.clone(), 0, vec![DateSource::Marker]));
    let lines = page.lines.iter().enumerate().filter_map(|(i, line)| {
        let header = (i < page.head().len()).then(|| header_date(i, line)).flatten();
        let labelled = labelled_date(line);
        let sources: Vec<DateSource> =
            [(header.is_some(), DateSource::Header), (labelled.is_some(), DateSource::Label)]
                .into_iter()
                .filter_map(|(found, source)| found.then_some(source))
                .collect();
        header.or(labelled).map(|iso| (iso, i + 1, sources))
    });
    let scored = marker.chain(lines).map(|(iso, line, sources)| {
        let points: u32 = sources.iter().map(|s| s.points()).sum();
        (iso, line, points)
    });
    // Most points; on a tie the earlier line (`max_by_key` keeps the last maximum, so the
    // line number counts negatively).
    scored.max_by_key(|(_, line, points)| (*points, std::cmp::Reverse(*line))).map(|(iso, ..)| iso)
}

/// The date after a label such as "Stand:" or "veröffentlicht am" in a short line.
fn labelled_date(line: &str) -> Option<String> {
    if line.chars().count() > LABEL_LINE_CHARS || !has_digit(line) {
        return None;
    }
    let c = LABELLED_DATE.captures(line)?;
    if let (Some(month), Some(year)) = (c.get(1), c.get(2)) {
        return ymd(year.as_str(), month.as_str().parse().ok()?, None).map(|(iso, _)| iso);
    }
    // The date must follow the label directly.
    let rest = c.get(3)?;
    find_date(rest.as_str()).filter(|found| found.start == 0).map(|found| found.iso)
}

fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// The press release number of a press header line ("Nr. 209 Steinfurt, …" → `209`).
pub(super) fn press_number(page: &Page) -> Option<String> {
    page.head()
        .iter()
        .filter(|line| line.chars().count() <= 100)
        .find_map(|line| PRESS_NUMBER.captures(line).map(|c| c[1].to_string()))
}

/// The date of a head line when the line is a date header or dateline, not running text.
fn header_date(index: usize, line: &str) -> Option<String> {
    let found = find_date(line)?;
    let before = line[..found.start].trim();
    let after = line[found.end..].trim();
    let short = line.chars().count() <= 100;
    let lead_ok = before.is_empty() || DATE_LEAD.is_match(before);
    // A short tail is a time or a source ("15:36 Uhr | Stadt Gelsenkirchen"); after a place,
    // a dateline may run on into the first sentence ("Dortmund. 14. November 2025. Fünf …").
    let tail_ok =
        after.chars().count() <= 60 || (!before.is_empty() && after.starts_with(['.', ',', ':', '–', '-']));
    if lead_ok && tail_ok && (short || !before.is_empty()) {
        return Some(found.iso);
    }
    // A subtitle such as "Bericht zum Jahresfachtag … am 10.12.2024" dates the document too,
    // but only a full date in one of the first lines and only in a heading, not a sentence.
    let heading = short || line.chars().count() <= 160;
    (index < 3 && found.has_day && heading && !line.ends_with('.')).then_some(found.iso)
}

/// A match of a date pattern: where it is and the texts of its groups (0 being the whole).
type DateMatch<'h> = (Range<usize>, [Option<&'h str>; 4]);

/// The matches of a pattern searched for in the whole of `s`.
fn searched<'h>(re: &Regex, s: &'h str) -> Vec<DateMatch<'h>> {
    let group = |c: &Captures<'h>, i| c.get(i).map(|g| g.as_str());
    re.captures_iter(s)
        .map(|c| (c.get(0).map_or(0..0, |m| m.range()), [0, 1, 2, 3].map(|i| group(&c, i))))
        .collect()
}

/// The matches of a pattern tried where a match can start (see `prefilter`).
fn anchored<'h>(re: &Anchored, s: &'h str, starts: Vec<usize>) -> Vec<DateMatch<'h>> {
    re.matches(s, starts).into_iter().map(|m| (m.span.clone(), [0, 1, 2, 3].map(|i| m.group(i)))).collect()
}

/// Where a month name may start in `s`, in ascending order.
fn month_starts(s: &str) -> Vec<usize> {
    // A plain search passes over a stem overlapping the one before ("junov"), but that one
    // starts after a letter, where the patterns' word boundary rules out a month.
    MONTH_STARTS.find_iter(s).map(|m| m.start()).collect()
}

/// Where the day before a month name may start ("26. Mai": `\d{1,2}\.\s*` before the month), in
/// ascending order.
fn day_starts(s: &str, months: &[usize]) -> Vec<usize> {
    let mut starts = Vec::new();
    for &month in months {
        let mut before = s[..month].char_indices().rev().skip_while(|(_, c)| c.is_whitespace());
        if before.next().is_some_and(|(_, c)| c == '.') {
            starts.extend(before.take(2).take_while(|(_, c)| c.is_numeric()).map(|(i, _)| i));
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The first match that is a valid date (see `ymd`).
fn first_valid(
    matches: Vec<DateMatch>,
    parse: impl Fn(&[Option<&str>; 4]) -> Option<(String, bool)>,
) -> Option<FoundDate> {
    matches.into_iter().find_map(|(span, groups)| {
        let (iso, has_day) = parse(&groups)?;
        Some(FoundDate { start: span.start, end: span.end, iso, has_day })
    })
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == lower).map(|(_, m)| *m)
}

/// Validates and formats year, month and optional day; `None` for impossible dates.
fn ymd(year: &str, month: u32, day: Option<&str>) -> Option<(String, bool)> {
    let year: u32 = year.parse().ok()?;
    if !(1950..=2100).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    match day {
        None => Some((format!("{year:04}-{month:02}"), false)),
        Some(day) => {
            let day: u32 = day.parse().ok()?;
            (1..=days_in_month(year, month))
                .contains(&day)
                .then(|| (format!("{year:04}-{month:02}-{day:02}"), true))
        }
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notations() {
        // (text, expected ISO date of the earliest valid date)
        let cases = [
            ("26. Mai 2017", Some("2017-05-26")),
            ("Nr. 209 Steinfurt, 26. Mai 2017", Some("2017-05-26")),
            ("02. Juni 2016, 15:36 Uhr", Some("2016-06-02")),
            ("14. NOVEMBER 2025", Some("2025-11-14")),
            ("3. Sept. 2019", Some("2019-09-03")),
            ("26.05.2017", Some("2017-05-26")),
            ("am 5. 11. 2025", Some("2025-11-05")),
            ("2017-05-26", Some("2017-05-26")),
            ("2018-12", Some("2018-12")),
            ("Mai 2017", Some("2017-05")),
            ("im März 2020", Some("2020-03")),
            ("29.02.2024", Some("2024-02-29")),
            ("03.05.17", Some("2017-05-03")),
            ("Datum: 3.5.98, Ort", Some("1998-05-03")),
            // Section numbers and version numbers are no short dates.
            ("1.2.12.4 Ziele", None),
            // Impossible or partial dates are not dates.
            ("29.02.2023", None),
            ("32.01.2020", None),
            ("12.13.2020", None),
            ("seit 2012", None),
            ("2012-2014", None),
            ("am Freitag, 29. August von 10 bis 16.30 Uhr", None),
            ("(20.9.) Weltkindertag", None),
            ("Mai", None),
            ("+49255169-2393", None),
            ("", None),
        ];
        for (text, expected) in cases {
            let got = find_date(text).map(|d| d.iso);
            assert_eq!(got.as_deref(), expected, "date in {text:?}: a date pattern or its validation broke");
        }
    }

    #[test]
    fn month_patterns_find_what_a_whole_search_finds() {
        // Case folding beyond ASCII (Kelvin sign for k, long s, upper-case umlauts), days
        // that are no days, and a Unicode digit, which `\d` takes.
        let lines = [
            "3. O\u{212a}TOBER 2019",
            "\u{17f}eptember 2020",
            "1. JÄNNER 2020 und 2.März 2021",
            "123. Mai 2017, x12. Mai 2017, ä1. Mai 2017, ٣. Mai 2017",
            "Mai 2017 bis Juni 2018",
            "Mainz 2017, Maifest. 2017",
            "2017",
        ];
        for line in lines {
            for (pattern, starts) in
                [(&*DAY_NAMED, day_starts(line, &month_starts(line))), (&*MONTH_NAMED, month_starts(line))]
            {
                let spans = |found: Vec<DateMatch>| -> Vec<Range<usize>> {
                    found.into_iter().map(|(span, _)| span).collect()
                };
                let expected = spans(searched(pattern.unanchored(), line));
                assert_eq!(spans(anchored(pattern, line, starts)), expected, "date matches in {line:?}");
            }
        }
        assert_eq!(find_date("3. O\u{212a}TOBER 2019").map(|d| d.iso).as_deref(), Some("2019-10-03"));
    }

    #[test]
    fn document_dates() {
        // (text, expected document date): only headers and datelines date a document.
        let cases = [
            ("Presseinformation\nNr. 209 Steinfurt, 26. Mai 2017\nText.", Some("2017-05-26")),
            (" date 2018-12 Ab sofort …", Some("2018-12")),
            ("Titel\n02. Juni 2016, 15:36 Uhr | Stadt Gelsenkirchen\nText", Some("2016-06-02")),
            ("20.05.2015, Wuppertal\n\n\"Wir sind die Zukunft\"", Some("2015-05-20")),
            ("Titel\nUntertitel\nDortmund. 14. November 2025. Fünf Jahre nach dem Start des Landesprogramms blickt Nordrhein-Westfalen zurück auf vieles.", Some("2025-11-14")),
            ("nachricht\nTitel\nBericht zum Jahresfachtag des Landesprogramms „Präventionsketten Hessen“ am 10.12.2024", Some("2024-12-10")),
            ("Titel\n\nStand: März 2020", Some("2020-03")),
            ("Kreis Unna\nPressemitteilung\n03.05.17\nText.", Some("2017-05-03")),
            ("Titel\nVeröffentlicht am 26. Mai 2017 um 10:15 Uhr\nText.", Some("2017-05-26")),
            ("Velbert (ots) - 12.03.2019 - Die Stadt lädt ein.", Some("2019-03-12")),
            ("Titel\nPressemitteilung vom 12.03.2019\nText.", Some("2019-03-12")),
            ("Titel\nArtikel veröffentlicht am 2. April 2020\nText.", Some("2020-04-02")),
            ("Velbert, den 12.03.2019\nText.", Some("2019-03-12")),
            ("Titel\nEine Veranstaltung der Stadt findet am 12.03.2019 statt.\nText.", None),
            // A labelled date further down, where reports put theirs.
            ("Handreichung\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nStand: 05/2019", Some("2019-05")),
            ("Titel\nText\nArtikel zuletzt aktualisiert am 2017-05-26", Some("2017-05-26")),
            // The header's date wins over a labelled one further down; the marker over both.
            ("Titel\n26.05.2017\nText.\nStand: 05/2019", Some("2017-05-26")),
            (" date 2018-12 Titel\n26.05.2017\nText.", Some("2018-12")),
            // A press number is no month; event dates in sentences or after \"am\" are no
            // document dates.
            ("Pressemitteilung Nr. 12/2019\nText.", None),
            ("Titel\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nText.\nTreffen am 12.03.2019", None),
            ("Titel\nDas Gesetz ist seit 2012 in Kraft und wurde am 1. Januar 2018 geändert, wie die Stadt mitteilte, um mehr Familien zu erreichen.", None),
            // Dates inside sentences are events.
            ("Titel\nIm Juni 2015 fand die erste kreisweite Präventionskonferenz in Nörvenich statt, an der viele teilnahmen.", None),
            ("Seit wann dabei:\n2012", None),
            ("", None),
        ];
        for (text, expected) in cases {
            let page = Page::new(text);
            assert_eq!(document_date(&page).as_deref(), expected, "document date of {text:?}");
        }
    }

    #[test]
    fn press_numbers() {
        let cases = [
            ("Presseinformation\n\nNr. 209 Steinfurt, 26. Mai 2017", Some("209")),
            ("Pressemitteilung Nr. 12/2019\nText", Some("12/2019")),
            ("Nr.086 Steinfurt", Some("086")),
            ("Presseinformation\nText ohne Nummer", None),
            // Only a line that starts with the number is a press header.
            ("Die Nr. 1 im Kreis ist eine Zeile", None),
        ];
        for (text, expected) in cases {
            let page = Page::new(text);
            let got = press_number(&page);
            assert_eq!(got.as_deref(), expected, "press number of {text:?}");
        }
    }
}
