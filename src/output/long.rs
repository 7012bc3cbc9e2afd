//! Theme strengths in long (tidy) form: one row per (theme, municipality) with the columns
//! `theme, municipality, strength, passages, documents`, then `label` (and `side` for
//! `compare`). The shape that R, pandas and spreadsheets' pivot tables read without reshaping;
//! `praev matrix --long` and `praev compare --long` print it.

use serde::Serialize;

use super::matrix::round4;
use super::table::new_table;
use super::{number, Csv, Report, Style};
use crate::themes::matrix::ThemeMatrix;
use crate::wording::compare::Comparison;

/// The leading columns, the same for `matrix` and `compare`.
pub const COLUMNS: [&str; 5] = ["theme", "municipality", "strength", "passages", "documents"];

/// One (theme, municipality) row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LongRow {
    pub theme: String,
    /// The municipality, or for a `compare` side that is a document, its file.
    pub municipality: String,
    #[serde(serialize_with = "round4_json")]
    pub strength: f32,
    pub passages: usize,
    pub documents: usize,
    pub label: String,
    /// `a` or `b` for the sides of `compare`; not written for `matrix`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<&'static str>,
}

fn round4_json<S: serde::Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(round4(*value))
}

/// The matrix's cells, row by row (theme by theme, municipalities in column order).
pub fn matrix_rows(matrix: &ThemeMatrix) -> Vec<LongRow> {
    let labels =
        |id: &str| matrix.themes.iter().find(|t| t.id == id).map(|t| t.label.clone()).unwrap_or_default();
    matrix
        .cells
        .iter()
        .map(|c| LongRow {
            theme: c.theme.clone(),
            municipality: c.municipality.clone(),
            strength: c.strength,
            passages: c.passages,
            documents: c.documents,
            label: labels(&c.theme),
            side: None,
        })
        .collect()
}

/// The theme rows of a comparison: per theme, side A's row, then side B's.
pub fn comparison_rows(comparison: &Comparison) -> Vec<LongRow> {
    let mut rows = Vec::with_capacity(comparison.themes.len() * 2);
    for theme in &comparison.themes {
        for (i, (side, name, strength)) in
            [("a", &comparison.a.name, theme.a), ("b", &comparison.b.name, theme.b)].into_iter().enumerate()
        {
            rows.push(LongRow {
                theme: theme.theme.clone(),
                municipality: name.clone(),
                strength,
                passages: theme.passages[i],
                documents: theme.documents[i],
                label: theme.label.clone(),
                side: Some(side),
            });
        }
    }
    rows
}

/// Rows in long form in every format of `matrix` and `compare` but the heatmaps.
pub struct LongReport(pub Vec<LongRow>);

impl LongReport {
    fn sided(&self) -> bool {
        self.0.iter().any(|r| r.side.is_some())
    }

    fn header(&self) -> Vec<&'static str> {
        let mut header = COLUMNS.to_vec();
        header.push("label");
        if self.sided() {
            header.push("side");
        }
        header
    }
}

impl Report for LongReport {
    type Document<'a> = &'a [LongRow];
    type Line<'a> = &'a LongRow;

    fn document(&self) -> &[LongRow] {
        &self.0
    }

    fn lines(&self) -> Vec<&LongRow> {
        self.0.iter().collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(self.header());
        for row in &self.0 {
            let mut cells = vec![
                row.theme.clone(),
                row.municipality.clone(),
                number::fixed(f64::from(row.strength), 3),
                row.passages.to_string(),
                row.documents.to_string(),
                row.label.clone(),
            ];
            cells.extend(row.side.map(String::from));
            csv.push(cells);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        let mut table = new_table(style, self.header());
        for row in &self.0 {
            let mut cells = vec![
                row.theme.clone(),
                row.municipality.clone(),
                number::fixed(f64::from(row.strength), 2),
                row.passages.to_string(),
                row.documents.to_string(),
                row.label.clone(),
            ];
            cells.extend(row.side.map(String::from));
            table.add_row(cells);
        }
        format!("{table}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{emit, Format};
    use crate::themes::matrix::{MatrixCell, MatrixTheme};

    fn matrix() -> ThemeMatrix {
        let cell = |m: &str, strength: f32, passages: usize, documents: usize| MatrixCell {
            theme: "uebergaenge".into(),
            municipality: m.into(),
            strength,
            relative: strength / 2.5,
            passages,
            documents,
        };
        ThemeMatrix {
            themes: vec![MatrixTheme { id: "uebergaenge".into(), label: "Übergänge".into() }],
            municipalities: vec!["Kreis Düren".into(), "Velbert, Stadt".into()],
            cells: vec![cell("Kreis Düren", 2.5, 4, 2), cell("Velbert, Stadt", 0.0, 0, 0)],
        }
    }

    fn render(report: &LongReport, format: Format) -> String {
        let mut out = Vec::new();
        emit(report, format, &mut out, Style::PLAIN).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_has_one_row_per_theme_and_municipality() {
        let csv = render(&LongReport(matrix_rows(&matrix())), Format::Csv);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "theme,municipality,strength,passages,documents,label");
        assert_eq!(lines[1], "uebergaenge,Kreis Düren,2.500,4,2,Übergänge");
        assert_eq!(lines[2], "uebergaenge,\"Velbert, Stadt\",0.000,0,0,Übergänge");
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn json_is_an_array_of_rows_in_column_order() {
        let json = render(&LongReport(matrix_rows(&matrix())), Format::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let columns = ["theme", "municipality", "strength", "passages", "documents", "label"];
        assert_eq!(value[0].as_object().unwrap().len(), columns.len(), "no side for the matrix");
        let positions: Vec<Option<usize>> = columns.iter().map(|k| json.find(&format!("\"{k}\":"))).collect();
        assert!(positions.windows(2).all(|w| w[0].is_some() && w[0] < w[1]), "{json}");
        assert_eq!(value[0]["strength"], 2.5);
        let jsonl = render(&LongReport(matrix_rows(&matrix())), Format::Jsonl);
        assert_eq!(jsonl.lines().count(), 2);
    }
}
