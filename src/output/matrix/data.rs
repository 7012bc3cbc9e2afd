//! The matrix for programs: a wide CSV (one row per theme, one column per municipality) and
//! JSON (themes, municipalities and every cell, numbers rounded to four decimals).

use serde::Serialize;

use crate::output::{number, Csv};
use crate::themes::matrix::ThemeMatrix;

/// Wide CSV: `theme,label,<municipality>…`, one row per theme, strengths with 3 decimals.
pub(super) fn csv(matrix: &ThemeMatrix) -> Csv {
    let mut csv = Csv::new(
        ["theme".to_string(), "label".to_string()].into_iter().chain(matrix.municipalities.iter().cloned()),
    );
    for (t, theme) in matrix.themes.iter().enumerate() {
        let strengths =
            (0..matrix.municipalities.len()).map(|m| number::fixed(f64::from(matrix.cell(t, m).strength), 3));
        csv.push([theme.id.clone(), theme.label.clone()].into_iter().chain(strengths));
    }
    csv
}

/// A theme (a row) as written to JSON.
#[derive(Serialize)]
pub struct JsonTheme<'a> {
    id: &'a str,
    label: &'a str,
}

/// A cell as written to JSON: the numbers rounded to 4 decimals.
#[derive(Serialize)]
pub struct JsonCell<'a> {
    theme: &'a str,
    municipality: &'a str,
    strength: f64,
    relative: f64,
    passages: usize,
    /// Added later: the documents the matching passages are in.
    documents: usize,
}

#[derive(Serialize)]
pub struct JsonMatrix<'a> {
    themes: Vec<JsonTheme<'a>>,
    municipalities: &'a [String],
    cells: Vec<JsonCell<'a>>,
}

/// A number rounded to 4 decimals for JSON (0 for a non-finite one, never negative zero).
pub(crate) fn round4(x: f32) -> f64 {
    if x.is_finite() {
        number::positive_zero((f64::from(x) * 10_000.0).round() / 10_000.0)
    } else {
        0.0
    }
}

pub(super) fn json(matrix: &ThemeMatrix) -> JsonMatrix<'_> {
    let themes = matrix.themes.iter().map(|t| JsonTheme { id: &t.id, label: &t.label }).collect();
    JsonMatrix { themes, municipalities: &matrix.municipalities, cells: cells(matrix) }
}

/// Every cell, row by row: the lines of `--format jsonl`.
pub(super) fn cells(matrix: &ThemeMatrix) -> Vec<JsonCell<'_>> {
    matrix
        .cells
        .iter()
        .map(|c| JsonCell {
            theme: &c.theme,
            municipality: &c.municipality,
            strength: round4(c.strength),
            relative: round4(c.relative),
            passages: c.passages,
            documents: c.documents,
        })
        .collect()
}
