//! The `praev` binary: parse, run, map errors to exit codes (0 ok, 2 usage, 1 failure).

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// Indexing allocates and frees many small strings on several threads; mimalloc does that
/// faster than the system allocator (measured on the 20,000-document benchmark build).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `arena_eager_commit` (option 4 of its C enum): committing arenas on demand keeps
/// a one-query process as small and quick to start as with the system allocator. It must be
/// set before the first allocation, so it is set by an ELF constructor, which runs before the
/// Rust runtime allocates anything (on other systems mimalloc keeps its default).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SET_ALLOCATOR_OPTIONS: extern "C" fn() = set_allocator_options;

#[cfg(target_os = "linux")]
extern "C" fn set_allocator_options() {
    const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    // SAFETY: sets a plain integer option of the allocator; no thread exists yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
}

fn main() -> ExitCode {
    cli::panic::install_hook();
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // Help and version print to stdout and exit 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("praev: error: {}", praev::output::terminal::one_line(&one_line(&e)));
            let code = if e.is::<cli::UsageError>() {
                2
            } else if e.is::<cli::panic::InternalError>() {
                101
            } else {
                1
            };
            ExitCode::from(code)
        }
    }
}

/// `praev search … | head` closes the pipe early; that is success, not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line; a cause that its parent already spelled out (typed
/// errors include their source in their message) is not repeated.
fn one_line(error: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in error.chain() {
        let text = cause.to_string().replace('\n', " ");
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}
