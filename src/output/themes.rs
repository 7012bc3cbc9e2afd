//! The theme commands: passages ranked by theme (the hit contract of `search` plus
//! `matched_terms`), municipalities ranked by theme strength, and the list of themes.

use std::fmt::Write as _;

use serde::Serialize;

use super::hits::{hits_csv, snippet_and_place, HitJson};
use super::number::{self, f32_json};
use super::table::new_table;
use super::{Csv, Report, Style};
use crate::themes::free_text::{FreeTextTerm, Selection};
use crate::themes::rank::{MunicipalityRanking, MunicipalityStrength, ThemeCoverage, ThemeHit, ThemeResults};
use crate::themes::{CORE_WEIGHT, STRONG_WEIGHT};

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
    #[serde(flatten)]
    built: BuiltJson<'a>,
}

/// Whether the theme was built from free text, and then its terms and the theme that lent some.
#[derive(Serialize)]
pub struct BuiltJson<'a> {
    built_from_text: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    terms: Option<Vec<TermJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related_theme: Option<Option<&'a str>>,
}

#[derive(Serialize)]
pub struct TermJson<'a> {
    text: &'a str,
    #[serde(serialize_with = "f32_json")]
    weight: f32,
    from: crate::themes::free_text::TermSource,
}

impl<'a> BuiltJson<'a> {
    fn of(selection: &'a Selection) -> BuiltJson<'a> {
        match selection {
            Selection::Configured(_) => {
                BuiltJson { built_from_text: false, terms: None, related_theme: None }
            }
            Selection::FreeText { theme, .. } => BuiltJson {
                built_from_text: true,
                terms: Some(
                    theme
                        .terms
                        .iter()
                        .map(|t| TermJson { text: &t.text, weight: t.weight, from: t.from })
                        .collect(),
                ),
                related_theme: Some(theme.lent_by.as_deref()),
            },
        }
    }
}

/// The lines above a table of a free-text theme: that it was built, and from which terms.
fn built_note(selection: &Selection) -> String {
    let Selection::FreeText { theme, closest } = selection else { return String::new() };
    let mut note =
        format!("theme built from the text {:?}: no theme of themes.toml is named so", theme.theme.label);
    if !closest.is_empty() {
        let names: Vec<&str> = closest.iter().map(|t| t.id.as_str()).collect();
        let _ = write!(note, " (closest: {})", names.join(", "));
    }
    note.push('\n');
    let tier = |low: f32, high: f32| -> Vec<&FreeTextTerm> {
        theme.terms.iter().filter(|t| t.weight >= low && t.weight < high).collect()
    };
    for (name, terms) in [
        ("core terms", tier(CORE_WEIGHT, f32::INFINITY)),
        ("strong terms", tier(STRONG_WEIGHT, CORE_WEIGHT)),
        ("related terms", tier(f32::NEG_INFINITY, STRONG_WEIGHT)),
    ] {
        if terms.is_empty() {
            continue;
        }
        let texts: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
        let _ = writeln!(note, "{name}: {}", texts.join(", "));
    }
    if let Some(lender) = &theme.lent_by {
        let _ = writeln!(note, "related terms include the core terms of the theme {lender:?}");
    }
    note.push('\n');
    note
}

/// `praev theme NAME`: passages ranked by a theme.
pub struct ThemeReport<'a> {
    pub results: &'a ThemeResults,
    pub selection: &'a Selection<'a>,
}

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
            theme: &self.results.theme,
            label: &self.results.label,
            total_hits: self.results.total_hits,
            hits: self.lines(),
            built: BuiltJson::of(self.selection),
        }
    }

    fn lines(&self) -> Vec<ThemeHitJson<'_>> {
        self.results.hits.iter().map(ThemeHitJson::from).collect()
    }

    fn csv(&self) -> Csv {
        hits_csv(&self.results.hits, |h| &h.hit, &["matched_terms"], |h| vec![h.matched_terms.join("; ")])
    }

    fn table(&self, style: Style) -> String {
        let results = self.results;
        let note = built_note(self.selection);
        if results.hits.is_empty() {
            return format!("{note}No passage matches the theme {:?}.\n", results.label);
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
        let mut out = format!("{note}{table}\n");
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
    #[serde(flatten)]
    built: BuiltJson<'a>,
}

/// `praev theme NAME --by municipality`: municipalities ranked by theme strength.
pub struct RankingReport<'a> {
    pub ranking: &'a MunicipalityRanking,
    pub selection: &'a Selection<'a>,
}

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
        RankingJson {
            theme: &self.ranking.theme,
            label: &self.ranking.label,
            municipalities: self.lines(),
            built: BuiltJson::of(self.selection),
        }
    }

    fn lines(&self) -> Vec<MunicipalityJson<'_>> {
        self.ranking.municipalities.iter().map(MunicipalityJson::from).collect()
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
        for m in &self.ranking.municipalities {
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
        let ranking = self.ranking;
        let note = built_note(self.selection);
        if ranking.municipalities.is_empty() {
            return format!("{note}No municipality writes about the theme {:?}.\n", ranking.label);
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
        let mut out = format!("{note}{table}\n");
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
