//! The tab-separated files of a dataset, read the way `eval.py` (`common/runio.py`) reads them.
//!
//! A header line names the columns; cells are separated by tabs, with no quoting; cells are
//! trimmed; blank lines are skipped; a row with fewer cells than the header is padded with
//! empty cells (a trailing empty cell may have lost its tab), one with more is an error.
//! Lines are counted as Python's `str.splitlines` counts them, so the line numbers in errors
//! are the ones `eval.py` reports. What the columns mean is [`super::dataset`]'s business.

use std::collections::HashMap;
use std::path::Path;

use super::fold::is_python_space;
use crate::error::{Error, LineError, Result};

/// One data row: its 1-based line number and its cells by column name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    cells: HashMap<String, String>,
}

impl Row {
    /// The cell of `column`, empty when the file has no such column.
    pub fn get(&self, column: &str) -> &str {
        self.cells.get(column).map(String::as_str).unwrap_or("")
    }
}

/// Parses `text` (the contents of `path`), requiring the `required` columns in its header.
pub fn parse(path: &Path, text: &str, required: &[&str]) -> Result<Vec<Row>> {
    let lines = split_lines(text);
    let Some(first) = lines.first() else {
        return Err(line_error(path, 1, "the file is empty; it needs a header line"));
    };
    let header: Vec<String> = first.trim_start_matches('\u{FEFF}').split('\t').map(trim).collect();
    let missing: Vec<&str> = required.iter().copied().filter(|c| !header.iter().any(|h| h == c)).collect();
    if !missing.is_empty() {
        let message =
            format!("the header lacks column(s) {}; it has {}", missing.join(", "), header.join(", "));
        return Err(line_error(path, 1, message));
    }
    let mut rows = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(1) {
        if line.chars().all(is_python_space) {
            continue;
        }
        rows.push(parse_row(path, index + 1, line, &header)?);
    }
    Ok(rows)
}

fn parse_row(path: &Path, line_no: usize, line: &str, header: &[String]) -> Result<Row> {
    let cells: Vec<&str> = line.split('\t').collect();
    if cells.len() > header.len() {
        let message = format!("{} cells, the header has {}", cells.len(), header.len());
        return Err(line_error(path, line_no, message));
    }
    let cells = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.clone(), cells.get(i).map(|c| trim(c)).unwrap_or_default()))
        .collect();
    Ok(Row { line: line_no, cells })
}

pub(crate) fn line_error(path: &Path, line: usize, message: impl Into<String>) -> Error {
    Error::Config { path: path.to_path_buf(), source: LineError::new(line, message) }
}

fn trim(cell: &str) -> String {
    cell.trim_matches(is_python_space).to_string()
}

/// Python's `str.splitlines()`: lines end at `\n`, `\r\n`, `\r`, and the rarer separators
/// (VT, FF, FS, GS, RS, NEL, LS, PS); no empty last line after a final line break.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        lines.push(&text[start..i]);
        start = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
            start += 1;
        }
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Row> {
        parse(Path::new("x.tsv"), text, &["a", "b"]).unwrap()
    }

    #[test]
    fn splits_lines_like_python() {
        assert_eq!(split_lines("a\r\nb\rc\nd\u{2028}e\n"), vec!["a", "b", "c", "d", "e"]);
        assert_eq!(split_lines("a\n\nb"), vec!["a", "", "b"]);
        assert_eq!(split_lines(""), Vec::<&str>::new());
    }

    #[test]
    fn reads_cells_by_header_trimmed_and_padded() {
        let rows = rows("\u{FEFF}a\tb\tc\n x \t y\n\n  \n1\t2\t3\n");
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].get("a"), rows[0].get("b"), rows[0].get("c")), (2, "x", "y", ""));
        assert_eq!((rows[1].line, rows[1].get("c")), (5, "3"));
        assert_eq!(rows[1].get("no such column"), "");
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            ("", 1, "empty"),
            ("a\tc\n", 1, "lacks column(s) b"),
            ("a\tb\n1\t2\n\n1\t2\t3\n", 4, "3 cells, the header has 2"),
        ];
        for (text, line, words) in cases {
            let err = parse(Path::new("d/x.tsv"), text, &["a", "b"]).unwrap_err();
            let Error::Config { path, source } = &err else { panic!("{text:?}: not a line error: {err}") };
            assert_eq!(path, Path::new("d/x.tsv"));
            assert_eq!(source.line, line, "{text:?}: wrong line in {err}");
            assert!(err.to_string().contains(words), "{text:?}: {err}");
            assert!(err.to_string().starts_with(&format!("d/x.tsv: line {line}: ")), "{err}");
        }
    }
}
