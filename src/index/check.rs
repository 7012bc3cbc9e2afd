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
use tantivy::directory::footer::Footer;
use tantivy::directory::Directory;
use tantivy::index::{SegmentComponent, SegmentMeta};
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
    let raw = directory.clone();
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
    let mut files: Vec<PathBuf> = segments.iter().flat_map(segment_files).collect();
    files.sort();
    let unchecked = files.iter().find_map(|file| {
        let checked = catch_unwind(AssertUnwindSafe(|| index.directory().validate_checksum(file)));
        let path = generation.join(file);
        match checked {
            Ok(Ok(true)) => incompatible_footer(&raw, file).map(|e| format!("{}: {e}", path.display())),
            Ok(Ok(false)) => Some(format!("{} does not match its checksum", path.display())),
            Ok(Err(OpenReadError::FileDoesNotExist(_))) => Some(format!("{} is missing", path.display())),
            Ok(Err(e)) => Some(format!("{}: {e}", path.display())),
            Err(_) => Some(format!("{} cannot be read", path.display())),
        }
    });
    unchecked.or_else(|| copied_file(generation, &files)).or_else(|| swapped_file(generation, &raw, &files))
}

/// The list of each segment file's checksum, written at build time: two of tantivy's files
/// swapped whole both keep valid checksums, and only a record of which file had which tells.
pub(crate) const SEGMENT_CHECKSUMS_FILE: &str = "segment-checksums.tsv";

/// Writes [`SEGMENT_CHECKSUMS_FILE`] for the committed segments of the index in `generation`.
pub(crate) fn write_segment_checksums(generation: &Path) -> Result<()> {
    let io = |source: std::io::Error| Error::Io { path: generation.join(SEGMENT_CHECKSUMS_FILE), source };
    let directory =
        ReadOnlyDirectory::open(generation).map_err(|e| io(std::io::Error::other(e.to_string())))?;
    let index = Index::open(directory.clone())?;
    let mut files: Vec<PathBuf> = index.searchable_segment_metas()?.iter().flat_map(segment_files).collect();
    files.sort();
    let mut list = String::new();
    for file in files {
        let crc = footer_checksum(&directory, &file)
            .ok_or_else(|| io(std::io::Error::other(format!("{}: no footer", file.display()))))?;
        list.push_str(&format!("{}\t{crc}\n", file.display()));
    }
    std::fs::write(generation.join(SEGMENT_CHECKSUMS_FILE), list).map_err(io)
}

/// The checksum a segment file's footer records; None when it has no readable footer.
fn footer_checksum(directory: &ReadOnlyDirectory, file: &Path) -> Option<u32> {
    let slice = directory.open_read(file).ok()?;
    let footer = catch_unwind(AssertUnwindSafe(|| Footer::extract_footer(slice))).ok()?.ok()?;
    Some(footer.0.crc)
}

/// A segment file whose checksum is not the one recorded for it at build time (files swapped
/// whole), or a damaged record. An index without the record (built before it existed) has
/// nothing to compare.
fn swapped_file(generation: &Path, directory: &ReadOnlyDirectory, files: &[PathBuf]) -> Option<String> {
    let path = generation.join(SEGMENT_CHECKSUMS_FILE);
    let list = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(format!("cannot read {}: {e}", path.display())),
    };
    let Some(recorded) = parse_checksums(&list) else {
        return Some(format!("{} cannot be read", path.display()));
    };
    files.iter().find_map(|file| {
        let name = file.display().to_string();
        match (recorded.get(&name), footer_checksum(directory, file)) {
            (Some(expected), Some(found)) if *expected == found => None,
            (None, _) => Some(format!("{} does not list {name}", path.display())),
            _ => {
                Some(format!("{} is not the file this index was built with", generation.join(file).display()))
            }
        }
    })
}

/// `file<TAB>checksum` lines; None when a line is not of that form.
fn parse_checksums(list: &[u8]) -> Option<std::collections::HashMap<String, u32>> {
    let text = std::str::from_utf8(list).ok()?;
    text.lines()
        .map(|line| {
            let (file, crc) = line.split_once('\t')?;
            Some((file.to_string(), crc.parse().ok()?))
        })
        .collect()
}

/// What is wrong with the footer of a file whose checksum matches: the checksum does not cover
/// the footer's own record of the index format, which tantivy checks before reading the file.
fn incompatible_footer(directory: &ReadOnlyDirectory, file: &Path) -> Option<String> {
    // tantivy's managed directory hands out files without their footer: read the raw file.
    let slice = directory.open_read(file).ok()?;
    let footer = catch_unwind(AssertUnwindSafe(|| Footer::extract_footer(slice)));
    match footer {
        Ok(Ok((footer, _))) => footer
            .is_compatible()
            .err()
            .map(|_| "its footer names an index format this praev cannot read".into()),
        Ok(Err(e)) => Some(e.to_string()),
        Err(_) => Some("its footer cannot be read".into()),
    }
}

/// A segment file with the very bytes of another one: a file overwritten by a copy of its
/// neighbour keeps a valid checksum, but no two files of a build are alike (each holds another
/// part of another segment).
fn copied_file(generation: &Path, files: &[PathBuf]) -> Option<String> {
    let mut seen: std::collections::HashMap<blake3::Hash, &PathBuf> = std::collections::HashMap::new();
    for file in files {
        let bytes = std::fs::read(generation.join(file)).ok()?;
        if let Some(original) = seen.insert(blake3::hash(&bytes), file) {
            let (first, second) = (generation.join(original), generation.join(file));
            return Some(format!("{} and {} are the same file", first.display(), second.display()));
        }
    }
    None
}

/// The files a segment has: each component but the build's temporary store, and the deletes
/// only when it has some.
fn segment_files(segment: &SegmentMeta) -> Vec<PathBuf> {
    let has = |component: &SegmentComponent| match component {
        SegmentComponent::TempStore => false,
        SegmentComponent::Delete => segment.has_deletes(),
        _ => true,
    };
    SegmentComponent::iterator().filter(|c| has(c)).map(|c| segment.relative_path(*c)).collect()
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
        build(&BuildRequest { corpus, index: index.clone(), config, config_dir: None }, &Quiet).unwrap();
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

    /// Two of tantivy's files swapped whole keep valid checksums and differ from each other: the
    /// checksums recorded at build time name them; a damaged record is named itself.
    #[test]
    fn files_swapped_whole_are_named_by_the_recorded_checksums() {
        let (dir, generation) = built_index();
        let index = dir.path().join("idx");
        let (positions, terms) = (file_ending(&generation, "pos"), file_ending(&generation, "term"));
        let (pos_bytes, term_bytes) = (std::fs::read(&positions).unwrap(), std::fs::read(&terms).unwrap());
        std::fs::write(&positions, &term_bytes).unwrap();
        std::fs::write(&terms, &pos_bytes).unwrap();
        let found = find_damage(&index).map(|e| e.to_string()).unwrap_or_default();
        assert!(found.contains("not the file this index was built with"), "{found}");
        std::fs::write(&positions, &pos_bytes).unwrap();
        std::fs::write(&terms, &term_bytes).unwrap();
        assert!(find_damage(&index).is_none());
        std::fs::write(generation.join(SEGMENT_CHECKSUMS_FILE), "kaputt").unwrap();
        let found = find_damage(&index).map(|e| e.to_string()).unwrap_or_default();
        assert!(found.contains(SEGMENT_CHECKSUMS_FILE), "{found}");
    }

    /// Damage the fuzz target found answered with something other than "damaged, rebuild":
    /// what it is, which file, how to inflict it, and the file the error must name.
    type FoundDamage = (&'static str, fn(&Path) -> PathBuf, fn(&mut Vec<u8>));

    #[test]
    fn damage_found_by_fuzzing_is_named_on_open_or_by_the_check() {
        let damages: [FoundDamage; 4] = [
            (
                "a config copy that is no longer UTF-8",
                |g| g.join(CONFIG_DIR).join("stopwords.txt"),
                |b| b.extend_from_slice(&[0xff, 0xb5]),
            ),
            (
                "a question frame with a star inside a word",
                |g| g.join(CONFIG_DIR).join("question-frames.toml"),
                |b| {
                    let text = String::from_utf8(b.clone()).unwrap();
                    let first = text.find("match = \"").unwrap() + "match = \"".len();
                    b.splice(first..first, "fand*0… ".bytes());
                },
            ),
            (
                "a meta.json of another schema",
                |g| g.join("meta.json"),
                |b| {
                    let text =
                        String::from_utf8(b.clone()).unwrap().replacen("\"speaker\"", "\"speakes\"", 1);
                    *b = text.into_bytes();
                },
            ),
            (
                "a flipped bit in the document store",
                |g| file_ending(g, "store"),
                |b| {
                    let middle = b.len() / 2;
                    b[middle] ^= 0x10;
                },
            ),
        ];
        for (what, file, damage) in damages {
            let (dir, generation) = built_index();
            let index = dir.path().join("idx");
            let path = file(&generation);
            let mut bytes = std::fs::read(&path).unwrap();
            damage(&mut bytes);
            std::fs::write(&path, bytes).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let opened = crate::index::PraevIndex::open(&index).err().map(|e| e.to_string());
            let checked = find_damage(&index).map(|e| e.to_string());
            for (who, message) in [("open", opened), ("check", checked)] {
                let message = message.unwrap_or_else(|| panic!("{what}: {who} found nothing"));
                assert!(
                    message.contains(&name) && message.contains("praev index"),
                    "{what}: {who}: {message}"
                );
            }
        }
    }

    #[test]
    fn a_damaged_file_list_does_not_hide_a_damaged_segment_file() {
        let (dir, generation) = built_index();
        let positions = file_ending(&generation, "pos");
        let bytes = std::fs::read(&positions).unwrap();
        std::fs::write(&positions, &bytes[..bytes.len() / 2]).unwrap();
        std::fs::write(generation.join(".managed.json"), "[\"meta.json\"]").unwrap();
        let found = find_damage(&dir.path().join("idx")).map(|e| e.to_string()).unwrap_or_default();
        let name = positions.file_name().unwrap().to_string_lossy().into_owned();
        assert!(found.contains(&name), "{found}");
    }
}
