//! Opening an index for searching: the current generation, its config and its metadata.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tantivy::index::SegmentComponent;
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::file_ids::FileIds;
use super::meta::{DocumentRecord, IndexMeta};
use super::read_only::ReadOnlyDirectory;
use super::schema::{build_schema, Fields};
use super::store::current_generation;
use super::{CONFIG_DIR, SYNONYMS_FILE, THESAURUS_FILE, VOCABULARY_FILE};
use crate::analysis::{CorpusThesaurus, GermanAnalyzer, Lexicon, ANALYZER_NAME};
use crate::config::{AnalysisConfig, ConfigFiles};
use crate::error::{Error, Result};
use crate::themes::Themes;

/// An open praev index.
pub struct PraevIndex {
    pub path: PathBuf,
    /// The generation folder in use.
    pub generation: PathBuf,
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    pub meta: IndexMeta,
    /// The files of the configuration the index was built with.
    pub config_files: ConfigFiles,
    /// The analysis it was built with; queries are analysed with it.
    pub analysis: AnalysisConfig,
    pub analyzer: GermanAnalyzer,
    /// The file of each passage, read on first use (see [`FileIds`]).
    file_ids: OnceLock<FileIds>,
}

impl PraevIndex {
    pub fn open(path: &Path) -> Result<PraevIndex> {
        let generation = match current_generation(path)? {
            Some(generation) => generation,
            None if path.join("meta.json").exists() => {
                return Err(Error::Damaged {
                    path: path.to_path_buf(),
                    message: "this is a tantivy index, but not one built by praev".into(),
                })
            }
            None => return Err(Error::NoIndex { path: path.to_path_buf() }),
        };
        let meta = IndexMeta::read(&generation, path)?;
        let in_copy = |error: Error| config_copy_damaged(path, error);
        let config_files = ConfigFiles::read_dir(&generation.join(CONFIG_DIR)).map_err(in_copy)?;
        let (mut analysis, compiled) = match read_synonyms(&generation, path)? {
            Some(synonyms) => (config_files.load_analysis_with(synonyms).map_err(in_copy)?, true),
            None => (config_files.load_analysis().map_err(in_copy)?, false),
        };
        let vocabulary = read_vocabulary(&generation, path)?;
        let analyzer = analysis.german_analyzer(Some(vocabulary));
        if !compiled {
            analysis.synonyms = analysis.synonyms.with_keys(&analyzer);
        }
        analysis.synonyms =
            std::mem::take(&mut analysis.synonyms).with_thesaurus(read_thesaurus(&generation, path)?);
        let Segments { index, reader, fields } = Segments::open(path, &generation, &analyzer)?;
        Ok(PraevIndex {
            path: path.to_path_buf(),
            generation,
            index,
            reader,
            fields,
            meta,
            config_files,
            analysis,
            analyzer,
            file_ids: OnceLock::new(),
        })
    }

    /// Opens tantivy's files of the generation in use again, keeping what was read of praev's
    /// own files (config, analysis, vocabulary). For checking tantivy's files many times over
    /// against one analysis (the damaged-index fuzz target); the read commands use [`open`].
    ///
    /// [`open`]: PraevIndex::open
    pub fn reopen_segments(&mut self) -> Result<()> {
        let Segments { index, reader, fields } =
            Segments::open(&self.path, &self.generation, &self.analyzer)?;
        (self.index, self.reader, self.fields) = (index, reader, fields);
        self.file_ids = OnceLock::new();
        Ok(())
    }

    /// The file of each passage of the reader's segments, read on the first call.
    pub fn file_ids(&self) -> Result<&FileIds> {
        if let Some(ids) = self.file_ids.get() {
            return Ok(ids);
        }
        let read = FileIds::read(&self.reader.searcher(), self.fields.file)?;
        Ok(self.file_ids.get_or_init(|| read))
    }

    /// The distinct municipality names of the documents, sorted; read on demand.
    pub fn municipalities(&self) -> Result<Vec<String>> {
        IndexMeta::read_municipalities(&self.generation, &self.path)
    }

    /// The distinct district names of the documents (the Kreise their municipalities belong
    /// to), sorted; read on demand.
    pub fn districts(&self) -> Result<Vec<String>> {
        IndexMeta::read_districts(&self.generation, &self.path)
    }

    /// The themes of the config the index was built with, parsed on demand.
    pub fn themes(&self) -> Result<Themes> {
        self.config_files.load_themes().map_err(|error| config_copy_damaged(&self.path, error))
    }

    /// The per-document records (metadata, figures, contact), read on demand.
    pub fn documents(&self) -> Result<Vec<DocumentRecord>> {
        IndexMeta::read_documents(&self.generation, &self.path)
    }
}

/// tantivy's part of a generation: its index, opened read-only, a reader and the fields.
struct Segments {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl Segments {
    fn open(path: &Path, generation: &Path, analyzer: &GermanAnalyzer) -> Result<Segments> {
        let damaged = |message: String| Error::Damaged { path: path.to_path_buf(), message };
        let directory = ReadOnlyDirectory::open(generation)
            .map_err(|e| damaged(format!("cannot open {}: {e}", generation.display())))?;
        let index = Index::open(directory).map_err(|e| damaged(format!("{}: {e}", generation.display())))?;
        if index.schema() != build_schema() {
            let meta_json = generation.join("meta.json");
            return Err(damaged(format!("{}: not the schema praev writes", meta_json.display())));
        }
        verify_document_stores(&index, generation).map_err(damaged)?;
        index.tokenizers().register(ANALYZER_NAME, analyzer.clone());
        let fields = Fields::from_schema(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| damaged(format!("{}: {e}", generation.display())))?;
        Ok(Segments { index, reader, fields })
    }
}

/// Verifies the checksum of each segment's document store (`.store`) before anything reads
/// it. tantivy trusts the lengths inside a stored document: a damaged store can make it ask for
/// exabytes, and a failed allocation aborts the process (no panic to catch, no message). The
/// store is read for every hit, so it is verified up front (about 2 ms of CPU per 10 MB of
/// store: 5 ms on an index of 20,000 documents).
fn verify_document_stores(index: &Index, generation: &Path) -> std::result::Result<(), String> {
    let segments = index.searchable_segment_metas().map_err(|e| format!("{}: {e}", generation.display()))?;
    for segment in segments {
        let store = segment.relative_path(SegmentComponent::Store);
        let path = generation.join(&store);
        match index.directory().validate_checksum(&store) {
            Ok(true) => {}
            Ok(false) => return Err(format!("{} does not match its checksum", path.display())),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Ok(())
}

/// The config copy of a generation was valid when the build wrote it: an error reading or
/// parsing it (it names the file and line) is damage.
fn config_copy_damaged(index_path: &Path, error: Error) -> Error {
    match error {
        Error::Damaged { .. } => error,
        other => Error::Damaged { path: index_path.to_path_buf(), message: other.to_string() },
    }
}

fn read_vocabulary(generation: &Path, index_path: &Path) -> Result<fst::Set<Vec<u8>>> {
    let path = generation.join(VOCABULARY_FILE);
    let damaged = |message: String| Error::Damaged { path: index_path.to_path_buf(), message };
    let bytes = std::fs::read(&path).map_err(|e| damaged(format!("cannot read {}: {e}", path.display())))?;
    let set = Lexicon::corpus_set(bytes).map_err(|e| damaged(format!("{}: {e}", path.display())))?;
    // The fst crate trusts its bytes (a flipped bit panics a lookup); its checksum is cheap.
    set.as_fst().verify().map_err(|e| damaged(format!("{}: {e}", path.display())))?;
    Ok(set)
}

/// The thesaurus compiled at build time; empty when missing (an index of an earlier praev),
/// damage when present but unreadable.
fn read_thesaurus(generation: &Path, index_path: &Path) -> Result<CorpusThesaurus> {
    let path = generation.join(THESAURUS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(CorpusThesaurus::from_text(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(CorpusThesaurus::default()),
        Err(e) => Err(Error::Damaged {
            path: index_path.to_path_buf(),
            message: format!("cannot read {}: {e}", path.display()),
        }),
    }
}

/// The synonyms compiled at build time; None when missing (then the config's TOML is parsed
/// instead), damage when present but unreadable.
fn read_synonyms(generation: &Path, index_path: &Path) -> Result<Option<crate::analysis::Synonyms>> {
    let path = generation.join(SYNONYMS_FILE);
    let damaged = |message: String| Error::Damaged { path: index_path.to_path_buf(), message };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(damaged(format!("cannot read {}: {e}", path.display()))),
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|e| damaged(format!("{}: {e}", path.display())))
}
