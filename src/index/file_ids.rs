//! Which file each passage belongs to, as a number per file: what a ranking that groups
//! passages by file reads for every passage a query matches, where loading the stored
//! document of each would cost far more than the search.
//!
//! The file name is an indexed string (see [`super::schema::FILE`]) but no fast field, and the
//! index format stays as it is: the map is read from the file field's postings, once per open
//! index (a few milliseconds for 100,000 passages) and kept for every later search. Files are
//! numbered in the byte order of their names over all segments, so comparing two numbers
//! compares the names (the order ties are broken in) and one file split over several
//! segments keeps one number.

use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::postings::BlockSegmentPostings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Searcher;

use crate::error::{Error, Result};

/// A file's number: its place among the index's file names in byte order.
pub type FileId = u32;

/// The file of every passage of every segment of a searcher.
#[derive(Debug)]
pub struct FileIds {
    segments: Vec<(SegmentId, Arc<[FileId]>)>,
    files: usize,
}

/// The file number of a passage without a file name (none has one; a damaged index could).
pub const NO_FILE: FileId = FileId::MAX;

impl FileIds {
    /// Reads the file of each passage from the postings of `field` in every segment: the
    /// segments' term dictionaries are walked side by side, in name order, so a name gets one
    /// number in all of them without comparing it to more than the current name of each.
    pub fn read(searcher: &Searcher, field: Field) -> Result<FileIds> {
        let segments = searcher.segment_readers();
        let inverted =
            segments.iter().map(|s| s.inverted_index(field)).collect::<tantivy::Result<Vec<_>>>()?;
        let mut names = Vec::with_capacity(inverted.len());
        for index in &inverted {
            let mut stream = index.terms().stream().map_err(io_error)?;
            let more = stream.advance();
            names.push((stream, more));
        }
        let mut docs: Vec<Vec<FileId>> =
            segments.iter().map(|s| vec![NO_FILE; s.max_doc() as usize]).collect();
        // One block reader per segment, reset for each name: opening one per name costs more
        // than reading its few passages.
        let mut blocks: Vec<Option<BlockSegmentPostings>> = segments.iter().map(|_| None).collect();
        let mut files: usize = 0;
        // Which segments hold the current name.
        let mut holds = vec![false; names.len()];
        while let Some(smallest) =
            names.iter().filter(|(_, more)| *more).map(|(stream, _)| stream.key()).min()
        {
            for (hold, (stream, more)) in holds.iter_mut().zip(&names) {
                *hold = *more && stream.key() == smallest;
            }
            let id = FileId::try_from(files).unwrap_or(NO_FILE);
            for ((((stream, more), index), (docs, block)), hold) in
                names.iter_mut().zip(&inverted).zip(docs.iter_mut().zip(&mut blocks)).zip(&holds)
            {
                if !hold {
                    continue;
                }
                let block = match block {
                    Some(block) => {
                        index.reset_block_postings_from_terminfo(stream.value(), block).map_err(io_error)?;
                        block
                    }
                    None => block.insert(
                        index
                            .read_block_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                            .map_err(io_error)?,
                    ),
                };
                while !block.docs().is_empty() {
                    for &doc in block.docs() {
                        if let Some(slot) = docs.get_mut(doc as usize) {
                            *slot = id;
                        }
                    }
                    block.advance();
                }
                *more = stream.advance();
            }
            files += 1;
        }
        let segments = segments
            .iter()
            .zip(docs)
            .map(|(segment, docs)| (segment.segment_id(), Arc::from(docs)))
            .collect();
        Ok(FileIds { segments, files })
    }

    /// The file number of each passage (by doc id) of a segment; None for a segment the map
    /// was not read from.
    pub fn of_segment(&self, segment: SegmentId) -> Option<Arc<[FileId]>> {
        self.segments.iter().find(|(id, _)| *id == segment).map(|(_, docs)| Arc::clone(docs))
    }

    /// How many files the index has.
    pub fn len(&self) -> usize {
        self.files
    }

    pub fn is_empty(&self) -> bool {
        self.files == 0
    }
}

fn io_error(error: std::io::Error) -> Error {
    Error::Tantivy(error.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STRING};
    use tantivy::{doc, Index};

    /// A file's number in every segment, by (segment, doc) in the order the documents were
    /// added: `b.txt` written in both segments, as several writer threads do.
    #[test]
    fn a_file_split_over_segments_keeps_one_number_in_name_order() {
        let mut schema = Schema::builder();
        let file = schema.add_text_field("file", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for segment in [["c.txt", "b.txt", "c.txt"].as_slice(), &["b.txt", "a.txt"]] {
            for name in segment {
                writer.add_document(doc!(file => *name)).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2, "the test needs two segments");
        let ids = FileIds::read(&searcher, file).unwrap();
        assert_eq!(ids.len(), 3);
        let mut numbers: Vec<Vec<FileId>> = searcher
            .segment_readers()
            .iter()
            .map(|segment| ids.of_segment(segment.segment_id()).unwrap().to_vec())
            .collect();
        numbers.sort_by_key(Vec::len);
        // a.txt 0, b.txt 1, c.txt 2, in both segments.
        assert_eq!(numbers, vec![vec![1, 0], vec![2, 1, 2]]);
    }
}
