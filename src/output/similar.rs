//! `praev similar`: the hit contract of `search` plus `similarity` and `shared_terms`.

use serde::Serialize;

use super::hits::{hits_csv, snippet_and_place, HitJson};
use super::number::{self, f32_json};
use super::table::new_table;
use super::{Csv, Report, Style};
use crate::wording::similar::{SimilarHit, SimilarResults};

#[derive(Serialize)]
pub struct SimilarHitJson<'a> {
    #[serde(flatten)]
    hit: HitJson<'a>,
    #[serde(serialize_with = "f32_json")]
    similarity: f32,
    shared_terms: &'a [String],
}

impl<'a> From<&'a SimilarHit> for SimilarHitJson<'a> {
    fn from(hit: &'a SimilarHit) -> Self {
        SimilarHitJson {
            hit: HitJson::from(&hit.hit),
            similarity: hit.similarity,
            shared_terms: &hit.shared_terms,
        }
    }
}

#[derive(Serialize)]
pub struct SimilarJson<'a> {
    source_municipality: Option<&'a str>,
    hits: Vec<SimilarHitJson<'a>>,
}

/// Passages worded like the source.
pub struct SimilarReport<'a>(pub &'a SimilarResults);

impl Report for SimilarReport<'_> {
    type Document<'a>
        = SimilarJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = SimilarHitJson<'a>
    where
        Self: 'a;

    fn document(&self) -> SimilarJson<'_> {
        SimilarJson { source_municipality: self.0.source_municipality.as_deref(), hits: self.lines() }
    }

    fn lines(&self) -> Vec<SimilarHitJson<'_>> {
        self.0.hits.iter().map(SimilarHitJson::from).collect()
    }

    fn csv(&self) -> Csv {
        hits_csv(
            &self.0.hits,
            |h| &h.hit,
            &["similarity", "shared_terms"],
            |h| vec![number::fixed(f64::from(h.similarity), 4), h.shared_terms.join("; ")],
        )
    }

    fn table(&self, style: Style) -> String {
        if self.0.hits.is_empty() {
            return "No similar passage found.\n".into();
        }
        let mut table = new_table(style, vec!["#", "municipality", "similarity", "passage", "shared words"]);
        for (rank, hit) in self.0.hits.iter().enumerate() {
            table.add_row(vec![
                (rank + 1).to_string(),
                hit.hit.municipality.clone().unwrap_or_else(|| "–".into()),
                number::fixed(f64::from(hit.similarity), 2),
                snippet_and_place(&hit.hit, style.color),
                hit.shared_terms.iter().take(8).cloned().collect::<Vec<_>>().join(", "),
            ]);
        }
        format!("{table}\nsimilarity: cosine of the analysed words (tf-idf), 0 to 1\n")
    }
}
