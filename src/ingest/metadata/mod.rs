//! Metadata: what a cleaned document is and whom it is about — its kind, municipality, title,
//! own date, programme figures and contact.
//!
//! Input is the text after `decode` and `boilerplate`: NFC, paragraphs separated by blank
//! lines. Every extractor is a heuristic over the text's lines and prefers `None` to a guess:
//! a gap can be filled by the manifest, a confident mistake goes unnoticed. This module owns
//! the metadata types and the gazetteer format (`index-config/municipalities.tsv`); it does not
//! read files, print, or apply the manifest (the caller does, after [`extract`]).
//!
//! One file per extractor: `kind` (with `genre`, the cues of press offices, newspapers,
//! reports and speeches), `municipality` (with `gazetteer`, its TSV and the places
//! prepared once for all documents, `gazetteer_de`, the generated gazetteer of Germany the TSV
//! is an overlay for, `mentions`, how a place name appears in text, `form_index`,
//! all known forms searched at once, and `discovery`, explicit mentions of places the gazetteer
//! lacks), `dates` (document date and press number), `figures`, `contact`, `title`;
//! `page` is the line view they share, `prefilter` the cheap ways to run patterns that are slow
//! to search for.
//!
//! Everything that does not depend on the document is built once: the [`Gazetteer`] by the
//! caller, the patterns on first use.

mod contact;
mod dates;
mod discovery;
mod figures;
mod form_index;
mod gazetteer;
mod gazetteer_de;
mod genre;
mod kind;
mod mentions;
mod municipality;
mod page;
mod period;
mod prefilter;
mod title;

use serde::{Deserialize, Serialize};

use super::DocKind;
pub use gazetteer::{parse_municipalities, Gazetteer, KnownMunicipality, AUTHORITIES};
pub use gazetteer_de::{merge as merge_gazetteers, parse_places as parse_places_de};
pub use period::{year_of_day, DatePeriod, NotADate};

/// What is known about a document besides its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub kind: DocKind,
    /// Canonical name: cities plain ("Krefeld"), districts with their authority word
    /// ("Kreis Steinfurt", "Rhein-Sieg-Kreis", "Städteregion Aachen").
    pub municipality: Option<String>,
    /// The Kreis (or Region) the municipality belongs to, when it is a Gemeinde of one
    /// ("Kreis Mettmann" for Velbert); `None` for districts, kreisfreie Städte and the unknown.
    #[serde(default)]
    pub district: Option<String>,
    /// The headline, when the document opens with one.
    pub title: Option<String>,
    /// The document's own date, ISO 8601: `2017-05-26`, or `2017-05` when only the month is known.
    pub date: Option<String>,
    /// The year the municipality joined the programme ("Seit wann dabei").
    pub year_joined: Option<u16>,
    pub population: Option<u64>,
    pub children_under_18: Option<u64>,
    /// The press release number as printed ("209", "12/2019").
    pub press_number: Option<String>,
    pub contact: Option<Contact>,
    /// Where the document was published (the manifest's `url` column).
    #[serde(default)]
    pub url: Option<String>,
}

impl Default for DocumentMeta {
    fn default() -> Self {
        DocumentMeta {
            kind: DocKind::Other,
            municipality: None,
            district: None,
            title: None,
            date: None,
            year_joined: None,
            population: None,
            children_under_18: None,
            press_number: None,
            contact: None,
            url: None,
        }
    }
}

/// A contact block; present when at least an e-mail, a phone number or an address was found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<String>,
    pub organisation: Option<String>,
    /// "Street 1, 12345 Town" (or "12345 Town" without a street).
    pub address: Option<String>,
    /// As printed, whitespace collapsed: "+49255169-2393", "(02551)69-2160".
    pub phone: Option<String>,
    /// With `(at)`/`[at]` resolved and stray spaces removed.
    pub email: Option<String>,
}

/// Reads the metadata of one cleaned document. `rel_path` is only a hint for the
/// municipality; `places` is the gazetteer, built once from [`parse_municipalities`]. Never
/// panics.
pub fn extract(text: &str, rel_path: &str, places: &Gazetteer) -> DocumentMeta {
    extract_with_url(text, rel_path, None, places)
}

/// [`extract`] with the url the document was published at (the manifest's `url`), a hint for
/// the municipality: a town's own domain names it.
pub fn extract_with_url(text: &str, rel_path: &str, url: Option<&str>, places: &Gazetteer) -> DocumentMeta {
    let page = page::Page::new(text);
    let municipality = municipality::detect(&page, rel_path, url, places);
    let district = municipality.as_deref().and_then(|m| places.district_of(m)).map(String::from);
    let kind = kind::detect(&page, places);
    let figures = figures::extract(&page);
    DocumentMeta {
        kind,
        municipality,
        district,
        title: title::title(&page, rel_path),
        date: page.document_date().map(String::from),
        year_joined: figures.year_joined,
        population: figures.population,
        children_under_18: figures.children_under_18,
        // A "Nr. 12" line only means a press number in a press release.
        press_number: (kind == DocKind::Press).then(|| dates::press_number(&page)).flatten(),
        contact: contact::extract(&page),
        url: url.map(String::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAZETTEER: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/index-config/municipalities.tsv"));

    fn seed(name: &str) -> DocumentMeta {
        let known = Gazetteer::new(&parse_municipalities(GAZETTEER).expect("the shipped gazetteer parses"));
        let path = format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        extract(&text, name, &known)
    }

    /// The five bundled seeds, one row each: what every extractor must find in them.
    #[test]
    #[rustfmt::skip]
    fn seeds() {
        struct Expected {
            file: &'static str,
            kind: DocKind,
            municipality: &'static str,
            date: Option<&'static str>,
            press_number: Option<&'static str>,
            year_joined: Option<u16>,
            population: Option<u64>,
            children: Option<u64>,
        }
        let rows = [
            Expected { file: "000_84af1531842d3f23.txt", kind: DocKind::Profile, municipality: "Kreis Steinfurt", date: None, press_number: None, year_joined: Some(2012), population: Some(445_000), children: Some(45_172) },
            Expected { file: "001_6f3f8ce9bb356ce7.txt", kind: DocKind::Press, municipality: "Kreis Steinfurt", date: Some("2017-05-26"), press_number: Some("209"), year_joined: None, population: None, children: None },
            Expected { file: "002_dab9a15ee8aec2cc.txt", kind: DocKind::Profile, municipality: "Kreis Coesfeld", date: None, press_number: None, year_joined: Some(2017), population: Some(220_586), children: Some(38_354) },
            Expected { file: "003_fcd2ca9dae393cb0.txt", kind: DocKind::Leitbild, municipality: "Krefeld", date: None, press_number: None, year_joined: None, population: None, children: None },
            Expected { file: "004_b2df2b7532f9f2ee.txt", kind: DocKind::Profile, municipality: "Kreis Düren", date: None, press_number: None, year_joined: None, population: Some(258_760), children: Some(46_180) },
        ];
        for row in rows {
            let meta = seed(row.file);
            let f = row.file;
            assert_eq!(meta.kind, row.kind, "{f}: kind");
            assert_eq!(meta.municipality.as_deref(), Some(row.municipality), "{f}: municipality");
            assert_eq!(meta.date.as_deref(), row.date, "{f}: date");
            assert_eq!(meta.press_number.as_deref(), row.press_number, "{f}: press number");
            assert_eq!(meta.year_joined, row.year_joined, "{f}: year joined");
            assert_eq!(meta.population, row.population, "{f}: population");
            assert_eq!(meta.children_under_18, row.children, "{f}: children under 18");
        }
    }

    #[test]
    fn seed_contacts() {
        let steinfurt = seed("000_84af1531842d3f23.txt").contact.expect("Steinfurt contact");
        assert_eq!(steinfurt.name.as_deref(), Some("Lisa Kopp-Hense"));
        assert_eq!(steinfurt.address.as_deref(), Some("Tecklenburger Str.10, 48565 Steinfurt"));
        assert_eq!(steinfurt.phone.as_deref(), Some("+49255169-2393"));
        assert_eq!(steinfurt.email.as_deref(), Some("lisa.kopp-hense@kreis-steinfurt.de"));

        let coesfeld = seed("002_dab9a15ee8aec2cc.txt").contact.expect("Coesfeld contact");
        assert_eq!(coesfeld.email.as_deref(), Some("carolin.hoschke@kreis-coesfeld.de"));
        assert_eq!(coesfeld.address.as_deref(), Some("Friedrich-Ebert-Str. 7, 48653 Coesfeld"));

        let press = seed("001_6f3f8ce9bb356ce7.txt").contact.expect("press contact");
        assert_eq!(press.email.as_deref(), Some("kirsten.wessling@kreis-steinfurt.de"));
        assert_eq!(press.phone.as_deref(), Some("(02551)69-2160"));

        assert_eq!(seed("003_fcd2ca9dae393cb0.txt").contact, None, "the Leitbild has no contact");
    }

    #[test]
    fn seed_titles() {
        let cases = [
            ("000_84af1531842d3f23.txt", Some("Kreis Steinfurt")),
            ("001_6f3f8ce9bb356ce7.txt", Some("Gemeinsam neue Wege in der Präventionsarbeit finden")),
            (
                "003_fcd2ca9dae393cb0.txt",
                Some("LEITBILD ZUM AUFBAU EINER KOMMUNALEN PRÄVENTIONSKETTE IN KREFELD"),
            ),
            ("004_b2df2b7532f9f2ee.txt", Some("Kreis Düren")),
        ];
        for (file, expected) in cases {
            assert_eq!(seed(file).title.as_deref(), expected, "{file}: title");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let known = Gazetteer::new(&parse_municipalities(GAZETTEER).expect("gazetteer"));
        let long_line = "ä".repeat(10_000);
        let odd = [
            "",
            "\n\n\n",
            "\u{feff}",
            "„",
            "“",
            "\"",
            "(",
            ")",
            "@",
            "a@b",
            "Nr.",
            "ZITAT der kommunalen Spitze",
            "ZITAT der kommunalen Spitze\n„",
            "Seit wann dabei:",
            "Einwohnerzahl:\n99999999999999999999999999",
            "999.999.999.999.999.999.999,1.000",
            " date 2018-12",
            " date ",
            "Kreis",
            "Kreises ",
            "Stadt Ä",
            "-Kreis",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧 Kreis Düren 🇩🇪\u{200b}",
            "Düren\u{301}s",
            &long_line,
            "T\u{a0}+\nE-Mail: (at)\n12345 \n",
        ];
        for text in odd {
            let meta = extract(text, "", &known);
            // Any result is fine; the point is that none of these panics. Sanity: empty in, nothing out.
            if text.trim().is_empty() {
                assert_eq!(meta, DocumentMeta::default(), "empty text gives empty metadata");
            }
        }
    }

    #[test]
    fn serialises_kind_in_lower_case() {
        let meta = DocumentMeta { kind: DocKind::Leitbild, ..DocumentMeta::default() };
        let json = serde_json::to_value(&meta).expect("serialisable");
        assert_eq!(json["kind"], "leitbild");
        assert_eq!(json["municipality"], serde_json::Value::Null);
    }
}
