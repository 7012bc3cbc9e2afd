//! JSON and JSON-lines output of search results: the documented contract.

use std::io::Write;

use serde::Serialize;

use crate::query::{Hit, SearchResults};

/// One hit as printed: the field names are the contract.
#[derive(Serialize)]
pub struct HitJson<'a> {
    pub file: &'a str,
    pub passage: u64,
    pub municipality: Option<&'a str>,
    pub kind: &'a str,
    pub section: Option<&'a str>,
    pub date: Option<&'a str>,
    pub text: &'a str,
    pub highlights: &'a [[usize; 2]],
    pub score: f32,
    /// Quote passages: who said it, in which office; null otherwise.
    pub speaker: Option<&'a str>,
    pub role: Option<&'a str>,
}

impl<'a> From<&'a Hit> for HitJson<'a> {
    fn from(hit: &'a Hit) -> Self {
        HitJson {
            file: &hit.file,
            passage: hit.passage,
            municipality: hit.municipality.as_deref(),
            kind: &hit.kind,
            section: hit.section.as_deref(),
            date: hit.date.as_deref(),
            text: &hit.text,
            highlights: &hit.highlights,
            score: hit.score,
            speaker: hit.speaker.as_deref(),
            role: hit.role.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct ResultsJson<'a> {
    query: &'a str,
    total_hits: usize,
    hits: Vec<HitJson<'a>>,
}

pub fn write_results(out: &mut dyn Write, results: &SearchResults) -> std::io::Result<()> {
    let json = ResultsJson {
        query: &results.query,
        total_hits: results.total_hits,
        hits: results.hits.iter().map(HitJson::from).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}

pub fn write_hits_lines(out: &mut dyn Write, hits: &[Hit]) -> std::io::Result<()> {
    for hit in hits {
        serde_json::to_writer(&mut *out, &HitJson::from(hit))?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample_hit() -> Hit {
        Hit {
            file: "sub/a.txt".into(),
            passage: 3,
            municipality: Some("Kreis Düren".into()),
            kind: "profile".into(),
            section: None,
            date: None,
            text: "Strukturierte Übergänge".into(),
            highlights: vec![[13, 22]],
            score: 1.5,
            speaker: None,
            role: None,
        }
    }

    #[test]
    fn json_field_names_are_the_contract() {
        let results =
            SearchResults {
                query: "Übergänge".into(), total_hits: 1, hits: vec![sample_hit()], note: None
            };
        let mut out = Vec::new();
        write_results(&mut out, &results).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["query"], "Übergänge");
        assert_eq!(value["total_hits"], 1);
        let hit = &value["hits"][0];
        let mut keys: Vec<&str> = hit.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            vec![
                "date",
                "file",
                "highlights",
                "kind",
                "municipality",
                "passage",
                "role",
                "score",
                "section",
                "speaker",
                "text"
            ]
        );
        assert_eq!(hit["highlights"], serde_json::json!([[13, 22]]));
        assert!(hit["section"].is_null());
    }

    #[test]
    fn jsonl_prints_one_object_per_line() {
        let mut out = Vec::new();
        write_hits_lines(&mut out, &[sample_hit(), sample_hit()]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 2);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["file"], "sub/a.txt");
        }
    }
}
