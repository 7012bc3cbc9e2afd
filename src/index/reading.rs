//! Reading a corpus for a build: every file ingested on all cores, or, when its bytes hash
//! as the previous generation recorded, its recorded document reused (see [`super::ingested`]);
//! with the corpus vocabulary each thread collects from its documents.

use rustc_hash::FxHashSet;

use super::build::BuildProgress;
use super::ingested::{self, PreviousIngest, RecordWriter, NO_HASH};
use crate::analysis::tokenize::is_invisible;
use crate::analysis::UmlautFold;
use crate::config::AnalysisConfig;
use crate::ingest::{self, Document, IngestSettings, SkipReason, Skipped, SourceFile};

/// The distinct words (lower-cased, folded, hyphenated words in pieces, no stop words, no
/// numbers) of some documents. Written forms are collected first and folded once each: a
/// corpus repeats its words many times over.
fn vocabulary<'a>(
    documents: impl Iterator<Item = &'a Document>,
    analysis: &AnalysisConfig,
) -> FxHashSet<String> {
    // Fx hashing: the sets are hashed once per word of the corpus, and their order is not used.
    let mut written: FxHashSet<&str> = FxHashSet::default();
    for document in documents {
        for passage in &document.passages {
            written.extend(
                passage
                    .text
                    .split(|c: char| !c.is_alphanumeric() && !is_invisible(c))
                    .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || is_invisible(c))),
            );
        }
    }
    let max = analysis.settings.max_word_chars;
    let mut words: FxHashSet<String> = FxHashSet::default();
    for word in written {
        let lower: String = word.chars().filter(|c| !is_invisible(*c)).flat_map(char::to_lowercase).collect();
        if lower.chars().count() > max {
            continue;
        }
        let folded = UmlautFold::fold(&lower);
        if !analysis.stop_words.contains(&folded) {
            words.insert(folded);
        }
    }
    words
}

pub(super) type Outcome = std::result::Result<Document, Skipped>;

/// What one ingest thread returns: its files' outcomes and record entries numbered by file, its
/// files' vocabulary and how many it read.
struct IngestPart {
    numbered: Vec<(usize, Outcome, String)>,
    words: FxHashSet<String>,
    read: usize,
}

/// The outcomes of all files in file order, the corpus vocabulary (see [`vocabulary`]), the
/// content hashes of the files (see [`ingested`]) and how many files were read.
pub(super) struct Ingested {
    pub(super) outcomes: Vec<Outcome>,
    pub(super) words: FxHashSet<String>,
    pub(super) hashes: Vec<String>,
    pub(super) files_read: usize,
}

/// Ingests the files on `threads` threads; a file whose bytes hash as recorded in `previous`
/// gets its recorded document instead. Each thread collects the vocabulary of its own files.
/// Threads take the next file as they finish one, so a thread with long files does not leave
/// the others idle.
pub(super) fn ingest_all(
    files: &[SourceFile],
    settings: &IngestSettings,
    analysis: &AnalysisConfig,
    (previous, record, threads): (&PreviousIngest, &RecordWriter, usize),
    progress: &dyn BuildProgress,
) -> Ingested {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let worker = || -> IngestPart {
        let mut numbered = Vec::new();
        let mut read = 0;
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(file) = files.get(i) else { break };
            let (outcome, hash, was_read) = ingest_or_reuse(file, settings, previous, record);
            read += usize::from(was_read);
            progress.file_done(&file.rel_path);
            numbered.push((i, outcome, hash));
        }
        let words = vocabulary(numbered.iter().filter_map(|(_, o, _)| o.as_ref().ok()), analysis);
        IngestPart { numbered, words, read }
    };
    let threads = if files.len() < 64 { 1 } else { threads.max(1) };
    let parts: Vec<IngestPart> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        handles.into_iter().map(|h| h.join().expect("an ingest thread panicked")).collect()
    });
    let mut numbered = Vec::with_capacity(files.len());
    let mut words = FxHashSet::default();
    let mut files_read = 0;
    for part in parts {
        numbered.extend(part.numbered);
        words.extend(part.words);
        files_read += part.read;
    }
    numbered.sort_unstable_by_key(|(i, _, _)| *i);
    let (outcomes, hashes) = numbered.into_iter().map(|(_, outcome, hash)| (outcome, hash)).unzip();
    Ingested { outcomes, words, hashes, files_read }
}

/// One file's outcome: its recorded document when its bytes hash as recorded, else what
/// ingest makes of it; recorded in `record`. Returns its content hash too, and whether it was
/// read.
fn ingest_or_reuse(
    file: &SourceFile,
    settings: &IngestSettings,
    previous: &PreviousIngest,
    record: &RecordWriter,
) -> (Outcome, String, bool) {
    // Read once: the bytes are hashed, then ingested unless the recorded document serves.
    let bytes = match &file.not_a_document {
        Some(_) => Ok(Vec::new()),
        None => std::fs::read(&file.abs_path),
    };
    let hash = match (&file.not_a_document, &bytes) {
        (None, Ok(bytes)) => ingested::content_hash(bytes),
        _ => NO_HASH.to_string(),
    };
    if let Some(recorded) = previous.reusable(&file.rel_path, &hash) {
        if let Some(document) = ingested::decode(recorded) {
            record.add(&file.rel_path, &hash, Some(recorded));
            return (Ok(document), hash, false);
        }
    }
    let outcome = bytes
        .map_err(|e| SkipReason::Unreadable(e.to_string()))
        .and_then(|bytes| ingest::ingest_file(file, bytes, settings))
        .map_err(|reason| Skipped { rel_path: file.rel_path.clone(), reason });
    record.add(&file.rel_path, &hash, outcome.as_ref().ok().map(ingested::encode).as_deref());
    (outcome, hash, true)
}
