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
        loop {
            let smallest = names.iter().filter(|(_, more)| *more).map(|(stream, _)| stream.key()).min();
            let Some(name) = smallest.map(<[u8]>::to_vec) else { break };
            let id = FileId::try_from(files).unwrap_or(NO_FILE);
            for (((stream, more), index), (docs, block)) in
                names.iter_mut().zip(&inverted).zip(docs.iter_mut().zip(&mut blocks))
            {
                if !*more || stream.key() != name.as_slice() {
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
