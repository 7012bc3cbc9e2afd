//! The theme commands: passages ranked by theme (the hit contract of `search` plus
//! `matched_terms`), municipalities ranked by theme strength, and the list of themes.

use std::fmt::Write as _;

use serde::Serialize;

use super::hits::{hits_csv, snippet_and_place, HitJson};
use super::number::{self, f32_json};
use super::table::new_table;
use super::{Csv, Report, Style};
use crate::themes::rank::{MunicipalityRanking, MunicipalityStrength, ThemeCoverage, ThemeHit, ThemeResults};

/// A theme hit as printed: the fields of a search hit plus `matched_terms`.
#[derive(Serialize)]
pub struct ThemeHitJson<'a> {
    #[serde(flatten)]
    hit: HitJson<'a>,
    matched_terms: &'a [String],
}

impl<'a> From<&'a ThemeHit> for ThemeHitJson<'a> {
    fn from(hit: &'a ThemeHit) -> Self {
        ThemeHitJson { hit: HitJson::from(&hit.hit), matched_terms: &hit.matched_terms }
    }
}

#[derive(Serialize)]
pub struct ThemeResultsJson<'a> {
    theme: &'a str,
    label: &'a str,
    total_hits: usize,
    hits: Vec<ThemeHitJson<'a>>,
}

/// `praev theme NAME`: passages ranked by a theme.
pub struct ThemeReport<'a>(pub &'a ThemeResults);

impl Report for ThemeReport<'_> {
    type Document<'a>
        = ThemeResultsJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = ThemeHitJson<'a>
    where
        Self: 'a;

    fn document(&self) -> ThemeResultsJson<'_> {
        ThemeResultsJson {
            theme: &self.0.theme,
            label: &self.0.label,
            total_hits: self.0.total_hits,
            hits: self.lines(),
        }
    }

    fn lines(&self) -> Vec<ThemeHitJson<'_>> {
        self.0.hits.iter().map(ThemeHitJson::from).collect()
    }

    fn csv(&self) -> Csv {
        hits_csv(&self.0.hits, |h| &h.hit, &["matched_terms"], |h| vec![h.matched_terms.join("; ")])
    }

    fn table(&self, style: Style) -> String {
        let results = self.0;
        if results.hits.is_empty() {
            return format!("No passage matches the theme {:?}.\n", results.label);
        }
        let mut table =
            new_table(style, vec!["#", "municipality", "kind", "passage", "theme terms", "score"]);
        for (rank, hit) in results.hits.iter().enumerate() {
            table.add_row(vec![
                (rank + 1).to_string(),
                hit.hit.municipality.clone().unwrap_or_else(|| "–".into()),
                hit.hit.kind.clone(),
                snippet_and_place(&hit.hit, style.color),
                hit.matched_terms.join(", "),
                number::fixed(f64::from(hit.hit.score), 2),
            ]);
        }
        let mut out = format!("{table}\n");
        let _ = writeln!(
            out,
            "{} of {} passages for the theme {:?}",
            results.hits.len(),
            results.total_hits,
            results.label
        );
        out
    }
}

#[derive(Serialize)]
pub struct MunicipalityJson<'a> {
    municipality: &'a str,
    #[serde(serialize_with = "f32_json")]
    strength: f32,
    passages: usize,
    best: ThemeHitJson<'a>,
}

impl<'a> From<&'a MunicipalityStrength> for MunicipalityJson<'a> {
    fn from(m: &'a MunicipalityStrength) -> Self {
        MunicipalityJson {
            municipality: &m.municipality,
            strength: m.strength,
            passages: m.passages,
            best: ThemeHitJson::from(&m.best),
        }
    }
}

#[derive(Serialize)]
pub struct RankingJson<'a> {
    theme: &'a str,
    label: &'a str,
    municipalities: Vec<MunicipalityJson<'a>>,
}

/// `praev theme NAME --by municipality`: municipalities ranked by theme strength.
pub struct RankingReport<'a>(pub &'a MunicipalityRanking);

impl Report for RankingReport<'_> {
    type Document<'a>
        = RankingJson<'a>
    where
        Self: 'a;
    type Line<'a>
        = MunicipalityJson<'a>
    where
        Self: 'a;

    fn document(&self) -> RankingJson<'_> {
        RankingJson { theme: &self.0.theme, label: &self.0.label, municipalities: self.lines() }
    }

    fn lines(&self) -> Vec<MunicipalityJson<'_>> {
        self.0.municipalities.iter().map(MunicipalityJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new([
            "municipality",
            "strength",
            "passages",
            "best_file",
            "best_passage",
            "best_score",
            "matched_terms",
            "best_text",
        ]);
        for m in &self.0.municipalities {
            csv.push([
                m.municipality.clone(),
                number::fixed(f64::from(m.strength), 4),
                m.passages.to_string(),
                m.best.hit.file.clone(),
                m.best.hit.passage.to_string(),
                number::fixed(f64::from(m.best.hit.score), 4),
                m.best.matched_terms.join("; "),
                m.best.hit.text.clone(),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        let ranking = self.0;
        if ranking.municipalities.is_empty() {
            return format!("No municipality writes about the theme {:?}.\n", ranking.label);
        }
        let mut table = new_table(
            style,
            vec!["#", "municipality", "strength", "passages", "best passage", "theme terms"],
        );
        for (rank, m) in ranking.municipalities.iter().enumerate() {
            table.add_row(vec![
                (rank + 1).to_string(),
                m.municipality.clone(),
                number::fixed(f64::from(m.strength), 2),
                m.passages.to_string(),
                snippet_and_place(&m.best.hit, style.color),
                m.best.matched_terms.join(", "),
            ]);
        }
        let mut out = format!("{table}\n");
        let _ = writeln!(
            out,
            "strength: mean score of a municipality's best {} passages on the theme {:?}",
            crate::themes::rank::STRENGTH_PASSAGES,
            ranking.label
        );
        out
    }
}

/// A theme with how widely it is written about, as printed.
#[derive(Serialize)]
pub struct CoverageJson<'a> {
    id: &'a str,
    label: &'a str,
    description: &'a str,
    passages: usize,
    municipalities: usize,
}

/// `praev themes`: the themes with how many passages and municipalities match each.
pub struct CoverageReport<'a>(pub &'a [ThemeCoverage]);

impl Report for CoverageReport<'_> {
    type Document<'a>
        = Vec<CoverageJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = CoverageJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<CoverageJson<'_>> {
        self.lines()
    }

    fn lines(&self) -> Vec<CoverageJson<'_>> {
        self.0
            .iter()
            .map(|t| CoverageJson {
                id: &t.id,
                label: &t.label,
                description: &t.description,
                passages: t.passages,
                municipalities: t.municipalities,
            })
            .collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(["id", "label", "passages", "municipalities", "description"]);
        for t in self.0 {
            csv.push([
                t.id.clone(),
                t.label.clone(),
                t.passages.to_string(),
                t.municipalities.to_string(),
                t.description.clone(),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        let mut table = new_table(style, vec!["id", "theme", "passages", "municipalities", "description"]);
        for theme in self.0 {
            table.add_row(vec![
                theme.id.clone(),
                theme.label.clone(),
                theme.passages.to_string(),
                theme.municipalities.to_string(),
                theme.description.clone(),
            ]);
        }
        format!("{table}\n")
    }
}
