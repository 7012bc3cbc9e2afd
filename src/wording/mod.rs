//! Comparing wording across municipalities: concordances (keyword in context), distinctive
//! terms (keyness), passages similar in wording, and word sequences several documents share.
//!
//! Coordinators benchmark their texts against the neighbours'; corpus linguists do this with
//! concordances and keyness (AntConc, Sketch Engine). These views work on praev's own index and
//! its German analysis, so inflected and compound forms count.

pub mod compare;
pub mod duplicates;
pub mod kwic;
pub mod similar;
pub mod terms;
