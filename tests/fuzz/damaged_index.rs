//! The index reader on damaged files, in-process.
//!
//! One index of the bundled corpus is built once into a RAM-backed folder and its files are
//! kept in memory. Each execution damages one to three of its files (truncates, flips bits,
//! overwrites bytes, zeroes a range, copies in bytes of another file, replaces or deletes a
//! file: `CURRENT`, praev's own files, the config copy, `vocabulary.fst`, tantivy's
//! `meta.json` and segment files), runs what the read commands run (open, a search and one of
//! the listings: quotes, documents, speakers, themes) as `praev`'s panic boundary does
//! (`cli::panic`: a panic or a tantivy error is answered by `index::check::find_damage`), and
//! restores the damaged files. Every execution must end in Ok or in a typed error that tells
//! the user to rebuild (or that there is no index); a panic that the damage check cannot name,
//! an error that names no damage, or a panic inside the damage check fails the run, which
//! lists each kind of failure with the first execution that caused it.
//!
//! For speed, an execution that damages only tantivy's files reopens only those
//! ([`PraevIndex::reopen_segments`]) on an index opened once: praev's own files, whose reading
//! (config, analysis) is most of the cost of opening, are intact then.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;

use praev::config::ConfigFiles;
use praev::index::documents::{self, DocumentFilter};
use praev::index::{build, check, BuildProgress, BuildRequest, PraevIndex};
use praev::query::quotes::{find_quotes, QuoteRequest};
use praev::query::speakers::list_speakers;
use praev::query::{search, PassageFilter, SearchRequest};
use praev::Error;

use super::Inputs;

/// Where a damaged file is named in a [`Damage`]: its path in the index folder with the
/// generation folder as `GEN` and the segment id as `SEGMENT`, so that a damage reads the
/// same against every build of the same corpus.
type Role = String;

/// What is done to one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Harm {
    /// Keeps only the first n bytes.
    Truncate(usize),
    /// XORs the byte at each offset with the mask.
    FlipBits(Vec<(usize, u8)>),
    /// Sets the byte at each offset.
    SetBytes(Vec<(usize, u8)>),
    /// Zeroes `len` bytes from `at`.
    Zero { at: usize, len: usize },
    /// Writes `len` bytes of another file, from its offset `from`, over this one's from `at`.
    CopyFrom { file: Role, from: usize, at: usize, len: usize },
    /// The whole content of another file.
    Replace(Role),
    /// Bytes added at the end.
    Append(Vec<u8>),
    /// The file is gone.
    Delete,
}

/// One damaged file.
#[derive(Debug, Clone, PartialEq)]
pub struct Damage {
    pub file: Role,
    pub harm: Harm,
}

/// The damages of one execution and what is read after them.
#[derive(Debug, Clone)]
pub struct Execution {
    pub damages: Vec<Damage>,
    pub reads: Reads,
}

/// How an execution ended, for the closing count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Ok,
    /// `Error::Damaged` from the read path itself.
    Damaged,
    FormatVersion,
    NoIndex,
    /// A tantivy error or another error of the read path, answered by the damage check.
    ErrorNamedByCheck,
    /// A panic of the read path, answered by the damage check.
    PanicNamedByCheck,
}

/// An index built once, its files' bytes, and the folder the executions damage.
pub struct PristineIndex {
    _dir: tempfile::TempDir,
    index: PathBuf,
    files: BTreeMap<Role, (PathBuf, Vec<u8>)>,
}

struct Quiet;
impl BuildProgress for Quiet {}

thread_local! {
    /// Set while a target runs whose panics are expected and caught: the hook stays silent.
    static EXPECTING_PANICS: Cell<bool> = const { Cell::new(false) };
}

/// A panic hook that says nothing on a thread expecting panics, and what Rust says elsewhere.
fn silence_expected_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !EXPECTING_PANICS.with(Cell::get) {
                default_hook(info);
            }
        }));
    });
}

/// A temporary folder in memory when the system has one (`/dev/shm`), so that damaging and
/// restoring files costs no disk I/O.
fn ram_backed_tempdir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let in_memory = shm.is_dir().then(|| tempfile::tempdir_in(shm).ok()).flatten();
    in_memory.unwrap_or_else(|| tempfile::tempdir().unwrap())
}

impl PristineIndex {
    /// Builds the bundled corpus with the bundled config.
    pub fn build() -> PristineIndex {
        let dir = ram_backed_tempdir();
        let index = dir.path().join("idx");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = ConfigFiles::read_dir(&root.join("index-config")).unwrap();
        let request =
            BuildRequest { corpus: root.join("corpus"), index: index.clone(), config, config_dir: None };
        build(&request, &Quiet).unwrap();
        // Else every failure would pass as named damage.
        assert!(check::find_damage(&index).is_none(), "the damage check finds damage in an intact index");
        let mut files = BTreeMap::new();
        for entry in walkdir(&index) {
            let relative = entry.strip_prefix(&index).unwrap().to_string_lossy().into_owned();
            if relative == ".praev.lock" {
                continue;
            }
            let bytes = std::fs::read(&entry).unwrap();
            files.insert(role_of(&relative), (entry, bytes));
        }
        PristineIndex { _dir: dir, index, files }
    }

    pub fn roles(&self) -> Vec<Role> {
        self.files.keys().cloned().collect()
    }

    fn bytes(&self, role: &str) -> &[u8] {
        self.files.get(role).map(|(_, bytes)| bytes.as_slice()).unwrap_or_default()
    }

    /// Writes the damaged files; returns the roles to restore.
    fn inflict(&self, damages: &[Damage], buffer: &mut Vec<u8>) -> Vec<Role> {
        let mut current: BTreeMap<&str, Option<Vec<u8>>> = BTreeMap::new();
        for damage in damages {
            let Some((_, original)) = self.files.get(&damage.file) else { continue };
            let state = current.entry(&damage.file).or_insert_with(|| Some(original.clone()));
            if let Some(bytes) = state {
                if !self.harm(bytes, &damage.harm) {
                    *state = None;
                }
            }
        }
        for (role, state) in &current {
            let path = &self.files[*role].0;
            match state {
                Some(bytes) => {
                    buffer.clear();
                    buffer.extend_from_slice(bytes);
                    std::fs::write(path, &buffer).unwrap();
                }
                None => std::fs::remove_file(path).unwrap(),
            }
        }
        current.keys().map(|role| role.to_string()).collect()
    }

    /// Applies `harm` to `bytes`; false when the file is to be deleted.
    fn harm(&self, bytes: &mut Vec<u8>, harm: &Harm) -> bool {
        let len = bytes.len();
        match harm {
            Harm::Truncate(n) => bytes.truncate(*n),
            Harm::FlipBits(flips) => flips.iter().filter(|(i, _)| *i < len).for_each(|(i, m)| bytes[*i] ^= m),
            Harm::SetBytes(sets) => sets.iter().filter(|(i, _)| *i < len).for_each(|(i, b)| bytes[*i] = *b),
            Harm::Zero { at, len: n } => bytes[(*at).min(len)..(at + n).min(len)].fill(0),
            Harm::CopyFrom { file, from, at, len: n } => {
                let source = self.bytes(file);
                let source = &source[(*from).min(source.len())..(from + n).min(source.len())];
                let end = (at + source.len()).min(len);
                let start = (*at).min(end);
                bytes[start..end].copy_from_slice(&source[..end - start]);
            }
            Harm::Replace(file) => *bytes = self.bytes(file).to_vec(),
            Harm::Append(more) => bytes.extend_from_slice(more),
            Harm::Delete => return false,
        }
        true
    }

    fn restore(&self, roles: &[Role]) {
        for role in roles {
            let (path, bytes) = &self.files[role];
            std::fs::write(path, bytes).unwrap();
        }
    }

    /// Damages the index, reads it as the CLI does, restores it. Err: what went wrong.
    /// `cached` is the intact index opened once: when only tantivy's files are damaged, only
    /// they are opened again.
    fn execute(
        &self,
        execution: &Execution,
        cached: &mut PraevIndex,
        buffer: &mut Vec<u8>,
    ) -> Result<Outcome, String> {
        let damaged = self.inflict(&execution.damages, buffer);
        let only_tantivy = damaged.iter().all(|role| is_tantivy_file(role));
        let outcome = read_at_the_boundary(&self.index, only_tantivy.then_some(cached), execution.reads);
        self.restore(&damaged);
        outcome
    }

    /// The intact index, opened.
    fn open(&self) -> PraevIndex {
        PraevIndex::open(&self.index).unwrap()
    }
}

/// Every file under `dir`, sorted.
fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walkdir(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Whether a file is tantivy's (its segment list, its list of files, a segment's file, a lock).
fn is_tantivy_file(role: &str) -> bool {
    ["GEN/meta.json", "GEN/.managed.json"].contains(&role)
        || role.starts_with("GEN/SEGMENT.")
        || role.starts_with("GEN/.tantivy-")
}

/// `gen-1764800000-42/3f2a…9c.term` → `GEN/SEGMENT.term`.
fn role_of(relative: &str) -> Role {
    let mut parts: Vec<String> = relative.split('/').map(str::to_string).collect();
    if parts[0].starts_with("gen-") {
        parts[0] = "GEN".into();
    }
    let last = parts.last_mut().unwrap();
    if let Some((stem, extension)) = last.split_once('.') {
        if stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()) {
            *last = format!("SEGMENT.{extension}");
        }
    }
    parts.join("/")
}

/// The searches an execution picks one of: words, a phrase (positions), an exclusion, a
/// municipality filter (`municipalities.json`).
const SEARCHES: &[&str] =
    &["Kinder Familien", "\"Frühe Hilfen\" Übergang", "Präventionskette -Schule", "Bildung"];
/// The listings an execution picks one of.
const LISTINGS: usize = 5;

/// What one execution reads after the damage: a search and a listing, as the read commands
/// run them.
#[derive(Debug, Clone, Copy)]
pub struct Reads {
    pub search: usize,
    pub listing: usize,
}

/// Opens the index (or only tantivy's part of it again, when praev's own files are intact and
/// `cached` holds them read) and runs `reads`.
fn read(path: &Path, cached: Option<&mut PraevIndex>, reads: Reads) -> praev::Result<()> {
    let mut opened = None;
    let index = match cached {
        Some(index) => {
            index.reopen_segments()?;
            index
        }
        None => opened.insert(PraevIndex::open(path)?),
    };
    let municipalities = match reads.search {
        3 => index.municipalities()?.into_iter().take(1).collect(),
        _ => Vec::new(),
    };
    let filter = PassageFilter { municipalities, ..Default::default() };
    let query = SEARCHES[reads.search % SEARCHES.len()].to_string();
    search(index, &SearchRequest { query, limit: 10, filter, ..Default::default() })?;
    match reads.listing % LISTINGS {
        0 => drop(find_quotes(index, &QuoteRequest { limit: 10, ..Default::default() })?),
        1 => {
            let query = Some("Kinder".to_string());
            drop(find_quotes(index, &QuoteRequest { query, limit: 10, ..Default::default() })?)
        }
        2 => {
            index.districts()?;
            drop(documents::list(index, &DocumentFilter::default())?)
        }
        3 => drop(list_speakers(index)?),
        _ => drop(index.themes()?),
    }
    Ok(())
}

/// Runs [`read`] as the CLI's panic boundary does: a panic or an error that is not one of
/// praev's own is answered by the damage check, which must then name the damage.
fn read_at_the_boundary(
    index: &Path,
    cached: Option<&mut PraevIndex>,
    reads: Reads,
) -> Result<Outcome, String> {
    EXPECTING_PANICS.with(|expecting| expecting.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| read(index, cached, reads)));
    let finished = |outcome| {
        EXPECTING_PANICS.with(|expecting| expecting.set(false));
        Ok(outcome)
    };
    let (answered, failure) = match result {
        Ok(Ok(())) => return finished(Outcome::Ok),
        Ok(Err(Error::Damaged { .. })) => return finished(Outcome::Damaged),
        Ok(Err(Error::FormatVersion { .. })) => return finished(Outcome::FormatVersion),
        Ok(Err(Error::NoIndex { .. })) => return finished(Outcome::NoIndex),
        Ok(Err(error)) => (Outcome::ErrorNamedByCheck, format!("error {error}")),
        Err(_) => (Outcome::PanicNamedByCheck, "panic".to_string()),
    };
    let checked = catch_unwind(AssertUnwindSafe(|| check::find_damage(index)));
    EXPECTING_PANICS.with(|expecting| expecting.set(false));
    match checked {
        Ok(Some(Error::Damaged { .. })) => Ok(answered),
        Ok(Some(other)) => Err(format!("{failure}; the damage check said: {other}")),
        Ok(None) => Err(format!("{failure}; the damage check found no damage")),
        Err(_) => Err(format!("{failure}; the damage check panicked")),
    }
}

/// Picks an offset into a file of `len` bytes: its head (headers), its tail (footers,
/// checksums) or anywhere.
fn offset(inputs: &mut Inputs, len: usize) -> usize {
    let len = len.max(1);
    match inputs.below(3) {
        0 => inputs.below(len.min(64)),
        1 => len - 1 - inputs.below(len.min(64)),
        _ => inputs.below(len),
    }
}

impl PristineIndex {
    /// One to three damages, most to tantivy's segment files and praev's own files, and what
    /// is read after them.
    pub fn execution(&self, inputs: &mut Inputs, roles: &[Role]) -> Execution {
        let count = match inputs.below(10) {
            0 => 3,
            1 | 2 => 2,
            _ => 1,
        };
        let damages = (0..count).map(|_| self.damage(inputs, roles)).collect();
        let reads = Reads { search: inputs.below(SEARCHES.len()), listing: inputs.below(LISTINGS) };
        Execution { damages, reads }
    }

    fn damage(&self, inputs: &mut Inputs, roles: &[Role]) -> Damage {
        let file = roles[inputs.below(roles.len())].clone();
        let len = self.bytes(&file).len();
        let harm = match inputs.below(16) {
            0 | 1 => Harm::Truncate(offset(inputs, len)),
            2..=5 => Harm::FlipBits(
                (0..1 + inputs.below(4)).map(|_| (offset(inputs, len), 1u8 << inputs.below(8))).collect(),
            ),
            6 | 7 => Harm::SetBytes(
                (0..1 + inputs.below(8)).map(|_| (offset(inputs, len), inputs.next() as u8)).collect(),
            ),
            8 | 9 => Harm::Zero { at: offset(inputs, len), len: 1 + inputs.below(64) },
            10 | 11 => {
                let other = roles[inputs.below(roles.len())].clone();
                let from = offset(inputs, self.bytes(&other).len());
                Harm::CopyFrom { file: other, from, at: offset(inputs, len), len: 1 + inputs.below(256) }
            }
            12 => Harm::Replace(roles[inputs.below(roles.len())].clone()),
            13 => Harm::Append((0..1 + inputs.below(32)).map(|_| inputs.next() as u8).collect()),
            14 => Harm::Truncate(0),
            _ => Harm::Delete,
        };
        Damage { file, harm }
    }
}

/// Runs `executions` damaged reads; panics with the damage on the first failure. Returns the
/// count of each outcome.
pub fn run(seed: u64, executions: usize) -> Vec<(String, usize)> {
    silence_expected_panics();
    let pristine = PristineIndex::build();
    let roles = weighted_roles(&pristine.roles());
    let mut inputs = Inputs(seed);
    let mut buffer = Vec::new();
    let mut counts: BTreeMap<Outcome, usize> = BTreeMap::new();
    let mut failures: BTreeMap<String, (usize, String, Execution)> = BTreeMap::new();
    let temporary = pristine.index.display().to_string();
    let mut cached = pristine.open();
    for done in 1..=executions {
        let execution = pristine.execution(&mut inputs, &roles);
        match pristine.execute(&execution, &mut cached, &mut buffer) {
            Ok(outcome) => *counts.entry(outcome).or_default() += 1,
            Err(failure) => {
                let failure = failure.replace(&temporary, "IDX");
                let kind: String = failure.chars().filter(|c| !c.is_ascii_digit()).take(60).collect();
                failures.entry(kind).or_insert_with(|| (0, failure, execution)).0 += 1;
            }
        }
        if done % 100_000 == 0 {
            eprintln!("damaged index reader: {done} executions, {} failures so far", failures.len());
        }
    }
    if !failures.is_empty() {
        let listed: Vec<String> = failures
            .values()
            .map(|(n, failure, execution)| format!("{n} × {failure}\n    after {execution:?}"))
            .collect();
        panic!("damaged index reader failed:\n{}", listed.join("\n"));
    }
    counts.into_iter().map(|(outcome, n)| (format!("{outcome:?}"), n)).collect()
}

/// The files to pick from, each as often as its weight: tantivy's files most (they are the
/// ones read lazily and trusted), praev's own files less, each file of the config copy and
/// the lock files least.
fn weighted_roles(roles: &[Role]) -> Vec<Role> {
    let mut weighted = Vec::new();
    for role in roles {
        let copies = if role.starts_with("GEN/config/") || role.starts_with("GEN/.tantivy-") {
            1
        } else if is_tantivy_file(role) {
            10
        } else {
            3
        };
        weighted.extend(std::iter::repeat_n(role.clone(), copies));
    }
    weighted
}

/// Runs executions on one fresh index (for the regression list in
/// `inputs_that_once_panicked_do_not`); the first failure with its execution.
pub fn read_after(executions: &[Execution]) -> Result<(), String> {
    silence_expected_panics();
    let pristine = PristineIndex::build();
    let mut cached = pristine.open();
    for execution in executions {
        let outcome = pristine.execute(execution, &mut cached, &mut Vec::new());
        outcome.map_err(|failure| format!("{failure} after {execution:?}"))?;
    }
    Ok(())
}
