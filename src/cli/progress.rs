//! Progress on stderr: a bar on a terminal, nothing when piped or `--quiet`; warnings about
//! skipped files one line each (unless `--quiet`), except files of a type praev does not read
//! (`.xlsx`, `.jpg`): those are only counted, and listed one line each with `--verbose`.
//! [`QueryProgress`] counts the queries of `praev batch`.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use praev::index::BuildProgress;
use praev::ingest::Skipped;
use praev::output::terminal::one_line;

use super::verbosity;

pub struct IndexProgress {
    bar: ProgressBar,
    message: &'static str,
}

impl IndexProgress {
    pub fn new(message: &'static str) -> IndexProgress {
        let bar = terminal_bar();
        bar.set_style(bar_style("files"));
        IndexProgress { bar, message }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A bar drawn on stderr when it is a terminal and praev is not `--quiet`; hidden otherwise.
fn terminal_bar() -> ProgressBar {
    let bar = ProgressBar::hidden();
    if std::io::stderr().is_terminal() && verbosity::normal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
    }
    bar
}

/// Progress of `praev batch`: a bar counting the queries answered.
pub struct QueryProgress {
    bar: ProgressBar,
}

impl QueryProgress {
    pub fn new(queries: usize) -> QueryProgress {
        let bar = terminal_bar();
        bar.set_style(bar_style("queries"));
        bar.set_length(queries as u64);
        bar.set_message("batch");
        QueryProgress { bar }
    }

    pub fn query_done(&self) {
        self.bar.inc(1);
    }

    /// Prints a line on stderr without tearing the bar.
    pub fn suspend(&self, print: impl FnOnce()) {
        self.bar.suspend(print);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A bar counting `unit`s.
fn bar_style(unit: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!(
        "{{spinner}} {{msg}} [{{bar:30}}] {{pos}}/{{len}} {unit} ({{eta}})"
    ))
    .expect("valid progress template")
    .progress_chars("=> ")
}

impl BuildProgress for IndexProgress {
    fn started(&self, files: usize) {
        self.bar.set_length(files as u64);
        self.bar.set_message(format!("{}: reading", self.message));
        self.bar.enable_steady_tick(Duration::from_millis(120));
    }

    fn file_done(&self, _file: &str) {
        self.bar.inc(1);
    }

    fn indexing(&self, passages: usize) {
        self.bar.set_style(bar_style("passages"));
        self.bar.set_length(passages as u64);
        self.bar.set_position(0);
        self.bar.set_message(format!("{}: indexing", self.message));
    }

    fn passages_done(&self, passages: usize) {
        self.bar.inc(passages as u64);
    }

    fn finishing(&self) {
        self.bar.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("valid progress template"));
        self.bar.set_message(format!("{}: writing the index to disk", self.message));
    }

    fn skipped(&self, skipped: &Skipped) {
        if skipped.reason.is_unsupported_type() {
            if verbosity::verbose() {
                let (file, reason) = (one_line(&skipped.rel_path), skipped.reason.to_string());
                self.bar.suspend(|| eprintln!("skipped {file}: {reason}"));
            }
            return;
        }
        let message = format!("skipped {}: {}", one_line(&skipped.rel_path), skipped.reason);
        self.bar.suspend(|| verbosity::warning(&message));
    }

    fn warning(&self, message: &str) {
        self.bar.suspend(|| verbosity::warning(message));
    }

    fn note(&self, message: &str) {
        self.bar.suspend(|| verbosity::note(message));
    }
}
