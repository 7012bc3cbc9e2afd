//! Progress of an index build on stderr: a bar on a terminal, nothing when piped; warnings
//! about skipped files always, one line each.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use praev::index::BuildProgress;
use praev::ingest::Skipped;

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
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} files ({eta})")
                .expect("valid progress template")
                .progress_chars("=> "),
        );
        IndexProgress { bar, message }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl BuildProgress for IndexProgress {
    fn started(&self, files: usize) {
        self.bar.set_length(files as u64);
        self.bar.set_message(self.message);
        self.bar.enable_steady_tick(Duration::from_millis(120));
    }

    fn file_done(&self, _file: &str) {
        self.bar.inc(1);
    }

    fn skipped(&self, skipped: &Skipped) {
        self.bar.suspend(|| eprintln!("warning: skipped {}: {}", skipped.rel_path, skipped.reason));
    }

    fn warning(&self, message: &str) {
        self.bar.suspend(|| eprintln!("warning: {message}"));
    }
}
