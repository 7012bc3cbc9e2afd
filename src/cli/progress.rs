//! Progress of an index build on stderr: a bar on a terminal, nothing when piped; warnings
//! about skipped files always, one line each, except files of a type praev does not read
//! (`.xlsx`, `.jpg`): those are only counted, and listed one line each when verbose.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use praev::index::BuildProgress;
use praev::ingest::Skipped;
use praev::output::terminal::one_line;

pub struct IndexProgress {
    bar: ProgressBar,
    message: &'static str,
    /// List files of unsupported types too.
    verbose: bool,
}

impl IndexProgress {
    pub fn new(message: &'static str) -> IndexProgress {
        let bar = ProgressBar::hidden();
        if std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.set_style(bar_style("files"));
        IndexProgress { bar, message, verbose: false }
    }

    /// Also lists each file skipped for its type (`--verbose`).
    pub fn verbose(mut self, verbose: bool) -> IndexProgress {
        self.verbose = verbose;
        self
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
            if self.verbose {
                let (file, reason) = (one_line(&skipped.rel_path), skipped.reason.to_string());
                self.bar.suspend(|| eprintln!("skipped {file}: {reason}"));
            }
            return;
        }
        self.bar.suspend(|| {
            eprintln!(
                "warning: skipped {}: {}",
                one_line(&skipped.rel_path),
                one_line(&skipped.reason.to_string())
            )
        });
    }

    fn warning(&self, message: &str) {
        self.bar.suspend(|| eprintln!("warning: {}", one_line(message)));
    }

    fn note(&self, message: &str) {
        self.bar.suspend(|| eprintln!("note: {}", one_line(message)));
    }
}
