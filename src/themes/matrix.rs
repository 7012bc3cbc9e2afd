//! The theme × municipality strength matrix: one theme query per theme, grouped by municipality.
//!
//! A cell's strength is [`super::rank::municipality_strength`] of the municipality's passages,
//! so the matrix and `praev theme NAME --by municipality` agree; `relative` scales each cell
//! by the strongest cell of the matrix, for colouring.

use serde::Serialize;

/// A theme as a matrix row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixTheme {
    pub id: String,
    pub label: String,
}

/// One cell: how strongly one municipality writes about one theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixCell {
    /// The theme's id.
    pub theme: String,
    pub municipality: String,
    /// Theme strength (see the README; the scale of `theme --by municipality`), 0 when no
    /// passage matches.
    pub strength: f32,
    /// `strength` divided by the strongest cell of the matrix: 0 to 1.
    pub relative: f32,
    /// How many of the municipality's passages match the theme.
    pub passages: usize,
    /// How many documents those passages are in.
    pub documents: usize,
}

/// Rows are themes, columns municipalities; `cells` holds every pair, row by row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeMatrix {
    pub themes: Vec<MatrixTheme>,
    pub municipalities: Vec<String>,
    pub cells: Vec<MatrixCell>,
}

impl ThemeMatrix {
    /// The cell of theme row `t` and municipality column `m`.
    pub fn cell(&self, t: usize, m: usize) -> &MatrixCell {
        &self.cells[t * self.municipalities.len() + m]
    }
}
