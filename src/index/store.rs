//! The folder layout of an index, which makes rebuilding atomic and exclusive.
//!
//! ```text
//! IDX/
//!   .praev.lock     held (OS file lock) by the one `praev index` building into IDX
//!   CURRENT         the name of the generation readers open; replaced by a rename
//!   gen-<stamp>/    one complete build: tantivy files, praev.json, config/
//! ```
//!
//! A build writes a new generation beside the current one and only then swaps `CURRENT`, so a
//! build that fails or is killed leaves the previous index usable; its partial generation is
//! removed by the next build. Readers never take the lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};

const CURRENT_FILE: &str = "CURRENT";
const LOCK_FILE: &str = ".praev.lock";
const GENERATION_PREFIX: &str = "gen-";

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io { path: path.to_path_buf(), source }
}

/// The generation folder that `CURRENT` names, if the index has one.
pub fn current_generation(index: &Path) -> Result<Option<PathBuf>> {
    let current = index.join(CURRENT_FILE);
    match std::fs::read_to_string(&current) {
        Ok(name) => {
            let name = name.trim();
            if !name.starts_with(GENERATION_PREFIX) || name.contains(['/', '\\']) {
                return Err(Error::Damaged {
                    path: index.to_path_buf(),
                    message: format!("{} names no generation", current.display()),
                });
            }
            Ok(Some(index.join(name)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io { path: current, source }),
    }
}

/// Exclusive right to build into one index folder, released on drop.
pub struct BuildLock {
    index: PathBuf,
    _file: File,
}

impl BuildLock {
    /// Takes the lock at once or fails with [`Error::Locked`]; never waits.
    pub fn acquire(index: &Path) -> Result<BuildLock> {
        refuse_foreign_folder(index)?;
        std::fs::create_dir_all(index).map_err(io_error(index))?;
        let path = index.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_error(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(BuildLock { index: index.to_path_buf(), _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::Locked { path: index.to_path_buf() }),
            Err(TryLockError::Error(source)) => Err(Error::Io { path, source }),
        }
    }

    /// Creates a fresh, empty generation folder for a build.
    pub fn new_generation(&self) -> Result<PathBuf> {
        let stamp = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let dir = self.index.join(format!("{GENERATION_PREFIX}{stamp}-{}", std::process::id()));
        std::fs::create_dir(&dir).map_err(io_error(&dir))?;
        Ok(dir)
    }

    /// Makes `generation` the one readers open (an atomic rename), then removes the others.
    pub fn publish(&self, generation: &Path) -> Result<()> {
        let name =
            generation.file_name().and_then(|n| n.to_str()).expect("generation folders have UTF-8 names");
        let tmp = self.index.join(format!("{CURRENT_FILE}.tmp"));
        std::fs::write(&tmp, name).map_err(io_error(&tmp))?;
        File::open(&tmp).and_then(|f| f.sync_all()).map_err(io_error(&tmp))?;
        let current = self.index.join(CURRENT_FILE);
        std::fs::rename(&tmp, &current).map_err(io_error(&current))?;
        self.remove_generations_except(Some(generation));
        Ok(())
    }

    /// Removes every generation but `keep` (partial ones of failed builds included). Best
    /// effort: a leftover folder costs disk space, not correctness.
    pub fn remove_generations_except(&self, keep: Option<&Path>) {
        let Ok(entries) = std::fs::read_dir(&self.index) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_generation = entry.file_name().to_string_lossy().starts_with(GENERATION_PREFIX);
            if is_generation && Some(path.as_path()) != keep {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }

    /// Removes stale generations except the current one (before a build starts).
    pub fn remove_stale(&self) -> Result<()> {
        let current = current_generation(&self.index)?;
        self.remove_generations_except(current.as_deref());
        Ok(())
    }
}

/// Refuses to build into an existing folder with other content: `--index ~/Documents` must not
/// become an index (and later builds remove folders inside it).
fn refuse_foreign_folder(index: &Path) -> Result<()> {
    if index.exists() && !index.is_dir() {
        return Err(Error::InvalidArgument(format!("--index {} is a file, not a folder", index.display())));
    }
    let Ok(entries) = std::fs::read_dir(index) else { return Ok(()) };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == CURRENT_FILE
            || name == LOCK_FILE
            || name.starts_with(GENERATION_PREFIX)
            || name.starts_with(&format!("{CURRENT_FILE}.tmp"));
        if !ours {
            return Err(Error::InvalidArgument(format!(
                "{} is not empty and is not a praev index (found {name}); choose another --index folder",
                index.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_index_fails_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("idx");
        let _first = BuildLock::acquire(&index).unwrap();
        let second = BuildLock::acquire(&index);
        assert!(matches!(second, Err(Error::Locked { .. })), "expected Locked");
    }

    #[test]
    fn publish_switches_current_and_removes_older_generations() {
        let dir = tempfile::tempdir().unwrap();
        let lock = BuildLock::acquire(dir.path()).unwrap();
        let first = lock.new_generation().unwrap();
        lock.publish(&first).unwrap();
        assert_eq!(current_generation(dir.path()).unwrap().as_deref(), Some(first.as_path()));
        let partial = lock.new_generation().unwrap();
        let second = lock.new_generation().unwrap();
        lock.publish(&second).unwrap();
        assert_eq!(current_generation(dir.path()).unwrap().as_deref(), Some(second.as_path()));
        assert!(!first.exists() && !partial.exists(), "old and partial generations are removed");
    }

    #[test]
    fn refuses_a_folder_with_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thesis.docx"), "x").unwrap();
        let err = BuildLock::acquire(dir.path()).err().expect("must refuse").to_string();
        assert!(err.contains("not a praev index"), "got: {err}");
    }
}
