//! `ingested.tsv`: what a generation was built from, file by file, so that the next build of
//! the same corpus reads only the files that were added or changed.
//!
//! Each line holds a file's path, the BLAKE3 hash of its bytes and, for a file that became a
//! document, the [`Document`] exactly as ingest returned it (before duplicates were dropped and
//! manifest rows moved to the files kept). Ingest depends on nothing but a file's bytes, its
//! path and the build's settings, so a file with the recorded hash yields the recorded
//! document; the settings are the first line (format version, praev build — its version and
//! executable hash —, config hash, manifest hash), and a build with other settings reuses
//! nothing. Skipped files are recorded
//! without a document and read again (they are few, and their warning is repeated).
//!
//! Everything corpus-wide (duplicates, the vocabulary the analyzer splits compounds with, the
//! thesaurus compiled against it, the tantivy index itself) is computed anew from all
//! documents, reused or read, exactly as a full build does: a new word anywhere can change how
//! an unchanged document's compounds are split, so its tantivy terms cannot be kept.
//!
//! A missing, older or damaged record only costs time: the build then reads every file.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ingest::dedup::Fingerprint;
use crate::ingest::formats::pages::PageStarts;
use crate::ingest::Document;

pub const INGESTED_FILE: &str = "ingested.tsv";
const MAGIC: &str = "praev-ingested 1";

/// The hash recorded for an entry that has no bytes to hash (a FIFO, a folder named like a
/// document, an unreadable file).
pub const NO_HASH: &str = "-";

/// The settings a build ingests with; documents are reused only under the same ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestSettingsKey {
    pub format_version: u32,
    pub praev_version: String,
    pub config_hash: String,
    pub manifest_hash: String,
}

impl IngestSettingsKey {
    fn line(&self) -> String {
        let IngestSettingsKey { format_version, praev_version, config_hash, manifest_hash } = self;
        format!("{MAGIC}\t{format_version}\t{praev_version}\t{config_hash}\t{manifest_hash}")
    }

    /// What differs between the settings of the last build (`self`) and this one, in words.
    fn difference(&self, now: &IngestSettingsKey) -> Option<&'static str> {
        if self.config_hash != now.config_hash {
            Some("the index-config changed")
        } else if self.manifest_hash != now.manifest_hash {
            Some("the manifest changed")
        } else if self.format_version != now.format_version || self.praev_version != now.praev_version {
            Some("praev changed")
        } else {
            None
        }
    }
}

/// What identifies this praev for the record: its version and the hash of its executable, so
/// that a praev built from other code (even of the same version) reuses no document its
/// ingest might make differently. Hashing the executable (about 20 MB) takes some 10 ms.
pub fn praev_build() -> String {
    static BUILD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BUILD
        .get_or_init(|| {
            let version = env!("CARGO_PKG_VERSION");
            match std::env::current_exe().and_then(std::fs::read) {
                Ok(bytes) => format!("{version}+{}", &content_hash(&bytes)[..16]),
                Err(_) => version.to_string(),
            }
        })
        .clone()
}

/// The BLAKE3 hash of `bytes`, in hex.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// What the previous generation was built from.
#[derive(Debug, Default)]
pub struct PreviousIngest {
    /// The record as read; the documents are ranges of it (a copy each would double its size).
    text: String,
    /// File → (content hash, where its recorded document's JSON is in `text`, if it was one).
    entries: HashMap<String, (String, Option<Range<usize>>)>,
    /// Whether the recorded documents may be reused (same settings).
    reusable: bool,
    /// Why they may not, when there was a record.
    pub stale_because: Option<&'static str>,
}

impl PreviousIngest {
    /// Reads the record of `generation`; an absent or unreadable one is an empty record
    /// (nothing to compare with, nothing reused).
    pub fn read(generation: &Path, now: &IngestSettingsKey) -> PreviousIngest {
        let Ok(text) = std::fs::read_to_string(generation.join(INGESTED_FILE)) else {
            return PreviousIngest::default();
        };
        let mut lines = text.lines();
        let Some(then) = lines.next().and_then(parse_key) else { return PreviousIngest::default() };
        let mut entries = HashMap::new();
        for line in lines {
            let mut fields = line.splitn(3, '\t');
            let (Some(path), Some(hash), Some(document)) = (fields.next(), fields.next(), fields.next())
            else {
                return PreviousIngest::default();
            };
            let Ok(path) = serde_json::from_str::<String>(path) else { return PreviousIngest::default() };
            let start = document.as_ptr() as usize - text.as_ptr() as usize;
            let document = (!document.is_empty()).then_some(start..start + document.len());
            entries.insert(path, (hash.to_string(), document));
        }
        let stale_because = then.difference(now);
        PreviousIngest { text, entries, reusable: stale_because.is_none(), stale_because }
    }

    /// Whether there was a record to compare with.
    pub fn exists(&self) -> bool {
        !self.entries.is_empty()
    }

    /// The recorded document of `file` when its bytes still hash to `hash` and the settings
    /// are the same: its JSON line, to decode with [`decode`] and to write again as it is.
    pub fn reusable(&self, file: &str, hash: &str) -> Option<&str> {
        if !self.reusable || hash == NO_HASH {
            return None;
        }
        match self.entries.get(file) {
            Some((recorded, Some(document))) if recorded == hash => self.text.get(document.clone()),
            _ => None,
        }
    }

    /// How the files now (path and hash) differ from the recorded ones.
    pub fn changes<'a>(&self, now: impl Iterator<Item = (&'a str, &'a str)>) -> Changes {
        let mut changes = Changes::default();
        let mut seen = 0;
        for (file, hash) in now {
            match self.entries.get(file) {
                None => changes.added += 1,
                Some((recorded, _)) => {
                    seen += 1;
                    if recorded == hash && hash != NO_HASH {
                        changes.unchanged += 1;
                    } else {
                        changes.changed += 1;
                    }
                }
            }
        }
        changes.removed = self.entries.len() - seen;
        changes
    }
}

/// How a corpus changed since the last build, file by file (documents and skipped files).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
}

fn parse_key(line: &str) -> Option<IngestSettingsKey> {
    let rest = line.strip_prefix(MAGIC)?.strip_prefix('\t')?;
    let fields: Vec<&str> = rest.split('\t').collect();
    let [format_version, praev_version, config_hash, manifest_hash] = fields[..] else { return None };
    Some(IngestSettingsKey {
        format_version: format_version.parse().ok()?,
        praev_version: praev_version.to_string(),
        config_hash: config_hash.to_string(),
        manifest_hash: manifest_hash.to_string(),
    })
}

/// A document with what its serde form leaves out (pages and fingerprint).
#[derive(Serialize)]
struct RecordRef<'a> {
    document: &'a Document,
    page_starts: &'a [usize],
    fingerprint: [u8; 32],
}

#[derive(Deserialize)]
struct Record {
    document: Document,
    page_starts: Vec<usize>,
    fingerprint: [u8; 32],
}

/// The JSON of a document for the record.
pub fn encode(document: &Document) -> String {
    let record = RecordRef {
        document,
        page_starts: &document.page_starts.0,
        fingerprint: document.fingerprint.to_bytes(),
    };
    serde_json::to_string(&record).expect("documents serialise")
}

/// A document from its recorded JSON; None when it does not read (then the file is read anew).
pub fn decode(json: &str) -> Option<Document> {
    let record: Record = serde_json::from_str(json).ok()?;
    let mut document = record.document;
    document.page_starts = PageStarts(record.page_starts);
    document.fingerprint = Fingerprint::from_bytes(record.fingerprint);
    Some(document)
}

/// Writes the record of a new generation as files are ingested, from any thread, in any
/// order (it is read into a map): nothing of it is held in memory.
pub struct RecordWriter {
    path: PathBuf,
    out: Mutex<(BufWriter<File>, Option<std::io::Error>)>,
}

impl RecordWriter {
    /// Creates the record of `generation` and writes its settings line.
    pub fn create(generation: &Path, key: &IngestSettingsKey) -> Result<RecordWriter> {
        let path = generation.join(INGESTED_FILE);
        let io = |source| Error::Io { path: path.clone(), source };
        let mut out = BufWriter::new(File::create(&path).map_err(io)?);
        writeln!(out, "{}", key.line()).map_err(io)?;
        Ok(RecordWriter { path, out: Mutex::new((out, None)) })
    }

    /// Records one file: its path, hash and document JSON (None for a skipped file). A write
    /// error is kept for [`RecordWriter::finish`].
    pub fn add(&self, file: &str, hash: &str, document: Option<&str>) {
        let path = serde_json::to_string(file).expect("paths serialise");
        let mut out = self.out.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if out.1.is_none() {
            if let Err(e) = writeln!(out.0, "{path}\t{hash}\t{}", document.unwrap_or("")) {
                out.1 = Some(e);
            }
        }
    }

    /// Flushes the record; the first error of any write.
    pub fn finish(self) -> Result<()> {
        let (mut out, error) = self.out.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        let result = match error {
            Some(e) => Err(e),
            None => out.flush(),
        };
        result.map_err(|source| Error::Io { path: self.path, source })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(config_hash: &str) -> IngestSettingsKey {
        IngestSettingsKey {
            format_version: 10,
            praev_version: "0.1.0".into(),
            config_hash: config_hash.into(),
            manifest_hash: "none".into(),
        }
    }

    fn write(dir: &Path, key: &IngestSettingsKey, entries: &[(&str, &str, Option<&str>)]) {
        let writer = RecordWriter::create(dir, key).unwrap();
        for (file, hash, document) in entries {
            writer.add(file, hash, *document);
        }
        writer.finish().unwrap();
    }

    #[test]
    fn a_record_counts_added_changed_removed_and_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let entries =
            [("a.txt", "1", Some("{}")), ("b\tc.txt", "2", Some("{\"x\": 1}")), ("x.txt", "3", None)];
        write(dir.path(), &key("c"), &entries);
        let previous = PreviousIngest::read(dir.path(), &key("c"));
        let now = [("a.txt", "1"), ("b\tc.txt", "9"), ("new.txt", "4")];
        let changes = previous.changes(now.into_iter());
        assert_eq!(changes, Changes { added: 1, changed: 1, removed: 1, unchanged: 1 });
        assert_eq!(previous.reusable("a.txt", "1"), Some("{}"));
        assert_eq!(previous.reusable("b\tc.txt", "9"), None, "changed bytes are read anew");
        assert_eq!(previous.reusable("x.txt", "3"), None, "skipped files are read anew");
    }

    #[test]
    fn other_settings_reuse_nothing_and_say_why() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &key("c"), &[("a.txt", "1", Some("{}"))]);
        let previous = PreviousIngest::read(dir.path(), &key("other"));
        assert_eq!(previous.reusable("a.txt", "1"), None);
        assert_eq!(previous.stale_because, Some("the index-config changed"));
        assert!(previous.exists(), "the files are still compared");
    }

    #[test]
    fn a_damaged_record_is_no_record() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(INGESTED_FILE), "praev-ingested 1\t10\tx\tc\tnone\nbroken line\n")
            .unwrap();
        let previous = PreviousIngest::read(dir.path(), &key("c"));
        assert!(!previous.exists());
        assert!(decode("{not json").is_none());
    }

    #[test]
    fn a_recorded_document_reads_back_with_its_pages_and_fingerprint() {
        let document = Document {
            file: "bericht.pdf".into(),
            encoding: "UTF-8".into(),
            meta: crate::ingest::DocumentMeta { date: Some("2021-05".into()), ..Default::default() },
            passages: vec![crate::ingest::Passage {
                ordinal: 0,
                section: Some("Frühe Hilfen".into()),
                text: "Die Frühen Hilfen\tbegleiten Familien.".into(),
                page: Some(2),
            }],
            quotes: Vec::new(),
            page_starts: PageStarts(vec![0, 120]),
            fingerprint: Fingerprint::of("Die Frühen Hilfen begleiten Familien."),
        };
        let json = encode(&document);
        assert!(!json.contains('\n') && !json.contains('\t'), "one line, one field: {json}");
        let read = decode(&json).expect("a recorded document reads back");
        assert_eq!(read.page_starts, document.page_starts);
        assert_eq!(read.fingerprint, document.fingerprint);
        assert_eq!(read.passages, document.passages);
        assert_eq!(read.meta, document.meta);
        assert_eq!(encode(&read), json);
    }
}
