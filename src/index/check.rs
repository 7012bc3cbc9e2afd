//! Finding the damaged file of an index.
//!
//! Opening an index checks what it reads in full (praev's own files, the vocabulary's
//! checksum), but tantivy reads its segment files lazily and trusts them: a flipped bit in a
//! term dictionary can panic deep inside a search. Verifying every checksum on every search
//! would cost more than the search, so this check runs only after something went wrong: it
//! names the first file whose content does not match what was written.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use tantivy::directory::error::OpenReadError;
use tantivy::Index;

use super::meta::{IndexMeta, DISTRICTS_FILE};
use super::read_only::ReadOnlyDirectory;
use super::schema::build_schema;
use super::store::current_generation;
use super::{CONFIG_DIR, VOCABULARY_FILE};
use crate::config::ConfigFiles;
use crate::error::{Error, Result};

/// `Error::Damaged` naming the first damaged or missing file of the index at `index`, or None
/// when every file checks out (then a failure was not the index's fault). It runs after a
/// panic, so it must not panic itself: a panic while checking is no damage found (the parser
/// that panicked has a bug).
pub fn find_damage(index: &Path) -> Option<Error> {
    catch_unwind(|| find_first_damage(index)).ok().flatten()
}

fn find_first_damage(index: &Path) -> Option<Error> {
    let generation = match current_generation(index) {
        Ok(Some(generation)) => generation,
        Ok(None) => return None,
        Err(e) => return Some(e),
    };
    let damaged = |message: String| Some(Error::Damaged { path: index.to_path_buf(), message });
    if !generation.is_dir() {
        return damaged(format!("{} is missing", generation.display()));
    }
    if let Err(e) = check_praev_files(index, &generation) {
        return Some(e);
    }
    damaged_segment_files(&generation).and_then(damaged)
}

/// praev's own files of a generation: each is read and parsed in full, the config copy too.
fn check_praev_files(index: &Path, generation: &Path) -> Result<()> {
    IndexMeta::read(generation, index)?;
    IndexMeta::read_documents(generation, index)?;
    IndexMeta::read_municipalities(generation, index)?;
    if generation.join(DISTRICTS_FILE).exists() {
        IndexMeta::read_districts(generation, index)?;
    }
    let damaged = |message: String| Error::Damaged { path: index.to_path_buf(), message };
    // What readers parse of the config copy: the analysis and the themes.
    let config = ConfigFiles::read_dir(&generation.join(CONFIG_DIR))
        .and_then(|files| files.load_analysis().and_then(|_| files.load_themes()));
    config.map_err(|e| damaged(e.to_string()))?;
    let vocabulary = generation.join(VOCABULARY_FILE);
    let bytes = std::fs::read(&vocabulary)
        .map_err(|e| damaged(format!("cannot read {}: {e}", vocabulary.display())))?;
    let verified = fst::raw::Fst::new(bytes).and_then(|fst| fst.verify());
    verified.map_err(|e| damaged(format!("{}: {e}", vocabulary.display())))
}

/// What is wrong with tantivy's files of a generation: its segment list (`meta.json`) unreadable
/// or of another schema, a segment file missing or not matching its checksum. None when all of
/// them check out.
fn damaged_segment_files(generation: &Path) -> Option<String> {
    let shown = |e: &dyn std::fmt::Display| format!("{}: {e}", generation.display());
    let meta_json = generation.join("meta.json");
    let directory = match ReadOnlyDirectory::open(generation) {
        Ok(directory) => directory,
        Err(e) => return Some(shown(&e)),
    };
    // tantivy trusts its files: whatever panics while reading them is damage.
    let opened = catch_unwind(AssertUnwindSafe(|| Index::open(directory)));
    let index = match opened {
        Ok(Ok(index)) => index,
        Ok(Err(e)) => return Some(shown(&e)),
        Err(_) => return Some(format!("{} cannot be read", meta_json.display())),
    };
    if index.schema() != build_schema() {
        return Some(format!("{}: not the schema praev writes", meta_json.display()));
    }
    let segments = match index.searchable_segment_metas() {
        Ok(segments) => segments,
        Err(e) => return Some(format!("{}: {e}", meta_json.display())),
    };
    // Every file of every segment, whether `.managed.json` lists it or not.
    let mut files: Vec<PathBuf> = segments.iter().flat_map(|segment| segment.list_files()).collect();
    files.sort();
    files.into_iter().find_map(|file| {
        let checked = catch_unwind(AssertUnwindSafe(|| index.directory().validate_checksum(&file)));
        let path = generation.join(&file);
        match checked {
            Ok(Ok(true)) => None,
            Ok(Ok(false)) => Some(format!("{} does not match its checksum", path.display())),
            Ok(Err(OpenReadError::FileDoesNotExist(_))) => Some(format!("{} is missing", path.display())),
            Ok(Err(e)) => Some(format!("{}: {e}", path.display())),
            Err(_) => Some(format!("{} cannot be read", path.display())),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFiles;
    use crate::index::{build, BuildProgress, BuildRequest};

    struct Quiet;
    impl BuildProgress for Quiet {}

    fn built_index() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        let text = "Leitbild der Präventionskette\n\nDer Kreis begleitet Kinder und Familien von der Geburt bis zum Beruf.";
        std::fs::write(corpus.join("leitbild.txt"), text).unwrap();
        let index = dir.path().join("idx");
        let config =
            ConfigFiles::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("index-config").as_path())
                .unwrap();
        build(&BuildRequest { corpus, index: index.clone(), config }, &Quiet).unwrap();
        let generation = current_generation(&index).unwrap().unwrap();
        (dir, generation)
    }

    fn file_ending(generation: &Path, extension: &str) -> PathBuf {
        std::fs::read_dir(generation)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == extension))
            .unwrap()
    }

    #[test]
    fn names_the_damaged_file_and_passes_an_intact_index() {
        let (dir, generation) = built_index();
        let index = dir.path().join("idx");
        assert!(find_damage(&index).is_none(), "an intact index is not damaged");
        for extension in ["term", "idx", "fst"] {
            let file = file_ending(&generation, extension);
            let original = std::fs::read(&file).unwrap();
            let mut flipped = original.clone();
            let middle = flipped.len() / 2;
            flipped[middle] ^= 0x10;
            std::fs::write(&file, &flipped).unwrap();
            let found = find_damage(&index).map(|e| e.to_string()).unwrap_or_default();
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            assert!(found.contains(&name) && found.contains("praev index"), "{extension}: {found}");
            std::fs::write(&file, &original).unwrap();
        }
    }
}
