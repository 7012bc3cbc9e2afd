//! `praev export`: every passage of the index with its metadata, as CSV or JSON lines, for
//! analysis in R, pandas, a spreadsheet. Passages are written one at a time as they are read,
//! so an index of any size exports in little memory.

use std::io::Write;

use clap::Args;

use super::args::{IndexArg, OutputArgs};
use super::UsageError;
use praev::output::export::{record, PassageJson, HEADER};
use praev::output::{csv_io_error, Format};

/// What `--format` prints.
const FORMAT_HELP: &str = "csv: a header row, then one row per passage: file, passage, \
municipality, kind, section, date, text, speaker, role, title, url, district, quote, truncated, \
reported, page; jsonl: one object per passage with the same fields. Default: csv, or what the \
extension of the --output file names";

/// Write every passage of the index with its document's metadata (CSV or JSON lines), for
/// analysis elsewhere. Passages come in the index's order, each file's passages in their order.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(FORMAT_HELP)))]
pub struct ExportArgs {
    #[command(flatten)]
    pub index: IndexArg,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    let format = match (args.output.format, &args.output.output) {
        (None, None) => Format::Csv,
        _ => args.output.format(&[Format::Csv, Format::Jsonl])?,
    };
    if !matches!(format, Format::Csv | Format::Jsonl) {
        return Err(UsageError(format!("export writes csv or jsonl, not {}", format.name())).into());
    }
    let destination = args.output.destination(&[Format::Csv, Format::Jsonl])?;
    let index = args.index.open()?;
    let (mut out, _) = destination.writer()?;
    let mut passages = 0_u64;
    match format {
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(HEADER).map_err(csv_io_error)?;
            praev::query::hits::for_each_passage(&index, |hit| -> anyhow::Result<()> {
                passages += 1;
                Ok(csv.write_record(record(&hit)).map_err(csv_io_error)?)
            })?;
            csv.flush()?;
        }
        _ => {
            praev::query::hits::for_each_passage(&index, |hit| -> anyhow::Result<()> {
                passages += 1;
                serde_json::to_writer(&mut out, &PassageJson::from(&hit))?;
                Ok(out.write_all(b"\n")?)
            })?;
        }
    }
    super::verbosity::detail(&format!("passages: {passages}"));
    destination.finish(out)
}
