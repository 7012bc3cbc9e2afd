//! Search and quote hits as citations for reference managers: CSL-JSON (Zotero, Pandoc,
//! citeproc), BibTeX and RIS.
//!
//! Each hit becomes one reference to its document: the title, the municipality as author and
//! publisher (the speaker as author of a quote), the date, the url, the PDF page when known, and
//! the passage (a quote's own words) as the note. Values are written on one line each, with
//! whitespace runs made one space: RIS is a line format, and a blank line in BibTeX is a
//! paragraph break. The id of a reference is `file#passage`, unique in an index; BibTeX keys
//! are that id with characters BibTeX does not take replaced, made unique by a suffix.

mod bibtex;
mod csl;
mod ris;

pub use bibtex::bibtex;
pub use csl::csl;
pub use ris::ris;

use crate::query::Hit;

/// The kind of reference a hit's document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ReferenceType {
    /// Profiles, Leitbilder and other web pages.
    Webpage,
    /// Press releases and news articles.
    Newspaper,
    Report,
    Speech,
}

impl ReferenceType {
    pub(super) fn of(hit: &Hit) -> ReferenceType {
        match hit.kind.as_str() {
            "press" | "article" => ReferenceType::Newspaper,
            "report" => ReferenceType::Report,
            "speech" => ReferenceType::Speech,
            _ => ReferenceType::Webpage,
        }
    }

    pub(super) fn csl(self) -> &'static str {
        match self {
            ReferenceType::Webpage => "webpage",
            ReferenceType::Newspaper => "article-newspaper",
            ReferenceType::Report => "report",
            ReferenceType::Speech => "speech",
        }
    }

    pub(super) fn bibtex(self) -> &'static str {
        match self {
            ReferenceType::Report => "techreport",
            _ => "misc",
        }
    }

    pub(super) fn ris(self) -> &'static str {
        match self {
            ReferenceType::Webpage => "ELEC",
            ReferenceType::Newspaper => "NEWS",
            ReferenceType::Report => "RPRT",
            ReferenceType::Speech => "GEN",
        }
    }
}

/// What a citation says, from a hit: every text on one line.
pub(super) struct Reference {
    pub(super) id: String,
    pub(super) kind: ReferenceType,
    pub(super) title: String,
    /// The speaker of a quote, else the municipality.
    pub(super) author: Option<String>,
    pub(super) publisher: Option<String>,
    /// Year, month, day as far as the document's date tells.
    pub(super) date: Vec<u32>,
    pub(super) url: Option<String>,
    pub(super) page: Option<u64>,
    pub(super) note: String,
}

impl Reference {
    pub(super) fn of(hit: &Hit) -> Reference {
        let municipality = hit.municipality.as_deref().map(one_line);
        let title = hit.title.as_deref().map(one_line).filter(|t| !t.is_empty());
        Reference {
            id: format!("{}#{}", hit.file, hit.passage),
            kind: ReferenceType::of(hit),
            title: title.unwrap_or_else(|| one_line(hit.file.rsplit('/').next().unwrap_or(&hit.file))),
            author: hit.speaker.as_deref().map(one_line).or_else(|| municipality.clone()),
            publisher: municipality,
            date: hit.date.as_deref().map(date_parts).unwrap_or_default(),
            url: hit.url.as_deref().map(one_line),
            page: hit.page,
            note: one_line(hit.quote.as_deref().unwrap_or(&hit.text)),
        }
    }

    /// Whether the author is a person (a quote's speaker) rather than an institution.
    pub(super) fn person(hit: &Hit) -> bool {
        hit.speaker.is_some()
    }
}

/// `text` on one line: whitespace runs (line breaks too) become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2017-05-26` → [2017, 5, 26], `2017-05` → [2017, 5], `2017` → [2017]; parts that are no
/// number end the list.
fn date_parts(date: &str) -> Vec<u32> {
    date.split('-').map_while(|part| part.parse::<u32>().ok()).take(3).collect()
}

/// Hits to cite in the tests of each format: a press release passage with TeX's special
/// characters, and a quote.
#[cfg(test)]
mod samples {
    use crate::query::Hit;

    pub fn hit() -> Hit {
        Hit {
            file: "presse/2017 05.pdf".into(),
            passage: 4,
            municipality: Some("Kreis Steinfurt".into()),
            kind: "press".into(),
            section: None,
            date: Some("2017-05-26".into()),
            text: "Kinder {stark} & 100 % sicher:\n#1 $_~^\\ Ende".into(),
            highlights: Vec::new(),
            score: 1.0,
            speaker: None,
            role: None,
            title: Some("Präventionskette\n  startet".into()),
            url: Some("https://example.org/a?b=1&c=%20{x}".into()),
            district: None,
            quote: None,
            truncated: false,
            reported: false,
            page: Some(3),
        }
    }

    pub fn quote() -> Hit {
        Hit {
            speaker: Some("Dr. Klaus Effing".into()),
            role: Some("Landrat".into()),
            quote: Some("Kein Kind zurücklassen.".into()),
            kind: "quote".into(),
            date: Some("2018".into()),
            page: None,
            ..hit()
        }
    }
}
