//! The argument groups commands share, flattened into each command's arguments: the index to
//! open ([`IndexArg`]) and where and how to print results ([`OutputArgs`], checked into a
//! [`Destination`] before the command does its work, so a bad --output fails fast).
//!
//! Each command that lists results says what its formats print with
//! `#[command(mut_arg("format", |a| a.help(…)))]`, so `--help` describes that command's output
//! and not another's.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, ValueEnum};

use praev::index::PraevIndex;
use praev::output::{self, Format, Report, Style};

use super::progress::IndexProgress;
use super::UsageError;

/// `--index IDX`: the index a query command reads.
#[derive(Debug, Args)]
pub struct IndexArg {
    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,
}

impl IndexArg {
    /// Opens `--index`/`PRAEV_INDEX`, else the bundled corpus's index (built on first use).
    pub fn open(&self) -> anyhow::Result<PraevIndex> {
        let path = match &self.index {
            Some(path) => path.clone(),
            None => {
                let progress = IndexProgress::new("default index of the bundled corpus (first use)");
                let path = praev::bundled::ensure_index(&progress)?;
                progress.finish();
                path
            }
        };
        super::panic::note_index(&path);
        let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
        super::verbosity::detail(&format!(
            "index: {} ({} documents, format {})",
            path.display(),
            index.meta.documents,
            index.meta.format_version
        ));
        Ok(index)
    }
}

/// `--format`, `--output` and `--table-width`: how a command prints what it found.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format (default: table, or what the extension of the --output file names).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = listing_formats())]
    pub format: Option<Format>,

    /// Write to FILE instead of stdout. Without --format, the extension picks the format:
    /// .json, .jsonl, .csv, .txt (a table); for `matrix` also .html and .svg.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Fit tables to N columns (default: the terminal's width; when piped or written to a file,
    /// $COLUMNS, else 120).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=10_000))]
    pub table_width: Option<u16>,
}

/// The values `--format` takes for commands that list results: table, json, jsonl, csv.
fn listing_formats() -> impl TypedValueParser<Value = Format> {
    formats_parser(output::LISTING)
}

/// `--format` for `praev search` and `praev quotes`, which also write citations.
pub fn citing_formats() -> impl TypedValueParser<Value = Format> {
    formats_parser(output::CITING)
}

/// `--format` for `praev matrix`, which also draws html and svg heatmaps.
pub fn picture_formats() -> impl TypedValueParser<Value = Format> {
    formats_parser(output::PICTURES)
}

/// `--format` for `praev trend`, which also draws an svg line chart.
pub fn chart_formats() -> impl TypedValueParser<Value = Format> {
    formats_parser(output::CHART)
}

fn formats_parser(formats: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    let values = formats.iter().filter_map(|f| f.to_possible_value());
    PossibleValuesParser::new(values).map(|name| Format::from_str(&name, true).expect("a listed format"))
}

impl OutputArgs {
    /// Checks the format against those the command takes (`formats`): --format, else the
    /// --output file's extension, else table. A usage error names the file whose extension is
    /// unknown or not a format of the command.
    pub fn format(&self, formats: &[Format]) -> anyhow::Result<Format> {
        if let Some(format) = self.format {
            return Ok(format);
        }
        let Some(file) = &self.output else { return Ok(Format::Table) };
        match Format::from_extension(file) {
            Some(format) if formats.contains(&format) => Ok(format),
            _ => {
                let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
                Err(UsageError(format!(
                    "--output {}: cannot tell the format from the extension; use {} or pass --format ({})",
                    file.display(),
                    extensions(formats),
                    names.join(", ")
                ))
                .into())
            }
        }
    }

    /// Checks the format (see [`OutputArgs::format`]) before the command does its work; the
    /// destination then prints the command's report.
    pub fn destination(&self, formats: &[Format]) -> anyhow::Result<Destination> {
        Ok(Destination {
            format: self.format(formats)?,
            file: self.output.clone(),
            table_width: self.table_width,
        })
    }
}

/// Where and how a command prints its report: checked [`OutputArgs`].
#[derive(Debug)]
pub struct Destination {
    format: Format,
    file: Option<PathBuf>,
    table_width: Option<u16>,
}

impl Destination {
    /// The checked format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// A writer to stdout or the --output file, and the style of tables there, for commands
    /// that write their results as they come; call [`Destination::finish`] when done.
    pub fn writer(&self) -> anyhow::Result<(Box<dyn Write>, Style)> {
        match &self.file {
            None => Ok((Box::new(BufWriter::new(std::io::stdout())), self.stdout_style())),
            Some(file) => {
                let created = File::create(file)
                    .map_err(|e| UsageError(format!("cannot write {}: {e}", file.display())))?;
                let style = Style { color: false, width: self.table_width.unwrap_or_else(piped_width) };
                Ok((Box::new(BufWriter::new(created)), style))
            }
        }
    }

    /// Flushes what [`Destination::writer`] gave and says where a file was written.
    pub fn finish(&self, mut out: Box<dyn Write>) -> anyhow::Result<()> {
        match &self.file {
            None => out.flush()?,
            Some(file) => {
                out.flush().with_context(|| format!("writing {}", file.display()))?;
                if super::verbosity::normal() {
                    eprintln!("wrote {}", file.display());
                }
            }
        }
        Ok(())
    }

    /// Emits `report` to stdout or the --output file.
    pub fn emit<R: Report + ?Sized>(&self, report: &R) -> anyhow::Result<()> {
        match &self.file {
            None => {
                let stdout = std::io::stdout();
                let mut out = stdout.lock();
                output::emit(report, self.format, &mut out, self.stdout_style())?;
                out.flush()?;
            }
            Some(file) => self.emit_to_file(report, file)?,
        }
        Ok(())
    }

    fn emit_to_file<R: Report + ?Sized>(&self, report: &R, file: &Path) -> anyhow::Result<()> {
        let created =
            File::create(file).map_err(|e| UsageError(format!("cannot write {}: {e}", file.display())))?;
        let mut out = BufWriter::new(created);
        let style = Style { color: false, width: self.table_width.unwrap_or_else(piped_width) };
        output::emit(report, self.format, &mut out, style)
            .and_then(|()| out.flush())
            .with_context(|| format!("writing {}", file.display()))?;
        if super::verbosity::normal() {
            eprintln!("wrote {}", file.display());
        }
        Ok(())
    }

    /// Colour and width for stdout: colour only on a terminal without `NO_COLOR`; the width of
    /// --table-width, else of the terminal, else $COLUMNS, else 120.
    fn stdout_style(&self) -> Style {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let width = self
            .table_width
            .or_else(|| if tty { output::table::terminal_width() } else { None })
            .unwrap_or_else(piped_width);
        Style { color: tty && !no_color, width }
    }
}

/// The width of tables that do not go to a terminal: `$COLUMNS` when it is a number, else 120.
fn piped_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<u16>().ok())
        .filter(|&columns| columns >= 20)
        .unwrap_or(output::DEFAULT_WIDTH)
}

fn extensions(formats: &[Format]) -> String {
    let mut names = vec![".txt"];
    for format in formats {
        names.push(match format {
            Format::Table => continue,
            Format::Json => ".json",
            Format::Jsonl => ".jsonl",
            Format::Csv => ".csv",
            Format::Html => ".html",
            Format::Svg => ".svg",
            Format::Bibtex => ".bib",
            Format::Ris => ".ris",
            Format::Csl => continue,
        });
    }
    names.join(", ")
}

/// The help of a command's `--format`: what each format prints, then the default.
pub fn format_help(what: &str) -> String {
    format!("{what}. Default: table, or what the extension of the --output file names")
}
