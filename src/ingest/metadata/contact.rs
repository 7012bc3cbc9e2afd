//! The contact block: person, organisation, postal address, phone and e-mail.
//!
//! Profile pages end with a block such as "Lisa Kopp-Hense / Tecklenburger Str.10 / 48565
//! Steinfurt / T +49… / name(at)kreis-steinfurt.de"; press releases carry it in the header as one
//! comma-separated line. The block is anchored on its most reliable part (the first e-mail, else
//! a postcode line, else a labelled phone number); phone and address are taken near that anchor
//! and the person and organisation from the few short lines just above it, so that names in the
//! running text are never mistaken for the contact.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::page::Page;
use super::prefilter::has_digit_run;
use super::Contact;

/// How far (in lines) phone and address may be from the anchor to count as the same block.
const BLOCK_RADIUS: usize = 6;
/// How many lines above the block may hold the person and organisation.
const LOOK_BACK: usize = 4;
/// A phone number has at least this many digits.
const MIN_PHONE_DIGITS: usize = 6;

static OBFUSCATED_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*[(\[{]\s*(?:at|ät|@)\s*[)\]}]\s*").expect("valid regex"));
static OBFUSCATED_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*[(\[{]\s*(?:dot|punkt)\s*[)\]}]\s*").expect("valid regex"));
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}").expect("valid regex"));
/// A labelled phone number. The bare "T" label is only accepted at the start of a line.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^T|\b(?:Tel|Telefon|Fon|Phone|Mobil|Handy|Rufnummer))\b\.?\s*[.:]?\s*(\+?[\d(][\d\s()/+\-–]{4,}\d)",
    )
    .expect("valid regex")
});
static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{5}\s+\p{Lu}[^\d,;:]{1,50}$").expect("valid regex"));
static STREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\p{L}[\p{L}.\- ]*?(?:str\.|straße|strasse|weg|platz|allee|ring|gasse|damm|ufer|markt|wall|hof|chaussee|promenade|steig|pfad)\s*\d+\s*[a-z]?(?:\s*[-–/]\s*\d+\s*[a-z]?)?$",
    )
    .expect("valid regex")
});
/// A person's name: optional salutation and titles, then two to four capitalised words
/// (hyphenated surnames and name particles allowed), or a salutation and one word.
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            (?:Frau|Herr)\s+(?:(?:Dr|Prof)\.\s*)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?
          | (?:(?:Frau|Herr)\s+)?(?:(?:Dr|Prof)\.\s*)*
            \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?
            (?:\s+(?:(?:von|van|de|zu|von\ der)\s+)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,3}
        )$",
    )
    .expect("valid regex")
});

/// Capitalised words that make a line a heading or a label rather than a person's name.
const NOT_IN_NAMES: [&str; 24] = [
    "Zur",
    "Zum",
    "Die",
    "Der",
    "Das",
    "Und",
    "Kontakt",
    "Ansprechpartner",
    "Ansprechpartnerin",
    "Website",
    "Webseite",
    "Kreis",
    "Stadt",
    "Gemeinde",
    "Amt",
    "Jugendamt",
    "Telefon",
    "Team",
    "Leitung",
    "Koordination",
    "Ziele",
    "Ziel",
    "Weitere",
    "Informationen",
];

/// Parts of building names: a building line belongs to the address, not to the person or the
/// organisation ("Verwaltungsgebäude Oberstadt", "Kreishaus").
const BUILDING_PARTS: [&str; 4] = ["gebäude", "haus", "zimmer", "etage"];

/// Parts of organisation names (lower case, matched inside words: "Kreisjugendamt").
const ORGANISATION_PARTS: [&str; 22] = [
    "kreis",
    "stadt",
    "gemeinde",
    "städteregion",
    "jugendamt",
    "amt für",
    "fachbereich",
    "fachdienst",
    "büro",
    "verwaltung",
    "koordination",
    "koordinierung",
    "e.v.",
    "e. v.",
    "gmbh",
    "stiftung",
    "netzwerk",
    "dezernat",
    "referat",
    "abteilung",
    "zentrum",
    "landesjugendamt",
];

pub(super) fn extract(page: &Page) -> Option<Contact> {
    let lines: Vec<Cow<str>> = page.lines.iter().map(|l| deobfuscate(l)).collect();
    let emails: Vec<(usize, String)> =
        lines.iter().enumerate().filter_map(|(i, l)| email_in(l).map(|e| (i, e))).collect();
    let phones: Vec<(usize, String)> =
        lines.iter().enumerate().filter_map(|(i, l)| phone_in(l).map(|p| (i, p))).collect();
    let addresses: Vec<(usize, Address)> =
        (0..lines.len()).filter_map(|i| address_at(&lines, i).map(|a| (i, a))).collect();

    let anchor = emails
        .first()
        .map(|(i, _)| *i)
        .or_else(|| addresses.first().map(|(i, _)| *i))
        .or_else(|| phones.first().map(|(i, _)| *i))?;
    let email = emails.first().map(|(_, e)| e.clone());
    let phone = nearest(&phones, anchor);
    let address = nearest(&addresses, anchor);
    // The block spans what was taken from it; other numbers nearby belong to running text.
    let block_start = [Some(anchor), address.map(|(_, a)| a.first_line), phone.map(|(i, _)| *i)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(anchor);
    let above = lines_above(&lines, block_start);
    let name = above.iter().find(|l| is_person(l)).map(|l| l.to_string());
    let organisation = address
        .and_then(|(_, a)| a.organisation.clone())
        .or_else(|| above.iter().find(|l| is_organisation(l)).map(|l| l.to_string()));
    let address = address.map(|(_, a)| a.text.clone());
    let phone = phone.map(|(_, p)| p.clone());
    Some(Contact { name, organisation, address, phone, email })
}

/// `(at)`, `[at]`, ` [at] `, `(dot)` → `@` and `.`.
fn deobfuscate(line: &str) -> Cow<'_, str> {
    // Most lines hide nothing and are kept as they are, without a search for the patterns.
    let at = match bracket_opens(line, &["at", "ät", "@"]) {
        true => OBFUSCATED_AT.replace_all(line, "@"),
        false => Cow::Borrowed(line),
    };
    match bracket_opens(&at, &["dot", "punkt"]) {
        true => Cow::Owned(OBFUSCATED_DOT.replace_all(&at, ".").into_owned()),
        false => at,
    }
}

/// Whether a bracket in the line opens with one of `words` (lower case; spaces allowed before
/// it), in any case: what the obfuscation patterns need.
fn bracket_opens(line: &str, words: &[&str]) -> bool {
    let brackets = memchr::memchr3_iter(b'(', b'[', b'{', line.as_bytes());
    brackets.map(|at| line[at + 1..].trim_start()).any(|inside| {
        // Lower-casing takes every spelling `(?i)` matches ("AT", "Ät", "K" for k) to the word.
        let starts_with = |word: &str| {
            let mut folded = inside.chars().flat_map(char::to_lowercase);
            word.chars().all(|c| folded.next() == Some(c))
        };
        words.iter().any(|word| starts_with(word))
    })
}

/// The e-mail address in a line, rejoining it where a stray space split it after or before a
/// `.`, `-`, `_` or around the `@` ("lisa.kopp- hense@…", "name @ kreis.de").
fn email_in(line: &str) -> Option<String> {
    if !line.contains('@') {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let at = tokens.iter().position(|t| t.contains('@'))?;
    let (mut first, mut last) = (at, at);
    let joins = |left: &str, right: &str| {
        left.ends_with(['.', '-', '_', '@']) || right.starts_with(['.', '-', '_', '@'])
    };
    while first > 0 && joins(tokens[first - 1], tokens[first]) {
        first -= 1;
    }
    while last + 1 < tokens.len() && joins(tokens[last], tokens[last + 1]) {
        last += 1;
    }
    let joined = tokens[first..=last].concat();
    EMAIL.find(&joined).map(|m| m.as_str().trim_end_matches(['.', '-']).to_string())
}

/// A labelled phone number, with runs of whitespace (also no-break spaces) made one space.
fn phone_in(line: &str) -> Option<String> {
    // The number needs six digits; most lines have fewer, and the label regex is slow on
    // non-ASCII text (Unicode word boundaries).
    if line.bytes().filter(u8::is_ascii_digit).count() < MIN_PHONE_DIGITS {
        return None;
    }
    let number = PHONE.captures(line)?.get(1)?.as_str();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    (digits >= MIN_PHONE_DIGITS).then(|| number.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Address {
    /// "Street 1, 12345 Town", or just "12345 Town" when no street is given.
    text: String,
    /// The first line the address occupies (the street line when it is on its own line).
    first_line: usize,
    /// An organisation named before the street on a comma-separated header line.
    organisation: Option<String>,
}

/// The address whose postcode is on line `index`: the street is the comma-separated part
/// before the postcode, or else the line above.
fn address_at(lines: &[Cow<str>], index: usize) -> Option<Address> {
    // A postcode is five digits; most lines have none.
    if !has_digit_run(&lines[index], 5) {
        return None;
    }
    let parts: Vec<&str> = lines[index].split(',').map(str::trim).collect();
    let postcode_at = parts.iter().position(|p| POSTCODE.is_match(p))?;
    let postcode = parts[postcode_at];
    if postcode_at > 0 {
        let street = parts[postcode_at - 1];
        if STREET.is_match(street) {
            let organisation =
                parts[..postcode_at - 1].iter().find(|p| is_organisation(p)).map(|p| p.to_string());
            let text = format!("{street}, {postcode}");
            return Some(Address { text, first_line: index, organisation });
        }
    }
    match index.checked_sub(1).map(|i| lines[i].as_ref()) {
        Some(street) if STREET.is_match(street) => {
            Some(Address { text: format!("{street}, {postcode}"), first_line: index - 1, organisation: None })
        }
        _ => Some(Address { text: postcode.to_string(), first_line: index, organisation: None }),
    }
}

/// The finding closest to the anchor line, within the block radius.
fn nearest<T>(found: &[(usize, T)], anchor: usize) -> Option<&(usize, T)> {
    found.iter().filter(|(i, _)| i.abs_diff(anchor) <= BLOCK_RADIUS).min_by_key(|(i, _)| i.abs_diff(anchor))
}

/// The short lines just above the block, nearest first, stopping at running text.
fn lines_above<'a>(lines: &'a [Cow<str>], block_start: usize) -> Vec<&'a str> {
    lines[..block_start]
        .iter()
        .rev()
        .take(LOOK_BACK)
        .map(AsRef::as_ref)
        .take_while(|l| l.chars().count() <= 80 && !(l.ends_with('.') && l.chars().count() > 40))
        .collect()
}

fn is_person(line: &str) -> bool {
    PERSON.is_match(line)
        && !line.split_whitespace().any(|w| NOT_IN_NAMES.contains(&w))
        && !is_building(line)
        && !is_organisation(line)
}

fn is_organisation(line: &str) -> bool {
    let lower = line.to_lowercase();
    !line.contains('@')
        && line.chars().count() <= 80
        && !is_building(line)
        && ORGANISATION_PARTS.iter().any(|part| lower.contains(part))
}

fn is_building(line: &str) -> bool {
    let lower = line.to_lowercase();
    BUILDING_PARTS.iter().any(|part| lower.contains(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(text: &str) -> Option<Contact> {
        extract(&Page::new(text))
    }

    #[test]
    fn emails() {
        // (line, expected e-mail)
        let cases = [
            ("lisa.kopp-hense(at)kreis-steinfurt.de", Some("lisa.kopp-hense@kreis-steinfurt.de")),
            ("E-Mail: name [at] stadt-krefeld.de", Some("name@stadt-krefeld.de")),
            ("name(AT)kreis.de", Some("name@kreis.de")),
            ("name[at]kreis[dot]de", Some("name@kreis.de")),
            ("lisa.kopp- hense@kreis-steinfurt.de", Some("lisa.kopp-hense@kreis-steinfurt.de")),
            ("kirsten.wessling@kreis- steinfurt.de, Internet", Some("kirsten.wessling@kreis-steinfurt.de")),
            ("Mail: a.b @ kreis.de.", Some("a.b@kreis.de")),
            (
                "E-Mail: kirsten.wessling@kreis-steinfurt.de, Internet: www.kreis-steinfurt.de",
                Some("kirsten.wessling@kreis-steinfurt.de"),
            ),
            ("Wir sind (at) home", None),
            ("kein Kontakt", None),
        ];
        for (line, expected) in cases {
            assert_eq!(email_in(&deobfuscate(line)).as_deref(), expected, "e-mail in {line:?}");
        }
    }

    #[test]
    fn bracket_words() {
        // (line, whether a bracket opens with "at", "ät" or "@")
        let cases = [
            ("name(at)kreis.de", true),
            ("name [ AT ] kreis.de", true),
            ("name{Ät}kreis.de", true),
            ("name(@)kreis.de", true),
            ("(02551) 69-2160", false),
            ("Staat (Bund) und Rat", false),
            ("kein Klammerpaar, at", false),
        ];
        for (line, expected) in cases {
            assert_eq!(bracket_opens(line, &["at", "ät", "@"]), expected, "bracketed at in {line:?}");
        }
        assert!(bracket_opens("a(PUN\u{212a}T)b", &["dot", "punkt"]), "the Kelvin sign is a k to (?i)");
    }

    #[test]
    fn phones() {
        // (line, expected phone)
        let cases = [
            ("T\u{a0}+49255169-2393", Some("+49255169-2393")),
            ("T +49 2541 18 5243", Some("+49 2541 18 5243")),
            ("Telefon: (02551)69-2160, Telefax: (02551)69-2100", Some("(02551)69-2160")),
            ("Tel.: (02161) 25 - 3624", Some("(02161) 25 - 3624")),
            ("unter der Rufnummer 02161-25-3389.", Some("02161-25-3389")),
            ("Telefax: (02551)69-2100", None),
            ("Tel. 112", None),
            // A "T" inside a sentence is not a phone label.
            ("Heft T 2019 Seite", None),
        ];
        for (line, expected) in cases {
            assert_eq!(phone_in(line).as_deref(), expected, "phone in {line:?}");
        }
    }

    #[test]
    fn blocks() {
        let profile = "Gute Förderung und gesellschaftliche Teilhabe wird ermöglicht.\n\nLisa Kopp-Hense\n\n\n\nTecklenburger Str.10\n48565 Steinfurt\nT\u{a0}+49255169-2393\nlisa.kopp-hense(at)kreis-steinfurt.de\n\nZur Website";
        let got = contact(profile).expect("profile contact");
        assert_eq!(got.name.as_deref(), Some("Lisa Kopp-Hense"));
        assert_eq!(got.address.as_deref(), Some("Tecklenburger Str.10, 48565 Steinfurt"));
        assert_eq!(got.phone.as_deref(), Some("+49255169-2393"));
        assert_eq!(got.email.as_deref(), Some("lisa.kopp-hense@kreis-steinfurt.de"));

        let header = "Presseinformation\n\nNr. 209 Steinfurt, 26. Mai 2017\n\nKreis Steinfurt, Pressereferentin, Tecklenburger Str. 10, 48565 Steinfurt\nTelefon: (02551)69-2160, Telefax: (02551)69-2100\nE-Mail: kirsten.wessling@kreis-steinfurt.de, Internet: www.kreis-steinfurt.de";
        let got = contact(header).expect("press header contact");
        assert_eq!(got.name, None, "no person is named in the header");
        assert_eq!(got.organisation.as_deref(), Some("Kreis Steinfurt"));
        assert_eq!(got.address.as_deref(), Some("Tecklenburger Str. 10, 48565 Steinfurt"));
        assert_eq!(got.phone.as_deref(), Some("(02551)69-2160"));

        let office = "Herr Cleophas\n\nNetzwerkkoordination Kinderschutz\nVerwaltungsgebäude Oberstadt\nAachener Straße 2\n41061 Mönchengladbach\n\nTel.: (02161) 25 - 3624";
        let got = contact(office).expect("office contact");
        assert_eq!(got.name.as_deref(), Some("Herr Cleophas"));
        assert_eq!(got.organisation.as_deref(), Some("Netzwerkkoordination Kinderschutz"));
        assert_eq!(got.address.as_deref(), Some("Aachener Straße 2, 41061 Mönchengladbach"));

        // A phone number in the running text above does not pull the block up to it.
        let service = "Wir sind erreichbar unter der Rufnummer 02161-25-3389.\nHerr Cleophas\nNetzwerkkoordination Kinderschutz\nAachener Straße 2\n41061 Mönchengladbach\nTel.: (02161) 25 - 3624";
        let got = contact(service).expect("service page contact");
        assert_eq!(got.name.as_deref(), Some("Herr Cleophas"));
        assert_eq!(got.phone.as_deref(), Some("(02161) 25 - 3624"));

        // No e-mail, phone or postcode: no contact, whatever names the text holds.
        assert_eq!(contact("Landrat Wolfgang Spelthahn besuchte die Kita.\nLisa Kopp-Hense"), None);
        assert_eq!(contact(""), None);
    }
}
