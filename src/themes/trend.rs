//! A theme over time: its strength and matching passages per year of the documents' dates,
//! for the whole corpus or one series per municipality (`praev trend`).
//!
//! A year's strength is the measure of a municipality's strength in the matrix, applied to
//! the passages of documents dated in that year: the mean score of the year's best
//! [`STRENGTH_PASSAGES`](super::rank::STRENGTH_PASSAGES) passages, so that a year with one
//! strong passage does not lead, and a year with many documents does not win by volume. A
//! document's year is the year of its date at whatever precision it is known (`2019-05` and
//! `2019` both count for 2019). Passages of undated documents belong to no year; they are
//! counted apart. Years between the first and the last with a match are listed with strength
//! 0, so a chart shows the gaps.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::rank::{municipality_strength, score_all, CompiledTheme, ThemeRequest};
use super::Theme;
use crate::error::Result;
use crate::index::PraevIndex;
use crate::ingest::metadata::DatePeriod;
use crate::query::hits::stored_str;

/// One year of one series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearPoint {
    pub year: u32,
    pub strength: f32,
    /// How many passages of documents dated in the year the theme matches.
    pub passages: usize,
}

/// The years of the whole corpus (no municipality) or of one municipality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub municipality: Option<String>,
    pub points: Vec<YearPoint>,
}

/// A theme's strength year by year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub theme: String,
    pub label: String,
    /// Every series has one point per year of this list.
    pub years: Vec<u32>,
    pub series: Vec<Series>,
    /// Matching passages of documents without a date (in no year).
    pub undated_passages: usize,
}

/// The series of a theme: one for the corpus, or with `by_municipality` one per municipality
/// (passages of no municipality left out), the `limit` strongest over all years first.
pub fn trend(
    index: &PraevIndex,
    theme: &Theme,
    request: &ThemeRequest,
    by_municipality: bool,
) -> Result<Trend> {
    let compiled = CompiledTheme::new(&index.analyzer, &index.analysis.question_frames, theme);
    let fields = &index.fields;
    // Series → year → scores, best first (score_all returns them best first).
    let mut scores: HashMap<Option<String>, BTreeMap<u32, Vec<f32>>> = HashMap::new();
    let mut totals: HashMap<Option<String>, Vec<f32>> = HashMap::new();
    let mut undated_passages = 0;
    for scored in score_all(index, &compiled, request)? {
        let series = if by_municipality {
            let Some(municipality) = stored_str(&scored.doc, fields.municipality) else { continue };
            Some(municipality)
        } else {
            None
        };
        let year = stored_str(&scored.doc, fields.date).and_then(|date| DatePeriod::parse(&date).ok());
        let Some(year) = year.map(|period| period.year()) else {
            undated_passages += 1;
            continue;
        };
        totals.entry(series.clone()).or_default().push(scored.score);
        scores.entry(series).or_default().entry(year).or_default().push(scored.score);
    }
    let first = scores.values().filter_map(|years| years.keys().next()).min().copied();
    let last = scores.values().filter_map(|years| years.keys().next_back()).max().copied();
    let years: Vec<u32> = match (first, last) {
        (Some(first), Some(last)) => (first..=last).collect(),
        _ => Vec::new(),
    };
    let mut series: Vec<Series> = scores
        .into_iter()
        .map(|(municipality, by_year)| Series {
            points: years
                .iter()
                .map(|year| {
                    let scores = by_year.get(year).map(Vec::as_slice).unwrap_or_default();
                    YearPoint { year: *year, strength: municipality_strength(scores), passages: scores.len() }
                })
                .collect(),
            municipality,
        })
        .collect();
    let overall = |s: &Series| {
        municipality_strength(totals.get(&s.municipality).map(Vec::as_slice).unwrap_or_default())
    };
    series
        .sort_by(|a, b| overall(b).total_cmp(&overall(a)).then_with(|| a.municipality.cmp(&b.municipality)));
    series.truncate(request.limit.max(1));
    Ok(Trend { theme: theme.id.clone(), label: theme.label.clone(), years, series, undated_passages })
}
