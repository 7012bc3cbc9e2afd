//! How much praev says on stderr besides results and errors, set once from the global
//! `--quiet` and `--verbose` flags: quiet prints errors only (no progress bar, no `warning:`,
//! `note:` or `wrote FILE` lines); normal adds those; verbose also says what a command opened
//! and how long it took, and lists files skipped for their type. Errors always print
//! (`main.rs`), and results always go to stdout.

use std::sync::OnceLock;

/// The level of diagnostics on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

static LEVEL: OnceLock<Verbosity> = OnceLock::new();

impl Verbosity {
    /// The level of the flags (clap makes them conflict).
    pub fn from_flags(quiet: bool, verbose: bool) -> Verbosity {
        match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        }
    }

    /// Sets the level for this process; the first call wins (commands run once per process).
    pub fn install(self) {
        let _ = LEVEL.set(self);
    }
}

/// The level set by [`Verbosity::install`], normal before it.
pub fn level() -> Verbosity {
    LEVEL.get().copied().unwrap_or(Verbosity::Normal)
}

/// Whether warnings, notes and progress show (not `--quiet`).
pub fn normal() -> bool {
    level() >= Verbosity::Normal
}

/// Whether `--verbose` was given.
pub fn verbose() -> bool {
    level() >= Verbosity::Verbose
}

/// A `warning:` line, unless quiet.
pub fn warning(message: &str) {
    if normal() {
        eprintln!("warning: {}", praev::output::terminal::one_line(message));
    }
}

/// A `note:` line, unless quiet.
pub fn note(message: &str) {
    if normal() {
        eprintln!("note: {}", praev::output::terminal::one_line(message));
    }
}

/// A line of `--verbose` diagnostics.
pub fn detail(message: &str) {
    if verbose() {
        eprintln!("{}", praev::output::terminal::one_line(message));
    }
}

#[cfg(test)]
mod tests {
    use super::Verbosity;

    #[test]
    fn quiet_wins_over_verbose_and_levels_are_ordered() {
        assert_eq!(Verbosity::from_flags(true, true), Verbosity::Quiet);
        assert_eq!(Verbosity::from_flags(false, true), Verbosity::Verbose);
        assert_eq!(Verbosity::from_flags(false, false), Verbosity::Normal);
        assert!(Verbosity::Quiet < Verbosity::Normal && Verbosity::Normal < Verbosity::Verbose);
    }
}
