//! File evidence and the final order of a search's passages.
//!
//! A file with two passages about the query is more likely about it than a file with one, so
//! the best passage of each file gains a share of the score of the file's second-best
//! ([`FILE_EVIDENCE_SHARE`]). The second-best is looked for among *every* passage the query
//! matches ([`BestTwoPerFile`] keeps the best two of each file while tantivy scores them),
//! never among the few fetched for the hits: a score that depends on how many passages were
//! fetched makes the first ten hits at `--limit 10` differ from the first ten at `--limit 100`
//! (issue 14: a passage missing from the top 20 while its score at `--limit 3000` put it
//! there). The order is total, best score first, then file name, then passage number, so ties
//! fall the same way at every limit and in every build of an index, whichever segments tantivy
//! wrote the passages to.
//!
//! Every passage a capped list can show is a file's best or second-best, so with at most two
//! passages per file the ranking is complete whatever was fetched; [`Ranking::complete_above`]
//! says how far it is complete when a file's third passage may show.

use std::cmp::Ordering;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, TantivyError};

use crate::index::file_ids::{FileId, FileIds, NO_FILE};
use crate::index::schema;

/// Share of the score of a file's second-best passage that its best passage gains: a file
/// with two passages about the query is more likely about it than a file with one. Measured
/// on the dev set: nDCG@10 0.756 → 0.763, R@20 0.767 → 0.786 (0.2: 0.761, 0.5: 0.759).
pub const FILE_EVIDENCE_SHARE: f32 = 0.3;

/// How many passages of each file the ranking knows whatever was fetched: the best and the
/// second-best.
pub const KNOWN_PER_FILE: usize = 2;

/// A passage the query matched, with what orders it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The first day of its document's date (`yyyymmdd`) when sorting by date, else 0.
    pub day: u64,
    pub score: Score,
    pub file: FileId,
    pub passage: u64,
    pub address: DocAddress,
}

impl Candidate {
    /// The final order: newest first (0 when not sorting by date), best score, then file name
    /// (file numbers are in name order), then passage number.
    pub fn rank_cmp(&self, other: &Candidate) -> Ordering {
        other
            .day
            .cmp(&self.day)
            .then_with(|| other.score.total_cmp(&self.score))
            .then_with(|| self.file.cmp(&other.file))
            .then_with(|| self.passage.cmp(&other.passage))
    }

    /// Whether it ranks before every passage whose day and score are at most `bound`.
    fn ranks_above(&self, bound: (u64, Score)) -> bool {
        self.day.cmp(&bound.0).then_with(|| self.score.total_cmp(&bound.1)) == Ordering::Greater
    }
}

/// The best passage of a file the query matched and its second-best, by raw score (ties: the
/// lower passage number first).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FileBest {
    pub best: Candidate,
    pub second: Option<Candidate>,
}

impl FileBest {
    /// The best two of two sets of a file's matches (from two segments).
    fn merge(self, other: FileBest) -> FileBest {
        let (mut best, mut second) = (self.best, self.second);
        for candidate in [Some(other.best), other.second].into_iter().flatten() {
            if candidate.rank_cmp(&best) == Ordering::Less {
                second = Some(best);
                best = candidate;
            } else if second.is_none_or(|second| candidate.rank_cmp(&second) == Ordering::Less) {
                second = Some(candidate);
            }
        }
        FileBest { best, second }
    }
}

/// The passages of a search in their final order, from the best two of each file and the
/// passages fetched by raw score.
pub struct Ranking {
    candidates: Vec<Candidate>,
    /// The first `bests` candidates are the files' best passages (until [`Ranking::within_first`]).
    bests: usize,
    /// The candidates before this place are in their final order.
    sorted: usize,
    next: usize,
    /// The day and score of the last fetched passage when the fetch was full: passages not
    /// among the candidates rank at most there.
    fetched_down_to: Option<(u64, Score)>,
}

impl Ranking {
    /// The ranking of `files` (every file the query matched, see [`BestTwoPerFile`]), where
    /// each file's best passage gains `share` of its second's score.
    pub fn new(files: Vec<FileBest>, share: f32) -> Ranking {
        let mut candidates = Vec::with_capacity(files.len() * 2);
        let mut seconds = Vec::with_capacity(files.len());
        for file in files {
            let mut best = file.best;
            if let Some(second) = file.second {
                best.score += share * second.score;
                seconds.push(second);
            }
            candidates.push(best);
        }
        let bests = candidates.len();
        candidates.extend(seconds);
        Ranking { candidates, bests, sorted: 0, next: 0, fetched_down_to: None }
    }

    /// Drops the candidates that rank after the best passage of the `shown`-th file: when
    /// every file's best passage is shown (no filter after the query), the first `shown` hits
    /// are all at least as high, so the rest need no sorting.
    pub fn within_first(mut self, shown: usize) -> Ranking {
        if shown == 0 || self.bests <= shown || self.next > 0 {
            return self;
        }
        let (_, last, _) =
            self.candidates[..self.bests].select_nth_unstable_by(shown - 1, Candidate::rank_cmp);
        let bound = (last.day, last.score);
        self.candidates
            .retain(|c| c.day.cmp(&bound.0).then_with(|| c.score.total_cmp(&bound.1)) != Ordering::Less);
        self.bests = 0;
        self
    }

    /// Adds `fetched`, the best passages by raw day and score (best first), `fetch` of them
    /// asked for: a file's passages beyond its second-best, as far as they were fetched.
    pub fn with_fetched(mut self, fetched: Vec<Candidate>, fetch: usize) -> Ranking {
        if fetched.len() >= fetch {
            self.fetched_down_to = fetched.last().map(|c| (c.day, c.score));
        }
        let mut fetched_addresses: Vec<DocAddress> = fetched.iter().map(|c| c.address).collect();
        fetched_addresses.sort_unstable();
        let mut known = vec![false; fetched_addresses.len()];
        for candidate in &self.candidates {
            if let Ok(place) = fetched_addresses.binary_search(&candidate.address) {
                known[place] = true;
            }
        }
        let is_new =
            |c: &Candidate| fetched_addresses.binary_search(&c.address).is_ok_and(|place| !known[place]);
        let new: Vec<Candidate> = fetched.into_iter().filter(is_new).collect();
        self.candidates.extend(new);
        self
    }

    /// Whether every passage not among the candidates ranks after `candidate`: true when all
    /// matches were fetched (or none: then only the best two of each file count). A file's
    /// passages beyond its second-best are candidates only when fetched.
    pub fn complete_above(&self, candidate: &Candidate) -> bool {
        self.fetched_down_to.is_none_or(|bound| candidate.ranks_above(bound))
    }

    /// Whether no passage that was asked for is missing (see [`Ranking::complete_above`]).
    pub fn is_complete(&self) -> bool {
        self.fetched_down_to.is_none()
    }

    /// Puts the next stretch of candidates in order: selection, then a sort of the stretch
    /// only, each stretch twice the last, so the few hits shown do not pay for sorting every
    /// matched file.
    fn sort_more(&mut self) {
        const FIRST_STRETCH: usize = 64;
        let end = self.candidates.len().min(self.sorted.max(FIRST_STRETCH / 2) * 2);
        let rest = &mut self.candidates[self.sorted..];
        let stretch = end - self.sorted;
        if stretch == 0 {
            return;
        }
        if stretch < rest.len() {
            rest.select_nth_unstable_by(stretch - 1, Candidate::rank_cmp);
        }
        rest[..stretch].sort_unstable_by(Candidate::rank_cmp);
        self.sorted = end;
    }
}

impl Iterator for Ranking {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        if self.next == self.sorted {
            self.sort_more();
        }
        let candidate = self.candidates.get(self.next).copied()?;
        self.next += 1;
        Some(candidate)
    }
}

/// Collects the best two passages of every file the query matches (see [`FileBest`]).
pub struct BestTwoPerFile<'a> {
    files: &'a FileIds,
    by_date: bool,
}

impl<'a> BestTwoPerFile<'a> {
    /// With `by_date`, candidates carry their document's first day.
    pub fn new(files: &'a FileIds, by_date: bool) -> BestTwoPerFile<'a> {
        BestTwoPerFile { files, by_date }
    }
}

impl Collector for BestTwoPerFile<'_> {
    type Fruit = Vec<FileBest>;
    type Child = SegmentBestTwo;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentBestTwo> {
        let files = self.files.of_segment(segment.segment_id()).ok_or_else(|| {
            TantivyError::InternalError(format!(
                "no file map for segment {}",
                segment.segment_id().short_uuid_string()
            ))
        })?;
        let columns = PassageColumns::open(segment, self.by_date)?;
        // One more slot for passages without a file, which count as one file.
        let slot_of = vec![u32::MAX; self.files.len() + 1];
        Ok(SegmentBestTwo { segment_ord, files, columns, slot_of, pairs: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<FileBest>>) -> tantivy::Result<Vec<FileBest>> {
        if fruits.len() == 1 {
            return Ok(fruits.into_iter().flatten().collect());
        }
        // A file's place in `merged`, by file number (the last slot: passages without a file).
        let mut place_of = vec![u32::MAX; self.files.len() + 1];
        let mut merged: Vec<FileBest> = Vec::with_capacity(fruits.iter().map(Vec::len).max().unwrap_or(0));
        for file in fruits.into_iter().flatten() {
            let slot = (file.best.file as usize).min(place_of.len() - 1);
            match merged.get_mut(place_of[slot] as usize) {
                Some(known) => *known = known.merge(file),
                None => {
                    place_of[slot] = u32::try_from(merged.len()).unwrap_or(u32::MAX);
                    merged.push(file);
                }
            }
        }
        Ok(merged)
    }
}

/// The fast fields a candidate is read from.
struct PassageColumns {
    passages: Column<u64>,
    days: Option<Column<u64>>,
}

impl PassageColumns {
    fn open(segment: &SegmentReader, by_date: bool) -> tantivy::Result<PassageColumns> {
        let fast = segment.fast_fields();
        let days = if by_date { Some(fast.u64(schema::DATE_FIRST)?) } else { None };
        Ok(PassageColumns { passages: fast.u64(schema::PASSAGE)?, days })
    }

    fn passage(&self, doc: DocId) -> u64 {
        self.passages.first(doc).unwrap_or(0)
    }

    fn candidate(&self, segment_ord: SegmentOrdinal, file: FileId, doc: DocId, score: Score) -> Candidate {
        let day = self.days.as_ref().and_then(|days| days.first(doc)).unwrap_or(0);
        Candidate { day, score, file, passage: self.passage(doc), address: DocAddress::new(segment_ord, doc) }
    }
}

/// [`BestTwoPerFile`] in one segment.
pub struct SegmentBestTwo {
    segment_ord: SegmentOrdinal,
    files: Arc<[FileId]>,
    columns: PassageColumns,
    /// Per file number, its place in `pairs` (`u32::MAX`: not matched yet).
    slot_of: Vec<u32>,
    pairs: Vec<Pair>,
}

/// A file's best two matches so far in one segment.
struct Pair {
    file: FileId,
    best: (Score, DocId),
    second: Option<(Score, DocId)>,
}

impl SegmentCollector for SegmentBestTwo {
    type Fruit = Vec<FileBest>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let file = self.files.get(doc as usize).copied().unwrap_or(NO_FILE);
        let slot = (file as usize).min(self.slot_of.len() - 1);
        let place = self.slot_of[slot];
        let Some(pair) = self.pairs.get_mut(place as usize) else {
            self.slot_of[slot] = u32::try_from(self.pairs.len()).unwrap_or(u32::MAX);
            self.pairs.push(Pair { file, best: (score, doc), second: None });
            return;
        };
        let columns = &self.columns;
        if before(columns, (score, doc), pair.best) {
            pair.second = Some(pair.best);
            pair.best = (score, doc);
        } else if pair.second.is_none_or(|second| before(columns, (score, doc), second)) {
            pair.second = Some((score, doc));
        }
    }

    fn harvest(self) -> Vec<FileBest> {
        let (columns, ord) = (&self.columns, self.segment_ord);
        self.pairs
            .iter()
            .map(|pair| FileBest {
                best: columns.candidate(ord, pair.file, pair.best.1, pair.best.0),
                second: pair.second.map(|(score, doc)| columns.candidate(ord, pair.file, doc, score)),
            })
            .collect()
    }
}

/// Whether match `a` of a file ranks before match `b` of the same file.
fn before(columns: &PassageColumns, a: (Score, DocId), b: (Score, DocId)) -> bool {
    match a.0.total_cmp(&b.0) {
        Ordering::Equal => columns.passage(a.1) < columns.passage(b.1),
        order => order == Ordering::Greater,
    }
}

/// The candidates of passages fetched by raw day and score (`(day, score, address)`, best
/// first), with their file and passage number.
pub fn fetched_candidates(
    searcher: &tantivy::Searcher,
    files: &FileIds,
    fetched: Vec<(u64, Score, DocAddress)>,
) -> tantivy::Result<Vec<Candidate>> {
    let mut segments: Vec<Option<(Arc<[FileId]>, PassageColumns)>> = Vec::new();
    segments.resize_with(searcher.segment_readers().len(), || None);
    let mut candidates = Vec::with_capacity(fetched.len());
    for (day, score, address) in fetched {
        let ord = address.segment_ord as usize;
        let slot =
            segments.get_mut(ord).ok_or_else(|| TantivyError::InternalError(format!("no segment {ord}")))?;
        if slot.is_none() {
            let segment = searcher.segment_reader(address.segment_ord);
            let doc_files = files.of_segment(segment.segment_id()).unwrap_or_else(|| Arc::from(Vec::new()));
            *slot = Some((doc_files, PassageColumns::open(segment, false)?));
        }
        let Some((doc_files, columns)) = slot.as_ref() else { continue };
        let file = doc_files.get(address.doc_id as usize).copied().unwrap_or(NO_FILE);
        let mut candidate = columns.candidate(address.segment_ord, file, address.doc_id, score);
        candidate.day = day;
        candidates.push(candidate);
    }
    Ok(candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A candidate of file `file` (numbers in name order), passage `passage`, score `score`;
    /// the address is made from file and passage.
    fn at(file: FileId, passage: u64, score: Score) -> Candidate {
        Candidate { day: 0, score, file, passage, address: DocAddress::new(0, file * 100 + passage as u32) }
    }

    fn best_two(best: Candidate, second: Option<Candidate>) -> FileBest {
        FileBest { best, second }
    }

    fn order(ranking: Ranking) -> Vec<(FileId, u64)> {
        ranking.map(|c| (c.file, c.passage)).collect()
    }

    #[test]
    fn a_file_with_a_second_matching_passage_ranks_up_without_its_second_passage() {
        // File 2 (leitbild) has two passages about the query: its best passes the press
        // release's (file 0) single one, its second stays below that.
        let files = vec![
            best_two(at(0, 0, 5.0), None),
            best_two(at(1, 0, 4.8), None),
            best_two(at(2, 0, 4.6), Some(at(2, 1, 2.0))),
        ];
        let ranking = Ranking::new(files, FILE_EVIDENCE_SHARE);
        assert_eq!(order(ranking), vec![(2, 0), (0, 0), (1, 0), (2, 1)]);
    }

    #[test]
    fn a_second_passage_too_weak_to_lift_its_file_changes_nothing() {
        let files = vec![best_two(at(0, 0, 5.0), None), best_two(at(1, 0, 4.0), Some(at(1, 1, 1.0)))];
        let ranking = Ranking::new(files, FILE_EVIDENCE_SHARE);
        assert_eq!(order(ranking), vec![(0, 0), (1, 0), (1, 1)]);
    }

    #[test]
    fn ties_fall_by_file_name_then_passage_whatever_the_input_order() {
        let files = vec![
            best_two(at(3, 4, 2.0), Some(at(3, 1, 1.0))),
            best_two(at(1, 0, 2.3), None),
            best_two(at(2, 7, 2.3), Some(at(2, 9, 1.0))),
        ];
        let fetched = vec![at(3, 2, 1.0), at(2, 9, 1.0)];
        let ranking = Ranking::new(files, 0.0).with_fetched(fetched, 10);
        assert_eq!(order(ranking), vec![(1, 0), (2, 7), (3, 4), (2, 9), (3, 1), (3, 2)]);
    }

    #[test]
    fn fetched_passages_beyond_a_files_second_join_once() {
        let files = vec![best_two(at(0, 0, 3.0), Some(at(0, 1, 2.0)))];
        let fetched = vec![at(0, 0, 3.0), at(0, 1, 2.0), at(0, 2, 1.9)];
        let ranking = Ranking::new(files, FILE_EVIDENCE_SHARE).with_fetched(fetched, 3);
        assert_eq!(order(ranking), vec![(0, 0), (0, 1), (0, 2)]);
    }

    #[test]
    fn a_full_fetch_vouches_only_for_what_ranks_above_its_last_passage() {
        let files = vec![best_two(at(0, 0, 3.0), Some(at(0, 1, 2.0))), best_two(at(1, 0, 1.0), None)];
        let fetched = vec![at(0, 0, 3.0), at(0, 1, 2.0)];
        let full = Ranking::new(files.clone(), FILE_EVIDENCE_SHARE).with_fetched(fetched.clone(), 2);
        assert!(!full.is_complete());
        assert!(full.complete_above(&at(0, 0, 3.6)));
        // A third passage of file 0 scoring 2.0 may be missing: not after one scoring 2.0.
        assert!(!full.complete_above(&at(0, 1, 2.0)));
        let all = Ranking::new(files, FILE_EVIDENCE_SHARE).with_fetched(fetched, 3);
        assert!(all.is_complete() && all.complete_above(&at(1, 0, 1.0)));
    }

    #[test]
    fn what_ranks_after_the_shown_files_best_is_dropped() {
        let files = vec![
            best_two(at(0, 0, 5.0), Some(at(0, 1, 4.0))),
            best_two(at(1, 0, 4.5), None),
            best_two(at(2, 0, 4.5), Some(at(2, 1, 0.5))),
            best_two(at(3, 0, 1.0), None),
        ];
        let everything = order(Ranking::new(files.clone(), FILE_EVIDENCE_SHARE));
        let first_two = order(Ranking::new(files, FILE_EVIDENCE_SHARE).within_first(2));
        // The second file is file 2 (4.5 + 0.3 × 0.5): file 1 (4.5) and the second passage
        // of file 0 (4.0) rank after its best and are dropped, with everything below.
        assert_eq!(first_two, everything[..2]);
        assert_eq!(everything[..2], [(0, 0), (2, 0)]);
    }

    #[test]
    fn the_best_two_of_a_file_split_over_segments_are_merged() {
        let a = best_two(at(5, 3, 2.0), Some(at(5, 0, 1.0)));
        let b = best_two(at(5, 1, 2.0), Some(at(5, 2, 1.5)));
        assert_eq!(a.merge(b), best_two(at(5, 1, 2.0), Some(at(5, 3, 2.0))));
    }

    #[test]
    fn the_order_holds_beyond_the_first_sorted_stretch() {
        let files: Vec<FileBest> =
            (0..500u32).map(|file| best_two(at(file, 0, (file % 37) as Score), None)).collect();
        let ranked: Vec<Candidate> = Ranking::new(files.clone(), 0.0).collect();
        let mut expected: Vec<Candidate> = files.iter().map(|f| f.best).collect();
        expected.sort_by(Candidate::rank_cmp);
        assert_eq!(ranked, expected);
    }
}
