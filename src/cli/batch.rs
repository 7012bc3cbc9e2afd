//! `praev batch FILE`: a file of queries answered in one process, with the index opened once.
//!
//! The whole file is read and checked first (columns, commands, municipalities, themes), so a
//! bad row fails before any answer is printed; then each query runs in turn. CSV and JSON lines
//! are written as each answer comes; the JSON document and the table once all are in.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use super::batch_file::{self, BatchCommand, BatchQuery};
use super::progress::QueryProgress;
use super::UsageError;
use praev::index::PraevIndex;
use praev::output::batch::{self, BatchAnswer, BatchReport};
use praev::output::{self, csv_io_error, Format, Style};
use praev::query::quotes::{find_quotes, QuoteRequest};
use praev::query::{self, SearchRequest, SearchResults};
use praev::themes::rank::{self, ThemeRequest};
use praev::themes::{free_text, Themes};

/// What `--format` prints.
const FORMAT_HELP: &str = "csv: one row per (query, rank): qid, query, command, rank, then the \
columns of a search hit; jsonl: that row as one object per line; json: {queries: [{qid, query, \
command, total_hits, hits}]}; table: each query's table under a `qid: query` line";

/// Answer a file of queries in one process: one row per (query, rank) with the query's id.
///
/// FILE (`-`: standard input) has a header row, then one query per row. Columns: qid and query
/// (required), command (search, theme or quotes; default search), municipality and kind
/// (several separated by `;`), per_file, theme (search), speaker (search, quotes), role
/// (quotes), limit, exact (true/false); an empty cell keeps the default. A `.csv` file is
/// comma-separated with RFC 4180 quoting, any other tab-separated without quoting.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct BatchArgs {
    /// The file of queries (`.tsv` or `.csv`; `-`: standard input, tab-separated).
    pub file: PathBuf,

    #[command(flatten)]
    pub index: IndexArg,

    /// Hits per query where the file's limit column does not say (default: the command's, 10
    /// for search and theme, 20 for quotes).
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: Option<u64>,

    /// Read the themes for theme rows and the theme column from this file instead of the
    /// index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: BatchArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let name = args.file.display().to_string();
    let queries = batch_file::parse(&name, &read(&args.file)?)?;
    let index = args.index.open()?;
    let themes = match queries.iter().any(|q| q.theme.is_some() || q.command == BatchCommand::Theme) {
        true => Some(super::themes::load(&index, args.themes_file.as_deref())?),
        false => None,
    };
    let default_limit = args.limit.map(|n| n as usize);
    let requests: Vec<Request> = queries
        .iter()
        .map(|q| {
            Request::new(&index, themes.as_ref(), q, default_limit)
                .map_err(|e| UsageError(format!("{name} line {}: {e:#}", q.line)).into())
        })
        .collect::<anyhow::Result<_>>()?;
    let progress = QueryProgress::new(requests.len());
    let (out, style) = destination.writer()?;
    let mut sink = Sink::new(destination.format(), out)?;
    for (query, request) in queries.iter().zip(&requests) {
        let results =
            request.answer(&index).with_context(|| format!("{name} line {}: {}", query.line, query.qid))?;
        let answer = BatchAnswer {
            qid: query.qid.clone(),
            query: query.query.clone(),
            command: query.command.name(),
            results,
        };
        if let Some(note) = &answer.results.note {
            progress.suspend(|| super::verbosity::note(&format!("{}: {note}", answer.qid)));
        }
        sink.push(answer)?;
        progress.query_done();
    }
    progress.finish();
    destination.finish(sink.close(destination.format(), style)?)
}

/// Where answers go: CSV rows and JSON lines straight to the output as each query is answered;
/// the JSON document and the table once all are in.
enum Sink {
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Lines(Box<dyn Write>),
    Collect(Box<dyn Write>, Vec<BatchAnswer>),
}

impl Sink {
    fn new(format: Format, out: Box<dyn Write>) -> anyhow::Result<Sink> {
        Ok(match format {
            Format::Csv => {
                let mut csv = csv::Writer::from_writer(out);
                csv.write_record(batch::csv_header()).map_err(csv_io_error)?;
                Sink::Csv(Box::new(csv))
            }
            Format::Jsonl => Sink::Lines(out),
            _ => Sink::Collect(out, Vec::new()),
        })
    }

    fn push(&mut self, answer: BatchAnswer) -> anyhow::Result<()> {
        match self {
            Sink::Csv(csv) => {
                for row in batch::csv_rows(&answer) {
                    csv.write_record(&row).map_err(csv_io_error)?;
                }
            }
            Sink::Lines(out) => {
                for row in batch::json_rows(&answer) {
                    serde_json::to_writer(&mut *out, &row)?;
                    out.write_all(b"\n")?;
                }
            }
            Sink::Collect(_, answers) => answers.push(answer),
        }
        Ok(())
    }

    /// Writes what was collected and gives the output back.
    fn close(self, format: Format, style: Style) -> anyhow::Result<Box<dyn Write>> {
        Ok(match self {
            Sink::Csv(csv) => csv.into_inner().map_err(|e| e.into_error())?,
            Sink::Lines(out) => out,
            Sink::Collect(mut out, answers) => {
                output::emit(&BatchReport(&answers), format, &mut out, style)?;
                out
            }
        })
    }
}

/// The bytes of the query file or of standard input.
fn read(file: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
    } else {
        bytes =
            std::fs::read(file).map_err(|e| UsageError(format!("cannot read {}: {e}", file.display())))?;
    }
    Ok(bytes)
}

/// A row turned into the request of its command, checked against the index.
enum Request<'t> {
    Search(SearchRequest),
    Theme { selection: free_text::Selection<'t>, request: ThemeRequest },
    Quotes(QuoteRequest),
}

impl<'t> Request<'t> {
    fn new(
        index: &PraevIndex,
        themes: Option<&'t Themes>,
        q: &BatchQuery,
        default_limit: Option<usize>,
    ) -> anyhow::Result<Request<'t>> {
        let themes = || themes.expect("themes are loaded when a row needs them");
        Ok(match q.command {
            BatchCommand::Search => Request::Search(SearchRequest {
                query: q.query.clone(),
                limit: q.limit.or(default_limit).unwrap_or(10),
                filter: q.filters.passage_filter(index, q.speaker.clone())?,
                exact: q.exact,
                per_file: q.filters.per_file,
                boosts: match &q.theme {
                    Some(name) => {
                        vec![rank::search_boost(index, super::themes::resolve(themes(), name)?)]
                    }
                    None => Vec::new(),
                },
                feedback: None,
                sort: q.sort.order(),
            }),
            BatchCommand::Theme => Request::Theme {
                selection: free_text::select_in(index, themes(), &q.query)
                    .map_err(super::usage_or_failure)?,
                request: ThemeRequest {
                    limit: q.limit.or(default_limit).unwrap_or(10),
                    filter: q.filters.passage_filter(index, None)?,
                    per_file: q.filters.per_file,
                    sort: q.sort.order(),
                },
            },
            BatchCommand::Quotes => Request::Quotes(QuoteRequest {
                query: Some(q.query.clone()).filter(|text| !text.is_empty()),
                speaker: q.speaker.clone(),
                role: q.role.clone(),
                municipalities: q.filters.municipalities(index)?,
                limit: q.limit.or(default_limit).unwrap_or(20),
                exact: q.exact,
                form: None,
                dates: q.filters.dates.range()?,
                sort: q.sort.order(),
            }),
        })
    }

    fn answer(&self, index: &PraevIndex) -> anyhow::Result<SearchResults> {
        match self {
            Request::Search(request) => Ok(query::search(index, request)?),
            Request::Theme { selection, request } => {
                let results = rank::rank_passages(index, selection.theme(), request)?;
                Ok(SearchResults {
                    query: results.theme,
                    total_hits: results.total_hits,
                    hits: results.hits.into_iter().map(|h| h.hit).collect(),
                    note: None,
                    feedback_terms: Vec::new(),
                })
            }
            Request::Quotes(request) => Ok(find_quotes(index, request).map_err(super::usage_or_failure)?),
        }
    }
}
