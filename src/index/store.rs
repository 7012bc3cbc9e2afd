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
//!
//! A reader may have read `CURRENT` just before a build swapped it and still be opening the
//! generation it named. So publishing keeps the generation it replaces on disk and removes only
//! older ones: a generation disappears one whole build after it stopped being current.
//!
//! A damaged folder (a `CURRENT` that names no generation, or names one that is missing or
//! incomplete) does not stop a build: the build says what it found and publishes a new
//! generation over it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::meta::META_FILE;
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
    match std::fs::read(&current) {
        Ok(bytes) => {
            let name = std::str::from_utf8(&bytes).unwrap_or_default().trim();
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

    /// Makes `generation` the one readers open (an atomic rename), then removes the others but
    /// the one it replaces (readers may still be opening that one).
    pub fn publish(&self, generation: &Path) -> Result<()> {
        let replaced = current_generation(&self.index).ok().flatten();
        let name =
            generation.file_name().and_then(|n| n.to_str()).expect("generation folders have UTF-8 names");
        let tmp = self.index.join(format!("{CURRENT_FILE}.tmp"));
        std::fs::write(&tmp, name).map_err(io_error(&tmp))?;
        File::open(&tmp).and_then(|f| f.sync_all()).map_err(io_error(&tmp))?;
        let current = self.index.join(CURRENT_FILE);
        std::fs::rename(&tmp, &current).map_err(io_error(&current))?;
        self.remove_generations(|path| path != generation && Some(path) != replaced.as_deref());
        Ok(())
    }

    /// Removes the generations `remove` picks. Best effort: a leftover folder costs disk
    /// space, not correctness.
    fn remove_generations(&self, remove: impl Fn(&Path) -> bool) {
        let Ok(entries) = std::fs::read_dir(&self.index) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_generation = entry.file_name().to_string_lossy().starts_with(GENERATION_PREFIX);
            if is_generation && remove(&path) {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }

    /// Before a build starts: removes the partial generations of failed or killed builds (no
    /// reader opens them) and repairs a damaged `CURRENT`. Returns what was damaged, for the
    /// build to tell the user that it builds the index anew.
    pub fn remove_stale(&self) -> Result<Option<String>> {
        self.remove_generations(|path| !path.join(META_FILE).is_file());
        let current_file = self.index.join(CURRENT_FILE);
        let damage = match current_generation(&self.index) {
            Ok(None) => None,
            Ok(Some(generation)) if generation.join(META_FILE).is_file() => None,
            Ok(Some(generation)) => Some(format!(
                "{} names {}, which is missing or incomplete",
                current_file.display(),
                generation.display()
            )),
            Err(Error::Damaged { message, .. }) => Some(message),
            Err(e) => Some(e.to_string()),
        };
        if damage.is_some() {
            // A folder or an unreadable file in CURRENT's place would stop the publishing rename.
            if current_file.is_dir() {
                std::fs::remove_dir_all(&current_file).map_err(io_error(&current_file))?;
            } else if current_file.exists() {
                std::fs::remove_file(&current_file).map_err(io_error(&current_file))?;
            }
        }
        Ok(damage)
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

    /// What a damage is called, and how to inflict it on an index folder.
    type Damage = (&'static str, fn(&Path));

    /// A generation as a finished build leaves it (its `praev.json` is written last).
    fn complete_generation(lock: &BuildLock) -> PathBuf {
        let generation = lock.new_generation().unwrap();
        std::fs::write(generation.join(META_FILE), "{}").unwrap();
        generation
    }

    #[test]
    fn publish_keeps_the_replaced_generation_and_removes_older_ones() {
        let dir = tempfile::tempdir().unwrap();
        let lock = BuildLock::acquire(dir.path()).unwrap();
        let first = complete_generation(&lock);
        lock.publish(&first).unwrap();
        assert_eq!(current_generation(dir.path()).unwrap().as_deref(), Some(first.as_path()));
        let partial = lock.new_generation().unwrap();
        let second = complete_generation(&lock);
        lock.publish(&second).unwrap();
        assert_eq!(current_generation(dir.path()).unwrap().as_deref(), Some(second.as_path()));
        assert!(first.exists(), "the replaced generation stays for readers still opening it");
        assert!(!partial.exists(), "a partial generation is removed");
        let third = complete_generation(&lock);
        lock.publish(&third).unwrap();
        assert!(!first.exists() && second.exists(), "only the generation just replaced stays");
    }

    #[test]
    fn remove_stale_removes_partial_generations_and_keeps_finished_ones() {
        let dir = tempfile::tempdir().unwrap();
        let lock = BuildLock::acquire(dir.path()).unwrap();
        let current = complete_generation(&lock);
        lock.publish(&current).unwrap();
        let partial = lock.new_generation().unwrap();
        assert_eq!(lock.remove_stale().unwrap(), None, "an intact index has no damage to report");
        assert!(current.exists() && !partial.exists());
    }

    #[test]
    fn remove_stale_reports_and_clears_a_damaged_current() {
        let damages: [Damage; 5] = [
            ("names no generation", |index| {
                std::fs::write(index.join(CURRENT_FILE), "\u{0}\u{1}garbage").unwrap()
            }),
            ("names no generation", |index| std::fs::write(index.join(CURRENT_FILE), b"gen-\xff-1").unwrap()),
            ("missing or incomplete", |index| std::fs::write(index.join(CURRENT_FILE), "gen-1-1").unwrap()),
            ("missing or incomplete", |index| {
                std::fs::create_dir(index.join("gen-2-2")).unwrap();
                std::fs::write(index.join(CURRENT_FILE), "gen-2-2").unwrap();
            }),
            ("", |index| std::fs::create_dir(index.join(CURRENT_FILE)).unwrap()),
        ];
        for (expected, damage) in damages {
            let dir = tempfile::tempdir().unwrap();
            damage(dir.path());
            let lock = BuildLock::acquire(dir.path()).unwrap();
            let reported = lock.remove_stale().unwrap().expect("the damage is reported");
            assert!(reported.contains(expected), "{reported}");
            let fresh = complete_generation(&lock);
            lock.publish(&fresh).unwrap();
            assert_eq!(current_generation(dir.path()).unwrap(), Some(fresh));
        }
    }

    #[test]
    fn refuses_a_folder_with_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thesis.docx"), "x").unwrap();
        let err = BuildLock::acquire(dir.path()).err().expect("must refuse").to_string();
        assert!(err.contains("not a praev index"), "got: {err}");
    }
}
