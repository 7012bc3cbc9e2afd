//! `ingested.bin`: what a generation was built from, file by file, so that the next build of
//! the same corpus reads only the files that were added or changed.
//!
//! For each file it holds the path, the BLAKE3 hash of its bytes and, for a file that became a
//! document, the [`Document`] exactly as ingest returned it (before duplicates were dropped and
//! manifest rows moved to the files kept). Ingest depends on nothing but a file's bytes, its
//! path and the build's settings, so a file with the recorded hash yields the recorded
//! document; the settings are the first line (format version, praev build — its version and
//! executable hash —, config hash, manifest hash), and a build with other settings reuses
//! nothing. Skipped files are recorded
//! without a document and read again (they are few, and their warning is repeated).
//!
//! After the settings line, each file is an entry of length-prefixed fields (path, hash,
//! document), the document in postcard's compact binary form: it is written for every file of
//! every build, and JSON (with its escaping of every passage's text) cost several times more.
//!
//! Everything corpus-wide (duplicates, the vocabulary the analyzer splits compounds with, the
//! thesaurus compiled against it, the tantivy index itself) is computed anew from all
//! documents, reused or read, exactly as a full build does: a new word anywhere can change how
//! an unchanged document's compounds are split, so its tantivy terms cannot be kept.
//!
//! A missing, older, foreign or damaged record only costs time: the build then reads every
//! file.

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
use crate::ingest::quotes::Quote;
use crate::ingest::{Document, DocumentMeta, Passage};

pub const INGESTED_FILE: &str = "ingested.bin";
const MAGIC: &str = "praev-ingested 2";

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
    bytes: Vec<u8>,
    /// File → (content hash, where its recorded document is in `bytes`, if it was one).
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
        let Ok(bytes) = std::fs::read(generation.join(INGESTED_FILE)) else {
            return PreviousIngest::default();
        };
        let Some((then, entries)) = parse_record(&bytes) else { return PreviousIngest::default() };
        let stale_because = then.difference(now);
        PreviousIngest { bytes, entries, reusable: stale_because.is_none(), stale_because }
    }

    /// Whether there was a record to compare with.
    pub fn exists(&self) -> bool {
        !self.entries.is_empty()
    }

    /// The recorded document of `file` when its bytes still hash to `hash` and the settings
    /// are the same: its encoding, to decode with [`decode`] and to write again as it is.
    pub fn reusable(&self, file: &str, hash: &str) -> Option<&[u8]> {
        if !self.reusable || hash == NO_HASH {
            return None;
        }
        match self.entries.get(file) {
            Some((recorded, Some(document))) if recorded == hash => self.bytes.get(document.clone()),
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

/// The entries of a record after its settings line: for each file, where its path, hash and
/// document are in `bytes`.
type Entries = HashMap<String, (String, Option<Range<usize>>)>;

/// The settings and entries of a record; `None` when it is not one (foreign, older, cut short
/// or damaged anywhere).
fn parse_record(bytes: &[u8]) -> Option<(IngestSettingsKey, Entries)> {
    let line_end = bytes.iter().position(|&b| b == b'\n')?;
    let then = parse_key(std::str::from_utf8(&bytes[..line_end]).ok()?)?;
    let mut entries = HashMap::new();
    let mut at = line_end + 1;
    while at < bytes.len() {
        let path = field(bytes, &mut at)?;
        let hash = field(bytes, &mut at)?;
        let document = field(bytes, &mut at)?;
        let path = String::from_utf8(bytes[path].to_vec()).ok()?;
        let hash = String::from_utf8(bytes[hash].to_vec()).ok()?;
        entries.insert(path, (hash, (!document.is_empty()).then_some(document)));
    }
    Some((then, entries))
}

/// The range of the field at `*at` (a little-endian `u32` length, then that many bytes), and
/// `*at` moved past it; `None` when the record ends before the field does.
fn field(bytes: &[u8], at: &mut usize) -> Option<Range<usize>> {
    let length: [u8; 4] = bytes.get(*at..at.checked_add(4)?)?.try_into().ok()?;
    let start = *at + 4;
    let end = start.checked_add(usize::try_from(u32::from_le_bytes(length)).ok()?)?;
    bytes.get(start..end)?;
    *at = end;
    Some(start..end)
}

/// Appends a field: its length as a little-endian `u32`, then its bytes.
fn write_field(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    let length = u32::try_from(bytes.len())
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "record field over 4 GiB"))?;
    out.write_all(&length.to_le_bytes())?;
    out.write_all(bytes)
}

/// A document as the record holds it. postcard writes fields by position, not by name, so
/// every field is written, also those the serde form of [`Document`] leaves out (a passage's
/// absent page, the page starts, the fingerprint).
#[derive(Serialize)]
struct RecordRef<'a> {
    file: &'a str,
    encoding: &'a str,
    meta: &'a DocumentMeta,
    passages: Vec<PassageRef<'a>>,
    quotes: &'a [Quote],
    page_starts: &'a [usize],
    fingerprint: [u8; 32],
}

#[derive(Serialize)]
struct PassageRef<'a> {
    ordinal: u32,
    section: Option<&'a str>,
    text: &'a str,
    page: Option<u32>,
}

#[derive(Deserialize)]
struct Record {
    file: String,
    encoding: String,
    meta: DocumentMeta,
    passages: Vec<Passage>,
    quotes: Vec<Quote>,
    page_starts: Vec<usize>,
    fingerprint: [u8; 32],
}

/// A document's encoding for the record.
pub fn encode(document: &Document) -> Vec<u8> {
    let passages = document
        .passages
        .iter()
        .map(|p| PassageRef {
            ordinal: p.ordinal,
            section: p.section.as_deref(),
            text: &p.text,
            page: p.page,
        })
        .collect();
    let record = RecordRef {
        file: &document.file,
        encoding: &document.encoding,
        meta: &document.meta,
        passages,
        quotes: &document.quotes,
        page_starts: &document.page_starts.0,
        fingerprint: document.fingerprint.to_bytes(),
    };
    postcard::to_stdvec(&record).expect("documents serialise")
}

/// A document from its recorded encoding; None when it does not read, or leaves bytes over
/// (then the file is read anew).
pub fn decode(bytes: &[u8]) -> Option<Document> {
    let (record, rest): (Record, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let Record { file, encoding, meta, passages, quotes, page_starts, fingerprint } = record;
    Some(Document {
        file,
        encoding,
        meta,
        passages,
        quotes,
        page_starts: PageStarts(page_starts),
        fingerprint: Fingerprint::from_bytes(fingerprint),
    })
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

    /// Records one file: its path, hash and document as [`encode`] gives it (None for a
    /// skipped file). A write error is kept for [`RecordWriter::finish`].
    pub fn add(&self, file: &str, hash: &str, document: Option<&[u8]>) {
        let mut out = self.out.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if out.1.is_none() {
            let (writer, error) = &mut *out;
            let written = write_field(writer, file.as_bytes())
                .and_then(|()| write_field(writer, hash.as_bytes()))
                .and_then(|()| write_field(writer, document.unwrap_or_default()));
            if let Err(e) = written {
                *error = Some(e);
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

    fn write(dir: &Path, key: &IngestSettingsKey, entries: &[(&str, &str, Option<&[u8]>)]) {
        let writer = RecordWriter::create(dir, key).unwrap();
        for (file, hash, document) in entries {
            writer.add(file, hash, *document);
        }
        writer.finish().unwrap();
    }

    #[test]
    fn a_record_counts_added_changed_removed_and_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let entries: [(&str, &str, Option<&[u8]>); 3] =
            [("a.txt", "1", Some(b"{}")), ("b\tc\n.txt", "2", Some(b"x\n\t\0y")), ("x.txt", "3", None)];
        write(dir.path(), &key("c"), &entries);
        let previous = PreviousIngest::read(dir.path(), &key("c"));
        let now = [("a.txt", "1"), ("b\tc\n.txt", "9"), ("new.txt", "4")];
        let changes = previous.changes(now.into_iter());
        assert_eq!(changes, Changes { added: 1, changed: 1, removed: 1, unchanged: 1 });
        assert_eq!(previous.reusable("a.txt", "1"), Some(&b"{}"[..]));
        assert_eq!(previous.reusable("b\tc\n.txt", "2"), Some(&b"x\n\t\0y"[..]), "any bytes, any path");
        assert_eq!(previous.reusable("b\tc\n.txt", "9"), None, "changed bytes are read anew");
        assert_eq!(previous.reusable("x.txt", "3"), None, "skipped files are read anew");
    }

    #[test]
    fn other_settings_reuse_nothing_and_say_why() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &key("c"), &[("a.txt", "1", Some(b"{}"))]);
        let previous = PreviousIngest::read(dir.path(), &key("other"));
        assert_eq!(previous.reusable("a.txt", "1"), None);
        assert_eq!(previous.stale_because, Some("the index-config changed"));
        assert!(previous.exists(), "the files are still compared");
    }

    /// A record cut short inside an entry, with bytes over, of the older text format or of
    /// something else altogether is no record: every file is read anew. Cut between two
    /// entries, it is the record of the files before the cut.
    #[test]
    fn a_damaged_or_foreign_record_is_no_record() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &key("c"), &[("a.txt", "1", Some(b"document")), ("b.txt", "2", None)]);
        let whole = std::fs::read(dir.path().join(INGESTED_FILE)).unwrap();
        let read = |bytes: &[u8]| {
            std::fs::write(dir.path().join(INGESTED_FILE), bytes).unwrap();
            PreviousIngest::read(dir.path(), &key("c"))
        };
        assert!(read(&whole).exists(), "the whole record reads");
        let header = whole.iter().position(|&b| b == b'\n').unwrap() + 1;
        // Path, hash and document of a.txt, each after its 4-byte length.
        let first_entry_end = header + (4 + 5) + (4 + 1) + (4 + 8);
        for end in header + 1..whole.len() {
            let previous = read(&whole[..end]);
            if end == first_entry_end {
                assert_eq!(previous.reusable("a.txt", "1"), Some(&b"document"[..]), "cut between entries");
            } else {
                assert!(!previous.exists(), "cut after {end} of {} bytes", whole.len());
            }
        }
        let foreign = [
            [whole.as_slice(), b"x"].concat(),
            b"praev-ingested 1\t10\t0.1.0\tc\tnone\n\"a.txt\"\t1\t{}\n".to_vec(),
            vec![0xff; 40],
        ];
        for bytes in foreign {
            assert!(!read(&bytes).exists(), "{:?}", String::from_utf8_lossy(&bytes));
        }
    }

    fn document() -> Document {
        let passage = |ordinal: u32, section: Option<&str>, text: &str, page: Option<u32>| {
            crate::ingest::Passage { ordinal, section: section.map(String::from), text: text.into(), page }
        };
        Document {
            file: "bericht.pdf".into(),
            encoding: "UTF-8".into(),
            meta: crate::ingest::DocumentMeta {
                date: Some("2021-05".into()),
                kind: crate::ingest::DocKind::Press,
                contact: Some(crate::ingest::Contact { email: Some("a@b.de".into()), ..Default::default() }),
                ..Default::default()
            },
            passages: vec![
                passage(0, Some("Frühe Hilfen"), "Die Frühen Hilfen\tbegleiten Familien.", Some(2)),
                passage(1, None, "„Kein Kind zurücklassen“\n", None),
            ],
            quotes: vec![Quote {
                text: "Kein Kind zurücklassen".into(),
                speaker: Some("Dr. Klaus Effing".into()),
                role: None,
                start: 40,
                truncated: false,
                citation: "„Kein Kind zurücklassen“, sagt Dr. Klaus Effing.".into(),
                reported: false,
            }],
            page_starts: PageStarts(vec![0, 120]),
            fingerprint: Fingerprint::of("Die Frühen Hilfen begleiten Familien."),
        }
    }

    #[test]
    fn a_recorded_document_reads_back_whole() {
        let document = document();
        let encoded = encode(&document);
        let read = decode(&encoded).expect("a recorded document reads back");
        assert_eq!(read.file, document.file);
        assert_eq!(read.encoding, document.encoding);
        assert_eq!(read.meta, document.meta);
        assert_eq!(read.passages, document.passages, "a passage without a page included");
        assert_eq!(read.quotes, document.quotes);
        assert_eq!(read.page_starts, document.page_starts);
        assert_eq!(read.fingerprint, document.fingerprint);
        assert_eq!(encode(&read), encoded);
    }

    #[test]
    fn a_damaged_document_does_not_read() {
        let encoded = encode(&document());
        for end in 0..encoded.len() {
            assert!(decode(&encoded[..end]).is_none(), "cut after {end} bytes");
        }
        assert!(decode(&[encoded.as_slice(), &[0]].concat()).is_none(), "a byte over");
        assert!(decode(b"{not json").is_none());
    }
}
