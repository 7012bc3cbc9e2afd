//! Progress of an index build on stderr: a bar on a terminal, nothing when piped; warnings
//! about skipped files always, one line each.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use praev::index::BuildProgress;
use praev::ingest::Skipped;
use praev::output::terminal::one_line;

pub struct IndexProgress {
    bar: ProgressBar,
    message: &'static str,
}

impl IndexProgress {
    pub fn new(message: &'static str) -> IndexProgress {
        let bar = ProgressBar::hidden();
        if std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.set_style(bar_style("files"));
        IndexProgress { bar, message }
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
}
