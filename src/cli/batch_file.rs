//! The query file of `praev batch`: a header row naming the columns, then one query per row.
//!
//! Each column is one entry of [`COLUMNS`]: its name and how its cell sets a field of a
//! [`BatchQuery`]. The filter columns set the same [`PassageFilters`] the `search` and `theme`
//! flags fill, so a filter added there becomes a column with one entry here. A `.csv` file is
//! comma-separated with RFC 4180 quoting; any other file (`.tsv`, `.txt`, standard input) is
//! tab-separated without quoting, so a query may hold `"` freely.
//! Errors name the file and the line.

use std::path::Path;

use super::filters::{parse_date, parse_kind, PassageFilters, Sort};
use super::UsageError;

/// What a row asks: the command that answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchCommand {
    Search,
    Theme,
    Quotes,
}

impl BatchCommand {
    const ALL: [BatchCommand; 3] = [BatchCommand::Search, BatchCommand::Theme, BatchCommand::Quotes];

    pub fn name(self) -> &'static str {
        match self {
            BatchCommand::Search => "search",
            BatchCommand::Theme => "theme",
            BatchCommand::Quotes => "quotes",
        }
    }

    fn parse(value: &str) -> Result<BatchCommand, String> {
        let names: Vec<&str> = BatchCommand::ALL.iter().map(|c| c.name()).collect();
        BatchCommand::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(value))
            .ok_or_else(|| format!("unknown command {value:?} ({})", names.join(", ")))
    }
}

/// One row of the file.
#[derive(Debug)]
pub struct BatchQuery {
    /// The line of the file the row starts on, for messages.
    pub line: u64,
    pub qid: String,
    pub query: String,
    pub command: BatchCommand,
    pub filters: PassageFilters,
    /// `search --theme`.
    pub theme: Option<String>,
    /// `search --speaker`, `quotes --speaker`.
    pub speaker: Option<String>,
    /// `quotes --role`.
    pub role: Option<String>,
    /// Hits for this query; None: the `--limit` of `praev batch`, else the command's default.
    pub limit: Option<usize>,
    /// `--exact` of `search` and `quotes`.
    pub exact: bool,
    /// `--sort` of `search`, `theme` and `quotes`.
    pub sort: Sort,
}

impl BatchQuery {
    fn new(line: u64) -> BatchQuery {
        BatchQuery {
            line,
            qid: String::new(),
            query: String::new(),
            command: BatchCommand::Search,
            filters: PassageFilters::default(),
            theme: None,
            speaker: None,
            role: None,
            limit: None,
            exact: false,
            sort: Sort::Score,
        }
    }
}

/// Sets a field of a query from a non-empty cell, or says what is wrong with the cell.
type Setter = fn(&mut BatchQuery, &str) -> Result<(), String>;

/// A column: its name in the header, the commands it applies to, and its setter.
struct Column {
    name: &'static str,
    commands: &'static [BatchCommand],
    set: Setter,
}

use BatchCommand::{Quotes, Search, Theme};

/// Every column a file may have, in the order the README lists them.
const COLUMNS: &[Column] = &[
    Column {
        name: "qid",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.qid = v.into();
            Ok(())
        },
    },
    Column {
        name: "query",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.query = v.into();
            Ok(())
        },
    },
    Column {
        name: "command",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.command = BatchCommand::parse(v)?;
            Ok(())
        },
    },
    Column {
        name: "municipality",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.filters.municipality = list(v).map(String::from).collect();
            Ok(())
        },
    },
    Column {
        name: "kind",
        commands: &[Search, Theme],
        set: |q, v| {
            q.filters.kind = list(v).map(parse_kind).collect::<Result<_, _>>()?;
            Ok(())
        },
    },
    Column {
        name: "per_file",
        commands: &[Search, Theme],
        set: |q, v| {
            q.filters.per_file = number(v, 0)?;
            Ok(())
        },
    },
    Column {
        name: "theme",
        commands: &[Search],
        set: |q, v| {
            q.theme = Some(v.into());
            Ok(())
        },
    },
    Column {
        name: "speaker",
        commands: &[Search, Quotes],
        set: |q, v| {
            q.speaker = Some(v.into());
            Ok(())
        },
    },
    Column {
        name: "role",
        commands: &[Quotes],
        set: |q, v| {
            q.role = Some(v.into());
            Ok(())
        },
    },
    Column {
        name: "limit",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.limit = Some(number(v, 1)?);
            Ok(())
        },
    },
    Column {
        name: "exact",
        commands: &[Search, Quotes],
        set: |q, v| {
            q.exact = yes_no(v)?;
            Ok(())
        },
    },
    Column {
        name: "since",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.filters.dates.since = Some(parse_date(v)?);
            Ok(())
        },
    },
    Column {
        name: "until",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.filters.dates.until = Some(parse_date(v)?);
            Ok(())
        },
    },
    Column {
        name: "sort",
        commands: &[Search, Theme, Quotes],
        set: |q, v| {
            q.sort = <Sort as clap::ValueEnum>::from_str(v, true)
                .map_err(|_| format!("unknown order {v:?} (score, date)"))?;
            Ok(())
        },
    },
];

/// The column names, for messages and `--help`.
pub fn column_names() -> String {
    COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
}

/// Several values in one cell: separated by `;`.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(';').map(str::trim).filter(|v| !v.is_empty())
}

/// A whole number of at least `min` (and at most 10,000, as the commands' --limit).
fn number(value: &str, min: usize) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (min..=10_000).contains(&n) => Ok(n),
        _ => Err(format!("{value:?} is not a number from {min} to 10000")),
    }
}

fn yes_no(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" => Ok(false),
        _ => Err(format!("{value:?} is not true or false")),
    }
}

/// Reads the queries of `bytes`, the contents of the file `name` (`-`: standard input).
pub fn parse(name: &str, bytes: &[u8]) -> anyhow::Result<Vec<BatchQuery>> {
    let at = |line: u64, message: String| UsageError(format!("{name} line {line}: {message}"));
    let text = std::str::from_utf8(bytes)
        .map_err(|e| UsageError(format!("{name}: not UTF-8 text ({e})")))?
        .trim_start_matches('\u{feff}');
    let mut reader = reader_for(name, text);
    let header = reader.headers().map_err(|e| at(1, e.to_string()))?.clone();
    let columns = header_columns(&header).map_err(|message| at(1, message))?;
    let mut queries: Vec<BatchQuery> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| UsageError(format!("{name}: {e}")))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let query = row(&columns, &record).map_err(|message| at(line, message))?;
        if let Some(first) = queries.iter().find(|q| q.qid == query.qid) {
            return Err(
                at(line, format!("qid {:?} is already the qid of line {}", query.qid, first.line)).into()
            );
        }
        queries.push(query);
    }
    if queries.is_empty() {
        return Err(UsageError(format!("{name}: no queries (a header row, then one query per row)")).into());
    }
    Ok(queries)
}

/// A CSV reader for `.csv` files; else tab-separated without quoting.
fn reader_for<'t>(name: &str, text: &'t str) -> csv::Reader<&'t [u8]> {
    let is_csv = Path::new(name).extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut builder = csv::ReaderBuilder::new();
    builder.flexible(true);
    if !is_csv {
        builder.delimiter(b'\t').quoting(false);
    }
    builder.from_reader(text.as_bytes())
}

/// The column of each header cell; an unknown, repeated or missing required column is an
/// error.
fn header_columns(header: &csv::StringRecord) -> Result<Vec<&'static Column>, String> {
    let mut columns: Vec<&'static Column> = Vec::new();
    for name in header.iter().map(str::trim) {
        let column = COLUMNS
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| format!("unknown column {name:?} (columns: {})", column_names()))?;
        if columns.iter().any(|c| c.name == column.name) {
            return Err(format!("column {name:?} appears twice"));
        }
        columns.push(column);
    }
    for required in ["qid", "query"] {
        if !columns.iter().any(|c| c.name == required) {
            return Err(format!("the header has no column {required:?} (columns: {})", column_names()));
        }
    }
    Ok(columns)
}

/// The query of one row.
fn row(columns: &[&'static Column], record: &csv::StringRecord) -> Result<BatchQuery, String> {
    if record.len() > columns.len() {
        return Err(format!("{} cells, but the header names {} columns", record.len(), columns.len()));
    }
    let mut query = BatchQuery::new(record.position().map_or(0, |p| p.line()));
    // The command first: the other cells are checked against it.
    let cells: Vec<(&Column, &str)> = columns.iter().copied().zip(record.iter().map(str::trim)).collect();
    let mut ordered: Vec<&(&Column, &str)> = cells.iter().filter(|(c, _)| c.name == "command").collect();
    ordered.extend(cells.iter().filter(|(c, _)| c.name != "command"));
    for (column, value) in ordered {
        if value.is_empty() {
            continue;
        }
        if !column.commands.contains(&query.command) {
            return Err(format!("column {} does not apply to command {}", column.name, query.command.name()));
        }
        (column.set)(&mut query, value).map_err(|message| format!("{}: {message}", column.name))?;
    }
    if query.qid.is_empty() {
        return Err("no qid".into());
    }
    if query.query.is_empty() && query.command != BatchCommand::Quotes {
        return Err(format!("no query (only a {} row may go without one)", BatchCommand::Quotes.name()));
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(name: &str, text: &str) -> String {
        parse(name, text.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn a_tsv_row_sets_command_filters_and_limits() {
        let text = "qid\tquery\tcommand\tmunicipality\tkind\tlimit\texact\n\
                    q1\t\"Frühe Hilfen\" Kita\t\tsteinfurt; Düren\tpress;quote\t5\tyes\n\
                    \t\t\t\t\t\t\n\
                    q2\tLandrat\tquotes\t\t\t\t\n";
        let queries = parse("queries.tsv", text.as_bytes()).unwrap();
        assert_eq!(queries.len(), 2, "the blank row is skipped");
        let q1 = &queries[0];
        assert_eq!(
            (q1.qid.as_str(), q1.query.as_str()),
            ("q1", "\"Frühe Hilfen\" Kita"),
            "no quoting in TSV"
        );
        assert_eq!(q1.command, BatchCommand::Search);
        assert_eq!(q1.filters.municipality, ["steinfurt", "Düren"]);
        assert_eq!(q1.filters.kind.len(), 2);
        assert_eq!((q1.limit, q1.exact), (Some(5), true));
        assert_eq!((queries[1].command, queries[1].line), (BatchCommand::Quotes, 4));
    }

    #[test]
    fn a_csv_file_is_read_with_quoting() {
        let text = "qid,query\nq1,\"\"\"Frühe Hilfen\"\", Kita\"\n";
        let queries = parse("queries.csv", text.as_bytes()).unwrap();
        assert_eq!(queries[0].query, "\"Frühe Hilfen\", Kita");
    }

    #[test]
    fn errors_name_the_file_and_the_line() {
        let cases = [
            ("qid\tquery\tsorting\n", "q.tsv line 1: unknown column \"sorting\""),
            ("qid\tcommand\nq1\tsearch\n", "q.tsv line 1: the header has no column \"query\""),
            ("qid\tquery\tcommand\nq1\tKita\tserch\n", "q.tsv line 2: command: unknown command \"serch\""),
            ("qid\tquery\tlimit\nq1\tKita\t0\n", "q.tsv line 2: limit: \"0\" is not a number"),
            ("qid\tquery\tkind\nq1\tKita\tblog\n", "q.tsv line 2: kind: unknown kind \"blog\""),
            (
                "qid\tquery\tcommand\trole\nq1\tKita\tsearch\tLandrat\n",
                "q.tsv line 2: column role does not apply to command search",
            ),
            ("qid\tquery\nq1\tKita\nq1\tSchule\n", "q.tsv line 3: qid \"q1\" is already the qid of line 2"),
            ("qid\tquery\n\tKita\n", "q.tsv line 2: no qid"),
            ("qid\tquery\nq1\t\n", "q.tsv line 2: no query"),
            ("qid\tquery\nq1\tKita\tzu viel\n", "q.tsv line 2: 3 cells, but the header names 2 columns"),
            ("qid\tquery\n", "q.tsv: no queries"),
            ("qid,query\nq1,Kita\n", "q.tsv line 1: unknown column \"qid,query\""),
        ];
        for (text, expected) in cases {
            let message = error("q.tsv", text);
            assert!(message.starts_with(expected), "{text:?}: {message}");
        }
    }

    #[test]
    fn a_quotes_row_needs_no_query() {
        let queries = parse("-", b"qid\tcommand\tquery\trole\nq1\tquotes\t\tLandrat\n").unwrap();
        assert_eq!(queries[0].role.as_deref(), Some("Landrat"));
    }
}
