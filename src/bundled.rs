//! The embedded default: the bundled `corpus/` indexed with the bundled `index-config/`,
//! built once into a per-user cache folder and rebuilt whenever either changes.
//!
//! The cache folder's name carries a fingerprint of every corpus file, every config file, the
//! index format version and praev's version, so any change leads to a fresh build and an
//! unchanged setup reuses the index. `PRAEV_CACHE_DIR` overrides the cache location.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::ConfigFiles;
use crate::error::{Error, Result};
use crate::index::{self, BuildProgress, BuildRequest, FORMAT_VERSION};

/// The source checkout this binary was built from: home of the bundled corpus and config.
const SOURCE_ROOT: &str = env!("CARGO_MANIFEST_DIR");
const INDEX_PREFIX: &str = "bundled-";
/// How long to wait for another process that is building the same default index.
const WAIT_FOR_OTHER_BUILD: Duration = Duration::from_secs(120);

pub fn corpus_dir() -> PathBuf {
    Path::new(SOURCE_ROOT).join("corpus")
}

/// The checkout's `index-config/` when it exists (so edits take effect), else the copy
/// bundled into the binary.
pub fn config() -> Result<ConfigFiles> {
    let dir = Path::new(SOURCE_ROOT).join("index-config");
    if dir.is_dir() {
        ConfigFiles::read_dir(&dir)
    } else {
        Ok(ConfigFiles::bundled())
    }
}

pub fn cache_root() -> PathBuf {
    if let Some(dir) = std::env::var_os("PRAEV_CACHE_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "praev")
        .map(|dirs| dirs.cache_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("praev-cache"))
}

/// Returns the default index, building it first when the corpus or config changed.
pub fn ensure_index(progress: &dyn BuildProgress) -> Result<PathBuf> {
    let request = default_request()?;
    let path = request.index.clone();
    if index::store::current_generation(&path)?.is_some() {
        return Ok(path);
    }
    match index::build(&request, progress) {
        Ok(_) => {
            remove_other_bundled_indexes(&path);
            Ok(path)
        }
        Err(Error::Locked { .. }) => wait_for_other_build(&path),
        Err(e) => Err(e),
    }
}

/// Rebuilds the default index even when it is up to date (`praev index` without a folder).
pub fn rebuild_index(progress: &dyn BuildProgress) -> Result<index::BuildReport> {
    let request = default_request()?;
    let report = index::build(&request, progress)?;
    remove_other_bundled_indexes(&request.index);
    Ok(report)
}

/// The bundled corpus, its config and the cache folder named by their fingerprint.
fn default_request() -> Result<BuildRequest> {
    let corpus = corpus_dir();
    if !corpus.is_dir() {
        return Err(Error::InvalidArgument(format!(
            "the bundled corpus {} is missing; pass --index IDX or set PRAEV_INDEX",
            corpus.display()
        )));
    }
    let config = config()?;
    let index = cache_root().join(format!("{INDEX_PREFIX}{}", fingerprint(&corpus, &config)?));
    Ok(BuildRequest { corpus, index, config, config_dir: None })
}

fn wait_for_other_build(path: &Path) -> Result<PathBuf> {
    let started = Instant::now();
    while started.elapsed() < WAIT_FOR_OTHER_BUILD {
        std::thread::sleep(Duration::from_millis(100));
        if index::store::current_generation(path)?.is_some() {
            return Ok(path.to_path_buf());
        }
    }
    Err(Error::Locked { path: path.to_path_buf() })
}

/// A short hash over the corpus files (paths and bytes), the config and the versions.
fn fingerprint(corpus: &Path, config: &ConfigFiles) -> Result<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(format!("format {FORMAT_VERSION} praev {}\n", env!("CARGO_PKG_VERSION")).as_bytes());
    hasher.update(config.hash().as_bytes());
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for file in files {
        let bytes = std::fs::read(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
        hasher.update(file.strip_prefix(corpus).unwrap_or(&file).to_string_lossy().as_bytes());
        hasher.update(&[0]);
        hasher.update(blake3::hash(&bytes).as_bytes());
    }
    Ok(hasher.finalize().to_hex()[..16].to_string())
}

/// Removes the cache's other bundled indexes (of an older corpus or config) beside `keep`.
fn remove_other_bundled_indexes(keep: &Path) {
    let Some(root) = keep.parent() else { return };
    let Ok(entries) = std::fs::read_dir(root) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with(INDEX_PREFIX) && path != keep {
            // Another process may be building there; its lock keeps us out.
            if index::store::BuildLock::acquire(&path).is_ok() {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }
}
