//! What a user sees when praev panics: one line, never a backtrace.
//!
//! The hook installed by [`install_hook`] prints nothing; it keeps the panic's message and
//! place. [`contain`] runs a command and, when it panicked, turns the panic into an error: if
//! the command had opened an index and a file of that index is damaged (tantivy trusts its
//! segment files and may panic on a flipped bit), the error names that file and says to rebuild;
//! otherwise it is an [`InternalError`] with the message and a hint to report it. With
//! `PRAEV_BACKTRACE=1`, Rust's own hook runs as well (for developers; `RUST_BACKTRACE` alone
//! does not bring a backtrace back, since many shells set it for every program).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A panic left in praev: a bug, not the user's input or files (exit code 101, as Rust's).
#[derive(Debug, thiserror::Error)]
#[error("internal error: {0} (this is a bug in praev: please report it with the command you ran; PRAEV_BACKTRACE=1 shows a backtrace)")]
pub struct InternalError(pub String);

/// The message and place of the last panic.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);
/// The index the command opened, checked for damage after a panic.
static OPENED_INDEX: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Replaces Rust's panic output with [`contain`]'s one line.
pub fn install_hook() {
    let developer = std::env::var_os("PRAEV_BACKTRACE").is_some_and(|v| v != "0");
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{message}{place}"));
        }
        if developer {
            default_hook(info);
        }
    }));
}

/// Notes the index a command reads, for the damage check after a panic.
pub fn note_index(path: &Path) {
    if let Ok(mut opened) = OPENED_INDEX.lock() {
        *opened = Some(path.to_path_buf());
    }
}

/// Runs `command`; a panic becomes the error of a damaged index file, or an [`InternalError`].
/// An error of tantivy's (it reports some damage as an I/O or data error without naming the
/// file) becomes the damaged file's error too, when the index has one.
pub fn contain(command: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(command)) {
        Ok(Err(error)) if is_tantivy_error(&error) => Err(damage_of_opened_index().map_or(error, Into::into)),
        Ok(result) => result,
        Err(_) => {
            if let Some(damage) = damage_of_opened_index() {
                return Err(damage.into());
            }
            let message = LAST_PANIC.lock().ok().and_then(|last| last.clone());
            Err(InternalError(message.unwrap_or_else(|| "panic".into())).into())
        }
    }
}

fn damage_of_opened_index() -> Option<praev::Error> {
    let index = OPENED_INDEX.lock().ok().and_then(|opened| opened.clone())?;
    praev::index::check::find_damage(&index)
}

fn is_tantivy_error(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.is::<tantivy::TantivyError>()
            || cause.downcast_ref::<praev::Error>().is_some_and(|e| matches!(e, praev::Error::Tantivy(_)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_without_an_index_is_an_internal_error() {
        let error = contain(|| panic!("Zeile\nzwei")).unwrap_err();
        assert!(error.downcast_ref::<InternalError>().is_some(), "{error}");
        assert!(error.to_string().starts_with("internal error: "), "{error}");
        assert!(contain(|| Ok(())).is_ok());
    }
}
