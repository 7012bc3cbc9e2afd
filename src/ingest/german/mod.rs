//! What the ingest stages know about German text, written down once.
//!
//! Passages, metadata and quotes all read the same kind of text, so they share one idea of
//! it: which characters are quotation marks and how they pair (`quotation_marks`), where a
//! sentence ends and which abbreviations end none (`sentences`), which words name an office or
//! role (`offices`), and the labels of the programme's profile template (`template`). Each
//! stage keeps its own heuristics; what a mark, an abbreviation or an office *is* lives here,
//! so that a word added for one stage is known to all of them.

pub(crate) mod offices;
pub(crate) mod quotation_marks;
pub(crate) mod sentences;
pub(crate) mod template;
