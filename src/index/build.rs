//! Building an index: ingest every file of a corpus folder, write a new generation, publish it.
//!
//! Files are read and understood on all cores (ingest is the costly part: decoding, metadata,
//! passages); tantivy's writer threads then analyse and index the passages. A file with the
//! same text as one before it in path order is indexed once (see [`ingest::dedup`]). The build
//! reports what it did (documents, passages, municipalities, skipped files by reason,
//! duplicates) and never prints: the caller hears about each file through [`BuildProgress`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use tantivy::schema::Facet;
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

use super::ingested::{self, Changes, IngestSettingsKey, PreviousIngest, RecordWriter};
use super::meta::{DocumentRecord, DuplicateRecord, IndexMeta, SkippedRecord, FORMAT_VERSION, META_FILE};
use super::reading::{ingest_all, Ingested, Outcome};
use super::schema::{build_schema, Fields};
use super::store::BuildLock;
use super::{CONFIG_DIR, SYNONYMS_FILE, THESAURUS_FILE, VOCABULARY_FILE};
use crate::analysis::thesaurus::NOUN_ENDINGS;
use crate::analysis::{Lexicon, WordCounter, ANALYZER_NAME, WORD_COUNT_NAME};
use crate::config::{ConfigFiles, IndexConfig};
use crate::error::{Error, Result};
use crate::ingest::metadata::DatePeriod;
use crate::ingest::{
    self, Document, DocumentMeta, Duplicate, IngestSettings, Manifest, PassageKind, Skipped, SourceFile,
};

/// Below this many passages one writer thread is faster overall: one segment to search.
const SMALL_CORPUS_PASSAGES: usize = 20_000;
/// Memory tantivy's writer may use, shared by its threads; keeps a large build well under 500 MB.
const WRITER_MEMORY_BYTES: usize = 200_000_000;

/// What to build.
pub struct BuildRequest {
    /// The folder of documents.
    pub corpus: PathBuf,
    /// The index folder (created if missing).
    pub index: PathBuf,
    pub config: ConfigFiles,
    /// The folder `config` was read from, remembered by the index (None: the bundled one).
    pub config_dir: Option<PathBuf>,
}

/// The corpus folder and config folder (None: the bundled config) the index at `index` was
/// last built from: what `praev index --index IDX` updates it from.
pub fn remembered_sources(index: &Path) -> Result<(PathBuf, Option<PathBuf>)> {
    let no_index = || {
        Error::InvalidArgument(format!(
            "{} holds no index to update: name the folder to index (praev index DIR --index IDX)",
            index.display()
        ))
    };
    let generation = super::store::current_generation(index)?.ok_or_else(no_index)?;
    if !generation.join(META_FILE).is_file() {
        return Err(no_index());
    }
    let meta = IndexMeta::read(&generation, index)?;
    Ok((PathBuf::from(meta.corpus_root), meta.config_dir.map(PathBuf::from)))
}

/// Hears about the build as it goes (the CLI draws a progress bar and prints warnings).
pub trait BuildProgress: Sync {
    /// Reading and understanding `files` files begins.
    fn started(&self, _files: usize) {}
    fn file_done(&self, _file: &str) {}
    /// Writing `passages` passages into the index begins.
    fn indexing(&self, _passages: usize) {}
    fn passages_done(&self, _passages: usize) {}
    /// The index is being committed and published.
    fn finishing(&self) {}
    fn skipped(&self, _skipped: &Skipped) {}
    fn warning(&self, _message: &str) {}
    /// Something the user should know that is no problem (a full read after a config change).
    fn note(&self, _message: &str) {}
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub index: PathBuf,
    pub documents: usize,
    pub passages: usize,
    pub quotes: usize,
    pub municipalities: usize,
    pub skipped: Vec<Skipped>,
    /// Files not indexed because an earlier file has the same text.
    pub duplicates: Vec<Duplicate>,
    /// How the corpus changed since the generation this build replaced (None for a first
    /// build, or one over an index without a record of its files).
    pub changes: Option<Changes>,
    /// How many files were read (the others' documents were reused).
    pub files_read: usize,
    pub seconds: f64,
}

impl BuildReport {
    /// Skipped files counted by reason label, sorted by label.
    pub fn skipped_by_reason(&self) -> Vec<(String, usize)> {
        let mut counts = std::collections::BTreeMap::new();
        for s in &self.skipped {
            *counts.entry(s.reason.label()).or_insert(0) += 1;
        }
        counts.into_iter().collect()
    }
}

/// Builds the index of `request.corpus` into a new generation of `request.index` and publishes
/// it. The previous generation stays usable until the very end, and stays in place on failure.
pub fn build(request: &BuildRequest, progress: &dyn BuildProgress) -> Result<BuildReport> {
    let started = Instant::now();
    // Listing a large corpus and loading the configuration (the gazetteer's automaton) take a
    // while each and need nothing of each other: the corpus is listed on a thread of its own.
    // A configuration error is reported first, as when the two ran one after the other.
    let (config, listed) = std::thread::scope(|scope| {
        let listing = scope.spawn(|| {
            // The executable's hash (for the ingest record's key) is computed here too, once.
            ingested::praev_build();
            absolute(&request.corpus).and_then(|corpus| Ok((list_corpus(&corpus)?, corpus)))
        });
        let config = request.config.load();
        (config, listing.join().expect("the corpus listing thread panicked"))
    });
    let config = config?;
    let (files, corpus) = listed?;
    let (manifest, manifest_hash) = read_manifest(&corpus, &files, progress)?;
    let key = IngestSettingsKey {
        format_version: FORMAT_VERSION,
        praev_version: ingested::praev_build(),
        config_hash: config.files.hash(),
        manifest_hash,
    };

    let lock = BuildLock::acquire(&request.index)?;
    if let Some(damage) = lock.remove_stale()? {
        progress.warning(&format!(
            "the index at {} was damaged ({damage}): building it anew",
            request.index.display()
        ));
    }
    let previous = previous_ingest(&request.index, &key);
    if let (true, Some(why)) = (previous.exists(), previous.stale_because) {
        progress.note(&format!("{why} since the last build: reading every file anew"));
    }
    let generation = lock.new_generation()?;
    let sources = Sources {
        corpus: &corpus,
        config_dir: request.config_dir.as_deref(),
        files: &files,
        manifest: &manifest,
    };
    let result = write_generation(&generation, &sources, &config, (&previous, &key), progress);
    let Written { meta, skipped, duplicates, changes, files_read } = match result {
        Ok(done) => done,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&generation);
            return Err(e);
        }
    };
    lock.publish(&generation)?;

    Ok(BuildReport {
        index: request.index.clone(),
        documents: meta.documents,
        passages: meta.passages,
        quotes: meta.quotes,
        municipalities: meta.municipalities,
        skipped,
        duplicates,
        changes: previous.exists().then_some(changes),
        files_read,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The record of the files the current generation was built from (empty when there is none).
fn previous_ingest(index: &Path, key: &IngestSettingsKey) -> PreviousIngest {
    match super::store::current_generation(index) {
        Ok(Some(generation)) if generation.join(META_FILE).is_file() => {
            PreviousIngest::read(&generation, key)
        }
        _ => PreviousIngest::default(),
    }
}

/// What a build reads: the corpus, its files and manifest, and where its config came from.
struct Sources<'a> {
    corpus: &'a Path,
    config_dir: Option<&'a Path>,
    files: &'a [SourceFile],
    manifest: &'a Manifest,
}

fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

fn list_corpus(corpus: &Path) -> Result<Vec<SourceFile>> {
    if !corpus.exists() {
        return Err(Error::InvalidArgument(format!("corpus folder {} does not exist", corpus.display())));
    }
    if !corpus.is_dir() {
        return Err(Error::InvalidArgument(format!("{} is not a folder", corpus.display())));
    }
    ingest::list_files(corpus).map_err(|source| Error::Io { path: corpus.to_path_buf(), source })
}

/// The corpus's manifest and the hash of its text ("none" without one).
fn read_manifest(
    corpus: &Path,
    files: &[SourceFile],
    progress: &dyn BuildProgress,
) -> Result<(Manifest, String)> {
    let path = corpus.join(Manifest::FILE_NAME);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Manifest::default(), "none".into()))
        }
        Err(source) => return Err(Error::Io { path, source }),
    };
    let manifest = Manifest::parse(&text).map_err(|source| Error::Config { path: path.clone(), source })?;
    for named in manifest.files() {
        if !files.iter().any(|f| f.rel_path == named) {
            progress.warning(&format!("{}: names {named}, which is not in the corpus", path.display()));
        }
    }
    Ok((manifest, ingested::content_hash(text.as_bytes())))
}

/// What a generation records about itself, the files it skipped, the duplicates it left out,
/// how the files changed since the last build and how many were read.
struct Written {
    meta: IndexMeta,
    skipped: Vec<Skipped>,
    duplicates: Vec<Duplicate>,
    changes: Changes,
    files_read: usize,
}

fn write_generation(
    generation: &Path,
    sources: &Sources,
    config: &IndexConfig,
    (previous, key): (&PreviousIngest, &IngestSettingsKey),
    progress: &dyn BuildProgress,
) -> Result<Written> {
    let Sources { corpus, files, manifest, .. } = *sources;
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 8);
    let known_headings = ingest::passages::KnownHeadings::new(&config.headings);
    let settings = IngestSettings {
        boilerplate: &config.boilerplate,
        known_headings: &known_headings,
        municipalities: &config.municipalities,
        manifest,
    };
    progress.started(files.len());
    let record = RecordWriter::create(generation, key)?;
    let ingested = ingest_all(files, &settings, &config.analysis, (previous, &record, threads), progress);
    record.finish()?;
    let Ingested { outcomes, words: corpus_words, hashes, files_read } = ingested;
    let changes =
        previous.changes(files.iter().map(|f| f.rel_path.as_str()).zip(hashes.iter().map(String::as_str)));
    let (outcomes, duplicates) = drop_duplicates(outcomes, manifest, progress);

    // The corpus's own words are compound parts too; queries must split as documents did.
    let vocabulary_bytes = Lexicon::vocabulary_bytes(corpus_words, &config.analysis.compound_parts());
    let vocabulary_path = generation.join(VOCABULARY_FILE);
    std::fs::write(&vocabulary_path, &vocabulary_bytes)
        .map_err(|source| Error::Io { path: vocabulary_path.clone(), source })?;
    let vocabulary = Lexicon::corpus_set(vocabulary_bytes)
        .map_err(|e| Error::Damaged { path: vocabulary_path, message: e.to_string() })?;

    // One analyzer for the documents and for the synonyms' keys: searches analyse as both did.
    let corpus_word_set = vocabulary.clone();
    let analyzer = config.analysis.german_analyzer(Some(vocabulary));
    let index = Index::create_in_dir(generation, build_schema())?;
    index.tokenizers().register(ANALYZER_NAME, analyzer.clone());
    let max_word_chars = config.analysis.settings.max_word_chars;
    let counter = WordCounter::new(config.analysis.stop_words.clone(), max_word_chars);
    index.tokenizers().register(WORD_COUNT_NAME, counter);
    let fields = Fields::from_schema(&index.schema())?;
    // Each writer thread makes its own segment, and every search looks each term up in every
    // segment: a small corpus is written by one thread into one segment.
    let passages: usize = outcomes.iter().flatten().map(|d| d.passages.len() + d.quotes.len()).sum();
    let writer_threads = if passages < SMALL_CORPUS_PASSAGES { 1 } else { threads };
    let mut writer: IndexWriter = index.writer_with_num_threads(writer_threads, WRITER_MEMORY_BYTES)?;
    let mut records = Vec::new();
    let mut skipped = Vec::new();
    progress.indexing(outcomes.iter().flatten().map(|d| d.passages.len()).sum());
    for outcome in outcomes {
        match outcome {
            Ok(document) => {
                add_document(&writer, &fields, &document)?;
                progress.passages_done(document.passages.len());
                records.push(record_of(document));
            }
            Err(skip) => {
                progress.skipped(&skip);
                skipped.push(skip);
            }
        }
    }
    progress.finishing();
    // What needs no index is written while tantivy's threads still index the last passages.
    let municipalities = distinct(&records, |meta| meta.municipality.as_deref());
    let districts = distinct(&records, |meta| meta.district.as_deref());
    config.files.write_dir(&generation.join(CONFIG_DIR))?;
    let synonyms_path = generation.join(SYNONYMS_FILE);
    let synonyms = config.analysis.synonyms.clone().with_keys(&analyzer);
    let synonyms_json = serde_json::to_vec(&synonyms).expect("synonyms serialise");
    std::fs::write(&synonyms_path, synonyms_json)
        .map_err(|source| Error::Io { path: synonyms_path, source })?;
    IndexMeta::write_documents(generation, &records)?;
    IndexMeta::write_municipalities(generation, &municipalities)?;
    IndexMeta::write_districts(generation, &districts)?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    // The segments' checksums and the thesaurus need nothing of each other: two threads.
    let (checksums, thesaurus) = std::thread::scope(|scope| {
        let checksums = scope.spawn(|| super::check::write_segment_checksums(generation));
        let thesaurus = write_thesaurus(generation, &index, &fields, config, &analyzer, &corpus_word_set);
        (checksums.join().expect("the checksum thread panicked"), thesaurus)
    });
    checksums?;
    thesaurus?;

    let meta = IndexMeta {
        format_version: FORMAT_VERSION,
        praev_version: env!("CARGO_PKG_VERSION").to_string(),
        corpus_root: corpus.display().to_string(),
        config_dir: sources
            .config_dir
            .map(|dir| std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()).display().to_string()),
        config_hash: config.files.hash(),
        built_at: SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
        documents: records.len(),
        passages: records.iter().map(|d| d.passages).sum(),
        quotes: records.iter().map(|d| d.quotes).sum(),
        municipalities: municipalities.len(),
        skipped: skipped
            .iter()
            .map(|s| SkippedRecord { file: s.rel_path.clone(), reason: s.reason.to_string() })
            .collect(),
        duplicates: duplicates
            .iter()
            .map(|d| DuplicateRecord { file: d.rel_path.clone(), same_as: d.kept.clone() })
            .collect(),
    };
    meta.write(generation)?;
    drop_in_background((analyzer, index, records));
    Ok(Written { meta, skipped, duplicates, changes, files_read })
}

/// Frees `value` on a thread of its own: the analyzer's word cache and the document records of
/// a large corpus take a while to free, and nothing waits for it.
fn drop_in_background<T: Send + 'static>(value: T) {
    // When no thread can be made, the value is freed right here, with the closure.
    let _ = std::thread::Builder::new().name("praev-free".into()).spawn(move || drop(value));
}

/// Compiles the general thesaurus against the words the index holds (see
/// `analysis::thesaurus`) and writes it beside the synonyms.
fn write_thesaurus(
    generation: &Path,
    index: &Index,
    fields: &Fields,
    config: &IndexConfig,
    analyzer: &crate::analysis::GermanAnalyzer,
    corpus_words: &fst::Set<Vec<u8>>,
) -> Result<()> {
    let searcher = index.reader()?.searcher();
    let passages_with =
        |term: &str| searcher.doc_freq(&tantivy::Term::from_field_text(fields.text, term)).unwrap_or(0);
    let holds_a_form = |word: &str| Lexicon::holds_with_ending(corpus_words, word, NOUN_ENDINGS);
    let compiled = config.thesaurus.compile(analyzer, searcher.num_docs(), passages_with, holds_a_form);
    let path = generation.join(THESAURUS_FILE);
    std::fs::write(&path, compiled.as_text()).map_err(|source| Error::Io { path, source })
}

/// Leaves out the documents whose text a document before them in path order has, with one
/// warning each naming both files. A left-out file's manifest row applies to the file kept in
/// its place when the manifest has no row for that one; otherwise it is ignored, and the
/// warning says so.
fn drop_duplicates(
    outcomes: Vec<Outcome>,
    manifest: &Manifest,
    progress: &dyn BuildProgress,
) -> (Vec<Outcome>, Vec<Duplicate>) {
    let (mut outcomes, duplicates) = ingest::dedup::drop_duplicate_documents(outcomes);
    let mut with_row: HashSet<String> = manifest.files().into_iter().map(String::from).collect();
    for duplicate in &duplicates {
        let (left_out, kept) = (&duplicate.rel_path, &duplicate.kept);
        let mut message = format!("{left_out} has the same text as {kept}: indexed once, as {kept}");
        if with_row.contains(left_out) {
            if with_row.contains(kept) {
                message.push_str(&format!("; the manifest row of {left_out} is ignored"));
            } else if let Some(document) = outcomes.iter_mut().flatten().find(|d| &d.file == kept) {
                manifest.apply(left_out, &mut document.meta);
                with_row.insert(kept.clone());
                message.push_str(&format!("; its manifest row applies to {kept}"));
            }
        }
        progress.warning(&message);
    }
    (outcomes, duplicates)
}

fn add_document(writer: &IndexWriter, fields: &Fields, document: &Document) -> Result<()> {
    let kind = document.meta.kind.as_str();
    for passage in &document.passages {
        let mut tantivy_doc: TantivyDocument = doc!(
            fields.text => passage.text.as_str(),
            fields.text_words => passage.text.as_str(),
            fields.file => document.file.as_str(),
            fields.passage => u64::from(passage.ordinal),
            fields.kind => kind,
            fields.kind_facet => Facet::from_path([kind]),
        );
        if let Some(page) = passage.page {
            tantivy_doc.add_u64(fields.page, u64::from(page));
        }
        if let Some(section) = &passage.section {
            tantivy_doc.add_text(fields.section, section);
            tantivy_doc.add_text(fields.section_words, section);
        }
        add_document_meta(&mut tantivy_doc, fields, &document.meta);
        writer.add_document(tantivy_doc)?;
    }
    add_quotes(writer, fields, document)
}

/// Each quote as a passage of kind `quote`, numbered after the document's passages: its text is
/// the quote with its attribution (what a reader cites and a query names: "sagte Landrat X"),
/// the quoted words alone are stored beside it.
fn add_quotes(writer: &IndexWriter, fields: &Fields, document: &Document) -> Result<()> {
    let kind = PassageKind::Quote.as_str();
    let first = document.passages.len() as u64;
    for (n, quote) in (first..).zip(&document.quotes) {
        let text = if quote.citation.is_empty() { &quote.text } else { &quote.citation };
        let mut tantivy_doc: TantivyDocument = doc!(
            fields.text => text.as_str(),
            fields.text_words => text.as_str(),
            fields.file => document.file.as_str(),
            fields.passage => n,
            fields.kind => kind,
            fields.kind_facet => Facet::from_path([kind]),
            fields.quote => quote.text.as_str(),
            fields.truncated => u64::from(quote.truncated),
            fields.reported => u64::from(quote.reported),
        );
        if let Some(page) = document.page_starts.page_at(quote.start) {
            tantivy_doc.add_u64(fields.page, u64::from(page));
        }
        if let Some(speaker) = &quote.speaker {
            tantivy_doc.add_text(fields.speaker, speaker);
            tantivy_doc.add_text(fields.speaker_words, speaker);
        }
        if let Some(role) = &quote.role {
            tantivy_doc.add_text(fields.role, role);
            tantivy_doc.add_text(fields.role_words, role);
        }
        add_document_meta(&mut tantivy_doc, fields, &document.meta);
        writer.add_document(tantivy_doc)?;
    }
    Ok(())
}

/// What every passage of a document carries of the document's metadata: municipality and
/// district (stored, and as facets for filters), date, title and url.
fn add_document_meta(tantivy_doc: &mut TantivyDocument, fields: &Fields, meta: &DocumentMeta) {
    if let Some(name) = &meta.municipality {
        tantivy_doc.add_text(fields.municipality, name);
        tantivy_doc.add_facet(fields.municipality_facet, Facet::from_path([name.as_str()]));
    }
    if let Some(district) = &meta.district {
        tantivy_doc.add_text(fields.district, district);
        tantivy_doc.add_facet(fields.district_facet, Facet::from_path([district.as_str()]));
    }
    if let Some(period) = meta.date.as_deref().and_then(|date| DatePeriod::parse(date).ok()) {
        tantivy_doc.add_u64(fields.date_first, u64::from(period.first));
        tantivy_doc.add_u64(fields.date_last, u64::from(period.last));
    }
    let stored = [(fields.date, &meta.date), (fields.title, &meta.title), (fields.url, &meta.url)];
    for (field, value) in stored {
        if let Some(value) = value {
            tantivy_doc.add_text(field, value);
        }
    }
}

/// The sorted, distinct values of one field of the documents' metadata.
fn distinct(records: &[DocumentRecord], field: impl Fn(&DocumentMeta) -> Option<&str>) -> Vec<String> {
    let names: std::collections::BTreeSet<&str> = records.iter().filter_map(|d| field(&d.meta)).collect();
    names.into_iter().map(String::from).collect()
}

fn record_of(document: Document) -> DocumentRecord {
    DocumentRecord {
        file: document.file,
        encoding: document.encoding,
        passages: document.passages.len(),
        quotes: document.quotes.iter().filter(|quote| !quote.reported).count(),
        pages: (!document.page_starts.is_empty()).then(|| document.page_starts.0.len() as u32),
        meta: document.meta,
    }
}
