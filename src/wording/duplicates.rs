//! Word sequences that several documents share: boilerplate, copied Leitbild lines, press
//! releases quoting a programme page.
//!
//! Coordinators want to know which lines are their own and which were taken over from a
//! template or a neighbour. Every passage and section heading is cut into words (lower case,
//! umlauts folded, punctuation dropped), each window of `min_words` words is hashed, and
//! windows found in at least two files are extended to maximal runs. Rare windows (few
//! occurrences) are extended pair by pair, so that two documents sharing a long line and a third
//! sharing only part of it give two sequences; frequent windows (boilerplate in hundreds of
//! files) are extended for their whole set of occurrences at once, which keeps the work
//! linear-ish. Passages are treated separately: no sequence runs across a passage boundary.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

use crate::analysis::UmlautFold;
use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::ingest::PassageKind;
use crate::query::hits::stored_str;

/// Windows with more occurrences than this are extended as one set, not pair by pair.
const PAIRWISE_LIMIT: usize = 48;

/// The smallest sensible `min_words`: one shared word is not a sequence.
pub const MIN_WORDS_FLOOR: usize = 2;

/// One passage's words, for matching and for showing them as written.
#[derive(Debug, Clone)]
pub struct PassageWords {
    pub file: String,
    pub passage: u64,
    pub municipality: Option<String>,
    pub text: String,
    /// Interned normalised words.
    pub ids: Vec<u32>,
    /// Byte span of each word in `text`.
    pub spans: Vec<(usize, usize)>,
}

/// Where a shared sequence occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    pub file: String,
    pub passage: u64,
    pub municipality: Option<String>,
}

/// A maximal word sequence shared by several documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedSequence {
    /// The words as they appear in the first occurrence (punctuation between them kept).
    pub text: String,
    /// Number of words.
    pub words: usize,
    /// Number of different files.
    pub documents: usize,
    /// The different municipalities, sorted; documents without one are not listed.
    pub municipalities: Vec<String>,
    pub occurrences: Vec<Occurrence>,
}

/// What `praev duplicates` asks for.
#[derive(Debug, Clone)]
pub struct DuplicatesRequest {
    pub min_words: usize,
    /// Also groups whose documents all belong to one municipality.
    pub same_municipality: bool,
    pub limit: usize,
}

/// The groups to show and how many there were.
#[derive(Debug, Clone)]
pub struct Duplicates {
    pub groups: Vec<SharedSequence>,
    pub total_groups: usize,
}

/// `praev duplicates`: shared sequences, most documents first, then longest.
pub fn find_duplicates(index: &PraevIndex, request: &DuplicatesRequest) -> Result<Duplicates> {
    check_min_words(request.min_words)?;
    let passages = read_passages(index, |_| true)?;
    let mut groups = shared_in(&passages, request.min_words);
    groups.retain(|g| request.same_municipality || spans_municipalities(g));
    let total_groups = groups.len();
    groups.truncate(request.limit);
    Ok(Duplicates { groups, total_groups })
}

/// Maximal sequences of at least `min_words` words that occur in at least one file of `a` and
/// one file of `b` (for comparing two sets of documents).
pub fn shared_sequences(
    index: &PraevIndex,
    a: &[String],
    b: &[String],
    min_words: usize,
) -> Result<Vec<SharedSequence>> {
    check_min_words(min_words)?;
    let a: FxHashSet<&str> = a.iter().map(String::as_str).collect();
    let b: FxHashSet<&str> = b.iter().map(String::as_str).collect();
    let passages = read_passages(index, |file| a.contains(file) || b.contains(file))?;
    let mut groups = shared_in(&passages, min_words);
    groups.retain(|g| {
        g.occurrences.iter().any(|o| a.contains(o.file.as_str()))
            && g.occurrences.iter().any(|o| b.contains(o.file.as_str()))
    });
    Ok(groups)
}

pub fn check_min_words(min_words: usize) -> Result<()> {
    if min_words < MIN_WORDS_FLOOR {
        return Err(Error::InvalidArgument(format!(
            "--min-words must be at least {MIN_WORDS_FLOOR}, not {min_words}"
        )));
    }
    Ok(())
}

/// True when the group's documents belong to at least two municipalities; a document without
/// municipality counts as its own.
pub fn spans_municipalities(group: &SharedSequence) -> bool {
    let keys: FxHashSet<(bool, &str)> = group
        .occurrences
        .iter()
        .map(|o| match &o.municipality {
            Some(name) => (true, name.as_str()),
            None => (false, o.file.as_str()),
        })
        .collect();
    keys.len() >= 2
}

/// Every stored passage (quotes excluded: they repeat passage text) of the files `keep` accepts,
/// and each distinct section heading of a file once (as part of its first passage): a Leitbild
/// line is often a heading.
fn read_passages(index: &PraevIndex, keep: impl Fn(&str) -> bool) -> Result<Vec<PassageWords>> {
    let searcher = index.reader.searcher();
    let f = &index.fields;
    let mut vocabulary = Vocabulary::default();
    let mut passages = Vec::new();
    let mut headings: BTreeMap<(String, String), (u64, Option<String>)> = BTreeMap::new();
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        for doc_id in segment.doc_ids_alive() {
            let doc: TantivyDocument = searcher.doc(DocAddress::new(ordinal as u32, doc_id))?;
            let text_of = |field| stored_str(&doc, field);
            let file = text_of(f.file).unwrap_or_default();
            if text_of(f.kind).as_deref() == Some(PassageKind::Quote.as_str()) || !keep(&file) {
                continue;
            }
            let passage = doc.get_first(f.passage).and_then(|v| v.as_u64()).unwrap_or(0);
            let municipality = text_of(f.municipality);
            if let Some(section) = text_of(f.section) {
                let first =
                    headings.entry((file.clone(), section)).or_insert((passage, municipality.clone()));
                first.0 = first.0.min(passage);
            }
            let text = text_of(f.text).unwrap_or_default();
            passages.push(vocabulary.passage(file, passage, municipality, text));
        }
    }
    for ((file, section), (passage, municipality)) in headings {
        passages.push(vocabulary.passage(file, passage, municipality, section));
    }
    passages.sort_by(|x, y| (&x.file, x.passage).cmp(&(&y.file, y.passage)));
    Ok(passages)
}

/// Interns normalised words, so that windows compare as integers.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

impl Vocabulary {
    pub fn passage(
        &mut self,
        file: String,
        passage: u64,
        municipality: Option<String>,
        text: String,
    ) -> PassageWords {
        let spans = word_spans(&text);
        let ids = spans.iter().map(|&(s, e)| self.id(&normalise(&text[s..e]))).collect();
        PassageWords { file, passage, municipality, text, ids, spans }
    }

    fn id(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }
}

/// Byte spans of the words: runs of letters and digits.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// The matching form of a word: lower case, umlauts folded.
pub fn normalise(word: &str) -> String {
    UmlautFold::fold(&word.to_lowercase())
}

/// One word position: passage index and word index.
type Position = (usize, usize);

/// Maximal shared sequences of the passages, grouped by their words, sorted by documents desc,
/// then words desc, then text.
pub fn shared_in(passages: &[PassageWords], min_words: usize) -> Vec<SharedSequence> {
    let windows = shared_windows(passages, min_words);
    let mut runs: FxHashMap<&[u32], BTreeSet<Position>> = FxHashMap::default();
    for occurrences in windows.values() {
        let found = if occurrences.len() > PAIRWISE_LIMIT {
            extend_set(passages, occurrences, min_words)
        } else {
            extend_pairs(passages, occurrences, min_words)
        };
        for (start, len, positions) in found {
            let (p, i) = start;
            runs.entry(&passages[p].ids[i..i + len]).or_default().extend(positions);
        }
    }
    let mut groups: Vec<SharedSequence> =
        runs.into_iter().filter_map(|(key, positions)| group(passages, key.len(), &positions)).collect();
    groups.sort_by(|x, y| {
        y.documents.cmp(&x.documents).then(y.words.cmp(&x.words)).then_with(|| x.text.cmp(&y.text))
    });
    groups
}

/// Each window of `n` words mapped to its positions, kept when it occurs in two or more files.
/// A first pass notes, per window hash, the first file seen and whether another file has it
/// too (16 bytes a window instead of a list of positions: a large corpus has millions of
/// windows, nearly all in one file only); the second pass collects the positions of the
/// windows that passed (a hash collision only lets a window through to the exact check).
fn shared_windows(passages: &[PassageWords], n: usize) -> FxHashMap<&[u32], Vec<Position>> {
    let mut file_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let file_of: Vec<u32> = passages
        .iter()
        .map(|passage| {
            let next = file_ids.len() as u32;
            *file_ids.entry(passage.file.as_str()).or_insert(next)
        })
        .collect();
    let hash = |window: &[u32]| {
        let mut hasher = rustc_hash::FxHasher::default();
        std::hash::Hash::hash(window, &mut hasher);
        std::hash::Hasher::finish(&hasher)
    };
    let mut seen: FxHashMap<u64, (u32, bool)> = FxHashMap::default();
    for (p, passage) in passages.iter().enumerate() {
        for window in passage.ids.windows(n) {
            let entry = seen.entry(hash(window)).or_insert((file_of[p], false));
            if entry.0 != file_of[p] {
                entry.1 = true;
            }
        }
    }
    seen.retain(|_, (_, shared)| *shared);
    let mut windows: FxHashMap<&[u32], Vec<Position>> = FxHashMap::default();
    for (p, passage) in passages.iter().enumerate() {
        for (i, window) in passage.ids.windows(n).enumerate() {
            if seen.contains_key(&hash(window)) {
                windows.entry(window).or_default().push((p, i));
            }
        }
    }
    windows.retain(|_, positions| in_two_files(passages, positions));
    windows
}

fn in_two_files(passages: &[PassageWords], positions: &[Position]) -> bool {
    let first = &passages[positions[0].0].file;
    positions.iter().any(|&(p, _)| passages[p].file != *first)
}

/// A found run: its start in one passage, its length, and all positions it covers.
type Run = (Position, usize, Vec<Position>);

/// Pair by pair: each pair of positions in different files whose previous words differ starts
/// a run, extended while the words agree.
fn extend_pairs(passages: &[PassageWords], occurrences: &[Position], n: usize) -> Vec<Run> {
    let mut runs = Vec::new();
    for (k, &x) in occurrences.iter().enumerate() {
        for &y in &occurrences[k + 1..] {
            if passages[x.0].file == passages[y.0].file || continues(passages, &[x, y]) {
                continue;
            }
            let len = n + agreeing_after(passages, &[x, y], n);
            runs.push((x, len, vec![x, y]));
        }
    }
    runs
}

/// All positions at once (frequent windows): a run starts where not all previous words agree.
fn extend_set(passages: &[PassageWords], occurrences: &[Position], n: usize) -> Vec<Run> {
    if continues(passages, occurrences) {
        return Vec::new();
    }
    let len = n + agreeing_after(passages, occurrences, n);
    vec![(occurrences[0], len, occurrences.to_vec())]
}

/// True when the word before every position exists and is the same: the window is the
/// continuation of a run that started earlier.
fn continues(passages: &[PassageWords], positions: &[Position]) -> bool {
    let before = |&(p, i): &Position| if i == 0 { None } else { Some(passages[p].ids[i - 1]) };
    let first = before(&positions[0]);
    first.is_some() && positions.iter().all(|pos| before(pos) == first)
}

/// How many words after the first `n` agree at every position.
fn agreeing_after(passages: &[PassageWords], positions: &[Position], n: usize) -> usize {
    let word = |&(p, i): &Position, k: usize| passages[p].ids.get(i + n + k).copied();
    let mut k = 0;
    while let Some(w) = word(&positions[0], k) {
        if !positions.iter().all(|pos| word(pos, k) == Some(w)) {
            break;
        }
        k += 1;
    }
    k
}

/// The group of a run's positions: one occurrence per passage, in file order; None when they
/// lie in only one file.
fn group(passages: &[PassageWords], len: usize, positions: &BTreeSet<Position>) -> Option<SharedSequence> {
    let mut first_per_passage: BTreeMap<usize, usize> = BTreeMap::new();
    for &(p, i) in positions {
        first_per_passage.entry(p).or_insert(i);
    }
    let files: BTreeSet<&str> = first_per_passage.keys().map(|&p| passages[p].file.as_str()).collect();
    if files.len() < 2 {
        return None;
    }
    let (&p, &i) = first_per_passage.iter().next()?;
    let first = &passages[p];
    let text = first.text[first.spans[i].0..first.spans[i + len - 1].1].to_string();
    let mut occurrences: Vec<Occurrence> = first_per_passage
        .keys()
        .map(|&p| Occurrence {
            file: passages[p].file.clone(),
            passage: passages[p].passage,
            municipality: passages[p].municipality.clone(),
        })
        .collect();
    occurrences.dedup();
    let municipalities: BTreeSet<String> =
        occurrences.iter().filter_map(|o| o.municipality.clone()).collect();
    Some(SharedSequence {
        text,
        words: len,
        documents: files.len(),
        municipalities: municipalities.into_iter().collect(),
        occurrences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(docs: &[(&str, Option<&str>, &str)]) -> Vec<PassageWords> {
        let mut vocabulary = Vocabulary::default();
        docs.iter()
            .map(|(file, m, text)| {
                vocabulary.passage(file.to_string(), 0, m.map(str::to_string), text.to_string())
            })
            .collect()
    }

    const LINE: &str = "Gutes miteinander vernetzen – Lücken schließen – Neues aufbauen";

    #[test]
    fn overlapping_windows_merge_into_one_maximal_sequence() {
        let passages = corpus(&[
            ("a.txt", Some("A"), &format!("Vorwort. {LINE}! Ende hier")),
            ("b.txt", Some("B"), &format!("Anders: {LINE}. Schluss jetzt")),
        ]);
        let groups = shared_in(&passages, 3);
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].text, LINE);
        assert_eq!(groups[0].words, 7);
        assert_eq!(groups[0].documents, 2);
        assert_eq!(groups[0].municipalities, ["A", "B"]);
    }

    #[test]
    fn matching_ignores_case_umlauts_and_punctuation() {
        let passages = corpus(&[
            ("a.txt", None, "Übergänge werden gestaltet, gemeinsam"),
            ("b.txt", None, "uebergaenge WERDEN gestaltet – gemeinsam"),
        ]);
        let groups = shared_in(&passages, 4);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].text, "Übergänge werden gestaltet, gemeinsam");
    }

    #[test]
    fn sequences_shorter_than_min_words_are_not_found() {
        let passages =
            corpus(&[("a.txt", None, "eins zwei drei vier"), ("b.txt", None, "null zwei drei vier")]);
        assert_eq!(shared_in(&passages, 3).len(), 1);
        assert!(shared_in(&passages, 4).is_empty());
    }

    #[test]
    fn a_third_document_sharing_part_of_a_line_gives_its_own_group() {
        let passages = corpus(&[
            ("a.txt", None, "x eins zwei drei vier fünf sechs y"),
            ("b.txt", None, "z eins zwei drei vier fünf sechs w"),
            ("c.txt", None, "q drei vier fünf r"),
        ]);
        let groups = shared_in(&passages, 3);
        let summary: Vec<(usize, usize)> = groups.iter().map(|g| (g.documents, g.words)).collect();
        assert_eq!(summary, [(3, 3), (2, 6)], "{groups:?}");
        assert_eq!(groups[0].text, "drei vier fünf");
    }

    #[test]
    fn one_file_repeating_itself_is_no_duplicate() {
        let passages = corpus(&[("a.txt", None, "eins zwei drei"), ("a.txt", None, "eins zwei drei")]);
        assert!(shared_in(&passages, 2).is_empty());
    }

    #[test]
    fn municipality_rule_counts_documents_without_municipality_as_their_own() {
        let passages = corpus(&[
            ("a.txt", Some("A"), "eins zwei drei"),
            ("b.txt", Some("A"), "eins zwei drei"),
            ("c.txt", None, "vier fünf sechs"),
            ("d.txt", None, "vier fünf sechs"),
            ("e.txt", Some("B"), "sieben acht neun"),
            ("f.txt", None, "sieben acht neun"),
        ]);
        let groups = shared_in(&passages, 3);
        let crossing: Vec<&str> =
            groups.iter().filter(|g| spans_municipalities(g)).map(|g| g.text.as_str()).collect();
        assert_eq!(groups.len(), 3);
        assert_eq!(crossing, ["sieben acht neun", "vier fünf sechs"]);
    }

    #[test]
    fn frequent_windows_are_grouped_without_pairs() {
        let docs: Vec<(String, String)> =
            (0..PAIRWISE_LIMIT + 5).map(|k| (format!("{k}.txt"), format!("w{k} a b c d e v{k}"))).collect();
        let docs: Vec<(&str, Option<&str>, &str)> =
            docs.iter().map(|(f, t)| (f.as_str(), None, t.as_str())).collect();
        let groups = shared_in(&corpus(&docs), 3);
        assert_eq!(groups.len(), 1);
        assert_eq!((groups[0].documents, groups[0].words), (PAIRWISE_LIMIT + 5, 5));
    }

    #[test]
    fn twenty_thousand_passages_with_shared_boilerplate_stay_fast() {
        let started = std::time::Instant::now();
        let mut vocabulary = Vocabulary::default();
        let passages: Vec<PassageWords> = (0..20_000)
            .map(|k| {
                let own: Vec<String> = (0..40).map(|w| format!("w{k}x{w}")).collect();
                let text =
                    format!("{} Impressum Datenschutz Kontakt Barrierefreiheit Sitemap", own.join(" "));
                vocabulary.passage(format!("{k}.txt"), 0, Some(format!("M{}", k % 50)), text)
            })
            .collect();
        let groups = shared_in(&passages, 3);
        assert_eq!(groups.len(), 1);
        assert_eq!((groups[0].documents, groups[0].words), (20_000, 5));
        assert!(started.elapsed().as_secs() < 30, "took {:?}", started.elapsed());
    }
}
