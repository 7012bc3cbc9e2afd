//! `praev export`: every passage with its document's metadata, for analysis elsewhere.
//!
//! A passage is written with the field names of a search hit (see [`super::hits`]) in the
//! same order, without what only a ranking has (`highlights`, `score`), one row or line at a
//! time.

use serde::Serialize;

use crate::query::Hit;

/// The CSV columns (and the JSON fields, in the same order).
pub const HEADER: [&str; 16] = [
    "file",
    "passage",
    "municipality",
    "kind",
    "section",
    "date",
    "text",
    "speaker",
    "role",
    "title",
    "url",
    "district",
    "quote",
    "truncated",
    "reported",
    "page",
];

/// One passage as a JSON line.
#[derive(Serialize)]
pub struct PassageJson<'a> {
    file: &'a str,
    passage: u64,
    municipality: Option<&'a str>,
    kind: &'a str,
    section: Option<&'a str>,
    date: Option<&'a str>,
    text: &'a str,
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    title: Option<&'a str>,
    url: Option<&'a str>,
    district: Option<&'a str>,
    quote: Option<&'a str>,
    truncated: bool,
    reported: bool,
    page: Option<u64>,
}

impl<'a> From<&'a Hit> for PassageJson<'a> {
    fn from(hit: &'a Hit) -> Self {
        PassageJson {
            file: &hit.file,
            passage: hit.passage,
            municipality: hit.municipality.as_deref(),
            kind: &hit.kind,
            section: hit.section.as_deref(),
            date: hit.date.as_deref(),
            text: &hit.text,
            speaker: hit.speaker.as_deref(),
            role: hit.role.as_deref(),
            title: hit.title.as_deref(),
            url: hit.url.as_deref(),
            district: hit.district.as_deref(),
            quote: hit.quote.as_deref(),
            truncated: hit.truncated,
            reported: hit.reported,
            page: hit.page,
        }
    }
}

/// The CSV cells of one passage, in the order of [`HEADER`]; a missing value is empty.
pub fn record(hit: &Hit) -> [String; 16] {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    [
        hit.file.clone(),
        hit.passage.to_string(),
        text(&hit.municipality),
        hit.kind.clone(),
        text(&hit.section),
        text(&hit.date),
        hit.text.clone(),
        text(&hit.speaker),
        text(&hit.role),
        text(&hit.title),
        text(&hit.url),
        text(&hit.district),
        text(&hit.quote),
        hit.truncated.to_string(),
        hit.reported.to_string(),
        hit.page.map(|p| p.to_string()).unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_fields_follow_the_header() {
        let hit = Hit {
            file: "a.pdf".into(),
            passage: 1,
            municipality: None,
            kind: "report".into(),
            section: Some("Ziele".into()),
            date: None,
            text: "Text".into(),
            highlights: Vec::new(),
            score: 0.0,
            speaker: None,
            role: None,
            title: Some("Bericht".into()),
            url: None,
            district: None,
            quote: None,
            truncated: false,
            reported: false,
            page: Some(3),
        };
        let text = serde_json::to_string(&PassageJson::from(&hit)).unwrap();
        let positions: Vec<Option<usize>> = HEADER.iter().map(|k| text.find(&format!("\"{k}\":"))).collect();
        assert!(positions.iter().all(Option::is_some), "{text}");
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "fields in the order of the header: {text}");
        assert_eq!(record(&hit)[15], "3");
        assert_eq!(record(&hit)[2], "", "no municipality is an empty cell");
    }
}
